# Export human Gene Ontology Biological Process gene sets as a gzipped GMT file.
#
# Annotations are propagated to ancestor terms (org.Hs.egGO2ALLEGS, all
# evidence codes), restricted to BP terms, Entrez IDs mapped to gene symbols,
# and sets kept if they contain 10..500 distinct symbols. Output is
# deterministic: sets sorted by GO ID, genes sorted in C-locale order.
#
# Requires (Debian 12):
#   apt-get install r-base-core r-bioc-org.hs.eg.db r-bioc-go.db
#
# Usage:
#   Rscript scripts/export_go_bp_gmt.R [output_path]
#   (default output_path: data/genesets/go_bp.gmt.gz)

suppressPackageStartupMessages({
  library(AnnotationDbi)
  library(org.Hs.eg.db)
  library(GO.db)
})

args <- commandArgs(trailingOnly = TRUE)
out_path <- if (length(args) >= 1) args[[1]] else "data/genesets/go_bp.gmt.gz"
min_size <- 10L
max_size <- 500L

# GO ID -> Entrez IDs, propagated to ancestors, all evidence codes.
go2eg <- as.list(org.Hs.egGO2ALLEGS)

# Keep Biological Process terms only.
ont <- Ontology(names(go2eg))
go2eg <- go2eg[!is.na(ont) & ont == "BP"]

# Entrez ID -> symbol; genes without a symbol are dropped.
eg2sym <- unlist(as.list(org.Hs.egSYMBOL))

sets <- lapply(go2eg, function(eg) {
  sym <- unname(eg2sym[as.character(eg)])
  sort(unique(sym[!is.na(sym) & nzchar(sym)]), method = "radix")
})
n <- lengths(sets)
sets <- sets[n >= min_size & n <= max_size]
sets <- sets[sort(names(sets), method = "radix")]

# Term names, with any tab/newline replaced by a space.
desc <- Term(GOTERM[names(sets)])
desc <- gsub("[\t\r\n]", " ", unname(desc[names(sets)]))

lines <- vapply(seq_along(sets), function(i) {
  paste(c(names(sets)[i], desc[i], sets[[i]]), collapse = "\t")
}, character(1))

dir.create(dirname(out_path), recursive = TRUE, showWarnings = FALSE)
con <- gzfile(out_path, "w")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)

cat(sprintf("sets: %d\n", length(sets)))
cat(sprintf("distinct genes: %d\n", length(unique(unlist(sets)))))
cat(sprintf("file size: %d bytes (%s)\n", file.size(out_path), out_path))

#!/usr/bin/env Rscript
# Golden fixtures for rgmap's over-representation analysis (ORA).
# Reference implementation: R's phyper() (upper tail) and p.adjust(method = "BH").
#
# Usage (from the repository root):
#   Rscript scripts/make_enrichment_fixtures.R
#
# Writes into Tests/RGMapTests/Fixtures/enrichment/:
#   ora_universe.txt   - the 5000 genes of data/example/omics.tsv, file order
#   ora_queries.gmt    - 4 query gene lists (module1, module3, random150, small12)
#   ora_expected.tsv(.gz) - one row per (query, tested GO set); see SPEC.md
#
# Only base R is used. Output is deterministic (set.seed(7) for random150).

options(stringsAsFactors = FALSE)

out_dir <- file.path("Tests", "RGMapTests", "Fixtures", "enrichment")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

gmt_path    <- file.path("data", "genesets", "go_bp.gmt.gz")
omics_path  <- file.path("data", "example", "omics.tsv")
module_path <- file.path("data", "example", "truth", "module_genes.tsv")

MIN_K <- 10L
MAX_K <- 500L
SEED_RANDOM150 <- 7L
N_RANDOM <- 150L
N_SMALL <- 12L
SMALL_MIN_K <- 40L
MAX_PLAIN_BYTES <- 5e5  # gzip ora_expected.tsv if larger (plain is ~0.88 MB; keeps the folder < ~1.5 MB)

## ---- universe ------------------------------------------------------------
omics_lines <- readLines(omics_path)
stopifnot(sub("\t.*$", "", omics_lines[1]) == "gene")
universe <- sub("\t.*$", "", omics_lines[-1])
stopifnot(length(universe) == 5000L, !anyDuplicated(universe), all(nzchar(universe)))
N <- length(universe)

## ---- GO sets (read straight from the gzip GMT with base R) --------------
con <- gzfile(gmt_path, open = "rt")
gmt_lines <- readLines(con)
close(con)
gmt_fields <- strsplit(gmt_lines, "\t", fixed = TRUE)
go_names <- vapply(gmt_fields, `[`, "", 1L)
go_genes <- lapply(gmt_fields, function(f) if (length(f) > 2L) f[-(1:2)] else character(0))
names(go_genes) <- go_names
stopifnot(!anyDuplicated(go_names))
go_in_u <- lapply(go_genes, function(g) unique(g[g %in% universe]))
go_K <- lengths(go_in_u)

## ---- queries ---------------------------------------------------------------
mod <- read.delim(module_path, colClasses = c("character", "integer", "numeric"))
module1 <- mod$gene[mod$module == 1L]
module3 <- mod$gene[mod$module == 3L]

set.seed(SEED_RANDOM150)
random150 <- sample(universe, N_RANDOM)
random150_line <- c(random150, "NOTAGENE1")  # not in the universe: exercises the intersection rule

# small12: the largest GO set (by number of genes listed in the GMT; ties -> first
# name in C-locale order) among sets with >= 40 genes in the universe; take its first
# 12 genes in GMT order that are in the universe (so |small12 ∩ universe| = 12).
cand <- which(go_K >= SMALL_MIN_K)
raw_len <- lengths(go_genes)[cand]
cand <- cand[order(-raw_len, go_names[cand], method = "radix")]
small_src <- go_names[cand[1L]]
src_genes <- go_genes[[small_src]]
small12 <- head(src_genes[src_genes %in% universe], N_SMALL)
stopifnot(length(small12) == N_SMALL)
message(sprintf("small12 source set: %s (GMT size %d, in universe %d)",
                small_src, length(src_genes), go_K[[small_src]]))

queries <- list(module1 = module1, module3 = module3,
                random150 = random150_line, small12 = small12)

## ---- write universe and queries ------------------------------------------
writeLines(universe, file.path(out_dir, "ora_universe.txt"))
gmt_out <- vapply(names(queries), function(q)
  paste(c(q, "-", queries[[q]]), collapse = "\t"), "")
writeLines(gmt_out, file.path(out_dir, "ora_queries.gmt"))

## ---- ORA -------------------------------------------------------------------
tested <- go_names[go_K >= MIN_K & go_K <= MAX_K]
tested <- tested[order(tested, method = "radix")]  # C-locale byte order
K_t <- unname(go_K[tested])

fmt <- function(x) sprintf("%.17g", x)
rows <- character(0)
for (q in names(queries)) {
  qg <- unique(queries[[q]])
  qg <- qg[qg %in% universe]
  n <- length(qg)
  k <- vapply(tested, function(s) sum(go_in_u[[s]] %in% qg), 0L, USE.NAMES = FALSE)
  p <- phyper(k - 1L, K_t, N - K_t, n, lower.tail = FALSE)
  qv <- p.adjust(p, method = "BH")
  rows <- c(rows, paste(q, tested, k, n, K_t, N, fmt(p), fmt(qv), sep = "\t"))
  message(sprintf("%-10s n=%3d  tested=%d  k>0: %d  min p=%s", q, n, length(tested),
                  sum(k > 0), format(min(p), digits = 4)))
}
header <- paste(c("query", "set", "overlap", "query_size", "set_size",
                  "universe_size", "p", "q"), collapse = "\t")
all_lines <- c(header, rows)
nbytes <- sum(nchar(all_lines, type = "bytes") + 1)
plain <- file.path(out_dir, "ora_expected.tsv")
gz <- file.path(out_dir, "ora_expected.tsv.gz")
if (nbytes > MAX_PLAIN_BYTES) {
  if (file.exists(plain)) file.remove(plain)
  con <- gzfile(gz, open = "wb", compression = 9)  # zlib header: mtime 0 -> reproducible
  writeLines(all_lines, con)
  close(con)
  message(sprintf("wrote %s (%d rows, %.0f bytes uncompressed)", gz, length(rows), nbytes))
} else {
  if (file.exists(gz)) file.remove(gz)
  writeLines(all_lines, plain)
  message(sprintf("wrote %s (%d rows)", plain, length(rows)))
}
message(R.version.string)

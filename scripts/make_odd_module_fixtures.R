# Golden values for rgmap's default minimum module size with an odd gene count under 40,
# computed by WGCNA 1.72 and dynamicTreeCut 1.63: blockwiseModules' default
# minModuleSize = min(20, ncol(datExpr)/2) is then fractional (7.5 for 15 genes), and the
# fraction changes the tree cut's core size.
# Writes Tests/RGMapTests/Fixtures/modules_odd/ (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna
# Usage: Rscript scripts/make_odd_module_fixtures.R    (or: make fixtures)

suppressPackageStartupMessages(library(WGCNA))
out <- "Tests/RGMapTests/Fixtures/modules_odd"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("scripts/fixture_helpers.R")

# One module of about half the genes (a module needs more than genes/2 of them), loadings
# in [low, 0.995] on one factor, the other genes noise; values rounded to 5 decimals so that
# the file holds exactly the values R uses.
simulate <- function(genes, seed, sampleChoices) {
  set.seed(seed)
  samples <- sample(sampleChoices, 1)
  size <- sample((genes - 1) %/% 2 + (0:3), 1)
  truth <- sample(c(rep(1, size), rep(0, genes - size)))
  factor <- rnorm(samples)
  low <- runif(1, 0.3, 0.9)
  x <- sapply(truth, function(m) {
    if (m == 0) return(rnorm(samples))
    loading <- runif(1, low, 0.995)
    loading * factor + sqrt(1 - loading^2) * rnorm(samples)
  })
  x <- round(x, 5)
  colnames(x) <- sprintf("G%02d", seq_len(genes)); rownames(x) <- sprintf("S%03d", seq_len(samples))
  x
}

# Data sets where the fractional default changes the modules: of 3700 such simulations
# (odd gene counts 9-39 with seeds 1-100 and 20-300 samples; 9-21 genes with seeds 101-400
# and 20-80 samples) six, of which these three (the others: 15 genes with 20 and with 80
# samples, 19 genes with 40).
cases <- list(list(genes = 9, seed = 231, samples = c(20, 40, 80)),
              list(genes = 13, seed = 282, samples = c(20, 40, 80)),
              list(genes = 15, seed = 25, samples = c(20, 40, 80, 150, 300)))
for (case in cases) {
  genes <- case$genes
  x <- simulate(genes, case$seed, case$samples)
  name <- sprintf("odd%d", genes)
  lines <- c(paste(c("gene", rownames(x)), collapse = "\t"),
             vapply(seq_len(genes), function(i) paste(c(colnames(x)[i], x[, i]), collapse = "\t"), ""))
  writeLines(lines, file.path(out, paste0(name, "_expr.tsv")))
  stopifnot(identical(unname(t(as.matrix(read.delim(file.path(out, paste0(name, "_expr.tsv")), row.names = 1)))), unname(x)))

  # blockwiseModules with its defaults (power 6, one block), and with the default rounded up
  # for contrast; the tree cut alone as blockwiseModules calls it.
  run <- function(minModuleSize) {
    args <- list(x, power = 6, maxBlockSize = 30000, numericLabels = TRUE, nThreads = 1, verbose = 0)
    if (!is.null(minModuleSize)) args$minModuleSize <- minModuleSize
    net <- do.call(blockwiseModules, args)
    tom <- TOMsimilarityFromExpr(x, power = 6, TOMType = "signed", verbose = 0)
    cut <- cutreeDynamic(net$dendrograms[[1]], distM = 1 - tom, method = "hybrid", deepSplit = 2, cutHeight = 0.995,
                         minClusterSize = if (is.null(minModuleSize)) min(20, genes / 2) else minModuleSize,
                         pamStage = TRUE, pamRespectsDendro = TRUE, verbose = 0)
    list(cut = cut, unmerged = net$unmergedColors, merged = net$colors)
  }
  fractional <- run(NULL)
  rounded <- run(ceiling(genes / 2))
  stopifnot(!identical(fractional$merged, rounded$merged))
  write_table(data.frame(gene = colnames(x), cut = fractional$cut, unmerged = fractional$unmerged, merged = fractional$merged,
                         cut_up = rounded$cut, unmerged_up = rounded$unmerged, merged_up = rounded$merged),
              paste0(name, "_labels.tsv"))
  cat(name, "samples", nrow(x), "modules (default):", length(setdiff(unique(fractional$merged), 0)),
      " (rounded up):", length(setdiff(unique(rounded$merged), 0)), "\n")
}
cat("WGCNA", as.character(packageVersion("WGCNA")), "dynamicTreeCut", as.character(packageVersion("dynamicTreeCut")),
    R.version.string, "\n")

# Golden values for rgmap's module detection, computed by WGCNA 1.72 and dynamicTreeCut 1.63.
# Writes Tests/RGMapTests/Fixtures/modules/ (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna r-bioc-bladderbatch
# Usage: Rscript scripts/make_module_fixtures.R    (or: make fixtures)

suppressPackageStartupMessages({
  library(WGCNA)
  library(bladderbatch)
})
out <- "Tests/RGMapTests/Fixtures/modules"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("scripts/fixture_helpers.R")

# Inputs, rounded to 5 decimals so that a compact file holds exactly the values R uses.
data(bladderdata)
bladder <- Biobase::exprs(bladderEset)
bladder <- round(bladder[order(-apply(bladder, 1, var)), ][1:2000, ], 5)
set.seed(21)
samples <- 80
sizes <- c(150, 110, 80, 60, 40)
truth <- sample(c(rep(seq_along(sizes), sizes), rep(0, 800 - sum(sizes))))
factors <- matrix(rnorm(samples * length(sizes)), samples, length(sizes))
sim <- sapply(truth, function(m) {
  if (m == 0) return(rnorm(samples))
  loading <- runif(1, 0.55, 0.9) * (if (m == 2 && runif(1) < 1/3) -1 else 1)
  loading * factors[, m] + sqrt(1 - loading^2) * rnorm(samples)
})
sim <- round(sim, 5)
colnames(sim) <- sprintf("G%04d", seq_len(ncol(sim))); rownames(sim) <- sprintf("S%02d", seq_len(samples))
write_gz_matrix <- function(m, file) {
  connection <- gzfile(file.path(out, file), "w")
  writeLines(c(paste(c("gene", colnames(m)), collapse = "\t"),
               vapply(seq_len(nrow(m)), function(i) paste(c(rownames(m)[i], m[i, ]), collapse = "\t"), "")), connection)
  close(connection)
}
write_gz_matrix(bladder, "bladder2000_expr.tsv.gz")
write_gz_matrix(t(sim), "sim800_expr.tsv.gz")
write_table(data.frame(gene = colnames(sim), module = truth), "sim800_truth.tsv")

# blockwiseModules, one block, in the WGCNA tutorial's settings and in its defaults (power 6).
settings <- list(
  tutorial = list(power = 6, TOMType = "unsigned", minModuleSize = 30, reassignThreshold = 0, mergeCutHeight = 0.25,
                  pamRespectsDendro = FALSE),
  defaults = list(power = 6),
  bicor = list(power = 6, corType = "bicor"))
for (data in c("bladder2000", "sim800")) {
  expr <- if (data == "bladder2000") t(bladder) else sim
  for (setting in names(settings)) {
    s <- settings[[setting]]
    net <- do.call(blockwiseModules, c(list(expr, maxBlockSize = 30000, numericLabels = TRUE, nThreads = 1, verbose = 0), s))
    tree <- net$dendrograms[[1]]
    prefix <- sprintf("bwm_%s_%s_", data, setting)
    write_table(data.frame(step = seq_along(tree$height), left = tree$merge[, 1], right = tree$merge[, 2], height = tree$height),
                paste0(prefix, "tree.tsv"))
    # The tree cut alone, with the arguments blockwiseModules passes to cutreeDynamic.
    tom <- TOMsimilarityFromExpr(expr, corType = if (is.null(s$corType)) "pearson" else s$corType, power = 6,
                                 TOMType = if (is.null(s$TOMType)) "signed" else s$TOMType, verbose = 0)
    cut <- cutreeDynamic(tree, distM = 1 - tom, method = "hybrid", deepSplit = 2, cutHeight = 0.995,
                         minClusterSize = if (is.null(s$minModuleSize)) 20 else s$minModuleSize, pamStage = TRUE,
                         pamRespectsDendro = if (is.null(s$pamRespectsDendro)) TRUE else s$pamRespectsDendro, verbose = 0)
    labels <- data.frame(gene = colnames(expr), cut = cut, unmerged = net$unmergedColors, merged = net$colors)
    # cutreeDynamic alone on the same tree for every deepSplit, with and without the PAM stage.
    if (data == "bladder2000" && setting != "bicor") {
      for (deep in 0:4) for (pam in c("none", "respects", "free")) {
        labels[[sprintf("ds%d_%s", deep, pam)]] <- cutreeDynamic(tree, distM = 1 - tom, method = "hybrid", deepSplit = deep,
          cutHeight = 0.995, minClusterSize = 20, pamStage = pam != "none", pamRespectsDendro = pam == "respects", verbose = 0)
      }
    }
    write_table(labels, paste0(prefix, "labels.tsv"))
    cat(data, setting, "modules:", length(setdiff(unique(net$colors), 0)), "\n")
    if (setting == "defaults") {
      write_table(data.frame(sample = rownames(expr), net$MEs, check.names = FALSE), paste0(prefix, "eigengenes.tsv"))
      kme <- signedKME(expr, net$MEs)
      connectivity <- intramodularConnectivity(adjacency(expr, power = 6, type = "unsigned"), net$colors)
      values <- data.frame(gene = colnames(expr), kme, k_total = connectivity$kTotal, k_within = connectivity$kWithin,
                           check.names = FALSE)
      values[-1] <- lapply(values[-1], function(col) sprintf("%.12g", col))
      write.table(values, file.path(out, paste0(prefix, "kme_connectivity.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
    }
  }
}
cat("WGCNA", as.character(packageVersion("WGCNA")), "dynamicTreeCut", as.character(packageVersion("dynamicTreeCut")),
    R.version.string, "\n")

# The R route to a radiogenomic map, for `make bench`: read the same files, WGCNA::cor
# (pairwise-complete when values are missing), corPvalueStudent, p.adjust (BH), and write
# the long table of pairs with q <= 0.05 (feature gene r p q n).
# Usage: Rscript scripts/bench_map.R FEATURES.csv OMICS.tsv OUT.tsv
suppressPackageStartupMessages({ library(WGCNA); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
features <- fread(args[1])
omics <- fread(args[2])
x <- as.matrix(features[, -1]); rownames(x) <- features[[1]]
y <- t(as.matrix(omics[, -1])); colnames(y) <- omics[[1]]
y <- y[rownames(x), , drop = FALSE]
missing <- anyNA(x) || anyNA(y)
r <- WGCNA::cor(x, y, use = if (missing) "pairwise.complete.obs" else "all.obs")
n <- if (missing) t(!is.na(x)) %*% (!is.na(y)) else nrow(x)
p <- corPvalueStudent(r, n)
q <- matrix(p.adjust(p, "BH"), nrow(p))
keep <- which(q <= 0.05, arr.ind = TRUE)
out <- data.table(feature = rownames(r)[keep[, 1]], gene = colnames(r)[keep[, 2]], r = r[keep], p = p[keep],
                  q = q[keep], n = if (missing) n[keep] else n)
setorder(out, q, feature, gene)
fwrite(out, args[3], sep = "\t")

# Golden values for rgmap's co-expression network, computed by WGCNA 1.72 itself.
# Writes Tests/RGMapTests/Fixtures/network/ (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna r-bioc-bladderbatch
# Usage: Rscript scripts/make_network_fixtures.R    (or: make fixtures)

suppressPackageStartupMessages({
  library(WGCNA)
  library(bladderbatch)
})
out <- "Tests/RGMapTests/Fixtures/network"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("scripts/fixture_helpers.R")

# Real data: the 600 most variable probes of the bladderbatch microarrays (57 samples).
data(bladderdata)
bladder <- Biobase::exprs(bladderEset)
bladder <- bladder[order(-apply(bladder, 1, var)), ][1:600, ]
write_matrix(bladder, "bladder_expr.tsv", corner = "gene")

# Simulated: 70 samples, 300 genes in 4 planted modules plus noise, a few values missing.
set.seed(11)
samples <- 70
factors <- matrix(rnorm(samples * 4), samples, 4)
sim <- sapply(1:300, function(g) {
  module <- (g - 1) %% 5
  if (module < 4) 0.75 * factors[, module + 1] + sqrt(1 - 0.75^2) * rnorm(samples) else rnorm(samples)
})
sim[sample(length(sim), 60)] <- NA
colnames(sim) <- sprintf("G%03d", 1:300); rownames(sim) <- sprintf("S%02d", 1:samples)
write_matrix(t(sim), "sim_expr.tsv", corner = "gene")

# pickSoftThreshold: default powers, stats::cor with pairwise-complete values, each network type.
for (name in c("bladder", "sim")) {
  expr <- if (name == "bladder") t(bladder) else sim
  for (type in c("unsigned", "signed", "signed hybrid")) {
    sft <- pickSoftThreshold(expr, networkType = type, verbose = 0)
    table <- sft$fitIndices
    names(table) <- c("power", "sft_r2", "slope", "truncated_r2", "mean_k", "median_k", "max_k")
    table$power_estimate <- if (is.na(sft$powerEstimate)) NA else sft$powerEstimate
    write_table(table, sprintf("soft_threshold_%s_%s.tsv", name, gsub(" ", "_", type)))
  }
}
cat("WGCNA", as.character(packageVersion("WGCNA")), "R", R.version.string, "\n")

# TOM: WGCNA's TOMsimilarityFromExpr (Pearson, power 6, "min" denominator) on the 80 most
# variable probes, for the network and TOM types rgmap offers; the upper triangle, row by row.
small <- t(bladder[1:80, ])
for (combo in list(c("unsigned", "unsigned"), c("unsigned", "signed"), c("signed", "signed"),
                   c("signed hybrid", "unsigned"))) {
  tom <- TOMsimilarityFromExpr(small, corType = "pearson", networkType = combo[1], power = 6,
                               TOMType = combo[2], TOMDenom = "min", verbose = 0)
  upper <- which(upper.tri(tom), arr.ind = TRUE)
  upper <- upper[order(upper[, 1], upper[, 2]), ]
  write_table(data.frame(i = upper[, 1], j = upper[, 2], tom = tom[upper]),
              sprintf("tom_bladder80_%s_%s.tsv", gsub(" ", "_", combo[1]), combo[2]))
  if (all(combo == c("unsigned", "signed"))) {
    # Average-linkage clustering of 1 - TOM, as blockwiseModules builds its gene tree.
    tree <- hclust(as.dist(1 - tom), method = "average")
    write_table(data.frame(step = seq_along(tree$height), left = tree$merge[, 1], right = tree$merge[, 2],
                           height = tree$height), "hclust_bladder80_unsigned_signed.tsv")
    write_table(data.frame(position = seq_along(tree$order), gene = tree$order), "hclust_order_bladder80_unsigned_signed.tsv")
  }
}

# Module statistics for given labels: the 200 most variable probes, labels from cutting the
# average-linkage tree of 1 - TOM (unsigned, power 6) into 6 groups, the smallest as 0.
top <- t(bladder[1:200, ])
tom200 <- TOMsimilarityFromExpr(top, networkType = "unsigned", power = 6, TOMType = "unsigned", verbose = 0)
labels <- cutree(hclust(as.dist(1 - tom200), method = "average"), k = 6)
labels[labels == as.integer(names(which.min(table(labels))))] <- 0
me <- moduleEigengenes(top, labels)
write_table(data.frame(gene = colnames(top), module = labels), "modules_bladder200_labels.tsv")
write_table(data.frame(sample = rownames(top), me$eigengenes, check.names = FALSE), "modules_bladder200_eigengenes.tsv")
write_table(data.frame(module = sub("^ME", "", names(me$eigengenes)), var_explained = as.numeric(me$varExplained[1, ])),
            "modules_bladder200_var_explained.tsv")
kme <- signedKME(top, me$eigengenes)
write_table(data.frame(gene = colnames(top), kme, check.names = FALSE), "modules_bladder200_kme.tsv")
connectivity <- intramodularConnectivity(adjacency(top, power = 6, type = "unsigned"), labels)
write_table(data.frame(gene = colnames(top), k_total = connectivity$kTotal, k_within = connectivity$kWithin),
            "modules_bladder200_connectivity.tsv")

# Module colours: labels2colors over labels 0 ... 1000 (beyond 435 colours WGCNA repeats them
# with a suffix).
write_table(data.frame(label = 0:1000, color = suppressWarnings(labels2colors(0:1000))), "module_colors.tsv")

# Merging close modules: 60 complete samples, 240 genes on 6 factors; each factor's genes
# carry two labels (which should merge), 12 genes are noise (label 0). Labels with relabel = TRUE
# (blockwiseModules' call) at two cut heights.
set.seed(12)
factors <- matrix(rnorm(60 * 6), 60, 6)
loadings <- c(0.9, 0.8, 0.7, 0.8, 0.6, 0.75)
merge_expr <- sapply(1:240, function(g) {
  if (g > 228) return(rnorm(60))
  k <- (g - 1) %% 6 + 1
  loadings[k] * factors[, k] + sqrt(1 - loadings[k]^2) * rnorm(60)
})
colnames(merge_expr) <- sprintf("M%03d", 1:240); rownames(merge_expr) <- sprintf("S%02d", 1:60)
merge_labels <- ifelse(1:240 > 228, 0, ((1:240 - 1) %% 6) * 2 + 1 + ((1:240 - 1) %/% 6) %% 2)
merge_labels[c(3, 9)] <- 13  # a small extra module that joins factor 3's
write_matrix(t(merge_expr), "merge_expr.tsv", corner = "gene")
merged <- sapply(c(0.25, 0.05), function(h) mergeCloseModules(merge_expr, merge_labels, cutHeight = h, relabel = TRUE,
                                                             verbose = 0)$colors)
write_table(data.frame(gene = colnames(merge_expr), label = merge_labels, merged_0.25 = merged[, 1],
                       merged_0.05 = merged[, 2], check.names = FALSE), "merge_labels.tsv")

# Top hub of each module (module 0 left out), WGCNA's defaults: signed adjacency, power 2.
hubs <- chooseTopHubInEachModule(merge_expr, merge_labels, omitColors = 0)
write_table(data.frame(module = as.integer(names(hubs)), gene = hubs), "top_hubs.tsv")

# Module-feature correlations and gene significance: four features over merge_expr's samples
# (factor 1, minus factor 3, noise, factor 5 with three values missing), the modules merged at 0.25.
set.seed(13)
features <- cbind(F1 = factors[, 1] + rnorm(60), F2 = -factors[, 3] + rnorm(60), F3 = rnorm(60),
                  F4 = factors[, 5] + rnorm(60))
features[c(4, 17, 33), "F4"] <- NA
rownames(features) <- rownames(merge_expr)
write_matrix(t(features), "merge_features.tsv", corner = "feature")
mes <- moduleEigengenes(merge_expr, merged[, 1])$eigengenes
r <- cor(mes, features, use = "p")
n <- t(!is.na(mes)) %*% (!is.na(features))
p <- corPvalueStudent(r, n)
q <- matrix(p.adjust(p, "BH"), nrow(p))
write_table(data.frame(module = rep(as.integer(sub("^ME", "", rownames(r))), times = ncol(r)),
                       feature = rep(colnames(r), each = nrow(r)), r = as.vector(r), p = as.vector(p), q = as.vector(q)),
            "module_feature.tsv")
gs <- cor(merge_expr, features, use = "p")
gsn <- t(!is.na(merge_expr)) %*% (!is.na(features))
write_table(data.frame(gene = rep(rownames(gs), times = ncol(gs)), feature = rep(colnames(gs), each = nrow(gs)),
                       gs = as.vector(gs), gs_p = as.vector(corPvalueStudent(gs, gsn))), "gene_significance.tsv")

# Golden values for the unit tests of rgmap's network building blocks (adjacency, tree cut,
# cutree, scale-free fit, least squares, kME p-values, intramodular connectivity, colours,
# defaults), computed by R 4.2.2, WGCNA 1.72 and dynamicTreeCut 1.63 themselves.
# Inputs are fixtures already committed (written by make_network_fixtures.R and
# make_module_fixtures.R), so this script needs no Bioconductor data.
# Writes Tests/RGMapTests/Fixtures/network/unit_* (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna
# Usage: Rscript scripts/make_network_unit_fixtures.R    (or: make fixtures; after make_network_fixtures.R
# and make_module_fixtures.R, whose outputs it reads)

suppressPackageStartupMessages({
  library(WGCNA)
  library(dynamicTreeCut)
})
out <- "Tests/RGMapTests/Fixtures/network"
source("scripts/fixture_helpers.R")
read_matrix <- function(path) {
  m <- as.matrix(read.delim(path, row.names = 1, check.names = FALSE))
  storage.mode(m) <- "double"
  m
}
upper_pairs <- function(n) {
  pairs <- which(upper.tri(matrix(0, n, n)), arr.ind = TRUE)
  pairs[order(pairs[, 1], pairs[, 2]), ]
}

# Adjacency: WGCNA's adjacency() of the first 30 bladder probes (no missing values) for each
# network type at an integer power, a fractional one and one past 64 (taken with pow), with
# bicor; and sign(r)|r|^6, the adjacency WGCNA's C code forms for a signed TOM on an
# unsigned network. Then the first 30 simulated genes, which have missing values
# (cor with use = "p", adjacency's default).
bladder30 <- t(read_matrix(file.path(out, "bladder_expr.tsv"))[1:30, ])
pairs <- upper_pairs(30)
columns <- list(i = pairs[, 1], j = pairs[, 2])
for (type in c("unsigned", "signed", "signed hybrid")) {
  for (power in c(1, 6, 2.5, 70)) {
    a <- adjacency(bladder30, type = type, power = power)
    columns[[sprintf("%s_%s", gsub(" ", "_", type), power)]] <- a[pairs]
  }
}
r <- cor(bladder30)
columns[["sign_kept_6"]] <- (sign(r) * abs(r)^6)[pairs]
columns[["bicor_unsigned_6"]] <- adjacency(bladder30, type = "unsigned", power = 6, corFnc = "bicor")[pairs]
columns[["bicor_signed_hybrid_4"]] <- adjacency(bladder30, type = "signed hybrid", power = 4, corFnc = "bicor")[pairs]
write_table(as.data.frame(columns), "unit_adjacency_bladder30.tsv")

sim30 <- t(read_matrix(file.path(out, "sim_expr.tsv"))[1:30, ])
columns <- list(i = pairs[, 1], j = pairs[, 2])
for (type in c("unsigned", "signed", "signed hybrid")) {
  columns[[sprintf("%s_6", gsub(" ", "_", type))]] <- adjacency(sim30, type = type, power = 6)[pairs]
}
write_table(as.data.frame(columns), "unit_adjacency_sim30.tsv")

# cutree(h = ...) of R's average-linkage tree of the 80-probe TOM (hclust_bladder80_unsigned_signed.tsv):
# below every merge, at merge heights exactly (merges at the height are applied), between
# merges and above the top.
merges <- read.delim(file.path(out, "hclust_bladder80_unsigned_signed.tsv"))
order80 <- read.delim(file.path(out, "hclust_order_bladder80_unsigned_signed.tsv"))
tree80 <- structure(list(merge = cbind(merges$left, merges$right), height = merges$height, order = order80$gene,
                         labels = NULL, method = "average"), class = "hclust")
heights <- c(merges$height[1] / 2, merges$height[c(1, 10, 40, 60, 70, 75, 79)],
             (merges$height[50] + merges$height[51]) / 2, merges$height[79] + 0.01)
write_table(do.call(rbind, lapply(heights, function(h) data.frame(height = h, gene = 1:80, group = cutree(tree80, h = h)))),
            "unit_cutree_bladder80.tsv")

# Hybrid tree cut on small trees: points in the plane in three groups of two or three
# subgroups (5 to 14 points each, of different spreads) plus 16 scattered points, for seeds 2
# and 7 (sets "a" and "b", 96 and 95 points); Euclidean distances divided by the largest;
# stats::hclust average linkage; cutreeDynamic(method = "hybrid") under settings that
# exercise what the bladder trees do not (cutHeight not given, or given above the top,
# maxPamDist, respectSmallClusters, maxCoreScatter and minGap, a fractional minClusterSize).
points_for <- function(seed) {
  set.seed(seed)
  groups <- rbind(c(0, 0), c(5, 0), c(2.5, 4.5))
  points <- NULL
  for (g in 1:3) {
    for (s in seq_len(c(3, 2, 3)[g])) {
      angle <- runif(1, 0, 2 * pi)
      centre <- groups[g, ] + 0.9 * c(cos(angle), sin(angle))
      size <- sample(5:14, 1)
      spread <- runif(1, 0.15, 0.45)
      points <- rbind(points, cbind(rnorm(size, centre[1], spread), rnorm(size, centre[2], spread)))
    }
  }
  points <- rbind(points, cbind(runif(16, -3, 8), runif(16, -3, 7.5)))
  points[sample(nrow(points)), ]
}
distances <- list(); trees <- list(); cuts <- list()
for (set in c("a", "b")) {
  d <- as.matrix(dist(points_for(c(a = 2, b = 7)[[set]])))
  d <- d / max(d)
  lower <- which(lower.tri(d), arr.ind = TRUE)
  lower <- lower[order(lower[, 1], lower[, 2]), ]
  distances[[set]] <- data.frame(set = set, i = lower[, 1], j = lower[, 2], distance = d[lower])
  tree <- stats::hclust(as.dist(d), method = "average")
  trees[[set]] <- data.frame(set = set, step = seq_along(tree$height), left = tree$merge[, 1], right = tree$merge[, 2],
                             height = tree$height)
  cut <- function(...) cutreeDynamic(tree, distM = d, method = "hybrid", verbose = 0, ...)
  cuts[[set]] <- data.frame(set = set, point = seq_len(nrow(d)),
    defaults = cut(),
    ds0 = cut(minClusterSize = 8, deepSplit = 0), ds1 = cut(minClusterSize = 8),
    ds2 = cut(minClusterSize = 8, deepSplit = 2), ds3 = cut(minClusterSize = 8, deepSplit = 3),
    ds4 = cut(minClusterSize = 8, deepSplit = 4),
    no_pam = cut(minClusterSize = 8, pamStage = FALSE),
    pam_free = cut(minClusterSize = 8, pamRespectsDendro = FALSE),
    pam_free_no_small = cut(minClusterSize = 8, pamRespectsDendro = FALSE, respectSmallClusters = FALSE),
    pam_free_max_dist_0 = cut(minClusterSize = 8, pamRespectsDendro = FALSE, maxPamDist = 0),
    cut_0.5 = cut(minClusterSize = 8, cutHeight = 0.5),
    cut_2 = cut(minClusterSize = 8, cutHeight = 2),
    min_7.5 = cut(minClusterSize = 7.5, deepSplit = 2),
    scatter_gap = cut(minClusterSize = 8, maxCoreScatter = 0.3, minGap = 0.05),
    check.names = FALSE)
}
write_table(do.call(rbind, distances), "unit_treecut_distances.tsv")
write_table(do.call(rbind, trees), "unit_treecut_tree.tsv")
write_table(do.call(rbind, cuts), "unit_treecut_labels.tsv")

# Scale-free fit: scaleFreeFitIndex on connectivity vectors with values on bin limits, bins
# whose mean is 0, empty bins, a heavy tail, a real network's connectivities, and other
# numbers of bins.
set.seed(42)
bladder <- t(read_matrix(file.path(out, "bladder_expr.tsv")))
k <- list(
  integers = 0:100,
  zeros = c(rep(0, 30), 5 + rexp(70) * 10),
  gaps = c(runif(50, 1, 2), runif(50, 9, 10)),
  heavy = round(1 / runif(300)^(1 / 1.5)),
  network = colSums(adjacency(bladder[, 1:150], power = 4)) - 1
)
write_table(do.call(rbind, lapply(names(k), function(case) data.frame(case = case, k = k[[case]]))), "unit_scale_free_k.tsv")
fits <- do.call(rbind, lapply(names(k), function(case) {
  do.call(rbind, lapply(c(10, 5, 20), function(bins) {
    fit <- scaleFreeFitIndex(k[[case]], nBreaks = bins)
    data.frame(case = case, bins = bins, r_squared = fit$Rsquared.SFT, slope = fit$slope.SFT,
               truncated_adjusted_r_squared = fit$truncatedExponentialAdjRsquared)
  }))
}))
write_table(fits, "unit_scale_free_fit.tsv")

# Least squares: lm's coefficients, R^2 and adjusted R^2 with one and two predictors, the
# second nearly collinear with the first (x and 10^x over a narrow range, as the scale-free
# fit's truncated model), and a steep line.
set.seed(43)
x <- runif(12, 0, 5)
narrow <- seq(0.1, 0.2, length.out = 10)
data <- list(
  one = data.frame(y = 1.5 - 0.8 * x + rnorm(12), x1 = x, x2 = NA),
  two = data.frame(y = 2 + x - 0.3 * x^2 + rnorm(12, sd = 0.5), x1 = x, x2 = x^2),
  collinear = data.frame(y = -3 * narrow + rnorm(10, sd = 0.01), x1 = narrow, x2 = 10^narrow),
  steep = data.frame(y = 1e6 * x[1:8] + rnorm(8), x1 = x[1:8], x2 = NA)
)
write_table(do.call(rbind, lapply(names(data), function(case) data.frame(case = case, data[[case]]))), "unit_lm_data.tsv")
write_table(do.call(rbind, lapply(names(data), function(case) {
  frame <- data[[case]]
  fit <- if (all(is.na(frame$x2))) lm(y ~ x1, frame) else lm(y ~ x1 + x2, frame)
  s <- summary(fit)
  b <- coef(fit)
  data.frame(case = case, intercept = b[1], b1 = b[2], b2 = if (length(b) > 2) b[3] else NA,
             r_squared = s$r.squared, adjusted_r_squared = s$adj.r.squared)
})), "unit_lm_fits.tsv")

# corPvalueFisher, which the kME reassignment compares.
grid <- expand.grid(r = c(-0.99, -0.5, -0.1, 0, 0.05, 0.3, 0.7, 0.95, 0.999), n = c(4, 10, 57, 300))
write_table(data.frame(grid, p = corPvalueFisher(grid$r, grid$n)), "unit_fisher_p.tsv")

# Student p-values of kME: corPvalueStudent(signedKME(expr, MEs), samples) with the eigengenes
# blockwiseModules found on sim800 (defaults, power 6), for the first 200 genes.
sim800 <- t(read_matrix(gzfile("Tests/RGMapTests/Fixtures/modules/sim800_expr.tsv.gz")))
mes <- read.delim("Tests/RGMapTests/Fixtures/modules/bwm_sim800_defaults_eigengenes.tsv", row.names = 1, check.names = FALSE)
kme <- signedKME(sim800, mes)
p <- corPvalueStudent(as.matrix(kme), nrow(sim800))
colnames(p) <- sub("^kME", "p_kME", colnames(kme))
write_table(data.frame(gene = colnames(sim800), p, check.names = FALSE)[1:200, ], "unit_kme_p_sim800.tsv")
# and the top hub of each of those modules (chooseTopHubInEachModule's defaults, module 0 left out).
merged <- read.delim("Tests/RGMapTests/Fixtures/modules/bwm_sim800_defaults_labels.tsv")$merged
hubs <- chooseTopHubInEachModule(sim800, merged, omitColors = 0)
write_table(data.frame(module = as.integer(names(hubs)), gene = hubs), "unit_top_hubs_sim800.tsv")

# Intramodular connectivity in a signed network (power 12) of the first 200 bladder probes,
# with the labels of modules_bladder200_labels.tsv changed so that a module has two genes
# (label 7) and another one gene (label 8): WGCNA sets kWithin to 0 in modules under 3 genes.
labels <- read.delim(file.path(out, "modules_bladder200_labels.tsv"))$module
labels[c(5, 17)] <- 7
labels[40] <- 8
top <- bladder[, 1:200]
connectivity <- intramodularConnectivity(adjacency(top, power = 12, type = "signed"), labels)
write_table(data.frame(gene = colnames(top), module = labels, k_total = connectivity$kTotal, k_within = connectivity$kWithin),
            "unit_intramodular_signed_bladder200.tsv")

# Module colours as RGB: col2rgb of standardColors() (labels 1 to 435) and grey (label 0).
colors <- c("grey", standardColors())
rgb <- col2rgb(colors)
write_table(data.frame(label = 0:435, color = colors, hex = sprintf("#%02x%02x%02x", rgb[1, ], rgb[2, ], rgb[3, ])),
            "unit_module_colors_hex.tsv")

# Defaults of the functions rgmap's options mirror, deparsed from their formals, and
# evaluated (space-separated) where they are constants; NA where they depend on other arguments.
defaults <- function(f, name, arguments) {
  values <- formals(f)[arguments]
  evaluated <- function(v) {
    value <- tryCatch(eval(v, baseenv()), error = function(e) NA)
    if (is.null(value)) "NULL" else paste(value, collapse = " ")
  }
  data.frame(function_name = name, argument = arguments,
             value = vapply(values, function(v) paste(deparse(v), collapse = " "), ""),
             evaluated = vapply(values, evaluated, ""))
}
write_table(rbind(
  defaults(blockwiseModules, "blockwiseModules",
           c("power", "networkType", "TOMType", "TOMDenom", "corType", "deepSplit", "detectCutHeight", "minModuleSize",
             "minCoreKME", "minCoreKMESize", "minKMEtoStay", "reassignThreshold", "mergeCutHeight", "pamStage",
             "pamRespectsDendro", "maxBlockSize", "maxCoreScatter", "minGap")),
  defaults(cutreeHybrid, "cutreeHybrid",
           c("cutHeight", "minClusterSize", "deepSplit", "maxCoreScatter", "minGap", "pamStage", "pamRespectsDendro",
             "useMedoids", "maxPamDist", "respectSmallClusters")),
  defaults(pickSoftThreshold, "pickSoftThreshold", c("powerVector", "RsquaredCut", "nBreaks")),
  defaults(chooseTopHubInEachModule, "chooseTopHubInEachModule", c("power", "type"))
), "unit_function_defaults.tsv")
cat("WGCNA", as.character(packageVersion("WGCNA")), "dynamicTreeCut", as.character(packageVersion("dynamicTreeCut")),
    R.version.string, "\n")

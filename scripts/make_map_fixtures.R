# Golden values for rgmap's association map, computed by R itself (stats::cor, cor.test
# semantics, p.adjust, lm residuals, t.test, wilcox.test) and WGCNA 1.72 (bicor,
# corPvalueStudent). Writes Tests/RGMapTests/Fixtures/map/ (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna r-bioc-bladderbatch
# Usage: Rscript scripts/make_map_fixtures.R    (or: make fixtures)

suppressPackageStartupMessages({
  library(WGCNA)
  library(bladderbatch)
})
out <- "Tests/RGMapTests/Fixtures/map"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("scripts/fixture_helpers.R")

# Every feature x gene pair of one method: r, n, p (t with n - 2 df), q by p.adjust.
pairwise_map <- function(features, genes, method) {
  x <- t(features); y <- t(genes)
  r <- suppressWarnings(switch(method,
    pearson = cor(x, y, use = "pairwise.complete.obs"),
    spearman = cor(x, y, use = "pairwise.complete.obs", method = "spearman"),
    bicor = bicor(x, y, use = "pairwise.complete.obs", maxPOutliers = 1, pearsonFallback = "individual")))
  n <- t(!is.na(x)) %*% (!is.na(y))
  p <- corPvalueStudent(r, n)
  p[n < 3] <- NA
  long <- data.frame(method = method, feature = rep(rownames(features), times = ncol(r)),
                     gene = rep(rownames(genes), each = nrow(r)), r = as.vector(r), n = as.vector(n),
                     p = as.vector(p), stringsAsFactors = FALSE)
  long$q_bh <- p.adjust(long$p, "BH")
  long$q_by <- p.adjust(long$p, "BY")
  long$q_bonferroni <- p.adjust(long$p, "bonferroni")
  long$q_bh_feature <- ave(long$p, long$feature, FUN = function(v) p.adjust(v, "BH"))
  long
}

# Covariate-adjusted pairs: lm residuals on each pair's complete samples, df = n - 2 - k.
adjusted_map <- function(features, genes, covariates, method) {
  rows <- list()
  for (f in rownames(features)) for (g in rownames(genes)) {
    x <- features[f, ]; y <- genes[g, ]
    keep <- !is.na(x) & !is.na(y)
    xs <- x[keep]; ys <- y[keep]; cs <- covariates[keep, , drop = FALSE]
    if (method == "spearman") { xs <- rank(xs); ys <- rank(ys) }
    fx <- lm(xs ~ ., data = cbind(cs, xs = xs)); fy <- lm(ys ~ ., data = cbind(cs, ys = ys))
    rx <- residuals(fx); ry <- residuals(fy)
    r <- if (method == "bicor") bicor(rx, ry, maxPOutliers = 1, pearsonFallback = "individual")[1, 1] else cor(rx, ry)
    k <- fx$rank - 1
    df <- sum(keep) - 2 - k
    t <- sqrt(df) * r / sqrt(1 - r^2)
    rows[[length(rows) + 1]] <- data.frame(method = method, feature = f, gene = g, r = r, n = sum(keep),
                                           df = df, p = 2 * pt(-abs(t), df), stringsAsFactors = FALSE)
  }
  do.call(rbind, rows)
}

set.seed(20240611)
samples <- sprintf("S%02d", 1:12)

# 1. Simulated: missing values, ties, a constant feature, an outlier, a zero-MAD feature.
features <- rbind(
  f_normal = round(rnorm(12), 4),
  f_ties = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7),
  f_missing = replace(round(rnorm(12, 5, 2), 4), c(2, 7, 11), NA),
  f_constant = rep(5, 12),
  f_outlier = c(round(rnorm(11), 4), 25),
  f_zero_mad = c(1, 1, 1, 1, 1, 1, 1, 2.5, 0.5, 3, 1, 1),
  f_missing_ties = replace(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8), c(1, 12), NA))
colnames(features) <- samples
genes <- rbind(t(sapply(1:6, function(i) round(rnorm(12, 8, 1.5), 4))),
               g_ties = c(2, 2, 2, 5, 5, 1, 1, 9, 9, 9, 3, 4),
               g_missing = replace(round(rnorm(12, 3, 1), 4), c(2, 5), NA),
               g_constant_on_subset = c(7, NA, 7, 7, 7, 7, NA, 7, 7, 7, NA, 7.5),
               g_monotone = round((features["f_normal", ])^3, 4))
rownames(genes)[1:6] <- paste0("g", 1:6)
colnames(genes) <- samples
genes["g_constant_on_subset", 11] <- 8
write_matrix(features, "simulated_features.tsv", "feature")
write_matrix(genes, "simulated_genes.tsv", "gene")
write_table(do.call(rbind, lapply(c("pearson", "spearman", "bicor"), function(m) pairwise_map(features, genes, m))),
            "simulated_expected.tsv")

# 2. Tiny: pairs over 3 and 4 samples (1 and 2 degrees of freedom).
tiny_f <- rbind(a = c(1.5, 2.25, 0.75, 3), b = c(NA, 4, 1, 2)); colnames(tiny_f) <- sprintf("T%d", 1:4)
tiny_g <- rbind(x = c(2, 1, 3.5, 2.5), y = c(0.5, 0.25, 1, NA), z = c(-1, 2, NA, 0)); colnames(tiny_g) <- colnames(tiny_f)
write_matrix(tiny_f, "tiny_features.tsv", "feature")
write_matrix(tiny_g, "tiny_genes.tsv", "gene")
write_table(do.call(rbind, lapply(c("pearson", "spearman", "bicor"), function(m) pairwise_map(tiny_f, tiny_g, m))),
            "tiny_expected.tsv")

# 3. Covariates: age (numeric) and scanner (three vendors), with missing values.
cs <- sprintf("C%02d", 1:24)
cov <- data.frame(age = round(rnorm(24, 60, 10)), scanner = rep(c("GE", "Philips", "SIEMENS"), 8),
                  stringsAsFactors = TRUE)
shift <- c(GE = 0, Philips = 1.5, SIEMENS = -1)[as.character(cov$scanner)]
cf <- rbind(f1 = round(rnorm(24) + shift + 0.03 * cov$age, 4), f2 = replace(round(rnorm(24) - shift, 4), c(3, 17), NA))
cg <- rbind(t(sapply(1:4, function(i) round(rnorm(24, 6) + 0.5 * cf["f1", ] + shift, 4))),
            gm = replace(round(rnorm(24, 2), 4), c(5, 17, 20), NA))
rownames(cg)[1:4] <- paste0("cg", 1:4)
colnames(cf) <- cs; colnames(cg) <- cs
write_matrix(cf, "covariates_features.tsv", "feature")
write_matrix(cg, "covariates_genes.tsv", "gene")
write.table(data.frame(sample = cs, age = cov$age, scanner = cov$scanner), file.path(out, "covariates_covariates.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
write_table(do.call(rbind, lapply(c("pearson", "spearman", "bicor"), function(m) adjusted_map(cf, cg, cov, m))),
            "covariates_expected.tsv")

# 4. Mutations: exact Wilcoxon (small groups, no ties), normal approximation (ties; a
#    group of 50 or more), Welch t, point-biserial r.
ms <- sprintf("M%02d", 1:64)
mf <- rbind(smooth = round(rnorm(64), 4), tied = round(rnorm(64) * 2) / 2,
            gappy = replace(round(rnorm(64, 10, 3), 4), c(4, 9, 33), NA))
mm <- rbind(ALPHA = c(rep(1, 6), rep(0, 58)), BETA = c(rep(c(1, 0), 16), rep(0, 32)),
            GAMMA = replace(c(rep(1, 10), rep(0, 54)), c(2, 60), NA))
mf["smooth", mm["ALPHA", ] == 1] <- mf["smooth", mm["ALPHA", ] == 1] + 1.2
colnames(mf) <- ms; colnames(mm) <- ms
write_matrix(mf, "mutations_features.tsv", "feature")
write_matrix(mm, "mutations_status.tsv", "gene")
rows <- list()
for (f in rownames(mf)) for (g in rownames(mm)) {
  keep <- !is.na(mf[f, ]) & !is.na(mm[g, ])
  x <- mf[f, keep]; s <- mm[g, keep]
  rows[[length(rows) + 1]] <- data.frame(feature = f, gene = g, n_mut = sum(s == 1), n_wt = sum(s == 0),
    r_pb = cor(x, s), p_t = t.test(x[s == 1], x[s == 0])$p.value,
    p_wilcox = suppressWarnings(wilcox.test(x[s == 1], x[s == 0])$p.value), stringsAsFactors = FALSE)
}
mut <- do.call(rbind, rows)
mut$q_wilcox <- p.adjust(mut$p_wilcox, "BH")
mut$q_t <- p.adjust(mut$p_t, "BH")
write_table(mut, "mutations_expected.tsv")

# 5. Real data: bladder cancer microarrays (bladderbatch, 57 samples) with their real
#    processing batch as covariate; 5 probes as "features", the 40 most variable as genes.
data(bladderdata)
expression <- exprs(bladderEset)
variable <- order(apply(expression, 1, var), decreasing = TRUE)
bf <- expression[variable[41:45], ]; bg <- expression[variable[1:40], ]
colnames(bf) <- colnames(bg) <- sub("\\.CEL$", "", colnames(bg))
write_matrix(bf, "bladder_features.tsv", "probe")
write_matrix(bg, "bladder_genes.tsv", "probe")
batch <- data.frame(batch = factor(paste0("batch", pData(bladderEset)$batch)))
write.table(data.frame(sample = colnames(bg), batch = batch$batch), file.path(out, "bladder_covariates.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
write_table(do.call(rbind, lapply(c("pearson", "spearman", "bicor"), function(m) pairwise_map(bf, bg, m))),
            "bladder_expected.tsv")
write_table(do.call(rbind, lapply(c("pearson", "spearman", "bicor"), function(m) adjusted_map(bf, bg, batch, m))),
            "bladder_adjusted_expected.tsv")

# 6. Student t p-values of r over a grid of r and df (both parities, small and large df).
grid <- expand.grid(r = c(0, 1e-8, 0.001, 0.05, 0.1, 0.3, -0.5, 0.7, 0.9, 0.99, 0.999999, -0.9999999999),
                    df = c(1, 2, 3, 4, 5, 10, 51, 100, 297, 298, 999, 1000, 2001, 5000))
grid$t <- sqrt(grid$df) * grid$r / sqrt(1 - grid$r^2)
grid$p <- 2 * pt(-abs(grid$t), grid$df)
write_table(grid, "pvalues_expected.tsv")

cat(sprintf("R %s, WGCNA %s, bladderbatch %s\n", getRversion(), packageVersion("WGCNA"), packageVersion("bladderbatch")))

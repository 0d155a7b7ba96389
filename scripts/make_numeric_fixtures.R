# Golden values for the unit tests of rgmap's numerical building blocks, computed by R
# itself (lm residuals, t.test, wilcox.test, p.adjust, sum/mean/colMeans, Rmath's
# distribution functions) and WGCNA 1.72 (bicor). Writes Tests/RGMapTests/Fixtures/numerics/
# (see SPEC.md there).
#
# Requires (Debian 12): apt-get install r-base-core r-cran-wgcna
# Usage: Rscript scripts/make_numeric_fixtures.R    (or: make fixtures)

suppressPackageStartupMessages(library(WGCNA))
out <- "Tests/RGMapTests/Fixtures/numerics"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
source("scripts/fixture_helpers.R")
join <- function(x) paste(fmt(x), collapse = ",")

# --- Residualizer: residuals of lm(y ~ design columns) over all samples or a subset ---------
set.seed(20240612)
samples <- sprintf("S%02d", 1:14)
age <- round(rnorm(14, 60, 8))
scanner <- rep(c("A", "B", "C"), length.out = 14)
design <- rbind(age = age, "scanner=B" = as.numeric(scanner == "B"), "scanner=C" = as.numeric(scanner == "C"),
                age_months = 12 * age)
colnames(design) <- samples
values <- rbind(y1 = round(0.05 * age + 0.8 * (scanner == "B") + rnorm(14), 4),
                y2 = round(rnorm(14, 5, 2) - 0.03 * age, 4))
colnames(values) <- samples
write_matrix(design, "residuals_design.tsv")
write_matrix(values, "residuals_values.tsv")
cases <- list(
  list(name = "intercept", columns = character(0), subset = 1:14),
  list(name = "age", columns = "age", subset = 1:14),
  list(name = "age+scanner", columns = c("age", "scanner=B", "scanner=C"), subset = 1:14),
  # age_months = 12 age: aliased, lm reports an NA coefficient and rank 2.
  list(name = "aliased", columns = c("age", "age_months"), subset = 1:14),
  # Without the scanner C samples, the scanner=C column is all zero there: rank 3.
  list(name = "subset", columns = c("age", "scanner=B", "scanner=C"), subset = which(scanner != "C")))
rows <- list()
for (case in cases) {
  for (v in rownames(values)) {
    s <- case$subset
    y <- values[v, s]
    fit <- if (length(case$columns) == 0) lm(y ~ 1) else lm(y ~ t(design[case$columns, s, drop = FALSE]))
    residual <- rep(NA_real_, 14)
    residual[s] <- residuals(fit)
    rows[[length(rows) + 1]] <- data.frame(
      case = case$name, columns = paste(case$columns, collapse = ","), subset = paste(s, collapse = ","),
      rank = fit$rank, variable = v, sample = samples, residual = residual, stringsAsFactors = FALSE)
  }
}
write_table(do.call(rbind, rows), "residuals_expected.tsv")

# --- Two-sample tests: Welch's t and Wilcoxon rank-sum p-values ----------------------------
set.seed(7)
two <- list(
  exact_below = list(x = c(1.2, 2.5, 0.7, 1.9), y = c(3.1, 4.4, 2.8, 5.0, 3.6)),
  exact_above = list(x = c(6.1, 7.4, 5.2, 8.8, 6.6), y = c(3.1, 4.4, 2.8, 5.0, 3.6, 4.9)),
  exact_centre = list(x = c(1, 4), y = c(2, 3)),
  ties = list(x = c(1, 2, 2, 3, 5, 5), y = c(2, 3, 3, 4, 6, 7, 7)),
  large_group = list(x = round(rnorm(55, 0.4), 6), y = round(rnorm(12), 6)),
  single_mutated = list(x = 4.5, y = c(1.1, 2.3, 3.9, 0.4)),
  unequal_variance = list(x = c(10.1, 9.8, 10.3, 10.0), y = c(3, 14, 7, 19, 1, 11)),
  constant = list(x = c(2, 2, 2), y = c(2, 2, 2)))
p_t <- function(x, y) tryCatch(t.test(x, y, var.equal = FALSE)$p.value, error = function(e) NA_real_)
p_w <- function(x, y) suppressWarnings(wilcox.test(x, y)$p.value)
write_table(data.frame(case = names(two), x = vapply(two, function(c) join(c$x), ""),
                       y = vapply(two, function(c) join(c$y), ""),
                       p_t = vapply(two, function(c) p_t(c$x, c$y), 0),
                       p_wilcox = vapply(two, function(c) p_w(c$x, c$y), 0), stringsAsFactors = FALSE),
            "two_sample.tsv")

# --- Rmath distribution functions, as rgmap's RMath wraps them -----------------------------
rmath <- rbind(
  data.frame(fn = "pt", a = c(-2.5, 0.3, -40), b = c(7, 1.5, 3), c = c(1, 0, 1), d = NA,
             value = c(pt(-2.5, 7), pt(0.3, 1.5, lower.tail = FALSE), pt(-40, 3))),
  data.frame(fn = "pnorm", a = c(-1.96, 8.5, -38), b = c(1, 0, 1), c = NA, d = NA,
             value = c(pnorm(-1.96), pnorm(8.5, lower.tail = FALSE), pnorm(-38))),
  data.frame(fn = "pwilcox", a = c(3, 17, 40), b = c(4, 6, 9), c = c(5, 7, 11), d = c(1, 0, 1),
             value = c(pwilcox(3, 4, 5), pwilcox(17, 6, 7, lower.tail = FALSE), pwilcox(40, 9, 11))),
  # phyper(k - 1, K, N - K, n, lower.tail = FALSE): a = k, b = K, c = N, d = n.
  data.frame(fn = "phyper_upper", a = c(3, 12, 1), b = c(40, 200, 5), c = c(20000, 18000, 100), d = c(150, 300, 10),
             value = c(phyper(2, 40, 19960, 150, lower.tail = FALSE), phyper(11, 200, 17800, 300, lower.tail = FALSE),
                       phyper(0, 5, 95, 10, lower.tail = FALSE))),
  data.frame(fn = "qbeta", a = c(0.025, 0.975, 0.5), b = c(3, 3, 0.5), c = c(18, 18, 2), d = NA,
             value = c(qbeta(0.025, 3, 18), qbeta(0.975, 3, 18), qbeta(0.5, 0.5, 2))),
  data.frame(fn = "digamma", a = c(0.5, 7.25, 1e-3), b = NA, c = NA, d = NA,
             value = digamma(c(0.5, 7.25, 1e-3))),
  data.frame(fn = "trigamma", a = c(0.5, 7.25, 1e-3), b = NA, c = NA, d = NA,
             value = trigamma(c(0.5, 7.25, 1e-3))))
write_table(rmath, "rmath.tsv")

# --- R's summation (long double accumulation; mean's second pass) -------------------------
sums <- list(
  big_then_small = c(1e16, 1, 1),
  tenths = c(0.1, 0.2, 0.3),
  overflow_in_double = c(1e308, 1e308),
  cancelling = c(1e20, 3.5, -1e20, 1.25),
  many = (1:1000) / 7,
  mean_correction = c(1 / 3, 2 / 3, 1e-17, 5 / 7))
write_table(data.frame(case = names(sums), values = vapply(sums, join, ""),
                       sum = vapply(sums, sum, 0), mean = vapply(sums, mean, 0),
                       colmean = vapply(sums, function(v) colMeans(matrix(v)), 0), stringsAsFactors = FALSE),
            "rsummation.tsv")

# --- Coefficients of two vectors: Pearson, Spearman, WGCNA's bicor --------------------------
set.seed(11)
pairs <- list(
  plain = list(x = round(rnorm(9), 5), y = round(rnorm(9), 5)),
  outlier = list(x = c(1.5, 2.25, 3.1, 2.8, 1.9, 2.2, 40), y = c(0.3, 0.9, 1.4, 1.1, 0.2, 0.6, 1.0)),
  ties = list(x = c(1, 2, 2, 3, 3, 3, 4, 5), y = c(2.5, 1.5, 3.5, 3.5, 4, 5.5, 5, 7)),
  # x has more than half its values at the median: mad 0, bicor falls back to Pearson for x.
  zero_mad = list(x = c(5, 5, 5, 5, 5, 6.5, 2, 9), y = c(1.2, 0.4, 2.2, 1.9, 0.8, 3.3, 0.1, 4.0)))
bic <- function(x, y) bicor(x, y, maxPOutliers = 1, pearsonFallback = "individual")[1, 1]
write_table(data.frame(case = names(pairs), x = vapply(pairs, function(p) join(p$x), ""),
                       y = vapply(pairs, function(p) join(p$y), ""),
                       pearson = vapply(pairs, function(p) cor(p$x, p$y), 0),
                       spearman = vapply(pairs, function(p) cor(p$x, p$y, method = "spearman"), 0),
                       bicor = vapply(pairs, function(p) bic(p$x, p$y), 0), stringsAsFactors = FALSE),
            "vector_pairs.tsv")

# --- p.adjust with ties and NA; harmonic numbers as p.adjust's BY sums them -----------------
p <- c(0.01, 0.04, 0.04, NA, 0.2, 0.03, 1, 0, 0.5, 0.04)
write_table(data.frame(method = c("BH", "BY", "bonferroni", "none"), p = join(p),
                       q = vapply(c("BH", "BY", "bonferroni", "none"), function(m) join(p.adjust(p, m)), ""),
                       stringsAsFactors = FALSE), "p_adjust.tsv")
n <- c(1, 2, 10, 1000, 123457)
write_table(data.frame(n = n, harmonic = vapply(n, function(k) sum(1 / (1L:k)), 0)), "harmonic.tsv")

# --- The association map with --missing complete, on the map fixtures' simulated set -------
# Only the samples without a missing feature or gene value (cor(use = "complete.obs")).
features <- as.matrix(read.delim("Tests/RGMapTests/Fixtures/map/simulated_features.tsv", row.names = 1, check.names = FALSE))
genes <- as.matrix(read.delim("Tests/RGMapTests/Fixtures/map/simulated_genes.tsv", row.names = 1, check.names = FALSE))
keep <- colSums(is.na(rbind(features, genes))) == 0
complete <- list()
for (method in c("pearson", "spearman", "bicor")) {
  x <- t(features[, keep]); y <- t(genes[, keep])
  r <- suppressWarnings(switch(method,
    pearson = cor(x, y, use = "complete.obs"),
    spearman = cor(x, y, use = "complete.obs", method = "spearman"),
    bicor = bicor(x, y, maxPOutliers = 1, pearsonFallback = "individual")))
  p <- corPvalueStudent(r, sum(keep))
  long <- data.frame(method = method, feature = rep(rownames(features), times = ncol(r)),
                     gene = rep(rownames(genes), each = nrow(r)), r = as.vector(r), n = sum(keep),
                     p = as.vector(p), stringsAsFactors = FALSE)
  long$q_bh <- p.adjust(long$p, "BH")
  complete[[method]] <- long
}
write_table(do.call(rbind, complete), "complete_simulated_expected.tsv")

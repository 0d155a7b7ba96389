# Writes Tests/RGMapTests/Fixtures/formats/omics_rhdf5.h5 with R's rhdf5, the way R users
# save an expression matrix: a genes x samples matrix (stored column-major, so HDF5 sees
# samples x genes) with fixed-length string label datasets, in a group with custom names.
# The values are those of scripts/make_format_fixtures.py.
#
# Requires (Debian 12): apt-get install r-base-core r-bioc-rhdf5
# Usage: Rscript scripts/make_rhdf5_fixture.R   (or: make fixtures)

suppressPackageStartupMessages(library(rhdf5))

genes <- c("TP53", "EGFR", "KRAS", "MYC", "CDK4", "PTEN")
samples <- sprintf("TCGA-AA-000%d-01A-11R-A00%d-07", 1:5, 1:5)
expression <- matrix(c(
  5.25, 6.5, 7.125, 4.0, 5.5,
  8.0, 9.75, NA, 7.5, 8.25,
  3.5, 3.0, 2.75, 4.25, 3.125,
  10.0, 11.5, 9.25, 10.75, 12.0,
  0.0, 1.5, 2.0, 0.5, 1.0,
  6.0, 6.25, 5.75, 6.5, 6.125
), nrow = length(genes), byrow = TRUE, dimnames = list(genes, samples))

out <- "Tests/RGMapTests/Fixtures/formats/omics_rhdf5.h5"
if (file.exists(out)) invisible(file.remove(out))
invisible(h5createFile(out))
invisible(h5createGroup(out, "expr"))
h5write(expression, out, "expr/values")
h5write(genes, out, "expr/genes")
h5write(samples, out, "expr/samples")
h5closeAll()
cat(sprintf("wrote %s with rhdf5 %s\n", out, as.character(packageVersion("rhdf5"))))

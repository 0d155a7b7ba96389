# The R route to co-expression modules, for `make bench`: pickSoftThreshold, then
# blockwiseModules with power 6 and one block of all genes (WGCNA 1.72 defaults otherwise),
# on the same TSV rgmap reads (genes x samples). Writes the labels and the timings.
# With MAX_BLOCK_SIZE, blockwiseModules splits the genes into blocks of at most that many
# genes (its own pre-clustering) and pickSoftThreshold is skipped.
# Usage: Rscript scripts/bench_modules.R OMICS.tsv LABELS.tsv TIMINGS.tsv THREADS [MAX_BLOCK_SIZE]
suppressPackageStartupMessages({ library(WGCNA); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
threads <- as.integer(args[4])
enableWGCNAThreads(threads)
started <- Sys.time()
omics <- fread(args[1])
x <- t(as.matrix(omics[, -1])); colnames(x) <- omics[[1]]
read <- as.numeric(Sys.time() - started, units = "secs")
blocks <- if (length(args) >= 5) as.integer(args[5]) else ncol(x)
soft <- NA
if (blocks >= ncol(x)) {
  started <- Sys.time()
  sft <- pickSoftThreshold(x, verbose = 0)
  soft <- as.numeric(Sys.time() - started, units = "secs")
}
started <- Sys.time()
net <- blockwiseModules(x, power = 6, maxBlockSize = blocks, numericLabels = TRUE, nThreads = threads, verbose = 0)
modules <- as.numeric(Sys.time() - started, units = "secs")
fwrite(data.table(gene = colnames(x), module = net$colors), args[2], sep = "\t")
fwrite(data.table(step = c("read", "pickSoftThreshold", "blockwiseModules"), seconds = c(read, soft, modules)), args[3], sep = "\t")

# Golden values for the heatmap exports (Tests/RGMapTests/Fixtures/heatmap, see SPEC.md there):
# the row dendrogram pheatmap-style clustering gives (average linkage on 1 - Pearson r of
# the rows) and the eigengene adjacency (1 + cor) / 2 with its tree.
source("scripts/fixture_helpers.R")
out <- "Tests/RGMapTests/Fixtures/heatmap"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(21)
x <- matrix(rnorm(9 * 14), 9, 14, dimnames = list(paste0("row", 1:9), paste0("col", 1:14)))
x[2, ] <- x[1, ] * 0.8 + rnorm(14, sd = 0.3)     # rows 1, 2 close
x[5, ] <- -x[4, ] + rnorm(14, sd = 0.2)          # rows 4, 5 opposite
write_tree <- function(tree, file) {
  writeLines(c("step\tleft\tright\theight",
               sprintf("%d\t%d\t%d\t%s", seq_len(nrow(tree$merge)), tree$merge[, 1], tree$merge[, 2], fmt(tree$height))),
             file.path(out, paste0(file, ".tsv")))
  writeLines(c("order", tree$order), file.path(out, paste0(file, "_order.tsv")))
}
write_matrix(x, "profiles.tsv", corner = "label")
write_tree(hclust(as.dist(1 - cor(t(x))), method = "average"), "rows_tree")
write_tree(hclust(as.dist(1 - cor(x)), method = "average"), "columns_tree")
# Five "eigengenes" over 30 samples, as module x sample rows.
me <- matrix(rnorm(5 * 30), 5, 30, dimnames = list(paste0("ME", 1:5), paste0("s", 1:30)))
me[3, ] <- me[1, ] + rnorm(30, sd = 0.5)
write_matrix(me, "eigengenes.tsv", corner = "label")
write_matrix((1 + cor(t(me))) / 2, "eigengene_adjacency.tsv", corner = "label")
write_tree(hclust(as.dist(1 - cor(t(me))), method = "average"), "eigengene_tree")
# The row tree's conventions as R states them, for the Newick and JSON exports: each pair of
# leaves' merge height (cophenetic) and the hclust fields as jsonlite writes them (15 significant digits).
rows_tree <- hclust(as.dist(1 - cor(t(x))), method = "average")
write_matrix(as.matrix(cophenetic(rows_tree)), "rows_tree_cophenetic.tsv", corner = "label")
writeLines(jsonlite::toJSON(list(labels = rows_tree$labels, merge = rows_tree$merge, height = rows_tree$height,
                                 order = rows_tree$order), digits = NA),
           file.path(out, "rows_tree_hclust.json"))

# Writers shared by the fixture generators: every number printed for an exact round trip,
# files placed in the folder `out` that the sourcing script sets.
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# A variables x samples matrix as rgmap reads it: first column the label.
write_matrix <- function(m, file, corner = "id") {
  lines <- c(paste(c(corner, colnames(m)), collapse = "\t"),
             vapply(seq_len(nrow(m)), function(i) paste(c(rownames(m)[i], fmt(m[i, ])), collapse = "\t"), ""))
  writeLines(lines, file.path(out, file))
}
write_table <- function(df, file) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) fmt(col) else col)
  write.table(df, file.path(out, file), sep = "\t", quote = FALSE, row.names = FALSE)
}

# Prints WGCNA's standard module colours as hex (col2rgb of standardColors()), three lines
# of space-separated values, in the form ModuleColors.swift's `standardHex` holds them.
suppressMessages(library(WGCNA))
m <- col2rgb(standardColors())
hex <- sprintf("#%02x%02x%02x", m[1, ], m[2, ], m[3, ])
for (part in split(hex, cut(seq_along(hex), 3, labels = FALSE))) cat(sprintf('        "%s",\n', paste(part, collapse = " ")))

#!/bin/sh
# Writes the seed corpus of `make fuzz` (Tests/RGMapTests/Fixtures/fuzz/TARGET/) from the format
# and bad-input fixtures. Table seeds start with one byte that picks the file suffix the
# harness gives them (0 .tsv, 1 .csv, 2 .txt); hdf5-labels seeds start with the label width.
# Files named crash-* in those folders are inputs that once crashed, kept as regressions:
# this script leaves them alone.
set -eu
F=Tests/RGMapTests/Fixtures
OUT=$F/fuzz
mkdir -p "$OUT/table" "$OUT/maf" "$OUT/gmt" "$OUT/hdf5-labels"
find "$OUT" -name 'seed-*' -delete

table_seed() {  # suffix byte (octal), source file
  name=$(basename "$2")
  { printf "\\$1"; cat "$2"; } > "$OUT/table/seed-$name"
}
for f in omics.tsv omics.tsv.gz covariates.tsv mutations_01.tsv; do table_seed 000 "$F/formats/$f"; done
for f in features_pyradiomics.csv omics_samples_in_rows.csv; do table_seed 001 "$F/formats/$f"; done
table_seed 002 "$F/formats/omics.gct"
for f in ragged.tsv nonnumeric.tsv duplicate_sample.tsv infinite.tsv dash_for_missing.tsv mixed_delimiters.tsv \
         decimal_comma.tsv latin1_header.tsv unterminated_quote.tsv header_longer_than_rows.tsv truncated.tsv.gz; do
  table_seed 000 "$F/bad/$f"
done
for f in mixed_delimiters.csv decimal_comma_features.csv features_mixed_text.csv features_duplicate_id.csv; do
  table_seed 001 "$F/bad/$f"
done

for f in formats/mutations.maf bad/maf_missing_column.maf bad/maf_ragged.maf; do
  cp "$F/$f" "$OUT/maf/seed-$(basename "$f")"
done
for f in formats/genesets.gmt bad/gmt_no_genes.gmt bad/duplicate_set.gmt; do
  cp "$F/$f" "$OUT/gmt/seed-$(basename "$f")"
done
printf 'TP53\nEGFR\n\nKRAS\n' > "$OUT/gmt/seed-gene-list.txt"
printf 'TP53\t2.5\nEGFR\t-1.25\nKRAS\tNA\n' > "$OUT/gmt/seed-ranks.rnk"

printf '\004TP53EGFRKRAS' > "$OUT/hdf5-labels/seed-width4"
printf '\010TP53\000\000\000\000MYC     ' > "$OUT/hdf5-labels/seed-padded"
printf '\006\316\274RNA\000\000caf\303\251\000' > "$OUT/hdf5-labels/seed-utf8"
printf '\004a\265b\000' > "$OUT/hdf5-labels/seed-latin1"
printf '#version 2.4\nHugo_Symbol\tTumor_Sample_Barcode\tVariant_Classification\n"TP53"\tS1\tMissense_Mutation\nKRAS\tS2\tSilent\nEGFR\tS1\tNovel_Class\n\tS3\tNonsense_Mutation\n' > "$OUT/maf/seed-comment-and-classes.maf"

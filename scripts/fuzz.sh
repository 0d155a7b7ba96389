#!/bin/sh
# Runs every rgmap-fuzz target for SECONDS seconds with libFuzzer, starting from the seed
# corpus in Tests/RGMapTests/Fixtures/fuzz/TARGET, and prints one table row per target.
# New inputs go to .build-fuzz/corpus/TARGET; a crash is saved as .build-fuzz/crashes/TARGET-*,
# named in the table, and makes the script fail. Usage: scripts/fuzz.sh BINARY SECONDS
set -u
BIN=$1
SECONDS_EACH=$2
WORK=.build-fuzz
SEEDS=Tests/RGMapTests/Fixtures/fuzz
mkdir -p "$WORK/corpus" "$WORK/crashes" "$WORK/logs"
failed=0
printf '%-12s %8s %10s %10s %8s %8s  %s\n' target seconds runs "exec/s" corpus "seeds" result
for target in table maf gmt hdf5-labels; do
  mkdir -p "$WORK/corpus/$target"
  log="$WORK/logs/$target.log"
  SWIFT_BACKTRACE=enable=no RGMAP_FUZZ_TARGET=$target "$BIN" "$WORK/corpus/$target" "$SEEDS/$target" \
    -max_total_time="$SECONDS_EACH" -max_len=65536 -rss_limit_mb=4096 -timeout=20 \
    -artifact_prefix="$WORK/crashes/$target-" -print_final_stats=1 > "$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corpus=$(ls "$WORK/corpus/$target" | wc -l)
  seeds=$(ls "$SEEDS/$target" | wc -l)
  if [ "$status" -eq 0 ]; then
    result=ok
  else
    failed=1
    result="FAILED (exit $status): $(ls -t "$WORK/crashes/$target-"* 2>/dev/null | head -1); see $log"
  fi
  printf '%-12s %8s %10s %10s %8s %8s  %s\n' "$target" "$SECONDS_EACH" "${runs:-?}" "${rate:-?}" "$corpus" "$seeds" "$result"
done
exit $failed

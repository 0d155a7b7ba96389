#!/bin/bash
# Kill test: runs `rgmap run` on the example cohort (2000 most variable genes) once to the
# end as the reference, then ROUNDS times more, each stopped after a random delay within the
# reference's run time: by SIGKILL (nothing can clean up: temporary files may stay, but every
# file under a final name must be complete), or by SIGTERM/SIGINT (temporary files must be
# gone too, exit status 128 + signal). "Complete" is checked byte for byte against the
# reference run, which the same settings reproduce exactly; manifest.json, which holds
# timings, must parse as JSON.
#
# usage: scripts/kill_test.sh [ROUNDS] (default 24; run from the repository root)
set -u
rounds=${1:-24}
rgmap=.build/release/rgmap
work=$(mktemp -d /tmp/rgmap-kill-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
# exec: the background job's PID is rgmap's own, so the signal reaches rgmap, not a subshell.
run() {
  exec "$rgmap" run --features data/example/features.csv --omics data/example/omics.tsv \
    --covariates data/example/covariates.tsv --gene-sets data/genesets/go_bp.gmt.gz \
    --id-normalize tcga-patient --top-variable 2000 --permutations 200 --gsea-eps 1e-6 --threads 2 --quiet --out "$1"
}

start=$(date +%s.%N)
(run "$work/reference") || { echo "kill test: the reference run failed"; exit 1; }
seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "kill test: reference run $seconds s, $(find "$work/reference" -type f | wc -l) files"

failures=0
signals=(KILL TERM INT)
for round in $(seq 1 "$rounds"); do
  out="$work/round$round"
  signal=${signals[$((round % 3))]}
  delay=$(awk -v s="$seconds" -v r="$RANDOM" 'BEGIN { printf "%.2f", s * r / 32767 }')
  run "$out" 2>"$work/stderr" &
  pid=$!
  sleep "$delay"
  kill -"$signal" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?
  finished=0 partial=0 bad=""
  while IFS= read -r -d '' file; do
    name=${file#"$out"/}
    if [[ $(basename "$name") == .*.partial-* ]]; then
      partial=$((partial + 1))
    elif [ "$name" = manifest.json ]; then
      if python3 -m json.tool "$file" >/dev/null; then finished=$((finished + 1)); else bad="$bad $name"; fi
    elif cmp -s "$file" "$work/reference/$name"; then
      finished=$((finished + 1))
    else
      bad="$bad $name"
    fi
  done < <(find "$out" -type f -print0 2>/dev/null)
  verdict=ok
  if [ -n "$bad" ]; then verdict="FAIL: incomplete or different under a final name:$bad"; fi
  if [ "$signal" != KILL ] && [ "$partial" -gt 0 ]; then verdict="FAIL: $partial partial files left after SIG$signal"; fi
  if [ "$signal" != KILL ] && [ "$status" != 0 ] && [ "$status" != 130 ] && [ "$status" != 143 ]; then
    verdict="FAIL: exit status $status after SIG$signal: $(head -c 300 "$work/stderr")"
  fi
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf "round %2d: SIG%-4s after %5.2f s, exit %3d, %2d finished files identical to the reference, %d partial: %s\n" \
    "$round" "$signal" "$delay" "$status" "$finished" "$partial" "$verdict"
  rm -rf "$out"
done
echo "kill test: $rounds rounds, $failures failed"
[ "$failures" = 0 ]

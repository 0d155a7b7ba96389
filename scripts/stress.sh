#!/bin/sh
# make stress: the whole pipeline on a simulated cohort of STRESS_GENES genes x STRESS_PATIENTS
# patients (default 15000 x 400, a few minutes), checked against the invariants of the
# bundled example (5000 x 150) run the same way: every output file present with the same
# columns, statistics in range, the planted modules, links, hubs and GO terms recovered as
# well as in the small run. Prints a table; exit 1 when an invariant fails.
set -eu
BIN=${BIN:-.build/release/rgmap}
GENES=${STRESS_GENES:-15000}
PATIENTS=${STRESS_PATIENTS:-400}
WORK=.build-stress
mkdir -p "$WORK/cohort"
ln -sfn "$(pwd)/data/genesets" "$WORK/cohort/genesets"

echo "stress: simulating $GENES genes x $PATIENTS patients"
"$BIN" simulate --genes "$GENES" --patients "$PATIENTS" --seed 7 --out "$WORK/cohort/large" --force --quiet

run() {  # name, data folder
  /usr/bin/time -f "%e %M" -o "$WORK/$1.time" \
    "$BIN" demo --data "$2" --out "$WORK/$1" --force --quiet --threads 2 > "$WORK/$1.recovery.txt"
}
echo "stress: small run (the bundled example)"
run small data/example
echo "stress: large run"
run large "$WORK/cohort/large"
python3 scripts/check_stress.py "$WORK/small" "$WORK/large"

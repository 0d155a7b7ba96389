#!/usr/bin/env python3
"""Times pandas.read_csv on a numeric TSV (best of N runs), for `make bench`.

Usage: bench_read_csv.py FILE [RUNS]. Prints the best wall time in seconds.
Reads the table as rgmap does: first column as row labels, the rest float64.
"""
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        frame = pd.read_csv(path, sep="\t", index_col=0)
        best = min(best, time.perf_counter() - start)
        assert frame.shape[1] > 0
    print(f"{best:.6f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks a large rgmap demo run against the invariants of a small one (see scripts/stress.sh).

Usage: scripts/check_stress.py SMALL LARGE   (each an output folder of `rgmap demo --out`,
with NAME.recovery.txt, its stdout, and NAME.time, "seconds peak-KiB", next to it)
"""
import csv
import math
import os
import re
import sys

STAT_RANGES = {  # column name -> closed range its numbers must fall in
    "r": (-1, 1), "kme": (-1, 1), "gs": (-1, 1), "cor": (-1, 1), "adjacency": (-1, 1),
    "p": (0, 1), "q": (0, 1), "log2err": (0, math.inf), "size": (1, math.inf),
}
# Plot-ready matrices (heatmap/): labels across the header, one statistic in every cell.
MATRIX_RANGES = {"r.tsv": (-1, 1), "adjacency.tsv": (-1, 1), "p.tsv": (0, 1), "q.tsv": (0, 1)}
failures = []


def check(condition, message):
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        failures.append(message)


def tables(root):
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".tsv") and not name.startswith("."):
                found[os.path.relpath(os.path.join(folder, name), root)] = os.path.join(folder, name)
    return found


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def check_table(path):
    """Every numeric cell of a known statistic in range, and q >= p on each row."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header, body = rows[0], rows[1:]
    bad = [f"row of {len(row)} fields" for row in body if len(row) != len(header)]
    matrix = MATRIX_RANGES.get(os.path.basename(path))
    if matrix:
        low, high = matrix
        for row in body:
            for cell in row[1:]:
                x = number(cell)
                if x is not None and not (low <= x <= high):
                    bad.append(f"{cell}")
        return header[:1], len(body), bad
    for name, (low, high) in STAT_RANGES.items():
        if name not in header:
            continue
        k = header.index(name)
        for row in body:
            x = number(row[k])
            if x is not None and not (low <= x <= high):
                bad.append(f"{name}={row[k]}")
    if "p" in header and "q" in header:
        ip, iq = header.index("p"), header.index("q")
        for row in body:
            p, q = number(row[ip]), number(row[iq])
            if p is not None and q is not None and q < p * (1 - 1e-12):
                bad.append(f"q {row[iq]} < p {row[ip]}")
    return header, len(body), bad


def recovery(path):
    text = open(path).read()
    def grab(pattern):
        m = re.search(pattern, text)
        if not m:
            failures.append(f"{path}: no line matching {pattern!r}")
            return (0, 1)
        return tuple(float(g) for g in m.groups())
    modules = grab(r"modules: (\d+) of (\d+) planted modules recovered")
    ari = grab(r"adjusted Rand index ([0-9.]+)")[0]
    links = grab(r"feature-module links: (\d+) of (\d+) planted links")
    hubs = grab(r"of the (\d+) for features with planted drivers, (\d+) are genes")
    terms = grab(r"GO terms: (\d+) of (\d+) matched modules")
    return {"modules": modules, "ari": ari, "links": links, "hubs": (hubs[1], hubs[0]), "terms": terms}


def main():
    small, large = sys.argv[1], sys.argv[2]
    print(f"{'run':6} {'seconds':>8} {'peak MiB':>9} {'tables':>7} {'rows':>10}")
    shapes = {}
    for name, root in (("small", small), ("large", large)):
        seconds, kib = open(root + ".time").read().split()
        found = tables(root)
        rows = 0
        for relative, path in sorted(found.items()):
            header, count, bad = check_table(path)
            shapes.setdefault(relative, {})[name] = header
            rows += count
            if bad:
                failures.append(f"{name} {relative}: {len(bad)} values out of range, e.g. {bad[:3]}")
        print(f"{name:6} {float(seconds):8.1f} {int(kib) / 1024:9.0f} {len(found):7d} {rows:10d}")
    print("invariants")
    only = [t for t, v in shapes.items() if len(v) != 2]
    check(not only, f"both runs write the same {len(shapes)} tables" + (f" (differ: {only})" if only else ""))
    differing = [t for t, v in shapes.items() if len(v) == 2 and v["small"] != v["large"]]
    check(not differing, "every table has the same columns in both runs (matrices: the same corner cell)" + (f" (differ: {differing})" if differing else ""))
    check(not [f for f in failures if "out of range" in f],
          "every row as wide as its header; r, kME, GS in [-1, 1]; p, q in [0, 1]; q >= p on every row; heatmap matrices in range")
    a, b = recovery(small + ".recovery.txt"), recovery(large + ".recovery.txt")
    def frac(x):
        return x[0] / x[1] if x[1] else 1.0
    check(b["modules"][0] == b["modules"][1],
          f"large: all planted modules recovered ({b['modules'][0]:.0f} of {b['modules'][1]:.0f}; small {a['modules'][0]:.0f} of {a['modules'][1]:.0f})")
    check(b["ari"] >= min(0.95, a["ari"] - 0.02), f"large: adjusted Rand index {b['ari']:.3f} (small {a['ari']:.3f})")
    check(frac(b["links"]) >= frac(a["links"]) - 0.05,
          f"large: planted feature-module links found {b['links'][0]:.0f} of {b['links'][1]:.0f} (small {a['links'][0]:.0f} of {a['links'][1]:.0f})")
    check(frac(b["hubs"]) >= frac(a["hubs"]) - 0.01,
          f"large: hubs of driven features in a driver module {b['hubs'][0]:.0f} of {b['hubs'][1]:.0f} (small {a['hubs'][0]:.0f} of {a['hubs'][1]:.0f})")
    check(frac(b["terms"]) >= frac(a["terms"]) - 0.2,
          f"large: planted GO term on top {b['terms'][0]:.0f} of {b['terms'][1]:.0f} (small {a['terms'][0]:.0f} of {a['terms'][1]:.0f})")
    for failure in failures:
        if "out of range" in failure or "no line" in failure:
            print("  " + failure)
    print("stress: " + ("FAILED" if failures else "ok"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

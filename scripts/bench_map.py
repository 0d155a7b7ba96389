#!/usr/bin/env python3
"""The numpy/scipy route to a radiogenomic map, for `make bench`: read the same files,
correlate (pairwise-complete through masked products when values are missing), p-values
from Student's t (scipy.special.stdtr), Benjamini-Hochberg, write the long table of pairs
with q <= 0.05 (feature gene r p q n).

Usage: bench_map.py FEATURES.csv OMICS.tsv OUT.tsv
"""
import sys

import numpy as np
import pandas as pd
from scipy import special


def standardize(m):
    centred = m - np.nanmean(m, axis=0)
    return centred / np.sqrt(np.nansum(centred ** 2, axis=0))


def correlate(x, y):
    if not (np.isnan(x).any() or np.isnan(y).any()):
        return standardize(x).T @ standardize(y), np.full((x.shape[1], y.shape[1]), x.shape[0], dtype=np.int32)
    mx, my = (~np.isnan(x)).astype(float), (~np.isnan(y)).astype(float)
    x0, y0 = np.nan_to_num(x - np.nanmean(x, axis=0)), np.nan_to_num(y - np.nanmean(y, axis=0))
    n = mx.T @ my
    sx, sy, sxx, syy, sxy = x0.T @ my, mx.T @ y0, (x0 ** 2).T @ my, mx.T @ y0 ** 2, x0.T @ y0
    r = (n * sxy - sx * sy) / np.sqrt((n * sxx - sx ** 2) * (n * syy - sy ** 2))
    return np.clip(r, -1, 1), n.astype(np.int32)


def benjamini_hochberg(p):
    flat = p.ravel()
    order = np.argsort(flat)[::-1]
    ranks = np.arange(flat.size, 0, -1)
    q = np.minimum.accumulate(flat[order] * flat.size / ranks)
    out = np.empty_like(flat)
    out[order] = np.minimum(q, 1)
    return out.reshape(p.shape)


def main():
    features = pd.read_csv(sys.argv[1], index_col=0)
    omics = pd.read_csv(sys.argv[2], sep="\t", index_col=0).T.loc[features.index]
    r, n = correlate(features.to_numpy(), omics.to_numpy())
    df = n - 2
    t = r * np.sqrt(df / (1 - r ** 2))
    p = 2 * special.stdtr(df, -np.abs(t))
    q = benjamini_hochberg(p)
    fi, gi = np.nonzero(q <= 0.05)
    out = pd.DataFrame({"feature": features.columns[fi], "gene": omics.columns[gi], "r": r[fi, gi],
                        "p": p[fi, gi], "q": q[fi, gi], "n": n[fi, gi]})
    out.sort_values(["q", "feature", "gene"]).to_csv(sys.argv[3], sep="\t", index=False)


if __name__ == "__main__":
    main()

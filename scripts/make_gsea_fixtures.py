#!/usr/bin/env python3
"""Golden fixtures for rgmap's preranked GSEA.

Reference implementation: gseapy.prerank (Rust engine ``gseapy.gse``), plus an
independent numpy Kolmogorov-Smirnov enrichment score and a brute-force
permutation estimate of fgsea's nominal p-value definition.

Usage (from the repository root):
    .venv/bin/python scripts/make_gsea_fixtures.py

Writes into Tests/RGMapTests/Fixtures/enrichment/:
    gsea_ranks.rnk        gene<TAB>score, no header, omics.tsv gene order
    gsea_gseapy.tsv       gseapy prerank results for every tested set
    gsea_es_numpy.tsv     independent numpy ES for every tested set
    gsea_bruteforce.tsv   brute-force p-values for 4 significant sets
See SPEC.md in that folder for the conventions.
"""

import gzip
import os
import sys
import time

import numpy as np
import pandas as pd
import gseapy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "Tests", "RGMapTests", "Fixtures", "enrichment")
GMT = os.path.join(ROOT, "data", "genesets", "go_bp.gmt.gz")
OMICS = os.path.join(ROOT, "data", "example", "omics.tsv")

SCORE_SEED = 11
PLANT_RANGE = (60, 200)
PLANT_PICK = (0, 9, 19)  # 1st, 10th, 20th (0-based) by name
PLANT_SHIFT = (0.35, -0.5, 1.0)
MIN_SIZE, MAX_SIZE = 15, 500
NPERM, GSEAPY_SEED = 1000, 20
BF_SEED = 99
BF_TARGET_HITS = 10_000  # ">= ~200" requested; 10k hits -> ~1% relative SE, still cheap
BF_MAX_DRAWS = 20_000_000
BF_CHUNK = 50_000
BF_PVAL_CUTOFF = 0.002


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def r(x):
    """Shortest round-trip repr of a Python float (never 'np.float64(...)')."""
    return repr(float(x))


def read_genes():
    with open(OMICS) as fh:
        header = fh.readline().rstrip("\n").split("\t")
        assert header[0] == "gene"
        genes = [line.split("\t", 1)[0] for line in fh]
    assert len(genes) == 5000 and len(set(genes)) == 5000
    return genes


def read_gmt():
    sets = {}
    with gzip.open(GMT, "rt") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            assert f[0] not in sets
            sets[f[0]] = f[2:]
    return sets


# ---------------------------------------------------------------------------
# Enrichment score (Subramanian et al. 2005, weight p = 1)
# ---------------------------------------------------------------------------
def es_full(abs_r, hit_mask):
    """Full O(N) running sum. abs_r: |r_i| in rank order (descending score)."""
    n = abs_r.size
    nh = int(hit_mask.sum())
    nr = abs_r[hit_mask].sum()
    step = np.where(hit_mask, abs_r / nr, -1.0 / (n - nh))
    run = np.cumsum(step)
    mx, mn = run.max(), run.min()
    return (mx if abs(mx) > abs(mn) else mn), run


def es_sorted_positions(abs_r, pos, n):
    """O(k) ES for a batch of sets given sorted hit positions pos (C, k)."""
    c, k = pos.shape
    w = abs_r[pos]
    nr = w.sum(axis=1, keepdims=True)
    cw = np.cumsum(w, axis=1) / nr
    miss = (pos - np.arange(k)) / (n - k)  # misses before each hit / (N - N_H)
    tops = cw - miss                       # running sum right after each hit
    bottoms = cw - w / nr - miss           # running sum right before each hit
    mx = tops.max(axis=1)
    mn = np.minimum(bottoms.min(axis=1), 0.0)
    return np.where(np.abs(mx) > np.abs(mn), mx, mn)


def draw_sorted_subsets(rng, c, k, n):
    """c uniform k-subsets of {0..n-1}, each sorted ascending.

    Draw k iid integers, then repeatedly redraw the duplicated entries.  The
    procedure is equivariant under relabelling of {0..n-1}, so the resulting
    k-subset is exactly uniform.
    """
    a = rng.integers(0, n, size=(c, k))
    a.sort(axis=1)
    while True:
        dup = np.zeros(a.shape, dtype=bool)
        dup[:, 1:] = a[:, 1:] == a[:, :-1]
        rows = np.flatnonzero(dup.any(axis=1))
        if rows.size == 0:
            return a
        sub = a[rows]
        d = dup[rows]
        sub[d] = rng.integers(0, n, size=int(d.sum()))
        sub.sort(axis=1)
        a[rows] = sub


def main():
    t0 = time.time()
    os.makedirs(OUT, exist_ok=True)
    genes = read_genes()
    gidx = {g: i for i, g in enumerate(genes)}
    uni = set(genes)
    sets = read_gmt()

    # ---- planted scores ---------------------------------------------------
    rng = np.random.default_rng(SCORE_SEED)
    score = rng.standard_normal(len(genes))
    cand = sorted(n for n, g in sets.items() if PLANT_RANGE[0] <= len(set(g) & uni) <= PLANT_RANGE[1])
    planted = [cand[i] for i in PLANT_PICK]
    for name, shift in zip(planted, PLANT_SHIFT):
        for g in set(sets[name]) & uni:
            score[gidx[g]] += shift
    if len(np.unique(score)) != score.size:
        log("ties found; perturbing scores by 1e-9*index")
        score = score + 1e-9 * np.arange(score.size)
    assert len(np.unique(score)) == score.size
    print("planted sets (candidates with %d..%d genes in universe: %d):" % (*PLANT_RANGE, len(cand)))
    for name, shift in zip(planted, PLANT_SHIFT):
        print("  %s  shift %+g  size %d" % (name, shift, len(set(sets[name]) & uni)))

    rnk_path = os.path.join(OUT, "gsea_ranks.rnk")
    with open(rnk_path, "w") as fh:
        for g, s in zip(genes, score):
            fh.write("%s\t%s\n" % (g, r(s)))
    # read back to make sure gseapy sees exactly the file's values
    back = pd.read_csv(rnk_path, sep="\t", header=None, names=["gene", "score"],
                       dtype={"gene": str, "score": np.float64}, float_precision="round_trip")
    assert back["gene"].tolist() == genes and np.array_equal(back["score"].to_numpy(), score)

    # ---- gseapy prerank ---------------------------------------------------
    t1 = time.time()
    pre = gseapy.prerank(rnk=back, gene_sets=sets, min_size=MIN_SIZE, max_size=MAX_SIZE,
                         permutation_num=NPERM, weight=1, seed=GSEAPY_SEED, threads=1,
                         outdir=None, no_plot=True, verbose=False)
    log("gseapy prerank: %.1f s" % (time.time() - t1))
    res = pre.res2d.set_index("Term")
    details = pre.results  # term -> dict with matched_genes, hits, RES, ...

    sizes = {n: len(set(g) & uni) for n, g in sets.items()}
    tested = sorted(n for n, k in sizes.items() if MIN_SIZE <= k <= MAX_SIZE)
    assert sorted(res.index) == tested, "gseapy tested a different collection of sets"
    for n in tested:
        tag = res.at[n, "Tag %"]
        assert int(tag.split("/")[1]) == sizes[n], (n, tag, sizes[n])
        assert len(details[n]["matched_genes"].split(";")) == sizes[n]
        assert len(details[n]["hits"]) == sizes[n]

    with open(os.path.join(OUT, "gsea_gseapy.tsv"), "w") as fh:
        fh.write("set\tes\tnes\tp\tfdr\tsize\tlead_genes\n")
        for n in tested:
            row = res.loc[n]
            fh.write("\t".join([n, r(row["ES"]), r(row["NES"]), r(row["NOM p-val"]),
                                r(row["FDR q-val"]), str(sizes[n]), row["Lead_genes"]]) + "\n")

    # ---- independent numpy ES -------------------------------------------
    order = np.argsort(-score, kind="stable")
    ranked_genes = [genes[i] for i in order]
    abs_r = np.abs(score[order])
    rpos = {g: i for i, g in enumerate(ranked_genes)}
    n_genes = len(ranked_genes)
    es_np, max_diff, lead_mismatch, ok_fast = {}, 0.0, [], 0.0
    for n in tested:
        pos = np.array(sorted(rpos[g] for g in set(sets[n]) & uni))
        mask = np.zeros(n_genes, dtype=bool)
        mask[pos] = True
        es, run = es_full(abs_r, mask)
        es_np[n] = es
        max_diff = max(max_diff, abs(es - float(res.at[n, "ES"])))
        ok_fast = max(ok_fast, abs(es_sorted_positions(abs_r, pos[None, :], n_genes)[0] - es))
        # leading edge, gseapy-style: hits up to argmax (ES>0) / from argmin (ES<0), reversed
        if es >= 0:
            i = int(np.argmax(run))
            le = [ranked_genes[p] for p in pos if p <= i]
        else:
            i = int(np.argmin(run))
            le = [ranked_genes[p] for p in pos if p >= i][::-1]
        if ";".join(le) != res.at[n, "Lead_genes"]:
            lead_mismatch.append(n)
    with open(os.path.join(OUT, "gsea_es_numpy.tsv"), "w") as fh:
        fh.write("set\tes\n")
        for n in tested:
            fh.write("%s\t%s\n" % (n, r(es_np[n])))
    print("tested sets: %d" % len(tested))
    print("max |ES_gseapy - ES_numpy| = %s" % r(max_diff))
    print("max |ES_full - ES_O(k)| = %s" % r(ok_fast))
    print("leading-edge mismatches vs numpy re-derivation: %d %s" % (len(lead_mismatch), lead_mismatch[:5]))

    # ---- brute-force permutation p-values --------------------------------
    pv = res.loc[tested, "NOM p-val"].astype(float)
    es_g = res.loc[tested, "ES"].astype(float)
    nes_g = res.loc[tested, "NES"].astype(float)
    sig = [n for n in tested if pv[n] <= BF_PVAL_CUTOFF]
    pos_c = sorted((n for n in sig if es_g[n] > 0), key=lambda n: (abs(nes_g[n]), n))
    neg_c = sorted((n for n in sig if es_g[n] < 0), key=lambda n: (abs(nes_g[n]), n))
    if len(pos_c) >= 2 and len(neg_c) >= 2:
        # two per sign: the ones with the smallest |NES| among p <= cutoff
        # (true p-values in the 1e-5..1e-3 range, resolvable by brute force)
        chosen = pos_c[:2] + neg_c[:2]
    else:
        chosen = sorted(tested, key=lambda n: (pv[n], -abs(nes_g[n]), n))[:4]
    log("brute force sets: %s" % chosen)

    bf_rng = np.random.default_rng(BF_SEED)
    rows = []
    for n in chosen:
        t2 = time.time()
        k = sizes[n]
        pos = np.array(sorted(rpos[g] for g in set(sets[n]) & uni))
        es_obs = es_sorted_positions(abs_r, pos[None, :], n_genes)[0]
        more = same = draws = 0
        while draws < BF_MAX_DRAWS and more < BF_TARGET_HITS:
            c = min(BF_CHUNK, BF_MAX_DRAWS - draws)
            e = es_sorted_positions(abs_r, draw_sorted_subsets(bf_rng, c, k, n_genes), n_genes)
            if es_obs >= 0:
                more += int((e >= es_obs).sum())
                same += int((e >= 0).sum())
            else:
                more += int((e <= es_obs).sum())
                same += int((e <= 0).sum())
            draws += c
        p = (1 + more) / (1 + same)
        rows.append((n, k, es_obs, p, more, same, draws))
        log("  %s k=%d es=%.6f p=%.4g more=%d same=%d draws=%d (%.1f s)"
            % (n, k, es_obs, p, more, same, draws, time.time() - t2))
    with open(os.path.join(OUT, "gsea_bruteforce.tsv"), "w") as fh:
        fh.write("set\tsize\tes\tp_bruteforce\tmore_extreme\tsame_sign\tdraws\n")
        for n, k, e, p, m, s, d in rows:
            fh.write("\t".join([n, str(k), r(e), r(p), str(m), str(s), str(d)]) + "\n")
    print("brute force:")
    for n, k, e, p, m, s, d in rows:
        print("  %s size=%d es=%s gseapy_p=%s p_bf=%s more=%d same=%d draws=%d"
              % (n, k, r(e), r(pv[n]), r(p), m, s, d))
    print("versions: gseapy %s numpy %s pandas %s python %s"
          % (gseapy.__version__, np.__version__, pd.__version__, sys.version.split()[0]))
    log("total %.1f s" % (time.time() - t0))


if __name__ == "__main__":
    main()

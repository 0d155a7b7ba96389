"""gseapy prerank for `make bench`: one ranked list against a GMT, as rgmap enrich --ranks runs it.

Usage: python scripts/bench_gsea.py RANKS.rnk SETS.gmt PERMUTATIONS THREADS OUT.tsv
       python scripts/bench_gsea.py --write-ranks associations.h5 RANKS.rnk   (the first feature's r)
"""
import sys
import time

import pandas as pd
import gseapy

if sys.argv[1] == "--write-ranks":
    import h5py
    with h5py.File(sys.argv[2], "r") as h5, open(sys.argv[3], "w") as out:
        for gene, r in zip(h5["genes"].asstr()[:], h5["r"][0, :]):
            out.write(f"{gene}\t{float(r)!r}\n")
    sys.exit(0)

ranks_path, gmt_path, permutations, threads, out_path = sys.argv[1:6]
started = time.time()
ranks = pd.read_csv(ranks_path, sep="\t", header=None, index_col=0).iloc[:, 0]
result = gseapy.prerank(rnk=ranks, gene_sets=gmt_path, min_size=15, max_size=500, permutation_num=int(permutations),
                        weight=1, seed=1, threads=int(threads), outdir=None, no_plot=True, verbose=False)
result.res2d.to_csv(out_path, sep="\t", index=False)
print(f"gseapy prerank: {len(result.res2d)} sets in {time.time() - started:.2f} s", file=sys.stderr)

#!/usr/bin/env python
# coding: utf-8

# # Radiogenomic map
# 
# Figures of the feature × gene association map of an rgmap output folder:
# 
# 1. **Association heatmap** of the strongest part of the map (`heatmap/associations/`:
#    r in display order, both dendrograms from the JSON merge lists, q marked).
# 2. **Volcano plots**, r against −log10 p, one panel per feature (`map/associations.h5`).
# 3. **Top pairs** (`map/associations.tsv`) and, when the run had `--mutations`, the top
#    mutation tests (`map/mutations.tsv`).
# 
# Set `RGMAP_OUT` to any folder written by `rgmap run --out DIR`; figures go to
# `RGMAP_FIGURES` (default `OUT/figures`) as PDF (vector, editable text) and PNG.

# In[1]:


import os

# The rgmap output folder (`rgmap run --out DIR`) and where the figures go.
OUT = os.environ.get("RGMAP_OUT", "../rgmap-demo")
FIGURES = os.environ.get("RGMAP_FIGURES", os.path.join(OUT, "figures"))


# In[2]:


from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

import rgmap_plots as rp  # shared readers and figure helpers, beside this notebook

rp.setup_notebook(OUT, FIGURES)


# ## Association heatmap
# 
# `heatmap/associations/r.tsv` is already in display order (rows and columns in the leaf
# order of their dendrograms), so it is drawn as it is. `rp.read_heatmap` checks that the
# matrix, the order files and each tree's `labels[order]` agree, and that `order` is the
# leaf order of `merge`; the trees are drawn from the R `hclust` merge lists
# (`row_tree.json`, `column_tree.json`). Dots mark pairs with q below 0.05 and 0.001.

# In[3]:


from scipy.cluster.hierarchy import is_valid_linkage, leaves_list

hm = rp.read_heatmap(OUT, "associations")
attrs = rp.read_association_matrices(OUT, which=())["attrs"]

# The same trees as scipy linkage matrices (leaves 0..n-1, step j -> n+j-1), e.g. for
# scipy.cluster.hierarchy.dendrogram or fcluster; their leaf order is the display order.
for tree in (hm.row_tree, hm.column_tree):
    Z = tree.to_linkage()
    assert is_valid_linkage(Z) and list(leaves_list(Z) + 1) == tree.order

method = attrs.get("method", "?")
adjusted = f", adjusted for {attrs['covariates'].replace(',', ', ')}" if attrs.get("covariates") else ""
print(f"{len(hm.rows)} features x {len(hm.columns)} genes; {method} r{adjusted}; "
      f"clustering: {hm.row_tree.method} linkage on {hm.row_tree.distance or '1 - r'}")
fig, ax = rp.clustered_heatmap(
    hm["r"], hm.row_tree, hm.column_tree, marks=hm["q"],
    colorbar_label=f"{method} r", xlabel="gene", ylabel="imaging feature",
    title=f"Radiogenomic map: the {len(hm.rows)} strongest features × {len(hm.columns)} genes",
)
rp.save_figure(fig, FIGURES, "01_association_heatmap")
rp.show(fig)


# ## Volcano plots per feature
# 
# Every gene for the features with the most significant genes: r against −log10 p from
# `map/associations.h5` (all pairs, not only those kept in `associations.tsv`). Coloured
# points have q ≤ 0.05; the dashed line is the largest p among them (the BH cut-off when
# q is global). Points are rasterised inside the PDF to keep it small; text and axes stay
# vector.

# In[4]:


N_PANELS = 12   # features shown
N_LABELS = 3    # genes named per panel
Q_CUT = 0.05

mats = rp.read_association_matrices(OUT, which=("r", "p", "q"))
R, P, Q = mats["r"], mats["p"], mats["q"]
sig = Q <= Q_CUT
n_sig = sig.sum(axis=1)
order = pd.DataFrame({"n": n_sig, "minp": P.min(axis=1)}).sort_values(["n", "minp"], ascending=[False, True])
features = order.index[:N_PANELS].tolist()
p_cut = P.where(sig).max().max()  # largest significant p (NaN when none)
xlim = rp.symmetric_limit(R.loc[features].to_numpy(), round_to=0.1)

ncols = 4
nrows = int(np.ceil(len(features) / ncols))
fig, axes = plt.subplots(nrows, ncols, figsize=(2.3 * ncols, 2.15 * nrows), squeeze=False)
for ax, feat in zip(axes.flat, features):
    r, p, s = R.loc[feat].to_numpy(), P.loc[feat].to_numpy(), sig.loc[feat].to_numpy()
    y, capped = rp.neglog10(p)
    ok = ~np.isnan(r) & ~np.isnan(y)
    ax.scatter(r[ok & ~s], y[ok & ~s], s=3, c=rp.NOT_SIGNIFICANT, linewidths=0, rasterized=True)
    for sign, col in ((1, rp.POSITIVE), (-1, rp.NEGATIVE)):
        m = ok & s & (np.sign(r) == sign)
        ax.scatter(r[m], y[m], s=4, c=col, linewidths=0, rasterized=True)
    if np.isfinite(p_cut):
        ax.axhline(-np.log10(p_cut), color="#555555", lw=0.5, ls="--")
    best = [i for i in np.argsort(np.where(ok, p, np.inf))[:N_LABELS] if s[i]]
    for sign, corner in ((1, "upper left"), (-1, "upper right")):
        idx = [i for i in best if np.sign(r[i]) == sign]
        rp.label_points(ax, r[idx], y[idx], R.columns[idx], corner=corner)
    ax.set_xlim(-xlim, xlim)
    ax.set_ylim(0, None)
    ax.set_title(f"{rp.shorten(feat, 34)}\n{int(n_sig[feat])} genes q ≤ {Q_CUT}", fontsize=7)
for ax in axes.flat[len(features):]:
    ax.axis("off")
for ax in axes[-1]:
    ax.set_xlabel("r")
for ax in axes[:, 0]:
    ax.set_ylabel("−log10 p")
fig.suptitle(f"Gene associations of the {len(features)} features with the most genes at q ≤ {Q_CUT} "
             f"({attrs.get('method', '')} r, {attrs.get('fdr', '')} q)", x=0.01, ha="left", fontweight="bold", fontsize=9)
fig.tight_layout()
rp.save_figure(fig, FIGURES, "01_volcano_per_feature")
rp.show(fig)


# All pairs of the map at once (every feature × gene):

# In[5]:


r_all = R.to_numpy().ravel()
y_all, _ = rp.neglog10(P.to_numpy().ravel())
s_all = sig.to_numpy().ravel()
ok = ~np.isnan(r_all) & ~np.isnan(y_all)
fig, ax = plt.subplots(figsize=(3.6, 3.0))
ax.scatter(r_all[ok & ~s_all], y_all[ok & ~s_all], s=1.5, c=rp.NOT_SIGNIFICANT, linewidths=0, rasterized=True,
           label=f"q > {Q_CUT}")
ax.scatter(r_all[ok & s_all], y_all[ok & s_all], s=2, c=np.where(r_all[ok & s_all] > 0, rp.POSITIVE, rp.NEGATIVE),
           linewidths=0, rasterized=True, label=f"q ≤ {Q_CUT}")
ax.set_xlabel("r")
ax.set_ylabel("−log10 p")
ax.set_title(f"{R.shape[0]} features × {R.shape[1]} genes: {int(s_all.sum())} pairs at q ≤ {Q_CUT}", fontsize=8)
ax.legend(markerscale=3, loc="upper center")
rp.save_figure(fig, FIGURES, "01_volcano_all_pairs")
rp.show(fig)


# ## Top pairs
# 
# The strongest feature–gene pairs of `map/associations.tsv` (pairs with q ≤ `--max-q`,
# sorted by q), and the number of genes with q ≤ 0.05 per feature.

# In[6]:


assoc = rp.read_output_tsv(OUT, "map/associations.tsv", ["feature", "gene", "r", "p", "q", "n"])
top_pairs = assoc.sort_values(["q", "p"], kind="stable").head(25).reset_index(drop=True)
rp.save_table(top_pairs, FIGURES, "01_top_pairs")
with pd.option_context("display.float_format", "{:.3g}".format):
    display(top_pairs)
per_feature = (assoc[assoc["q"] <= Q_CUT].assign(direction=np.where(assoc["r"] > 0, "positive", "negative"))
               .pivot_table(index="feature", columns="direction", values="gene", aggfunc="count", fill_value=0))
per_feature["total"] = per_feature.sum(axis=1)
per_feature = per_feature.sort_values("total", ascending=False)
display(per_feature.head(15))


# Significant genes per feature (the 30 features with the most), split by the sign of r:

# In[7]:


import seaborn as sns

N_BARS = 30
shown = per_feature.head(N_BARS)
long = (shown.drop(columns="total").reset_index()
        .melt(id_vars="feature", var_name="direction", value_name="genes"))
fig, ax = plt.subplots(figsize=(5.0, 0.16 * len(shown) + 0.8))
sns.barplot(data=long, y="feature", x="genes", hue="direction", order=shown.index,
            hue_order=[h for h in ("positive", "negative") if h in long["direction"].unique()],
            palette={"positive": rp.POSITIVE, "negative": rp.NEGATIVE}, orient="h", ax=ax, width=0.75)
ax.set_xlabel(f"genes with q ≤ {Q_CUT}")
ax.set_ylabel("")
ax.tick_params(axis="y", labelsize=6)
ax.legend(title="sign of r", loc="lower right")
ax.set_title(f"Associated genes per feature (map/associations.tsv, {len(shown)} of {len(per_feature)} features)",
             loc="left", fontsize=8)
rp.save_figure(fig, FIGURES, "01_genes_per_feature")
rp.show(fig)


# Mutation tests (`map/mutations.tsv`) exist only when the run had `--mutations`:

# In[8]:


mut_path = Path(OUT) / "map" / "mutations.tsv"
if mut_path.exists():
    mut = rp.read_tsv(mut_path)
    with pd.option_context("display.float_format", "{:.3g}".format):
        display(mut.sort_values("q").head(15).reset_index(drop=True))
else:
    print(f"{mut_path} not present: the run had no --mutations")


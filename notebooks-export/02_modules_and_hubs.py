#!/usr/bin/env python
# coding: utf-8

# # Co-expression modules and hub genes
# 
# WGCNA's standard figures from an rgmap output folder:
# 
# 1. **Soft threshold**: signed scale-free fit R² and mean connectivity against the power
#    (`network/soft_threshold.tsv`), as `pickSoftThreshold`'s figure.
# 2. **Gene dendrogram with module colours**, final and unmerged (“Dynamic Tree Cut”)
#    modules (`heatmap/gene_tree/`), as `plotDendroAndColors`.
# 3. **Module–feature relationships**: eigengene × feature r with r and p written in the
#    cells (`heatmap/module_feature/`), as WGCNA's module–trait figure.
# 4. **Eigengene adjacency** with its dendrogram (`heatmap/eigengene_adjacency/`).
# 5. **Gene significance against module membership** per feature and module, hub genes
#    highlighted (`heatmap/gs_kme.tsv`, `heatmap/gs_kme_summary.tsv`), as
#    `verboseScatterplot`.
# 6. **Hub genes** (`network/hubs.tsv`, `network/top_hubs.tsv`).

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


# ## Soft-thresholding power
# 
# Left: the signed scale-free fit, −sign(slope)·R², against the power, each power written
# at its point as WGCNA does; the horizontal line is the R² cut (`--rsquared-cut`), the
# vertical line the power the network used. Right: mean connectivity.

# In[3]:


sft = rp.read_output_tsv(OUT, "network/soft_threshold.tsv",
                         ["power", "sft_r2", "slope", "mean_k", "median_k", "max_k", "signed_r2"])
r2_cut = float(rp.manifest_parameter(OUT, "rsquared-cut", 0.85))
reaching = sft.loc[sft["sft_r2"] >= r2_cut, "power"]
estimate = float(reaching.iloc[0]) if len(reaching) else None
used = rp.manifest_parameter(OUT, "power-used", None)  # `rgmap run` records the power it used
if used is None:
    power = rp.manifest_parameter(OUT, "power", None)
    used = estimate if power == "auto" else power
used = float(used) if used is not None else None

fig, (a1, a2) = plt.subplots(1, 2, figsize=(7.0, 3.0))
for ax, col, label in ((a1, "signed_r2", "Scale-free topology fit, signed R²"), (a2, "mean_k", "Mean connectivity")):
    ax.plot(sft["power"], sft[col], color="#999999", lw=0.6, zorder=1)
    for pw, v in zip(sft["power"], sft[col]):
        ax.text(pw, v, f"{pw:g}", color=rp.POSITIVE, ha="center", va="center", fontsize=7, zorder=2)
    if used is not None:
        ax.axvline(used, color=rp.NEGATIVE, lw=0.8, ls=":", label=f"power used: {used:g}")
    ax.set_xlabel("Soft threshold (power)")
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.set_ylabel(label)
    ax.margins(x=0.06, y=0.08)
a1.axhline(r2_cut, color="#333333", lw=0.6, ls="--", label=f"R² cut {r2_cut:g}")
a1.legend(loc="lower right")
a1.set_title("Scale independence", loc="left", fontweight="bold")
a2.set_title("Mean connectivity", loc="left", fontweight="bold")
fig.tight_layout()
rp.save_figure(fig, FIGURES, "02_soft_threshold")
rp.show(fig)
print(f"lowest power with unsigned R² >= {r2_cut:g}: {estimate}; power used: {used}")


# ## Gene dendrogram and module colours
# 
# One figure per block of `heatmap/gene_tree/` (one block unless `--max-block-size`). The
# colours of `colors.tsv` are checked against the tree's leaf order. WGCNA's colour names
# are drawn with R's values (the `hex` columns rgmap exports: R's `col2rgb` of the colour names), e.g. R's
# green is #00ff00, not CSS green.

# In[4]:


blocks = rp.read_gene_trees(OUT)
for tree, colors in blocks:
    block = int(colors["block"].iloc[0])
    n_mod = colors.loc[colors["module"] > 0, "module"].nunique()
    n_unmerged = colors.loc[colors["unmerged_module"] > 0, "unmerged_module"].nunique()
    fig = rp.color_rows_figure(
        tree,
        {"Merged modules": list(colors["hex"]),
         "Dynamic Tree Cut": list(colors["unmerged_hex"])},
        title=f"Gene dendrogram and module colours"
              + (f" (block {block})" if len(blocks) > 1 else "")
              + f": {tree.n} genes, {n_mod} modules ({n_unmerged} before merging)",
        height_label=f"Height ({tree.distance})" if tree.distance else "Height",
    )
    rp.save_figure(fig, FIGURES, f"02_gene_dendrogram_block{block}")
    rp.show(fig)


# ## Module–feature relationships
# 
# Each module eigengene (rows ME1…, ME0 the unassigned genes last, in the order of the
# eigengene dendrogram) against the imaging features of `heatmap/module_feature/`, r in
# colour (−1 to 1) and written with its p below it. The features' dendrogram comes from
# `column_tree.json`. With many more features than modules the figure is transposed
# (features as rows) so that it fits a portrait page; set `TRANSPOSE` to choose.

# In[5]:


mf = rp.read_heatmap(OUT, "module_feature")
modules = rp.read_module_table(OUT)
missing = [m for m in mf.rows if m not in modules.index]
if missing:
    raise rp.InconsistentExport(f"heatmap/modules.tsv has no row for {missing}")
r, p = mf["r"], mf["p"]
text = r.map(rp.format_r) + "\n(" + p.map(rp.format_p) + ")"
module_colors = [modules.loc[m, "hex"] for m in mf.rows]

TRANSPOSE = r.shape[1] > 2 * r.shape[0]
title = f"Module–feature relationships: {r.shape[0]} eigengenes × {r.shape[1]} features (r, p)"
if TRANSPOSE:
    fig, ax = rp.clustered_heatmap(r.T, row_tree=mf.column_tree, column_colors=module_colors,
                                   annotations=text.T, vmin=-1, vmax=1, cell=(0.5, 0.28), annotation_size=5,
                                   colorbar_label="r", title=title, xlabel="module eigengene", ylabel="imaging feature")
else:
    fig, ax = rp.clustered_heatmap(r, column_tree=mf.column_tree, row_colors=module_colors,
                                   annotations=text, vmin=-1, vmax=1, cell=(0.5, 0.32), annotation_size=5,
                                   colorbar_label="r", title=title, xlabel="imaging feature", ylabel="module eigengene")
rp.save_figure(fig, FIGURES, "02_module_feature")
rp.show(fig)


# ## Eigengene adjacency
# 
# Adjacency (1 + cor(MEi, MEj)) / 2 of modules 1…K, ordered by the eigengene dendrogram
# (`heatmap/eigengene_adjacency/tree.json`), drawn on both sides. 0.5 (no correlation) is
# the white centre of the diverging scale.

# In[6]:


ea = rp.read_heatmap(OUT, "eigengene_adjacency")
adj = ea["adjacency"]
if list(adj.index) != list(adj.columns):
    raise rp.InconsistentExport("heatmap/eigengene_adjacency/adjacency.tsv: rows and columns differ")
colors = [modules.loc[m, "hex"] for m in ea.rows]
fig, ax = rp.clustered_heatmap(
    adj, ea.row_tree, ea.column_tree, vmin=0, vmax=1, center=0.5,
    annotations=adj.map(rp.format_r) if len(adj) <= 16 else None,
    row_colors=colors, column_colors=colors, cell=(0.32, 0.32), dendrogram_size=0.7, dendrogram_baseline="auto",
    colorbar_label="adjacency (1 + cor) / 2", title="Eigengene adjacency",
)
rp.save_figure(fig, FIGURES, "02_eigengene_adjacency")
rp.show(fig)


# ## Gene significance against module membership
# 
# For the feature–module pairs of `heatmap/gs_kme.tsv` (each feature and every module linked
# to it), |GS| (the gene's correlation with the feature) against |kME| (with the module's
# eigengene) for every gene of the module, as WGCNA's `verboseScatterplot`; the title gives
# the correlation of |GS| and |kME| and its p from `gs_kme_summary.tsv`. Hub genes
# (`hub` = true, as in `network/hubs.tsv`) are outlined and the strongest named; dashed
# lines are the hub rule's |kME| and |GS| cut-offs. The panels are the pairs with the
# smallest p; set `PAIRS` to a list of `(feature, module)` to choose.

# In[7]:


N_PANELS = 12
PAIRS = None  # e.g. [("original_shape_Elongation", 1)]

gk = rp.read_output_tsv(OUT, "heatmap/gs_kme.tsv", ["feature", "module", "gene", "gs", "kme", "hub"])
summary = rp.read_output_tsv(OUT, "heatmap/gs_kme_summary.tsv", ["feature", "module", "genes", "r", "p"])
if gk["hub"].dtype != bool:
    gk["hub"] = gk["hub"].map({"true": True, "false": False, True: True, False: False})
    if gk["hub"].isna().any():
        raise rp.InconsistentExport("heatmap/gs_kme.tsv: 'hub' must be true or false")
hub_kme = float(rp.manifest_parameter(OUT, "hub-kme", 0.8))
hub_gs = float(rp.manifest_parameter(OUT, "hub-gs", 0.2))
module_info = modules.reset_index().set_index("module")

if PAIRS is None:
    chosen = summary.assign(absr=-summary["r"].abs()).sort_values(["p", "absr"]).head(N_PANELS)
    PAIRS = list(zip(chosen["feature"], chosen["module"]))
groups = dict(tuple(gk.groupby(["feature", "module"])))
ncols = 4
nrows = int(np.ceil(len(PAIRS) / ncols))
fig, axes = plt.subplots(nrows, ncols, figsize=(2.4 * ncols, 2.45 * nrows), squeeze=False)
for ax, (feat, mod) in zip(axes.flat, PAIRS):
    if (feat, mod) not in groups:
        raise rp.InconsistentExport(f"heatmap/gs_kme.tsv has no genes for feature {feat!r}, module {mod}")
    g = groups[(feat, mod)]
    srow = summary[(summary["feature"] == feat) & (summary["module"] == mod)]
    if len(srow) != 1 or int(srow["genes"].iloc[0]) != len(g):
        raise rp.InconsistentExport(f"gs_kme_summary.tsv row for {feat!r}, module {mod} missing or its 'genes' "
                                    f"differs from the {len(g)} rows of gs_kme.tsv")
    color = module_info.loc[mod, "hex"]
    edge = "#444444" if rp.text_color_on(color) == "black" else "none"
    x, y = g["kme"].abs(), g["gs"].abs()
    ax.scatter(x[~g["hub"]], y[~g["hub"]], s=7, c=color, edgecolors=edge, linewidths=0.2, rasterized=True)
    ax.scatter(x[g["hub"]], y[g["hub"]], s=14, c=color, edgecolors="black", linewidths=0.7, rasterized=True)
    hubs = g[g["hub"]].assign(score=lambda d: d["gs"].abs() * d["kme"].abs()).nlargest(3, "score")
    rp.label_points(ax, hubs["kme"].abs(), hubs["gs"].abs(), hubs["gene"], corner="upper left")
    ax.axvline(hub_kme, color="#555555", lw=0.5, ls="--")
    ax.axhline(hub_gs, color="#555555", lw=0.5, ls="--")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, max(1.02 * y.max(), hub_gs * 1.2))
    label = module_info.loc[mod, "label"] if "label" in module_info.columns else f"ME{mod}"
    ax.set_title(f"{rp.shorten(feat, 34)}\n{label} ({module_info.loc[mod, 'color']}, {len(g)} genes, "
                 f"{int(g['hub'].sum())} hubs)\ncor = {srow['r'].iloc[0]:.2f}, p = {rp.format_p(srow['p'].iloc[0])}",
                 fontsize=6.5)
for ax in axes.flat[len(PAIRS):]:
    ax.axis("off")
for ax in axes[-1]:
    ax.set_xlabel("Module membership |kME|")
for ax in axes[:, 0]:
    ax.set_ylabel("Gene significance |GS|")
fig.suptitle("Gene significance against module membership (hub genes outlined)", x=0.01, ha="left",
             fontweight="bold", fontsize=9)
fig.tight_layout()
rp.save_figure(fig, FIGURES, "02_gs_vs_kme")
rp.show(fig)


# ## Hub genes
# 
# `network/hubs.tsv`: per feature, the genes of its significant modules with |kME| and |GS|
# above the hub cut-offs, ranked. Below: the number of hubs per feature and module, the top
# hubs of the features with the most, and each module's most connected gene
# (`network/top_hubs.tsv`).

# In[8]:


hubs = rp.read_output_tsv(OUT, "network/hubs.tsv", ["feature", "module", "gene", "gs", "gs_p", "kme", "rank"])
top_hubs = rp.read_output_tsv(OUT, "network/top_hubs.tsv")
counts = hubs.pivot_table(index="feature", columns="module", values="gene", aggfunc="count", fill_value=0)
counts.columns = [f"ME{c}" for c in counts.columns]
counts = counts.assign(total=counts.sum(axis=1)).sort_values("total", ascending=False)
print(f"{len(hubs)} hub entries, {hubs['gene'].nunique()} genes, {hubs['feature'].nunique()} features")
display(counts.head(15))
best = counts.index[:8]
table = (hubs[hubs["feature"].isin(best)].sort_values(["feature", "rank"]).groupby("feature").head(5)
         .reset_index(drop=True))
rp.save_table(hubs.sort_values(["feature", "rank"]), FIGURES, "02_hubs")
with pd.option_context("display.float_format", "{:.3g}".format):
    display(table)
    display(top_hubs)


#!/usr/bin/env python
# coding: utf-8

# # Enrichment
# 
# 1. **Over-representation of each module** (`enrichment/ora.tsv`, queries `M1`, `M2`, …):
#    the top terms of each module as a dot plot, −log10 q against the term, dot size the
#    overlap, colour the fraction of the set in the module. The same for the features'
#    positively and negatively associated gene lists (`FEATURE:positive`/`:negative`).
# 2. **Preranked GSEA per feature** (`enrichment/gsea.tsv`): NES of the top sets of the
#    features with the most significant sets, as bars per feature and as a feature × set
#    NES heatmap.
# 
# Set names come from the GMT the run used (its path in `manifest.json`, or
# `RGMAP_GENE_SETS`); without it the plots show the set ids.

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


# In[3]:


import re

ora = rp.read_output_tsv(OUT, "enrichment/ora.tsv",
                         ["query", "set", "overlap", "query_size", "set_size", "universe_size", "p", "q", "genes"])
gene_modules = rp.read_output_tsv(OUT, "network/modules.tsv", ["gene", "module", "color"])
module_color = gene_modules.groupby("module")["color"].first()
names = rp.gene_set_names(OUT)
print(f"{len(ora)} ORA rows over {ora['query'].nunique()} queries")


# ## Top ORA terms per module
# 
# Each panel has its own −log10 q axis. A q reported as 0 (below the smallest double) is
# drawn at −log10 of 1e-300 as a triangle.

# In[4]:


N_TERMS = 5     # terms per query
Q_CUT = 0.05


def ora_dot_plot(queries, title, header):
    """One panel per query, its N_TERMS best sets (q <= Q_CUT) from top to bottom; each
    panel has its own −log10 q axis (queries differ by hundreds of orders of magnitude)."""
    parts = []
    for qname in queries:
        d = ora[(ora["query"] == qname) & (ora["q"] <= Q_CUT)].sort_values(["q", "p", "overlap"],
                                                                             ascending=[True, True, False])
        if len(d):
            parts.append((qname, d.head(N_TERMS)))
    if not parts:
        raise ValueError(f"no set with q <= {Q_CUT} for any of {queries}")
    labels = {qn: [rp.set_label(s, names, 60) for s in d["set"]] for qn, d in parts}
    headers = {qn: header(qn, d) for qn, d in parts}
    row_h, head_h, top_h, bottom_h = 0.2, 0.42, 0.2, 0.45
    label_w = rp.text_width_in([l for ls in labels.values() for l in ls], 6.5) + 0.15
    plot_w, legend_w = 2.4, 1.2
    right_w = max(plot_w, rp.text_width_in(list(headers.values()), 7.5))  # headers may run past the plot
    fig_w = label_w + right_w + legend_w
    fig_h = top_h + sum(head_h + row_h * len(d) for _, d in parts) + bottom_h
    fig = plt.figure(figsize=(fig_w, fig_h))
    smax = max(d["overlap"].max() for _, d in parts)
    size = lambda o: 8 + 110 * np.asarray(o, dtype=float) / smax
    cnorm = plt.Normalize(0, 1)
    y_top = top_h
    any_capped = False
    for qname, d in parts:
        h = row_h * len(d)
        y_top += head_h
        ax = fig.add_axes([label_w / fig_w, 1 - (y_top + h) / fig_h, plot_w / fig_w, h / fig_h])
        y_top += h
        x, capped = rp.neglog10(d["q"])
        any_capped |= bool(capped.any())
        yy = np.arange(len(d))[::-1]
        frac = (d["overlap"] / d["set_size"]).to_numpy()
        for sel, marker in ((~capped, "o"), (capped, ">")):
            ax.scatter(x[sel], yy[sel], s=size(d["overlap"].to_numpy()[sel]), c=frac[sel], cmap=rp.SEQUENTIAL,
                       norm=cnorm, marker=marker, edgecolors="#333333", linewidths=0.3, zorder=2, clip_on=False)
        ax.set_yticks(yy)
        ax.set_yticklabels(labels[qname], fontsize=6.5)
        ax.set_ylim(-0.6, len(d) - 0.4)
        ax.set_xlim(0, x.max() * 1.1)
        ax.tick_params(axis="x", labelsize=6)
        ax.grid(axis="x", color="#e5e5e5", lw=0.5, zorder=0)
        ax.set_title(headers[qname], loc="left", fontsize=7.5, pad=3)
    ax.set_xlabel("−log10 q (BH)")
    legend_x = (label_w + right_w + 0.3) / fig_w
    cax = fig.add_axes([legend_x, 1 - (top_h + 1.5) / fig_h, 0.1 / fig_w, 1.2 / fig_h])
    cb = fig.colorbar(plt.cm.ScalarMappable(norm=cnorm, cmap=rp.SEQUENTIAL), cax=cax)
    cb.set_label("overlap / set size", fontsize=6.5)
    cb.ax.tick_params(labelsize=6)
    handles = [plt.scatter([], [], s=size(o), c="white", edgecolors="#333333", linewidths=0.3, label=f"{o}")
               for o in sorted({max(1, round(smax / 4)), max(1, round(smax / 2)), int(smax)})]
    if any_capped:
        handles.append(plt.scatter([], [], s=30, marker=">", c="white", edgecolors="#333333", linewidths=0.3,
                                   label="q reported 0"))
    fig.legend(handles=handles, title="overlap", loc="upper left", fontsize=6, title_fontsize=6.5,
               labelspacing=1.0, bbox_to_anchor=(legend_x - 0.02, 1 - (top_h + 1.8) / fig_h))
    fig.text(0.01, 1 - 0.12 / fig_h, title, ha="left", va="top", fontweight="bold", fontsize=9)
    return fig


module_queries = sorted((q for q in ora["query"].unique() if re.fullmatch(r"M\d+", q)), key=lambda s: int(s[1:]))
if not module_queries:
    raise ValueError("enrichment/ora.tsv has no module query (M1, M2, ...): was enrich run with --from a modules run?")


def module_header(qname, d):
    k = int(qname[1:])
    color = module_color.get(k, "?")
    return f"{qname}: {color} module, {d['query_size'].iloc[0]} genes"


fig = ora_dot_plot(module_queries, f"Top GO terms per module (ORA, q ≤ {Q_CUT})", module_header)
rp.save_figure(fig, FIGURES, "03_ora_modules")
rp.show(fig)


# The same for the feature-linked gene lists with the smallest q:

# In[5]:


N_LISTS = 8
feature_queries = ora[~ora["query"].isin(module_queries)]
best_lists = feature_queries.groupby("query")["q"].min().sort_values().index[:N_LISTS].tolist()
if best_lists:
    fig = ora_dot_plot(best_lists, f"Top GO terms of feature-associated gene lists (ORA, q ≤ {Q_CUT})",
                       lambda qn, d: f"{rp.shorten(qn, 70)} ({d['query_size'].iloc[0]} genes)")
    rp.save_figure(fig, FIGURES, "03_ora_feature_lists")
    rp.show(fig)
else:
    print("enrichment/ora.tsv has no feature gene list query")


# ## Preranked GSEA per feature
# 
# Sets ranked by each feature's gene r (`--rank-by`). Left, per feature: the sets with the
# smallest q, NES as bars (red positive, blue negative, pale when q > 0.05). Then a feature
# × set NES heatmap (diverging scale centred at 0, dots for q ≤ 0.05) of the three best
# sets of each of the features with the most significant sets. A NES that fgsea could not estimate (`NA`) is left out.

# In[6]:


N_FEATURES = 6
N_SETS = 10

gsea = rp.read_output_tsv(OUT, "enrichment/gsea.tsv", ["feature", "set", "es", "nes", "p", "q", "size"],
                          usecols=["feature", "set", "es", "nes", "p", "q", "size"])
na = gsea["nes"].isna() | gsea["q"].isna()
print(f"{len(gsea)} feature x set rows; {int(na.sum())} without NES/q left out")
gsea = gsea[~na]
n_sig = gsea[gsea["q"] <= Q_CUT].groupby("feature").size().sort_values(ascending=False)
top_features = n_sig.index[:N_FEATURES].tolist()
if not top_features:
    raise ValueError(f"no GSEA set with q <= {Q_CUT}")

ncols = 2
nrows = int(np.ceil(len(top_features) / ncols))
fig, axes = plt.subplots(nrows, ncols, figsize=(7.4, 2.0 * nrows + 0.4), squeeze=False)
xl = rp.symmetric_limit(gsea.loc[gsea["feature"].isin(top_features), "nes"], round_to=0.5, at_most=None)
for ax, feat in zip(axes.flat, top_features):
    d = gsea[gsea["feature"] == feat].assign(absn=lambda x: -x["nes"].abs()).sort_values(["q", "absn"]).head(N_SETS)
    d = d.sort_values("nes")
    colors = np.where(d["nes"] > 0, rp.POSITIVE, rp.NEGATIVE)
    alpha = np.where(d["q"] <= Q_CUT, 1.0, 0.35)
    y = np.arange(len(d))
    for yi, v, c, a in zip(y, d["nes"], colors, alpha):
        ax.barh(yi, v, color=c, alpha=a, height=0.7)
    ax.set_yticks(y)
    ax.set_yticklabels([rp.set_label(s, names, 44) for s in d["set"]], fontsize=5.5)
    ax.axvline(0, color="#333333", lw=0.5)
    ax.set_xlim(-xl, xl)
    ax.set_title(f"{rp.shorten(feat, 48)} ({n_sig[feat]} sets q ≤ {Q_CUT})", fontsize=7, loc="left")
    ax.set_xlabel("NES")
for ax in axes.flat[len(top_features):]:
    ax.axis("off")
fig.suptitle("Preranked GSEA: top sets of the features with the most significant sets", x=0.01, ha="left",
             fontweight="bold", fontsize=9)
fig.tight_layout()
rp.save_figure(fig, FIGURES, "03_gsea_per_feature")
rp.show(fig)


# In[7]:


N_HEAT_FEATURES = 20
N_HEAT_SETS = 30

feats = n_sig.index[:N_HEAT_FEATURES].tolist()
sub = gsea[gsea["feature"].isin(feats)]
# each feature's 3 best sets (q, then |NES|), so one family of sets does not fill the figure
ranked = sub[sub["q"] <= Q_CUT].assign(absn=lambda x: -x["nes"].abs()).sort_values(["q", "absn"])
best_sets = list(dict.fromkeys(ranked.groupby("feature", sort=False).head(3)
                               .assign(rank=lambda x: pd.Categorical(x["feature"], feats)).sort_values("rank")["set"]))
best_sets = best_sets[:N_HEAT_SETS]
nes = sub.pivot(index="set", columns="feature", values="nes").reindex(index=best_sets, columns=feats)
qm = sub.pivot(index="set", columns="feature", values="q").reindex(index=best_sets, columns=feats)
# rows and columns ordered by average-linkage clustering of the NES (missing as 0)
from scipy.cluster.hierarchy import leaves_list, linkage
filled = nes.fillna(0).to_numpy()
if filled.shape[0] > 2:
    nes, qm = nes.iloc[leaves_list(linkage(filled, "average"))], qm.iloc[leaves_list(linkage(filled, "average"))]
if filled.shape[1] > 2:
    cols = nes.columns[leaves_list(linkage(filled.T, "average"))]
    nes, qm = nes[cols], qm[cols]
nes.index = [rp.set_label(s, names, 60) for s in nes.index]
qm.index = nes.index
fig, ax = rp.clustered_heatmap(nes, marks=qm, mark_levels=((np.nextafter(Q_CUT, 1), 0.35, f"q ≤ {Q_CUT}"),), cell=(0.2, 0.16),
                               colorbar_label="NES", title="Preranked GSEA: NES of the top sets (features × sets)",
                               xlabel="imaging feature")
rp.save_figure(fig, FIGURES, "03_gsea_nes_heatmap")
rp.show(fig)


"""Shared readers and figure helpers for the rgmap notebooks.

Everything here reads an rgmap output folder (``rgmap run --out DIR``) as specified in
``docs/formats.md`` ("# Output files" and "# Plot-ready exports"). A required file that
is missing, or a plot-ready export that contradicts itself (matrix order versus order file
versus dendrogram), raises an exception naming the file: nothing is skipped silently.
"""

from __future__ import annotations

import gzip
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, Normalize, to_rgb
from matplotlib.patches import Rectangle

HERE = Path(__file__).resolve().parent

# Colour-blind-safe diverging map (ColorBrewer RdBu, reversed: blue negative, red
# positive), always centred at 0 through a symmetric range.
DIVERGING = "RdBu_r"
SEQUENTIAL = "viridis"
POSITIVE = "#b2182b"  # RdBu's ends, for bars and points coloured by sign
NEGATIVE = "#2166ac"
NOT_SIGNIFICANT = "#b0b0b0"


class MissingOutput(FileNotFoundError):
    """A file the notebook needs is not in the rgmap output folder."""


class InconsistentExport(ValueError):
    """A plot-ready export contradicts itself or the spec in docs/formats.md."""


_WRITTEN_BY = {
    "map": "`rgmap map` or `rgmap run`",
    "network": "`rgmap modules` or `rgmap run`",
    "enrichment": "`rgmap enrich` or `rgmap run`",
    "heatmap": "`rgmap run` only: the plot-ready exports of docs/formats.md",
}


# --------------------------------------------------------------------------- paths


def require(out, rel) -> Path:
    """``OUT/rel``, or :class:`MissingOutput` saying which command writes it."""
    out = Path(out)
    if not out.is_dir():
        raise MissingOutput(
            f"rgmap output folder {out} does not exist (set RGMAP_OUT to a folder "
            "written by `rgmap run --out DIR`)"
        )
    path = out / rel
    if not path.exists():
        top = Path(rel).parts[0]
        who = _WRITTEN_BY.get(top, "rgmap")
        raise MissingOutput(f"{path}: required file is missing (written by {who})")
    return path


def read_tsv(path, **kwargs) -> pd.DataFrame:
    """One rgmap table: tab-separated, one header row, ``NA`` the only missing value."""
    path = Path(path)
    if not path.exists():
        raise MissingOutput(f"{path}: required file is missing")
    return pd.read_csv(path, sep="\t", na_values=["NA"], keep_default_na=False, **kwargs)


def read_output_tsv(out, rel, columns=None, **kwargs) -> pd.DataFrame:
    """``OUT/rel`` as a table, checking that the named columns are present."""
    df = read_tsv(require(out, rel), **kwargs)
    if columns:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise InconsistentExport(
                f"{Path(out) / rel}: missing column(s) {missing}; found {list(df.columns)}"
            )
    return df


def manifest(out) -> dict:
    return json.loads(require(out, "manifest.json").read_text())


def manifest_parameter(out, name, default=None):
    """A parameter from ``manifest.json`` (searched in nested dictionaries too, as
    ``rgmap run`` may keep one per stage), or ``default`` with a printed note."""

    def search(obj):
        if isinstance(obj, dict):
            if name in obj and not isinstance(obj[name], (dict, list)):
                return obj[name]
            for v in obj.values():
                found = search(v)
                if found is not None:
                    return found
        return None

    m = manifest(out)
    value = search(m.get("parameters", {}))
    if value is None:
        value = search(m)
    if value is None:
        print(f"note: manifest.json has no parameter '{name}'; using {default!r}")
        return default
    return value


# ------------------------------------------------------------------ map matrices


def read_association_matrices(out, which=("r", "p", "q", "n")) -> dict:
    """``map/associations.h5`` as DataFrames (features x genes), and its attributes
    (method, fdr, covariates, ...) under ``attrs``."""
    import h5py

    path = require(out, "map/associations.h5")
    result = {}
    with h5py.File(path, "r") as f:
        result["attrs"] = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}
        for name in ("features", "genes", *which):
            if name not in f:
                raise InconsistentExport(f"{path}: no dataset '{name}' (found {list(f)})")
        decode = lambda a: [x.decode() if isinstance(x, bytes) else str(x) for x in a]
        features = decode(f["features"][:])
        genes = decode(f["genes"][:])
        for name in which:
            m = f[name][:]
            if m.shape != (len(features), len(genes)):
                raise InconsistentExport(
                    f"{path}: dataset '{name}' is {m.shape}, expected features x genes "
                    f"({len(features)}, {len(genes)})"
                )
            result[name] = pd.DataFrame(m, index=features, columns=genes)
    return result


# ------------------------------------------------------------------ dendrograms


@dataclass
class Tree:
    """A dendrogram in R's ``hclust`` convention (docs/formats.md, "Dendrograms")."""

    labels: list
    merge: list
    height: list
    order: list
    method: str = ""
    distance: str = ""
    source: str = ""

    @property
    def n(self) -> int:
        return len(self.labels)

    @property
    def ordered_labels(self) -> list:
        """Leaf labels left to right (the display order)."""
        return [self.labels[i - 1] for i in self.order]

    def to_linkage(self) -> np.ndarray:
        """scipy linkage matrix: leaves 0..n-1, cluster of step j (1-based) is n+j-1.

        The pairs keep R's left/right, so ``scipy.cluster.hierarchy.dendrogram`` and
        ``leaves_list`` give the same left-to-right order as ``order``.
        """
        n = self.n
        Z = np.zeros((max(n - 1, 0), 4))
        size = np.ones(2 * n - 1) if n else np.ones(0)
        for j, (a, b) in enumerate(self.merge):
            ia = -a - 1 if a < 0 else n + a - 1
            ib = -b - 1 if b < 0 else n + b - 1
            size[n + j] = size[ia] + size[ib]
            Z[j] = (ia, ib, self.height[j], size[n + j])
        return Z


def _leaf_order(merge, n) -> list:
    """1-based leaf order of an R merge list, left branch first (R's ``hclust`` order)."""
    if not merge:
        return [1] if n == 1 else []
    res, stack = [], [len(merge)]
    while stack:
        v = stack.pop()
        if v < 0:
            res.append(-v)
        else:
            a, b = merge[v - 1]
            stack.append(b)
            stack.append(a)
    return res


def read_tree(path) -> Tree:
    """A ``*.json`` dendrogram, checked against the spec: n-1 merges, each leaf and
    each earlier step used once, heights non-decreasing, ``order`` a permutation equal
    to the left-first leaf order of ``merge`` (so the drawn tree matches the matrix)."""
    path = Path(path)
    if not path.exists():
        raise MissingOutput(f"{path}: required dendrogram is missing")
    d = json.loads(path.read_text())
    for key in ("labels", "merge", "height", "order"):
        if key not in d:
            raise InconsistentExport(f"{path}: no field '{key}' (found {sorted(d)})")
    t = Tree(
        labels=[str(x) for x in d["labels"]],
        merge=[[int(a), int(b)] for a, b in d["merge"]],
        height=[float(h) for h in d["height"]],
        order=[int(o) for o in d["order"]],
        method=str(d.get("method", "")),
        distance=str(d.get("distance", "")),
        source=str(path),
    )
    n = t.n
    if n == 0:
        raise InconsistentExport(f"{path}: empty tree")
    if len(t.merge) != n - 1 or len(t.height) != n - 1:
        raise InconsistentExport(
            f"{path}: {n} labels need {n - 1} merges and heights, found "
            f"{len(t.merge)} and {len(t.height)}"
        )
    if sorted(t.order) != list(range(1, n + 1)):
        raise InconsistentExport(f"{path}: 'order' is not a permutation of 1..{n}")
    used_leaf, used_step = set(), set()
    for j, pair in enumerate(t.merge, start=1):
        for v in pair:
            if v < 0:
                if -v > n or -v in used_leaf:
                    raise InconsistentExport(f"{path}: merge step {j} uses leaf {v} twice or out of range")
                used_leaf.add(-v)
            else:
                if v >= j or v in used_step:
                    raise InconsistentExport(f"{path}: merge step {j} uses step {v} (not an earlier, unused step)")
                used_step.add(v)
    if np.any(np.diff(t.height) < -1e-12):
        raise InconsistentExport(f"{path}: merge heights decrease")
    traversal = _leaf_order(t.merge, n)
    if traversal != t.order:
        raise InconsistentExport(
            f"{path}: 'order' differs from the left-first leaf order of 'merge' "
            "(the dendrogram cannot be drawn over a matrix in 'order')"
        )
    return t


def dendrogram_segments(tree: Tree, hang: float | None = None, base: float = 0.0) -> tuple[list, float]:
    """Line segments ``((pos, h), (pos, h))`` of a dendrogram, leaf k of the display
    order at position k + 0.5 (the centre of matrix cell k). Leaves sit at height
    ``base`` (0), or, with ``hang`` (R's ``plot.hclust``), ``hang`` x the height range
    below their merge. Returns the segments and the lowest leaf height."""
    n = tree.n
    pos = np.empty(n)
    pos[np.asarray(tree.order) - 1] = np.arange(n) + 0.5
    H = tree.height
    span = (max(H) - min(H)) if H else 1.0
    cx = np.empty(len(tree.merge))
    segs = []
    low = base if hang is None else math.inf

    def xy(v, parent_h):
        nonlocal low
        if v < 0:
            y = base if hang is None else parent_h - hang * span
            low = min(low, y)
            return pos[-v - 1], y
        return cx[v - 1], H[v - 1]

    for j, (a, b) in enumerate(tree.merge):
        h = H[j]
        xa, ya = xy(a, h)
        xb, yb = xy(b, h)
        segs += [((xa, ya), (xa, h)), ((xa, h), (xb, h)), ((xb, h), (xb, yb))]
        cx[j] = (xa + xb) / 2
    if not tree.merge:
        low = base
    return segs, low


def draw_dendrogram(ax, tree: Tree, orientation="top", hang=None, color="#333333",
                    linewidth=None, show_height_axis=False, baseline="zero"):
    """Draw ``tree`` on ``ax`` with leaves in display order at 0.5, 1.5, ...

    ``top``: leaves at the bottom, root up (above a heatmap's columns);
    ``left``: leaves on the right, root left, first leaf at the top (left of rows).
    ``baseline``: leaves at height 0 (``"zero"``, pheatmap) or just below the lowest
    merge (``"auto"``, for trees whose merges all lie high, as eigengene trees)."""
    H = tree.height
    base = 0.0
    if baseline == "auto" and H:
        base = max(0.0, min(H) - 0.15 * ((max(H) - min(H)) or max(H) or 1.0))
    segs, low = dendrogram_segments(tree, hang, base)
    if linewidth is None:
        linewidth = 0.6 if tree.n <= 300 else 0.3
    top = max(H) if H else 1.0
    pad = 0.02 * (top - low) if top > low else 0.02
    if orientation == "left":
        segs = [((h0, p0), (h1, p1)) for (p0, h0), (p1, h1) in segs]
    ax.add_collection(LineCollection(segs, colors=color, linewidths=linewidth))
    n = tree.n
    if orientation == "top":
        ax.set_xlim(0, n)
        ax.set_ylim(low, top + pad)
    elif orientation == "left":
        ax.set_ylim(n, 0)
        ax.set_xlim(top + pad, low)
    else:
        raise ValueError(f"orientation must be 'top' or 'left', not {orientation!r}")
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([])
    if show_height_axis and orientation == "top":
        ax.spines["left"].set_visible(True)
        ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(5))
    return ax


# ------------------------------------------------------- display-order matrices


def read_order(path) -> list:
    """An order file ``position label`` (1-based positions 1..n in this order)."""
    df = read_tsv(path, dtype={"label": str})
    if list(df.columns[:2]) != ["position", "label"]:
        raise InconsistentExport(f"{path}: expected columns 'position label', found {list(df.columns)}")
    if list(df["position"]) != list(range(1, len(df) + 1)):
        raise InconsistentExport(f"{path}: positions are not 1..{len(df)} in order")
    return df["label"].tolist()


def read_display_matrix(path, first_column) -> pd.DataFrame:
    """A heatmap matrix in display order: first column the row labels."""
    df = read_tsv(path, dtype={first_column: str})
    if df.columns[0] != first_column:
        raise InconsistentExport(f"{path}: first column is '{df.columns[0]}', expected '{first_column}'")
    df = df.set_index(first_column)
    df.columns = [str(c) for c in df.columns]
    return df


def _check_same(what, expected, found, path):
    if list(expected) != list(found):
        diff = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), None)
        raise InconsistentExport(
            f"{path}: {what} differ (lengths {len(expected)} / {len(found)}"
            + (f", first difference at position {diff + 1}: {expected[diff]!r} vs {found[diff]!r}" if diff is not None else "")
            + ")"
        )


@dataclass
class Heatmap:
    """One ``heatmap/<name>/`` folder: matrices in display order, orders, trees."""

    name: str
    matrices: dict
    rows: list
    columns: list
    row_tree: Tree | None = None
    column_tree: Tree | None = None
    extra: dict = field(default_factory=dict)

    def __getitem__(self, key) -> pd.DataFrame:
        return self.matrices[key]


_HEATMAPS = {
    # name: (first column, matrices, row order, column order, row tree, column tree)
    "associations": ("feature", ("r", "q"), "row_order.tsv", "column_order.tsv", "row_tree.json", "column_tree.json"),
    "module_feature": ("module", ("r", "p", "q"), "row_order.tsv", "column_order.tsv", None, "column_tree.json"),
    "eigengene_adjacency": ("module", ("adjacency",), "order.tsv", "order.tsv", "tree.json", "tree.json"),
}


def read_heatmap(out, name) -> Heatmap:
    """Read ``heatmap/<name>/`` (associations, module_feature, eigengene_adjacency) and
    check that every matrix, order file and dendrogram agree on the display order."""
    if name not in _HEATMAPS:
        raise ValueError(f"unknown heatmap {name!r}; one of {sorted(_HEATMAPS)}")
    first, mats, row_file, col_file, row_tree_file, col_tree_file = _HEATMAPS[name]
    folder = require(out, f"heatmap/{name}")
    rows = read_order(require(out, f"heatmap/{name}/{row_file}"))
    cols = read_order(require(out, f"heatmap/{name}/{col_file}"))
    matrices = {}
    for m in mats:
        path = require(out, f"heatmap/{name}/{m}.tsv")
        df = read_display_matrix(path, first)
        _check_same("row labels and the row order file", rows, df.index, path)
        _check_same("column labels and the column order file", cols, df.columns, path)
        matrices[m] = df.apply(pd.to_numeric, errors="raise")
    row_tree = read_tree(require(out, f"heatmap/{name}/{row_tree_file}")) if row_tree_file else None
    col_tree = read_tree(require(out, f"heatmap/{name}/{col_tree_file}")) if col_tree_file else None
    if row_tree is not None:
        _check_same("dendrogram leaves (labels[order]) and the row order", rows, row_tree.ordered_labels, row_tree.source)
    if col_tree is not None:
        _check_same("dendrogram leaves (labels[order]) and the column order", cols, col_tree.ordered_labels, col_tree.source)
    if name == "module_feature":
        # rows follow the eigengene dendrogram, ME0 last (docs/formats.md)
        if "ME0" in rows and rows[-1] != "ME0":
            raise InconsistentExport(f"{folder}: ME0 must be the last row, rows are {rows}")
    return Heatmap(name, matrices, rows, cols, row_tree, col_tree)


def read_module_table(out) -> pd.DataFrame:
    """``heatmap/modules.tsv`` (label module color genes hex) indexed by label; ``hex`` is
    R's RGB value of the colour name."""
    df = read_output_tsv(out, "heatmap/modules.tsv", ["label", "module", "color", "genes", "hex"], dtype={"label": str})
    return df.set_index("label")


def read_gene_trees(out) -> list:
    """``heatmap/gene_tree/``: one ``(Tree, colors DataFrame)`` per block, the colours
    of each block in leaf order and checked against the tree."""
    colors = read_output_tsv(
        out, "heatmap/gene_tree/colors.tsv",
        ["gene", "block", "position", "module", "color", "unmerged_module", "unmerged_color", "hex", "unmerged_hex"],
        dtype={"gene": str},
    )
    blocks = []
    for block, cb in colors.groupby("block", sort=True):
        path = require(out, f"heatmap/gene_tree/block{block}.json")
        tree = read_tree(path)
        cb = cb.sort_values("position")
        if list(cb["position"]) != list(range(1, len(cb) + 1)):
            raise InconsistentExport(f"{path.parent / 'colors.tsv'}: block {block} positions are not 1..{len(cb)}")
        _check_same(f"block {block} genes in colors.tsv position order and the tree's leaf order",
                    tree.ordered_labels, cb["gene"].tolist(), path)
        blocks.append((tree, cb.reset_index(drop=True)))
    if not blocks:
        raise InconsistentExport(f"{Path(out) / 'heatmap/gene_tree/colors.tsv'}: no genes")
    return blocks


# ------------------------------------------------------------------ colours


def text_color_on(rgb) -> str:
    """Black or white, whichever reads better on ``rgb`` (relative luminance)."""
    r, g, b = to_rgb(rgb)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if lum > 0.45 else "white"


# ------------------------------------------------------------------ style, saving


def setup_style():
    """Publication defaults: TrueType fonts in PDF (editable text), sans-serif 8 pt."""
    mpl.rcParams.update({
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "legend.fontsize": 7,
        "legend.frameon": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 0.6,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "lines.linewidth": 1.0,
        "figure.dpi": 100,
        "savefig.dpi": 300,
        "savefig.bbox": "tight",
        "savefig.pad_inches": 0.05,
        "image.interpolation": "nearest",
    })


def setup_notebook(out, figures):
    """The style above, wide pandas tables, and a line saying what is read and written."""
    setup_style()
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 60)
    print(f"rgmap output: {out}")
    print(f"figures:      {figures}")


def save_figure(fig, figures, name, png_dpi=300):
    """Save ``fig`` as ``FIGURES/name.pdf`` (vector) and ``FIGURES/name.png``."""
    figures = Path(figures)
    figures.mkdir(parents=True, exist_ok=True)
    pdf, png = figures / f"{name}.pdf", figures / f"{name}.png"
    fig.savefig(pdf)
    fig.savefig(png, dpi=png_dpi)
    print(f"saved {pdf} and {png.name}")
    return pdf, png


def save_table(df, figures, name):
    figures = Path(figures)
    figures.mkdir(parents=True, exist_ok=True)
    path = figures / f"{name}.tsv"
    df.to_csv(path, sep="\t", index=False, na_rep="NA")
    print(f"saved {path}")
    return path


# ------------------------------------------------------------------ labels


def _axis_length_pt(ax, axis):
    fig = ax.figure
    bbox = ax.get_position()
    w, h = fig.get_size_inches()
    return (bbox.width * w if axis == "x" else bbox.height * h) * 72


def set_category_labels(ax, labels, axis="x", max_font=7.0, min_font=4.5, colors=None,
                        rotation=None, side=None, note_thinning=True):
    """Tick labels at cell centres 0.5, 1.5, ...; smaller font when crowded and, when
    even ``min_font`` does not fit, only every k-th label (a note under the axis says
    so). x labels are horizontal when they fit in their cells, else vertical."""
    n = len(labels)
    if n == 0:
        return 1
    spacing = _axis_length_pt(ax, axis) / n  # points per cell
    if rotation is None:
        rotation = 0 if axis == "x" and text_width_in(labels, max_font) * 72 < spacing * 0.9 else 90
    font = min(max_font, spacing * 0.9)
    step = 1
    if font < min_font:
        step = math.ceil(min_font / (spacing * 0.9))
        font = min(max_font, spacing * step * 0.9)
    idx = np.arange(0, n, step)
    ticks = idx + 0.5
    text = [labels[i] for i in idx]
    if axis == "x":
        ax.set_xticks(ticks)
        ax.set_xticklabels(text, rotation=rotation, fontsize=font,
                           ha="center" if rotation in (0, 90) else "right")
        tls = ax.get_xticklabels()
        if side == "top":
            ax.xaxis.tick_top()
            ax.xaxis.set_label_position("top")
    else:
        ax.set_yticks(ticks)
        ax.set_yticklabels(text, fontsize=font)
        tls = ax.get_yticklabels()
        if side == "right":
            ax.yaxis.tick_right()
            ax.yaxis.set_label_position("right")
    if colors is not None:
        for tl, i in zip(tls, idx):
            tl.set_color(colors[i])
    ax.tick_params(axis=axis, length=1.5, width=0.4, pad=1.5)
    if step > 1 and note_thinning:
        ax.annotate(f"every {step}{_ordinal(step)} of {n} labels shown", xy=(1, 0) if axis == "x" else (0, 1),
                    xycoords="axes fraction", fontsize=6, color="#555555",
                    xytext=(0, -2) if axis == "x" else (0, 2), textcoords="offset points",
                    ha="right" if axis == "x" else "left", va="top" if axis == "x" else "bottom")
    return step


def _ordinal(k):
    return "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")


def text_width_in(labels, fontsize):
    """Rough width in inches of the longest label (DejaVu Sans ~0.6 em per char)."""
    if len(labels) == 0:
        return 0.0
    return max(len(str(s)) for s in labels) * fontsize * 0.56 / 72


def shorten(s, width=48):
    s = str(s)
    return s if len(s) <= width else s[: width - 1] + "…"


def format_r(r, digits=2):
    """r with ``digits`` decimals, ``NA`` when missing, never ``-0.00``."""
    if r is None or (isinstance(r, float) and math.isnan(r)):
        return "NA"
    return f"{round(float(r), digits) + 0.0:.{digits}f}"


def format_p(p):
    """WGCNA-style 1-significant-digit p (``8e-42``, ``0.03``)."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "NA"
    if p == 0:
        return "0"
    if p >= 0.001:
        return f"{p:.1g}" if p < 0.01 else f"{p:.2f}"
    m, e = f"{p:.0e}".split("e")
    return f"{m}e{int(e)}"


def neglog10(p, floor=1e-300):
    """-log10 p with p floored (a reported 0 becomes -log10 floor); also returns the
    mask of floored values so they can be drawn differently."""
    p = np.asarray(p, dtype=float)
    capped = p < floor
    return -np.log10(np.where(capped, floor, p)), capped


def symmetric_limit(values, round_to=0.1, at_most=1.0):
    v = np.nanmax(np.abs(np.asarray(values, dtype=float))) if np.size(values) else 1.0
    if not np.isfinite(v) or v == 0:
        v = at_most
    v = math.ceil(v / round_to - 1e-9) * round_to
    return min(v, at_most) if at_most else v


# ------------------------------------------------------------------ heatmap figure


def clustered_heatmap(
    data: pd.DataFrame,
    row_tree: Tree | None = None,
    column_tree: Tree | None = None,
    cmap=DIVERGING,
    vmin=None,
    vmax=None,
    center=0.0,
    colorbar_label="",
    title="",
    marks: pd.DataFrame | None = None,
    mark_levels=((0.05, 0.25, "q < 0.05"), (0.001, 0.5, "q < 0.001")),
    annotations: pd.DataFrame | None = None,
    annotation_size=5.5,
    row_colors=None,
    column_colors=None,
    cell=(None, None),
    xlabel="",
    ylabel="",
    dendrogram_size=0.8,
    dendrogram_baseline="zero",
):
    """A heatmap drawn in the given (display) order with optional dendrograms (left,
    top), colour strips, significance dots (``marks``: a q matrix; dots sized by the
    ``mark_levels`` thresholds) or text annotations. Cells are vector rectangles.

    ``data`` must already be in the order of the trees' leaves (checked)."""
    nr, nc = data.shape
    if row_tree is not None:
        _check_same("matrix rows and row dendrogram leaves", row_tree.ordered_labels, list(data.index), "clustered_heatmap")
    if column_tree is not None:
        _check_same("matrix columns and column dendrogram leaves", column_tree.ordered_labels, list(data.columns), "clustered_heatmap")
    values = data.to_numpy(dtype=float)
    if vmin is None or vmax is None:
        lim = symmetric_limit(values - center, at_most=None)
        vmin, vmax = center - lim, center + lim

    cw, ch = cell
    cw = cw or float(np.clip(7.0 / nc, 0.1, 0.45))
    ch = ch or float(np.clip(6.0 / nr, 0.1, 0.45))
    W, H = nc * cw, nr * ch
    gap = 0.03
    dl = dendrogram_size if row_tree is not None else 0.0
    dt = dendrogram_size if column_tree is not None else 0.0
    strip = 0.14
    rl = strip + gap if row_colors is not None else 0.0
    ct = strip + gap if column_colors is not None else 0.0
    row_label_font = min(7.0, ch * 72 * 0.9)
    label_w = text_width_in(data.index, max(row_label_font, 4.5)) + 0.1
    cbar_w, cbar_gap = 0.12, 0.15
    title_h = 0.45 if title else 0.1
    fig_w = dl + rl + W + label_w + cbar_gap + cbar_w + 0.6
    fig_h = title_h + dt + ct + H + text_width_in(data.columns, min(7.0, cw * 72 * 0.9)) + 0.3
    fig = plt.figure(figsize=(fig_w, fig_h))

    def add(x, y_top, w, h):  # inches from the top-left corner
        return fig.add_axes([x / fig_w, 1 - (y_top + h) / fig_h, w / fig_w, h / fig_h])

    x0, y0 = dl + rl, title_h + dt + ct
    ax = add(x0, y0, W, H)
    cm = plt.get_cmap(cmap) if isinstance(cmap, str) else cmap
    norm = Normalize(vmin=vmin, vmax=vmax)
    masked = np.ma.masked_invalid(values)
    ax.set_facecolor("#d9d9d9")  # missing values
    mesh = ax.pcolormesh(np.arange(nc + 1), np.arange(nr + 1), masked, cmap=cm, norm=norm,
                         edgecolors="face", linewidth=0.05, shading="flat")
    ax.set_xlim(0, nc)
    ax.set_ylim(nr, 0)
    for s in ax.spines.values():
        s.set_visible(False)
    set_category_labels(ax, list(map(str, data.columns)), "x")
    set_category_labels(ax, list(map(str, data.index)), "y", side="right")
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel, rotation=270, va="bottom")

    colors_rgba = cm(norm(np.nan_to_num(values, nan=center)))
    if marks is not None:
        mk = marks.loc[data.index, data.columns].to_numpy(dtype=float)
        size_pt = min(cw, ch) * 72
        levels = sorted(mark_levels, key=lambda t: -t[0])  # loosest threshold first
        level = np.full(mk.shape, -1)
        for k, (thr, _, _) in enumerate(levels):
            level[mk < thr] = k  # a stricter threshold overrides
        handles = []
        for k, (thr, frac, lab) in enumerate(levels):
            ii, jj = np.nonzero(level == k)
            fc = [text_color_on(colors_rgba[i, j]) for i, j in zip(ii, jj)]
            if len(ii):
                ax.scatter(jj + 0.5, ii + 0.5, s=(size_pt * frac) ** 2, c=fc, marker="o", linewidths=0)
            handles.append(plt.Line2D([], [], marker="o", color="k", linestyle="", markersize=size_pt * frac, label=lab))
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(1.0, 1.0), borderaxespad=0.2,
                  handletextpad=0.2, fontsize=6)
    if annotations is not None:
        ann = annotations.loc[data.index, data.columns]
        for i in range(nr):
            for j in range(nc):
                ax.text(j + 0.5, i + 0.5, str(ann.iat[i, j]), ha="center", va="center",
                        fontsize=annotation_size, color=text_color_on(colors_rgba[i, j]), linespacing=1.0)

    if row_tree is not None:
        draw_dendrogram(add(0, y0, dl - gap, H), row_tree, "left", baseline=dendrogram_baseline)
    if column_tree is not None:
        draw_dendrogram(add(x0, title_h, W, dt - gap), column_tree, "top", baseline=dendrogram_baseline)
    if row_colors is not None:
        _color_strip(add(dl, y0, strip, H), list(row_colors), "y")
    if column_colors is not None:
        _color_strip(add(x0, title_h + dt, W, strip), list(column_colors), "x")

    cax = add(x0 + W + label_w + cbar_gap, y0, cbar_w, min(H, 1.6))
    cb = fig.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cm), cax=cax)
    cb.set_label(colorbar_label)
    cb.outline.set_linewidth(0.4)
    cb.ax.tick_params(labelsize=6, width=0.4, length=2)
    if title:
        fig.text(x0 / fig_w, 1 - 0.12 / fig_h, title, ha="left", va="top", fontsize=9, fontweight="bold")
    return fig, ax


def _color_strip(ax, colors, axis="x", labels=None):
    """One row (axis x) or column (axis y) of coloured cells."""
    uniq = list(dict.fromkeys(colors))
    idx = np.array([uniq.index(c) for c in colors])[None, :]
    cmap = ListedColormap(uniq)
    if axis == "x":
        ax.pcolormesh(np.arange(len(colors) + 1), [0, 1], idx, cmap=cmap, vmin=-0.5,
                      vmax=len(uniq) - 0.5, edgecolors="face", linewidth=0.05)
        ax.set_xlim(0, len(colors))
    else:
        ax.pcolormesh([0, 1], np.arange(len(colors) + 1), idx.T, cmap=cmap, vmin=-0.5,
                      vmax=len(uniq) - 0.5, edgecolors="face", linewidth=0.05)
        ax.set_ylim(len(colors), 0)
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    return ax


def label_points(ax, x, y, names, corner="upper left", fontsize=5.5, step=0.075):
    """Name points from a column of labels in a corner of the axes (where the data
    leave room), each joined to its point by a thin line, so that no label sits on
    the point cloud or on another label."""
    left, top = "left" in corner, "upper" in corner
    for k, (xi, yi, name) in enumerate(zip(x, y, names)):
        ax.annotate(str(name), (xi, yi), xytext=(0.04 if left else 0.96, (0.97 - step * k) if top else (0.03 + step * k)),
                    textcoords="axes fraction", ha="left" if left else "right", va="top" if top else "bottom",
                    fontsize=fontsize, arrowprops=dict(arrowstyle="-", lw=0.3, color="#777777", shrinkA=1, shrinkB=2))


def color_rows_figure(tree: Tree, rows: dict, title="", height_label="Height", figsize=(10, 4.2), hang=0.03):
    """WGCNA's ``plotDendroAndColors``: the tree on top, one colour strip per entry of
    ``rows`` (name -> list of colours in leaf order) below it."""
    fig = plt.figure(figsize=figsize)
    nrows = len(rows)
    top_h = 0.62
    strip_h = 0.07
    left, width = 0.12, 0.86
    axd = fig.add_axes([left, 1 - 0.08 - top_h, width, top_h])
    draw_dendrogram(axd, tree, "top", hang=hang, show_height_axis=True)
    axd.set_ylabel(height_label)
    axd.set_title(title, loc="left", fontweight="bold")
    y = 1 - 0.08 - top_h - 0.02
    for name, cols in rows.items():
        y -= strip_h
        ax = fig.add_axes([left, y, width, strip_h * 0.85])
        _color_strip(ax, cols, "x")
        ax.text(-0.005, 0.5, name, transform=ax.transAxes, ha="right", va="center", fontsize=7)
    return fig


# ------------------------------------------------------------------ gene set names


def gene_set_names(out, gmt=None) -> dict:
    """Set id -> description from the GMT the enrichment used (second GMT column), so
    plots can say "GO:0032869 cellular response to insulin stimulus". The GMT is
    ``gmt``, else ``$RGMAP_GENE_SETS``, else the manifest's ``gene-sets`` parameter
    resolved against the output folder's parent, the current folder and its parent.
    Returns {} (ids shown as they are) with a printed note when none is found: the
    names only label the plots, the numbers come from the rgmap tables."""
    candidates = []
    if gmt:
        candidates.append(Path(gmt))
    if os.environ.get("RGMAP_GENE_SETS"):
        candidates.append(Path(os.environ["RGMAP_GENE_SETS"]))
    if not candidates:
        try:
            rel = manifest_parameter(out, "gene-sets")
        except MissingOutput:
            rel = None
        if rel:
            rel = Path(rel)
            bases = [Path(out).resolve().parent, Path.cwd(), Path.cwd().parent, Path(out).resolve()]
            candidates += [rel] if rel.is_absolute() else [b / rel for b in bases]
    for path in candidates:
        if path.is_file():
            opener = gzip.open if path.suffix == ".gz" else open
            names = {}
            with opener(path, "rt") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t", 2)
                    if len(parts) >= 2:
                        names[parts[0]] = parts[1]
            print(f"gene set names from {os.path.relpath(path)} ({len(names)} sets)")
            return names
    print("note: no GMT found for gene set names (set RGMAP_GENE_SETS); plots show set ids")
    return {}


def set_label(set_id, names, width=55):
    desc = names.get(set_id)
    if desc and desc != set_id:
        return f"{shorten(desc, max(width - len(set_id) - 3, 12))} ({set_id})"
    return shorten(set_id, width)


def show(fig):
    """Display ``fig`` (inline in Jupyter) and free it (also when run as a script)."""
    plt.show()
    plt.close(fig)

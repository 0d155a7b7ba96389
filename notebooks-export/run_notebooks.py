#!/usr/bin/env python3
"""Execute the rgmap notebooks headless on an rgmap output folder.

    python notebooks-export/run_notebooks.py [--out rgmap-demo] [--figures DIR] [NOTEBOOK.ipynb ...]

Each notebook (default: every ``notebooks-export/*.ipynb``) runs in a fresh kernel with
its own folder as the working directory and ``RGMAP_OUT`` (and ``RGMAP_FIGURES`` when
given) in the environment. A notebook whose cells all ran is written back with its
outputs, and exported beside itself as ``.py`` (nbconvert's ScriptExporter) and ``.html``
(HTMLExporter, outputs included). A notebook with a failing cell is left unchanged, its
error printed; the exit status is then 1.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter, ScriptExporter

HERE = Path(__file__).resolve().parent


def run(path: Path, timeout: int) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,  # no timestamps in the committed notebooks
    )
    start = time.monotonic()
    client.execute()
    seconds = time.monotonic() - start
    nbformat.write(nb, path)
    for exporter in (ScriptExporter(), HTMLExporter()):
        body, resources = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        target = path.with_suffix(resources.get("output_extension", ".txt"))
        target.write_text(body, encoding="utf-8")
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all in notebooks-export/)")
    ap.add_argument("--out", default=os.environ.get("RGMAP_OUT", "rgmap-demo"),
                    help="rgmap output folder (default: $RGMAP_OUT or rgmap-demo)")
    ap.add_argument("--figures", default=os.environ.get("RGMAP_FIGURES"),
                    help="folder for the figures (default: OUT/figures)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default 900)")
    args = ap.parse_args()

    out = Path(args.out).resolve()
    if not (out / "manifest.json").is_file():
        print(f"run_notebooks: {out} is not an rgmap output folder (no manifest.json)", file=sys.stderr)
        return 2
    figures = Path(args.figures).resolve() if args.figures else None

    notebooks = [p.resolve() for p in args.notebooks] or sorted(HERE.glob("*.ipynb"))
    if not notebooks:
        print(f"run_notebooks: no notebook in {HERE}", file=sys.stderr)
        return 2
    failed = []
    total = time.monotonic()
    for path in notebooks:
        # paths relative to the notebook's folder (its working directory), so that the
        # committed outputs name no machine-specific folder
        os.environ["RGMAP_OUT"] = os.path.relpath(out, path.parent)
        if figures:
            os.environ["RGMAP_FIGURES"] = os.path.relpath(figures, path.parent)
        else:
            os.environ.pop("RGMAP_FIGURES", None)
        print(f"{path.name}: running on {out} ...", flush=True)
        try:
            seconds = run(path, args.timeout)
        except CellExecutionError as e:  # a cell raised: e holds the cell and its traceback
            text = re.sub(r"\x1b\[[0-9;]*m", "", str(e))  # the traceback without terminal colours
            print(f"{path.name}: FAILED\n{text}", file=sys.stderr, flush=True)
            failed.append(path.name)
            continue
        except Exception as e:  # timeout, dead kernel
            print(f"{path.name}: FAILED ({type(e).__name__}) {e}", file=sys.stderr, flush=True)
            failed.append(path.name)
            continue
        print(f"{path.name}: ok in {seconds:.1f} s; wrote {path.stem}.ipynb, .py, .html", flush=True)
    print(f"{len(notebooks) - len(failed)} passed, {len(failed)} failed ({time.monotonic() - total:.1f} s)")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

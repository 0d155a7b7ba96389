#!/usr/bin/env python3
"""Execute the rgmap notebooks headless on an rgmap output folder.

    python notebooks-export/run_notebooks.py [--out rgmap-demo] [--figures DIR] [NOTEBOOK.ipynb ...]
    python notebooks-export/run_notebooks.py --check [NOTEBOOK.ipynb ...]

Each notebook (default: every ``notebooks-export/*.ipynb``) runs in a fresh kernel with
its own folder as the working directory and ``RGMAP_OUT`` (and ``RGMAP_FIGURES`` when
given) in the environment. A notebook whose cells all ran is written back with its
outputs, and exported beside itself as ``.py`` (nbconvert's ScriptExporter) and ``.html``
(HTMLExporter, outputs included).

The ``.html`` loads nothing from the network. Its figures are PNG data URIs in the page
(``embed_images`` turns images that markdown cells link to into data URIs too) and the
template's CSS is inlined. The scripts that nbconvert's lab template loads from a CDN
(require.js, MathJax, mermaid.js, the widget manager) are left out: the notebooks have no
widgets, diagrams or LaTeX, and images, text and HTML tables need no script. Before
anything is written, the page is checked: a script, stylesheet, image, frame or CSS
``url()``/``@import`` with an ``http(s)://`` or ``//`` address makes the notebook fail,
and each one is printed with its line.

A notebook with a failing cell, or whose page would load something over the network, is
left unchanged (notebook, ``.py`` and ``.html``), its error printed; the exit status is
then 1. ``--check`` runs nothing: it checks the ``.html`` beside each notebook the same way.
"""

import argparse
import os
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter, ScriptExporter

HERE = Path(__file__).resolve().parent

# nbconvert's lab template without its blocks that load scripts from a CDN. Should a later
# nbconvert rename a block, that script stays in the page and remote_resources() stops the
# export.
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def html_exporter() -> HTMLExporter:
    """HTMLExporter for a page that needs no network."""
    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"rgmap_offline.html.j2": OFFLINE_TEMPLATE})],
        template_file="rgmap_offline.html.j2",
        embed_images=True,
    )


# an address a browser would fetch: absolute http(s) or protocol-relative
REMOTE_URL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
# in CSS: url(...) and @import with such an address
REMOTE_IN_CSS = re.compile(r"(url\(|@import)\s*(url\()?\s*['\"]?\s*(https?:)?//", re.IGNORECASE)
# in a script: an http(s) address, or a quoted protocol-relative one
REMOTE_IN_SCRIPT = re.compile(r"https?://|['\"`]//[\w-]+\.", re.IGNORECASE)
# attributes through which a browser fetches; href only outside plain links (<link>, SVG <image>, <use>)
FETCHING = {"src", "srcset", "data", "poster", "background", "href", "xlink:href"}


class _RemoteResources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._inside = None  # "script" or "style"

    def _note(self, line: int, text: str):
        self.found.append((line, " ".join(text.split())[:160]))

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if not value:
                continue
            if name == "style" and REMOTE_IN_CSS.search(value):
                self._note(line, f'<{tag} style="{value}">')
            elif name in FETCHING and not (tag in ("a", "area") and name in ("href", "xlink:href")):
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                if any(REMOTE_URL.match(url) for url in urls):
                    self._note(line, f'<{tag} {name}="{value}">')
        if tag in ("script", "style"):
            self._inside = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._inside = None

    def handle_endtag(self, tag):
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data):
        pattern = {"script": REMOTE_IN_SCRIPT, "style": REMOTE_IN_CSS}.get(self._inside)
        if pattern is None:
            return
        for m in pattern.finditer(data):
            start = data.rfind("\n", 0, m.start()) + 1
            end = data.find("\n", m.start())
            self._note(self.getpos()[0] + data.count("\n", 0, m.start()),
                       f"<{self._inside}> " + data[start:end if end >= 0 else len(data)])


def remote_resources(html: str) -> list[tuple[int, str]]:
    """What the page would load over the network, as (line, what): scripts, stylesheets,
    images, frames, objects, CSS url() and @import, addresses in scripts. Plain links
    (<a href>) are followed only when clicked and are not reported."""
    parser = _RemoteResources()
    parser.feed(html)
    parser.close()
    return parser.found


class RemoteResourceError(Exception):
    """The exported page would load something over the network; args[0] lists what."""


def report_remote(name: str, found: list[tuple[int, str]]) -> str:
    lines = [f"{name} would load {len(found)} resource(s) over the network:"]
    lines += [f"  line {line}: {what}" for line, what in found]
    return "\n".join(lines)


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
    exports = {}
    for exporter in (ScriptExporter(), html_exporter()):
        body, resources = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        exports[path.with_suffix(resources.get("output_extension", ".txt"))] = body
    found = remote_resources(exports[path.with_suffix(".html")])
    if found:
        raise RemoteResourceError(report_remote(path.with_suffix(".html").name, found))
    nbformat.write(nb, path)
    for target, body in exports.items():
        target.write_text(body, encoding="utf-8")
    return seconds


def check(notebooks: list[Path]) -> int:
    """--check: the .html beside each notebook loads nothing over the network."""
    failed = []
    for path in notebooks:
        page = path.with_suffix(".html")
        if not page.is_file():
            print(f"{page.name}: FAILED (missing)", file=sys.stderr)
            failed.append(page.name)
            continue
        found = remote_resources(page.read_text(encoding="utf-8"))
        if found:
            print(f"{page.name}: FAILED\n" + report_remote(page.name, found), file=sys.stderr)
            failed.append(page.name)
        else:
            print(f"{page.name}: ok, loads nothing over the network")
    print(f"{len(notebooks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run or check (default: all in notebooks-export/)")
    ap.add_argument("--out", default=os.environ.get("RGMAP_OUT", "rgmap-demo"),
                    help="rgmap output folder (default: $RGMAP_OUT or rgmap-demo)")
    ap.add_argument("--figures", default=os.environ.get("RGMAP_FIGURES"),
                    help="folder for the figures (default: OUT/figures)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per cell (default 900)")
    ap.add_argument("--check", action="store_true",
                    help="run nothing; check that the .html beside each notebook loads nothing over the network")
    args = ap.parse_args()

    notebooks = [p.resolve() for p in args.notebooks] or sorted(HERE.glob("*.ipynb"))
    if not notebooks:
        print(f"run_notebooks: no notebook in {HERE}", file=sys.stderr)
        return 2
    if args.check:
        return check(notebooks)

    out = Path(args.out).resolve()
    if not (out / "manifest.json").is_file():
        print(f"run_notebooks: {out} is not an rgmap output folder (no manifest.json)", file=sys.stderr)
        return 2
    figures = Path(args.figures).resolve() if args.figures else None

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
        except RemoteResourceError as e:
            print(f"{path.name}: FAILED, nothing written: {e}", file=sys.stderr, flush=True)
            failed.append(path.name)
            continue
        except Exception as e:  # timeout, dead kernel
            print(f"{path.name}: FAILED ({type(e).__name__}) {e}", file=sys.stderr, flush=True)
            failed.append(path.name)
            continue
        print(f"{path.name}: ok in {seconds:.1f} s; wrote {path.stem}.ipynb, .py, .html (loads nothing over the network)",
              flush=True)
    print(f"{len(notebooks) - len(failed)} passed, {len(failed)} failed ({time.monotonic() - total:.1f} s)")
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

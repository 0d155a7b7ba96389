#!/usr/bin/env python3
"""Check rgmap's HTML report (``report.html``) in a real headless Chromium.

The contract (docs/formats.md, "# Report"): one self-contained HTML file, inline
CSS and SVG only, no script and no network access, readable at 1280 px wide and
printable; every figure a ``<figure id="fig-..." class="figure">`` holding one
inline ``<svg>``, every table a ``<section id="tab-...">`` holding a ``<table>``.
Unit tests can compare the HTML text; only a browser shows whether the figures
actually render, whether the page fits the width, and whether it prints.

Checks, each reported as one ``FAIL: ...`` line (exit status 1):

* static, on the file's text: no ``<script``, ``<link`` or ``<iframe``; no
  ``src=``/``href=`` (``xlink:href`` too) to ``http:``, ``https:`` or ``//``
  URLs, nor CSS ``url()``/``@import`` to them (anchors such as ``#fig-x`` are fine);
* in Chromium (file:// URL, network hosts unresolvable, viewport 1280 px wide):
  the page fetched no http(s) resource;
  every required id is present;
  each figure is a ``<figure class="figure">`` with exactly one top-level
  ``<svg>`` whose rendered box is wider than 200 px and taller than 100 px and
  which contains drawn elements (path, rect, line, circle, polyline, text, ...);
  each table section is a ``<section>`` with a ``<table>`` that has at least one
  body row with a ``<td>``;
  nothing overflows horizontally (document scroll width <= 1280 + 2 px);
* the full-page screenshot (viewport height set to the document height) is saved
  to ``--png`` and is not blank: > 2 % of pixels non-white, >= 8 distinct colours;
* with ``--pdf``: Chromium's print (``driver.print_page``) writes a PDF of at
  least one page.

On success one summary line is printed. Exit status: 0 pass, 1 a check failed,
2 usage error or the browser could not be started.

Usage (from the repository root; ``make report-check`` does all of this):
    .venv-report/bin/python scripts/check_report.py rgmap-demo/report.html \\
        --png rgmap-demo/report.png --pdf rgmap-demo/report.pdf

Needs the Debian packages ``chromium`` and ``chromium-driver`` (override their
paths with $CHROMIUM and $CHROMEDRIVER) and scripts/requirements-report.txt.
"""

import argparse
import base64
import io
import os
import re
import shutil
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.print_page_options import PrintOptions

REQUIRED_FIGURES = [
    "fig-soft-threshold",
    "fig-gene-tree",
    "fig-module-feature",
    "fig-associations",
    "fig-eigengene-adjacency",
]
REQUIRED_TABLES = ["tab-hubs", "tab-enrichment"]

WIDTH = 1280             # px, the width the report must be readable at
WIDTH_TOLERANCE = 2      # px of sub-pixel rounding allowed beyond WIDTH
MIN_SVG_WIDTH = 200      # px, rendered, exclusive
MIN_SVG_HEIGHT = 100     # px, rendered, exclusive
MIN_INK_FRACTION = 0.02  # share of screenshot pixels that must be non-white
MIN_COLOURS = 8          # distinct colours the screenshot must have
WHITE_LEVEL = 245        # a pixel whose every channel is >= this counts as white

FORBIDDEN_TAGS = re.compile(r"<\s*(script|link|iframe)\b", re.I)
EXTERNAL_ATTR = re.compile(r"\b(src|href)\s*=\s*[\"']?\s*((?:https?:|//)[^\"'\s>]*)", re.I)
EXTERNAL_CSS = re.compile(r"url\(\s*[\"']?\s*((?:https?:|//)[^\"')\s]*)|@import\b[^;]*", re.I)


class CheckFailed(Exception):
    """One or more contract checks failed; args[0] is the list of messages."""


def die(message):
    """Not a failed check but a broken setup: exit status 2."""
    print(f"check_report: {message}", file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------
# static checks on the HTML text


def line_of(text, index):
    return text.count("\n", 0, index) + 1


def static_failures(html):
    """Forbidden tags and external references, one message per offence."""
    failures = []
    for m in FORBIDDEN_TAGS.finditer(html):
        failures.append(f"line {line_of(html, m.start())}: forbidden <{m.group(1).lower()}> element "
                        "(the report must be self-contained: no script, link or iframe)")
    for m in EXTERNAL_ATTR.finditer(html):
        failures.append(f"line {line_of(html, m.start())}: external reference {m.group(1).lower()}="
                        f"\"{m.group(2)}\" (only inline content and #anchors are allowed)")
    for m in EXTERNAL_CSS.finditer(html):
        failures.append(f"line {line_of(html, m.start())}: external CSS reference "
                        f"{(m.group(1) or m.group(0)).strip()!r}")
    return failures


# --------------------------------------------------------------------------
# browser


def find_executable(env_name, *names):
    path = os.environ.get(env_name)
    if path:
        return path
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    die(f"{names[0]} not found (install the Debian packages chromium chromium-driver, "
        f"or set ${env_name})")


def start_browser():
    """Headless Chromium that cannot reach the network, driven by chromedriver."""
    options = webdriver.ChromeOptions()
    options.binary_location = find_executable("CHROMIUM", "chromium", "chromium-browser")
    for flag in (
        "--headless=new",
        "--no-sandbox",                 # Chromium refuses to start as root without it
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",            # the scrollbar must not eat into the 1280 px
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},900",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # no host resolves: no network
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
    ):
        options.add_argument(flag)
    service = Service(executable_path=find_executable("CHROMEDRIVER", "chromedriver"))
    os.environ.setdefault("SE_OFFLINE", "true")   # never let Selenium Manager download a driver
    try:
        return webdriver.Chrome(options=options, service=service)
    except WebDriverException as exc:
        die(f"could not start headless Chromium: {'; '.join((exc.msg or str(exc)).splitlines())}")


def set_viewport(driver, height):
    """Exactly WIDTH css px wide (independent of window decorations), HEIGHT tall."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": WIDTH, "height": int(height), "deviceScaleFactor": 1, "mobile": False})


# One round trip: everything the checks need, measured in the page.
MEASURE_JS = """
const [figIds, tabIds, width] = arguments;
const drawn = 'path,rect,line,circle,ellipse,polyline,polygon,text';
function topLevelSvgs(el) {
  return [...el.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg'));
}
const figures = figIds.map(id => {
  const el = document.getElementById(id);
  if (!el) return {id, present: false};
  const svgs = topLevelSvgs(el);
  const box = svgs.length ? svgs[0].getBoundingClientRect() : null;
  return {id, present: true, tag: el.tagName.toLowerCase(),
          isFigureClass: el.classList.contains('figure'), svgs: svgs.length,
          width: box ? box.width : 0, height: box ? box.height : 0,
          drawn: svgs.length ? svgs[0].querySelectorAll(drawn).length : 0};
});
const tables = tabIds.map(id => {
  const el = document.getElementById(id);
  if (!el) return {id, present: false};
  const table = el.querySelector('table');
  const rows = table ? [...table.tBodies].flatMap(b => [...b.rows])
                              .filter(r => r.querySelector('td')).length : 0;
  return {id, present: true, tag: el.tagName.toLowerCase(), hasTable: !!table, rows};
});
const doc = document.documentElement, body = document.body || doc;
const scrollWidth = Math.max(doc.scrollWidth, body.scrollWidth);
let widest = null;
if (scrollWidth > width) {
  for (const el of body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect().right;
    if (r > width && (!widest || r > widest.right))
      widest = {right: Math.round(r), tag: el.tagName.toLowerCase(), id: el.id,
                cls: typeof el.className === 'string' ? el.className : ''};
  }
}
const fetched = performance.getEntriesByType('resource').map(e => e.name)
  .filter(u => !/^(file|data|blob|about):/.test(u));
return {figures, tables, scrollWidth, widest, fetched,
        height: Math.max(doc.scrollHeight, body.scrollHeight)};
"""


def measure(driver):
    return driver.execute_script(MEASURE_JS, REQUIRED_FIGURES, REQUIRED_TABLES, WIDTH)


# --------------------------------------------------------------------------
# checks on the measurements


def figure_failures(fig):
    fid = fig["id"]
    if not fig["present"]:
        return [f"missing figure #{fid}"]
    failures = []
    if fig["tag"] != "figure" or not fig["isFigureClass"]:
        failures.append(f"#{fid} is <{fig['tag']}>, expected <figure class=\"figure\">")
    if fig["svgs"] != 1:
        failures.append(f"figure #{fid} holds {fig['svgs']} inline <svg>, expected exactly 1")
        if fig["svgs"] == 0:
            return failures
    if not (fig["width"] > MIN_SVG_WIDTH and fig["height"] > MIN_SVG_HEIGHT):
        failures.append(f"figure #{fid}: <svg> renders at {fig['width']:.0f}x{fig['height']:.0f} px, "
                        f"needs more than {MIN_SVG_WIDTH}x{MIN_SVG_HEIGHT}")
    if fig["drawn"] == 0:
        failures.append(f"figure #{fid}: <svg> is empty (no path, rect, line, circle, polyline or text)")
    return failures


def table_failures(tab):
    tid = tab["id"]
    if not tab["present"]:
        return [f"missing table section #{tid}"]
    failures = []
    if tab["tag"] != "section":
        failures.append(f"#{tid} is <{tab['tag']}>, expected <section>")
    if not tab["hasTable"]:
        failures.append(f"section #{tid} holds no <table>")
    elif tab["rows"] == 0:
        failures.append(f"table #{tid} has no body row (no <tbody> row with a <td>)")
    return failures


def layout_failures(m):
    failures = []
    if m["fetched"]:
        failures.append(f"the page requested {len(m['fetched'])} network resource(s), "
                        f"first {m['fetched'][0]!r}")
    if m["scrollWidth"] > WIDTH + WIDTH_TOLERANCE:
        w = m["widest"]
        culprit = ""
        if w:
            name = w["tag"] + (f"#{w['id']}" if w["id"] else "") + (
                "." + ".".join(w["cls"].split()) if w["cls"].strip() else "")
            culprit = f"; widest element <{name}> ends at {w['right']} px"
        failures.append(f"page overflows horizontally: scroll width {m['scrollWidth']} px "
                        f"> {WIDTH} px{culprit}")
    return failures


# --------------------------------------------------------------------------
# screenshot and PDF


def save_screenshot(driver, height, png_path):
    """Full page: viewport as tall as the document, then one capture."""
    set_viewport(driver, height)
    driver.execute_script("return new Promise(r => requestAnimationFrame(() => r()))")
    png = driver.get_screenshot_as_png()
    Path(png_path).write_bytes(png)
    return png


def blank_failures(png, png_path):
    """Not blank: enough non-white pixels and several colours."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    r, g, b = image.split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)   # per-pixel min channel
    hist = darkest.histogram()
    ink = sum(hist[:WHITE_LEVEL]) / (image.width * image.height)
    colours = image.getcolors(maxcolors=image.width * image.height)
    n_colours = len(colours) if colours else 0
    stats = {"size": image.size, "ink": ink, "colours": n_colours}
    failures = []
    if ink <= MIN_INK_FRACTION:
        failures.append(f"screenshot {png_path} is blank: {ink:.2%} non-white pixels "
                        f"(needs > {MIN_INK_FRACTION:.0%})")
    if n_colours < MIN_COLOURS:
        failures.append(f"screenshot {png_path} has only {n_colours} distinct colours "
                        f"(needs >= {MIN_COLOURS})")
    return failures, stats


def pdf_page_count(data):
    """Page objects in Chromium's (Skia) PDF; falls back on the page tree's /Count."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if pages:
        return pages
    counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    return max(counts, default=0)


def save_pdf(driver, pdf_path):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    options = PrintOptions()
    options.background = True   # colour fills of heatmaps are backgrounds in some renderers
    data = base64.b64decode(driver.print_page(options))
    Path(pdf_path).write_bytes(data)
    if not data.startswith(b"%PDF"):
        return [f"print to PDF did not produce a PDF ({pdf_path})"], 0
    pages = pdf_page_count(data)
    if pages < 1:
        return [f"PDF {pdf_path} has no page"], 0
    return [], pages


# --------------------------------------------------------------------------


def summary(m, shot, png_path, pdf_path, pages, seconds):
    figs = ", ".join(f"{f['id']} {f['width']:.0f}x{f['height']:.0f}" for f in m["figures"])
    rows = ", ".join(f"{t['id']} {t['rows']} rows" for t in m["tables"])
    line = (f"report OK: {len(m['figures'])} figures ({figs}); {len(m['tables'])} tables ({rows}); "
            f"page {WIDTH}x{m['height']} px; PNG {png_path} "
            f"({shot['ink']:.1%} ink, {shot['colours']} colours)")
    if pdf_path:
        line += f"; PDF {pdf_path} ({pages} page{'s' if pages != 1 else ''})"
    return line + f"; {seconds:.1f} s"


def check(report, png_path, pdf_path):
    """Run every check; return the summary line or raise CheckFailed."""
    started = time.monotonic()
    html = report.read_text(encoding="utf-8", errors="replace")
    failures = static_failures(html)
    if failures:
        raise CheckFailed(failures)   # don't even open a file that would reach out

    driver = start_browser()
    try:
        set_viewport(driver, 900)
        driver.get(report.resolve().as_uri())
        m = measure(driver)
        failures += layout_failures(m)
        for fig in m["figures"]:
            failures += figure_failures(fig)
        for tab in m["tables"]:
            failures += table_failures(tab)
        png = save_screenshot(driver, m["height"], png_path)
        blank, shot = blank_failures(png, png_path)
        failures += blank
        pages = 0
        if pdf_path:
            pdf_fail, pages = save_pdf(driver, pdf_path)
            failures += pdf_fail
    finally:
        driver.quit()
    if failures:
        raise CheckFailed(failures)
    return summary(m, shot, png_path, pdf_path, pages, time.monotonic() - started)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="the report.html to check")
    parser.add_argument("--png", required=True, help="where to save the full-page screenshot")
    parser.add_argument("--pdf", help="also print to this PDF and check it has a page")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        parser.exit(2, f"check_report: {args.report}: no such file\n")
    try:
        print(check(args.report, args.png, args.pdf))
    except CheckFailed as failed:
        for message in failed.args[0]:
            print(f"FAIL: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

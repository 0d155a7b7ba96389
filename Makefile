# rgmap: build, test, demo and benchmark entry points.
# `make demo` and `make test` work on a fresh Debian machine with Swift: they first
# install any missing system package with apt-get (through sudo when not root).

SWIFT        ?= swift
APT_PACKAGES := pkg-config zlib1g-dev libopenblas-dev liblapacke-dev libhdf5-dev r-mathlib libssl-dev
R_PACKAGES   := r-base-core r-bioc-org.hs.eg.db r-bioc-go.db
FIXTURE_R_PACKAGES := r-base-core r-bioc-rhdf5 r-cran-wgcna r-bioc-bladderbatch r-cran-jsonlite
BENCH_PACKAGES   := r-base-core r-cran-wgcna r-cran-data.table time
REPORT_PACKAGES  := chromium chromium-driver
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV         := .venv
REPORT_VENV  := .venv-report
NB_VENV      := .venv-notebooks
DEMO_OUT     := rgmap-demo
RELEASE_BIN  := .build/release

.PHONY: deps build release demo test bench fixtures genesets example venv report-venv report-check notebooks-venv notebooks kill-test fuzz stress clean

# $(call apt-ensure,PACKAGES): installs the packages with apt-get unless every one is installed.
define apt-ensure
	@for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(1); break; }; done
endef

# $(call make-venv,FOLDER,REQUIREMENTS): a Python venv with the pinned requirements (the rule's
# target is FOLDER/.ready, touched when done).
define make-venv
	@python3 -m venv --help >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	python3 -m venv $(1)
	$(1)/bin/pip install -q -r $(2)
	touch $(1)/.ready
endef

## deps: install the missing Debian packages rgmap builds against
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## build: debug build
build: deps
	$(SWIFT) build

## release: optimised build of rgmap and its benchmark driver
release: deps
	$(SWIFT) build -c release

## demo: build release and run rgmap on the bundled example cohort in data/
demo: release
	$(RELEASE_BIN)/rgmap demo --out $(DEMO_OUT) --force

## test: the whole test suite (Swift Testing), optimised as users run rgmap (the numeric
## tests, GSEA permutations above all, take minutes unoptimised)
test: deps
	$(SWIFT) test -c release -Xswiftc -enable-testing --disable-xctest

## fuzz: libFuzzer on the TSV/CSV, MAF, GMT and HDF5-label parsers, FUZZ_SECONDS (60) each, with
## AddressSanitizer (linked with the toolchain's lld: gold fails on libFuzzer); prints runs, executions per second and corpus size per target
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build -c release --build-path .build-fuzz --product rgmap-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	scripts/fuzz.sh "$$($(SWIFT) build -c release --build-path .build-fuzz --show-bin-path)/rgmap-fuzz" $(FUZZ_SECONDS)

## stress: the pipeline on a simulated 15000-gene x 400-patient cohort (a few minutes), checked
## against the bundled example run's invariants (STRESS_GENES, STRESS_PATIENTS to change the size)
stress: release
	$(call apt-ensure,time)
	scripts/stress.sh

## bench: speed against the tools users have today, same run, printed as a table
bench: release venv
	$(call apt-ensure,$(BENCH_PACKAGES))
	$(RELEASE_BIN)/rgmap-bench --python $(VENV)/bin/python

## venv: Python tools for fixtures and benchmarks (pandas, h5py, anndata)
venv: $(VENV)/.ready
$(VENV)/.ready: scripts/requirements.txt
	$(call make-venv,$(VENV),scripts/requirements.txt)

## report-venv: Python tools for report-check (selenium, Pillow)
report-venv: $(REPORT_VENV)/.ready
$(REPORT_VENV)/.ready: scripts/requirements-report.txt
	$(call make-venv,$(REPORT_VENV),scripts/requirements-report.txt)

## report-check: open the demo's report.html in headless Chromium at 1280 px (runs `make demo` first
## if it is missing): figures render, tables have rows, no overflow, screenshot and PDF not blank
report-check: report-venv
	$(call apt-ensure,$(REPORT_PACKAGES))
	@[ -f $(DEMO_OUT)/report.html ] || $(MAKE) demo
	$(REPORT_VENV)/bin/python scripts/check_report.py $(DEMO_OUT)/report.html \
	  --png $(DEMO_OUT)/report.png --pdf $(DEMO_OUT)/report.pdf

## notebooks-venv: Python tools for the figure notebooks (pandas, matplotlib, seaborn, h5py, scipy, nbclient)
notebooks-venv: $(NB_VENV)/.ready
$(NB_VENV)/.ready: notebooks-export/requirements.txt
	$(call make-venv,$(NB_VENV),notebooks-export/requirements.txt)

## notebooks: execute notebooks-export/*.ipynb headless on the demo output (runs `make demo` first if it
## is missing), write each back with its outputs and its .py and .html beside it (the .html self-contained:
## a page that would load anything over the network fails the run); figures (PDF, PNG) go to $(DEMO_OUT)/figures
notebooks: notebooks-venv
	@[ -f $(DEMO_OUT)/manifest.json ] || $(MAKE) demo
	$(NB_VENV)/bin/python notebooks-export/run_notebooks.py --out $(DEMO_OUT)

## kill-test: stop `rgmap run` 24 times at random points (SIGKILL, SIGTERM, SIGINT); every file under a
## final name must be complete (byte-identical to an uninterrupted run), and SIGTERM/SIGINT leave no partial file
kill-test: release
	$(call apt-ensure,bc)
	scripts/kill_test.sh 24

## fixtures: regenerate the test fixtures with the reference tools (h5py, anndata, R, WGCNA, gseapy)
fixtures: venv
	$(call apt-ensure,$(FIXTURE_R_PACKAGES))
	$(VENV)/bin/python scripts/make_format_fixtures.py
	Rscript scripts/make_rhdf5_fixture.R
	Rscript scripts/make_map_fixtures.R
	Rscript scripts/make_numeric_fixtures.R
	Rscript scripts/make_network_fixtures.R
	Rscript scripts/make_module_fixtures.R
	Rscript scripts/make_network_unit_fixtures.R
	Rscript scripts/make_odd_module_fixtures.R
	Rscript scripts/make_enrichment_fixtures.R
	Rscript scripts/make_heatmap_fixtures.R
	$(VENV)/bin/python scripts/make_gsea_fixtures.py

## genesets: re-export data/genesets/go_bp.gmt.gz from Bioconductor's org.Hs.eg.db and GO.db
genesets:
	$(call apt-ensure,$(R_PACKAGES))
	Rscript scripts/export_go_bp_gmt.R data/genesets/go_bp.gmt.gz

## example: re-simulate the bundled example cohort (must not change: a test compares it)
example: release
	$(RELEASE_BIN)/rgmap simulate --seed 1 --gene-sets data/genesets/go_bp.gmt.gz --out data/example --force

clean:
	rm -rf .build .build-fuzz

# Two commands from a fresh clone: `make serve` (build and serve the site) and
# `make test` (the whole test suite). Both set up the virtual environment with
# the pinned dependencies first and are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
DOCS := build/docs
HOST ?= 127.0.0.1
LIGHTHOUSE_DATASETS ?=
PORT ?= 8000
# MkDocs is pinned below 2.0 (requirements.in), so its 2.0 notice is noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv docs site serve test lint check format clean lock bench lighthouse

venv: $(STAMP)

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	cp requirements.txt $(STAMP)

## check: validate the catalog (every problem as FILE:LINE: FIELD: message)
check: venv
	$(BIN)/python -m generator check

## docs: render the Markdown tree and data exports into build/docs
docs: venv
	$(BIN)/python -m generator build --out $(DOCS)

## site: build the static site into site/; on any failure site/ and build/docs stay as they were
# The Markdown tree is snapshotted first (hard links: the generator replaces
# files by rename, so the snapshot keeps the old content) and restored if
# either stage fails; site/ is only swapped once MkDocs has succeeded.
site: venv
	rm -rf build/docs.prev build/site.new
	if [ -d $(DOCS) ]; then cp -al $(DOCS) build/docs.prev; fi
	if $(BIN)/python -m generator build --out $(DOCS) && $(BIN)/mkdocs build --strict --site-dir build/site.new; then \
	  rm -rf build/site.old; \
	  if [ -d site ]; then mv site build/site.old; fi; \
	  mv build/site.new site; \
	  rm -rf build/site.old build/docs.prev; \
	else \
	  status=$$?; \
	  rm -rf build/site.new; \
	  if [ -d build/docs.prev ]; then rm -rf $(DOCS); mv build/docs.prev $(DOCS); fi; \
	  echo "make site: build failed; site/ and $(DOCS) are unchanged" >&2; \
	  exit $$status; \
	fi

## serve: build, then serve with live reload; catalog and template edits are regenerated
serve: docs
	$(BIN)/python -m generator watch --out $(DOCS) & watcher=$$!; \
	trap 'kill $$watcher 2>/dev/null' EXIT INT TERM; \
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT) --livereload

## test: lint, then the whole test suite (browser tests need Debian's chromium)
test: lint
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

format: venv
	$(BIN)/ruff format generator tests
	$(BIN)/ruff check --fix generator tests

## lock: re-pin requirements.txt from requirements.in in a throwaway venv
lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo '# Pinned by `make lock` from requirements.in (pip freeze of a fresh venv); installed by `make venv`.'; \
	  build/lock-venv/bin/python -m pip freeze; } > requirements.txt
	rm -rf build/lock-venv

clean:
	rm -rf build site

## lighthouse: Lighthouse 12 (pinned, npm) with Debian's Chromium on every kind of page of the built site; a measurement, not a test
##   LIGHTHOUSE_DATASETS=250 measures a site built from a seeded synthetic catalog of that size instead
LIGHTHOUSE_DIR = tests/benchmarks/lighthouse
lighthouse: site
	command -v chromium >/dev/null || { echo "make lighthouse needs Debian's Chromium: apt-get install chromium" >&2; exit 1; }
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund --silent
	LIGHTHOUSE_DATASETS=$(LIGHTHOUSE_DATASETS) $(BIN)/python tests/benchmarks/lighthouse.py

## bench: synthetic catalogs of 36, 250, 1,000 and 10,000 datasets; prints a table, writes bench-results/bench.json
bench: venv
	$(BIN)/python tests/benchmarks/bench.py

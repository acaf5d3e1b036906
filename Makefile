# newsgraph: the first two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEEDS  := $(wildcard ../shared/corpus/seeds)
DEMO_DB ?= demo.duckdb

.PHONY: setup browser demo test lint bench bench-smoke clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) browser

# Debian's chromium for the browser tests (never a downloaded browser); needs root or sudo.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and no root: browser tests will be skipped"; fi; }

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/newsgraph ingest examples $(SEEDS) --db $(DEMO_DB) --summary || test $$? = 1
	$(BIN)/newsgraph export --db $(DEMO_DB) --format jsonl --out demo-export.jsonl
	@echo
	@echo "Explore it:  $(BIN)/newsgraph serve --db $(DEMO_DB)   (then open http://127.0.0.1:8000)"

test: setup
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check newsgraph tests
	$(BIN)/mypy newsgraph

bench: $(STAMP)
	for b in textdump html dates time eventdates actors quotes events clustering link api speed; do \
	  $(BIN)/newsgraph bench $$b || exit 1; done

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache .ruff_cache demo.duckdb demo-export.jsonl

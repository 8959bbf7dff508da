PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -rf out/demo && mkdir -p out/demo
	$(BIN)/corroborate --db out/demo/corroborate.duckdb run examples/corpus --json out/demo/report.json --html out/demo/site
	@echo
	@echo "Report: out/demo/report.json   HTML: out/demo/site/index.html   Store: out/demo/corroborate.duckdb"
	@echo "Try:    $(BIN)/corroborate --db out/demo/corroborate.duckdb stories    (then: brief STORY_ID, check STORY_ID)"
	@echo "Browse: $(BIN)/corroborate --db out/demo/corroborate.duckdb serve      (http://127.0.0.1:8000/)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/ingest.py

clean:
	rm -rf out .pytest_cache build src/*.egg-info

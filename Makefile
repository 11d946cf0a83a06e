# jixiao: `make run` and `make test` set everything up on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/julu-zonggonghui-2024-draft.txt
# Debian packages the project needs; installed only when missing.
# WeasyPrint (PDF out) needs pango and harfbuzz-subset; Chinese text needs the Noto CJK fonts; the tests
# open jixiao's DOCX and XLSX in LibreOffice and read PDFs with poppler; the browser tests drive chromium.
DEBIAN_PACKAGES := python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-cjk \
	libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils chromium chromium-driver

.PHONY: install deps run test lint types layers pytest bench bench-web screenshots docs clean

install: $(STAMP)

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml | deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,ocr]'
	# an editable install compiles nothing; byte-compile as a regular install would, so the CLI starts fast
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

# the server on http://127.0.0.1:8000 with its data in ./jixiao-data (JIXIAO_DATA_DIR to change it); the first
# start loads the example with demo accounts and prints their passwords once
run: install
	$(BIN)/jixiao serve

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: install
	$(BIN)/mypy

layers: install
	$(BIN)/lint-imports --no-cache

# The whole suite on SQLite; then, when JIXIAO_TEST_DATABASE_URL names a PostgreSQL database (CI sets it in
# .ci/run), the database-backed suites (web, store, service) once more on PostgreSQL.
DB_SUITES := tests/web tests/store tests/service

pytest: install
	env -u JIXIAO_TEST_DATABASE_URL $(BIN)/pytest
	@if [ -n "$$JIXIAO_TEST_DATABASE_URL" ]; then \
		echo "again on PostgreSQL ($$JIXIAO_TEST_DATABASE_URL): $(DB_SUITES)"; \
		$(BIN)/pytest -p no:cacheprovider $(DB_SUITES); \
	else \
		echo "JIXIAO_TEST_DATABASE_URL is not set: the web suite ran on SQLite only"; \
	fi

test: lint types layers pytest

bench: install
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/parse_speed.py
	$(BIN)/python bench/check_speed.py
	$(BIN)/python bench/export_speed.py
	$(BIN)/python bench/pdf_speed.py

# load test of `jixiao serve` on PostgreSQL (not part of make test): read and list against a trivial view
bench-web: install
	$(BIN)/python -m pip install -q -e '.[dev,ocr,bench]'
	$(BIN)/python bench/web_load.py

# the browser story again, saving its screenshots of the main pages into docs/screenshots/ for the README
screenshots: install
	JIXIAO_SCREENSHOTS=1 $(BIN)/pytest -p no:cacheprovider tests/browser

docs: install
	$(BIN)/python -m jixiao.cli.docs

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build src/*.egg-info

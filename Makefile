# `make run`: set up .venv with the bot and its runtime dependencies, then start the bot (Discord when
# DISCORD_TOKEN is set, else the console). `make test`: add the dev tools, run ruff, mypy and pytest.
# `make readme`: rewrite the README's example outputs from the current bot.
#
# PYTHON is the interpreter that builds .venv (3.11 or newer; default: the first of python3,
# python3.11, python3.12, python3.13 that is one), e.g. `make run PYTHON=python3.12`.
# .venv is (re)installed when it is missing or pyproject.toml / setup.py changed.

SUPPORTED := import sys; sys.exit(sys.version_info < (3, 11))
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for p in python3 python3.11 python3.12 python3.13; do \
	$$p -c '$(SUPPORTED)' >/dev/null 2>&1 && { echo $$p; exit 0; }; done; echo python3)
endif
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

# A .venv is rebuilt when its Python is unsupported or gone, or when PYTHON, given on the command
# line or in the environment, is another Python version than the one .venv was built by.
python_version = $(shell $(1) -c 'import sys; print(*sys.version_info[:2], sep=".")' 2>/dev/null)
ifneq ($(wildcard $(VENV)),)
ifneq ($(shell $(BIN)/python -c '$(SUPPORTED)' >/dev/null 2>&1 && echo ok),ok)
STALE_VENV := unsupported
else ifneq ($(origin PYTHON),file)
ifneq ($(call python_version,$(BIN)/python),$(call python_version,$(PYTHON)))
STALE_VENV := other
endif
endif
endif

.PHONY: run test readme bench clean FORCE

$(VENV)/pyvenv.cfg: $(if $(STALE_VENV),FORCE)
	@$(PYTHON) -c '$(SUPPORTED)' 2>/dev/null || { \
		echo "make: PYTHON=$(PYTHON) is not Python 3.11 or newer ($$($(PYTHON) --version 2>&1 | head -n 1)): install one, then run e.g. make $(or $(MAKECMDGOALS),run) PYTHON=python3.11" >&2; \
		exit 2; }
ifeq ($(STALE_VENV),unsupported)
	@built_by=$$($(BIN)/python --version 2>&1) || built_by="a Python that no longer runs"; \
		echo "make: .venv was built by $$built_by; profile-bot needs Python 3.11 or newer, so .venv is removed and built again with $(PYTHON)."
endif
ifeq ($(STALE_VENV),other)
	@echo "make: .venv was built by $$($(BIN)/python --version 2>&1) and PYTHON=$(PYTHON) is $$($(PYTHON) --version 2>&1), so .venv is removed and built again with $(PYTHON)."
endif
ifdef STALE_VENV
	@rm -rf $(VENV)
endif
	@echo "==> creating .venv with $$($(PYTHON) -c 'import sys; print(sys.executable, sys.version.split()[0])')"
	@$(PYTHON) -m venv $(VENV)

# setuptools announces (as a warning) that an editable install with mapped folders uses an import
# hook; it is expected here (data/ and intents/ install as bot.data and bot.intents), so not shown.
INSTALL := PYTHONWARNINGS="ignore:Editable installation" $(PIP) install --editable

$(RUNTIME): pyproject.toml setup.py $(VENV)/pyvenv.cfg
	@echo "==> installing profile-bot and its runtime dependencies into .venv"
	@$(INSTALL) .
	@touch $@

$(DEV): pyproject.toml setup.py $(VENV)/pyvenv.cfg
	@echo "==> installing profile-bot, its runtime dependencies and the dev tools (pytest, ruff, mypy...) into .venv"
	@$(INSTALL) '.[dev]'
	@touch $@ $(RUNTIME)

run: $(RUNTIME)
	@$(BIN)/profile-bot run

test: $(DEV)
	$(BIN)/ruff check bot tests setup.py
	$(BIN)/mypy
	$(BIN)/python -m pytest

readme: $(RUNTIME)
	@$(BIN)/python -m tests.readme_examples --write

bench: $(RUNTIME)
	$(BIN)/profile-bot bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

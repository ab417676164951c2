# Merchant Console — every target sets up what it needs (system packages, .venv, locked deps).
# Quick start on a fresh Debian/Ubuntu machine:  make run   |   make test

PYTHON    ?= python3
VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.deps-installed
SYS_STAMP := $(VENV)/.sys-installed

# Measured on a fresh Debian 12 root (see README "System packages"): offscreen Qt, a real X
# display, a CJK font so Chinese is not boxes, python3-venv for the virtual environment, and
# faketime (libfaketime) so .ci/run can rerun the suite with the system date moved.
SYS_PKGS := python3 python3-venv \
	libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-shape0 libxkbcommon-x11-0 fonts-wqy-microhei \
	faketime

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck architecture unit stub translations bench package package-test clean sysdeps venv screenshots

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

sysdeps: $(SYS_STAMP) ## install the missing system packages (apt)
$(SYS_STAMP): Makefile
	@missing=$$(for p in $(SYS_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(VENV) && touch $@

venv: $(STAMP) ## create .venv with the locked dependencies
$(STAMP): requirements.lock pyproject.toml $(SYS_STAMP)
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

translations: $(STAMP) ## build resources/i18n/*.qm from the .ts sources
	@for ts in resources/i18n/*.ts; do [ -e "$$ts" ] || continue; \
	  $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

run: $(STAMP) translations ## run the app (embedded demo platform unless configured)
	$(PY) main.py $(ARGS)

lint: $(STAMP) ## ruff over the code
	$(VENV)/bin/ruff check console tests main.py

typecheck: $(STAMP) ## mypy over console/
	$(VENV)/bin/mypy

architecture: $(STAMP) ## the layers as import-linter contracts (pyproject.toml)
	$(VENV)/bin/lint-imports --no-cache

unit: $(STAMP) translations ## the pytest suite alone
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck architecture unit ## lint, type check, import contracts and the whole test suite

stub: $(STAMP) ## run the stub platform server with demo data on 127.0.0.1:8765
	$(PY) main.py stub-server --host 127.0.0.1 --port 8765 --data .stub-data --seed demo --admin

screenshots: $(STAMP) translations ## render the README screenshots into docs/screenshots
	$(PY) tools/screenshots.py

clean: ## remove the virtual environment and build output
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache resources/i18n/*.qm

# ---- packaging (issue #6): PyInstaller one-folder bundle -> smoke test -> .tar.gz + .deb -------
PKG_STAMP    := $(VENV)/.package-deps-installed
# binutils to freeze; the Wayland libraries Qt's wayland plugin links to, so PyInstaller bundles them
PKG_SYS_PKGS := binutils dpkg libwayland-cursor0 libwayland-egl1

$(PKG_STAMP): requirements-package.lock $(STAMP)
	@missing=$$(for p in $(PKG_SYS_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-package.lock
	@touch $@

package: $(PKG_STAMP) translations ## build dist/: frozen app, smoke test, .tar.gz and .deb (BUILD_ARGS=...)
	$(PY) packaging/build.py $(BUILD_ARGS)

package-test: $(PKG_STAMP) translations ## slow: install the .deb, run it, upgrade, remove (root + dpkg)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m slow tests/packaging -q $(PYTEST_ARGS)

# ---- benchmarks (issue #7): figures beside baselines measured in the same run -------------------
bench: $(STAMP) translations ## run the benchmarks, print the table, write bench-results.json
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run $(BENCH_ARGS)

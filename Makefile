# TOIMI-opas. `make site` builds the site into site/, `make serve` previews it, `make test` tests it.
# The Makefile makes .venv itself from the pinned requirements and installs the Debian packages it
# needs when run as root (otherwise it prints the apt-get line to run).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

# Debian packages: WeasyPrint needs Pango; the browser tests need Chromium (and openssl for the certificate
# of their local HTTPS server); the spelling check needs
# Voikko (Finnish) and Hunspell with its dictionaries (British English, Finland-Swedish, Russian, Ukrainian).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0
SPELLING_PACKAGES := libvoikko1 voikko-fi hunspell hunspell-en-gb hunspell-sv hunspell-ru hunspell-uk
# The Nu HTML Checker (vnu-jar, pinned in package.json and package-lock.json) runs on Debian's Java; npm comes
# from Debian's nodejs and npm unless the machine already has it.
HTML_CHECK_PACKAGES := default-jre-headless $(if $(shell command -v npm),,nodejs npm)
TEST_PACKAGES := chromium openssl $(SPELLING_PACKAGES) $(HTML_CHECK_PACKAGES)
VNU := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: site serve test check html-check pdf bench lint clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

$(VNU): package.json package-lock.json
	@scripts/system_packages.sh $(HTML_CHECK_PACKAGES)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## site: build the complete site (all five languages) into site/
site: $(VENV)/.installed
	@scripts/system_packages.sh $(PDF_PACKAGES)
	$(PY) -m scripts.build

## serve: live preview on http://127.0.0.1:8000 (LANGUAGE=sv serves one language only, faster)
serve: $(VENV)/.installed
	$(if $(LANGUAGE),TOIMI_ONLY_LANGUAGE=$(LANGUAGE)) $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

## test: run every test (builds the site once per test session)
test: $(VENV)/.installed $(VNU)
	@scripts/system_packages.sh $(PDF_PACKAGES) $(TEST_PACKAGES)
	$(PY) -m pytest

## check: every content check (front matter, translations, structure, links, HTML, spelling) in seconds,
## without building the site; writes the outside-link report to reports/external-links.md
check: $(VENV)/.installed
	@scripts/system_packages.sh $(SPELLING_PACKAGES)
	$(PY) -m scripts.check --external-links reports/external-links.md

## html-check: the Nu HTML Checker over every page of an already built site/ (`make site` first); prints
## "file":line.column: error: … for each error, and exits 1 if there is any
html-check: $(VNU)
	@test -d site || { echo "No site/ to check: run make site first" >&2; exit 1; }
	java -jar $(VNU) --errors-only --skip-non-html --format gnu site

## pdf: (re)make the PDFs of an already built site/ (only what changed is rendered again)
pdf: $(VENV)/.installed
	@scripts/system_packages.sh $(PDF_PACKAGES)
	$(PY) -m scripts.pdf --site-dir site

## bench: build times, page weight and speed on slow 3G, PDF times; writes bench/report.json
bench: $(VENV)/.installed
	@scripts/system_packages.sh $(PDF_PACKAGES) $(TEST_PACKAGES)
	$(PY) -m scripts.bench

## lint: ruff over the Python code
lint: $(VENV)/.installed
	$(PY) -m ruff check scripts tests

clean:
	rm -rf site .site-build .pytest_cache .cache node_modules

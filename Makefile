# TOIMI-opas. `make site` builds the site into site/, `make serve` previews it, `make test` tests it.
# The Makefile makes .venv itself from the lock file (requirements-dev.lock, every hash checked) and
# installs the Debian packages it needs when run as root (otherwise it prints the apt-get line to run).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# What a pull request is compared with (make preview, make pr-summary): BASE=main, BASE=<commit>…
BASE ?= origin/main
export NO_MKDOCS_2_WARNING := 1

# Debian packages: WeasyPrint needs Pango; the browser tests need Chromium (and openssl for the certificate
# of their local HTTPS server); the handbook tests read PDF text with poppler-utils' pdftotext; the spelling check needs
# Voikko (Finnish) and Hunspell with its dictionaries (British English, Finland-Swedish, Russian, Ukrainian).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0
SPELLING_PACKAGES := libvoikko1 voikko-fi hunspell hunspell-en-gb hunspell-sv hunspell-ru hunspell-uk
# The Nu HTML Checker (vnu-jar, pinned in package.json and package-lock.json) runs on Debian's Java; npm comes
# from Debian's nodejs and npm unless the machine already has it.
HTML_CHECK_PACKAGES := default-jre-headless $(if $(shell command -v npm),,nodejs npm)
TEST_PACKAGES := chromium openssl poppler-utils $(SPELLING_PACKAGES) $(HTML_CHECK_PACKAGES)
VNU := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: site serve test audit check html-check pdf bench lint lock freshness preview pr-summary clean

# The virtual environment is installed from the lock file, every file checked against its SHA-256, with a Python
# new enough for the locked packages (PYTHON_VERSION in scripts/lock.py; Debian 12's own python3 is 3.11.2).
$(VENV)/.installed: requirements-dev.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11, 5) else f"$(PYTHON) is Python \
	{v.major}.{v.minor}.{v.micro}; the locked packages need 3.11.5 or newer: give one with PYTHON=..., or use the \
	python:3.11-bookworm image as the workflows do")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

## lock: after editing requirements*.txt or constraints.txt, write requirements.lock and requirements-dev.lock
## (with hashes, by uv; needs PyPI). tests/test_lock.py fails while a lock file is older than its inputs.
lock: $(VENV)/.installed
	$(PY) -m scripts.lock

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

## audit: the accessibility audit that the statement shows: builds the HTML (no PDFs) into reports/audit-site/,
## runs tests/test_accessibility.py on it (axe on every page, contrast, keyboard, 320 px) and writes
## reports/audit.yml (not tracked), which every later build's accessibility statement shows; the publishing
## workflow runs it before `make site`, so the published statement gives the audit of the commit published
audit: $(VENV)/.installed
	@scripts/system_packages.sh chromium openssl
	$(PY) -m scripts.build --no-pdf --site-dir reports/audit-site
	TOIMI_TEST_SITE=reports/audit-site $(PY) -m pytest tests/test_accessibility.py -k "not pdf_step_fills_in"

## check: every content check (front matter, translations, structure, links, HTML, spelling, terms) in seconds,
## without building the site; writes the outside-link report to reports/external-links.md and the problems
## to reports/problems.json (for `make pr-summary`)
check: $(VENV)/.installed
	@scripts/system_packages.sh $(SPELLING_PACKAGES)
	$(PY) -m scripts.check --external-links reports/external-links.md --problems reports/problems.json

## preview: a pull request's preview into preview/ (HTML, search, and the PDFs of the pages changed since BASE),
## which opens from the disk; its size and contents go to reports/preview.json for `make pr-summary`
preview: $(VENV)/.installed
	@scripts/system_packages.sh $(PDF_PACKAGES)
	$(PY) -m scripts.preview --base $(BASE)

## pr-summary: the pull-request summary (Finnish and English) of the changes since BASE (default origin/main), as
## the test workflow writes it into the job summary; `make check` (and `make preview`) first give it their parts
pr-summary: $(VENV)/.installed
	@$(PY) -m scripts.pr_summary --base $(BASE) --problems reports/problems.json --preview reports/preview.json

## freshness: the month's freshness issue as the scheduled workflow writes it, into reports/freshness/ (the
## workflow also has lychee check every outside address; here they are not checked)
freshness: $(VENV)/.installed
	$(PY) -m scripts.freshness report reports/freshness

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
	rm -rf site .site-build preview .preview-build .pytest_cache .cache node_modules

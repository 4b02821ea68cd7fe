# The portal's commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes side by side (pytest-xdist); 1 runs the suite in this process.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope

.PHONY: help install chromium pdf-fonts gettext catalogues messages load-tool setup run test test-fast e2e lint format services demo bench bench-load fixtures clean

help:
	@echo "make run       set up everything, load demo data and serve the portal on http://$(HOST):$(PORT)"
	@echo "make demo      load the labelled demo data and print the demo logins"
	@echo "make test      the whole test suite (lint, unit, integration, browser)"
	@echo "make services  the production topology natively: gunicorn, worker, beat, mail catcher"
	@echo "make bench     the benchmarks under bench/ (they print their figures)"
	@echo "make messages  extract the marked strings into the catalogues under locale/"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

# Browser tests drive Debian's chromium; install it when it is missing (root, as here and in CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-dejavu-core poppler-utils >/dev/null; }

# PDFs in Arabic and Chinese use Debian's Amiri (fonts-hosny-amiri: shaped Arabic whose text
# extracts as written) and Noto Sans CJK SC (fonts-noto-cjk), found through fontconfig by the
# print CSS only; install them when missing (root, as here and in CI).
pdf-fonts:
	@fc-list "Noto Sans CJK SC" family | grep -q . && fc-list Amiri family | grep -q . || { \
		echo "Installing Debian's Arabic and Chinese fonts for PDFs"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			fonts-hosny-amiri fonts-noto-cjk fontconfig >/dev/null; }

# Catalogues (locale/<language>/LC_MESSAGES/*.po) are compiled with GNU gettext's msgfmt;
# install it when missing (root, as here and in CI).
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
		echo "Installing GNU gettext for the translation catalogues"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			gettext >/dev/null; }

# The compiled catalogues (.mo) are not in git: every setup and test run compiles them.
catalogues: install gettext
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

# Extract every marked string into the five catalogues (English is the source language).
MAKEMESSAGES_ARGS := -l ar -l zh_Hans -l fr -l ru -l es --ignore=.venv --ignore=tests \
	--ignore=bench --ignore=var --ignore=static/vendor --add-location=file --no-wrap --no-obsolete
messages: install gettext
	$(BIN)/python manage.py makemessages $(MAKEMESSAGES_ARGS)
	$(BIN)/python manage.py makemessages -d djangojs $(MAKEMESSAGES_ARGS)

setup: install pdf-fonts catalogues
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data

# Labelled demo data (idempotent); prints the demo logins.
demo: setup
	$(BIN)/python manage.py load_demo_data

# Embedded mode: tasks run eagerly in the web process and the deadline sweeps run on a timer
# (run_deadlines --every) beside the development server; Ctrl-C stops both.
SWEEP_EVERY ?= 60
run: demo
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py run_deadlines --every $(SWEEP_EVERY) --verbosity 0 & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install chromium pdf-fonts catalogues
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(PYTEST) $(PYTEST_ARGS)

test-fast: install pdf-fonts catalogues
	$(PYTEST) -m "not e2e" $(PYTEST_ARGS)

e2e: install chromium pdf-fonts catalogues
	$(PYTEST) -m e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

fixtures: install
	$(BIN)/python fixtures/build_instruments.py

# The processes of docker-compose.yml, run natively against the local PostgreSQL and Redis,
# with production settings over plain HTTP on the loopback (secure cookies, the HTTPS redirect
# and HSTS off). A secret key is generated once into var/secret_key if none is set.
services: install catalogues
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/portal)"; exit 2; }
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0)"; exit 2; }
	@mkdir -p var && test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	$(BIN)/python manage.py check_services --create-database
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	export DJANGO_SETTINGS_MODULE=portal.settings.production \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		SECURE_COOKIES="$${SECURE_COOKIES:-false}" \
		SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" \
		SECURE_HSTS_SECONDS="$${SECURE_HSTS_SECONDS:-0}" \
		EMAIL_HOST=127.0.0.1 EMAIL_PORT=1025; \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python -m aiosmtpd -n -l 127.0.0.1:1025 & \
	$(BIN)/gunicorn portal.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile - & \
	$(BIN)/celery -A portal worker --loglevel INFO --concurrency 2 & \
	$(BIN)/celery -A portal beat --loglevel INFO --schedule var/celerybeat-schedule & \
	wait

bench: install catalogues load-tool
	$(BIN)/python bench/run_all.py

# Pages under load against a bare Django page in the same run (bench/load.py; PostgreSQL and
# Redis from DATABASE_URL and REDIS_URL).
bench-load: install catalogues load-tool
	$(BIN)/python bench/load.py

# wrk, the load generator of bench/load.py, from Debian's packages (root, as here and in CI).
load-tool:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing wrk for the load benchmark"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

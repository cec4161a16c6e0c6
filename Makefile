PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-prod run test test-fast bench lint format messages docker-smoke

install:
	bash scripts/install.sh

# On a server: the project's dependencies only (no test tools, no browser).
install-prod:
	INSTALL_MODE=production bash scripts/install.sh

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_programme
	$(PY) manage.py load_content
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on PostgreSQL + Redis (started and stopped by the script), then on SQLite.
test: install
	bash scripts/run-tests.sh

# For developers: SQLite, keeping the test database in data/test-db.sqlite3 between runs (built by
# the first run, and again with `make test-fast ARGS=--create-db` after a new migration). One run at
# a time per checkout. Narrow it with ARGS, e.g. `make test-fast ARGS=course`.
test-fast:
	mkdir -p data
	TEST_DATABASE_FILE=$(CURDIR)/data/test-db.sqlite3 $(PY) -m pytest --reuse-db -p no:cacheprovider -m "not browser and not services" $(ARGS)

bench: install
	$(PY) tests/bench/run.py

# Builds deploy/Dockerfile and runs deploy/docker-compose.yml end to end (root; not part of test).
docker-smoke:
	bash scripts/docker-smoke.sh

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: install
	for app in cms course assessment certificates mentoring credentials; do \
		(cd $$app && ../$(PY) ../manage.py makemessages -l kk -l ru -l en --no-obsolete); \
	done

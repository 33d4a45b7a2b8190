# The front door. `make run` and `make test` set up whatever is missing on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY := .venv/bin/python
# KAFKA_BOOTSTRAP_SERVERS / DATABASE_ADMIN_URL, when set, name an existing broker / server to
# use instead of the ones infra/ starts on this machine.
# Development-only signing key for tokens minted by `make token` (production uses AUTH_JWKS_URL).
export AUTH_DEV_SECRET ?= local-development-secret-not-for-production-use

.PHONY: help setup kafka-up kafka-down db-up db-down up down run test test-unit test-dates web-check web-types contracts-check contracts-snapshot docs docs-check bench lint fmt token

help:
	@echo "make run                 start Kafka and all five services (SQLite), Ctrl-C stops them"
	@echo "make test                set up, start Kafka + PostgreSQL, run every test"
	@echo "make test-dates          the suite with the wall clock shifted to mid-2027 and to 2030 (DAYS=... for others)"
	@echo "make docs                regenerate docs/events.md (the event map) from the code"
	@echo "make bench               outbox/consumer benchmark against raw aiokafka"
	@echo "make token ROLE=district_officer DISTRICT=440106   mint a development token"
	@echo "make lint | fmt | kafka-up | kafka-down | db-up | db-down | down"

setup:
	@infra/venv.sh
	@infra/documents.sh >/dev/null

kafka-up:
	@infra/kafka.sh start

kafka-down:
	@infra/kafka.sh stop

db-up:
	@infra/postgres.sh start

db-down:
	@infra/postgres.sh stop

up: kafka-up db-up

down: kafka-down db-down

run: setup kafka-up
	@infra/run.sh

contracts-check: setup
	@$(PY) -m sme_contracts.schemas check

contracts-snapshot: setup
	@$(PY) -m sme_contracts.schemas write
	@$(PY) -m sme_contracts.asyncapi --out contracts/asyncapi.json

test: setup lint up contracts-check web-check docs-check
	@$(PY) -m pytest

# The event map (docs/events.md): who publishes and who consumes each event type, generated from the
# code; docs-check fails when the committed map is stale or shows an event nobody publishes.
docs: setup
	@$(PY) -m sme_kit.event_map write docs/events.md

docs-check: setup
	@$(PY) -m sme_kit.event_map check docs/events.md

# The suite with the wall clock shifted to other days (libfaketime): no test may depend on the day
# it runs. DAYS="2031-02-10 09:30:00,2032-12-31 23:00:00" picks other days; PYTEST_ARGS narrows the suite.
test-dates: setup
	@infra/test-dates.sh

# The web application: API types not stale, type check, unit tests, build, bundle budget.
web-check: setup
	@$(PY) -m sme_kit.openapi_export web/openapi --check
	@infra/web.sh check

# Regenerate the web application's API types from the services' code.
web-types: setup
	@$(PY) -m sme_kit.openapi_export web/openapi
	@cd web && npm run --silent types

test-unit: setup
	@$(PY) -m pytest -m "not integration and not e2e"

bench: setup up
	@$(PY) -m bench.run

# Fills the services `make run` started with a small programme year through their HTTP APIs
# (see README, "Demo"); a second run finishes the year once the notice period is over.
.PHONY: demo
demo: setup
	@$(PY) -m demo

# The tests type-checked with the code: every test suite of the repository.
TYPED_TESTS := tests libs/kit/tests contracts/tests services/registry/tests services/review/tests services/notifications/tests services/assessment/tests services/activities/tests

# Every line of code is linted and formatted; every module the services run (and demo, bench) is
# type-checked — strictly for contracts, kit and the domains (pyproject.toml).
lint: setup
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@.venv/bin/mypy contracts/src/sme_contracts libs/kit/src/sme_kit $(patsubst %/__init__.py,%,$(wildcard services/*/src/sme_*/__init__.py)) demo bench
	@.venv/bin/mypy --explicit-package-bases $(TYPED_TESTS)

fmt: setup
	@.venv/bin/ruff format .
	@.venv/bin/ruff check --fix .

token: setup
	@$(PY) -m sme_kit.auth mint --role "$(ROLE)" $(if $(DISTRICT),--district $(DISTRICT)) $(if $(ORG),--org $(ORG)) $(if $(STATION),--station-id $(STATION)) $(if $(SUB),--sub $(SUB))

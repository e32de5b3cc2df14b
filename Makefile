# Two commands matter: `make run` (start the chat) and `make test` (what CI runs).
# Each sets up .venv when it is missing or older than pyproject.toml.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

.PHONY: setup browser run chat index test lint typecheck unit eval bench bench-scale load train dev clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

run: setup
	$(PY) app.py

chat: setup
	$(PY) -m assistant chat

index: setup
	$(PY) -m assistant index

lint: setup
	$(PY) -m ruff check assistant evals tests app.py

typecheck: setup
	$(PY) -m mypy assistant evals app.py

unit: setup browser
	$(PY) -m pytest -q

eval: setup
	$(PY) -m evals

test: lint typecheck unit eval

# Fit the learned scorer on the dev sets (evals/dev/) and write assistant/scorer.json.
train: setup
	$(PY) -m evals.train

# Replay the dev sets (what changes are tuned on), and again typed without capitals.
dev: setup
	$(PY) -m evals.devreplay
	$(PY) -m evals.devreplay --lowercase

bench: setup
	$(PY) -m assistant.bench

# The app on a free 127.0.0.1 port, locust at 1, 20, 50 and 100 readers (30 s each), then a
# report and a chart in evals/out/load/ (the 20-reader smoke runs in `make test`).
load: setup
	$(PY) tests/load/run.py --check

# The archive at scale: N look-alike articles (ARTICLES=1000), build, ask, add one, memory.
ARTICLES ?= 1000
bench-scale: setup
	$(PY) -m assistant.bench_scale --articles $(ARTICLES)

clean:
	rm -rf .index evals/out tests/artifacts .pytest_cache .mypy_cache .ruff_cache

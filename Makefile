# Two commands: `make serve` previews the site, `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

# Reproducible builds: every timestamp MkDocs writes comes from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-full site test test-fast lint browser-deps bench bench-filter clean world-atlas

# The project itself, editable. setuptools says (as a warning) that an editable install maps
# plugins/ to `timeline_mkdocs` with an import hook: information with nothing to do, filtered.
PROJECT_INSTALL = PYTHONWARNINGS="ignore:Editable installation" \
	$(BIN)/python -m pip install --quiet --no-deps -e .

$(STAMP): pyproject.toml requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(PROJECT_INSTALL)
	touch $@

# `--dirty`: after an edit, only the pages it changes are rendered again (README, Preview);
# `make serve-full` renders every page after every edit, as plain `mkdocs serve` does.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty

serve-full: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean --site-dir site

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

# Browser tests use Debian's Chromium (Playwright cannot download its own here), and the npm
# test tools of package.json: axe-core, TimelineJS (its export checked in the real client) and
# the Nu HTML checker (vnu-jar), which needs a Java runtime. `--ignore-scripts`: vnu-jar's
# install script would download a Java of its own.
NPM_TOOLS := node_modules/axe-core/axe.min.js node_modules/geojson-schema/FeatureCollection.json node_modules/@knight-lab/timelinejs/dist/js/timeline.js \
	node_modules/vnu-jar/build/dist/vnu.jar
browser-deps:
	@test -x $(CHROMIUM) || { echo "Installing Chromium (apt-get)…"; \
	  apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null || { echo "Installing a Java runtime (apt-get)…"; \
	  apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	@ls $(NPM_TOOLS) >/dev/null 2>&1 || \
	  npm ci --silent --no-audit --no-fund --ignore-scripts

# Every test: unit, end-to-end and browser (docs/testing.md); prints how long it took. In
# TEST_WORKERS processes (pytest-xdist), one more than the CPUs: builds and browsers wait on
# each other; each test module runs whole in one process (`--dist loadfile`).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
test: $(STAMP) browser-deps lint
	@start=$$(date +%s); $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile; status=$$?; \
	  echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

# The unit tests alone, in seconds: for the edit-test loop. Property tests draw a fifth of their
# examples here (hypothesis profile `fast`, docs/testing.md); `make test` draws them all.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m unit --hypothesis-profile=fast

# Not part of `make test`: several minutes. BENCH_N="1000 5000" (default), BENCH_ROUNDS=3.
bench: $(STAMP)
	$(BIN)/python -m bench $(if $(BENCH_N),--n "$(BENCH_N)") $(if $(BENCH_ROUNDS),--rounds $(BENCH_ROUNDS))

# Filtering a large timeline in Chromium, and the size of its pages (figures, not a test).
bench-filter: $(STAMP) browser-deps
	$(BIN)/python -m bench.filter $(if $(BENCH_N),--n $(BENCH_N))

clean:
	rm -rf site .pytest_cache

# The maps' boundaries (docs/design.md, Maps): Natural Earth 1:110m countries from the npm package
# world-atlas, vendored unchanged; this fetches it again and checks it is the same file.
WORLD_ATLAS := world-atlas@2.0.2
WORLD_SHA256 := 2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8
world-atlas:
	rm -rf build/world-atlas && mkdir -p build/world-atlas
	cd build/world-atlas && npm pack --silent $(WORLD_ATLAS) >/dev/null && tar xzf world-atlas-*.tgz
	echo "$(WORLD_SHA256)  build/world-atlas/package/countries-110m.json" | sha256sum -c -
	cp build/world-atlas/package/countries-110m.json timeline/views/world/countries-110m.json
	cp build/world-atlas/package/LICENSE timeline/views/world/LICENSE-world-atlas

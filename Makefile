# fuzhu (扶助通): build and test.
#   make setup       install what the build and the tests need (idempotent, seconds when done)
#   make build       release build of the web app into dist/ (trunk, wasm32, MVP): the office
#                    page (office.html, Trunk.office.toml) first, then the family page
#   make serve       serve the app on http://127.0.0.1:8080/ (trunk serve --release; the office
#                    page, http://127.0.0.1:8080/office.html, is built once before it starts)
#   make serve-dist  serve the built dist/ with the e2e static server on 127.0.0.1:8080
#   make test        setup, then test-native, test-fuzz, lint-web, test-web, test-web-firefox, test-e2e,
#                    test-release, test-servers, test-engines, check-mvp, test-gates
#   make test-native fmt, clippy and cargo test on the host (rustup toolchain)
#   make test-fuzz   the fuzz/ targets (register reader, facts parser), coverage-guided, 60 s each
#                    under -rss_limit_mb=512 (scripts/fuzz.sh; FUZZ_SECONDS=N for longer)
#   make lint-web    clippy for wasm32 (the app compiles only there)
#   make test-web    wasm-bindgen browser tests (tests/web*.rs) in headless Chromium
#   make test-e2e    release build, then e2e/ (node --test, playwright-core, Chromium)
#   make release     build, then release/fuzhu-<version>.zip and release/SHA256SUMS (docs/deploy.md)
#   make check-repro a second trunk build (into target/dist-again) gives the same files as dist/
#   make test-release check-repro, then the zip: reproducible, complete, configs as documented
#   make test-servers the release on nginx and Apache (deploy/) on loopback, smoke in Chromium
#   make test-engines the same smoke in Firefox ESR (geckodriver) and WebKit (WebKitWebDriver)
#   make test-web-firefox the wasm-bindgen browser tests in headless Firefox ESR
#   make check-mvp   the built wasm validates with MVP features only (old phones, in-app browsers)
#   make test-gates  the quality gates on dist/ (docs/quality.md): size-budget, then test-speed
#   make size-budget the first load's gzip size against its budget (150 KB), and the office
#                    page's against its own (docs/quality.md)
#   make test-speed  Lighthouse (mobile, simulated) against its budgets: a warm-up, then 5 runs
#
# Native commands use the rustup toolchain as it is; wasm commands source scripts/env.sh
# (Debian's rustc-web or a rustup toolchain with rust-src, std rebuilt, target/wasm).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_HOME ?= $(HOME)/.cargo
# Native: rustup's cargo first on PATH, and none of the wasm build variables.
NATIVE := env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES -u CARGO_BUILD_RUSTFLAGS \
	-u CARGO_TARGET_DIR -u CARGO_BUILD_TARGET PATH="$(CARGO_HOME)/bin:$$PATH"
WASM := . scripts/env.sh &&
# The family page's release build: panics trap at once (scripts/env.sh, static/boot.js).
WASM_RELEASE := FUZHU_RELEASE=1 . scripts/env.sh &&
# The browser test files: every tests/web*.rs (each is `#![cfg(target_arch = "wasm32")]`).
WEB_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/web*.rs))

.PHONY: help setup fetch build serve serve-dist release check-repro test-release test-servers test-engines test-web-firefox test test-native test-fuzz lint-web test-web test-e2e check-mvp test-gates size-budget test-speed fmt clean

help:
	@awk '/^$$/{exit} NR>1{sub(/^# ?/,""); print}' Makefile

setup:
	bash scripts/setup.sh

# Trunk builds with `cargo --offline` (Trunk.toml offline = true), so fetch every crate first,
# for the host and for wasm32 (the latter includes std's own dependencies for build-std).
fetch:
	$(WASM) cargo fetch --target wasm32-unknown-unknown && cargo fetch

# Trunk builds one page per run and empties its dist each time: the office page goes to
# target/office-dist/, and the family page's post_build hook copies it into dist/.
# FUZHU_PAGE=office: the office page carries the results' Chinese as literals (build.rs,
# src/later.rs), which no cargo feature decides (features only add code).
OFFICE_TRUNK := FUZHU_PAGE=office trunk --config Trunk.office.toml

build: fetch
	$(WASM) time -p $(OFFICE_TRUNK) build --release
	$(WASM_RELEASE) time -p trunk build --release

serve: setup fetch
	$(WASM) $(OFFICE_TRUNK) build --release
	$(WASM_RELEASE) trunk serve --release --address 127.0.0.1 --port 8080

serve-dist: build
	node e2e/lib/server.mjs dist 8080

test-native:
	$(NATIVE) cargo fmt --all --check
	$(NATIVE) cargo clippy --all-targets -- -D warnings
	$(NATIVE) cargo test

# libFuzzer on the register's spreadsheet reader and the facts parser for a bounded time,
# built with the stable toolchain into fuzz/target (scripts/fuzz.sh, docs/quality.md "4b").
test-fuzz:
	$(NATIVE) bash scripts/fuzz.sh

# Clippy on the wasm32 side too: the app (src/app) only compiles for wasm32; with the office
# page's code (feature "office", which only its build enables), as the family page builds it
# (the results' Chinese as tags) and as the office page does (FUZHU_PAGE=office: literals).
lint-web:
	$(WASM) cargo clippy --target wasm32-unknown-unknown --features office --lib --bin fuzhu-web $(WEB_TESTS) -- -D warnings
	$(WASM) FUZHU_PAGE=office cargo clippy --target wasm32-unknown-unknown --features office --lib --bin fuzhu-office -- -D warnings

test-web:
	$(WASM) cargo test --target wasm32-unknown-unknown $(WEB_TESTS)

test-e2e: build
	cd e2e && node --test

# The release an office's IT publishes (docs/deploy.md): dist/ and deploy/ in one zip.
release: build
	node scripts/release.mjs dist release

# Reproducible builds: trunk again, into another folder, must give dist/'s files byte for byte.
check-repro: build
	rm -rf target/dist-again target/office-dist-again
	$(WASM) $(OFFICE_TRUNK) build --release --dist target/office-dist-again
	$(WASM_RELEASE) FUZHU_OFFICE_DIST="$(CURDIR)/target/office-dist-again" trunk build --release --dist target/dist-again
	diff -r dist target/dist-again
	@echo "check-repro: a second trunk build gave the same $$(find dist -type f | wc -l) files"
	rm -rf target/dist-again target/office-dist-again

test-release: check-repro release
	cd e2e && node --test release.smoke.mjs

test-servers: release
	cd e2e && node --test servers.smoke.mjs

test-engines: release
	cd e2e && node --test engines.smoke.mjs

# The wasm-bindgen browser tests again, in headless Firefox ESR through geckodriver (the runner
# takes the first of GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER that is set).
test-web-firefox:
	$(WASM) env -u CHROMEDRIVER GECKODRIVER="$${GECKODRIVER:-$(CARGO_HOME)/bin/geckodriver}" \
		WASM_BINDGEN_TEST_WEBDRIVER_JSON="$(CURDIR)/scripts/webdriver-firefox.json" \
		cargo test --target wasm32-unknown-unknown $(WEB_TESTS)

# Old Android WebViews and in-app browsers know only MVP WebAssembly: the release wasm in dist/
# (made by `make build`, which test-e2e runs first) must validate without any later feature.
check-mvp:
	@ls dist/*.wasm >/dev/null 2>&1 || { echo "check-mvp: no dist/*.wasm: run make build first" >&2; exit 1; }
	for f in dist/*.wasm; do wasm-opt --mvp-features "$$f" -o /dev/null; echo "check-mvp: $$f is MVP WebAssembly"; done

# The quality gates (docs/quality.md) on the dist/ that test-e2e built: the first load's size,
# then Lighthouse on its own, after every other browser test, so nothing else loads the CPU
# while it measures. (Accessibility, CSP, privacy and the panic page are e2e tests; the facts
# fuzzing is a native test.)
test-gates: size-budget test-speed

size-budget:
	@ls dist/index.html >/dev/null 2>&1 || { echo "size-budget: no dist/: run make build first" >&2; exit 1; }
	node scripts/size-budget.mjs dist
	node scripts/size-budget.mjs dist office.html

test-speed:
	@ls dist/index.html >/dev/null 2>&1 || { echo "test-speed: no dist/: run make build first" >&2; exit 1; }
	cd e2e && node lighthouse.mjs ../dist

test: setup
	$(MAKE) test-native
	$(MAKE) test-fuzz
	$(MAKE) lint-web
	$(MAKE) test-web
	$(MAKE) test-web-firefox
	$(MAKE) test-e2e
	$(MAKE) test-release
	$(MAKE) test-servers
	$(MAKE) test-engines
	$(MAKE) check-mvp
	$(MAKE) test-gates

fmt:
	$(NATIVE) cargo fmt --all

clean:
	rm -rf dist release target/wasm target/office-dist e2e/screenshots e2e/reports

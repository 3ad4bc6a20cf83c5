# Mercato: `make run` sets up and serves the demo shop; `make test` runs every test.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
# The demo shop runs an optimised build: generating its images and catalog is ~30x faster than in debug.
MERCATO := .build/release/mercato
PORT ?= 8080

.PHONY: run setup build demo site serve test e2e load load-short lint format clean

run: setup build demo site serve

setup:
	@scripts/setup

build:
	swift build -c release --product mercato

# Creates the demo shop once; `make demo-reset` replaces it.
demo:
	@[ -f var/mercato.sqlite ] || $(MERCATO) demo --products 300 --reviews 3000

demo-reset:
	$(MERCATO) demo --products 300 --reviews 3000 --force

site:
	$(MERCATO) build

serve:
	$(MERCATO) serve --port $(PORT)

# Every test: the Swift suites, then the browser suite.
test:
	@scripts/setup --tests
	swift build --build-tests
	swift test --skip-build --parallel
	Tests/search/run
	Tests/e2e/run

# The browser suite alone: a demo shop served and walked in Chromium at a phone and a desktop width.
e2e:
	Tests/e2e/run

# Checkout under load, faults and hostile input (several minutes; see Benchmarks/checkout-load/README.md).
load:
	@scripts/setup --tests
	Benchmarks/checkout-load/run
	Benchmarks/checkout-load/check

# The same with small numbers (about six minutes after the builds): what CI runs.
load-short:
	@scripts/setup --tests
	Benchmarks/checkout-load/run --short
	Benchmarks/checkout-load/check --short

lint:
	swift format lint --strict --recursive Sources Tests

format:
	swift format --in-place --recursive Sources Tests

clean:
	rm -rf .build dist var

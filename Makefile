# caseaudit: the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
# Static Swift runtime: the binary starts in ~2 ms instead of ~5 ms (measured; see README).
RELEASE_FLAGS := -c release --static-swift-stdlib
BIN := .build/release/caseaudit

.PHONY: demo demo-server test fuzz build deps bench samples schema cli-reference format lint clean

demo: build
	$(BIN) demo

# The demo on a throwaway PostgreSQL server, then three logins each seeing only their own files.
demo-server: build
	@scripts/ensure-deps.sh postgresql
	BIN=$(BIN) scripts/demo-server.sh

test: deps
	@scripts/ensure-deps.sh chromium postgresql
	$(SWIFT) test

# Coverage-guided fuzzing of every reader (libFuzzer + AddressSanitizer): FUZZ_SECONDS per
# target (default 60); fails on a crash, a leak or a timeout. `make fuzz FUZZ_SECONDS=600`.
fuzz: deps
	scripts/fuzz.sh

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product caseaudit

deps:
	@scripts/ensure-deps.sh

# Benchmarks print figures; they are not part of the test suite.
bench: build
	Benchmarks/validate.sh
	Benchmarks/commit.sh
	Benchmarks/trail.sh
	Benchmarks/agreement.sh

# The demo council in Samples/ (a test checks the committed files match the generator).
samples:
	$(SWIFT) run -q caseaudit generate --out Samples --as-of 2026-11-01

# After editing Checklists/schema/checklist-1.xsd: embed it in the binary again.
schema:
	scripts/embed-schema.sh

# After changing a command's options or help: regenerate docs/cli-reference.md (a test checks it).
cli-reference:
	$(SWIFT) run -q caseaudit cli-reference > docs/cli-reference.md

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build

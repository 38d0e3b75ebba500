# guidepress — see README.md. `make run` builds the bundled example guide to
# EPUB + PDF; `make test` installs the external checkers (when ../shared/tools
# is present) and runs every test, vet and gofmt.
SHELL := /bin/bash
GO ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X github.com/guidepress/guidepress/cmd.Version=$(VERSION) -X github.com/guidepress/guidepress/cmd.Commit=$(COMMIT)
BIN := ./guidepress
EXAMPLE := examples/frankenstein.txt
OUT := out
SHARED ?= ../shared
FUZZTIME ?= 2m

# Test timeouts, per package, explicit (Go's default is 10 minutes). On
# the 2-core machine under a load average of about 20 (other builds), with
# -race, the longest packages took: export/catalog 601 s, export/cover
# 580 s, cmd 453 s, content/importer 280 s (before its cost tests moved out
# of the -race step); in session 4, at load average 35-50 (six engineers
# and a fresh-clone make test at once), export/pdf with its checkers took
# 1,405 s and export/epub 928 s; in session 6, a fresh-clone .ci/run at
# nice +5 beside three engineers' builds (load average 10-37, median 25):
# export/pdf 1,535 s, export/epub 1,211 s, 55 minutes in all. 45 minutes
# leaves a margin over those; quiet, the whole run takes ~16 minutes.
TEST_TIMEOUT ?= 45m
QUICK_TIMEOUT ?= 5m

.PHONY: all build run test unit quick lint tools fuzz fuzz-smoke bench man clean

all: build

# A static binary (CGO_ENABLED=0): nothing in guidepress needs cgo, and a
# process that loads no libc or dynamic loader starts with ~1.4 MB less
# resident memory (measured: seed build 34.8 → 33.4 MB, 70 fewer page
# faults). `make build STATIC=0` for the dynamic one. Only here: the
# tests' -race needs cgo.
STATIC ?= 1

# The heap starts where Go 1.25 and earlier started it, at the start of
# its first 4 MB chunk, not at Go 1.26's random offset into it (a
# hardening for programs that use cgo, which guidepress does not): a
# one-guide build's heap, on 2 MB huge pages (internal/hugeheap), then
# takes 6 of them in most runs, not 7 in half the runs and 6 in the other
# (seed build, 31 alternating runs, load ~7: peak RSS median 24,132 ->
# 22,188 KiB, max 26,368 -> 24,352; faults, time and outputs unchanged).
# Set only where this Go still accepts the opt-out (Go says it will go),
# and only when GOEXPERIMENT is not set already.
GOEXPERIMENT ?= $(shell GOEXPERIMENT=norandomizedheapbase64 $(GO) env GOEXPERIMENT 2>/dev/null)

# The binary is linked to a temporary file and copied into place: the
# linker writes its output through a mapping, which leaves the file's
# pages in the page cache in 4 KB pieces, and every run then maps them a
# few at a time; a copy is written in larger pieces, as an installed or
# downloaded binary is (session 9, seed build, 41 alternating runs under
# chrt -f 50, load 2.4: just linked 40.4 ms median wall, copied 35.6 ms).
build:
	GOEXPERIMENT=$(GOEXPERIMENT) CGO_ENABLED=$(if $(filter 1,$(STATIC)),0,1) $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN).link ./cmd/guidepress
	cp $(BIN).link $(BIN).new && mv -f $(BIN).new $(BIN) && rm -f $(BIN).link

run: build
	$(BIN) inspect $(EXAMPLE)
	$(BIN) build $(EXAMPLE) -o $(OUT)
	@ls -l $(OUT)

# The one test command (README, .ci/run): checkers and modules, lint,
# race-enabled tests, then a short fuzz of every importer. `make quick` is
# the fast suite for while you work.
test: tools lint unit fuzz-smoke

# The cost tests (linear growth, a 10,000-page PDF) skip under -race,
# which slows code unevenly, and the allocation tests skip under it too
# (the detector allocates for itself: 48 KB a section where 1.7 KB is
# ours), as do the memory tests; they run again without it, each named
# in the second line (internal/growth's TestRaceSkippedTestsRunWithoutRace
# fails when one is not: such a test never ran in make test).
unit:
	$(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) ./...
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) -run '^(TestLinearCost|TestClassifyAllocates|TestAppendAllocates|TestTenThousandPages|TestParseAllocations|TestSectionsGrowByDoubling|TestFooterNumberAllocations|TestLinesFromArena|TestHeadingSetAllocations|TestShapePastFullCache|TestPageStartAllocations|TestShortParagraphAllocations|TestFlowSlicesSized|TestMemoryBound|TestLinearMemory|TestStreamedMemory|TestStreamedLetsGuideGo|TestStreamedOwnedLetsSectionsGo|TestFpdfPageCost|TestTreeMemory|TestStructObjectsStream|TestParentTreeAllocation|TestEveryShapeGrowsLinearly|TestLongTextMemory|TestStartsPartMemory|TestPageListLinearCost|TestFpdfCloseAllocations|TestOptimizeAllocations|TestReadNavAllocations|TestIndexPagesAllocations|TestSelfCheckAllocations|TestExponentSeesQuadratic|TestFileSpoolMemory|TestSpilledCopiesTheFile|TestFpdfOutlineAllocations|TestFpdfReservedPagesAllocations|TestUTF16BE|TestAppendResName|TestValidateAllocations|TestNavDocumentAllocations|TestPaginateAllocations|TestPlanAllocations|TestStreamedPartMemory|TestContainerBufferFollowsItsSize|TestHeadingAttributesCostNothingWithout|TestRewriteUnchangedAllocs)$$' ./...

# The fast suite: the tests without the external checkers and readers
# (GUIDEPRESS_CHECKERS=off), without -race, with -short (the few tests that
# build thousands of sections or fifty guides skip). About 2 minutes of
# CPU (user+sys, /usr/bin/time; session 18, build cache warm: 119 s at load
# 7-11, 125 s at load ~20), of which ~29 s build and link the test
# binaries; 3 minutes wall on the 2 cores at load 7-11 (export/pdf the
# longest package, 37 s), ~10 minutes under nice at load ~20.
quick:
	GUIDEPRESS_CHECKERS=off $(GO) test -short -count=1 -timeout $(QUICK_TIMEOUT) ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Installs EPUBCheck, Ace, pandoc, calibre, poppler, qpdf and mupdf through
# ../shared/tools/install-checkers.sh (idempotent: a second run takes ~2 s).
# A clone without ../shared has no checkers to install: the tests that need
# them skip locally and are required only under CI=true. Then downloads
# every module, so that vet and the tests need no network.
tools:
	@if [ -x $(SHARED)/tools/install-checkers.sh ] || [ -f $(SHARED)/tools/install-checkers.sh ]; then \
	  bash $(SHARED)/tools/install-checkers.sh --with-calibre; \
	else echo "tools: $(SHARED)/tools is absent; external checks will be skipped (CI requires them)"; \
	  if [ "$$CI" = true ]; then exit 1; fi; fi
	$(GO) mod download
	@# xmllint validates MARC records against the LoC schema in the tests.
	@command -v xmllint >/dev/null || { apt-get install -y -q --no-install-recommends libxml2-utils >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends libxml2-utils >/dev/null; }; }

# A short fuzz of every target, part of `make test`; `make fuzz` runs longer.
fuzz-smoke:
	@./scripts/fuzz_test.sh
	@FUZZTIME=20s ./scripts/fuzz.sh

fuzz:
	@FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

bench:
	./scripts/bench.sh

man:
	$(GO) run ./scripts/genman man
	@ls man

clean:
	rm -rf $(BIN) $(BIN).link $(BIN).new $(OUT) man

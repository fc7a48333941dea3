# lede: `make run` opens the seed article, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
SEED := seeds/vovworld-dprk-russia.txt
RELEASE_BIN := .build/release/lede
# The Swift runtime and Foundation linked in: lede starts in ~14 ms instead of ~37 ms, which is
# most of its first screen (docs/DECISIONS.md, Build).
RELEASE := -c release --static-swift-stdlib

.PHONY: all build deps run test test-sanitizers bench fuzz install uninstall clean

all: build

build:
	$(SWIFT) build $(RELEASE) --product lede

# Installs what a fresh Debian machine lacks: the ncursesw headers and tmux (for the
# end-to-end tests). As root it runs apt-get; otherwise it prints the command to run.
deps:
	@missing=""; \
	[ -f /usr/include/ncursesw/curses.h ] || [ -f /usr/include/curses.h ] || missing="$$missing libncurses-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make deps: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "make deps: please run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

run: deps build
	$(RELEASE_BIN) $(SEED)

# A 60-second fuzz run comes first so that the test runner's summary is the last thing printed.
test: deps
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=60
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

bench: deps
	$(SWIFT) build $(RELEASE) --product lede
	$(RELEASE_BIN) bench

# Installs the binary and the resource bundle that holds the trained models beside it.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lede
	for b in .build/release/*.resources; do \
	  [ -d "$$b" ] || continue; \
	  rm -rf "$(DESTDIR)$(PREFIX)/bin/$$(basename $$b)"; \
	  cp -R "$$b" "$(DESTDIR)$(PREFIX)/bin/"; \
	done

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/lede $(DESTDIR)$(PREFIX)/bin/lede_*.resources

clean:
	rm -rf .build

# libFuzzer over loading and the whole analysis. FUZZ_SECONDS=600 by default; FUZZ_JOBS workers.
# The corpus is seeded from ../shared (the seed, BBC articles, slices of the book); crash inputs
# land in Tests/ArticleModelTests/Fixtures/fuzz-crashes, where a test replays them.
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 1
FUZZ_MAX_LEN ?= 4096
FUZZ_PARALLEL := $(if $(filter-out 1,$(FUZZ_JOBS)),-jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS),)
FUZZ_CORPUS := .build-fuzz/corpus
# Shorter malloc stack traces and a smaller quarantine: ~15 % more executions per second and a
# third of the memory; a crash input is kept either way and can be replayed for a full trace.
FUZZ_ASAN ?= malloc_context_size=5:quarantine_size_mb=64
fuzz:
	$(SWIFT) build -c release --product LedeFuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	@mkdir -p $(FUZZ_CORPUS) Tests/ArticleModelTests/Fixtures/fuzz-crashes
	@cp seeds/*.txt $(FUZZ_CORPUS)/
	@if [ -d ../shared/data/news/bbc-fulltext ]; then \
	  for f in ../shared/data/news/bbc-fulltext/*/0[0-4]?.txt; do \
	    cp "$$f" "$(FUZZ_CORPUS)/bbc-$$(basename $$(dirname $$f))-$$(basename $$f)"; done; \
	  head -c 4000 ../shared/data/big/war-and-peace.txt > $(FUZZ_CORPUS)/book-head.txt; \
	else echo "make fuzz: ../shared is absent; seeding the corpus with the seed article only"; fi
	@rm -f fuzz-*.log
	ASAN_OPTIONS=$(FUZZ_ASAN) .build-fuzz/release/LedeFuzz $(FUZZ_CORPUS) -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	  $(FUZZ_PARALLEL) -print_final_stats=1 \
	  -artifact_prefix=Tests/ArticleModelTests/Fixtures/fuzz-crashes/
	@if [ "$(FUZZ_JOBS)" != 1 ]; then grep -h "stat::number_of_executed_units" fuzz-*.log | \
	  awk '{ n += $$2 } END { print "make fuzz: " n " executions in all, over $(FUZZ_JOBS) jobs (fuzz-*.log)" }'; fi

# The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders).
# Leak detection is off here because XCTest on Linux leaks its own test-case objects; the fuzzer
# (make fuzz) runs the analysis with leak detection on.
test-sanitizers: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan -Xswiftc -sanitize=address
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --scratch-path .build-asan --disable-swift-testing
	$(SWIFT) build --build-tests --scratch-path .build-tsan -Xswiftc -sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan --disable-swift-testing

# lede: `make run` opens the seed article, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
SEED := seeds/vovworld-dprk-russia.txt
RELEASE_BIN := .build/release/lede
# The Swift runtime and Foundation linked in: lede starts in ~14 ms instead of ~37 ms, which is
# most of its first screen (docs/DECISIONS.md, Build).
RELEASE := -c release --static-swift-stdlib

.PHONY: all build deps run test test-sanitizers bench fuzz fuzz-web docs-gen install uninstall clean

all: build

build:
	$(SWIFT) build $(RELEASE) --product lede

# Installs what a fresh Debian machine lacks: the ncursesw, libxml2, zlib and SQLite headers
# (GRDB uses the system SQLite, with FTS5, for the library index) and tmux (for the end-to-end
# tests). As root it runs apt-get; otherwise it prints the command to run.
deps:
	@missing=""; \
	[ -f /usr/include/ncursesw/curses.h ] || [ -f /usr/include/curses.h ] || missing="$$missing libncurses-dev"; \
	[ -f /usr/include/libxml2/libxml/HTMLparser.h ] || missing="$$missing libxml2-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
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

# The man page and the shell completions, generated from the command definitions
# (swift-argument-parser's generate-manual tool and --generate-completion-script) into .build/share.
SHARE := .build/share
docs-gen: build
	$(SWIFT) build --product generate-manual
	mkdir -p $(SHARE)/man/man1 $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions \
	  $(SHARE)/fish/vendor_completions.d
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(RELEASE_BIN) \
	  --output-directory $(SHARE)/man/man1 --authors "the lede developers"
	$(RELEASE_BIN) --generate-completion-script bash > $(SHARE)/bash-completion/completions/lede
	$(RELEASE_BIN) --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_lede
	$(RELEASE_BIN) --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/lede.fish

# Installs the binary, the resource bundle that holds the trained models beside it, the man
# page and the completions for bash, zsh and fish.
install: build docs-gen
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share
	cp -R $(SHARE)/. $(DESTDIR)$(PREFIX)/share/
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lede
	for b in .build/release/*.resources; do \
	  [ -d "$$b" ] || continue; \
	  rm -rf "$(DESTDIR)$(PREFIX)/bin/$$(basename $$b)"; \
	  cp -R "$$b" "$(DESTDIR)$(PREFIX)/bin/"; \
	done

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/lede $(DESTDIR)$(PREFIX)/bin/lede_*.resources \
	  $(DESTDIR)$(PREFIX)/share/man/man1/lede.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lede \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_lede $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/lede.fish

clean:
	rm -rf .build

# libFuzzer over loading and the whole analysis. FUZZ_SECONDS=600 by default; FUZZ_JOBS workers.
# The corpus is seeded from seeds/ (the seed article; made-up pages, feeds and wire copy in
# seeds/fuzz) and ../shared (BBC articles, slices of the book, heads of the web pages); crash inputs
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
	@cp seeds/*.txt seeds/fuzz/* $(FUZZ_CORPUS)/
	@if [ -d ../shared/data/news/bbc-fulltext ]; then \
	  for f in ../shared/data/news/bbc-fulltext/*/0[0-4]?.txt; do \
	    cp "$$f" "$(FUZZ_CORPUS)/bbc-$$(basename $$(dirname $$f))-$$(basename $$f)"; done; \
	  head -c 4000 ../shared/data/big/war-and-peace.txt > $(FUZZ_CORPUS)/book-head.txt; \
	  for f in ../shared/data/html/article-extraction/html/[0-3]*.html.gz; do \
	    gzip -dc "$$f" | head -c 4000 > "$(FUZZ_CORPUS)/page-$$(basename $$f .html.gz | cut -c1-12).html"; done; \
	else echo "make fuzz: ../shared is absent; seeding the corpus with the seed article only"; fi
	@rm -f fuzz-*.log
	ASAN_OPTIONS=$(FUZZ_ASAN) .build-fuzz/release/LedeFuzz $(FUZZ_CORPUS) -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	  $(FUZZ_PARALLEL) -print_final_stats=1 \
	  -artifact_prefix=Tests/ArticleModelTests/Fixtures/fuzz-crashes/
	@if [ "$(FUZZ_JOBS)" != 1 ]; then grep -h "stat::number_of_executed_units" fuzz-*.log | \
	  awk '{ n += $$2 } END { print "make fuzz: " n " executions in all, over $(FUZZ_JOBS) jobs (fuzz-*.log)" }'; fi

# The web side alone (LEDE_FUZZ=web: format, charset, libxml2 and the extractor, metadata, feeds,
# and the documents built from them, without the analysis of their text, which `make fuzz`
# covers), built with the fuzzer's coverage but without AddressSanitizer (its allocator cost
# two thirds of the time: ~880 executions per CPU second with it, ~2,300 without; Swift's own
# bounds, overflow and unwrap checks still stop the program, and `make fuzz` runs the same web
# paths under ASan). Inputs up to FUZZ_WEB_MAX_LEN bytes. Its own corpus, seeded from the
# made-up pages and feeds in seeds/fuzz and the heads of the shared web pages. FUZZ_WEB_LOG, when
# set, sends libFuzzer's output to that file (for a long run in the background); FUZZ_WEB_RUNS
# stops it after that many executions (-1: no limit). See docs/FUZZING.md.
FUZZ_WEB_SECONDS ?= 600
FUZZ_WEB_RUNS ?= -1
FUZZ_WEB_MAX_LEN ?= 2048
FUZZ_WEB_CORPUS := .build-fuzz-web/corpus
FUZZ_WEB_LOG ?=
fuzz-web:
	$(SWIFT) build -c release --product LedeFuzz --scratch-path .build-fuzz-web \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	@mkdir -p $(FUZZ_WEB_CORPUS) Tests/ArticleModelTests/Fixtures/fuzz-crashes
	@cp seeds/fuzz/* $(FUZZ_WEB_CORPUS)/
	@if [ -d ../shared/data/html/article-extraction/html ]; then \
	  for f in ../shared/data/html/article-extraction/html/*.html.gz; do \
	    gzip -dc "$$f" | head -c $(FUZZ_WEB_MAX_LEN) > "$(FUZZ_WEB_CORPUS)/page-$$(basename $$f .html.gz | cut -c1-12).html"; done; \
	else echo "make fuzz-web: ../shared is absent; seeding the corpus with seeds/fuzz only"; fi
	LEDE_FUZZ=web .build-fuzz-web/release/LedeFuzz $(FUZZ_WEB_CORPUS) \
	  -max_total_time=$(FUZZ_WEB_SECONDS) -runs=$(FUZZ_WEB_RUNS) -max_len=$(FUZZ_WEB_MAX_LEN) -print_final_stats=1 \
	  -artifact_prefix=Tests/ArticleModelTests/Fixtures/fuzz-crashes/ $(if $(FUZZ_WEB_LOG),> $(FUZZ_WEB_LOG) 2>&1)

# The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders).
# Leak detection is off here because XCTest on Linux leaks its own test-case objects; the fuzzer
# (make fuzz) runs the analysis with leak detection on.
test-sanitizers: deps
	$(SWIFT) build --build-tests --scratch-path .build-asan -Xswiftc -sanitize=address
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --scratch-path .build-asan --disable-swift-testing
	$(SWIFT) build --build-tests --scratch-path .build-tsan -Xswiftc -sanitize=thread
	$(SWIFT) test --skip-build --scratch-path .build-tsan --disable-swift-testing

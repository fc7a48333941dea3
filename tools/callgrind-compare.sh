#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) of the entity tagger and of the whole analysis
# of War and Peace, for two lede release binaries: load-independent, unlike wall-clock on a
# shared machine (BENCHMARKS.md, "Instruction counts"). Needs valgrind and ../shared.
#   tools/callgrind-compare.sh OLD/.build/release/lede NEW/.build/release/lede [SHARED_DIR]
# Valgrind 3.19 cannot read the DWARF of these binaries, so each is measured through a copy
# without debug info (objcopy --strip-debug; the code is the same), placed beside the original
# so that it finds its resource bundle.
set -euo pipefail
# Swift seeds its Hasher per process; without this, Dictionary and Set probes (and so the
# counts) vary by a few tenths of a percent from run to run.
export SWIFT_DETERMINISTIC_HASHING=1
[ $# -ge 2 ] || { echo "usage: $0 OLD_LEDE NEW_LEDE [SHARED_DIR]" >&2; exit 64; }
shared=${3:-../shared}
testa=$shared/data/conll2003/eng.testa
book=$shared/data/big/war-and-peace.txt
for f in "$testa" "$book"; do [ -r "$f" ] || { echo "$0: $f: missing" >&2; exit 1; }; done
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for which in old new; do
  bin=$([ $which = old ] && echo "$1" || echo "$2")
  copy="$bin-callgrind"
  objcopy --strip-debug "$bin" "$copy"
  valgrind --tool=callgrind --toggle-collect='*NERModelC3tagySaySiGAA8NERInputVF' \
    --callgrind-out-file="$out/$which-testa" "$copy" eval-ner "$testa" >"$out/$which-testa.txt" 2>"$out/$which-testa.err"
  valgrind --tool=callgrind --callgrind-out-file="$out/$which-book" \
    "$copy" dump --format json -o "$out/$which-book.json" "$book" >/dev/null 2>"$out/$which-book.err"
  rm -f "$copy"
  tag=$(grep -o 'Collected : [0-9]*' "$out/$which-testa.err" | grep -o '[0-9]*$')
  all=$(grep -o 'refs: *[0-9,]*' "$out/$which-book.err" | tr -d ', ' | grep -o '[0-9]*$')
  f1=$(grep -o 'FB1: *[0-9.]*' "$out/$which-testa.txt" | head -1 | grep -o '[0-9.]*$')
  tokens=$(grep -o 'tagged [0-9]* tokens' "$out/$which-testa.err" | grep -o '[0-9]*')
  printf '%s: eng.testa tagging %s instructions (%s tokens, F1 %s); War and Peace lede dump %s instructions\n' \
    "$which" "$tag" "$tokens" "$f1" "$all"
done

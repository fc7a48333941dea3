#!/usr/bin/env python3
"""Counts the temporal tagger's remaining TempEval-3 errors by cause, from a hand-made census.

Usage:
  lede eval-timex ../shared/data/tempeval3/TBAQ-cleaned/TimeBank --errors > tb.txt
  lede eval-timex ../shared/data/tempeval3/TBAQ-cleaned/AQUAINT --errors > aq.txt
  tools/timex-census.py TimeBank=tb.txt AQUAINT=aq.txt [--ours]

--ours also lists the remaining lines where the tagger is wrong, with the rule that would fix
each (the notes group them: R1... for values, S1... for missed and false expressions).

The census (docs/timex-census.tsv, docs/timex-span-census.tsv) gives each error line a cause,
read by hand against docs of the scoring conventions (../shared/docs/TIMEX3.md) and the gold's
own context: SPEC (the gold breaks the stated conventions), DCT (the gold was resolved against
another date than the document's), SELF (the conventions are silent and the corpora disagree
with themselves), TYPO (a slip in the gold), OMIT (a time expression the gold left untagged),
OURS (the tagger is wrong), AMBIG (both readings hold). Lines are matched by corpus, document,
text and gold (value errors) or kind, text and value (span errors); a line the census does not
know is printed as UNCLASSIFIED, so a change that makes new errors shows here.

It also prints the value F1 the tagger would reach if every OURS line were fixed (and every
expression it then finds valued right): the most that fixing the tagger's own errors can give,
the gold staying as it is.
"""
import collections
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "..", "docs")


def load(path, key):
    table = collections.defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            table[key(row)].append(row)
    return table


VALUE = re.compile(r'^(\S+) \[[^\]]*\] VALUE "(.*)" gold (\S+) (\S+) system (\S+) (\S+)  \|')
SPAN = re.compile(r'^(\S+) \[[^\]]*\] (MISS|FALSE) +"(.*)" (\S+) (\S+)  \|')
SUMMARY = {
    "files": re.compile(r"^files (\d+)\s+gold (\d+)\s+system (\d+)"),
    "relaxed": re.compile(r"^relaxed\s+P\s+([\d.]+)\s+R\s+([\d.]+)\s+F1\s+([\d.]+)"),
    "value": re.compile(r"^value\s+accuracy\s+([\d.]+)\s+F1\s+([\d.]+)"),
}


def main(args, show_ours=False):
    values = load(
        os.path.join(DOCS, "timex-census.tsv"),
        lambda r: (r["corpus"], r["docid"], r["text"], r["gold_value"]))
    spans = load(
        os.path.join(DOCS, "timex-span-census.tsv"),
        lambda r: (r["corpus"], r["docid"], r["kind"], r["text"], r["value"]))
    for arg in args:
        corpus, path = arg.split("=", 1)
        counts = collections.Counter()
        unknown = []
        ours = []
        used = collections.Counter()
        summary = {}
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            for name, rx in SUMMARY.items():
                m = rx.match(line)
                if m:
                    summary[name] = [float(x) for x in m.groups()]
            m = VALUE.match(line)
            if m:
                doc, text, _, gold, _, system = m.groups()
                if gold == system:
                    continue  # a type error only
                key = (corpus, doc, text, gold)
                kind = "value"
                table = values
            else:
                m = SPAN.match(line)
                if not m:
                    continue
                doc, what, text, _, value = m.groups()
                key = (corpus, doc, what, text, value)
                kind = what.lower()
                table = spans
            rows = table.get(key, [])
            if used[key] < len(rows):
                row = rows[used[key]]
                counts[(kind, row["category"])] += 1
                used[key] += 1
                if row["category"] == "OURS":
                    ours.append(f"{kind:5} {doc} \"{text}\": {row['note']}")
            else:
                counts[(kind, "UNCLASSIFIED")] += 1
                unknown.append(line[:160])
        print(f"== {corpus}")
        for kind in ("value", "miss", "false"):
            row = {c: n for (k, c), n in counts.items() if k == kind}
            total = sum(row.values())
            parts = ", ".join(f"{c} {n}" for c, n in sorted(row.items(), key=lambda x: -x[1]))
            print(f"  {kind:6} {total:4}: {parts}")
        if {"files", "relaxed", "value"} <= summary.keys():
            _, gold, system = summary["files"]
            p, r, f1 = summary["relaxed"]
            accuracy, value_f1 = summary["value"]
            matched_system = round(p * system / 100)
            matched_gold = round(r * gold / 100)
            correct = round(accuracy * matched_system / 100)
            fix_value = counts[("value", "OURS")]
            fix_miss = counts[("miss", "OURS")]
            fix_false = counts[("false", "OURS")]
            s2 = system - fix_false + fix_miss
            p2 = 100 * (matched_system + fix_miss) / s2
            r2 = 100 * (matched_gold + fix_miss) / gold
            f2 = 2 * p2 * r2 / (p2 + r2)
            acc2 = 100 * (correct + fix_value + fix_miss) / (matched_system + fix_miss)
            print(f"  value F1 now {value_f1:.2f}; with every OURS line fixed "
                  f"{acc2 * f2 / 100:.2f} (relaxed F1 {f1:.2f} -> {f2:.2f}, "
                  f"value accuracy {accuracy:.2f} -> {acc2:.2f})")
            # the same spans, scored against a gold whose values follow the conventions
            # (SPEC), the document's date (DCT) and have no slips (TYPO)
            gold_side = sum(counts[("value", c)] for c in ("SPEC", "DCT", "TYPO"))
            acc3 = 100 * (correct + gold_side) / matched_system
            print(f"  value F1 with the SPEC, DCT and TYPO value lines counted right: "
                  f"{acc3 * f1 / 100:.2f} (value accuracy {acc3:.2f})")
        for line in unknown:
            print("  UNCLASSIFIED", line)
        if show_ours:
            for line in sorted(ours, key=lambda x: x.split(": ", 1)[-1]):
                print("  OURS", line[:200])


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    main([a for a in sys.argv[1:] if not a.startswith("--")], show_ours="--ours" in flags)

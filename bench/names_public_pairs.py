#!/usr/bin/env python3
"""`parley names` on public labelled person pairs from sanctions lists.

The pairs are the OpenSanctions Pairs benchmark (arXiv 2603.11051): records of sanctions and
watch lists that OpenSanctions analysts judged to be one person or not. Its sample file
(`data/samples/sample_1000.json` in github.com/chansmi/OSINT_entity_resolution, licensed
CC BY-NC 4.0) is not redistributed here; pass its path. Each pair is scored on the two
records' captions (the name a list shows first), as a screening analyst would compare two
names with nothing else; a pair counts as a match where `parley names` says `match`.

    python3 bench/names_public_pairs.py --parley build/release/bin/parley --pairs sample_1000.json
    python3 bench/names_public_pairs.py --parley ... --tsv pairs.tsv   # the same fields, tab-separated:
                                    # offset, left schema, left caption, right schema, right caption, judgement

Prints precision, recall and F1 over all Person/Person pairs, over those written in Latin
letters on both sides, and over those in Latin on one side and Cyrillic on the other; per pair output stays in a temporary folder.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

CYRILLIC = re.compile("[\u0400-\u04FF]")
LATIN = re.compile("[A-Za-z]")


def read_pairs(args):
    """(left caption, right caption, is same person) for every Person/Person pair."""
    if args.pairs:
        try:
            with open(args.pairs, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit(f"{args.pairs}: cannot read the benchmark's pairs ({e}); pass its sample JSON")
        if not isinstance(data, list):
            sys.exit(f"{args.pairs}: expected a JSON array of pairs, as in sample_1000.json")
        for n, item in enumerate(data):
            if not isinstance(item, dict) or not isinstance(item.get("left"), dict) \
                    or not isinstance(item.get("right"), dict):
                sys.exit(f"{args.pairs}: pair {n} has no left and right records")
            left, right = item["left"], item["right"]
            if left.get("schema") == "Person" and right.get("schema") == "Person":
                yield left.get("caption", ""), right.get("caption", ""), item.get("judgement") == "positive"
    else:
        with open(args.tsv, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) == 6 and cols[1] == "Person" and cols[3] == "Person":
                    yield cols[2], cols[4], cols[5] == "positive"


def latin_cyrillic(a, b):
    def only_latin(s):
        return LATIN.search(s) and not CYRILLIC.search(s)
    return (CYRILLIC.search(a) and only_latin(b)) or (CYRILLIC.search(b) and only_latin(a))


def read_json(path, what, expected):
    """A public data file passed by path: its JSON and its sha256 (printed so that a figure names
    the exact file). Exits naming the file, `what` it should hold and the `expected` file."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"{path}: cannot read {what} ({e}); pass {expected}")
    return data, hashlib.sha256(raw).hexdigest()


def pair_scores(judged):
    """(pairs, same person, precision, recall, F1) of (same person, matched) judgements."""
    judged = list(judged)
    tp = sum(1 for same, match in judged if same and match)
    fp = sum(1 for same, match in judged if not same and match)
    fn = sum(1 for same, match in judged if same and not match)
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * p * r / (p + r) if tp else 0.0
    return len(judged), tp + fn, p, r, f1


def run_parley_names(parley, name_pairs):
    """`parley names` on (name1, name2) pairs: its output rows, in order; files stay in a
    temporary folder."""
    with tempfile.TemporaryDirectory() as work:
        names_in, names_out = os.path.join(work, "in.csv"), os.path.join(work, "out.csv")
        with open(names_in, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["name1", "name2"])
            w.writerows(name_pairs)
        subprocess.run([parley, "names", names_in, "--out", names_out], check=True)
        with open(names_out, encoding="utf-8") as f:
            return list(csv.DictReader(f))


def scores(rows):
    return pair_scores((same, match) for _, _, same, match in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parley", default="parley")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--pairs", help="the benchmark's sample JSON")
    src.add_argument("--tsv", help="the same pairs, tab-separated")
    args = ap.parse_args()
    pairs = list(read_pairs(args))
    if not pairs:
        sys.exit(f"{args.pairs or args.tsv}: no Person/Person pairs in it")
    matched = [row["match"] == "true" for row in run_parley_names(args.parley, ((a, b) for a, b, _ in pairs))]
    if len(matched) != len(pairs):
        sys.exit(f"parley names wrote {len(matched)} rows for {len(pairs)} pairs")
    rows = [(a, b, same, m) for (a, b, same), m in zip(pairs, matched)]
    print("| pairs | n | same person | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    def only_latin(s):
        return all(ord(c) < 0x250 or not c.isalpha() for c in s)
    for label, sel in (("all Person/Person", rows),
                       ("Latin / Latin", [r for r in rows if only_latin(r[0]) and only_latin(r[1])]),
                       ("Latin / Cyrillic", [r for r in rows if latin_cyrillic(r[0], r[1])])):
        n, positives, p, r, f1 = scores(sel)
        print(f"| {label} | {n} | {positives} | {p:.3f} | {r:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`parley names` on manually checked groups of name variants from news about the Russian-Ukrainian war.

Source: `checked_personal_name_groups.json` in github.com/anastasiia-mozg/RUWA-PersonlNameDict
(commit cec9e88bdf29debfdeeb2a0d0864ddf34e393f9f, 30,312 characters). It has 539 groups of name
variants, each group one person as named in English-language news (2022) of the RUWA dataset
(github.com/ninakhairova/dataset_RUWA), grouped by edit distance and then checked by hand;
described in CEUR-WS Vol-3976, paper 4. Licence: the repository states none (no LICENSE file,
no licence in its README); the RUWA dataset it was drawn from is CC BY-NC-SA 4.0. The file is
therefore not redistributed here; pass its path:

    python3 bench/names_news_groups.py --parley build/release/bin/parley --groups checked_personal_name_groups.json
    python3 bench/names_news_groups.py ... --show-failures 20   # missed and wrong pairs of half A only

Structure: {"most_frq_variant": {"<id>": name}, "variants": {"<id>": [name, ...]}}, all lower case.

Pairs (the rule was fixed before the first run):
  * A variant is stripped of surrounding whitespace and compared lower-cased; within a group an
    exact duplicate (after lower-casing) is kept once.
  * Extraction debris is dropped from positives and negatives alike: a variant with fewer than
    two whitespace-separated words, or with a word that is not made only of letters (Unicode
    str.isalpha) and apostrophes (' ’ `), hyphens and periods. Run-together debris made of
    letters (say "videoname surname") is not caught by this rule and stays labelled as given.
  * Positives: every unordered pair of distinct kept variants within one group.
  * Hard negatives: at most one pair per pair of different groups, made of the two groups'
    representatives: the group's most frequent variant if it is one of its kept variants, else
    its first kept variant. The pair is kept if the two share one word exactly, or if their last
    words differ by at most 2 edits (Levenshtein) and their first words begin with the same
    letter. A pair whose two names are the same string (a duplicated group) is skipped.
  * Halves: groups with an even id form half "A", odd ids half "B". A positive belongs to its
    group's half; a negative belongs to a half only if both of its groups are in it, else it
    counts in the total only.

Prints (a markdown table, no names) pairs, positives, precision, recall and F1 at the tool's
default threshold, overall and per half, and recall on positives whose first words differ
(another romanisation or form of the given name, or a word-order swap) and whose first words are
the same. `--show-failures N` prints up to N missed positives and N wrongly matched negatives of
half "A" only; half "B" is held out and its pairs are never printed.
"""
import argparse
import sys
from itertools import combinations

from names_public_pairs import pair_scores, read_json, run_parley_names

APOSTROPHES = "'\u2019`"


def is_debris(name):
    words = name.split()
    if len(words) < 2:
        return True
    return not all(all(c.isalpha() or c in APOSTROPHES or c in "-." for c in w) for w in words)


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def hard_negative(a, b):
    wa, wb = a.split(), b.split()
    if set(wa) & set(wb):
        return True
    return levenshtein(wa[-1], wb[-1]) <= 2 and wa[0][0] == wb[0][0]


def read_groups(path):
    data, digest = read_json(path, "the name groups", "checked_personal_name_groups.json")
    if not isinstance(data, dict) or not isinstance(data.get("variants"), dict) \
            or not isinstance(data.get("most_frq_variant"), dict):
        sys.exit(f"{path}: expected an object with 'variants' and 'most_frq_variant'")
    return data, digest


def build_pairs(data):
    """(half, name1, name2, same person, first words differ) for every pair, and counts."""
    stats = dict(groups=0, variants=0, debris=0, duplicates=0, empty_groups=0, identical_negatives=0)
    kept = {}
    for gid, names in data["variants"].items():
        stats["groups"] += 1
        seen, out = set(), []
        for name in names:
            stats["variants"] += 1
            name = name.strip()
            if is_debris(name):
                stats["debris"] += 1
                continue
            key = name.lower()
            if key in seen:
                stats["duplicates"] += 1
                continue
            seen.add(key)
            out.append(name)
        if out:
            kept[int(gid)] = out
        else:
            stats["empty_groups"] += 1
    half = {gid: "A" if gid % 2 == 0 else "B" for gid in kept}
    pairs = []
    for gid in sorted(kept):
        for a, b in combinations(kept[gid], 2):
            pairs.append((half[gid], a, b, True, a.lower().split()[0] != b.lower().split()[0]))
    rep = {}
    for gid, names in kept.items():
        mfv = str(data["most_frq_variant"].get(str(gid), "")).strip().lower()
        rep[gid] = next((n for n in names if n.lower() == mfv), names[0])
    for g1, g2 in combinations(sorted(kept), 2):
        a, b = rep[g1], rep[g2]
        if not hard_negative(a.lower(), b.lower()):
            continue
        if a.lower() == b.lower():
            stats["identical_negatives"] += 1
            continue
        h = half[g1] if half[g1] == half[g2] else "AB"
        pairs.append((h, a, b, False, a.lower().split()[0] != b.lower().split()[0]))
    stats["kept_groups"] = len(kept)
    stats["kept_variants"] = sum(len(v) for v in kept.values())
    stats["groups_A"] = sum(1 for g in kept if half[g] == "A")
    stats["groups_B"] = sum(1 for g in kept if half[g] == "B")
    return pairs, stats


def scores(rows):
    return pair_scores((r[3], r[5]) for r in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parley", default="parley")
    ap.add_argument("--groups", required=True, help="checked_personal_name_groups.json")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="print up to N missed and N wrongly matched pairs of half A (never of half B)")
    args = ap.parse_args()
    data, digest = read_groups(args.groups)
    pairs, st = build_pairs(data)
    if not pairs:
        sys.exit(f"{args.groups}: no pairs")
    out = [(row["match"] == "true", row.get("score", ""))
           for row in run_parley_names(args.parley, ((p[1], p[2]) for p in pairs))]
    if len(out) != len(pairs):
        sys.exit(f"parley names wrote {len(out)} rows for {len(pairs)} pairs")
    rows = [p + (m, s) for p, (m, s) in zip(pairs, out)]

    negs = [r for r in rows if not r[3]]
    print(f"input sha256 {digest}")
    print(f"groups {st['groups']} (kept {st['kept_groups']}: A {st['groups_A']}, B {st['groups_B']}; "
          f"emptied by the debris rule {st['empty_groups']}); variants {st['variants']}, kept {st['kept_variants']}, "
          f"dropped as debris {st['debris']}, duplicates {st['duplicates']}")
    print(f"positives {sum(1 for r in rows if r[3])}; hard negatives {len(negs)} "
          f"(A {sum(1 for r in negs if r[0] == 'A')}, B {sum(1 for r in negs if r[0] == 'B')}, "
          f"across halves {sum(1 for r in negs if r[0] == 'AB')}); "
          f"negatives skipped as identical names {st['identical_negatives']}")
    print()
    print("| pairs | n | same person | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, sel in (("all", rows),
                       ("half A", [r for r in rows if r[0] == "A"]),
                       ("half B", [r for r in rows if r[0] == "B"])):
        n, positives, p, r, f1 = scores(sel)
        print(f"| {label} | {n} | {positives} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    for label, sel in (("first words differ", lambda r: r[4]), ("same first word", lambda r: not r[4])):
        for h, hsel in (("all", lambda r: True), ("A", lambda r: r[0] == "A"), ("B", lambda r: r[0] == "B")):
            pos = [r for r in rows if r[3] and sel(r) and hsel(r)]
            _, positives, _, rec, _ = scores(pos)
            print(f"| positives, {label}, {h} | {positives} | {positives} | – | {rec:.3f} | – |")

    if args.show_failures > 0:
        a_rows = [r for r in rows if r[0] == "A"]
        missed = [r for r in a_rows if r[3] and not r[5]][:args.show_failures]
        wrong = [r for r in a_rows if not r[3] and r[5]][:args.show_failures]
        print("\nhalf A, missed (same person, no match):")
        for r in missed:
            print(f"  {r[1]!r} / {r[2]!r}  score {r[6]}")
        print("half A, wrong (different people, match):")
        for r in wrong:
            print(f"  {r[1]!r} / {r[2]!r}  score {r[6]}")


if __name__ == "__main__":
    main()

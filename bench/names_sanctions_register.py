#!/usr/bin/env python3
"""`parley names` on Ukraine's state sanctions register of persons: the official Ukrainian, Latin
(and sometimes Russian) forms of one person's name, and near namesakes who are different people.

Source: `data/sanctions/sanctioned_persons.json` in github.com/dariapavlova02/multilingual-sanctions-search
(commit dd1d7f5e46d3e1366c13a1e9a19a1c75676c5aa3, 3,356,249 characters), a public copy of the register:
Ukrainian officials write each name in Ukrainian with its patronymic, and its official Latin form.
Licence: unknown, so the file is not redistributed here; pass its path (the whole file, or a JSON
array of some of its records):

    python3 bench/names_sanctions_register.py --parley build/release/bin/parley --register sanctioned_persons.json
    python3 bench/names_sanctions_register.py ... --show-failures 20   # missed and wrong pairs of half A only

Structure: a JSON array of records {"id", "person_id", "name", "name_ru", "name_en", "birthdate"
(null, "YYYY" or "YYYY-MM-DD"), "itn", "itn_import", "status"}.

Pairs (the rules were fixed before the first run against parley):
  * Name forms: a name is stripped and its whitespace collapsed. A parenthesised alternative
    ("Дубовик Євген (Євгеній) Георгійович") gives two forms, without it and with it in place of the
    word before it; the record's Latin name is expanded the same way.
  * Persons: records with the same non-null itn or itn_import, or an identical name and an identical
    non-null birthdate, are one person (union-find). A person's forms are the distinct Ukrainian
    (name), Russian (name_ru) and Latin (name_en) forms of its records; its primary form is the first
    form of its record with the smallest person_id.
  * Positives, per person, skipping pairs of identical strings: every Ukrainian form against every
    Latin form ("uk-lat"); every Russian form against every Ukrainian and every Latin form ("ru-uk",
    "ru-lat"); every two different Ukrainian forms ("uk-uk variant").
  * Hard negatives: persons P and Q that differ on evidence (both have birthdates and none of P's
    agrees with one of Q's, comparing years only when either is a year alone; or both have itns,
    which then differ since a shared itn makes one person), and with no Ukrainian form in common (a
    name listed twice without dates may be one person). Their primary Ukrainian forms are near: the
    same surname (first word), or the same rest (given name and patronymic) and surnames within 2
    edits (Levenshtein). Candidates are taken nearest first (Levenshtein of the whole primary forms,
    then the smaller person_ids), each person in at most 3 taken pairs so that frequent surnames do
    not dominate. A taken pair is scored in mixed scripts as in real use: the primary Ukrainian form
    of P (the person with the smaller person_id) against Q's primary Latin form ("uk-lat") and
    against Q's primary Ukrainian form ("uk-uk").
  * Each unordered pair of strings is scored once. A negative whose strings also form a positive (two
    Ukrainian spellings with one Latin form, say Ігорьович and Ігорович) is dropped.
  * Halves: a person is in half "A" or "B" by the parity of the first byte of the sha256 of its
    smallest person_id (decimal). A pair is in a half only if every person it came from is in that
    half; else it counts in the total only.

Prints (markdown tables, no names) pairs, positives, precision, recall and F1 at the tool's default
threshold (a pair counts as matched where `parley names` says `match`): overall, per half and per
kind (uk-lat, uk-uk, ru-*). Then the same for the pairs with a Latin side, the Latin name written given
name first ("Roman Valeriiovych Kovrykov" for "Kovrykov Roman Valeriiovych") as a mediator's list may
write it: a reordering of the register's own names, not new spellings. `--show-failures N` prints up to
N missed positives and N wrongly matched negatives of half "A" only, of both tables; half "B" is held
out and its pairs are never printed.
"""
import argparse
import hashlib
import re
import sys
from collections import defaultdict
from itertools import combinations

from names_news_groups import levenshtein
from names_public_pairs import pair_scores, read_json, run_parley_names

PAREN = re.compile(r"(\S+)\s*\(([^()]*)\)")
CAP = 3  # taken negative pairs per person


def forms(name):
    """The distinct forms of a name: whitespace collapsed, a parenthesised alternative expanded."""
    if not isinstance(name, str) or not name.strip():
        return []
    name = " ".join(name.split())
    m = PAREN.search(name)
    if not m:
        return [name]
    alt = m.group(2).strip() or m.group(1)
    both = (name[:m.start()] + m.group(1) + name[m.end():], name[:m.start()] + alt + name[m.end():])
    return list(dict.fromkeys(f for x in both for f in forms(x)))


def half(pid):
    return "A" if hashlib.sha256(str(pid).encode()).digest()[0] % 2 == 0 else "B"


def read_register(path):
    data, digest = read_json(path, "the register", "sanctioned_persons.json")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        sys.exit(f"{path}: expected a JSON array of person records")
    return [r for r in data if forms(r.get("name"))], len(data), digest


def build_persons(recs):
    """Union records that are one person; a person is a dict of its ids, forms and evidence."""
    parent = list(range(len(recs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    first = {}
    for i, r in enumerate(recs):
        keys = {("id", r.get(k)) for k in ("itn", "itn_import") if r.get(k)}
        if r.get("birthdate"):
            keys.add(("name+birth", forms(r["name"])[0], r["birthdate"]))
        for key in keys:
            parent[find(i)] = find(first.setdefault(key, i))
    groups = defaultdict(list)
    for i, r in enumerate(recs):
        groups[find(i)].append(r)
    persons = []
    for rs in groups.values():
        rs.sort(key=lambda r: (r.get("person_id", r.get("id")), r.get("id")))
        p = dict(pid=rs[0].get("person_id", rs[0].get("id")), records=len(rs),
                 uk=list(dict.fromkeys(f for r in rs for f in forms(r.get("name")))),
                 lat=list(dict.fromkeys(f for r in rs for f in forms(r.get("name_en")))),
                 ru=list(dict.fromkeys(f for r in rs for f in forms(r.get("name_ru")))),
                 dates={r["birthdate"].strip() for r in rs if r.get("birthdate")},
                 itns={r["itn"] for r in rs if r.get("itn")},
                 lat0=(forms(rs[0].get("name_en")) or [None])[0], paren=any("(" in (r.get("name") or "") for r in rs))
        p["uk0"], p["half"] = forms(rs[0]["name"])[0], half(p["pid"])
        persons.append(p)
    return sorted(persons, key=lambda p: p["pid"])


def differ(p, q):
    """Evidence that p and q are different people."""
    def agree(a, b):
        return a == b or ((len(a) == 4 or len(b) == 4) and a[:4] == b[:4])
    if p["dates"] and q["dates"] and not any(agree(a, b) for a in p["dates"] for b in q["dates"]):
        return True
    return bool(p["itns"] and q["itns"])


def negative_pairs(persons):
    """Near namesakes (indices into persons, smaller person_id first), nearest first, capped per person."""
    by_surname, by_rest = defaultdict(list), defaultdict(list)
    for k, p in enumerate(persons):
        words = p["uk0"].split()
        by_surname[words[0]].append(k)
        if len(words) > 1:
            by_rest[" ".join(words[1:])].append(k)
    cand = {ab for b in by_surname.values() for ab in combinations(b, 2)}
    cand |= {(a, b) for bucket in by_rest.values() for a, b in combinations(bucket, 2)
             if levenshtein(persons[a]["uk0"].split()[0], persons[b]["uk0"].split()[0]) <= 2}
    cand = [(levenshtein(persons[a]["uk0"], persons[b]["uk0"]), persons[a]["pid"], persons[b]["pid"], a, b)
            for a, b in cand if differ(persons[a], persons[b]) and not set(persons[a]["uk"]) & set(persons[b]["uk"])]
    taken, count = [], defaultdict(int)
    for *_, a, b in sorted(cand):
        if count[a] < CAP and count[b] < CAP:
            count[a] += 1
            count[b] += 1
            taken.append((a, b))
    return taken


def build_pairs(persons):
    """{unordered string pair: [kind, name1, name2, same person, halves]} and the number of dropped negatives."""
    pairs, dropped = {}, 0

    def add(kind, a, b, same, halves):
        nonlocal dropped
        if a == b:
            return
        key = tuple(sorted((a, b)))
        if key in pairs:
            if pairs[key][3] != same:
                dropped += 1
            else:
                pairs[key][4] |= halves
        else:
            pairs[key] = [kind, a, b, same, set(halves)]
    for p in persons:
        h = {p["half"]}
        for u in p["uk"]:
            for lat in p["lat"]:
                add("uk-lat", u, lat, True, h)
        for r in p["ru"]:
            for u in p["uk"]:
                add("ru-uk", r, u, True, h)
            for lat in p["lat"]:
                add("ru-lat", r, lat, True, h)
        for u, v in combinations(p["uk"], 2):
            add("uk-uk variant", u, v, True, h)
    for a, b in negative_pairs(persons):
        p, q = persons[a], persons[b]
        if q["lat0"]:
            add("uk-lat", p["uk0"], q["lat0"], False, {p["half"], q["half"]})
        add("uk-uk", p["uk0"], q["uk0"], False, {p["half"], q["half"]})
    return [(k, a, b, same, "".join(sorted(h)) if len(h) == 1 else "AB")
            for k, a, b, same, h in pairs.values()], dropped


def table(rows, groups):
    print("| pairs | n | same person | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, sel in groups:
        if not any(sel(x) for x in rows):
            continue  # a kind the register does not have (say, no Russian forms in a sample)
        n, positives, p, r, f1 = pair_scores((x[3], x[5]) for x in rows if sel(x))
        print(f"| {label} | {n} | {positives} | {p:.3f} | {r:.3f} | {f1:.3f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parley", default="parley")
    ap.add_argument("--register", required=True, help="sanctioned_persons.json, or a JSON array of its records")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="print up to N missed and N wrongly matched pairs of half A (never of half B)")
    args = ap.parse_args()
    recs, n_records, digest = read_register(args.register)
    persons = build_persons(recs)
    pairs, dropped = build_pairs(persons)
    if not pairs:
        sys.exit(f"{args.register}: no pairs")
    # the Latin side (always the second name) with its first word, the surname, moved to the end
    latin = [(k, a, " ".join(b.split()[1:] + b.split()[:1]), same, h) for k, a, b, same, h in pairs
             if k.endswith("lat")]
    out = [(row["match"] == "true", row.get("score", ""))
           for row in run_parley_names(args.parley, [(p[1], p[2]) for p in pairs + latin])]
    if len(out) != len(pairs) + len(latin):
        sys.exit(f"parley names wrote {len(out)} rows for {len(pairs) + len(latin)} pairs")
    rows = [p + m for p, m in zip(pairs, out[:len(pairs)])]
    reordered = [p + m for p, m in zip(latin, out[len(pairs):])]

    variants = [p for p in persons if len(p["uk"]) > 1]
    print(f"input sha256 {digest}")
    print(f"records {n_records} (without a name: {n_records - len(recs)}); persons {len(persons)} "
          f"(A {sum(p['half'] == 'A' for p in persons)}, B {sum(p['half'] == 'B' for p in persons)}; "
          f"of several records {sum(p['records'] > 1 for p in persons)}); persons with several Ukrainian "
          f"forms {len(variants)} (from a parenthesised alternative {sum(p['paren'] for p in variants)}); "
          f"with a Russian form {sum(bool(p['ru']) for p in persons)}")
    print(f"negatives dropped as the strings of a positive {dropped}\n")
    print("| kind | same person | A | B | across halves | total |")
    print("|---|---|---:|---:|---:|---:|")
    for kind, same in sorted({(r[0], r[3]) for r in rows}, key=lambda x: (not x[1], x[0])):
        n = {h: sum(1 for r in rows if r[0] == kind and r[3] == same and r[4] == h) for h in ("A", "B", "AB")}
        print(f"| {kind} | {'yes' if same else 'no'} | {n['A']} | {n['B']} | {n['AB']} | {sum(n.values())} |")
    print("\nThe register's own forms:\n")
    halves = [("all", lambda r: True), ("half A", lambda r: r[4] == "A"), ("half B", lambda r: r[4] == "B")]
    kinds = [("uk-lat", lambda r: r[0] == "uk-lat"), ("uk-uk", lambda r: r[0].startswith("uk-uk")),
             ("ru-*", lambda r: r[0].startswith("ru-"))]
    table(rows, halves + [(f"{k}, {h}", lambda r, ks=ks, hs=hs: ks(r) and hs(r))
                          for k, ks in kinds for h, hs in halves])
    print("\nPairs with a Latin side, the Latin name reordered given name first (a reordering of the "
          "register's names, not new spellings):\n")
    table(reordered, halves + [(f"{k}, {h}", lambda r, k=k, hs=hs: r[0] == k and hs(r))
                               for k in ("uk-lat", "ru-lat") for h, hs in halves])

    for table_name, table_rows in (("the register's forms", rows), ("the Latin reordered", reordered)):
        for label, same in (("missed (same person, no match)", True), ("wrong (different people, match)", False)):
            if args.show_failures > 0:
                print(f"\nhalf A, {table_name}, {label}:")
                for r in [r for r in table_rows if r[4] == "A" and r[3] == same and r[5] != same][:args.show_failures]:
                    print(f"  {r[0]}: {r[1]!r} / {r[2]!r}  score {r[6]}")


if __name__ == "__main__":
    main()

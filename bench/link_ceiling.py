#!/usr/bin/env python3
"""How much of a linkage run's loss no matcher on the same comparison levels could avoid.

    python3 bench/link_ceiling.py TRUTH.csv PAIRS.csv [--left-col ua_id --right-col ru_id]

PAIRS.csv is `parley link ... --threshold 0.01` output (every scored pair, with each field's
level and weight). TRUTH.csv lists the true pairs. Printed:
- the pairs' F1 at the default threshold (0.5) and the best F1 over all thresholds;
- true pairs never written (the candidate set's loss);
- true pairs with an identical-evidence rival: a wrong candidate of the same left record whose
  every field has the same level and weight. No matcher that sees only these comparisons can
  prefer the right one; at best it guesses;
- the in-sample optimum: pairs grouped by evidence class (each field's level, the names'
  weights in 2-bit steps, the number of candidates of the left record, the weight gap to its
  best rival), classes accepted best-first by their observed share of true pairs. It is fitted
  on the data it scores, so it is an optimistic bound for a matcher using these comparisons.
"""
import argparse
import collections
import csv

FIELDS = ["surname", "given_name", "patronymic", "birth_date", "service_number", "birth_place",
          "rank"]


def f1(tp, fp, n_true):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n_true if n_true else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def best_f1(scored, n_true):
    """scored: (score, is_true); accepts best-first, returns the best (F1, P, R)."""
    tp = fp = 0
    best = (0.0, 0.0, 0.0)
    for _, t in sorted(scored, key=lambda x: -x[0]):
        tp += t
        fp += not t
        best = max(best, f1(tp, fp, n_true))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("truth")
    ap.add_argument("pairs")
    ap.add_argument("--left-col", default="ua_id")
    ap.add_argument("--right-col", default="ru_id")
    a = ap.parse_args()
    with open(a.truth, newline="", encoding="utf-8-sig") as f:
        truth = {(r[a.left_col], r[a.right_col]) for r in csv.DictReader(f)}
    by_left = collections.defaultdict(list)
    with open(a.pairs, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            fields = [x for x in FIELDS if x in r]
            evidence = tuple((r[x], round(float(r[x + "_weight"]), 2)) for x in fields)
            coarse = tuple(r[x] for x in fields) + tuple(
                int(float(r[x + "_weight"]) // 2) for x in ("surname", "given_name", "patronymic"))
            own = float(r["match_weight"]) - float(r.get("other_candidates_weight") or 0)
            by_left[r["left_id"]].append((r["right_id"], float(r["probability"]), own, evidence,
                                          coarse))
    n_true = len(truth)
    written = {(l, c[0]) for l, cs in by_left.items() for c in cs}
    tp = sum(1 for l, cs in by_left.items() for c in cs if c[1] >= 0.5 and (l, c[0]) in truth)
    fp = sum(1 for l, cs in by_left.items() for c in cs if c[1] >= 0.5 and (l, c[0]) not in truth)
    scored = [(c[1], (l, c[0]) in truth) for l, cs in by_left.items() for c in cs]
    right_of = collections.defaultdict(set)
    for l, r in truth:
        right_of[l].add(r)
    tied = 0
    classes = collections.defaultdict(lambda: [0, 0])
    for l, cs in by_left.items():
        for right, _p, own, evidence, coarse in cs:
            is_true = right in right_of[l]
            if is_true and any(e == evidence and r not in right_of[l] for r, _, _, e, _ in cs):
                tied += 1
            rival = max((o for r, _, o, _, _ in cs if r != right), default=own - 99)
            key = (coarse, min(len(cs), 4), max(-8, min(8, round(own - rival))))
            classes[key][0] += 1
            classes[key][1] += is_true
    optimum = best_f1([(t / n, True) for n, t in classes.values() for _ in range(t)] +
                      [(t / n, False) for n, t in classes.values() for _ in range(n - t)], n_true)
    print(f"true pairs: {n_true}")
    print("at 0.5: F1 %.4f (P %.4f, R %.4f)" % f1(tp, fp, n_true))
    print("best threshold: F1 %.4f (P %.4f, R %.4f)" % best_f1(scored, n_true))
    print(f"true pairs never written: {n_true - len(truth & written)} "
          f"({100 * (n_true - len(truth & written)) / n_true:.2f} %)")
    print(f"true pairs with an identical-evidence rival: {tied} ({100 * tied / n_true:.2f} %)")
    print(f"in-sample optimum over {len(classes)} evidence classes: F1 %.4f (P %.4f, R %.4f)"
          % optimum)


if __name__ == "__main__":
    main()

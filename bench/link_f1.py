#!/usr/bin/env python3
"""Precision, recall and F1 of `parley link` / `parley dedupe` output against a truth file.

Truth: CSV `file,id,person_id` (what `parley synth` writes): two records are the same person
when their person_id is equal. Pairs are counted as sets of record pairs, so a person listed
twice on one side gives two true pairs.

usage:
  link_f1.py link   TRUTH.csv LEFT_FILE_NAME RIGHT_FILE_NAME PAIRS.csv      [--json]
  link_f1.py dedupe TRUTH.csv FILE_NAME CLUSTERS.csv                        [--json]
  link_f1.py best   TRUTH.csv LEFT_FILE_NAME RIGHT_FILE_NAME PAIRS.csv      [--json]
FILE_NAME is the name as written in the truth's `file` column (e.g. ua-request.csv).
`best` reads pairs `left_id,right_id[,score]` like `link` (for the baseline's output).
Stdlib only.
"""
import csv
import json
import sys
from collections import defaultdict


def read_truth(path):
    by_file = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_file[row["file"]][row["id"]] = row["person_id"]
    return by_file


def true_link_pairs(left, right):
    by_person = defaultdict(list)
    for rid, pid in right.items():
        by_person[pid].append(rid)
    return {(lid, rid) for lid, pid in left.items() for rid in by_person.get(pid, [])}


def true_dedupe_pairs(records):
    by_person = defaultdict(list)
    for rid, pid in records.items():
        by_person[pid].append(rid)
    pairs = set()
    for ids in by_person.values():
        ids.sort()
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pairs.add((ids[i], ids[j]))
    return pairs


def read_pairs(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        return {(row[0], row[1]) for row in reader if len(row) >= 2}


def read_cluster_pairs(path):
    clusters = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            clusters[row["cluster"]].append(row["id"])
    pairs = set()
    for ids in clusters.values():
        ids.sort()
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                pairs.add((ids[i], ids[j]))
    return pairs


def score(predicted, truth):
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"true_pairs": len(truth), "predicted": len(predicted), "true_positive": tp,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main(argv):
    as_json = "--json" in argv
    args = [a for a in argv[1:] if a != "--json"]
    if len(args) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    mode, truth = args[0], read_truth(args[1])
    if mode in ("link", "best") and len(args) == 5:
        result = score(read_pairs(args[4]), true_link_pairs(truth[args[2]], truth[args[3]]))
    elif mode == "dedupe" and len(args) == 4:
        result = score(read_cluster_pairs(args[3]), true_dedupe_pairs(truth[args[2]]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(result))
    else:
        print(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

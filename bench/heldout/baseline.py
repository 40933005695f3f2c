#!/usr/bin/env python3
"""The analyst's baseline beside `parley link`, same lists, same run: held-out generator data.

    python3 bench/heldout/baseline.py --parley BIN --split heldout      # seeds 101-103
    python3 bench/heldout/baseline.py --parley BIN --data DIR           # one gen.py folder

For each data folder, UA request -> RU register and Latin mediator -> RU register are linked
twice: by `parley link` at its default threshold, and by the pg_trgm baseline
(bench/pg_trgm_baseline.sh: names as written, romanised with ICU, PostgreSQL pg_trgm similarity
join at 0.5 with a birth-year guard, best match per row). Both are scored against the truth
files as eval.py scores links (pairs as sets), pooled over the seeds, with each one's wall time.
Held-out seeds (101 and up) print aggregates only, and data this script generated is deleted.

Needs PostgreSQL 15 with pg_trgm and uconv (see bench/pg_trgm_baseline.sh); runs as root (the
cluster runs as the postgres user under the work folder).
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import eval as heldout_eval  # noqa: E402  (this folder's eval.py: its runner and metrics)
import gen  # noqa: E402

BASELINE_SH = os.path.join(HERE, "..", "pg_trgm_baseline.sh")
TASKS = (("UA request → RU register", "ua_request.csv", "truth_ua_ru.csv", "ua_id"),
         ("Latin mediator → RU register", "mediator_latin.csv", "truth_med_ru.csv", "med_id"))


def shell(function: str, *args: str) -> list[str]:
    """A command running one function of pg_trgm_baseline.sh."""
    quoted = " ".join(f'"${i + 1}"' for i in range(len(args)))
    return ["bash", "-c", f'source "{BASELINE_SH}" && {function} {quoted}', "baseline"] + list(args)


def baseline_pairs(path: str) -> set:
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["left_id"], r["right_id"]) for r in csv.DictReader(f)}


def link_both(binp, data, work, runs, totals):
    for label, left, truth_file, lcol in TASKS:
        truth = {(r[lcol], r["ru_id"]) for r in heldout_eval.read_csv(os.path.join(data, truth_file))}
        L, R = os.path.join(data, left), os.path.join(data, "ru_register.csv")
        ours, theirs = os.path.join(work, "parley.csv"), os.path.join(work, "baseline.csv")
        heldout_eval.run([binp, "link", L, R, "--out", ours], f"{label}: parley", runs)
        heldout_eval.run(shell("pg_trgm_link", L, R, theirs, work), f"{label}: baseline", runs)
        for who, found in (("parley", set(heldout_eval.read_pairs(ours))), ("baseline", baseline_pairs(theirs))):
            t = totals.setdefault((label, who), {"tp": 0, "fp": 0, "fn": 0, "wall": 0.0})
            tp = len(truth & found)
            t["tp"] += tp
            t["fp"] += len(found) - tp
            t["fn"] += len(truth) - tp
            t["wall"] += runs[-2 if who == "parley" else -1]["wall_s"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parley", required=True)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--split", choices=list(heldout_eval.SPLITS))
    src.add_argument("--data", help="one data folder written by gen.py")
    ap.add_argument("--work", help="working folder (default: a temporary one)")
    a = ap.parse_args(argv)
    binp = os.path.abspath(a.parley)
    work = a.work or tempfile.mkdtemp(prefix="heldout-baseline-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)  # the postgres user reads the TSV files here
    datas, generated = ([os.path.abspath(a.data)], []) if a.data else ([], [])
    runs, totals = [], {}
    # A run stopped by `timeout` (the baseline can take an hour at scale) still stops its
    # PostgreSQL cluster: SIGTERM unwinds through the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    subprocess.run(shell("pg_trgm_start", work), check=True)
    try:
        for seed in heldout_eval.SPLITS.get(a.split, ()):
            d = os.path.join(work, f"data-seed{seed}")
            gen.generate(seed, 3000, 8000, 2000, d, 10)
            datas.append(d)
            generated.append(d)
        for d in datas:
            link_both(binp, d, work, runs, totals)
    finally:
        subprocess.run(shell("pg_trgm_stop", work), check=False)
        for d in generated:
            shutil.rmtree(d, ignore_errors=True)
    print(f"{len(datas)} data folder(s): {a.split or a.data}; parley {binp}")
    print()
    print("| task | linker | precision | recall | F1 | wall (sum over folders) |")
    print("|---|---|---:|---:|---:|---:|")
    for (label, who), t in totals.items():
        m = heldout_eval.prf(t["tp"], t["fp"], t["fn"])
        print(f"| {label} | {who} | {m['precision']:.4f} | {m['recall']:.4f} | {m['f1']:.4f} | {t['wall']:.1f} s |")


if __name__ == "__main__":
    sys.exit(main())

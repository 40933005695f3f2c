#!/usr/bin/env python3
"""Held-out, black-box evaluation of `parley` on data from gen.py.

    python3 eval.py --parley BIN --data DIR            # one generated data folder
    python3 eval.py --parley BIN --split tune          # generate seeds 1-3 and evaluate each
    python3 eval.py --parley BIN --split heldout       # seeds 101-103: aggregate figures only
    python3 eval.py --parley BIN --split heldout-wide  # seeds 104-115: the same, four times the pairs
    python3 eval.py --parley BIN --split heldout-long  # seeds 116-175: twenty times the pairs
    python3 eval.py ... --febrl /work/shared/data/febrl   # also the FEBRL sets (skipped if absent)
    python3 eval.py ... --show-failures 20             # tune split only: list missed / wrong pairs

Tasks: UA->RU link, Latin->RU link, dedupe of the request list, `parley names` pairs, and the
workspace path (init, import, reconcile) with auto-accepted vs queued pairs.
Prints a markdown report on stdout and writes a JSON report (--json).

The held-out splits (every seed from 101 up) never print or stores anything per pair: no names, no ids
of missed or wrong pairs, and its tool outputs are deleted after scoring. Per-class recall is an
aggregate and is reported for both splits.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# "heldout-wide" is twelve more held-out seeds for figures whose resolution three seeds cannot
# give (precision at p >= 0.99 over ~770 dedupe pairs moves by 0.0013 per pair). Every seed from
# 101 up is held out: failures are never shown, outputs are deleted after scoring.
# "heldout-long" (seeds 116-175) was added on 2026-12-07, after both splits above had put dedupe
# precision at p >= 0.99 below 0.999 (1 wrong of 771, 4 of 3,007) while 96 tune seeds put it at
# 0.9995: a figure near 0.999 needs ~20,000 pairs to be told from it. It is added to measure, not
# to replace: every split's figure is reported, and the goal is judged on all held-out seeds
# pooled (101-175), whichever way that comes out.
SPLITS = {"tune": (1, 2, 3), "heldout": (101, 102, 103), "heldout-wide": tuple(range(104, 116)),
          "heldout-long": tuple(range(116, 176))}
HELDOUT_SEEDS = set(range(101, 1000))
BINS = [0.0, 0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0000001]


# ---------------------------------------------------------------------------------------
# running the tool
# ---------------------------------------------------------------------------------------

HAVE_TIME = os.path.exists("/usr/bin/time")


class ToolError(RuntimeError):
    pass


def run(cmd: list[str], label: str, runs: list, cwd=None, check=True, env=None) -> subprocess.CompletedProcess:
    """Run a command, recording wall time and peak RSS."""
    if HAVE_TIME:
        tf = tempfile.NamedTemporaryFile(prefix="heldout-time-", delete=False)
        tf.close()
        full = ["/usr/bin/time", "-v", "-o", tf.name] + cmd
    else:
        full = cmd
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cp = subprocess.run(full, capture_output=True, text=True, cwd=cwd, env=env)
    wall = time.perf_counter() - t0
    peak_kb = None
    if HAVE_TIME:
        with open(tf.name) as f:
            tv = f.read()
        os.unlink(tf.name)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv)
        if m:
            peak_kb = int(m.group(1))
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", tv)
        if m:
            parts = [float(x) for x in m.group(1).split(":")]
            w = 0.0
            for x in parts:
                w = w * 60 + x
            wall = w
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak_kb = after if after > before else None  # upper bound: max over children so far
    runs.append({"step": label, "wall_s": round(wall, 3), "peak_rss_mb": round(peak_kb / 1024, 1) if peak_kb else None,
                 "exit": cp.returncode})
    if check and cp.returncode != 0:
        raise ToolError(f"{label}: exit {cp.returncode}: {cp.stderr.strip()[:600]}")
    return cp


# ---------------------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if (tp + fp) and (tp + fn) and (p + r) else float("nan")
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def calibration(scored: list[tuple[float, bool]]) -> list[dict]:
    rows = []
    for lo, hi in zip(BINS[:-1], BINS[1:]):
        xs = [(p, t) for p, t in scored if lo <= p < hi]
        if not xs:
            continue
        rows.append({"bin": f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}", "n": len(xs),
                     "mean_pred": sum(p for p, _ in xs) / len(xs),
                     "observed": sum(1 for _, t in xs if t) / len(xs)})
    return rows


def best_f1(scored: list[tuple[float, bool]], n_true: int) -> dict:
    xs = sorted(scored, key=lambda x: -x[0])
    tp = fp = 0
    best = {"threshold": None, "f1": 0.0, "precision": float("nan"), "recall": float("nan")}
    i = 0
    while i < len(xs):
        thr = xs[i][0]
        while i < len(xs) and xs[i][0] == thr:
            if xs[i][1]:
                tp += 1
            else:
                fp += 1
            i += 1
        p = tp / (tp + fp)
        r = tp / n_true if n_true else float("nan")
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best["f1"]:
            best = {"threshold": thr, "f1": f, "precision": p, "recall": r}
    return best


def read_csv(path: str, encoding="utf-8-sig", delimiter=","):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def read_pairs(path: str) -> dict:
    out = {}
    for r in read_csv(path):
        out[(r["left_id"], r["right_id"])] = float(r["probability"])
    return out


def classes_of(s: str) -> list[str]:
    return [c for c in s.split(";") if c]


def per_class(truth: dict, found_default: set, found_low: set) -> dict:
    """truth: pair -> classes. Returns class -> {n, recall, candidate_recall}."""
    n = Counter()
    hit = Counter()
    cand = Counter()
    for pair, cls in truth.items():
        for c in cls + ["all"]:
            n[c] += 1
            if pair in found_default:
                hit[c] += 1
            if pair in found_low:
                cand[c] += 1
    return {c: {"n": n[c], "recall": hit[c] / n[c], "candidate_recall": cand[c] / n[c]} for c in n}


# ---------------------------------------------------------------------------------------
# tasks
# ---------------------------------------------------------------------------------------


def task_link(binp, data, work, left, right, truth_file, lcol, neg_task, name, runs, failures):
    truth = {}
    for r in read_csv(os.path.join(data, truth_file)):
        truth[(r[lcol], r["ru_id"])] = classes_of(r["classes"])
    negs = defaultdict(list)
    for r in read_csv(os.path.join(data, "truth_negatives.csv")):
        if r["task"] == neg_task:
            negs[r["kind"]].append((r["left_id"], r["right_id"]))
    L, R = os.path.join(data, left), os.path.join(data, right)
    out_d = os.path.join(work, f"{name}_default.csv")
    out_l = os.path.join(work, f"{name}_low.csv")
    out_o = os.path.join(work, f"{name}_one2one.csv")
    run([binp, "link", L, R, "--out", out_d], f"{name}: link (default threshold)", runs)
    run([binp, "link", L, R, "--out", out_l, "--threshold", "0.01"], f"{name}: link --threshold 0.01", runs)
    run([binp, "link", L, R, "--out", out_o, "--one-to-one"], f"{name}: link --one-to-one", runs)
    d, low, o = read_pairs(out_d), read_pairs(out_l), read_pairs(out_o)
    T = set(truth)
    res = {"true_pairs": len(T)}
    tp = len(T & set(d))
    res["default"] = prf(tp, len(d) - tp, len(T) - tp)
    tpo = len(T & set(o))
    res["one_to_one"] = prf(tpo, len(o) - tpo, len(T) - tpo)
    res["candidate_recall"] = len(T & set(low)) / len(T) if T else float("nan")
    hi = [k for k, p in low.items() if p >= 0.99]
    res["p_ge_099"] = {"n": len(hi), "precision": (sum(1 for k in hi if k in T) / len(hi)) if hi else float("nan"),
                       "share_of_true": sum(1 for k in hi if k in T) / len(T) if T else float("nan")}
    res["band_0.2_0.99_true_share"] = sum(1 for k in T if 0.2 <= low.get(k, -1) < 0.99) / len(T) if T else float("nan")
    scored = [(p, k in T) for k, p in low.items()]
    res["calibration"] = calibration(scored)
    res["best_threshold"] = best_f1(scored, len(T))
    res["per_class"] = per_class(truth, set(d), set(low))
    res["hard_negatives"] = {k: {"n": len(v), "linked_at_default": sum(1 for x in v if x in d) / len(v),
                                 "candidates": sum(1 for x in v if x in low) / len(v)}
                             for k, v in sorted(negs.items())}
    # consistency: the default run should be the low run filtered at 0.5
    res["default_equals_low_filtered"] = set(d) == {k for k, p in low.items() if p >= 0.5}
    if failures is not None:
        failures[name] = {"missed": sorted(T - set(d)), "false": sorted(set(d) - T), "truth": truth,
                          "scores": low}
    return res


def task_dedupe(binp, data, work, runs, failures):
    rows = read_csv(os.path.join(data, "truth_dedupe.csv"))
    person = {r["ua_id"]: r["person"] for r in rows}
    tags = {r["ua_id"]: classes_of(r["classes"]) for r in rows}
    by_p = defaultdict(list)
    for i, p in person.items():
        by_p[p].append(i)
    truth = {}
    for p, ids in by_p.items():
        ids = sorted(ids, key=int)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                x, y = ids[a], ids[b]
                cl = set(tags[x]) | set(tags[y]) | {"dup"}
                both_svc = "svc_present" in tags[x] and "svc_present" in tags[y]
                cl = {c for c in cl if both_svc and c != "svc_present" or not c.startswith("svc_")}
                if both_svc:
                    cl.add("svc_both")
                truth[(x, y)] = sorted(cl)
    negs = defaultdict(list)
    for r in read_csv(os.path.join(data, "truth_negatives.csv")):
        if r["task"] == "dedupe":
            a, b = sorted((r["left_id"], r["right_id"]), key=int)
            negs[r["kind"]].append((a, b))
    L = os.path.join(data, "ua_request.csv")
    out_c = os.path.join(work, "dedupe_clusters.csv")
    out_p = os.path.join(work, "dedupe_pairs.csv")
    out_cl = os.path.join(work, "dedupe_clusters_low.csv")
    out_pl = os.path.join(work, "dedupe_pairs_low.csv")
    run([binp, "dedupe", L, "--out", out_c, "--pairs", out_p], "dedupe: default", runs)
    run([binp, "dedupe", L, "--out", out_cl, "--pairs", out_pl, "--threshold", "0.01"],
        "dedupe: --threshold 0.01", runs)
    cl = defaultdict(list)
    for r in read_csv(out_c):
        cl[r["cluster"]].append(r["id"])
    clustered = set()
    for ids in cl.values():
        ids = sorted(ids, key=int)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                clustered.add((ids[a], ids[b]))

    def norm(pairs):
        return {tuple(sorted(k, key=int)): v for k, v in pairs.items()}

    pd_, pl = norm(read_pairs(out_p)), norm(read_pairs(out_pl))
    T = set(truth)
    res = {"true_pairs": len(T), "records": len(person), "persons": len(by_p),
           "clusters": len(cl)}
    tp = len(T & clustered)
    res["default"] = prf(tp, len(clustered) - tp, len(T) - tp)
    tpp = len(T & set(pd_))
    res["pairs_default"] = prf(tpp, len(pd_) - tpp, len(T) - tpp)
    res["candidate_recall"] = len(T & set(pl)) / len(T) if T else float("nan")
    hi = [k for k, p in pl.items() if p >= 0.99]
    res["p_ge_099"] = {"n": len(hi), "precision": (sum(1 for k in hi if k in T) / len(hi)) if hi else float("nan"),
                       "share_of_true": sum(1 for k in hi if k in T) / len(T) if T else float("nan")}
    scored = [(p, k in T) for k, p in pl.items()]
    res["calibration"] = calibration(scored)
    res["best_threshold"] = best_f1(scored, len(T))
    res["per_class"] = per_class(truth, clustered, set(pl))
    res["hard_negatives"] = {k: {"n": len(v), "same_cluster": sum(1 for x in v if x in clustered) / len(v),
                                 "candidates": sum(1 for x in v if x in pl) / len(v)}
                             for k, v in sorted(negs.items())}
    if failures is not None:
        failures["dedupe"] = {"missed": sorted(T - clustered), "false": sorted(clustered - T), "truth": truth,
                              "scores": pl}
    return res


def task_names(binp, data, work, runs, failures):
    src = read_csv(os.path.join(data, "name_pairs.csv"))
    # the tool sees only the two names
    inp = os.path.join(work, "names_in.csv")
    with open(inp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name1", "name2"])
        for r in src:
            w.writerow([r["name1"], r["name2"]])
    out = os.path.join(work, "names_out.csv")
    run([binp, "names", inp, "--out", out], "names: score pairs", runs)
    got = read_csv(out)
    if len(got) != len(src):
        raise ToolError(f"names: {len(got)} rows out for {len(src)} in")
    tp = fp = fn = tn = 0
    by_class = defaultdict(lambda: [0, 0])
    scored = []
    for s, g in zip(src, got):
        lab = s["label"] == "1"
        m = g["match"].strip().lower() in ("true", "1", "yes")
        sc = float(g["score"])
        scored.append((sc, lab))
        tp += lab and m
        fp += (not lab) and m
        fn += lab and not m
        tn += (not lab) and not m
        key = ("pos:" if lab else "neg:") + s["class"]
        by_class[key][0] += 1
        by_class[key][1] += m
    res = {"pairs": len(src), "positives": tp + fn, "negatives": fp + tn}
    res["default"] = prf(tp, fp, fn)
    res["accuracy"] = (tp + tn) / len(src)
    res["calibration"] = calibration(scored)
    res["best_threshold"] = best_f1(scored, tp + fn)
    res["per_class"] = {k: {"n": v[0], "match_rate": v[1] / v[0]} for k, v in sorted(by_class.items())}
    if failures is not None:
        failures["names"] = [(s["name1"], s["name2"], s["label"], s["class"], g["score"])
                             for s, g in zip(src, got)
                             if (s["label"] == "1") != (g["match"].strip().lower() in ("true", "1", "yes"))]
    return res


def task_workspace(binp, data, work, runs):
    ws = os.path.join(work, "workspace")
    if os.path.exists(ws):
        shutil.rmtree(ws)
    env = dict(os.environ)
    env.pop("PARLEY_WORKSPACE", None)
    env["PARLEY_USER"] = "heldout-eval"
    W = ["--workspace", ws]
    run([binp, "init"] + W + ["--node", "heldout"], "workspace: init", runs, env=env)
    run([binp, "import", os.path.join(data, "ua_request.csv"), "--list", "ua-request", "--kind", "request",
         "--side", "ua"] + W, "workspace: import ua_request", runs, env=env)
    run([binp, "import", os.path.join(data, "ru_register.csv"), "--list", "ru-custody", "--kind", "custody",
         "--side", "ru"] + W, "workspace: import ru_register", runs, env=env)
    run([binp, "import", os.path.join(data, "mediator_latin.csv"), "--list", "mediator", "--kind", "mediator",
         "--side", "mediator"] + W, "workspace: import mediator", runs, env=env)
    rec = {}
    for left in ("ua-request", "mediator"):
        cp = run([binp, "reconcile", left, "ru-custody", "--json"] + W, f"workspace: reconcile {left} ru-custody",
                 runs, env=env)
        try:
            rec[left] = json.loads(cp.stdout)
        except json.JSONDecodeError:
            rec[left] = {"raw": cp.stdout[-500:]}
    cp = run([binp, "review", "--list", "--json", "--limit", "10000000"] + W, "workspace: review --list", runs, env=env)
    links = json.loads(cp.stdout)
    if isinstance(links, dict):
        links = links.get("links", links.get("items", []))
    truth = {
        "ua-request": {(r["ua_id"], r["ru_id"]) for r in read_csv(os.path.join(data, "truth_ua_ru.csv"))},
        "mediator": {(r["med_id"], r["ru_id"]) for r in read_csv(os.path.join(data, "truth_med_ru.csv"))},
    }
    res = {}
    for left, T in truth.items():
        ls = [x for x in links if x.get("left_list") == left and x.get("right_list") == "ru-custody"]
        states = Counter(x["state"] for x in ls)
        by_state = defaultdict(set)
        for x in ls:
            by_state[x["state"]].add((str(x["left_id"]), str(x["right_id"])))
        auto = by_state.get("auto_accepted", set())
        queue = by_state.get("needs_review", set())
        stored = set().union(*by_state.values()) if by_state else set()
        res[left] = {
            "true_pairs": len(T), "links": len(ls), "states": dict(states),
            "auto_accepted_precision": len(auto & T) / len(auto) if auto else float("nan"),
            "queue_precision": len(queue & T) / len(queue) if queue else float("nan"),
            "true_auto_accepted": len(auto & T) / len(T) if T else float("nan"),
            "true_in_review": len(queue & T) / len(T) if T else float("nan"),
            "true_not_stored": len(T - stored) / len(T) if T else float("nan"),
            "false_auto_accepted": len(auto - T),
            "reconcile_report": rec.get(left),
        }
    return res


# ---------------------------------------------------------------------------------------
# FEBRL
# ---------------------------------------------------------------------------------------


def febrl_convert(src: str, dst: str) -> tuple[dict, int]:
    """FEBRL csv -> a list file parley reads. Returns (rec_id -> entity, rows)."""
    rows = read_csv(src)
    ent = {}
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "surname", "given_name", "birth_date", "service_number", "birth_place"])
        for r in rows:
            r = {k.strip(): (v or "").strip() for k, v in r.items()}
            rid = r["rec_id"]
            m = re.match(r"rec-(\d+)-", rid)
            ent[rid] = m.group(1) if m else rid
            d = r.get("date_of_birth", "")
            bd = ""
            if re.fullmatch(r"\d{8}", d):
                try:
                    x = dt.date(int(d[:4]), int(d[4:6]), int(d[6:]))
                    if 1900 <= x.year <= dt.date.today().year:
                        bd = x.isoformat()
                except ValueError:
                    bd = ""
            w.writerow([rid, r.get("surname", ""), r.get("given_name", ""), bd, r.get("soc_sec_id", ""),
                        r.get("suburb", "")])
    return ent, len(rows)


def task_febrl(binp, fdir, work, runs):
    out = {}
    if not fdir or not os.path.isdir(fdir):
        return {"skipped": f"no FEBRL folder at {fdir!r}"}
    fw = os.path.join(work, "febrl")
    os.makedirs(fw, exist_ok=True)
    a, b = os.path.join(fdir, "dataset4a.csv"), os.path.join(fdir, "dataset4b.csv")
    if os.path.exists(a) and os.path.exists(b):
        ea, _ = febrl_convert(a, os.path.join(fw, "4a.csv"))
        eb, _ = febrl_convert(b, os.path.join(fw, "4b.csv"))
        T = {(x, y) for x in ea for y in eb if False}
        inv = defaultdict(list)
        for y, e in eb.items():
            inv[e].append(y)
        T = {(x, y) for x, e in ea.items() for y in inv.get(e, [])}
        od, ol = os.path.join(fw, "4_default.csv"), os.path.join(fw, "4_low.csv")
        run([binp, "link", os.path.join(fw, "4a.csv"), os.path.join(fw, "4b.csv"), "--out", od, "--skip-invalid"],
            "febrl 4a-4b: link (default)", runs)
        run([binp, "link", os.path.join(fw, "4a.csv"), os.path.join(fw, "4b.csv"), "--out", ol, "--threshold", "0.01",
             "--skip-invalid"], "febrl 4a-4b: link --threshold 0.01", runs)
        d, low = read_pairs(od), read_pairs(ol)
        tp = len(T & set(d))
        hi = [k for k, p in low.items() if p >= 0.99]
        out["link_4a_4b"] = {"true_pairs": len(T), "default": prf(tp, len(d) - tp, len(T) - tp),
                             "candidate_recall": len(T & set(low)) / len(T) if T else float("nan"),
                             "p_ge_099": {"n": len(hi), "precision": sum(1 for k in hi if k in T) / len(hi) if hi else float("nan")},
                             "calibration": calibration([(p, k in T) for k, p in low.items()])}
    for ds in ("dataset1", "dataset2", "dataset3"):
        src = os.path.join(fdir, ds + ".csv")
        if not os.path.exists(src):
            continue
        ent, n = febrl_convert(src, os.path.join(fw, ds + ".csv"))
        oc = os.path.join(fw, ds + "_clusters.csv")
        run([binp, "dedupe", os.path.join(fw, ds + ".csv"), "--out", oc, "--skip-invalid"], f"febrl {ds}: dedupe", runs)
        cl = defaultdict(list)
        for r in read_csv(oc):
            cl[r["cluster"]].append(r["id"])
        pred = set()
        for ids in cl.values():
            ids = sorted(ids)
            pred |= {(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))}
        by_e = defaultdict(list)
        for rid, e in ent.items():
            by_e[e].append(rid)
        T = set()
        for ids in by_e.values():
            ids = sorted(ids)
            T |= {(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))}
        tp = len(T & pred)
        out["dedupe_" + ds] = {"records": n, "true_pairs": len(T), "default": prf(tp, len(pred) - tp, len(T) - tp)}
    return out


# ---------------------------------------------------------------------------------------
# one data folder
# ---------------------------------------------------------------------------------------


def evaluate_dir(binp, data, work, heldout: bool, skip_workspace=False):
    meta = json.load(open(os.path.join(data, "meta.json"), encoding="utf-8"))
    os.makedirs(work, exist_ok=True)
    runs: list = []
    failures = None if heldout else {}
    res = {"seed": meta.get("seed"), "meta": meta}
    res["ua_ru"] = task_link(binp, data, work, "ua_request.csv", "ru_register.csv", "truth_ua_ru.csv", "ua_id",
                             "ua_ru", "ua_ru", runs, failures)
    res["med_ru"] = task_link(binp, data, work, "mediator_latin.csv", "ru_register.csv", "truth_med_ru.csv",
                              "med_id", "med_ru", "med_ru", runs, failures)
    res["dedupe"] = task_dedupe(binp, data, work, runs, failures)
    res["names"] = task_names(binp, data, work, runs, failures)
    if not skip_workspace:
        res["workspace"] = task_workspace(binp, data, work, runs)
    res["runs"] = runs
    return res, failures


# ---------------------------------------------------------------------------------------
# aggregation and report
# ---------------------------------------------------------------------------------------


def pooled(results: list, task: str, key: str = "default") -> dict:
    tp = sum(r[task][key]["tp"] for r in results)
    fp = sum(r[task][key]["fp"] for r in results)
    fn = sum(r[task][key]["fn"] for r in results)
    return prf(tp, fp, fn)


def pool_class(results, task):
    n = Counter()
    rec = Counter()
    cand = Counter()
    for r in results:
        for c, v in r[task]["per_class"].items():
            n[c] += v["n"]
            if "recall" in v:
                rec[c] += v["recall"] * v["n"]
                cand[c] += v["candidate_recall"] * v["n"]
            else:
                rec[c] += v["match_rate"] * v["n"]
    out = {}
    for c in n:
        out[c] = {"n": n[c], "recall": rec[c] / n[c]}
        if cand[c]:
            out[c]["candidate_recall"] = cand[c] / n[c]
        elif task != "names":
            out[c]["candidate_recall"] = 0.0
    return out


def pool_calib(results, task):
    acc = defaultdict(lambda: [0, 0.0, 0.0])
    for r in results:
        for b in r[task]["calibration"]:
            a = acc[b["bin"]]
            a[0] += b["n"]
            a[1] += b["mean_pred"] * b["n"]
            a[2] += b["observed"] * b["n"]
    rows = []
    for lo, hi in zip(BINS[:-1], BINS[1:]):
        k = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
        if k in acc:
            a = acc[k]
            rows.append({"bin": k, "n": a[0], "mean_pred": a[1] / a[0], "observed": a[2] / a[0]})
    return rows


def mean(xs):
    xs = [x for x in xs if x is not None and not (isinstance(x, float) and math.isnan(x))]
    return sum(xs) / len(xs) if xs else float("nan")


def f3(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.3f}"


def pct(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{100 * x:.1f}%"


def aggregate(results: list) -> dict:
    agg = {"seeds": [r["seed"] for r in results]}
    for task in ("ua_ru", "med_ru"):
        a = {"true_pairs": sum(r[task]["true_pairs"] for r in results),
             "default": pooled(results, task), "one_to_one": pooled(results, task, "one_to_one"),
             "f1_per_seed": [r[task]["default"]["f1"] for r in results],
             "candidate_recall": sum(r[task]["candidate_recall"] * r[task]["true_pairs"] for r in results)
             / max(1, sum(r[task]["true_pairs"] for r in results)),
             "band_0.2_0.99_true_share": sum(r[task]["band_0.2_0.99_true_share"] * r[task]["true_pairs"] for r in results)
             / max(1, sum(r[task]["true_pairs"] for r in results))}
        n99 = sum(r[task]["p_ge_099"]["n"] for r in results)
        a["p_ge_099"] = {"n": n99, "precision": sum(r[task]["p_ge_099"]["precision"] * r[task]["p_ge_099"]["n"]
                                                    for r in results if r[task]["p_ge_099"]["n"]) / n99 if n99 else float("nan")}
        a["best_threshold_mean"] = mean([r[task]["best_threshold"]["threshold"] for r in results])
        a["best_f1_mean"] = mean([r[task]["best_threshold"]["f1"] for r in results])
        a["calibration"] = pool_calib(results, task)
        a["per_class"] = pool_class(results, task)
        hn = defaultdict(lambda: [0, 0.0, 0.0])
        for r in results:
            for k, v in r[task]["hard_negatives"].items():
                hn[k][0] += v["n"]
                hn[k][1] += v["linked_at_default"] * v["n"]
                hn[k][2] += v["candidates"] * v["n"]
        a["hard_negatives"] = {k: {"n": v[0], "linked_at_default": v[1] / v[0] if v[0] else float("nan"),
                                   "candidates": v[2] / v[0] if v[0] else float("nan")} for k, v in sorted(hn.items())}
        agg[task] = a
    d = {"true_pairs": sum(r["dedupe"]["true_pairs"] for r in results), "default": pooled(results, "dedupe"),
         "pairs_default": pooled(results, "dedupe", "pairs_default"),
         "f1_per_seed": [r["dedupe"]["default"]["f1"] for r in results],
         "candidate_recall": sum(r["dedupe"]["candidate_recall"] * r["dedupe"]["true_pairs"] for r in results)
         / max(1, sum(r["dedupe"]["true_pairs"] for r in results))}
    n99 = sum(r["dedupe"]["p_ge_099"]["n"] for r in results)
    d["p_ge_099"] = {"n": n99, "precision": sum(r["dedupe"]["p_ge_099"]["precision"] * r["dedupe"]["p_ge_099"]["n"]
                                                for r in results if r["dedupe"]["p_ge_099"]["n"]) / n99 if n99 else float("nan")}
    d["calibration"] = pool_calib(results, "dedupe")
    d["per_class"] = pool_class(results, "dedupe")
    hn = defaultdict(lambda: [0, 0.0])
    for r in results:
        for k, v in r["dedupe"]["hard_negatives"].items():
            hn[k][0] += v["n"]
            hn[k][1] += v["same_cluster"] * v["n"]
    d["hard_negatives"] = {k: {"n": v[0], "same_cluster": v[1] / v[0] if v[0] else float("nan")} for k, v in sorted(hn.items())}
    agg["dedupe"] = d
    nm = {"pairs": sum(r["names"]["pairs"] for r in results), "default": pooled(results, "names"),
          "f1_per_seed": [r["names"]["default"]["f1"] for r in results],
          "calibration": pool_calib(results, "names"), "per_class": pool_class(results, "names"),
          "best_threshold_mean": mean([r["names"]["best_threshold"]["threshold"] for r in results]),
          "best_f1_mean": mean([r["names"]["best_threshold"]["f1"] for r in results])}
    agg["names"] = nm
    if all("workspace" in r for r in results):
        ws = {}
        for left in ("ua-request", "mediator"):
            xs = [r["workspace"][left] for r in results]
            T = sum(x["true_pairs"] for x in xs)
            auto_n = sum(x["states"].get("auto_accepted", 0) for x in xs)
            q_n = sum(x["states"].get("needs_review", 0) for x in xs)
            ws[left] = {
                "true_pairs": T, "links": sum(x["links"] for x in xs), "auto_accepted": auto_n, "needs_review": q_n,
                "auto_accepted_precision": sum(x["auto_accepted_precision"] * x["states"].get("auto_accepted", 0)
                                               for x in xs if x["states"].get("auto_accepted")) / auto_n if auto_n else float("nan"),
                "queue_precision": sum(x["queue_precision"] * x["states"].get("needs_review", 0)
                                       for x in xs if x["states"].get("needs_review")) / q_n if q_n else float("nan"),
                "true_auto_accepted": sum(x["true_auto_accepted"] * x["true_pairs"] for x in xs) / T,
                "true_in_review": sum(x["true_in_review"] * x["true_pairs"] for x in xs) / T,
                "true_not_stored": sum(x["true_not_stored"] * x["true_pairs"] for x in xs) / T,
                "false_auto_accepted": sum(x["false_auto_accepted"] for x in xs),
            }
        agg["workspace"] = ws
    # timings: per step, mean wall and max RSS
    steps = defaultdict(list)
    for r in results:
        for x in r["runs"]:
            steps[x["step"]].append(x)
    agg["runs"] = [{"step": k, "wall_s_mean": mean([x["wall_s"] for x in v]),
                    "wall_s_max": max(x["wall_s"] for x in v),
                    "peak_rss_mb_max": max((x["peak_rss_mb"] or 0) for x in v)} for k, v in steps.items()]
    return agg


CLASS_ORDER_HINT = ["all", "clean", "hard_combo", "sn_typo", "sn_typo_first", "sn_typo_sub", "sn_typo_transpose",
                    "sn_typo_double", "sn_typo_drop", "sn_typo_insert", "sn_letter_swap", "sn_uk_ru", "sn_uk_on_ru",
                    "sn_ru_on_ua", "given_uk_ru", "given_ru_on_ua", "given_uk_on_ru", "given_diminutive", "yo_e",
                    "apostrophe", "homoglyph", "digits_for_letters", "patr_uk_ru", "patr_ru_on_ua", "patr_uk_on_ru",
                    "patr_missing", "date_day", "date_year", "date_swap", "date_year_only", "date_month_year",
                    "date_missing", "given_in_surname_col", "fullname_in_surname_col", "given_first_row",
                    "honorific", "runtogether", "hyphenated", "lat_ua2010", "lat_icao", "lat_bgn", "lat_gost",
                    "lat_fr", "lat_de", "lat_pl", "lat_en", "lat_localized", "lat_from_uk", "lat_from_ru",
                    "svc_both", "svc_latin", "svc_space", "svc_homoglyph", "svc_typo", "female", "dup"]


def class_sort_key(c):
    return (CLASS_ORDER_HINT.index(c) if c in CLASS_ORDER_HINT else 999, c)


def md_report(agg: dict, label: str, heldout: bool, env: dict, per_seed: list, febrl: dict | None) -> str:
    L = []
    L.append(f"## parley held-out evaluation — split `{label}` (seeds {', '.join(map(str, agg['seeds']))})")
    L.append("")
    L.append(f"- binary: `{env['parley']}` ({env['parley_version']}), sha256 `{env['parley_sha256'][:16]}…`")
    L.append(f"- machine: {env['nproc']} cores, {env['cpu']}; {env['date']}; Python {env['python']}")
    L.append(f"- command: `{env['command']}`")
    L.append("- figures pooled over the seeds (pairs summed), F1 per seed in brackets")
    if heldout:
        L.append("- **held-out split: aggregate figures only; no per-pair output is printed or kept**")
    L.append("")
    L.append("### Headline")
    L.append("")
    L.append("| task | true pairs | precision | recall | F1 (per seed) | candidate recall @0.01 | precision of p≥0.99 (n) | one-to-one P / R / F1 |")
    L.append("|---|---:|---:|---:|---|---:|---:|---|")
    for task, name in (("ua_ru", "UA request → RU register (link)"), ("med_ru", "Latin mediator → RU register (link)")):
        a = agg[task]
        d = a["default"]
        o = a["one_to_one"]
        L.append(f"| {name} | {a['true_pairs']} | {f3(d['precision'])} | {f3(d['recall'])} | {f3(d['f1'])} "
                 f"({', '.join(f3(x) for x in a['f1_per_seed'])}) | {f3(a['candidate_recall'])} | "
                 f"{f3(a['p_ge_099']['precision'])} ({a['p_ge_099']['n']}) | {f3(o['precision'])} / {f3(o['recall'])} / {f3(o['f1'])} |")
    d = agg["dedupe"]
    L.append(f"| dedupe of the request list (pairs within clusters) | {d['true_pairs']} | {f3(d['default']['precision'])} | "
             f"{f3(d['default']['recall'])} | {f3(d['default']['f1'])} ({', '.join(f3(x) for x in d['f1_per_seed'])}) | "
             f"{f3(d['candidate_recall'])} | {f3(d['p_ge_099']['precision'])} ({d['p_ge_099']['n']}) | – |")
    n = agg["names"]
    L.append(f"| `parley names` (match column) | {n['default']['tp'] + n['default']['fn']} of {n['pairs']} | "
             f"{f3(n['default']['precision'])} | {f3(n['default']['recall'])} | {f3(n['default']['f1'])} "
             f"({', '.join(f3(x) for x in n['f1_per_seed'])}) | – | – | – |")
    L.append("")
    L.append(f"Best-F1 threshold found afterwards (mean over seeds; for information, not a tuning target): "
             f"UA→RU {f3(agg['ua_ru']['best_threshold_mean'])} (F1 {f3(agg['ua_ru']['best_f1_mean'])}), "
             f"Latin→RU {f3(agg['med_ru']['best_threshold_mean'])} (F1 {f3(agg['med_ru']['best_f1_mean'])}), "
             f"names {f3(agg['names']['best_threshold_mean'])} (F1 {f3(agg['names']['best_f1_mean'])}).")
    L.append("")
    if "workspace" in agg:
        L.append("### Workspace path (`init`, `import`, `reconcile`; default review threshold 0.2, auto-accept 0.99)")
        L.append("")
        L.append("| lists | true pairs | links stored | auto-accepted | precision of auto-accepted | false auto-accepted | queued for review | precision of queue | true pairs auto-accepted | true pairs in review | true pairs not stored |")
        L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for left, w in agg["workspace"].items():
            L.append(f"| {left} → ru-custody | {w['true_pairs']} | {w['links']} | {w['auto_accepted']} | "
                     f"{f3(w['auto_accepted_precision'])} | {w['false_auto_accepted']} | {w['needs_review']} | "
                     f"{f3(w['queue_precision'])} | {pct(w['true_auto_accepted'])} | {pct(w['true_in_review'])} | "
                     f"{pct(w['true_not_stored'])} |")
        L.append("")
    L.append("### Hard negatives (different people who look alike)")
    L.append("")
    L.append("| kind | UA→RU pairs | linked at default | scored ≥0.01 | Latin→RU pairs | linked at default | request-list pairs | put in one cluster |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    kinds = sorted(set(agg["ua_ru"]["hard_negatives"]) | set(agg["med_ru"]["hard_negatives"]) | set(agg["dedupe"]["hard_negatives"]))
    for k in kinds:
        u = agg["ua_ru"]["hard_negatives"].get(k, {"n": 0, "linked_at_default": float("nan"), "candidates": float("nan")})
        m = agg["med_ru"]["hard_negatives"].get(k, {"n": 0, "linked_at_default": float("nan")})
        dd = agg["dedupe"]["hard_negatives"].get(k, {"n": 0, "same_cluster": float("nan")})
        L.append(f"| {k} | {u['n']} | {pct(u['linked_at_default'])} | {pct(u['candidates'])} | {m['n']} | "
                 f"{pct(m['linked_at_default'])} | {dd['n']} | {pct(dd['same_cluster'])} |")
    L.append("")
    L.append(f"Share of true pairs scored in the review band [0.2, 0.99) by `link`: UA→RU "
             f"{pct(agg['ua_ru']['band_0.2_0.99_true_share'])}, Latin→RU {pct(agg['med_ru']['band_0.2_0.99_true_share'])}.")
    L.append("")
    L.append("### Recall per error class (a pair counts in every class it carries)")
    L.append("")
    L.append("| class | UA→RU n | recall | cand. | Latin→RU n | recall | cand. | dedupe n | recall | cand. |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    allc = sorted(set(agg["ua_ru"]["per_class"]) | set(agg["med_ru"]["per_class"]) | set(agg["dedupe"]["per_class"]),
                  key=class_sort_key)
    for c in allc:
        cells = []
        for t in ("ua_ru", "med_ru", "dedupe"):
            v = agg[t]["per_class"].get(c)
            if v:
                cells += [str(v["n"]), f3(v["recall"]), f3(v.get("candidate_recall"))]
            else:
                cells += ["", "", ""]
        L.append(f"| {c} | " + " | ".join(cells) + " |")
    L.append("")
    L.append("### `parley names`: match rate per class (positives: recall; negatives: false-match rate)")
    L.append("")
    L.append("| class | n | match rate |")
    L.append("|---|---:|---:|")
    for c, v in sorted(agg["names"]["per_class"].items(), key=lambda kv: (kv[0][:3] != "pos", kv[0])):
        L.append(f"| {c} | {v['n']} | {f3(v['recall'])} |")
    L.append("")
    L.append("### Calibration (predicted probability vs observed match rate, pairs written at --threshold 0.01)")
    L.append("")
    L.append("| bin | UA→RU n | mean pred | observed | Latin→RU n | mean pred | observed | dedupe n | mean pred | observed | names n | mean score | observed |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    bins = []
    for t in ("ua_ru", "med_ru", "dedupe", "names"):
        for b in agg[t]["calibration"]:
            if b["bin"] not in bins:
                bins.append(b["bin"])
    order = [f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}" for lo, hi in zip(BINS[:-1], BINS[1:])]
    for bn in [x for x in order if x in bins]:
        cells = []
        for t in ("ua_ru", "med_ru", "dedupe", "names"):
            b = next((x for x in agg[t]["calibration"] if x["bin"] == bn), None)
            cells += [str(b["n"]), f3(b["mean_pred"]), f3(b["observed"])] if b else ["", "", ""]
        L.append(f"| {bn} | " + " | ".join(cells) + " |")
    L.append("")
    L.append("### Wall time and peak memory per run (mean / max wall over seeds, max RSS)")
    L.append("")
    L.append("| step | wall s (mean) | wall s (max) | peak RSS MB |")
    L.append("|---|---:|---:|---:|")
    for x in agg["runs"]:
        L.append(f"| {x['step']} | {x['wall_s_mean']:.2f} | {x['wall_s_max']:.2f} | {x['peak_rss_mb_max']:.1f} |")
    L.append("")
    if febrl:
        L.append("### FEBRL (English-language public test sets; converted: suburb as birth place, soc_sec_id as service number)")
        L.append("")
        if "skipped" in febrl:
            L.append(f"skipped: {febrl['skipped']}")
        else:
            L.append("| set | true pairs | precision | recall | F1 | candidate recall | precision p≥0.99 (n) |")
            L.append("|---|---:|---:|---:|---:|---:|---:|")
            for k, v in febrl.items():
                d = v["default"]
                cr = f3(v.get("candidate_recall"))
                p99 = f"{f3(v['p_ge_099']['precision'])} ({v['p_ge_099']['n']})" if "p_ge_099" in v else "–"
                L.append(f"| {k} | {v['true_pairs']} | {f3(d['precision'])} | {f3(d['recall'])} | {f3(d['f1'])} | {cr} | {p99} |")
        L.append("")
    return "\n".join(L)


def failures_report(failures_by_seed: list, n: int) -> str:
    """Tune split only: a sample of missed and false pairs with the rows' classes and scores."""
    L = ["### Failures (tune split only; first %d per task and kind)" % n, ""]
    for seed, data, fails in failures_by_seed:
        ua = {r["№"]: r for r in read_csv(os.path.join(data, "ua_request.csv"))}
        ru = {r["№ п/п"]: r for r in read_csv(os.path.join(data, "ru_register.csv"),
                                                encoding=("windows-1251" if "1251" in json.load(open(os.path.join(data, "meta.json")))["encodings"]["ru_register.csv"] else "utf-8"),
                                                delimiter=";")}
        med = {r["No."]: r for r in read_csv(os.path.join(data, "mediator_latin.csv"))}

        def show_ua(i):
            r = ua.get(i, {})
            return f"{r.get('Прізвище', '')} | {r.get('Ім' + chr(39) + 'я', '')} | {r.get('По батькові', '')} | {r.get('Дата народження', '')} | {r.get('Особистий номер', '')}"

        def show_ru(i):
            r = ru.get(i, {})
            return f"{r.get('ФИО', '')} | {r.get('Дата рождения', '')} | {r.get('Личный номер', '')}"

        def show_med(i):
            r = med.get(i, {})
            return f"{r.get('Full name', '')} | {r.get('Date of birth', '')} | {r.get('Service number', '')}"

        L.append(f"#### seed {seed}")
        for task, lf in (("ua_ru", show_ua), ("med_ru", show_med), ("dedupe", show_ua)):
            f = fails.get(task)
            if not f:
                continue
            rf = show_ru if task != "dedupe" else show_ua
            L.append(f"- **{task} missed** ({len(f['missed'])}):")
            for k in f["missed"][:n]:
                L.append(f"  - `{lf(k[0])}` ↔ `{rf(k[1])}` p={f['scores'].get(k, 'not written')} [{';'.join(f['truth'][k])}]")
            L.append(f"- **{task} false** ({len(f['false'])}):")
            for k in f["false"][:n]:
                L.append(f"  - `{lf(k[0])}` ↔ `{rf(k[1])}` p={f['scores'].get(k, '?')}")
        nf = fails.get("names", [])
        L.append(f"- **names wrong** ({len(nf)}):")
        for a, b, lab, cls, sc in nf[:n]:
            L.append(f"  - label {lab} {cls}: `{a}` ↔ `{b}` score {sc}")
        L.append("")
    return "\n".join(L)


def env_info(binp: str, argv: list) -> dict:
    import hashlib
    path = shutil.which(binp) or binp
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        digest = h.hexdigest()
    except OSError:
        digest = "?"
    try:
        ver = subprocess.run([path, "--version"], capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        ver = "?"
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"parley": path, "parley_sha256": digest, "parley_version": ver, "nproc": os.cpu_count(), "cpu": cpu,
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(), "command": " ".join(["python3", "bench/heldout/eval.py"] + argv)}


def clean_json(x):
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, dict):
        return {str(k): clean_json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean_json(v) for v in x]
    return x


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parley", default="parley", help="the binary under test (default: parley on PATH)")
    ap.add_argument("--data", action="append", help="a folder written by gen.py (repeatable)")
    ap.add_argument("--split", choices=list(SPLITS), help="generate and evaluate this split's seeds")
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--register", type=int, default=8000)
    ap.add_argument("--mediator", type=int, default=2000)
    ap.add_argument("--name-pairs", type=int, default=4000)
    ap.add_argument("--work", help="working folder (default: a temporary one)")
    ap.add_argument("--json", default=None, help="write the JSON report here (default: WORK/report.json)")
    ap.add_argument("--febrl", help="a FEBRL folder (dataset1-4); skipped cleanly if absent")
    ap.add_argument("--skip-workspace", action="store_true")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N",
                    help="tune split only: list N missed and N wrong pairs per task")
    a = ap.parse_args(argv)

    if a.split and a.split != "tune" and a.show_failures:
        print("eval.py: --show-failures is refused on the held-out splits (seeds 101 and up): "
              "its failures are never looked at.", file=sys.stderr)
        return 2
    binp = shutil.which(a.parley) or a.parley
    if not os.path.exists(binp):
        ap.error(f"no parley binary at {a.parley!r}")
    work = a.work or tempfile.mkdtemp(prefix="heldout-eval-")
    os.makedirs(work, exist_ok=True)

    datas = []
    generated = []
    if a.data:
        datas = a.data
    elif a.split:
        import gen
        for seed in SPLITS[a.split]:
            d = os.path.join(work, f"data-seed{seed}")
            gen.generate(seed, a.requests, a.register, a.mediator, d, a.name_pairs)
            datas.append(d)
            generated.append(d)
    else:
        ap.error("give --data DIR or --split tune|heldout|heldout-wide|heldout-long")

    seeds = []
    for d in datas:
        seeds.append(json.load(open(os.path.join(d, "meta.json"), encoding="utf-8")).get("seed"))
    heldout = (a.split is not None and a.split != "tune") or any(s in HELDOUT_SEEDS for s in seeds)
    if heldout and a.show_failures:
        print("eval.py: --show-failures is refused on the held-out splits (seeds 101 and up): "
              "its failures are never looked at.", file=sys.stderr)
        return 2
    label = (a.split or "heldout") if heldout else (a.split or "tune" if all(s in SPLITS["tune"] for s in seeds) else "other")

    results = []
    fails = []
    for d, seed in zip(datas, seeds):
        w = os.path.join(work, f"out-seed{seed}")
        print(f"eval.py: seed {seed}: running parley on {d}", file=sys.stderr)
        r, f = evaluate_dir(binp, d, w, heldout, a.skip_workspace)
        results.append(r)
        if f is not None and a.show_failures:
            fails.append((seed, d, f))
        if heldout:
            shutil.rmtree(w, ignore_errors=True)  # no per-pair tool output is kept for the held-out split
    febrl = None
    febrl_runs = []
    if a.febrl is not None:
        febrl = task_febrl(binp, a.febrl, work, febrl_runs)
    agg = aggregate(results)
    agg["runs"] += [{"step": x["step"], "wall_s_mean": x["wall_s"], "wall_s_max": x["wall_s"],
                     "peak_rss_mb_max": x["peak_rss_mb"] or 0} for x in febrl_runs]
    env = env_info(binp, argv)
    report = md_report(agg, label, heldout, env, results, febrl)
    print(report)
    if fails:
        print(failures_report(fails, a.show_failures))
    out_json = a.json or os.path.join(work, "report.json")
    per_seed = []
    for r in results:
        x = {k: v for k, v in r.items() if k != "meta"}
        x["meta"] = {k: r["meta"][k] for k in ("seed", "requests", "register", "mediator", "name_pairs",
                                                "true_pairs", "hard_cases", "relatives")}
        per_seed.append(x)
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(clean_json({"split": label, "env": env, "aggregate": agg, "per_seed": per_seed,
                              "febrl": febrl}), f, ensure_ascii=False, indent=1)
    print(f"\nJSON report: {out_json}", file=sys.stderr)
    if heldout:
        for d in generated:
            shutil.rmtree(d, ignore_errors=True)
        shutil.rmtree(os.path.join(work, "febrl"), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

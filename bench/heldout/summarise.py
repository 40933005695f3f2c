#!/usr/bin/env python3
"""Side-by-side markdown summary of two eval.py JSON reports (tune vs held-out).

    python3 summarise.py results/tune.json results/heldout.json
"""

from __future__ import annotations

import json
import sys


def f3(x):
    return "–" if x is None else f"{x:.3f}"


def pct(x):
    return "–" if x is None else f"{100 * x:.1f}%"


KEY_CLASSES = ["all", "clean", "hard_combo", "sn_typo", "sn_typo_first", "sn_letter_swap", "sn_uk_on_ru",
               "given_uk_ru", "given_ru_on_ua", "given_uk_on_ru", "given_diminutive", "yo_e", "apostrophe",
               "homoglyph", "digits_for_letters", "patr_missing", "patr_ru_on_ua", "date_day", "date_year",
               "date_swap", "date_year_only", "date_missing", "given_in_surname_col", "fullname_in_surname_col",
               "given_first_row", "honorific", "runtogether", "hyphenated", "lat_ua2010", "lat_icao", "lat_bgn",
               "lat_gost", "lat_fr", "lat_de", "lat_pl", "lat_en", "lat_localized", "svc_both", "svc_latin",
               "svc_homoglyph", "female"]


def main(a_path, b_path):
    A = json.load(open(a_path, encoding="utf-8"))
    B = json.load(open(b_path, encoding="utf-8"))
    na, nb = A["split"], B["split"]
    aa, ab = A["aggregate"], B["aggregate"]
    out = []
    out.append(f"| task | split | precision | recall | F1 | candidate recall @0.01 | precision p≥0.99 (n) |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    for t, name in (("ua_ru", "UA → RU link"), ("med_ru", "Latin → RU link"), ("dedupe", "dedupe (request list)"),
                    ("names", "`parley names`")):
        for lab, agg in ((na, aa), (nb, ab)):
            x = agg[t]
            d = x["default"]
            cr = f3(x.get("candidate_recall")) if "candidate_recall" in x else "–"
            p99 = f"{f3(x['p_ge_099']['precision'])} ({x['p_ge_099']['n']})" if "p_ge_099" in x else "–"
            out.append(f"| {name} | {lab} | {f3(d['precision'])} | {f3(d['recall'])} | {f3(d['f1'])} | {cr} | {p99} |")
    out.append("")
    out.append("| workspace lists | split | auto-accepted (precision) | queued (precision) | true auto-accepted | true in review | true not stored |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    for left in ("ua-request", "mediator"):
        for lab, agg in ((na, aa), (nb, ab)):
            w = agg["workspace"][left]
            out.append(f"| {left} → ru-custody | {lab} | {w['auto_accepted']} ({f3(w['auto_accepted_precision'])}) | "
                       f"{w['needs_review']} ({f3(w['queue_precision'])}) | {pct(w['true_auto_accepted'])} | "
                       f"{pct(w['true_in_review'])} | {pct(w['true_not_stored'])} |")
    out.append("")
    out.append(f"| hard negative | UA→RU linked ({na} / {nb}) | Latin→RU linked ({na} / {nb}) | request list, same cluster ({na} / {nb}) |")
    out.append("|---|---:|---:|---:|")
    kinds = sorted(set(aa["ua_ru"]["hard_negatives"]) | set(ab["ua_ru"]["hard_negatives"]))
    for k in kinds:
        def g(agg, t, key):
            v = agg[t]["hard_negatives"].get(k)
            return pct(v[key]) if v else "–"
        out.append(f"| {k} | {g(aa, 'ua_ru', 'linked_at_default')} / {g(ab, 'ua_ru', 'linked_at_default')} | "
                   f"{g(aa, 'med_ru', 'linked_at_default')} / {g(ab, 'med_ru', 'linked_at_default')} | "
                   f"{g(aa, 'dedupe', 'same_cluster')} / {g(ab, 'dedupe', 'same_cluster')} |")
    out.append("")
    out.append(f"Recall at the default threshold per error class ({na} / {nb}; n = pairs in the {nb} split):")
    out.append("")
    out.append("| class | UA→RU | n | Latin→RU | n | dedupe | n |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for c in KEY_CLASSES:
        cells = []
        for t in ("ua_ru", "med_ru", "dedupe"):
            va, vb = aa[t]["per_class"].get(c), ab[t]["per_class"].get(c)
            if va or vb:
                cells += [f"{f3(va['recall']) if va else '–'} / {f3(vb['recall']) if vb else '–'}",
                          str(vb["n"]) if vb else "–"]
            else:
                cells += ["", ""]
        out.append(f"| {c} | " + " | ".join(cells) + " |")
    out.append("")
    out.append(f"`parley names` match rate per class ({na} / {nb}):")
    out.append("")
    out.append("| class | match rate | n |")
    out.append("|---|---:|---:|")
    for c in sorted(set(aa["names"]["per_class"]) | set(ab["names"]["per_class"]), key=lambda k: (k[:3] != "pos", k)):
        va, vb = aa["names"]["per_class"].get(c), ab["names"]["per_class"].get(c)
        out.append(f"| {c} | {f3(va['recall']) if va else '–'} / {f3(vb['recall']) if vb else '–'} | {vb['n'] if vb else '–'} |")
    print("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

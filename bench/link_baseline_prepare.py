#!/usr/bin/env python3
"""The analyst's baseline, step 1: one TSV row per record, `id<TAB>full name<TAB>birth year`.

Reads a list file as `parley synth` or the held-out generator (bench/heldout/gen.py) writes it
(Ukrainian, Russian or English headers; either a single full-name column or
surname/given/patronymic columns; UTF-8 or Windows-1251; comma or semicolon) and writes the
name as written;
the script then romanises it with ICU (`uconv -x "Any-Latin; Latin-ASCII"`) and loads it into
PostgreSQL. Stdlib only.

usage: link_baseline_prepare.py LIST.csv OUT.tsv
"""
import csv
import io
import re
import sys

ID = {"id", "№", "no", "no.", "n", "№ п/п"}
FULL = {"full_name", "full name", "піб", "фио", "name"}
SURNAME = {"surname", "прізвище", "фамилия"}
GIVEN = {"given_name", "ім'я", "имя", "first_name"}
PATRONYMIC = {"patronymic", "по батькові", "отчество"}
BIRTH = {"birth_date", "дата народження", "дата рождения", "date_of_birth", "date of birth"}


def pick(header, names):
    for i, h in enumerate(header):
        if h.strip().lower().replace("’", "'") in names:
            return i
    return None


def main():
    raw = open(sys.argv[1], "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("windows-1251")  # how Russian registers are often written
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader)
        i_id, i_full = pick(header, ID), pick(header, FULL)
        parts = [pick(header, s) for s in (SURNAME, GIVEN, PATRONYMIC)]
        i_birth = pick(header, BIRTH)
        for row in reader:
            if i_full is not None:
                name = row[i_full]
            else:
                name = " ".join(row[i] for i in parts if i is not None and row[i])
            year = re.search(r"(19|20)\d\d", row[i_birth]) if i_birth is not None else None
            name = name.replace("\t", " ").strip()
            out.write(f"{row[i_id]}\t{name}\t{year.group(0) if year else ''}\n")


if __name__ == "__main__":
    main()

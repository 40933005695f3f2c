#!/usr/bin/env python3
"""Held-out generator: Ukrainian request list, Russian custody register, Latin mediator list.

    python3 gen.py --seed 1 --requests 3000 --register 8000 --mediator 2000 --out DIR

Writes DIR/ua_request.csv, DIR/ru_register.csv, DIR/mediator_latin.csv, DIR/name_pairs.csv,
the truth files truth_ua_ru.csv, truth_med_ru.csv, truth_dedupe.csv, truth_negatives.csv
and meta.json (name_pairs.csv carries its own label and class columns). Every true pair carries its error classes (see SPEC.md).

Python 3.11 standard library only; deterministic for a given seed and sizes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import names_uk_ru as NM  # noqa: E402
import romanise as RO  # noqa: E402

GEN_VERSION = "heldout-gen 1.0"

# ---------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------


def wchoice(rng: random.Random, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def pick(rng: random.Random, table: list[tuple[str, float]]) -> str:
    """table: [(outcome, probability)], remaining mass -> last outcome"""
    x = rng.random()
    acc = 0.0
    for k, p in table:
        acc += p
        if x < acc:
            return k
    return table[-1][0]


UK_LOWER = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
RU_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"

KB_UK = ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"]
KB_RU = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
KB_LAT = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _kb_neighbours(rows):
    nb = {}
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            s = set()
            for dr in (-1, 0, 1):
                rr = r + dr
                if 0 <= rr < len(rows):
                    for dc in (-1, 0, 1):
                        cc = c + dc
                        if (dr, dc) != (0, 0) and 0 <= cc < len(rows[rr]):
                            s.add(rows[rr][cc])
            nb[ch] = "".join(sorted(s))
    return nb


NB_UK = _kb_neighbours(KB_UK)
NB_RU = _kb_neighbours(KB_RU)
NB_LAT = _kb_neighbours(KB_LAT)

# letters confused by ear (dictated lists, interviews)
PHONETIC = {
    "о": "а", "а": "о", "е": "и", "и": "е", "д": "т", "т": "д", "з": "с", "с": "з", "б": "п",
    "п": "б", "г": "х", "х": "г", "в": "ф", "ф": "в", "ж": "ш", "ш": "ж", "ч": "щ", "щ": "ч",
    "o": "a", "a": "o", "e": "i", "i": "e", "d": "t", "t": "d", "z": "s", "s": "z", "b": "p",
    "p": "b", "v": "f", "k": "g", "g": "k",
}

# Latin letters that look like Cyrillic ones (typed on the wrong layout)
HOMO = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "І": "I"}

# one-letter swaps clerks make between the Ukrainian and Russian alphabets, by the keyboard
# they type on: a Ukrainian layout has і ї є ґ but no ы э ё; a Russian one the reverse.
LETTER_SWAP = {
    "uk": {"і": "и", "и": "і", "ї": "іи", "є": "е", "е": "є", "ґ": "г", "г": "ґ"},
    "ru": {"и": "ы", "ы": "и", "е": "эё", "э": "е", "ё": "е"},
}


def recase(orig: str, new: str) -> str:
    if orig.isupper() and len(orig) > 1:
        return new.upper()
    if orig[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def typo(word: str, rng: random.Random, script: str, first: bool = False) -> tuple[str, str]:
    """One clerical edit. Returns (new word, kind). kind in sub/transpose/double/drop/insert."""
    low = word.lower()
    nb = NB_UK if script == "uk" else NB_RU if script == "ru" else NB_LAT
    letters = [i for i, c in enumerate(low) if c.isalpha()]
    if len(letters) < 3:
        return word, ""
    for _ in range(20):
        kind = pick(rng, [("sub", 0.38), ("transpose", 0.18), ("double", 0.14), ("drop", 0.2),
                          ("insert", 0.10)])
        if first:
            pos = rng.choice(letters[:2])
        else:
            pos = rng.choice(letters)
        s = list(low)
        if kind == "sub":
            c = s[pos]
            if rng.random() < 0.5 and c in PHONETIC:
                s[pos] = PHONETIC[c]
            elif nb.get(c):
                s[pos] = rng.choice(nb[c])
            else:
                continue
        elif kind == "transpose":
            if pos + 1 >= len(s) or s[pos] == s[pos + 1] or not s[pos + 1].isalpha():
                continue
            s[pos], s[pos + 1] = s[pos + 1], s[pos]
        elif kind == "double":
            s.insert(pos, s[pos])
        elif kind == "drop":
            del s[pos]
        elif kind == "insert":
            c = s[pos]
            if not nb.get(c):
                continue
            s.insert(pos + rng.choice([0, 1]), rng.choice(nb[c]))
        new = "".join(s)
        if new != low and len(new) >= 2:
            return recase(word, new), kind
    return word, ""


def letter_swap(word: str, rng: random.Random, script: str = "uk") -> str:
    table = LETTER_SWAP[script]
    low = word.lower()
    pos = [i for i, c in enumerate(low) if c in table]
    if not pos:
        return word
    i = rng.choice(pos)
    s = list(low)
    s[i] = rng.choice(table[s[i]])
    return recase(word, "".join(s))


def homoglyphs(word: str, rng: random.Random) -> str:
    pos = [i for i, c in enumerate(word) if c in HOMO]
    if not pos:
        return word
    s = list(word)
    for i in rng.sample(pos, k=min(len(pos), rng.choice([1, 1, 2, 3]))):
        s[i] = HOMO[s[i]]
    return "".join(s)


CYR_DIGIT = {"З": "3", "з": "3", "О": "0", "о": "0", "б": "6", "Ч": "4"}
LAT_DIGIT = {"o": "0", "O": "0", "l": "1", "I": "1", "i": "1", "S": "5", "B": "8"}


def digits_for_letters(word: str, rng: random.Random, table: dict) -> str:
    pos = [i for i, c in enumerate(word) if c in table]
    if not pos:
        return word
    s = list(word)
    i = rng.choice(pos)
    s[i] = table[s[i]]
    return "".join(s)


def uk_typed_on_ru_keyboard(s: str, rng: random.Random) -> str:
    """A Ukrainian name typed by a Russian clerk letter by letter (no і, ї, є, ґ keys)."""
    out = []
    for c in s:
        if c == "і":
            out.append("и")
        elif c == "І":
            out.append("И")
        elif c == "ї":
            out.append(rng.choice(["и", "йи"]))
        elif c == "Ї":
            out.append("Йи")
        elif c == "є":
            out.append("е")
        elif c == "Є":
            out.append("Е")
        elif c in "ґ":
            out.append("г")
        elif c == "Ґ":
            out.append("Г")
        elif c in "'’ʼ":
            out.append(rng.choice(["ь", "ъ", ""]))
        else:
            out.append(c)
    return "".join(out)


def apostrophe_variant(s: str, rng: random.Random) -> str:
    if not any(c in "'’ʼ" for c in s):
        return s
    a = pick(rng, [("'", 0.5), ("’", 0.2), ("ʼ", 0.15), ("", 0.1), ("ь", 0.05)])
    return "".join(a if c in "'’ʼ" else c for c in s)


# ---------------------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------------------

SERIES_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЮЯ"
UA_RANKS = ["солдат", "старший солдат", "молодший сержант", "сержант", "старший сержант",
            "головний сержант", "штаб-сержант", "матрос", "старший матрос", "молодший лейтенант",
            "лейтенант", "старший лейтенант", "капітан", "майор", "підполковник", "полковник"]
RU_RANKS = ["рядовой", "ефрейтор", "младший сержант", "сержант", "старший сержант",
            "старшина", "старшина", "матрос", "старший матрос", "младший лейтенант",
            "лейтенант", "старший лейтенант", "капитан", "майор", "подполковник", "полковник"]
RANK_W = [30, 12, 10, 10, 8, 3, 2, 3, 1, 2, 4, 3, 3, 2, 1, 0.5]
HONORIFICS = ["Mr.", "Mr", "Pvt.", "Sgt.", "Sr. Sgt.", "Lt.", "Cpl.", "рядовой", "ст. сержант",
              "солдат", "мл. сержант", "ст. солдат"]


@dataclass
class Person:
    pid: str
    sex: str
    sur: NM.Surname
    given: NM.GivenName
    father: NM.GivenName
    bdate: dt.date
    town: NM.Town | None
    svc: tuple | None  # (letters, digits)
    rank: int  # -1 civilian
    kin: str = ""  # relation to another person, for negatives
    kin_of: str = ""


class World:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.n = 0
        self.svc_used = set()
        self.m_w = [g.weight for g in NM.GIVEN_MALE]
        self.f_w = [g.weight for g in NM.GIVEN_FEMALE]
        self.s_w = [s.weight for s in NM.SURNAMES]

    def pid(self) -> str:
        self.n += 1
        return f"P{self.n:06d}"

    def given(self, sex: str, exclude: set = frozenset()) -> NM.GivenName:
        tab, w = (NM.GIVEN_MALE, self.m_w) if sex == "m" else (NM.GIVEN_FEMALE, self.f_w)
        while True:
            g = wchoice(self.rng, tab, w)
            if g.uk not in exclude and g.ru not in exclude:
                return g

    def birth(self) -> dt.date:
        rng = self.rng
        y = int(round(rng.triangular(1962, 2005, 1990)))
        d0 = dt.date(y, 1, 1)
        return d0 + dt.timedelta(days=rng.randrange(365))

    def svc(self) -> tuple:
        while True:
            s = (self.rng.choice(SERIES_LETTERS) + self.rng.choice(SERIES_LETTERS),
                 f"{self.rng.randrange(10 ** 6):06d}")
            if s not in self.svc_used:
                self.svc_used.add(s)
                return s

    def person(self) -> Person:
        rng = self.rng
        sex = "f" if rng.random() < 0.05 else "m"
        civ = rng.random() < (0.5 if sex == "f" else 0.1)
        return Person(
            pid=self.pid(), sex=sex, sur=wchoice(rng, NM.SURNAMES, self.s_w),
            given=self.given(sex), father=self.given("m"), bdate=self.birth(),
            town=rng.choice(NM.TOWNS) if rng.random() < 0.9 else None,
            svc=None if civ or rng.random() < 0.2 else self.svc(),
            rank=-1 if civ else wchoice(rng, list(range(len(UA_RANKS))), RANK_W),
        )

    def relative(self, p: Person) -> Person:
        """A different person easily confused with p (the hard negatives)."""
        rng = self.rng
        kind = pick(rng, [("twin", 0.25), ("brother", 0.30), ("father_son", 0.2),
                          ("namesake", 0.15), ("same_name_diff_patr", 0.10)])
        if kind == "father_son" and p.sex != "m":
            kind = "brother"
        q = Person(pid=self.pid(), sex="m", sur=p.sur, given=p.given, father=p.father,
                   bdate=p.bdate, town=p.town, svc=self.svc() if rng.random() < 0.8 else None,
                   rank=wchoice(rng, list(range(len(UA_RANKS))), RANK_W), kin=kind, kin_of=p.pid)
        if p.sex == "f":
            q.sex = "f"
        if kind == "twin":
            q.given = self.given(q.sex, exclude={p.given.uk, p.given.ru})
        elif kind == "brother":
            q.given = self.given(q.sex, exclude={p.given.uk, p.given.ru})
            gap = rng.randint(400, 12 * 365) * rng.choice([-1, 1])
            q.bdate = clamp_date(p.bdate + dt.timedelta(days=gap))
        elif kind == "father_son":
            # the son is named after his father: same surname and given name; the father's
            # patronymic is the grandfather's name; 19-35 years between them.
            p.father = p.given  # the son carries his father's name
            q.given = p.given
            q.father = self.given("m")
            q.bdate = clamp_date(p.bdate - dt.timedelta(days=rng.randint(19 * 365, 35 * 365)), lo=1935)
            q.town = p.town if rng.random() < 0.6 else rng.choice(NM.TOWNS)
        elif kind == "namesake":
            gap = rng.randint(2 * 365, 20 * 365) * rng.choice([-1, 1])
            q.bdate = clamp_date(p.bdate + dt.timedelta(days=gap))
            q.town = rng.choice(NM.TOWNS)
        elif kind == "same_name_diff_patr":
            q.father = self.given("m", exclude={p.father.uk, p.father.ru})
            gap = rng.randint(0, 4 * 365) * rng.choice([-1, 1])
            q.bdate = clamp_date(p.bdate + dt.timedelta(days=gap))
            q.town = rng.choice(NM.TOWNS)
        return q


def clamp_date(d: dt.date, lo: int = 1940, hi: int = 2006) -> dt.date:
    if d.year < lo:
        return dt.date(lo, d.month, min(d.day, 28))
    if d.year > hi:
        return dt.date(hi, d.month, min(d.day, 28))
    return d


# ---------------------------------------------------------------------------------------
# rendering rows with clerical noise. Each renderer returns (row dict, tags set, parts)
# where parts = canonical name parts written, for the name-pair file.
# ---------------------------------------------------------------------------------------


def noisy_date(d: dt.date, rng: random.Random, probs: list, tags: set) -> tuple:
    """Returns (date or None, precision 'day'|'month'|'year'|None)."""
    kind = pick(rng, probs)
    if kind == "date_day":
        d = d + dt.timedelta(days=rng.choice([-1, 1]))
    elif kind == "date_year":
        y = d.year + rng.choice([-1, 1])
        d = dt.date(y, d.month, min(d.day, 28) if d.month == 2 else d.day)
    elif kind == "date_swap":
        if d.day <= 12 and d.day != d.month:
            d = dt.date(d.year, d.day, d.month)
        else:
            kind = "exact"
    elif kind == "date_year_only":
        tags.add(kind)
        return d, "year"
    elif kind == "date_month_year":
        tags.add(kind)
        return d, "month"
    elif kind == "date_missing":
        tags.add(kind)
        return None, None
    if kind != "exact":
        tags.add(kind)
    return d, "day"


def fmt_date_dmy(d, prec, rng, sep=".", pad=True):
    if d is None:
        return ""
    if prec == "year":
        return f"{d.year}"
    if prec == "month":
        return f"{d.month:02d}{sep}{d.year}"
    if pad:
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return f"{d.day}{sep}{d.month}{sep}{d.year}"


def svc_text_cyr(svc, rng, style_probs):
    letters, digits = svc
    style = pick(rng, style_probs)
    if style == "space":
        return f"{letters} {digits}", "svc_space"
    if style == "hyphen":
        return f"{letters}-{digits}", "svc_space"
    return f"{letters}{digits}", ""


def svc_digit_typo(digits: str, rng: random.Random) -> str:
    s = list(digits)
    i = rng.randrange(len(s))
    if rng.random() < 0.5 and i + 1 < len(s) and s[i] != s[i + 1]:
        s[i], s[i + 1] = s[i + 1], s[i]
    else:
        s[i] = str((int(s[i]) + rng.choice([1, 9, 3])) % 10)
    return "".join(s)


def render_ua(p: Person, rng: random.Random, hard: bool) -> tuple[dict, set, dict]:
    """A row of the Ukrainian request list (families' and units' submissions)."""
    tags: set = set()
    forms: dict = {}
    # surname
    sur = NM.surname_for_sex(p.sur, "uk", p.sex)
    if rng.random() < 0.03 and p.sur.ru != p.sur.uk:
        sur = NM.surname_for_sex(p.sur, "ru", p.sex)
        tags.add("sn_ru_on_ua")
    # given name
    g_kind = pick(rng, [("dim", 0.05), ("ru", 0.08), ("uk", 0.87)])
    if hard:
        g_kind = "uk"  # the register will hold the Russian form
    if g_kind == "dim":
        given = rng.choice(p.given.uk_dim + p.given.ru_dim[:1])
        tags.add("given_diminutive")
    elif g_kind == "ru":
        given = p.given.ru
        if p.given.ru != p.given.uk:
            tags.add("given_ru_on_ua")
    else:
        given = p.given.uk
    forms["given"] = g_kind
    # patronymic
    pr = rng.random()
    if pr < 0.08:
        patr = ""
        tags.add("patr_missing")
    elif pr < (0.13 if g_kind != "ru" else 0.5):
        patr = NM.patronymic(p.father, "ru", p.sex)
        if patr != NM.patronymic(p.father, "uk", p.sex):
            tags.add("patr_ru_on_ua")
    else:
        patr = NM.patronymic(p.father, "uk", p.sex)
    # surname noise
    if hard or rng.random() < 0.10:
        first = rng.random() < 0.3
        new, kind = typo(sur, rng, "uk", first=first)
        if kind:
            sur = new
            tags.add("sn_typo")
            tags.add("sn_typo_" + ("first" if first else kind))
    if rng.random() < 0.03:
        new = letter_swap(sur, rng, "uk")
        if new != sur:
            sur = new
            tags.add("sn_letter_swap")
    # apostrophes
    for part in ("sur", "given", "patr"):
        v = {"sur": sur, "given": given, "patr": patr}[part]
        if any(c in "'’ʼ" for c in v):
            tags.add("apostrophe")
            v = apostrophe_variant(v, rng)
            if part == "sur":
                sur = v
            elif part == "given":
                given = v
            else:
                patr = v
    if rng.random() < 0.03:
        tags.add("homoglyph")
        if rng.random() < 0.6:
            sur = homoglyphs(sur, rng)
        else:
            given = homoglyphs(given, rng)
    if rng.random() < 0.006:
        new = digits_for_letters(sur, rng, CYR_DIGIT)
        if new != sur:
            sur = new
            tags.add("digits_for_letters")
    if rng.random() < 0.15:
        sur = sur.upper()
    # columns
    c_kind = pick(rng, [("swap", 0.02), ("full_in_sur", 0.03), ("ok", 0.95)])
    col_sur, col_given, col_patr = sur, given, patr
    if c_kind == "swap":
        col_sur, col_given = given, sur
        tags.add("given_in_surname_col")
    elif c_kind == "full_in_sur":
        tags.add("fullname_in_surname_col")
        if rng.random() < 0.5:
            col_sur = " ".join(x for x in (given, patr, sur) if x)
            tags.add("given_first_row")
        else:
            col_sur = " ".join(x for x in (sur, given, patr) if x)
        col_given = col_patr = ""
    if rng.random() < 0.04:
        col_sur = col_sur + " "
    # date
    dprobs = [("date_day", 0.04), ("date_year", 0.04), ("date_swap", 0.02),
              ("date_year_only", 0.08), ("date_month_year", 0.02), ("date_missing", 0.07),
              ("exact", 0.73)]
    if hard:
        dprobs = [("date_day", 0.45), ("date_year", 0.4), ("date_swap", 0.15)]
    d, prec = noisy_date(p.bdate, rng, dprobs, tags)
    date_s = fmt_date_dmy(d, prec, rng, pad=rng.random() < 0.93)
    # place
    place = ""
    if p.town and rng.random() < 0.5:
        t = p.town.uk_old if (p.town.uk_old and rng.random() < 0.25) else p.town.uk
        place = rng.choice(["м. ", "", "м."]) + t
    # service number
    svc_s = ""
    if p.svc and rng.random() < 0.45:
        letters, digits = p.svc
        style = pick(rng, [("homo", 0.06), ("latin", 0.05), ("space", 0.25), ("hyphen", 0.05),
                           ("plain", 0.59)])
        if style == "homo" and any(c in HOMO for c in letters):
            # typed on the Latin layout where the letters look alike: ВК -> BK, ЩЕ -> ЩE
            svc_s = "".join(HOMO.get(c, c) for c in letters) + digits
            tags.add("svc_homoglyph")
        elif style == "latin":
            sysn = rng.choice(["ua2010", "bgn"])
            svc_s = RO.romanise_series(letters, sysn) + digits
            tags.add("svc_latin")
        else:
            svc_s, t = svc_text_cyr(p.svc, rng, [(style if style in ("space", "hyphen") else "plain", 1.0)])
            if t:
                tags.add(t)
        if rng.random() < 0.02:
            svc_s = svc_s[: -len(digits)] + svc_digit_typo(digits, rng)
            tags.add("svc_typo")
    row = {
        "Прізвище": col_sur, "Ім'я": col_given, "По батькові": col_patr,
        "Дата народження": date_s, "Місце народження": place, "Особистий номер": svc_s,
        "Військове звання": UA_RANKS[p.rank] if p.rank >= 0 and rng.random() < 0.7 else "",
        "Стать": ("ч" if p.sex == "m" else "ж") if rng.random() < 0.6 else "",
        "Категорія": ("цивільний" if p.rank < 0 else "військовослужбовець") if rng.random() < 0.5 else "",
        "Примітка": rng.choice(["", "", "", "за даними родини", "за даними в/ч", "повторне звернення",
                                "зник безвісти", "інформація з відкритих джерел"]),
    }
    parts = {"sur": sur, "given": given, "patr": patr, "svc": bool(svc_s), "date": date_s}
    return row, tags, parts


def render_ru(p: Person, rng: random.Random, hard: bool) -> tuple[dict, set, dict]:
    """A row of the Russian custody register (ФИО in one column, Russian spelling)."""
    tags: set = set()
    # surname
    if rng.random() < 0.22:
        sur = uk_typed_on_ru_keyboard(NM.surname_for_sex(p.sur, "uk", p.sex), rng)
        if sur != NM.surname_for_sex(p.sur, "ru", p.sex):
            tags.add("sn_uk_on_ru")
    else:
        sur = NM.surname_for_sex(p.sur, "ru", p.sex)
    if rng.random() < 0.05:
        first = rng.random() < 0.3
        new, kind = typo(sur, rng, "ru", first=first)
        if kind:
            sur = new
            tags.add("sn_typo")
            tags.add("sn_typo_" + ("first" if first else kind))
    if rng.random() < 0.02:
        new = letter_swap(sur, rng, "ru")
        if new != sur:
            sur = new
            tags.add("sn_letter_swap")
    # given name
    g_kind = pick(rng, [("uk", 0.12), ("dim", 0.02), ("ru", 0.86)])
    if hard:
        g_kind = "ru"
    if g_kind == "uk":
        given = uk_typed_on_ru_keyboard(p.given.uk, rng)
        if given != p.given.ru:
            tags.add("given_uk_on_ru")
    elif g_kind == "dim":
        given = rng.choice(p.given.ru_dim)
        tags.add("given_diminutive")
    else:
        given = p.given.ru
    # patronymic
    pr = rng.random()
    if pr < 0.05:
        patr = ""
        tags.add("patr_missing")
    elif pr < 0.15:
        patr = uk_typed_on_ru_keyboard(NM.patronymic(p.father, "uk", p.sex), rng)
        if patr != NM.patronymic(p.father, "ru", p.sex):
            tags.add("patr_uk_on_ru")
    else:
        patr = NM.patronymic(p.father, "ru", p.sex)
    # ё written or not (the register is inconsistent)
    keep_yo = rng.random() < 0.35
    if not keep_yo:
        if "ё" in sur + given + patr:
            tags.add("yo_e")
        sur, given, patr = (x.replace("ё", "е").replace("Ё", "Е") for x in (sur, given, patr))
    elif "ё" in sur + given + patr:
        tags.add("yo_e")
    if rng.random() < 0.01:
        tags.add("homoglyph")
        sur = homoglyphs(sur, rng)
    if rng.random() < 0.10:
        sur = sur.upper()
    order_given_first = rng.random() < 0.04
    if order_given_first:
        tags.add("given_first_row")
        fio = " ".join(x for x in (given, patr, sur) if x)
    else:
        fio = " ".join(x for x in (sur, given, patr) if x)
    if rng.random() < 0.02 and p.rank >= 0:
        fio = RU_RANKS[p.rank] + " " + fio
        tags.add("honorific")
    # date
    dprobs = [("date_day", 0.03), ("date_year", 0.03), ("date_swap", 0.02),
              ("date_year_only", 0.03), ("date_missing", 0.04), ("exact", 0.85)]
    if hard:
        dprobs = [("exact", 1.0)]
    d, prec = noisy_date(p.bdate, rng, dprobs, tags)
    if prec == "day" and rng.random() < 0.15:
        date_s = d.isoformat()
    else:
        date_s = fmt_date_dmy(d, prec, rng)
    place = ""
    if p.town and rng.random() < 0.6:
        t = p.town.ru_old if (p.town.ru_old and rng.random() < 0.4) else p.town.ru
        place = rng.choice(["г. ", "", "г."]) + t
    svc_s = ""
    if p.svc and rng.random() < 0.6:
        svc_s, t = svc_text_cyr(p.svc, rng, [("space", 0.5), ("hyphen", 0.1), ("plain", 0.4)])
        if t:
            tags.add(t)
        if rng.random() < 0.015:
            letters, digits = p.svc
            svc_s = svc_s[: -len(digits)] + svc_digit_typo(digits, rng)
            tags.add("svc_typo")
    row = {
        "ФИО": fio, "Дата рождения": date_s, "Место рождения": place, "Личный номер": svc_s,
        "Воинское звание": (RU_RANKS[p.rank] if p.rank >= 0 else "гражданское лицо") if rng.random() < 0.8 else "",
        "Пол": ("м" if p.sex == "m" else "ж") if rng.random() < 0.7 else "",
        "Примечание": rng.choice(["", "", "", "", "содержится", "переведён", "на лечении",
                                  "карантин"]),
    }
    parts = {"sur": sur, "given": given, "patr": patr, "svc": bool(svc_s), "date": date_s}
    return row, tags, parts


MED_SYSTEMS_UK = [("ua2010", 0.30), ("en", 0.22), ("pl", 0.12), ("bgn", 0.10), ("de", 0.08),
                  ("fr", 0.08), ("icao", 0.05), ("gost", 0.05)]
MED_SYSTEMS_RU = [("icao", 0.30), ("en", 0.23), ("bgn", 0.15), ("fr", 0.12), ("de", 0.10),
                  ("gost", 0.10)]


def render_med(p: Person, rng: random.Random) -> tuple[dict, set, dict]:
    """A row of the mediator's Latin list."""
    tags: set = set()
    lang = "uk" if rng.random() < 0.5 else "ru"
    system = pick(rng, MED_SYSTEMS_UK if lang == "uk" else MED_SYSTEMS_RU)
    tags.add("lat_" + system)
    tags.add("lat_from_" + lang)
    habit = RO.english_habit(rng) if system == "en" else None
    keep_dia = rng.random() < 0.5
    sur_c = NM.surname_for_sex(p.sur, lang, p.sex)
    giv_c = p.given.uk if lang == "uk" else p.given.ru
    patr_c = NM.patronymic(p.father, lang, p.sex)

    def rom(s):
        return RO.romanise(s, system, lang, rng, habit, keep_diacritics=keep_dia)

    sur = rom(sur_c)
    given = rom(giv_c)
    loc = NM.LOCALIZED.get(p.given.ru)
    if loc and system in ("en", "fr", "de", "pl") and rng.random() < 0.2:
        given = loc[system]
        if not keep_dia:
            given = RO.strip_diacritics(given)
        tags.add("lat_localized")
    patr = rom(patr_c) if rng.random() < 0.4 else ""
    if not patr:
        tags.add("patr_missing")
    if rng.random() < 0.04:
        first = rng.random() < 0.3
        new, kind = typo(sur, rng, "lat", first=first)
        if kind:
            sur = new
            tags.add("sn_typo")
            tags.add("sn_typo_" + ("first" if first else kind))
    if rng.random() < 0.02:
        if rng.random() < 0.6:
            new = digits_for_letters(sur, rng, LAT_DIGIT)
            if new != sur:
                sur = new
                tags.add("digits_for_letters")
        else:
            new = digits_for_letters(given, rng, LAT_DIGIT)
            if new != given:
                given = new
                tags.add("digits_for_letters")
    given_first = rng.random() < 0.6
    if given_first:
        tags.add("given_first_row")
        toks = [given] + ([patr] if patr else []) + [sur]
    else:
        toks = [sur.upper() if rng.random() < 0.5 else sur, given] + ([patr] if patr else [])
    j = pick(rng, [("runtogether", 0.03), ("hyphenated", 0.03), ("space", 0.94)])
    if j != "space" and len(toks) >= 2:
        k = rng.randrange(len(toks) - 1)
        glue = "" if j == "runtogether" else "-"
        toks = toks[:k] + [toks[k] + glue + toks[k + 1]] + toks[k + 2:]
        tags.add(j)
    full = " ".join(toks)
    if rng.random() < 0.12:
        h = rng.choice(HONORIFICS)
        if h in ("рядовой", "ст. сержант", "солдат", "мл. сержант", "ст. солдат") or rng.random() < 0.8:
            full = h + " " + full
        else:
            full = full + ", " + h
        tags.add("honorific")
    # date
    d, prec = noisy_date(p.bdate, rng, [("date_day", 0.02), ("date_year", 0.02),
                                        ("date_swap", 0.03), ("date_year_only", 0.05),
                                        ("date_missing", 0.05), ("exact", 0.83)], tags)
    if d is None:
        date_s = ""
    elif prec == "year":
        date_s = str(d.year)
    elif prec == "month":
        date_s = f"{d.year}-{d.month:02d}"
    elif rng.random() < 0.5:
        date_s = f"{d.day:02d}/{d.month:02d}/{d.year}"
    else:
        date_s = d.isoformat()
    svc_s = ""
    if p.svc and rng.random() < 0.35:
        letters, digits = p.svc
        st = pick(rng, [("latin", 0.6), ("latin_space", 0.2), ("cyr", 0.2)])
        if st == "cyr":
            svc_s = letters + digits
        else:
            ssys = system if system != "en" else rng.choice(["icao", "bgn"])
            lat = RO.romanise_series(letters, ssys, habit)
            svc_s = lat + (" " if st == "latin_space" else "") + digits
            tags.add("svc_latin")
            if st == "latin_space":
                tags.add("svc_space")
    place = ""
    if p.town and rng.random() < 0.2:
        place = RO.romanise(p.town.uk, "ua2010", "uk") if lang == "uk" else RO.romanise(p.town.ru, "icao", "ru")
    row = {
        "Full name": full, "Date of birth": date_s, "Place of birth": place,
        "Service number": svc_s, "Sex": ("M" if p.sex == "m" else "F") if rng.random() < 0.7 else "",
        "Remarks": rng.choice(["", "", "", "requested by UA", "held by RF", "ICRC visit pending"]),
    }
    parts = {"sur": sur, "given": given, "patr": patr, "svc": bool(svc_s), "date": date_s,
             "system": system, "lang": lang}
    return row, tags, parts


# pair-level classes that follow from the two rows' tags and the name itself
def pair_classes(p: Person, ta: set, tb: set, lang_a: str, lang_b: str, forms_a=None) -> list:
    cl = set(ta) | set(tb)
    # the standard cross-language difference of each name part
    if lang_a != lang_b:
        if p.given.uk != p.given.ru and "given_ru_on_ua" not in ta and "given_uk_on_ru" not in tb \
                and "given_diminutive" not in cl:
            cl.add("given_uk_ru")
        if NM.patronymic(p.father, "uk", p.sex) != NM.patronymic(p.father, "ru", p.sex) \
                and "patr_missing" not in cl and "patr_ru_on_ua" not in ta and "patr_uk_on_ru" not in tb:
            cl.add("patr_uk_ru")
        if p.sur.uk != p.sur.ru and "sn_uk_on_ru" not in tb and "sn_ru_on_ua" not in ta:
            cl.add("sn_uk_ru")
    date_off = cl & {"date_day", "date_year", "date_swap"}
    given_differs = cl & {"given_uk_ru", "given_ru_on_ua", "given_uk_on_ru", "given_diminutive",
                          "lat_localized"} or (lang_a != lang_b and p.given.uk != p.given.ru)
    if "sn_typo" in cl and given_differs and date_off:
        cl.add("hard_combo")
    errs = {c for c in cl if not c.startswith("lat_from_") and c not in
            ("given_uk_ru", "patr_uk_ru", "sn_uk_ru", "yo_e", "apostrophe", "svc_space", "svc_present")}
    errs = {c for c in errs if not c.startswith("lat_") or c == "lat_localized"}
    if not errs:
        cl.add("clean")
    if p.sex == "f":
        cl.add("female")
    return sorted(cl)


def svc_pair_tags(cl: list, a_has: bool, b_has: bool) -> list:
    """Service-number classes only mean something when both rows carry a number."""
    if a_has and b_has:
        return sorted(set(cl) | {"svc_both"})
    return [c for c in cl if not c.startswith("svc_")]


# ---------------------------------------------------------------------------------------
# name pairs for `parley names`
# ---------------------------------------------------------------------------------------


def full_cyr(sur, given, patr, order="sgp"):
    parts = {"s": sur, "g": given, "p": patr}
    return " ".join(parts[c] for c in order if parts[c])


NEAR_GIVEN = [("Олександр", "Олексій"), ("Віталій", "Віктор"), ("Валерій", "Валентин"),
              ("Станіслав", "Святослав"), ("Ярослав", "Владислав"), ("Ярослав", "Мирослав"),
              ("Юрій", "Юліан"), ("Іван", "Ігор"), ("Василь", "Вадим"), ("Андрій", "Андріан"),
              ("Роман", "Руслан"), ("Денис", "Данило"), ("Михайло", "Микола"),
              ("Максим", "Макар"), ("Богдан", "Борис"), ("Петро", "Павло"), ("Артем", "Артур"),
              ("Костянтин", "Валентин"), ("Геннадій", "Георгій"), ("Арсен", "Арсеній"),
              ("Ростислав", "Станіслав"), ("Леонід", "Леонтій"), ("Тарас", "Трохим"),
              ("Олег", "Олесь"), ("Сергій", "Семен"), ("Дмитро", "Данило")]


def name_pairs(people: list[Person], rng: random.Random, n_pairs: int) -> list[dict]:
    """Balanced positive / hard-negative name pairs (Cyrillic vs Cyrillic or Latin)."""
    out = []
    by_given = {g.uk: g for g in NM.GIVEN_MALE}
    pos_kinds = [("uk_ru_full", 0.16), ("latin", 0.22), ("diminutive", 0.08), ("sn_typo", 0.12),
                 ("hard_combo", 0.1), ("given_first", 0.08), ("patr_missing", 0.06),
                 ("homoglyph", 0.04), ("apostrophe_or_yo", 0.06), ("letter_swap", 0.04),
                 ("lat_localized", 0.04)]
    neg_kinds = [("twin", 0.22), ("father_son", 0.16), ("near_given", 0.2), ("near_surname", 0.2),
                 ("near_surname_latin", 0.12), ("same_given_patr_other_surname", 0.1)]
    men = [p for p in people if p.sex == "m"]
    n_pos = n_pairs // 2
    # index surnames by their first three letters for near-surname negatives
    by_prefix: dict = {}
    for s in NM.SURNAMES:
        by_prefix.setdefault(s.uk[:3], []).append(s)
    near_sur = {s.uk: [t for t in by_prefix[s.uk[:3]] if t.uk != s.uk] for s in NM.SURNAMES}
    # people whose names carry an apostrophe or ё, for those classes
    def has(p, chars):
        return any(c in chars for c in p.sur.uk + p.sur.ru + p.given.uk + p.given.ru
                   + NM.patronymic(p.father, "uk", "m") + NM.patronymic(p.father, "ru", "m"))
    with_apos = [p for p in men if has(p, "'")]
    with_yo = [p for p in men if has(p, "ё")]
    for i in range(n_pairs):
        kind = pick(rng, pos_kinds) if i < n_pos else pick(rng, neg_kinds)
        pool = men
        if kind == "apostrophe_or_yo":
            pool = (with_apos if rng.random() < 0.5 else with_yo) or men
        p = rng.choice(pool)
        sur_uk, sur_ru = p.sur.uk, p.sur.ru
        g, f = p.given, p.father
        pu, pr_ = NM.patronymic(f, "uk", "m"), NM.patronymic(f, "ru", "m")
        a = full_cyr(sur_uk, g.uk, pu)
        if i < n_pos:
            if kind == "uk_ru_full":
                b = full_cyr(sur_ru, g.ru, pr_)
            elif kind == "latin":
                lang = rng.choice(["uk", "ru"])
                system = pick(rng, MED_SYSTEMS_UK if lang == "uk" else MED_SYSTEMS_RU)
                src = (sur_uk, g.uk, pu) if lang == "uk" else (sur_ru, g.ru, pr_)
                rs = [RO.romanise(x, system, lang, rng) for x in src]
                b = " ".join([rs[1], rs[0]] if rng.random() < 0.6 else [rs[0], rs[1]])
                kind = "latin_" + system
            elif kind == "diminutive":
                b = full_cyr(sur_uk, rng.choice(g.uk_dim + g.ru_dim), "")
            elif kind == "sn_typo":
                t, _ = typo(sur_uk, rng, "uk", first=rng.random() < 0.3)
                b = full_cyr(t, g.uk, pu)
            elif kind == "hard_combo":
                t, _ = typo(sur_ru, rng, "ru", first=rng.random() < 0.3)
                b = full_cyr(t, g.ru, pr_ if rng.random() < 0.5 else "")
                if g.uk == g.ru:
                    kind = "sn_typo_ru_form"
            elif kind == "given_first":
                b = full_cyr(sur_ru, g.ru, pr_, order="gps")
            elif kind == "patr_missing":
                b = full_cyr(sur_ru, g.ru, "")
            elif kind == "homoglyph":
                b = full_cyr(homoglyphs(sur_uk, rng), g.uk, pu)
            elif kind == "apostrophe_or_yo":
                if "ё" in sur_ru + g.ru + pr_ and not (any(c in "'’ʼ" for c in sur_uk + g.uk + pu)
                                                      and rng.random() < 0.5):
                    b = full_cyr(sur_ru.replace("ё", "е"), g.ru.replace("ё", "е"), pr_.replace("ё", "е"))
                    a = full_cyr(sur_ru, g.ru, pr_)
                    kind = "yo_e"
                else:
                    other = rng.choice(["’", "ʼ", "", "ь"])

                    def apo(x):
                        return "".join(other if c in "'’ʼ" else c for c in x)
                    b = full_cyr(apo(sur_uk), apo(g.uk), apo(pu))
                    kind = "apostrophe" if any(c in "'’ʼ" for c in sur_uk + g.uk + pu) else "identical"
            elif kind == "letter_swap":
                b = full_cyr(letter_swap(sur_ru, rng, "ru"), g.ru, pr_) if rng.random() < 0.5 \
                    else full_cyr(letter_swap(sur_uk, rng, "uk"), g.uk, pu)
            elif kind == "lat_localized":
                loc = NM.LOCALIZED.get(g.ru)
                if loc:
                    lang_sys = rng.choice(["en", "fr", "de", "pl"])
                    b = loc[lang_sys] + " " + RO.romanise(sur_ru, lang_sys if lang_sys != "pl" else "en", "ru", rng)
                else:
                    b = RO.romanise(g.uk + " " + sur_uk, "ua2010", "uk")
                    kind = "latin_ua2010"
            label = 1
        else:
            if kind == "twin":
                g2 = rng.choice([x for x in NM.GIVEN_MALE[:60] if x.uk != g.uk and x.ru != g.ru])
                b = full_cyr(sur_ru, g2.ru, pr_) if rng.random() < 0.5 else full_cyr(sur_uk, g2.uk, pu)
            elif kind == "father_son":
                f2 = rng.choice([x for x in NM.GIVEN_MALE[:60] if x.uk != f.uk])
                b = full_cyr(sur_ru, g.ru, NM.patronymic(f2, "ru", "m"))
            elif kind == "near_given":
                x, y = rng.choice(NEAR_GIVEN)
                gx, gy = by_given[x], by_given[y]
                a = full_cyr(sur_uk, gx.uk, pu)
                b = full_cyr(sur_ru, gy.ru, pr_) if rng.random() < 0.5 else full_cyr(sur_uk, gy.uk, pu)
            elif kind in ("near_surname", "near_surname_latin"):
                cands = near_sur.get(sur_uk) or []
                if not cands:
                    # fall back to a one-letter different real-looking surname family
                    s2 = rng.choice([s for s in NM.SURNAMES if s.family == p.sur.family and s.uk != sur_uk])
                else:
                    s2 = rng.choice(cands)
                if kind == "near_surname":
                    b = full_cyr(s2.ru, g.ru, pr_)
                else:
                    b = RO.romanise(g.uk + " " + s2.uk, "ua2010", "uk")
            else:
                s2 = rng.choice([s for s in NM.SURNAMES if s.uk[:1] != sur_uk[:1]])
                b = full_cyr(s2.uk, g.uk, pu)
            label = 0
        if a == b and label == 1 and kind not in ("identical",):
            kind = "identical"
        out.append({"name1": a, "name2": b, "label": label, "class": kind})
    rng.shuffle(out)
    return out


# ---------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------

UA_COLS = ["№", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Місце народження",
           "Особистий номер", "Військове звання", "Стать", "Категорія", "Примітка"]
RU_COLS = ["№ п/п", "ФИО", "Дата рождения", "Место рождения", "Личный номер", "Воинское звание",
           "Пол", "Примечание"]
MED_COLS = ["No.", "Full name", "Date of birth", "Place of birth", "Service number", "Sex", "Remarks"]


def write_csv(path, cols, rows, delimiter=",", encoding="utf-8", bom=False):
    enc = "utf-8-sig" if (bom and encoding == "utf-8") else encoding
    with open(path, "w", newline="", encoding=enc) as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(c, "") for c in cols])


def can_encode(rows, cols, enc):
    try:
        for r in rows:
            for c in cols:
                str(r.get(c, "")).encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def generate(seed: int, n_req: int, n_reg: int, n_med: int, out: str, n_names: int,
             utf8_only: bool = False) -> dict:
    rng = random.Random(seed)
    W = World(rng)
    os.makedirs(out, exist_ok=True)

    dup_rate = 0.10
    n_unique = max(1, round(n_req / (1 + dup_rate)))
    requested: list[Person] = [W.person() for _ in range(n_unique)]
    held = {p.pid: rng.random() < 0.75 for p in requested}
    # hard negatives: relatives and namesakes of requested people
    relatives: list[Person] = []
    for p in list(requested):
        if rng.random() < 0.10:
            q = W.relative(p)
            relatives.append(q)
    # some relatives are requested too (families ask for both brothers)
    also_req = [q for q in relatives if rng.random() < 0.25]
    # keep the request total: drop the same number of ordinary requested people (not kin)
    kin_pids = {q.kin_of for q in relatives}
    ordinary = [p for p in requested if p.pid not in kin_pids]
    rng.shuffle(ordinary)
    drop = {p.pid for p in ordinary[: len(also_req)]}
    requested = [p for p in requested if p.pid not in drop] + also_req
    for q in also_req:
        held[q.pid] = True
    # hard cases: surname typo AND Russian given-name form AND date off
    hard = {p.pid for p in requested
            if held.get(p.pid) and p.given.uk != p.given.ru and rng.random() < 0.07}

    # ---------------- request list rows (with duplicates)
    ua_rows = []  # (row, tags, parts, person)
    n_dup = n_req - len(requested)
    dup_of = [rng.choice(requested) for _ in range(max(0, n_dup))]
    for k, p in enumerate(requested + dup_of):
        row, tags, parts = render_ua(p, rng, hard=(k < len(requested) and p.pid in hard))
        ua_rows.append((row, tags, parts, p))
    ua_rows = ua_rows[:n_req]
    rng.shuffle(ua_rows)
    for i, (row, *_r) in enumerate(ua_rows):
        row["№"] = str(i + 1)

    # ---------------- register
    reg_people = [p for p in requested if held[p.pid]] + [q for q in relatives if q not in also_req]
    # relatives that are also requested are held (above) and already in reg_people
    seen = set()
    reg_people = [p for p in reg_people if not (p.pid in seen or seen.add(p.pid))]
    n_other = max(0, n_reg - len(reg_people))
    others = [W.person() for _ in range(n_other)]
    reg_people = (reg_people + others)[:n_reg] if n_reg >= len(reg_people) else reg_people
    rng.shuffle(reg_people)
    ru_rows = []
    for i, p in enumerate(reg_people):
        row, tags, parts = render_ru(p, rng, hard=p.pid in hard)
        row["№ п/п"] = str(i + 1)
        ru_rows.append((row, tags, parts, p))

    # ---------------- mediator list
    n_from_reg = min(len(reg_people), int(round(n_med * 0.85)))
    med_people = rng.sample(reg_people, n_from_reg) + [W.person() for _ in range(n_med - n_from_reg)]
    rng.shuffle(med_people)
    med_rows = []
    for i, p in enumerate(med_people):
        row, tags, parts = render_med(p, rng)
        row["No."] = str(i + 1)
        med_rows.append((row, tags, parts, p))

    # ---------------- truth
    reg_by_pid = {}
    for row, tags, parts, p in ru_rows:
        reg_by_pid.setdefault(p.pid, []).append((row, tags, parts))
    truth_ua_ru = []
    for row, tags, parts, p in ua_rows:
        for rrow, rtags, rparts in reg_by_pid.get(p.pid, []):
            cl = pair_classes(p, tags, rtags, "uk", "ru")
            cl = svc_pair_tags(cl, parts["svc"], rparts["svc"])
            truth_ua_ru.append({"ua_id": row["№"], "ru_id": rrow["№ п/п"], "person": p.pid,
                                "classes": ";".join(sorted(set(cl)))})
    truth_med_ru = []
    for row, tags, parts, p in med_rows:
        for rrow, rtags, rparts in reg_by_pid.get(p.pid, []):
            cl = pair_classes(p, tags, rtags, parts["lang"], "ru")
            cl = [c for c in cl if c not in ("given_uk_ru", "patr_uk_ru", "sn_uk_ru")]
            cl = svc_pair_tags(cl, parts["svc"], rparts["svc"])
            truth_med_ru.append({"med_id": row["No."], "ru_id": rrow["№ п/п"], "person": p.pid,
                                 "classes": ";".join(sorted(set(cl)))})
    truth_dedupe = [{"ua_id": row["№"], "person": p.pid,
                     "classes": ";".join(sorted(tags | ({"svc_present"} if parts["svc"] else set())))}
                    for row, tags, parts, p in ua_rows]
    # hard negatives
    ua_by_pid = {}
    for row, tags, parts, p in ua_rows:
        ua_by_pid.setdefault(p.pid, []).append(row["№"])
    negatives = []
    for q in relatives:
        for ua_id in ua_by_pid.get(q.kin_of, []):
            for rrow, _t, _p in reg_by_pid.get(q.pid, []):
                negatives.append({"task": "ua_ru", "left_id": ua_id, "right_id": rrow["№ п/п"],
                                  "kind": q.kin})
            for ua2 in ua_by_pid.get(q.pid, []):
                negatives.append({"task": "dedupe", "left_id": ua_id, "right_id": ua2, "kind": q.kin})
        # the relative's own request row against the requested person's register row
        for ua2 in ua_by_pid.get(q.pid, []):
            for rrow, _t, _p in reg_by_pid.get(q.kin_of, []):
                negatives.append({"task": "ua_ru", "left_id": ua2, "right_id": rrow["№ п/п"],
                                  "kind": q.kin})
    med_by_pid = {}
    for row, tags, parts, p in med_rows:
        med_by_pid.setdefault(p.pid, []).append(row["No."])
    for q in relatives:
        for a, b in ((q.kin_of, q.pid), (q.pid, q.kin_of)):
            for mid in med_by_pid.get(a, []):
                for rrow, _t, _p in reg_by_pid.get(b, []):
                    negatives.append({"task": "med_ru", "left_id": mid, "right_id": rrow["№ п/п"],
                                      "kind": q.kin})

    # ---------------- write
    ua_list = [r[0] for r in ua_rows]
    ru_list = [r[0] for r in ru_rows]
    med_list = [r[0] for r in med_rows]
    ru_enc = "windows-1251"
    if utf8_only or not can_encode(ru_list, RU_COLS, ru_enc):
        ru_enc = "utf-8"
    write_csv(os.path.join(out, "ua_request.csv"), UA_COLS, ua_list, bom=not utf8_only)
    write_csv(os.path.join(out, "ru_register.csv"), RU_COLS, ru_list, delimiter=";", encoding=ru_enc)
    write_csv(os.path.join(out, "mediator_latin.csv"), MED_COLS, med_list)
    write_csv(os.path.join(out, "truth_ua_ru.csv"), ["ua_id", "ru_id", "person", "classes"], truth_ua_ru)
    write_csv(os.path.join(out, "truth_med_ru.csv"), ["med_id", "ru_id", "person", "classes"], truth_med_ru)
    write_csv(os.path.join(out, "truth_dedupe.csv"), ["ua_id", "person", "classes"], truth_dedupe)
    write_csv(os.path.join(out, "truth_negatives.csv"), ["task", "left_id", "right_id", "kind"], negatives)
    pairs = name_pairs(requested + others, random.Random(seed * 7919 + 17), n_names)
    write_csv(os.path.join(out, "name_pairs.csv"), ["name1", "name2", "label", "class"], pairs)
    meta = {
        "generator": GEN_VERSION, "seed": seed,
        "split": "tune" if seed in (1, 2, 3) else "heldout" if seed in (101, 102, 103) else "other",
        "requests": len(ua_list), "register": len(ru_list), "mediator": len(med_list),
        "name_pairs": len(pairs), "unique_requested": len({p.pid for _, _, _, p in ua_rows}),
        "requested_held": sum(1 for p in requested if held[p.pid]),
        "relatives": len(relatives), "hard_cases": len(hard),
        "true_pairs": {"ua_ru": len(truth_ua_ru), "med_ru": len(truth_med_ru)},
        "encodings": {"ua_request.csv": "utf-8 (BOM)" if not utf8_only else "utf-8",
                      "ru_register.csv": ru_enc + " ;", "mediator_latin.csv": "utf-8"},
        "tables": NM.table_sizes(),
    }
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    return meta


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--register", type=int, default=8000)
    ap.add_argument("--mediator", type=int, default=2000)
    ap.add_argument("--name-pairs", type=int, default=4000)
    ap.add_argument("--utf8", action="store_true", help="write every file as UTF-8 without BOM")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    meta = generate(a.seed, a.requests, a.register, a.mediator, a.out, a.name_pairs, a.utf8)
    print(json.dumps(meta, ensure_ascii=False))


if __name__ == "__main__":
    main()

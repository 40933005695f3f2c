"""Romanisation tables written for the held-out benchmark from the published letter tables.

Systems (name -> source language it is applied to):
  ua2010  Ukraine, Cabinet of Ministers resolution 55 of 27.01.2010 (Ukrainian)
  icao    ICAO Doc 9303 part 3, used in Russian passports since 2013 (Russian)
  bgn     BGN/PCGN (Russian 1947, Ukrainian 1965)
  gost    GOST 7.79-2000 system B, diacritic-free (backticks dropped, as typed in practice)
  fr      French usage (Chevtchenko, Iouri, Sergueï)
  de      German Duden usage (Schewtschenko, Juri, Sergej)
  pl      Polish usage (Szewczenko, Ołeksandr), diacritics sometimes lost
  en      English ad hoc: a per-writer habit (x for кс, j for й, kh or h ...), drawn at random

Everything is deterministic given the `random.Random` passed in (only `en` and the
diacritic loss of `fr`/`pl` draw from it).
"""

from __future__ import annotations

import random
import unicodedata

UK_VOWELS = set("аеєиіїоуюя")
RU_VOWELS = set("аеёиоуыэюя")
VOWELS = UK_VOWELS | RU_VOWELS
APOS = set("'’ʼ`ʻ")
SOFT = set("ьъ") | APOS

# Plain letter tables; context rules are applied in the functions below.
UA2010 = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
}
UA2010_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}

BGN_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
BGN_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "yu", "я": "ya",
}

GOST_B = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "j", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x",
    "ц": "cz", "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}

FR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "io", "є": "ie",
    "ж": "j", "з": "z", "и": "i", "і": "i", "ї": "ï", "й": "ï", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "iou", "я": "ia",
}

DE = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "jo", "є": "je",
    "ж": "sh", "з": "s", "и": "i", "і": "i", "ї": "ji", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja",
}

PL = {
    "а": "a", "б": "b", "в": "w", "г": "h", "ґ": "g", "д": "d", "е": "e", "ё": "io", "є": "je",
    "ж": "ż", "з": "z", "и": "y", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "ł", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch",
    "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja",
}
PL_SOFTENED = {"с": "ś", "ц": "ć", "н": "ń", "з": "ź", "л": "l"}

SYSTEMS = ("ua2010", "icao", "bgn", "gost", "fr", "de", "pl", "en")
# which source form each system is normally applied to
SYSTEM_LANG = {"ua2010": ("uk",), "icao": ("ru",), "bgn": ("uk", "ru"), "gost": ("ru", "uk"),
               "fr": ("ru", "uk"), "de": ("ru", "uk"), "pl": ("uk",), "en": ("uk", "ru")}


def strip_diacritics(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _word(w: str, system: str, lang: str, habit: dict | None) -> str:
    lw = w.lower()
    n = len(lw)
    out = []
    i = 0
    while i < n:
        c = lw[i]
        prev = lw[i - 1] if i > 0 else ""
        nxt = lw[i + 1] if i + 1 < n else ""
        initial = i == 0 or prev in "-"
        after_vowel = prev in VOWELS or prev in SOFT
        if c in APOS:
            i += 1
            continue
        if c not in UA2010 and c not in ICAO:
            out.append(c)
            i += 1
            continue
        if system == "ua2010":
            if c == "з" and nxt == "г":
                out.append("zgh")
                i += 2
                continue
            if initial and c in UA2010_INITIAL:
                out.append(UA2010_INITIAL[c])
            else:
                out.append(UA2010.get(c, ICAO.get(c, "")))
        elif system == "icao":
            r = ICAO[c]
            if c == "г" and lang == "uk":
                r = "h"
            if c == "и" and lang == "uk":
                r = "y"
            out.append(r)
        elif system == "bgn":
            if lang == "uk":
                out.append(BGN_UK.get(c, BGN_RU.get(c, "")))
            else:
                r = BGN_RU.get(c, "")
                if c == "е" and (initial or after_vowel):
                    r = "ye"
                if c == "ё":
                    r = "yë" if (initial or after_vowel) else "ë"
                out.append(r)
        elif system == "gost":
            r = GOST_B[c]
            if c == "ц":
                r = "c" if nxt in ("е", "и", "і", "ы", "й", "є", "ї") else "cz"
            if c == "и" and lang == "uk":
                r = "y"
            out.append(r)
        elif system == "fr":
            r = FR[c]
            if c == "г":
                r = "h" if lang == "uk" else ("gu" if nxt in ("е", "и", "ы", "э", "і") else "g")
            if c == "и" and lang == "uk":
                r = "y"
            if c == "е" and (initial or after_vowel):
                r = "ie"
            if c == "с" and prev in VOWELS and nxt in VOWELS:
                r = "ss"
            if c == "й":
                # final -ий / -ій -> -i (Iouri, Dmitri); after other vowels ï (Sergueï)
                if i == n - 1 and prev in ("и", "і", "ы"):
                    r = ""
            if c == "и" and nxt == "й" and i + 1 == n - 1:
                r = "i"
            out.append(r)
        elif system == "de":
            r = DE[c]
            if c == "г" and lang == "uk":
                r = "h"
            if c == "и" and lang == "uk":
                r = "y"
            if c == "е" and (initial or after_vowel):
                r = "je"
            if c == "с" and prev in VOWELS and nxt in VOWELS:
                r = "ss"
            if c == "к" and nxt == "с":
                out.append("x")
                i += 2
                continue
            if c == "й":
                r = "j" if prev in VOWELS else "i"
            out.append(r)
        elif system == "pl":
            r = PL[c]
            if lang == "ru":
                if c == "г":
                    r = "g"
                if c == "и":
                    r = "i"
            soft_after = ("і", "ь", "я", "ю", "є", "ї") + (("и", "е", "ё") if lang == "ru" else ())
            if c == "л":
                r = "l" if nxt in soft_after else "ł"
            if c in ("я", "ю", "є", "ё") and not (initial or after_vowel):
                base = {"я": "a", "ю": "u", "є": "e", "ё": "o"}[c]
                r = base if prev == "л" else "i" + base
            if c == "е" and lang == "ru":
                if initial or after_vowel:
                    r = "je"
                elif prev not in ("л", "ж", "ш", "ц", "ч", "щ"):
                    r = "ie"
            if nxt == "ь" and c in PL_SOFTENED:
                r = PL_SOFTENED[c]
            out.append(r)
        elif system == "en":
            h = habit or {}
            r = ICAO.get(c, "")
            if c == "г":
                r = h.get("g_uk", "h") if lang == "uk" else "g"
            elif c == "ґ":
                r = "g"
            elif c == "е":
                r = h.get("e_init", "e") if (initial or (after_vowel and lang == "ru")) else "e"
            elif c == "є":
                r = h.get("ye", "ye")
            elif c == "ё":
                r = h.get("yo", "yo")
            elif c == "ж":
                r = h.get("zh", "zh")
            elif c == "и":
                if nxt == "й" and i + 1 == n - 1:
                    r = h.get("iy", "iy")
                    i += 2
                    out.append(r)
                    continue
                r = "y" if lang == "uk" else h.get("i_ru", "i")
            elif c == "і":
                if nxt == "й" and i + 1 == n - 1:
                    r = h.get("iy", "iy")
                    i += 2
                    out.append(r)
                    continue
                r = "i"
            elif c == "ї":
                r = h.get("yi", "yi")
            elif c == "й":
                r = h.get("y", "y")
            elif c == "х":
                r = h.get("kh", "kh")
            elif c == "ц":
                r = h.get("ts", "ts")
            elif c == "щ":
                r = h.get("shch", "shch")
            elif c == "ю":
                r = h.get("yu", "yu") if (initial or after_vowel or h.get("yu_always")) else h.get("iu", "yu")
            elif c == "я":
                r = h.get("ya", "ya") if (initial or after_vowel or h.get("yu_always")) else h.get("ia", "ya")
            elif c == "к" and nxt == "с" and h.get("x"):
                r = "x"
                i += 1
            elif c in "ьъ":
                r = h.get("soft", "")
            elif c == "ы":
                r = "y"
            out.append(r)
        else:
            raise ValueError(system)
        i += 1
    s = "".join(out)
    if not s:
        return s
    if w.isupper() and len(w) > 1:
        return s.upper()
    return s[0].upper() + s[1:]


def english_habit(rng: random.Random) -> dict:
    """One clerk's ad hoc habits for English-speaking romanisation."""
    return {
        "g_uk": rng.choice(["h", "h", "g"]),
        "e_init": rng.choice(["ye", "e"]),
        "ye": rng.choice(["ye", "ie", "e"]),
        "yo": rng.choice(["yo", "e", "io"]),
        "zh": rng.choice(["zh", "zh", "j"]),
        "i_ru": rng.choice(["i", "i", "y"]),
        "iy": rng.choice(["iy", "y", "ii", "i", "yi"]),
        "yi": rng.choice(["yi", "i", "ji"]),
        "y": rng.choice(["y", "i", "j"]),
        "kh": rng.choice(["kh", "kh", "h"]),
        "ts": rng.choice(["ts", "ts", "tz", "c"]),
        "shch": rng.choice(["shch", "sch", "sh"]),
        "yu": rng.choice(["yu", "ju"]),
        "iu": rng.choice(["yu", "iu", "ju"]),
        "ya": rng.choice(["ya", "ja"]),
        "ia": rng.choice(["ya", "ia", "ja"]),
        "x": rng.random() < 0.5,
        "soft": rng.choice(["", "", "'"]),
    }


def romanise(text: str, system: str, lang: str, rng: random.Random | None = None,
             habit: dict | None = None, keep_diacritics: bool = True) -> str:
    """Romanise a Cyrillic string word by word (spaces and hyphens kept)."""
    if system == "en" and habit is None:
        habit = english_habit(rng or random.Random(0))
    parts = []
    token = ""
    for ch in text:
        if ch in " -":
            if token:
                parts.append(_word(token, system, lang, habit))
            parts.append(ch)
            token = ""
        else:
            token += ch
    if token:
        parts.append(_word(token, system, lang, habit))
    s = "".join(parts)
    if not keep_diacritics:
        s = strip_diacritics(s)
    return s


# Service-number letter series in Latin: the same tables, upper-cased, no context rules.
def romanise_series(letters: str, system: str, habit: dict | None = None) -> str:
    lang = "uk" if system in ("ua2010", "pl") else "ru"
    return strip_diacritics(romanise(letters.lower(), system, lang, habit=habit)).upper()


if __name__ == "__main__":
    r = random.Random(1)
    for w, lang in [("Шевченко Олександр Миколайович", "uk"), ("Шевченко Александр Николаевич", "ru"),
                    ("Юрій Згурський", "uk"), ("Фёдор Соловьёв", "ru"), ("Євген Їжак", "uk"),
                    ("Сергей Ковалёв", "ru"), ("Дем'ян Лук'яненко", "uk"), ("Вячеслав Яковлев", "ru"),
                    ("Ілля Щербак", "uk"), ("Алексей Кузнецов", "ru")]:
        print(w)
        for s in SYSTEMS:
            if lang in SYSTEM_LANG[s] or True:
                print("   ", s, romanise(w, s, lang, r))
    print(romanise_series("ЩЕ", "fr"), romanise_series("ЩЕ", "ua2010"), romanise_series("ЩЕ", "de"),
          romanise_series("ЩЕ", "pl"), romanise_series("ЩЕ", "gost"))

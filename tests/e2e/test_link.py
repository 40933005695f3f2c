"""End-to-end tests of `parley link` and `parley dedupe` (file mode) on small list files.

Cross-script pairs that must match (Ukrainian request, Russian custody, Latin full names) and
namesakes that must not (same surname and given name, another father and birth date).
"""
import csv
import os
import unittest

from parley_e2e import ParleyTestCase

HEADER = ["id", "surname", "given_name", "patronymic", "birth_date", "birth_place",
          "service_number"]

# Filler people so that the model has non-matches to learn from; distinct on both sides.
FILLER_SURNAMES = ["Бондар", "Ткачук", "Мельничук", "Гнатюк", "Савчук", "Руденко", "Марченко",
                   "Клименко", "Павленко", "Левченко", "Кравчук", "Олійник", "Поліщук",
                   "Гончаренко", "Костенко", "Демченко", "Тимошенко", "Яковенко", "Данилюк",
                   "Захарченко"]
FILLER_GIVEN = [("Тарас", "Тарас"), ("Богдан", "Богдан"), ("Ігор", "Игорь"),
                ("Віктор", "Виктор"), ("Степан", "Степан")]


def filler(prefix, side, offset):
    rows = []
    for i, surname in enumerate(FILLER_SURNAMES):
        given = FILLER_GIVEN[(i + offset) % len(FILLER_GIVEN)][side]
        year = 1960 + (i * 7 + offset * 13) % 40
        rows.append([f"{prefix}{i}", surname + ("ов" if side else ""), given, "",
                     f"{1 + i % 28:02d}.{1 + (i + offset) % 12:02d}.{year}", "", ""])
    return rows


class LinkTest(ParleyTestCase):
    def write(self, name, header, rows):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        return self.path(name)

    def read(self, name):
        with open(self.path(name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def link(self, left, right, *extra):
        self.parley("link", left, right, "--out", self.path("pairs.csv"), *extra,
                    workspace=False)
        return {(r["left_id"], r["right_id"]): r for r in self.read("pairs.csv")}

    def requests(self):
        return self.write("request.csv", HEADER, [
            ["U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", "ЩР123456"],
            ["U2", "Лисенко", "Андрій", "Юрійович", "1985", "Харків", ""],
            ["U3", "Шевченко", "Дмитро", "Іванович", "01.02.1985", "Полтава", ""],
            ["U4", "Ковальська", "Наталія", "Олексіївна", "07.11.1979", "", ""],
        ] + filler("UF", 0, 0))

    def custody(self):
        return self.write("custody.csv", HEADER, [
            ["R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", "ЩP 123456"],
            ["R2", "Лысенко", "Андрей", "Юрьевич", "03.05.1985", "Харьков", ""],
            # Namesake of U3: another father, another birth date.
            ["R3", "Шевченко", "Дмитрий", "Петрович", "15.09.1979", "Львов", ""],
            ["R4", "Ковальская", "Наталья", "Алексеевна", "11.07.1979", "", ""],  # day/month swap
        ] + filler("RF", 1, 3))

    def test_cross_script_pairs_match_and_namesakes_do_not(self):
        pairs = self.link(self.requests(), self.custody())
        for pair in [("U1", "R1"), ("U2", "R2"), ("U4", "R4")]:
            self.assertIn(pair, pairs)
            self.assertGreaterEqual(float(pairs[pair]["probability"]), 0.5)
        self.assertNotIn(("U3", "R3"), pairs)
        self.assertNotIn(("U1", "R3"), pairs)

    def test_header_and_explanation_columns(self):
        self.link(self.requests(), self.custody())
        with open(self.path("pairs.csv"), encoding="utf-8") as f:
            header = f.readline().strip().split(",")
        self.assertEqual(header[:3], ["left_id", "right_id", "probability"])
        for field in ["surname", "given_name", "patronymic", "birth_date", "service_number",
                      "birth_place", "rank"]:
            self.assertIn(field, header)
            self.assertIn(field + "_weight", header)
        row = {r["left_id"]: r for r in self.read("pairs.csv")}["U1"]
        self.assertEqual(row["given_name"], "equivalent")  # Олександр / Александр
        self.assertEqual(row["service_number"], "exact")   # Latin P typed for Cyrillic Р
        self.assertEqual(row["birth_date"], "exact")

    def test_rank_tells_namesakes_apart_across_the_armies_words(self):
        # Two men of one name and year in the register; the request's "солдат" is the Russian
        # "рядовой", not the "подполковник".
        header = HEADER + ["rank"]
        request = self.write("request_rank.csv", header, [
            ["U1", "Ткаченко", "Андрій", "Петрович", "1988", "", "", "солдат"],
        ] + [row + [""] for row in filler("UF", 0, 0)])
        custody = self.write("custody_rank.csv", header, [
            ["R1", "Ткаченко", "Андрей", "Петрович", "1988", "", "", "подполковник"],
            ["R2", "Ткаченко", "Андрей", "Петрович", "1988", "", "", "рядовой"],
        ] + [row + [""] for row in filler("RF", 1, 3)])
        pairs = self.link(request, custody, "--threshold", "0.01")
        self.assertEqual(pairs[("U1", "R2")]["rank"], "exact")
        self.assertEqual(pairs[("U1", "R1")]["rank"], "different")
        self.assertGreater(float(pairs[("U1", "R2")]["probability"]),
                           float(pairs[("U1", "R1")]["probability"]))
        self.assertGreater(float(pairs[("U1", "R2")]["rank_weight"]), 0)

    def test_full_name_only_latin_file(self):
        latin = self.write("mediator.csv", ["id", "full_name", "birth_date"], [
            ["M1", "Oleksandr Mykolaiovych Shevchenko", "1990-03-12"],
            ["M2", "LYSENKO Andrii", "1985"],
            ["M3", "Dmytro Petrovych Shevchenko", "1979-06-14"],  # U3's namesake
        ] + [[f"MF{i}", f"{FILLER_GIVEN[i % 5][0]} {s}", f"{1960 + i}"]
             for i, s in enumerate(["Bondar", "Tkachuk", "Savchuk", "Rudenko", "Marchenko"])])
        pairs = self.link(latin, self.requests())
        self.assertIn(("M1", "U1"), pairs)
        self.assertIn(("M2", "U2"), pairs)
        self.assertNotIn(("M3", "U3"), pairs)

    def test_one_to_one(self):
        custody = self.custody()
        with open(custody, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        rows.append(["R1b", "Шевченко", "Александр", "Николаевич", "12.03.1990", "", ""])
        custody = self.write("custody2.csv", rows[0], rows[1:])
        # Two register rows of one person (same names, same full date, nothing conflicting):
        # not rivals for U1, both its partners.
        pairs = self.link(self.requests(), custody)
        self.assertIn(("U1", "R1"), pairs)
        self.assertIn(("U1", "R1b"), pairs)
        for right in ("R1", "R1b"):
            self.assertGreaterEqual(float(pairs[("U1", right)]["other_candidates_weight"]), 0)
        # A namesake row whose patronymic differs from R1's is another person: a rival,
        # sharing U1's odds with R1 (the better match keeps the larger share).
        rows.append(["R1c", "Шевченко", "Александр", "Петрович", "12.03.1990", "", ""])
        rivals = self.write("custody3.csv", rows[0], rows[1:])
        pairs = self.link(self.requests(), rivals, "--threshold", "0.001")
        self.assertLess(float(pairs[("U1", "R1c")]["other_candidates_weight"]), 0)
        self.assertGreater(float(pairs[("U1", "R1")]["probability"]),
                           float(pairs[("U1", "R1c")]["probability"]))
        pairs = self.link(self.requests(), custody, "--one-to-one")
        lefts = [l for l, _ in pairs]
        rights = [r for _, r in pairs]
        self.assertEqual(len(lefts), len(set(lefts)))
        self.assertEqual(len(rights), len(set(rights)))
        self.assertIn(("U1", "R1"), pairs)  # the one with more agreeing fields

    def test_dedupe_groups_duplicates_not_namesakes(self):
        rows = [
            ["1", "Шевченко", "Дмитро", "Іванович", "01.02.1985", "Полтава", ""],
            ["2", "Шевченко", "Дмитрий", "Иванович", "01.02.1985", "", ""],
            ["3", "Шевченко", "Дмитро", "", "1985", "", ""],
            ["4", "Шевченко", "Дмитро", "Петрович", "01.02.1985", "", ""],
            ["5", "Шевченко", "Дмитро", "Петрович", "01.02.1985", "Полтава", ""],
        ] + filler("F", 0, 0)
        listfile = self.write("list.csv", HEADER, rows)
        self.parley("dedupe", listfile, "--out", self.path("clusters.csv"), workspace=False)
        cluster = {r["id"]: r["cluster"] for r in self.read("clusters.csv")}
        self.assertEqual(len(cluster), len(rows))
        self.assertEqual(cluster["1"], cluster["2"])
        self.assertEqual(cluster["4"], cluster["5"])
        self.assertNotEqual(cluster["1"], cluster["4"], "namesakes chained together")
        # Record 3 (no patronymic, year only) may join either, never both.
        self.assertTrue(cluster["3"] != cluster["1"] or cluster["3"] != cluster["4"])

    def test_dedupe_finds_names_in_each_others_columns_and_a_day_off_at_a_months_end(self):
        # Rows with the given name in the surname column and the surname in the given-name
        # column (Юстин, Зосим), and a birth date written a day off across the end of September.
        rows = [
            ["1", "Журба", "Юстин", "Павлович", "29.06.1970", "Умань", ""],
            ["2", "Юстин", "Журба", "", "29.06.1970", "", ""],
            ["3", "Карась", "Адам", "Володимирович", "30.09.1982", "", ""],
            ["4", "Карась", "Адам", "Володимирович", "01.10.1982", "", ""],
            ["5", "Журба", "Олександр", "", "09.10.1992", "", ""],
            ["6", "Куліш", "Зосим", "Петрович", "14.02.1961", "", ""],
            ["7", "Зосим", "Куліш", "", "14.02.1961", "", ""],
        ] + filler("F", 0, 0)
        listfile = self.write("list_swap.csv", HEADER, rows)
        self.parley("dedupe", listfile, "--out", self.path("clusters.csv"), "--pairs",
                    self.path("dedupe_pairs.csv"), workspace=False)
        cluster = {r["id"]: r["cluster"] for r in self.read("clusters.csv")}
        self.assertEqual(cluster["1"], cluster["2"])
        self.assertEqual(cluster["3"], cluster["4"])
        self.assertNotEqual(cluster["1"], cluster["5"])
        self.assertEqual(cluster["6"], cluster["7"])
        pairs = {(r["left_id"], r["right_id"]): r for r in self.read("dedupe_pairs.csv")}
        self.assertEqual(pairs[("3", "4")]["birth_date"], "same_year")
        # Юстин is in the name table, so the import put row 2 back in its columns; Зосим is
        # not, so rows 6 and 7 are compared crossed, and the output says so.
        self.assertEqual(pairs[("1", "2")]["names_crossed"], "false")
        self.assertEqual(pairs[("6", "7")]["names_crossed"], "true")
        self.assertEqual(pairs[("6", "7")]["surname"], "exact")

    def test_bad_row_refuses_unless_skip_invalid(self):
        left = self.write("bad.csv", HEADER, [
            ["1", "Шевченко", "Дмитро", "", "31.02.1990", "", ""],
            ["2", "Лисенко", "Андрій", "", "1985", "", ""]])
        proc = self.parley("link", left, self.custody(), "--out", self.path("p.csv"),
                           expect=1, workspace=False)
        self.assertIn("birth_date", proc.stderr)
        self.assertFalse(os.path.exists(self.path("p.csv")))
        self.parley("link", left, self.custody(), "--out", self.path("p.csv"), "--skip-invalid",
                    workspace=False)
        self.assertTrue(os.path.exists(self.path("p.csv")))

    def test_missing_file_is_a_user_error(self):
        proc = self.parley("link", self.path("nope.csv"), self.custody(), "--out",
                           self.path("p.csv"), expect=1, workspace=False)
        self.assertIn("nope.csv", proc.stderr)


if __name__ == "__main__":
    unittest.main()

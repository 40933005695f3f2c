"""End-to-end tests of `parley names`: the real binary on real CSV files.

The binary comes from $PARLEY_BIN (set by tests/CMakeLists.txt)."""

import csv
import os
import subprocess
import tempfile
import unittest

PARLEY = os.environ.get("PARLEY_BIN", "parley")
CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases", "names")

PAIRS = [
    # (name1, name2, expected match)
    ("Шевченко Дмитро Олександрович", "SHEVCHENKO Dmitriy Aleksandrovich", True),
    ("Шевченко Дмитро Олександрович", "Дмитрий Александрович Шевченко", True),
    ("Шевченко Дмитро Олександрович", "Shevchenko, Dmytro O.", True),
    ("Лисенко Ганна Миколаївна", "Лысенко Анна Николаевна", True),
    ("Ковальська Олена", "Kovalskaya Elena", True),
    ("Шевчeнко Дмитро", "Шевченко Дмитро", True),  # Latin "e" typed in a Cyrillic word
    ("Шевченко Дмитро Олександрович", "Шевченко Дмитро Миколайович", False),  # namesakes
    ("Шевченко Олександр Іванович", "Шевченко Олексій Іванович", False),
    ("Шевченко Дмитро Олександрович", "Шевчук Дмитро Олександрович", False),
    ("Іванов Женя Петрович", "Іванова Женя Петрівна", False),  # brother and sister
]


class NamesCommandTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def write_pairs(self, name, rows, header=("id", "name1", "name2")):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        return self.path(name)

    def run_parley(self, *args):
        return subprocess.run([PARLEY, *args], capture_output=True, text=True, timeout=120)

    def test_scores_and_matches(self):
        rows = [(str(i), a, b) for i, (a, b, _) in enumerate(PAIRS, start=1)]
        source = self.write_pairs("pairs.csv", rows)
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            scored = list(csv.DictReader(f))
            f.seek(0)
            header = next(csv.reader(f))
        self.assertEqual(header, ["id", "name1", "name2", "score", "match"])
        self.assertEqual(len(scored), len(PAIRS))
        for row, (name1, name2, expected) in zip(scored, PAIRS):
            with self.subTest(name1=name1, name2=name2):
                self.assertEqual(row["name1"], name1)
                self.assertEqual(row["name2"], name2)
                self.assertRegex(row["score"], r"^[01]\.\d{4}$")
                score = float(row["score"])
                self.assertGreaterEqual(score, 0.0)
                self.assertLessEqual(score, 1.0)
                self.assertEqual(row["match"], "true" if expected else "false")

    def test_curated_cases(self):
        """tests/cases/names/pairs.csv: name pairs with the decision a bureau analyst expects.
        Extra columns (expected, note) must pass through untouched."""
        out = self.path("scored.csv")
        result = self.run_parley("names", os.path.join(CASES, "pairs.csv"), "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertGreater(len(rows), 30)
        for row in rows:
            with self.subTest(name1=row["name1"], name2=row["name2"], note=row["note"]):
                self.assertEqual(row["match"], row["expected"], row["score"])

    def test_true_match_scores_clearly_above_namesake(self):
        source = self.write_pairs("pairs.csv", [(1, PAIRS[0][0], PAIRS[0][1]),
                                                (2, PAIRS[6][0], PAIRS[6][1])])
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            same, namesake = [float(r["score"]) for r in csv.DictReader(f)]
        self.assertGreater(same - namesake, 0.1)

    def test_threshold_option(self):
        source = self.write_pairs("pairs.csv", [(1, PAIRS[6][0], PAIRS[6][1])])
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out, "--threshold", "0.5")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            self.assertEqual(next(csv.DictReader(f))["match"], "true")

    def test_header_names_tolerate_case_and_spaces(self):
        source = self.write_pairs("pairs.csv", [("1", "Шевченко", "Shevchenko")],
                                  header=("id", " Name1", "NAME2 "))
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        self.assertEqual(header, ["id", " Name1", "NAME2 ", "score", "match"])

    def test_explain_adds_a_column(self):
        source = self.write_pairs("pairs.csv", [(1, PAIRS[6][0], PAIRS[6][1])])
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out, "--explain")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            row = next(csv.DictReader(f))
        self.assertEqual(row["match"], "false")
        self.assertIn("patronymic 0.00 (different names in the name table)", row["explanation"])

    def test_missing_column_is_a_user_error(self):
        source = self.write_pairs("bad.csv", [("1", "a", "b")], header=("id", "left", "right"))
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out)
        self.assertEqual(result.returncode, 1)
        self.assertIn("name1", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_unreadable_row_names_its_line_and_writes_nothing(self):
        source = self.write_pairs("bad.csv", [("1", "Шевченко", "Shevchenko"), ("2", "", "x")])
        out = self.path("scored.csv")
        result = self.run_parley("names", source, "--out", out)
        self.assertEqual(result.returncode, 1)
        self.assertIn("row 3", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_missing_input_file(self):
        result = self.run_parley("names", self.path("nope.csv"), "--out", self.path("o.csv"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("no such file", result.stderr)


if __name__ == "__main__":
    unittest.main()

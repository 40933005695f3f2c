"""End-to-end tests of `parley synth`: the real binary writing a real scenario.

Run with PARLEY_BIN pointing at the built `parley` (ctest sets it).
"""
import csv
import filecmp
import json
import os
import subprocess
import tempfile
import unittest

PARLEY = os.environ.get("PARLEY_BIN", "parley")
LISTS = ["ua-request.csv", "ru-custody.csv", "ru-request.csv", "ua-custody.csv", "mediator.csv"]
ALL_FILES = LISTS + ["truth.csv", "people.csv", "README.txt"]


def synth(out_dir, *extra):
    return subprocess.run(
        [PARLEY, "synth", "--people", "3000", "--seed", "5", "--out", out_dir, *extra],
        capture_output=True, text=True, timeout=120)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


class SynthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.a = os.path.join(cls.tmp.name, "a")
        cls.b = os.path.join(cls.tmp.name, "b")
        cls.run_a = synth(cls.a)
        cls.run_b = synth(cls.b, "--json")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_succeeds_and_prints_a_summary(self):
        self.assertEqual(self.run_a.returncode, 0, self.run_a.stderr)
        self.assertIn("ua-request.csv", self.run_a.stdout)
        self.assertIn("duplicate_rows", self.run_a.stdout)

    def test_same_seed_gives_identical_files(self):
        for name in ALL_FILES:
            self.assertTrue(filecmp.cmp(os.path.join(self.a, name), os.path.join(self.b, name),
                                        shallow=False), name)

    def test_other_seed_gives_other_files(self):
        c = os.path.join(self.tmp.name, "c")
        run = subprocess.run([PARLEY, "synth", "--people", "3000", "--seed", "6", "--out", c],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertFalse(filecmp.cmp(os.path.join(self.a, "ua-request.csv"),
                                     os.path.join(c, "ua-request.csv"), shallow=False))

    def test_json_summary_matches_the_files(self):
        self.assertEqual(self.run_b.returncode, 0, self.run_b.stderr)
        summary = json.loads(self.run_b.stdout)
        self.assertEqual(summary["people"], 3000)
        self.assertEqual(summary["seed"], 5)
        rows = {f["file"]: f["rows"] for f in summary["files"]}
        for name in LISTS + ["truth.csv", "people.csv"]:
            self.assertEqual(rows[name], len(read_csv(os.path.join(self.b, name))) - 1, name)
        self.assertGreater(summary["variations"]["duplicate_rows"], 0)
        self.assertEqual(sum(summary["romanisation"].values()), rows["mediator.csv"])

    def test_headers(self):
        header = lambda name: read_csv(os.path.join(self.a, name))[0]
        self.assertEqual(header("ua-request.csv")[:3], ["№", "ПІБ", "Дата народження"])
        self.assertEqual(header("ru-custody.csv")[:4], ["№", "Фамилия", "Имя", "Отчество"])
        self.assertEqual(header("ru-request.csv")[:2], ["№", "ФИО"])
        self.assertEqual(header("ua-custody.csv")[:4], ["№", "Прізвище", "Ім'я", "По батькові"])
        self.assertEqual(header("mediator.csv")[:3], ["id", "full_name", "date_of_birth"])
        self.assertEqual(header("truth.csv"), ["file", "id", "person_id"])

    def test_truth_covers_every_row(self):
        truth = {(r[0], r[1]) for r in read_csv(os.path.join(self.a, "truth.csv"))[1:]}
        people = {r[0] for r in read_csv(os.path.join(self.a, "people.csv"))[1:]}
        rows = set()
        for name in LISTS:
            for r in read_csv(os.path.join(self.a, name))[1:]:
                rows.add((name, r[0]))
        self.assertEqual(rows, truth)
        for r in read_csv(os.path.join(self.a, "truth.csv"))[1:]:
            self.assertIn(r[2], people)

    def test_bad_rate_is_the_users_fault(self):
        run = synth(os.path.join(self.tmp.name, "bad"), "--typo", "2")
        self.assertEqual(run.returncode, 1)
        self.assertIn("--typo", run.stderr)

    def test_missing_out_is_a_usage_error(self):
        run = subprocess.run([PARLEY, "synth", "--people", "10"], capture_output=True, text=True)
        self.assertEqual(run.returncode, 1)


if __name__ == "__main__":
    unittest.main()

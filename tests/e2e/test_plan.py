"""End-to-end tests of `parley agreement` and `parley plan` on the shipped examples.

The binary comes from $PARLEY_BIN (ctest sets it). Every example agreement validates, reads
as a summary, plans with gap 0, keeps every rule under `plan check`, explains a person and
survives a repair that keeps the executed phase.
"""

import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
AGREEMENTS = sorted((EXAMPLES / "agreements").glob("*.toml"))


def parley(*args, check=True):
    binary = os.environ.get("PARLEY_BIN", str(ROOT / "build/release/bin/parley"))
    done = subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"parley {' '.join(map(str, args))} -> {done.returncode}\n"
                             f"{done.stdout}\n{done.stderr}")
    return done


class PlanE2E(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="parley-plan-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def make_plan(self, name):
        out = self.tmp / f"{name}.json"
        parley("plan", EXAMPLES / "agreements" / f"{name}.toml",
               "--side-a", EXAMPLES / "candidates" / f"{name}-a.csv",
               "--side-b", EXAMPLES / "candidates" / f"{name}-b.csv", "--out", out)
        return out, json.loads(out.read_text())

    def test_every_example_checks_shows_and_plans(self):
        self.assertGreaterEqual(len(AGREEMENTS), 5)
        for path in AGREEMENTS:
            with self.subTest(agreement=path.name):
                check = parley("agreement", "check", path, "--json")
                self.assertTrue(json.loads(check.stdout)["valid"])
                show = parley("agreement", "show", path)
                self.assertIn("Who may be exchanged", show.stdout)
                out, plan = self.make_plan(path.stem)
                self.assertEqual(plan["format"], "parley-plan/1")
                self.assertEqual(plan["solver"]["status"], "optimal")
                self.assertEqual(plan["solver"]["gap"], 0)
                self.assertGreater(plan["objective"]["value"], 0)
                verdict = json.loads(parley("plan", "check", path, out, "--json").stdout)
                self.assertTrue(verdict["valid"], verdict)
                self.assertEqual(verdict["objective"], verdict["best_objective"])

    def test_invalid_agreement_names_line_and_column(self):
        bad = self.tmp / "bad.toml"
        text = (EXAMPLES / "agreements" / "istanbul-1000-for-1000.toml").read_text()
        bad.write_text(text.replace("caps = [390, 307, 303]", "cpas = [390, 307, 303]"))
        done = parley("agreement", "check", bad, check=False)
        self.assertEqual(done.returncode, 1)
        line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if "cpas" in l)
        self.assertIn(f"row {line}, column 1", done.stderr)
        self.assertIn("unknown key 'cpas'", done.stderr)
        bad.write_text(text.replace("count = 3", "count = \"3\""))
        done = parley("agreement", "check", bad, "--json", check=False)
        self.assertEqual(done.returncode, 1)
        report = json.loads(done.stdout)
        self.assertFalse(report["valid"])
        self.assertGreater(report["line"], 0)
        self.assertEqual(report["column"], 9)

    def test_caps_too_small_for_the_wounded(self):
        bad = self.tmp / "tight.toml"
        text = (EXAMPLES / "agreements" / "istanbul-2025.toml").read_text()
        bad.write_text(text.replace("count = 2\n", "count = 2\ncaps = [2, 500]\n", 1))
        parley("agreement", "check", bad)
        done = parley("plan", bad,
                      "--side-a", EXAMPLES / "candidates" / "istanbul-2025-a.csv",
                      "--side-b", EXAMPLES / "candidates" / "istanbul-2025-b.csv",
                      "--out", self.tmp / "x.json", check=False)
        self.assertEqual(done.returncode, 1)
        self.assertIn("contradictory caps", done.stderr)
        self.assertIn("seriously_wounded", done.stderr)

    def test_contradictory_caps_in_the_agreement(self):
        bad = self.tmp / "caps.toml"
        text = (EXAMPLES / "agreements" / "istanbul-1000-for-1000.toml").read_text()
        bad.write_text(text.replace("required_total = 1000", "required_total = 1200"))
        done = parley("agreement", "check", bad, check=False)
        self.assertEqual(done.returncode, 1)
        self.assertIn("contradictory caps", done.stderr)
        self.assertRegex(done.stderr, r"row \d+, column 18")

    def test_gap_and_time_limit_are_recorded(self):
        out = self.tmp / "gap.json"
        done = parley("plan", EXAMPLES / "agreements" / "dix-hill-1862.toml",
                      "--side-a", EXAMPLES / "candidates" / "dix-hill-1862-a.csv",
                      "--side-b", EXAMPLES / "candidates" / "dix-hill-1862-b.csv",
                      "--out", out, "--gap", "0.05", "--time-limit", "5", "--json")
        summary = json.loads(done.stdout)
        self.assertLessEqual(summary["gap"], 0.05)
        solver = json.loads(out.read_text())["solver"]
        self.assertEqual(solver["gap_limit"], 0.05)
        self.assertEqual(solver["time_limit"], 5)
        done = parley("plan", EXAMPLES / "agreements" / "dix-hill-1862.toml", "--gap", "2",
                      check=False)
        self.assertEqual(done.returncode, 1)

    def test_phased_exchange_counts(self):
        _, plan = self.make_plan("istanbul-1000-for-1000")
        counts = [(p["a_hands_over"], p["b_hands_over"]) for p in plan["phases"]]
        self.assertEqual(counts, [(390, 390), (307, 307), (303, 303)])

    def test_explain_in_and_out(self):
        out, plan = self.make_plan("istanbul-2025")
        people = plan["people"]
        wounded = next(p for p in people if p.get("category") == "seriously_wounded")
        done = parley("plan", "explain", out, f"{wounded['side']}:{wounded['id']}")
        self.assertIn("outside the ratio", done.stdout)
        excluded = next(p for p in people if p["status"] == "excluded")
        done = parley("plan", "explain", out, excluded["id"], "--json")
        self.assertTrue(json.loads(done.stdout)["verdict"].startswith("excluded by rule"))
        left = next(p for p in people if p["status"] == "eligible" and p["phase"] == 0)
        done = parley("plan", "explain", out, left["id"])
        self.assertIn("priority below the last admitted", done.stdout)
        done = parley("plan", "explain", out, "nobody", check=False)
        self.assertEqual(done.returncode, 1)

    def test_repair_keeps_executed_phase_and_rules(self):
        out, plan = self.make_plan("istanbul-1000-for-1000")
        before = {(p["side"], p["id"]): p["phase"] for p in plan["people"]}
        victim = next(p for p in plan["people"] if p["phase"] == 3 and p["side"] == "b")
        repaired = self.tmp / "repaired.json"
        done = parley("plan", "repair", out, "--drop", victim["id"], "--reason", "deceased",
                      "--executed-phases", "1", "--out", repaired, "--json")
        report = json.loads(done.stdout)
        self.assertEqual(report["changes"], 1)
        after = json.loads(repaired.read_text())
        self.assertEqual(after["executed_phases"], 1)
        for p in after["people"]:
            if before[(p["side"], p["id"])] == 1:
                self.assertEqual(p["phase"], 1)
        agreement = EXAMPLES / "agreements" / "istanbul-1000-for-1000.toml"
        parley("plan", "check", agreement, repaired)
        first = next(p for p in after["people"] if p["phase"] == 1)
        done = parley("plan", "repair", repaired, "--drop", f"{first['side']}:{first['id']}",
                      "--reason", "refused", check=False)
        self.assertEqual(done.returncode, 1)
        self.assertIn("carried out", done.stderr)

    def test_check_lists_every_broken_rule(self):
        out, plan = self.make_plan("istanbul-2025")
        wounded = next(p for p in plan["people"] if p.get("category") == "seriously_wounded")
        wounded["phase"] = 0
        excluded = next(p for p in plan["people"] if p["status"] == "excluded")
        excluded["phase"] = 2
        soldier = next(p for p in plan["people"]
                       if p.get("category") == "soldiers" and p["phase"] == 1)
        soldier["phase"] = 0
        out.write_text(json.dumps(plan))
        done = parley("plan", "check", EXAMPLES / "agreements" / "istanbul-2025.toml", out,
                      "--json", check=False)
        self.assertEqual(done.returncode, 1)
        rules = sorted(v["rule"] for v in json.loads(done.stdout)["violations"])
        self.assertIn("all_for_all", rules)
        self.assertIn("eligibility", rules)
        self.assertIn("balance", rules)

    def test_check_compares_a_counter_proposal_with_the_best(self):
        out, plan = self.make_plan("remains-by-count")
        for side in ("a", "b"):
            next(p for p in plan["people"] if p["side"] == side and p["phase"] == 1)["phase"] = 0
        out.write_text(json.dumps(plan))
        agreement = EXAMPLES / "agreements" / "remains-by-count.toml"
        done = parley("plan", "check", agreement, out)
        self.assertIn("keeps every rule", done.stdout)
        self.assertIn("the best plan under these rules and candidates reaches 240", done.stdout)

    def test_bad_candidate_file(self):
        bad = self.tmp / "bad.csv"
        bad.write_text("id,surname,birth_date\n1,Koval,31.02.1990\n")
        done = parley("plan", EXAMPLES / "agreements" / "remains-by-count.toml",
                      "--side-a", bad, "--side-b", bad, "--out", self.tmp / "x.json",
                      check=False)
        self.assertEqual(done.returncode, 1)
        self.assertIn("row 2, column 3", done.stderr)


if __name__ == "__main__":
    unittest.main()

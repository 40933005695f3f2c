"""End-to-end tests of workspace reconciliation: `parley reconcile` and `parley review`.

A rejected pair stays rejected after re-running; decisions are attributed to the user.
"""
import csv
import json
import os
import subprocess
import unittest

from parley_e2e import PARLEY, ParleyTestCase
from test_link import HEADER, filler


class ReconcileTest(ParleyTestCase):
    def write(self, name, rows):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerows(rows)
        return self.path(name)

    def setUp(self):
        super().setUp()
        self.parley("init")
        request = self.write("request.csv", [
            ["U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", ""],
            ["U2", "Лисенко", "Андрій", "Юрійович", "1985", "Харків", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("custody.csv", [
            ["R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", ""],
            ["R2", "Лысенко", "Андрей", "", "03.05.1985", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", request, "--list", "ua-request", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru")

    def links(self):
        return {(l["left_id"], l["right_id"]): l for l in self.parley_json("review", "--list")}

    def test_rejected_pair_stays_rejected_after_rerun(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        links = self.links()
        self.assertIn(("U1", "R1"), links)
        self.assertIn(("U2", "R2"), links)
        target = links[("U2", "R2")]
        env = dict(os.environ, PARLEY_USER="analyst7")
        proc = subprocess.run([PARLEY, "review", "--workspace", self.workspace, "--decide",
                               str(target["id"]), "reject"], capture_output=True, text=True,
                              env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.parley("reconcile", "ua-request", "ru-custody")
        after = self.links()[("U2", "R2")]
        self.assertEqual(after["state"], "rejected")
        self.assertEqual(after["decided_by"], "analyst7")
        self.assertEqual(after["id"], target["id"])

    def test_interactive_queue_reads_keys(self):
        self.parley("reconcile", "ua-request", "ru-custody", "--auto-accept", "1.0")
        queue = [l for l in self.parley_json("review", "--list") if l["state"] == "needs_review"]
        self.assertGreaterEqual(len(queue), 2)
        proc = subprocess.run([PARLEY, "review", "--workspace", self.workspace],
                              input="a\n" + "r\n" * (len(queue) - 1), capture_output=True,
                              text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("accept", proc.stdout)
        states = [l["state"] for l in self.parley_json("review", "--list")]
        self.assertEqual(states.count("needs_review"), 0)
        self.assertEqual(states.count("confirmed"), 1)

    def test_explanation_is_stored(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        link = self.links()[("U1", "R1")]
        fields = {f["field"]: f["level"] for f in link["explanation"]}
        self.assertEqual(fields["given_name"], "equivalent")
        self.assertEqual(fields["birth_date"], "exact")

    def test_new_list_version_is_reconciled_incrementally(self):
        first = self.parley_json("reconcile", "ua-request", "ru-custody")
        self.assertFalse(first["incremental"])
        links = self.links()
        rejected = links[("U2", "R2")]["id"]
        self.parley("review", "--decide", str(rejected), "reject")
        # Version 2 of the request list: U1 unchanged, U2 corrected, a new U3.
        request = self.write("request2.csv", [
            ["U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", ""],
            ["U2", "Лисенко", "Андрій", "Юрійович", "03.05.1985", "Харків", ""],
            ["U3", "Ковальчук", "Петро", "Іванович", "01.01.1970", "", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("custody2.csv", [
            ["R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", ""],
            ["R2", "Лысенко", "Андрей", "", "03.05.1985", "", ""],
            ["R3", "Ковальчук", "Пётр", "Иванович", "01.01.1970", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", request, "--list", "ua-request", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru")
        second = self.parley_json("reconcile", "ua-request", "ru-custody")
        self.assertTrue(second["incremental"])
        self.assertEqual(second["changed_records"], 3)  # U2 (new version), U3 and R3
        links = self.links()
        self.assertIn(("U3", "R3"), links)
        self.assertEqual(links[("U2", "R2")]["state"], "rejected")
        self.assertIn(("U1", "R1"), links, "untouched links survive an incremental run")
        full = self.parley_json("reconcile", "ua-request", "ru-custody", "--full")
        self.assertFalse(full["incremental"])
        self.assertEqual(self.links()[("U2", "R2")]["state"], "rejected")

    def test_bad_decisions_are_user_errors(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        self.parley("review", "--decide", "99999", "accept", expect=1)
        self.parley("review", "--decide", "1", "maybe", expect=1)
        self.parley("reconcile", "ua-request", "no-such-list", expect=1)


if __name__ == "__main__":
    unittest.main()

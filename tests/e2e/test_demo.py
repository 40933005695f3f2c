"""`parley demo`, the README's first command, on a fresh workspace and again on the same one."""
import os
import sqlite3
import unittest

from parley_e2e import ParleyTestCase


class Demo(ParleyTestCase):
    def test_demo_builds_a_workspace_and_a_second_run_changes_nothing(self):
        first = self.parley("demo", "--people", "500").stdout
        for name in ("ua-request", "ru-custody", "ru-request", "ua-custody", "mediator"):
            self.assertIn(name, first)
        self.assertIn("windows-1251", first)
        self.assertIn("utf-16le", first)
        self.assertIn("the workspace is consistent", first)
        lists = self.parley_json("lists")
        self.assertEqual(sorted(l["list"] for l in lists),
                         ["mediator", "ru-custody", "ru-request", "ua-custody", "ua-request"])
        self.assertTrue(all(l["version"] == 1 and l["record_count"] > 0 for l in lists))
        self.assertIn("linked automatically", first)
        self.assertIn("Verified the bundle on its own: every signature", first)
        # The demo's agreement, signed by both parties, and a plan from confirmed persons,
        # accepted and signed by both sides.
        self.assertIn("4. Agreed and planned the exchange", first)
        self.assertIn("added and signed by both parties", first)
        # Signing while links wait for review is said, with the number waiting.
        self.assertRegex(first, r"Note: \d+ links still wait for an analyst's review")
        self.assertRegex(first, r"phase 1: Ukraine hands over [1-9]\d*, Russian Federation "
                                r"hands over [1-9]")
        self.assertIn("gap 0", first)
        agreements = self.parley_json("agreement", "list")
        self.assertEqual([(a["name"], a["state"]) for a in agreements],
                         [("demo-exchange", "in_force")])
        plans = self.parley_json("plan", "list")
        self.assertEqual([(p["kind"], p["state"]) for p in plans], [("proposal", "signed")])
        self.assertGreater(plans[0]["a_hands_over"], 0)
        types = [e["type"] for e in self.parley_json("log")]
        self.assertEqual(types[8:], ["agreement.added", "agreement.witnessed",
                                     "agreement.signed", "agreement.signed",
                                     "plan.proposed", "plan.accepted", "plan.accepted",
                                     "plan.signed", "plan.signed", "plan.witnessed"])
        # Three parties, three keys: each party signs with its own, pinned in the agreement;
        # the mediator's only witnesses; the node key signs no party's step.
        self.assertIn("ua-signer and ru-signer, pinned in the agreement's [parties]", first)
        self.assertIn("mediator-signer witnessed the agreement and the plan", first)
        keys_dir = os.path.join(self.workspace, "keys")
        for name in ("ua-signer", "ru-signer", "mediator-signer"):
            self.assertEqual(os.stat(os.path.join(keys_dir, name + ".key")).st_mode & 0o777,
                             0o600)
        log = self.parley_json("log")
        signers = {(e["type"], e["body"].get("party")): e["actor"] for e in log
                   if e["type"].endswith((".signed", ".accepted", ".witnessed"))}
        self.assertEqual(signers, {
            ("agreement.signed", "a"): "ua-signer", ("agreement.signed", "b"): "ru-signer",
            ("plan.accepted", "a"): "ua-signer", ("plan.accepted", "b"): "ru-signer",
            ("plan.signed", "a"): "ua-signer", ("plan.signed", "b"): "ru-signer",
            ("agreement.witnessed", None): "mediator-signer",
            ("plan.witnessed", None): "mediator-signer"})
        with open(os.path.join(keys_dir, "ua-signer.pub")) as f:
            self.assertIn(f'a_key = "{f.read().strip()}"', self.agreement_text())
        verified = self.parley("verify").stdout
        self.assertIn("6 of 6 party signatures and 2 of 2 mediator witnesses made with the keys "
                      "their agreement pins", verified)
        bundle = os.path.join(self.workspace, "record-for-mediator.bundle")
        keys = os.path.join(self.workspace, "keys", "demo-node.pub")
        # Five list versions, three reconciliation runs (one per pair of lists), then the
        # agreement and the plan's steps.
        from_bundle = self.parley("verify", "--bundle", bundle, "--trusted-keys", keys,
                                  workspace=False).stdout
        self.assertIn("18 entries", from_bundle)
        self.assertIn("6 of 6 party signatures", from_bundle)
        with open(bundle, "rb") as f:
            first_bundle = f.read()
        # One user per role and side for the browser UI; the password only in a private file.
        self.assertIn("7. Added 20 users, one per role and side", first)
        users_file = os.path.join(self.workspace, "demo-users.txt")
        self.assertEqual(os.stat(users_file).st_mode & 0o777, 0o600)
        with open(users_file, encoding="utf-8") as f:
            password = next(l for l in f if l.startswith("password ")).split()[1]
        self.assertNotIn(password, first)
        users = {u["name"]: (u["role"], u["side"]) for u in self.parley_json("user", "list")}
        self.assertEqual(users["ua-clerk"], ("clerk", "ua"))
        self.assertEqual(users["mediator-checkpoint"], ("checkpoint", "mediator"))
        self.assertNotIn("ru-interviewer", users)
        dump = self.data_dump()
        second = self.parley("demo", "--people", "500").stdout
        self.assertEqual(second.count("unchanged, still version 1"), 5)
        self.assertIn("'demo-exchange'@1", second)
        self.assertIn("unchanged and signed by both parties", second)
        self.assertIn("plan unchanged", second)
        self.assertIn("7. Kept 20 users", second)
        # Only the audit row of each (incremental, empty) reconcile run is new.
        self.assertEqual(self.data_dump(), dump)
        with open(bundle, "rb") as f:
            self.assertEqual(f.read(), first_bundle)
        # The second run changed no link, agreement or plan, so it appended no event.
        self.assertIn("18 entries all signed", self.parley("verify").stdout)

    def agreement_text(self):
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            return con.execute("SELECT source FROM agreements").fetchone()[0]
        finally:
            con.close()

    def data_dump(self):
        return [line for line in self.store_dump().splitlines()
                if not line.startswith('INSERT INTO "reconcile_runs"')]


if __name__ == "__main__":
    unittest.main()

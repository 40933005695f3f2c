"""End-to-end test of agreements and plans in the workspace: import both sides' lists,
reconcile, add and sign an agreement, propose a plan from the confirmed persons, counter
(refused, then accepted), accept, sign, repair, explain, and verify the signed record."""
import json
import os
import pathlib
import subprocess
import unittest

from parley_e2e import PARLEY, ParleyTestCase

ROOT = pathlib.Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "examples" / "demo" / "demo-exchange.toml"
LISTS = [("ua-custody", "custody", "ua"), ("ru-request", "request", "ru"),
         ("ru-custody", "custody", "ru"), ("ua-request", "request", "ua"),
         ("mediator", "mediator", "mediator")]


class WorkflowTest(ParleyTestCase):
    def setUp(self):
        super().setUp()
        scenario = self.path("scenario")
        self.parley("synth", "--people", "400", "--seed", "11", "--out", scenario,
                    workspace=False)
        self.parley("init")
        for name, kind, side in LISTS:
            self.parley("import", os.path.join(scenario, name + ".csv"), "--list", name,
                        "--kind", kind, "--side", side)
        self.parley("reconcile", "ru-request", "ua-custody")
        self.parley("reconcile", "ua-request", "ru-custody")
        self.parley("reconcile", "mediator", "ru-custody")
        # Each party's key, pinned in the agreement: its users sign with it ($PARLEY_KEY).
        self.party_keys = {}
        lines = {}
        for side in ("ua", "ru"):
            self.party_keys[side], lines[side] = self.make_key("signer-" + side)
        self.agreement = self.path("deal.toml")
        pathlib.Path(self.agreement).write_text(self.pin_keys(
            AGREEMENT.read_text(), 'b_side = "ru"', lines["ua"], lines["ru"]))

    def as_user(self, user, *args, expect=0):
        """Runs parley as USER, holding the key of USER's side (its name ends in -ua or -ru)."""
        env = dict(os.environ, PARLEY_USER=user, PARLEY_KEY=self.party_keys[user[-2:]])
        proc = subprocess.run([PARLEY, *map(str, args), "--workspace", self.workspace],
                              capture_output=True, text=True, env=env)
        self.assertEqual(proc.returncode, expect, f"{args}\n{proc.stdout}\n{proc.stderr}")
        return proc

    def events(self):
        return [e["type"] for e in self.parley_json("log")]

    def propose(self):
        return json.loads(self.as_user("neg-ua", "plan", "propose", "--agreement", "deal",
                                       "--side-a", "ua", "--side-b", "ru", "--json").stdout)

    def test_the_whole_negotiation(self):
        # The agreement: validated, versioned, identical text a no-op, signed by both parties.
        added = self.parley_json("agreement", "add", self.agreement, "--name", "deal")
        self.assertEqual((added["version"], added["state"]), (1, "draft"))
        self.assertTrue(self.parley_json("agreement", "add", self.agreement, "--name",
                                         "deal")["unchanged"])
        bad = self.path("bad.toml")
        pathlib.Path(bad).write_text("[agreement]\ntitle = 3\n")
        refused = self.parley("agreement", "add", bad, expect=1)
        self.assertIn("bad.toml", refused.stderr)
        self.as_user("signer-ua", "agreement", "sign", "deal", "--side", "a")
        signed = json.loads(self.as_user("signer-ru", "agreement", "sign", "deal", "--version",
                                         "1", "--side", "Russian Federation", "--json").stdout)
        self.assertEqual(signed["state"], "in_force")
        self.assertEqual([s["signer"] for s in signed["signatures"]], ["signer-ua", "signer-ru"])
        # The stored text reads back in plain words, by name, without the file.
        shown = self.parley("agreement", "show", "deal").stdout
        self.assertTrue(shown.startswith("deal@1  in_force\n"), shown[:80])
        self.assertIn("Between ", shown)
        self.assertIn("no agreement named 'nodeal'",
                      self.parley("agreement", "show", "nodeal", expect=1).stderr)

        # A proposal from confirmed persons; the same proposal again is a no-op.
        plan = self.propose()
        self.assertEqual((plan["kind"], plan["state"]), ("proposal", "proposed"))
        self.assertGreater(plan["a_hands_over"], 0)
        self.assertEqual(plan["summary"]["gap"], 0)
        self.assertTrue(self.propose()["unchanged"])
        pid = plan["id"]
        listed = self.parley("plan", "list").stdout
        self.assertIn(f"plan {pid}  proposal  proposed", listed)
        shown = self.parley("plan", "show", str(pid), "--out", self.path("plan.json")).stdout
        self.assertIn("phase 1:", shown)
        exported = json.loads(pathlib.Path(self.path("plan.json")).read_text())
        self.assertEqual(exported["format"], "parley-plan/1")  # the stateless format, unchanged
        people = exported["people"]

        # A counter that leaves a seriously wounded man behind breaks a rule: refused, listed.
        wounded = next(p for p in people if p["category"] == "seriously_wounded")
        wounded["phase"] = 0
        pathlib.Path(self.path("bad-counter.json")).write_text(json.dumps(exported))
        dump = self.store_dump()
        broke = self.as_user("neg-ru", "plan", "counter", str(pid), "--file",
                             self.path("bad-counter.json"), expect=1)
        self.assertIn("[all_for_all]", broke.stderr)
        self.assertEqual(self.store_dump(), dump)
        wounded["phase"] = 1

        # A counter that moves one soldier of each side to phase 2 keeps every rule.
        moved = {}
        for side in ("a", "b"):
            moved[side] = next(p for p in people if p["side"] == side and p["phase"] == 1
                               and p["category"] == "soldiers")
            moved[side]["phase"] = 2
        pathlib.Path(self.path("counter.json")).write_text(json.dumps(exported))
        counter = json.loads(self.as_user("neg-ru", "plan", "counter", str(pid), "--file",
                                          self.path("counter.json"), "--json").stdout)
        self.assertEqual((counter["kind"], counter["parent"]), ("counter", pid))
        cid = counter["id"]
        self.assertEqual(self.parley_json("plan", "show", str(pid))["state"], "superseded")
        self.as_user("neg-ua", "plan", "accept", str(pid), "--side", "ua", expect=1)

        # Accept and sign, each side; a stale version is a conflict.
        first = json.loads(self.as_user("neg-ua", "plan", "accept", str(cid), "--side", "ua",
                                        "--json").stdout)
        stale = self.as_user("neg-ru", "plan", "accept", str(cid), "--side", "ru",
                             "--expect-version", str(counter["version"]), expect=1)
        self.assertIn("version", stale.stderr)
        self.as_user("neg-ru", "plan", "accept", str(cid), "--side", "ru", "--expect-version",
                     str(first["version"]))
        self.as_user("signer-ua", "plan", "sign", str(cid), "--side", "a")
        final = json.loads(self.as_user("signer-ru", "plan", "sign", str(cid), "--side", "b",
                                        "--json").stdout)
        self.assertEqual(final["state"], "signed")

        # Explain a person of the stored plan; repair after a refusal makes a new plan.
        moved = moved["b"]
        why = self.parley_json("plan", "explain", str(cid), "b:" + moved["id"])
        self.assertEqual(why["phase"], 2)
        self.assertIn("soldiers", why["verdict"])
        repaired = json.loads(self.as_user("neg-ru", "plan", "repair", str(cid), "--drop",
                                           "b:" + moved["id"], "--reason", "refused",
                                           "--json").stdout)
        self.assertEqual((repaired["kind"], repaired["parent"]), ("repair", cid))
        to_file = self.parley("plan", "repair", str(repaired["id"]), "--drop", "b:" + moved["id"],
                              "--reason", "refused", "--out", self.path("r.json"), expect=1)
        self.assertIn("--out is for plan files", to_file.stderr)
        self.assertEqual(self.parley_json("plan", "show", str(cid))["state"], "superseded")
        dropped = self.parley_json("plan", "explain", str(repaired["id"]), "b:" + moved["id"])
        self.assertIn("refused", " ".join([dropped["verdict"], *dropped["details"]]))

        # The signed record: every step is an event, and the whole log verifies.
        events = self.events()
        for kind in ("agreement.added", "agreement.signed", "plan.proposed", "plan.countered",
                     "plan.accepted", "plan.signed", "plan.repaired"):
            self.assertIn(kind, events)
        self.assertEqual(events.count("agreement.signed"), 2)
        self.assertEqual(events.count("plan.proposed"), 1)
        log = self.parley_json("log")
        for e in log:
            self.assertNotIn("surname", json.dumps(e["body"]))
        self.plan_and_agreement_histories(pid, cid, repaired["id"])
        self.parley("verify")
        self.parley("check")

    def plan_and_agreement_histories(self, pid, cid, rid):
        """`parley log --plan` is the plan's whole line; `--agreement` adds its own events."""
        line = ["plan.proposed", "plan.countered", "plan.accepted", "plan.accepted",
                "plan.signed", "plan.signed", "plan.repaired"]
        for plan in (pid, cid, rid):
            history = self.parley_json("log", "--plan", str(plan))
            self.assertEqual([e["type"] for e in history], line, plan)
            self.assertEqual({e["body"]["plan"] for e in history}, {pid, cid, rid})
        of_deal = [e["type"] for e in self.parley_json("log", "--agreement", "deal")]
        self.assertEqual(of_deal, ["agreement.added", "agreement.signed", "agreement.signed",
                                   *line])
        self.assertIn("no plan with ID 999", self.parley("log", "--plan", "999",
                                                         expect=1).stderr)
        self.assertIn("no agreement named", self.parley("log", "--agreement", "other",
                                                        expect=1).stderr)

    def sign_plan(self, pid):
        for verb, user_a, user_b in (("accept", "neg-ua", "neg-ru"),
                                     ("sign", "signer-ua", "signer-ru")):
            self.as_user(user_a, "plan", verb, str(pid), "--side", "a")
            self.as_user(user_b, "plan", verb, str(pid), "--side", "b")

    def test_interview_refusal_and_handover_remove_candidates(self):
        self.parley("agreement", "add", self.agreement, "--name", "deal")
        self.as_user("signer-ua", "agreement", "sign", "deal", "--side", "a")
        self.as_user("signer-ru", "agreement", "sign", "deal", "--side", "b")
        before = self.propose()
        exported = self.path("before.json")
        self.parley("plan", "show", str(before["id"]), "--out", exported)
        people = json.loads(pathlib.Path(exported).read_text())["people"]
        a_people = [p for p in people if p["side"] == "a" and p["phase"] > 0]
        a_ids = [p["id"] for p in people if p["side"] == "a"]
        self.assertGreaterEqual(len(a_people), 2)
        # The handover day follows the plan in force: nothing before it is signed.
        first, second = a_people[0]["id"], a_people[1]["id"]
        phase = str(a_people[1]["phase"])
        self.assertIn("no signed plan", self.parley(
            "handover", second, "--event", "handed_over", "--phase", phase, "--place", "Sumy",
            expect=1).stderr)
        self.sign_plan(before["id"])
        self.parley("interview", first, "--outcome", "refuses")
        refused = self.parley("handover", first, "--event", "handed_over", "--phase",
                              str(a_people[0]["phase"]), "--place", "Sumy", expect=1)
        self.assertIn("GC III Art. 109", refused.stderr)
        self.parley("handover", second, "--event", "handed_over", "--phase", phase,
                    "--place", "Sumy")
        self.assertIn("already handed over", self.parley(
            "handover", second, "--event", "handed_over", "--phase", phase, "--place", "Sumy",
            expect=1).stderr)
        a_ids = [first, second] + [i for i in a_ids if i not in (first, second)]
        after = self.propose()
        self.assertNotEqual(after["id"], before["id"])
        self.parley("plan", "show", str(after["id"]), "--out", self.path("after.json"))
        after_ids = [p["id"] for p in json.loads(pathlib.Path(self.path("after.json"))
                                                 .read_text())["people"] if p["side"] == "a"]
        self.assertEqual(len(after_ids), len(a_ids) - 2)
        self.assertNotIn(a_ids[0], after_ids)
        self.assertNotIn(a_ids[1], after_ids)
        wider = self.parley("plan", "propose", "--agreement", "deal", "--side-a", "ua",
                            "--side-b", "ru", "--all-held").stdout
        self.assertIn("every person held", wider)

        # The person's history: the list version, the plan that included them and its signing,
        # the interview (the later plans leave them out), not the other person's handover.
        refused = self.parley_json("log", "--record", a_ids[0])
        self.assertEqual([e["type"] for e in refused],
                         ["list.version_submitted", "plan.proposed", "plan.accepted",
                          "plan.accepted", "plan.signed", "plan.signed", "interview.recorded"])
        self.assertEqual(refused[1]["body"]["plan"], before["id"])
        handed = [e["type"] for e in self.parley_json("log", "--record", a_ids[1])]
        self.assertIn("handover.recorded", handed)
        self.assertNotIn("interview.recorded", handed)
        self.assertIn("events", self.parley("log", "--record", a_ids[0]).stdout)

    def test_record_history_shows_link_decisions(self):
        link = self.parley_json("review", "--list", "--limit", "1")[0]
        self.parley("review", "--decide", str(link["id"]), "reject")
        for list_name, key, member in ((link["left_list"], link["left_id"], "left_record"),
                                       (link["right_list"], link["right_id"], "right_record")):
            history = self.parley_json("log", "--record", f"{list_name}:{key}")
            decided = [e for e in history if e["type"] == "link.decided"]
            self.assertEqual(len(decided), 1, history)
            self.assertEqual(decided[0]["body"]["link"], link["id"])
            self.assertIn(member, decided[0]["body"])
        self.parley("log", "--record", "ua-custody:no-such-row", expect=1)
        self.parley("log", "--record", "1", "--origin", "x", expect=1)

    def test_stateless_plan_commands_still_take_files(self):
        out = self.path("stateless.json")
        cands = ROOT / "examples" / "candidates"
        self.parley("plan", str(ROOT / "examples" / "agreements" / "istanbul-2025.toml"),
                    "--side-a", str(cands / "istanbul-2025-a.csv"), "--side-b",
                    str(cands / "istanbul-2025-b.csv"), "--out", out, workspace=False)
        plan = json.loads(pathlib.Path(out).read_text())
        person = plan["people"][0]
        self.parley("plan", "explain", out, person["side"] + ":" + person["id"],
                    workspace=False)
        self.assertIn("No plan yet", self.parley("plan", "list").stdout)


if __name__ == "__main__":
    unittest.main()

"""A whole exchange over HTTP (issue 6's acceptance): the real `parley serve` on a loopback
port over a workspace with users per role and side, driven with urllib only.

Both sides' clerks upload their lists (multipart), the mediator's analyst reconciles and
reviews (optimistic decisions: a stale one is 409), a negotiator drafts the agreement and
each side's signer signs for its own party only, a plan is proposed from the confirmed
persons, accepted and signed by both sides, the interviewer and the checkpoint record
interviews and handovers of the planned people. The signed record is exported for the mediator
through POST /api/v1/bundles/export under the sharing policy of the agreement in force, checked
with `parley verify --bundle`, and imported into the mediator's own workspace through POST
/api/v1/bundles/import of a second server: the mediator sees the fields the agreement shares
and only commitments to the others. `parley verify --workspace` and `parley check` close it.
"""
import json
import os
import re
import signal
import subprocess
import unittest

from parley_e2e import PARLEY, ParleyTestCase
from test_server import PASSWORD, Client

USERS = [  # name, role, side
    ("ua-clerk", "clerk", "ua"), ("ua-analyst", "analyst", "ua"),
    ("ua-negotiator", "negotiator", "ua"), ("ua-signer", "signer", "ua"),
    ("ua-observer", "observer", "ua"),
    ("ru-clerk", "clerk", "ru"), ("ru-admin", "admin", "ru"), ("ru-signer", "signer", "ru"),
    ("ru-observer", "observer", "ru"),
    ("med-clerk", "clerk", "mediator"), ("med-analyst", "analyst", "mediator"),
    ("med-signer", "signer", "mediator"),
    ("icrc", "interviewer", "mediator"), ("cp", "checkpoint", "mediator"),
]
LISTS = [  # list, kind, side, uploading clerk
    ("ua-custody", "custody", "ua", "ua-clerk"), ("ua-request", "request", "ua", "ua-clerk"),
    ("ru-custody", "custody", "ru", "ru-clerk"), ("ru-request", "request", "ru", "ru-clerk"),
    ("mediator", "mediator", "mediator", "med-clerk"),
]
# The parties are written as the workspace's sides, so each side's signer signs for itself.
AGREEMENT = """
[agreement]
title = "Exchange over HTTP: the wounded and the medical staff first, then one for one"
date = 2026-06-09

[parties]
a = "Ukraine"
b = "Russian Federation"
a_side = "ua"
b_side = "ru"

[phases]
count = 2
max_owed = 0

[[pool]]
id = "soldiers"
measure = "count"

[[pool]]
id = "civilians"
measure = "count"

[[category]]
id = "seriously_wounded"
title = "Seriously wounded and sick (GC III Art. 109)"
when = { health = "seriously_wounded" }
balance = "outside"
phases = [1]

[[category]]
id = "medical"
title = "Medical personnel and chaplains (GC I Art. 28-30)"
when = { category = ["medical", "chaplain"] }
balance = "all_for_all"
phases = [1]

[[category]]
id = "civilians"
title = "Civilians, one for one"
when = { category = "civilian" }
pool = "civilians"
phases = [2]

[[category]]
id = "soldiers"
title = "Soldiers, one for one"
when = { category = "combatant" }
pool = "soldiers"

[[priority]]
by = "captivity_days"
direction = "desc"

[sharing]
mediator = ["surname", "given_name", "birth_date"]
other_party = []
never = ["health"]
"""
SHOWN_TO_MEDIATOR = {"surname", "given_name", "birth_date"}


class ServerExchange(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        pw = self.path("pw")
        with open(pw, "w") as f:
            f.write(PASSWORD + "\n")
        self.tokens = {}
        for name, role, side in USERS:
            self.parley("user", "add", name, "--role", role, "--side", side, "--password-file",
                        pw)
            self.tokens[name] = self.parley("user", "token", name).stdout.strip()
        # Each party's signer and the mediator's hold their own key (bound for the API); the
        # agreement pins the parties' keys and the mediator's as a witness.
        lines = {}
        for user in ("ua-signer", "ru-signer", "med-signer"):
            key, lines[user] = self.make_key(user)
            self.parley("user", "key", user, "--key", key)
        self.agreement = self.pin_keys(AGREEMENT, 'b_side = "ru"', lines["ua-signer"],
                                       lines["ru-signer"], [lines["med-signer"]])
        self.parley("synth", "--people", "300", "--seed", "7", "--out", self.path("syn"),
                    workspace=False)
        self.procs = []
        self.proc, self.base = self.serve(self.workspace)

    def serve(self, workspace):
        proc = subprocess.Popen(
            [PARLEY, "serve", "--listen", "127.0.0.1:0", "--workspace", workspace,
             "--threads", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.procs.append(proc)
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/api/v1", line)
        if m is None:
            proc.kill()
            self.fail(f"no listening line: {line!r} {proc.stderr.read()}")
        return proc, f"http://127.0.0.1:{m.group(1)}"

    def tearDown(self):
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        super().tearDown()

    def as_user(self, name):
        return Client(self.base, self.tokens[name])

    def stop_cleanly(self, proc=None):
        proc = proc or self.proc
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=60), 0, proc.stderr.read())

    def ok(self, response, status=200):
        self.assertEqual(response.status, status, response.body[:500])
        return response.json()

    def upload_lists(self):
        for name, kind, side, clerk in LISTS:
            client = Client(self.base)
            self.assertEqual(client.login(clerk, PASSWORD).status, 200)
            self.ok(client.upload(name, self.path(f"syn/{name}.csv"), kind, side), 201)

    def reconcile_and_review(self):
        med = self.as_user("med-analyst")
        for left, right in (("ru-request", "ua-custody"), ("ua-request", "ru-custody"),
                            ("mediator", "ru-custody")):
            report = self.ok(med.call("POST", "/api/v1/reconciliations",
                                      {"left": left, "right": right}))
            self.assertGreater(report["proposed"], 0, report)
        # ua's analyst may not reconcile against ru's list until ru shares it.
        ua = self.as_user("ua-analyst")
        pair = {"left": "ua-request", "right": "ru-custody"}
        self.assertEqual(ua.call("POST", "/api/v1/reconciliations", pair).status, 403)
        self.ok(self.as_user("ru-admin").call("PUT", "/api/v1/lists/ru-custody/shares/ua",
                                              {"version": 0}), 201)
        self.assertTrue(self.ok(ua.call("POST", "/api/v1/reconciliations", pair))["incremental"])
        # ua's observer sees the ua-request x ru-custody links now, never ru-request's.
        seen = self.ok(self.as_user("ua-observer").call("GET", "/api/v1/links?limit=1000"))
        self.assertGreater(seen["total"], 0)
        for link in seen["links"]:
            self.assertEqual((link["left_list"], link["right_list"]), ("ua-request", "ru-custody"))

        self.links_of_an_unseen_list_stay_hidden(med)
        queue = self.ok(med.call("GET", "/api/v1/links?state=needs_review&limit=1000"))
        links = queue["links"] or self.ok(med.call("GET", "/api/v1/links?limit=2"))["links"]
        self.assertTrue(links)
        probabilities = [l["probability"] for l in queue["links"]]
        self.assertEqual(probabilities, sorted(probabilities, reverse=True))
        first = links[0]
        self.assertIn("left", first)
        self.assertIn("explanation", first)
        path = f"/api/v1/links/{first['id']}/decision"
        decided = self.ok(med.call("POST", path, {"decision": "accept",
                                                  "expected_version": first["version"]}))
        self.assertEqual((decided["state"], decided["version"]),
                         ("confirmed", first["version"] + 1))
        stale = med.call("POST", path, {"decision": "reject",
                                        "expected_version": first["version"]})
        self.assertEqual(stale.status, 409, stale.body)
        self.assertEqual(self.ok(med.call("GET", f"/api/v1/links/{first['id']}"))["state"],
                         "confirmed")
        self.assertEqual(self.as_user("ua-observer").call(
            "POST", path, {"decision": "reject"}).status, 403)

    def links_of_an_unseen_list_stay_hidden(self, med):
        """Every ua user, every link route, on a link into ru-request (not shared with ua):
        403 and not a byte of the ru record."""
        link = self.ok(med.call("GET", "/api/v1/links?left=ru-request&limit=1"))["links"][0]
        secret = [w for w in (link["left"]["surname"], link["left"]["full_name"],
                              link["left"]["service_number"]) if len(w) >= 4]
        self.assertTrue(secret)
        checked = 0
        for name, _, side in USERS:
            if side != "ua":
                continue
            for method, path, body in (
                    ("GET", f"/api/v1/links/{link['id']}", None),
                    ("POST", f"/api/v1/links/{link['id']}/decision", {"decision": "accept"})):
                r = self.as_user(name).call(method, path, body)
                self.assertEqual(r.status, 403, f"{name} {method} {path}: {r.body}")
                for word in secret:
                    self.assertNotIn(word.encode(), r.body, f"{name} {method} {path}")
                checked += 1
            listed = self.ok(self.as_user(name).call("GET", "/api/v1/links?left=ru-request"))
            self.assertEqual(listed["total"], 0, name)
        self.assertEqual(checked, 10)

    def agree(self):
        neg = self.as_user("ua-negotiator")
        bad = self.ok(neg.call("POST", "/api/v1/agreements/validate",
                               {"text": "[agreement]\ntitle = 3\n"}))
        self.assertFalse(bad["valid"])
        self.assertIn("message", bad["error"])
        good = self.ok(neg.call("POST", "/api/v1/agreements/validate", {"text": self.agreement}))
        self.assertTrue(good["valid"], good)
        added = self.ok(neg.call("POST", "/api/v1/agreements",
                                 {"name": "deal", "text": self.agreement}), 201)
        self.assertEqual((added["version"], added["state"]), (1, "draft"))
        self.assertIn("Seriously wounded", added["summary"])
        sign = "/api/v1/agreements/deal/signatures"
        ua, ru = self.as_user("ua-signer"), self.as_user("ru-signer")
        self.assertEqual(ua.call("POST", sign, {"party": "b"}).status, 403)  # not ua's party
        # The mediator's signer sees both parties' business, and signs for neither.
        med = self.as_user("med-signer").call("POST", sign, {"party": "a"})
        self.assertEqual(med.status, 403, med.body)
        self.assertEqual(med.json()["error"]["code"], "mediator_cannot_sign")
        self.assertIn("never sign or accept it for a party", med.json()["error"]["message"])
        self.assertEqual(self.ok(ua.call("POST", sign, {"party": "a"}), 201)["state"], "signed")
        self.assertEqual(self.ok(ru.call("POST", sign, {"party": "ru"}), 201)["state"],
                         "in_force")
        shown = self.ok(self.as_user("ru-observer").call("GET", "/api/v1/agreements/deal"))
        self.assertEqual([s["party"] for s in shown["signatures"]], ["a", "b"])

    def plan(self):
        neg = self.as_user("ua-negotiator")
        proposed = self.ok(neg.call("POST", "/api/v1/plans", {
            "agreement": "deal", "side_a": "ua", "side_b": "ru"}), 201)
        pid, version = proposed["id"], proposed["version"]
        self.assertEqual(proposed["state"], "proposed")
        self.assertGreater(proposed["a_hands_over"] + proposed["b_hands_over"], 0)
        self.assertTrue(proposed["phases"])
        for phase in proposed["phases"]:
            self.assertIn("balance_after", phase)
        # Both sides read it; neither accepts for the other.
        self.ok(self.as_user("ru-observer").call("GET", f"/api/v1/plans/{pid}"))
        ua, ru = self.as_user("ua-signer"), self.as_user("ru-signer")
        self.assertEqual(ua.call("POST", f"/api/v1/plans/{pid}/acceptances",
                                 {"party": "b"}).status, 403)
        stale = ua.call("POST", f"/api/v1/plans/{pid}/acceptances",
                        {"expected_version": version + 5})
        self.assertEqual(stale.status, 409, stale.body)
        self.ok(ua.call("POST", f"/api/v1/plans/{pid}/acceptances", {}), 201)
        accepted = self.ok(ru.call("POST", f"/api/v1/plans/{pid}/acceptances", {}), 201)
        self.assertEqual(accepted["state"], "accepted")
        self.ok(ua.call("POST", f"/api/v1/plans/{pid}/signatures", {}), 201)
        signed = self.ok(ru.call("POST", f"/api/v1/plans/{pid}/signatures", {}), 201)
        self.assertEqual(signed["state"], "signed")
        plan = self.ok(neg.call("GET", f"/api/v1/plans/{pid}"))
        going = [p for p in plan["people"] if p["phase"] == 1]
        self.assertTrue(going)
        self.plan_id = pid
        why = self.ok(neg.call("GET", f"/api/v1/plans/{pid}/explain?person="
                               f"{going[0]['side']}:{going[0]['id']}"))
        self.assertIn("phase 1", why["verdict"])
        return going

    def progress(self):
        return self.ok(self.as_user("ru-observer").call(
            "GET", f"/api/v1/plans/{self.plan_id}/progress"))

    def hand_over(self, going):
        before = self.progress()
        promised = before["totals"]["promised"]
        self.assertEqual(before["totals"]["outstanding"], promised)
        self.assertEqual(len(before["outstanding"]), promised)
        icrc, cp = self.as_user("icrc"), self.as_user("cp")
        for person in going[:3]:
            record = f"/api/v1/records/{person['record_id']}"
            self.ok(icrc.call("PUT", record + "/interview",
                              {"version": 0, "outcome": "consents"}), 201)
            for count, event in enumerate(("handed_over", "received")):
                self.ok(cp.call("POST", record + "/handovers", {
                    "expected_count": count, "event": event, "phase": 1,
                    "place": "Checkpoint 1"}), 201)
            self.assertEqual(self.ok(cp.call("GET", record))["status"], "received")
        # A fourth refuses at the interview: excluded, no longer outstanding.
        self.assertGreater(len(going), 3)
        self.ok(icrc.call("PUT", f"/api/v1/records/{going[3]['record_id']}/interview",
                          {"version": 0, "outcome": "refuses"}), 201)
        self.assert_progress(going, promised)

    def assert_progress(self, going, promised):
        """The progress endpoint's phase-1 counts match what hand_over recorded."""
        after = self.progress()
        rows = {(r["phase"], r["direction"]): r for r in after["rows"]}
        for direction, side in (("a_to_b", "a"), ("b_to_a", "b")):
            mine = [p for p in going if p["side"] == side]
            crossed = sum(1 for p in going[:3] if p["side"] == side)
            refused = 1 if going[3]["side"] == side else 0
            if not mine:
                self.assertNotIn((1, direction), rows)
                continue
            row = rows[(1, direction)]
            self.assertEqual(row["promised"], len(mine))
            self.assertEqual(row["handed_over"], crossed)
            self.assertEqual(row["received"], crossed)
            self.assertEqual(row["excluded"], refused)
            self.assertEqual(row["statuses"]["refused"], refused)
            self.assertEqual(row["outstanding"], len(mine) - crossed - refused)
        self.assertEqual(after["totals"]["promised"], promised)
        self.assertEqual(after["totals"]["outstanding"], promised - 4)
        done = {p["record_id"] for p in going[:4]}
        outstanding = {o["record_id"] for o in after["outstanding"]}
        self.assertEqual(len(outstanding), promised - 4)
        self.assertFalse(done & outstanding)
        self.last_progress = after

    def cli_progress_matches(self):
        """`parley plan progress` is the endpoint's twin."""
        pid = str(self.plan_id)
        self.assertEqual(self.parley_json("plan", "progress", pid), self.last_progress)
        table = self.parley("plan", "progress", pid).stdout
        self.assertIn("ua -> ru", table)
        self.assertRegex(table, r"total\s+%d\s" % self.last_progress["totals"]["promised"])

    def test_a_whole_exchange_over_http(self):
        self.upload_lists()
        self.reconcile_and_review()
        self.agree()
        going = self.plan()
        self.hand_over(going)
        bundle, node_key = self.export_for_mediator()
        self.stop_cleanly()
        self.cli_progress_matches()
        self.mediator_imports(bundle, node_key)
        self.parley("verify", "--workspace", self.workspace, workspace=False)
        self.parley("check")

    def export_for_mediator(self):
        """The bundle for the mediator, from the endpoint, under the agreement in force."""
        signer = self.as_user("ua-signer")
        r = signer.call("POST", "/api/v1/bundles/export", {"for": "mediator"})
        self.assertEqual(r.status, 200, r.body[:500])
        self.assertEqual(r.headers["X-Parley-Sharing-Policy"],
                         "agreement deal version 1 (in force)")
        named = signer.call("POST", "/api/v1/bundles/export",
                            {"for": "mediator", "agreement": "nowhere"})
        self.assertEqual(named.status, 404, named.body[:500])
        self.assertEqual(named.json()["error"]["field"], "agreement")
        bundle = self.path("exchange.plb")
        with open(bundle, "wb") as f:
            f.write(r.body)
        node_key = self.ok(signer.call("GET", "/api/v1/ledger"))["verifier_key"]
        keys = self.path("node.keys")
        with open(keys, "w") as f:
            f.write(node_key + "\n")
        verified = subprocess.run([PARLEY, "verify", "--bundle", bundle, "--trusted-keys", keys,
                                   "--json"], capture_output=True, text=True)
        self.assertEqual(verified.returncode, 0, verified.stderr)
        return bundle, node_key

    def mediator_imports(self, bundle, node_key):
        """A second server over the mediator's workspace takes the bundle in through the API."""
        med = self.path("med")
        self.parley("init", "--node", "med-node", "--workspace", med, workspace=False)
        with open(os.path.join(med, "keys", "trusted.keys"), "a") as f:
            f.write(node_key + "\n")
        self.parley("user", "add", "med-admin", "--role", "admin", "--side", "mediator",
                    "--password-file", self.path("pw"), "--workspace", med, workspace=False)
        token = self.parley("user", "token", "med-admin", "--workspace", med,
                            workspace=False).stdout.strip()
        proc, base = self.serve(med)
        with open(bundle, "rb") as f:
            content = f.read()
        imported = self.ok(Client(base, token).call(
            "POST", "/api/v1/bundles/import", raw=content,
            headers={"Content-Type": "application/octet-stream"}))
        self.assertGreater(imported["size"], 0)
        self.stop_cleanly(proc)
        received = json.loads(self.parley("bundle", "received", "--json", "--workspace", med,
                                          workspace=False).stdout)
        self.assertTrue(received)
        for record in received:
            self.assertLessEqual(set(record["shown"]), SHOWN_TO_MEDIATOR, record["id"])
            # The synthetic lists carry health under their own column names: withheld too.
            self.assertIn("patronymic", record["withheld"], record["id"])
            self.assertNotIn("seriously_wounded", json.dumps(record["shown"]))
        self.assertTrue(any(r["shown"].get("surname") for r in received))
        self.assertTrue(any("Состояние здоровья" in r["withheld"] for r in received))


if __name__ == "__main__":
    unittest.main()

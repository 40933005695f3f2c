"""Three nodes exchanging bundles (issue 15 item 4): ua and ru each import their lists on their
own node, with their own keys, and disclose them to the mediator; the mediator imports both
bundles and finds each disclosed list version as a read-only list with its provenance, then
reconciles party A's requests against party B's custody, reviews a pair and proposes a plan.
The wrong things: importing over a received list, a bundle whose disclosed record was altered,
a received record edited in the database, a received list re-disclosed to the other party."""
import json
import os
import pathlib
import sqlite3
import tempfile

from parley_e2e import ParleyTestCase

ROOT = pathlib.Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "examples" / "demo" / "demo-exchange.toml"
SHARE_NAMES = """[agreement]
title = "Names to the other party"
date = 2026-11-01

[parties]
a = "ua"
b = "ru"
mediators = ["Türkiye"]

[[category]]
id = "everyone"
when = { category = ["military", "civilian"] }

[sharing]
mediator = ["surname"]
other_party = ["surname"]
"""
PARTY_LISTS = {"ua": [("ua-custody", "custody"), ("ua-request", "request")],
               "ru": [("ru-custody", "custody"), ("ru-request", "request")]}


class ThreeNodesTestCase(ParleyTestCase):
    def setUp(self):
        # The pid keeps parallel ctest runs apart.
        self._tmp = tempfile.TemporaryDirectory(prefix=f"parley-e2e-three-{os.getpid()}-")
        self.tmp = self._tmp.name
        self.nodes = {name: self.path(name) for name in ("ua", "ru", "mediator")}
        self.workspace = self.nodes["mediator"]
        self.scenario = self.path("scenario")
        self.parley("synth", "--people", "160", "--seed", "7", "--out", self.scenario,
                    workspace=False)
        for name, folder in self.nodes.items():
            self.parley("init", "--node", name, "--workspace", folder, workspace=False)
        for party, lists in PARTY_LISTS.items():
            for list_name, kind in lists:
                self.on(party, "import", os.path.join(self.scenario, list_name + ".csv"),
                        "--list", list_name, "--kind", kind, "--side", party)
        # The mediator trusts each party's node key (read back by phone in real life).
        for party in PARTY_LISTS:
            self.parley("keys", "trust", self.node_pub(party))

    def node_pub(self, node):
        return os.path.join(self.nodes[node], "keys", node + ".pub")

    def on(self, node, *args, expect=0):
        return self.parley(*args, "--workspace", self.nodes[node], workspace=False,
                           expect=expect)

    def export_for_mediator(self, party, name=None):
        bundle = self.path(name or party + ".bundle")
        self.on(party, "bundle", "export", "--for", "mediator", "--out", bundle)
        return bundle

    def received_lists(self):
        return {l["list"]: l for l in self.parley_json("lists") if l["received"]}


class MediatorPicture(ThreeNodesTestCase):
    def test_the_mediator_reconciles_reviews_and_plans_what_it_received(self):
        for party in ("ua", "ru"):
            out = self.parley("bundle", "import", self.export_for_mediator(party)).stdout
            self.assertIn(f"{party}-custody@1 -> {party}.{party}-custody@1 (read-only", out)

        # Four received lists, each with the sender's kind and side and where it came from.
        received = self.received_lists()
        self.assertEqual(sorted(received), ["ru.ru-custody", "ru.ru-request", "ua.ua-custody",
                                            "ua.ua-request"])
        ru_custody = received["ru.ru-custody"]
        self.assertEqual((ru_custody["kind"], ru_custody["side"]), ("custody", "ru"))
        origin = ru_custody["received"]["origin"]
        self.assertTrue(origin.startswith("parley/ru/"), origin)
        self.assertEqual(ru_custody["received"]["sender_list"], "ru-custody")
        self.assertEqual(ru_custody["received"]["sender_version"], 1)
        with open(self.path("ru.bundle"), "rb") as f:
            import hashlib
            self.assertEqual(ru_custody["received"]["bundle_sha256"],
                             hashlib.sha256(f.read()).hexdigest())
        ru_log_size = len(json.loads(self.on("ru", "log", "--json").stdout))
        self.assertEqual(ru_custody["received"]["checkpoint_size"], ru_log_size)
        self.assertEqual(len(ru_custody["received"]["checkpoint_root"]), 64)
        # Health (under its Russian header here) and notes are not shown to the mediator:
        # absent, and named as withheld.
        self.assertIn("Состояние здоровья", ru_custody["received"]["withheld"])
        self.assertIn("notes", ru_custody["received"]["withheld"])
        listed = self.parley("lists").stdout
        self.assertIn("ru.ru-custody@1  custody list of ru", listed)
        self.assertIn("[received, read-only] received from node ru", listed)
        shown = self.parley("show", "ru.ru-custody").stdout
        self.assertIn("withheld by the sender (absent here, not empty): ", shown)
        records = self.parley_json("show", "ru.ru-custody", "--limit", "0")["records"]
        self.assertEqual(len(records), ru_custody["record_count"])
        self.assertFalse([r for r in records if "Состояние здоровья" in json.dumps(
            r, ensure_ascii=False)])
        # export works on it like on any list.
        out_csv = self.path("ru-custody-at-mediator.csv")
        self.parley("export", "ru.ru-custody", "--format", "csv", "--out", out_csv)
        self.assertGreater(len(pathlib.Path(out_csv).read_text(encoding="utf-8-sig")
                               .splitlines()), 1)
        # The mediator's own log records each received version.
        events = [e for e in self.parley_json("log") if e["type"] == "list.version_received"]
        self.assertEqual(len(events), 4)
        self.assertEqual({e["body"]["from"]["origin"].split("/")[1] for e in events},
                         {"ua", "ru"})

        # The three-way picture: A's requests against B's custody, and the reverse.
        out = self.parley("reconcile", "ua.ua-request", "ru.ru-custody").stdout
        self.assertIn("reconciled ua.ua-request", out)
        self.parley("reconcile", "ru.ru-request", "ua.ua-custody")
        links = self.parley_json("review", "--list", "--left", "ua.ua-request")
        self.assertTrue(links, "no links between ua.ua-request and ru.ru-custody")
        queued = [l for l in links if l["state"] == "needs_review"]
        link = (queued or links)[0]
        decided = self.parley("review", "--decide", str(link["id"]), "accept").stdout
        self.assertIn(f"link {link['id']} confirmed", decided)
        states = {l["id"]: l["state"] for l in self.parley_json("review", "--list")}
        self.assertEqual(states[link["id"]], "confirmed")

        # A plan from the received lists, under the demo agreement.
        self.parley("agreement", "add", str(AGREEMENT), "--name", "demo")
        plan = self.parley_json("plan", "propose", "--agreement", "demo", "--side-a", "ua",
                                "--side-b", "ru")
        self.assertEqual(plan["state"], "proposed")
        self.assertGreater(plan["a_hands_over"] + plan["b_hands_over"], 0)

        # Everything the mediator did is vouched for by its own log, received lists included.
        verified = self.parley("verify").stdout
        self.assertIn("ok: 4 received list versions", verified)
        self.parley("check")

    def test_a_newer_disclosure_makes_a_new_version(self):
        self.parley("bundle", "import", self.export_for_mediator("ru"))
        checkpoint = self.path("ru-cp.txt")
        self.on("ru", "checkpoint", "--out", checkpoint)
        custody = pathlib.Path(self.scenario, "ru-custody.csv")
        lines = custody.read_text(encoding="utf-8").splitlines(keepends=True)
        shorter = self.path("ru-custody-2.csv")
        pathlib.Path(shorter).write_text("".join(lines[:-1]), encoding="utf-8")
        self.on("ru", "import", shorter, "--list", "ru-custody", "--kind", "custody", "--side",
                "ru")
        delta = self.path("ru-delta.bundle")
        self.on("ru", "bundle", "export", "--for", "mediator", "--since", checkpoint, "--out",
                delta)
        out = self.parley("bundle", "import", delta).stdout
        self.assertIn("ru-custody@2 -> ru.ru-custody@2 (read-only", out)
        versions = self.received_lists()["ru.ru-custody"]
        self.assertEqual(versions["version"], 2)
        self.assertEqual(versions["received"]["sender_version"], 2)
        self.assertEqual(self.parley_json("show", "ru.ru-custody@1")["record_count"],
                         len(lines) - 1)
        self.assertIn("ok: 3 received list versions", self.parley("verify").stdout)


class MediatorWrongThings(ThreeNodesTestCase):
    def setUp(self):
        super().setUp()
        self.ru_bundle = self.export_for_mediator("ru")

    def test_importing_over_a_received_list_is_refused_and_changes_nothing(self):
        self.parley("bundle", "import", self.ru_bundle)
        before = self.store_dump()
        err = self.parley("import", os.path.join(self.scenario, "ru-custody.csv"), "--list",
                          "ru.ru-custody", "--kind", "custody", "--side", "ru",
                          expect=1).stderr
        self.assertIn("list 'ru.ru-custody' is read-only", err)
        self.assertIn("received from node ru", err)
        self.assertIn("its list ru-custody version 1", err)
        self.assertEqual(self.store_dump(), before)

    def test_a_received_list_cannot_land_on_a_list_of_the_mediators_own(self):
        self.parley("import", os.path.join(self.scenario, "mediator.csv"), "--list",
                    "ru.ru-custody", "--kind", "mediator", "--side", "mediator")
        before = self.store_dump()
        err = self.parley("bundle", "import", self.ru_bundle, expect=1).stderr
        self.assertIn("'ru.ru-custody' is one of this node's own lists", err)
        self.assertEqual(self.store_dump(), before)
        # With another prefix it is received beside it.
        self.parley("bundle", "import", self.ru_bundle, "--list-prefix", "from-ru")
        self.assertIn("from-ru.ru-custody", self.received_lists())

    def test_a_bundle_whose_disclosed_record_was_altered_is_refused(self):
        raw = pathlib.Path(self.ru_bundle).read_bytes()
        ru_records = json.loads(self.on("ru", "show", "ru-custody", "--json").stdout)["records"]
        surname = ru_records[0]["surname"]
        self.assertIn(surname.encode(), raw)
        # The same length in UTF-8, so only the value changes.
        last = surname[-1]
        swap = [c for c in ("жш" if len(last.encode()) == 2 else "xq") if c != last][0]
        forged = raw.replace(surname.encode(), (surname[:-1] + swap).encode(), 1)
        self.assertNotEqual(forged, raw)
        bad = self.path("forged.bundle")
        pathlib.Path(bad).write_bytes(forged)
        before = self.store_dump()
        err = self.parley("bundle", "import", bad, expect=1).stderr
        self.assertIn("the value and salt do not match its commitment", err)
        self.assertIn("list ru-custody version 1, record ", err)
        self.assertEqual(self.store_dump(), before)
        self.assertEqual(self.received_lists(), {})

    def test_a_received_record_edited_in_the_database_is_named_by_verify(self):
        self.parley("bundle", "import", self.ru_bundle)
        self.assertIn("ok: 2 received list versions", self.parley("verify").stdout)
        key = self.parley_json("show", "ru.ru-custody")["records"][1]["id"]
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            con.execute("DROP TRIGGER record_versions_are_immutable")
            con.execute("UPDATE record_versions SET surname = 'Forged' WHERE record_id = "
                        "(SELECT pr.id FROM person_records pr JOIN lists l ON l.id = pr.list_id "
                        "WHERE l.name = 'ru.ru-custody' AND pr.record_key = ?)", (key,))
            con.commit()
        finally:
            con.close()
        err = self.parley("verify", expect=1).stderr
        self.assertIn("received list ru.ru-custody version 1", err)
        self.assertIn(f"the first record that differs: record {key} ", err)

    def test_the_mediator_does_not_pass_one_partys_records_to_the_other(self):
        self.parley("bundle", "import", self.ru_bundle)
        self.parley("import", os.path.join(self.scenario, "mediator.csv"), "--list",
                    "mediator", "--kind", "mediator", "--side", "mediator")
        ru_surnames = {r["surname"] for r in
                       self.parley_json("show", "ru.ru-custody", "--limit", "0")["records"]}
        own_surname = self.parley_json("show", "mediator")["records"][0]["surname"]
        # An agreement that shows the other party surnames: the mediator's own list is
        # disclosed to ua, ru's list received by the mediator is not.
        agreement = self.path("share-names.toml")
        pathlib.Path(agreement).write_text(SHARE_NAMES, encoding="utf-8")
        out_bundle = self.path("mediator-for-ua.bundle")
        out = self.parley("bundle", "export", "--for", "ua", "--agreement", agreement, "--out",
                          out_bundle).stdout
        self.assertIn("of 1 list versions", out)
        shown = json.loads(self.parley("bundle", "show", out_bundle, "--json",
                                       workspace=False).stdout)
        self.assertEqual([l["list"] for l in shown["lists"]], ["mediator"])
        disclosed = {r["shown"].get("surname") for l in shown["lists"] for r in l["records"]}
        self.assertIn(own_surname, disclosed)
        # Surnames only ru's list holds never leave in the mediator's bundle.
        raw = pathlib.Path(out_bundle).read_bytes()
        own_surnames = {r["surname"] for r in
                        self.parley_json("show", "mediator", "--limit", "0")["records"]}
        only_ru = [s for s in ru_surnames - own_surnames if s]
        self.assertTrue(only_ru)
        self.assertFalse([s for s in only_ru if s.encode() in raw])

    def test_the_mediator_cannot_disclose_a_field_of_a_received_list(self):
        self.parley("bundle", "import", self.ru_bundle)
        key = self.parley_json("show", "ru.ru-custody")["records"][0]["id"]
        out = self.path("field.json")
        err = self.parley("disclose", "ru.ru-custody", key, "surname", "--out", out,
                          expect=1).stderr
        self.assertIn("received from node ru", err)
        self.assertIn("only that node can disclose a field of it", err)
        self.assertFalse(os.path.exists(out))

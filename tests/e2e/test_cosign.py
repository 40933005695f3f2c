"""Checkpoints cosigned by all three nodes, as a workflow (issue 15, item 5): three workspaces
(ua, ru, mediator) exchange bundles; each cosigns the others' checkpoints on import and sends
the cosignatures back; each then shows its checkpoint cosigned by the other two. An altered
cosignature is refused, naming it, with nothing changed. A forked log (a copied workspace that
went on differently) is detected at import, a signed fork proof is written, `verify
--fork-proof` accepts it offline, and altered or forged proofs are refused."""
import json
import os
import shutil
import tempfile
import unittest

from parley_e2e import ParleyTestCase

NODES = ("ua", "ru", "mediator")


def write_list(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,surname,given_name,birth_date,category\n")
        for i, (surname, given) in enumerate(rows, start=1):
            f.write(f"{i},{surname},{given},01.02.1990,military\n")


class CosignTestCase(ParleyTestCase):
    def setUp(self):
        # The pid keeps parallel ctest runs apart.
        self._tmp = tempfile.TemporaryDirectory(prefix=f"parley-e2e-cosign-{os.getpid()}-")
        self.tmp = self._tmp.name
        self.ws = {n: os.path.join(self.tmp, n) for n in NODES}
        for n in NODES:
            self.on(n, "init", "--node", n)
        for n in NODES:
            for other in NODES:
                if other != n:
                    self.on(n, "keys", "trust", self.pub(other))
        # Every node's log must have entries for its bundles to carry anything.
        for n in NODES:
            self.import_list(n, f"{n}-custody", [("Коваль", "Іван"), ("Петров", "Олег")])

    def on(self, node, *args, expect=0):
        self.workspace = self.ws[node]
        return self.parley(*args, expect=expect)

    def pub(self, node):
        return os.path.join(self.ws[node], "keys", node + ".pub")

    def import_list(self, node, name, rows):
        path = self.path(name + ".csv")
        write_list(path, rows)
        self.on(node, "import", path, "--list", name, "--kind", "custody", "--side",
                "ua" if node != "ru" else "ru", "--actor", "clerk")

    def export(self, sender, receiver, tag):
        bundle = self.path(f"{sender}-for-{receiver}-{tag}.bundle")
        self.on(sender, "bundle", "export", "--for", receiver, "--out", bundle)
        return bundle

    def exchange_round(self, tag):
        """Every node exports for each other node, then every node imports what it was sent."""
        bundles = {(s, r): self.export(s, r, tag) for s in NODES for r in NODES if s != r}
        outputs = {}
        for (s, r), bundle in bundles.items():
            outputs[(s, r)] = self.on(r, "bundle", "import", bundle).stdout
        return bundles, outputs

    def checkpoints(self, node):
        self.workspace = self.ws[node]
        return self.parley_json("checkpoints")

    def test_after_two_rounds_each_checkpoint_is_cosigned_by_the_other_two(self):
        _, first = self.exchange_round("r1")
        for (s, r), out in first.items():
            self.assertIn("cosigned the sender's checkpoint", out)
        # After one round each node has cosigned the others', but holds none of its own yet.
        for n in NODES:
            rows = self.checkpoints(n)
            self.assertTrue(rows, n)
            self.assertEqual(rows[-1]["cosigned_by"], [])
            self.assertEqual(sorted(k["name"] for k in rows[-1]["awaiting"]),
                             sorted(o for o in NODES if o != n))
        # Round two: the bundles carry the cosignatures back. The parties' logs did not grow;
        # the mediator's did in round one (each disclosed list it received is an event of its
        # own log, docs/ledger-integration.md), so its newest checkpoint is cosigned by the
        # parties in round two and comes back to it with their next bundles.
        _, second = self.exchange_round("r2")
        for (s, r), out in second.items():
            self.assertIn("received 1 new cosignature(s) of this node's checkpoints", out)
        for party in ("ua", "ru"):
            out = self.on("mediator", "bundle", "import", self.export(party, "mediator", "r3")).stdout
            self.assertIn("received 1 new cosignature(s) of this node's checkpoints", out)
        for n in NODES:
            latest = self.checkpoints(n)[-1]
            self.assertEqual(sorted(k["name"] for k in latest["cosigned_by"]),
                             sorted(o for o in NODES if o != n), n)
            self.assertEqual(latest["awaiting"], [])
            self.assertTrue(latest["left_the_node"])
        text = self.on("ua", "checkpoints").stdout
        self.assertIn("cosigned by: 'mediator'", text)
        # Another round brings nothing new: refused as a replay, as before.
        again = self.export("ru", "ua", "r4")
        err = self.on("ua", "bundle", "import", again, expect=1).stderr
        self.assertIn("the bundle adds nothing", err)

    def test_an_altered_cosignature_is_refused_and_nothing_changes(self):
        self.exchange_round("r1")
        bundle = self.export("ru", "ua", "r2")
        with open(bundle, "rb") as f:
            data = bytearray(f.read())
        # ua's origin appears in ru's bundle only inside ru's cosignature of ua's checkpoint.
        marker = b"parley/ua/"
        at = data.find(marker)
        self.assertGreater(at, 0)
        # The root line is the third line of the checkpoint body: change one of its characters.
        root_line = data.index(b"\n", data.index(b"\n", at) + 1) + 1
        data[root_line] = ord("A") if data[root_line] != ord("A") else ord("B")
        bad = self.path("altered.bundle")
        with open(bad, "wb") as f:
            f.write(data)
        self.workspace = self.ws["ua"]
        before = self.store_dump()
        err = self.on("ua", "bundle", "import", bad, expect=1).stderr
        self.assertIn("cosignature", err)
        self.assertIn("does not verify: the cosigned checkpoint was altered", err)
        self.workspace = self.ws["ua"]
        self.assertEqual(self.store_dump(), before)
        self.assertEqual(self.checkpoints("ua")[-1]["cosigned_by"], [])
        # The untouched bundle is accepted and delivers the cosignature.
        out = self.on("ua", "bundle", "import", bundle).stdout
        self.assertIn("received 1 new cosignature(s)", out)

    def test_a_forked_log_is_detected_and_its_proof_verifies_offline(self):
        self.exchange_round("r1")
        # ru's workspace is copied; the copy and the original go on differently, both signing
        # with ru's node key: one log, two histories.
        fork = os.path.join(self.tmp, "ru-copy")
        shutil.copytree(self.ws["ru"], fork)
        self.import_list("ru", "ru-more", [("Сидоров", "Павел")])
        self.workspace = fork
        path = self.path("other.csv")
        write_list(path, [("Иванов", "Пётр"), ("Смирнов", "Антон")])
        self.parley("import", path, "--list", "ru-other", "--kind", "custody", "--side", "ru",
                    "--actor", "clerk")
        forked_bundle = self.path("forked.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", forked_bundle)
        honest = self.export("ru", "mediator", "r2")
        self.on("mediator", "bundle", "import", honest)
        self.workspace = self.ws["mediator"]
        before = self.store_dump()
        err = self.on("mediator", "bundle", "import", forked_bundle, expect=1).stderr
        self.assertIn("fork at entry seq", err)
        self.assertIn("nothing was imported", err)
        self.assertIn("verify --fork-proof", err)
        self.workspace = self.ws["mediator"]
        self.assertEqual(self.store_dump(), before)
        forks = os.path.join(self.ws["mediator"], "forks")
        proofs = os.listdir(forks)
        self.assertEqual(len(proofs), 1)
        proof = os.path.join(forks, proofs[0])
        self.assertIn(proof, err)

        # Anyone checks it with public keys only: here, ua's node, which holds no copy of it.
        trusted = os.path.join(self.ws["ua"], "keys", "trusted.keys")
        ok = self.parley("verify", "--fork-proof", proof, "--trusted-keys", trusted,
                         workspace=False)
        self.assertIn("fork proved", ok.stdout)
        self.assertIn("the key 'ru' signed two checkpoints", ok.stdout)
        self.assertIn("detected and signed by 'mediator' (a trusted key)", ok.stdout)
        finding = json.loads(self.parley("verify", "--fork-proof", proof, "--trusted-keys",
                                         trusted, "--json", workspace=False).stdout)
        self.assertEqual(finding["ok"], True)
        self.assertIsNotNone(finding["fork_seq"])

        # A verifier who does not trust ru's key is told so.
        only_mediator = self.path("only-mediator.keys")
        shutil.copy(self.pub("mediator"), only_mediator)
        err = self.parley("verify", "--fork-proof", proof, "--trusted-keys", only_mediator,
                          workspace=False, expect=1).stderr
        self.assertIn("the log key 'ru' is not among the trusted keys", err)

        with open(proof, encoding="utf-8") as f:
            good = json.load(f)

        def refused(doc, name):
            bad = self.path(name)
            with open(bad, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            return self.parley("verify", "--fork-proof", bad, "--trusted-keys", trusted,
                               workspace=False, expect=1).stderr

        # One note altered (its size line): the detector's signature no longer verifies.
        altered = json.loads(json.dumps(good))
        lines = altered["a"]["note"].split("\n")
        lines[1] = str(int(lines[1]) + 1)
        altered["a"]["note"] = "\n".join(lines)
        self.assertIn("does not verify: the file was changed after it was made",
                      refused(altered, "altered.json"))
        # Two consistent checkpoints (A twice) presented as a fork: refused.
        consistent = json.loads(json.dumps(good))
        consistent["b"] = consistent["a"]
        self.assertIn("fork proof", refused(consistent, "consistent.json"))
        # Not a proof at all.
        bad = self.path("not.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("{ not json")
        self.assertIn("fork proof: the file is not JSON",
                      self.parley("verify", "--fork-proof", bad, workspace=False,
                                  expect=1).stderr)


if __name__ == "__main__":
    unittest.main()

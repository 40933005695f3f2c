"""Issue 15, item 1: each adversary signs with its own key. The agreement pins each party's
public key (and the mediator's, who may only witness); every wrong signer is refused with a
clear message and nothing changed; the right signers are accepted; `parley verify` checks every
party signature against the pinned keys and detects a tampered one."""
import json
import os
import pathlib
import sqlite3
import subprocess
import unittest

from parley_e2e import PARLEY, ParleyTestCase

ROOT = pathlib.Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "examples" / "demo" / "demo-exchange.toml"
LISTS = [("ua-custody", "custody", "ua"), ("ru-request", "request", "ru"),
         ("ru-custody", "custody", "ru"), ("ua-request", "request", "ua")]


class PartyKeys(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init", "--node", "bureau")
        self.node_key = os.path.join(self.workspace, "keys", "bureau.key")
        self.keys, lines = {}, {}
        for who in ("ua", "ru", "icrc"):
            self.keys[who], lines[who] = self.make_key(who + "-signer")
        self.agreement = self.path("deal.toml")
        pathlib.Path(self.agreement).write_text(self.pin_keys(
            AGREEMENT.read_text(), 'b_side = "ru"', lines["ua"], lines["ru"], [lines["icrc"]]))
        self.parley("agreement", "add", self.agreement, "--name", "deal")

    def run_with(self, key, *args, expect=0):
        """parley ARGS with $PARLEY_KEY = KEY (None: no key at all)."""
        env = {k: v for k, v in os.environ.items() if k != "PARLEY_KEY"}
        if key is not None:
            env["PARLEY_KEY"] = key
        proc = subprocess.run([PARLEY, *args, "--workspace", self.workspace],
                              capture_output=True, text=True, env=env)
        self.assertEqual(proc.returncode, expect, f"{args}\n{proc.stdout}\n{proc.stderr}")
        return proc

    def refused(self, key, args, *says):
        """Refused, saying each of SAYS, and not a byte of the workspace changed."""
        before = self.store_dump()
        proc = self.run_with(key, *args, expect=1)
        for text in (*says, "nothing was signed"):
            self.assertIn(text, proc.stderr)
        self.assertEqual(self.store_dump(), before)
        return proc

    def test_only_each_partys_own_key_signs_the_agreement(self):
        sign_a = ("agreement", "sign", "deal", "--side", "a")
        self.refused(self.keys["icrc"], sign_a, "is a mediator key of agreement 'deal' version 1",
                     "the mediator may witness")
        self.refused(self.keys["ru"], sign_a, "'ru-signer'", "pins for party b",
                     "each party signs only for itself")
        self.refused(None, sign_a, "needs that party's own key 'ua-signer'",
                     "the node key never signs for a party")
        self.refused(self.node_key, sign_a, "is this node's key")
        # A stranger's key carrying party a's key name: the name proves nothing.
        os.makedirs(self.path("other"))
        self.parley("keys", "init", "--name", "ua-signer", "--out", self.path("other"),
                    workspace=False)
        self.refused(os.path.join(self.path("other"), "ua-signer.key"), sign_a,
                     "is not the key agreement 'deal' version 1 pins for party a")
        self.refused(self.keys["ua"], ("agreement", "witness", "deal"),
                     "is not a mediator key agreement 'deal' version 1 pins")

        signed = json.loads(self.run_with(self.keys["ua"], *sign_a, "--json").stdout)
        self.assertEqual(signed["state"], "signed")
        # Party a signed already; party b's key is still refused for a, not answered "unchanged".
        self.refused(self.keys["ru"], sign_a, "pins for party b")
        final = json.loads(self.run_with(self.keys["ru"], "agreement", "sign", "deal", "--side",
                                         "b", "--json").stdout)
        self.assertEqual(final["state"], "in_force")
        self.assertEqual([s["signer"] for s in final["signatures"]], ["ua-signer", "ru-signer"])
        witnessed = self.run_with(self.keys["icrc"], "agreement", "witness", "deal").stdout
        self.assertIn("Witnessed: deal@1 by the mediator's key 'icrc-signer'", witnessed)
        self.assertIn("stays in_force", witnessed)
        # What a negotiator reads before signing names each party's key and the witness's.
        shown = self.parley("agreement", "show", "deal").stdout
        self.assertRegex(shown, r"Signed for Ukraine only with key ua-signer \(key id [0-9a-f]{8}\)"
                                r", for Russian Federation only with key ru-signer")
        self.assertIn("witnessed by the mediator with icrc-signer", shown)
        verified = self.parley("verify").stdout
        self.assertIn("2 of 2 party signatures and 1 of 1 mediator witnesses made with the keys "
                      "their agreement pins", verified)

    def test_an_agreement_without_pinned_keys_is_stored_but_nobody_signs_it(self):
        self.parley("agreement", "add", str(AGREEMENT), "--name", "loose")
        for key in (self.keys["ua"], self.node_key, None):
            self.refused(key, ("agreement", "sign", "loose", "--side", "a"),
                         "agreement 'loose' version 1 pins no key for party a (Ukraine)",
                         'add a_key = "NAME+KEYID+BASE64"')

    def test_a_malformed_pinned_key_is_refused_naming_the_field(self):
        bad = self.path("bad.toml")
        text = pathlib.Path(self.agreement).read_text()
        line = next(l for l in text.splitlines() if l.startswith("b_key = "))
        pathlib.Path(bad).write_text(text.replace(line, 'b_key = "ru-signer+00000000+AQID"'))
        out = self.parley("agreement", "check", bad, expect=1, workspace=False).stderr
        self.assertIn("b_key is not a verifier key", out)
        self.assertIn("row ", out)
        same = self.path("same.toml")
        a_line = next(l for l in text.splitlines() if l.startswith("a_key = "))
        pathlib.Path(same).write_text(text.replace(line, "b" + a_line[1:]))
        self.assertIn("a_key and b_key are the same key",
                      self.parley("agreement", "check", same, expect=1,
                                  workspace=False).stderr)

    def test_plans_are_accepted_and_signed_by_each_party_with_its_key_and_verify_checks(self):
        scenario = self.path("scenario")
        self.parley("synth", "--people", "200", "--seed", "3", "--out", scenario,
                    workspace=False)
        for name, kind, side in LISTS:
            self.parley("import", os.path.join(scenario, name + ".csv"), "--list", name,
                        "--kind", kind, "--side", side)
        self.parley("reconcile", "ru-request", "ua-custody")
        self.parley("reconcile", "ua-request", "ru-custody")
        for side, key in (("a", self.keys["ua"]), ("b", self.keys["ru"])):
            self.run_with(key, "agreement", "sign", "deal", "--side", side)
        pid = str(self.parley_json("plan", "propose", "--agreement", "deal", "--side-a", "ua",
                                   "--side-b", "ru")["id"])
        for wrong, says in ((self.keys["icrc"], "is a mediator key"),
                            (self.keys["ru"], "pins for party b"),
                            (None, "the node key never signs for a party"),
                            (self.node_key, "is this node's key")):
            self.refused(wrong, ("plan", "accept", pid, "--side", "ua"), says,
                         f"(under which plan {pid} was made)")
        for verb in ("accept", "sign"):
            self.run_with(self.keys["ua"], "plan", verb, pid, "--side", "ua")
            self.run_with(self.keys["ru"], "plan", verb, pid, "--side", "ru")
        shown = self.parley_json("plan", "show", pid)
        self.assertEqual(shown["state"], "signed")
        self.refused(self.keys["ua"], ("plan", "sign", pid, "--side", "ru"), "pins for party a")
        self.refused(self.keys["ru"], ("plan", "witness", pid), "is not a mediator key")
        self.assertIn("by the mediator's key 'icrc-signer'",
                      self.run_with(self.keys["icrc"], "plan", "witness", pid).stdout)
        self.assertIn("Already witnessed",
                      self.run_with(self.keys["icrc"], "plan", "witness", pid).stdout)
        self.assertIn("6 of 6 party signatures and 1 of 1 mediator witnesses",
                      self.parley("verify").stdout)

        # A bundle for the mediator carries the same proof, checked with no workspace.
        bundle = self.path("for-icrc.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", bundle)
        self.assertIn("party signatures: 6 of 6 party signatures",
                      self.parley("verify", "--bundle", bundle, workspace=False).stdout)
        # A party signature's bytes changed in the bundle: named by its entry.
        data = bytearray(pathlib.Path(bundle).read_bytes())
        at = data.find(b'"type":"plan.signed"')
        self.assertGreater(at, 0)
        sig_byte = data.find(b"\x00", at) + 1 + 4 + 32 + 10  # inside the signature
        data[sig_byte] ^= 0x01
        pathlib.Path(self.path("tampered.bundle")).write_bytes(bytes(data))
        out = self.parley("verify", "--bundle", self.path("tampered.bundle"), workspace=False,
                          expect=1).stderr
        self.assertRegex(out, r"entry seq \d+")

        # The same in the workspace's database (past its append-only triggers).
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            con.execute("DROP TRIGGER ledger_entries_are_immutable")
            seq, leaf = next((s, bytes(l)) for s, l in con.execute(
                "SELECT seq, leaf FROM ledger_entries ORDER BY seq")
                if b'"type":"agreement.signed"' in bytes(l))
            forged = bytearray(leaf)
            forged[-5] ^= 0x01
            con.execute("UPDATE ledger_entries SET leaf = ? WHERE seq = ?", (bytes(forged), seq))
            con.commit()
        finally:
            con.close()
        out = self.parley("verify", expect=1).stderr
        self.assertIn(f"entry seq {seq}", out)


if __name__ == "__main__":
    unittest.main()

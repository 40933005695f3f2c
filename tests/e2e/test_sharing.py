"""The sharing policy end to end: a party exports for the mediator under an agreement that
withholds health, the mediator imports and sees names but not health, a tampered value is
refused naming list, record and field, and a withheld field is later revealed and proved
against the bundle. Also: passphrase-encrypted user keys wherever a user key is taken."""
import json
import os
import subprocess
import tempfile
import unittest

from parley_e2e import PARLEY, ParleyTestCase

AGREEMENT = """[agreement]
title = "Test exchange"
date = 2026-11-01

[parties]
a = "ua"
b = "ru"
mediators = ["Türkiye"]

[[category]]
id = "everyone"
when = { category = ["military", "civilian"] }

[sharing]
mediator = ["surname", "given_name", "birth_date"]
other_party = []
never = ["health"]
"""


def write_list(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,surname,given_name,birth_date,category,health,notes\n")
        f.write("1,Шевченко,Дмитро,01.02.1990,military,seriously_wounded,left leg\n")
        f.write("2,Лисенко,Олег,1985,military,,\n")


class SharingTestCase(ParleyTestCase):
    def setUp(self):
        # The pid keeps parallel ctest runs apart.
        self._tmp = tempfile.TemporaryDirectory(prefix=f"parley-e2e-sharing-{os.getpid()}-")
        self.tmp = self._tmp.name
        self.workspace = os.path.join(self.tmp, "ua")
        self.mediator = os.path.join(self.tmp, "med")
        self.parley("init", "--node", "ua-bureau")
        self.parley("init", "--node", "mediator", "--workspace", self.mediator, workspace=False)
        self.list_file = self.path("ua-custody.csv")
        write_list(self.list_file)
        self.parley("import", self.list_file, "--list", "ua-custody", "--kind", "custody",
                    "--side", "ua", "--actor", "clerk1")
        self.agreement = self.path("deal.toml")
        with open(self.agreement, "w", encoding="utf-8") as f:
            f.write(AGREEMENT)
        self.keys = os.path.join(self.workspace, "keys", "ua-bureau.pub")

    def export(self, name, party, *extra):
        bundle = self.path(name)
        out = self.parley("bundle", "export", "--for", party, "--out", bundle, *extra).stdout
        return bundle, out

    def on_mediator(self, *args, expect=0):
        return self.parley(*args, "--workspace", self.mediator, workspace=False, expect=expect)


class SharingPolicy(SharingTestCase):
    def test_the_event_commits_to_contents_without_carrying_them(self):
        body = self.parley_json("log")[0]["body"]
        self.assertEqual(len(body["records_root"]), 44)  # base64 of 32 bytes
        self.assertNotIn("Шевченко", json.dumps(body, ensure_ascii=False))

    def test_mediator_sees_names_but_not_health(self):
        bundle, out = self.export("for-med.bundle", "mediator", "--agreement", self.agreement)
        self.assertIn("shown: birth_date, given_name, surname", out)
        withheld = out.split("withheld (salted commitments only): ")[1].splitlines()[0]
        self.assertIn("health", withheld.split(", "))
        self.assertIn("notes", withheld.split(", "))
        self.assertNotIn("surname", withheld)
        with open(bundle, "rb") as f:
            raw = f.read()
        self.assertIn("Шевченко".encode(), raw)
        self.assertNotIn(b"seriously_wounded", raw)
        self.assertNotIn("left leg".encode(), raw)

        out = self.on_mediator("bundle", "import", bundle, "--trusted-keys", self.keys).stdout
        self.assertIn("received 2 records of 1 list versions", out)
        received = json.loads(self.on_mediator("bundle", "received", "--json").stdout)
        self.assertEqual([r["id"] for r in received], ["1", "2"])
        self.assertEqual(received[0]["shown"],
                         {"surname": "Шевченко", "given_name": "Дмитро",
                          "birth_date": "1990-02-01"})
        self.assertIn("health", received[0]["withheld"])
        self.assertNotIn("health", received[0]["shown"])
        shown = json.loads(self.parley("bundle", "show", bundle, "--trusted-keys", self.keys,
                                       "--json", workspace=False).stdout)
        self.assertEqual(shown["role"], "mediator")
        self.assertEqual(shown["lists"][0]["records"][1]["shown"]["surname"], "Лисенко")
        # Both nodes still pass their own checks.
        self.assertIn("ok:", self.on_mediator("verify").stdout)
        self.on_mediator("check")
        self.parley("check")
        self.assertIn("ok:", self.parley("verify").stdout)

    def test_a_tampered_value_is_refused_naming_list_record_and_field(self):
        bundle, _ = self.export("for-med.bundle", "mediator", "--agreement", self.agreement)
        with open(bundle, "rb") as f:
            raw = f.read()
        # Same length in UTF-8, so only the value changes.
        forged = raw.replace("Лисенко".encode(), "Лысенко".encode())
        self.assertNotEqual(forged, raw)
        bad = self.path("forged.bundle")
        with open(bad, "wb") as f:
            f.write(forged)
        before = self.on_mediator("bundle", "received", "--json").stdout
        err = self.on_mediator("bundle", "import", bad, "--trusted-keys", self.keys,
                               expect=1).stderr
        self.assertIn("list ua-custody version 1, record 2, field surname: the value and salt "
                      "do not match its commitment", err)
        self.assertEqual(self.on_mediator("bundle", "received", "--json").stdout, before)
        self.parley("verify", "--bundle", bad, workspace=False, expect=1)
        ok = self.parley("verify", "--bundle", bundle, "--trusted-keys", self.keys,
                         workspace=False).stdout
        self.assertIn("disclosure: 2 records of 1 list versions for mediator (mediator)", ok)

    def test_a_bundle_since_a_checkpoint_discloses_only_the_new_list_version(self):
        bundle, _ = self.export("first.bundle", "mediator", "--agreement", self.agreement)
        self.on_mediator("bundle", "import", bundle, "--trusted-keys", self.keys)
        checkpoint = self.path("cp.txt")
        self.parley("checkpoint", "--out", checkpoint)
        with open(self.list_file, "a", encoding="utf-8") as f:
            f.write("3,Коваль,Іван,1979,military,,\n")
        self.parley("import", self.list_file, "--list", "ua-custody", "--kind", "custody",
                    "--side", "ua")
        delta, out = self.export("delta.bundle", "mediator", "--agreement", self.agreement,
                                 "--since", checkpoint)
        self.assertIn("3 records of 1 list versions", out)
        self.on_mediator("bundle", "import", delta, "--trusted-keys", self.keys)
        received = json.loads(self.on_mediator("bundle", "received", "--json").stdout)
        self.assertEqual([(r["version"], r["id"]) for r in received],
                         [(1, "1"), (1, "2"), (2, "1"), (2, "2"), (2, "3")])
        self.assertEqual(received[-1]["shown"]["surname"], "Коваль")

    def test_the_other_party_gets_no_contents_by_default(self):
        bundle, out = self.export("for-ru.bundle", "ru")
        self.assertIn("shows ru (other_party) no record contents", out)
        with open(bundle, "rb") as f:
            self.assertNotIn("Шевченко".encode(), f.read())
        shown = self.parley("bundle", "show", bundle, workspace=False).stdout
        self.assertIn("no record contents", shown)

    def test_the_agreement_in_force_in_the_workspace_is_used_by_default(self):
        # Each party signs with its own key, pinned in the agreement.
        ua_key, ua_line = self.make_key("signer-ua")
        ru_key, ru_line = self.make_key("signer-ru")
        with open(self.agreement, "w", encoding="utf-8") as f:
            f.write(self.pin_keys(AGREEMENT, 'b = "ru"', ua_line, ru_line))
        self.parley("agreement", "add", self.agreement, "--name", "deal")
        # A draft is not in force: the default policy still applies.
        _, out = self.export("draft.bundle", "mediator")
        self.assertIn("sharing policy: the default policy", out)
        _, out = self.export("named.bundle", "mediator", "--agreement", "deal")
        self.assertIn("sharing policy: agreement deal version 1;", out)
        self.assertIn("shown: birth_date, given_name, surname", out)
        self.parley("agreement", "sign", "deal", "--side", "a", "--key", ua_key)
        self.parley("agreement", "sign", "deal", "--side", "b", "--key", ru_key)
        bundle, out = self.export("in-force.bundle", "mediator")
        self.assertIn("sharing policy: agreement deal version 1 (in force);", out)
        self.assertIn("shown: birth_date, given_name, surname", out)
        with open(bundle, "rb") as f:
            self.assertNotIn(b"seriously_wounded", f.read())
        # A mediator named in the agreement is the mediator too.
        _, out = self.export("turkiye.bundle", "Türkiye")
        self.assertIn("shows Türkiye (mediator)", out)
        self.parley("bundle", "export", "--for", "mediator", "--out", self.path("x.bundle"),
                    "--agreement", "nowhere", expect=1)

    def test_default_policy_shows_the_mediator_identity_not_health(self):
        bundle, out = self.export("for-med.bundle", "mediator")
        self.assertIn("sharing policy: the default policy", out)
        self.assertIn("category", out.split("withheld")[0])  # shown
        with open(bundle, "rb") as f:
            raw = f.read()
        self.assertNotIn(b"seriously_wounded", raw)
        self.assertIn("Дмитро".encode(), raw)

    def test_a_withheld_field_is_revealed_later_and_proved_against_the_bundle(self):
        bundle, _ = self.export("for-med.bundle", "mediator", "--agreement", self.agreement)
        self.on_mediator("bundle", "import", bundle, "--trusted-keys", self.keys)
        reveal = self.path("health-1.json")
        self.parley("disclose", "ua-custody", "1", "health", "--out", reveal)
        out = self.parley("verify", "--disclosure", reveal, "--bundle", bundle,
                          "--trusted-keys", self.keys, workspace=False).stdout
        self.assertIn('field health = "seriously_wounded"', out)
        self.assertIn("proved against the records root signed in entry seq 0", out)
        # A bundle for the other party carries no contents, yet the reveal proves against it.
        other, _ = self.export("for-ru.bundle", "ru")
        self.parley("verify", "--disclosure", reveal, "--bundle", other, "--trusted-keys",
                    self.keys, workspace=False)
        with open(reveal, encoding="utf-8") as f:
            doc = json.load(f)
        doc["value"] = ""
        lie = self.path("lie.json")
        with open(lie, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        err = self.parley("verify", "--disclosure", lie, "--bundle", bundle, "--trusted-keys",
                          self.keys, workspace=False, expect=1).stderr
        self.assertIn("list ua-custody version 1, record 1, field health: the value and salt "
                      "do not match the field's commitment", err)

    def test_disclose_names_unknown_records_and_fields(self):
        err = self.parley("disclose", "ua-custody", "9", "health", "--out", self.path("x"),
                          expect=1).stderr
        self.assertIn("has no record with id '9'", err)
        err = self.parley("disclose", "ua-custody", "1", "helth", "--out", self.path("x"),
                          expect=1).stderr
        self.assertIn("has no field 'helth'", err)

    def test_a_bad_sharing_table_is_refused_with_its_line(self):
        bad = self.path("bad.toml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(AGREEMENT.replace('never = ["health"]', 'never = ["health"]\nhealth = "*"'))
        err = self.parley("bundle", "export", "--for", "mediator", "--out", self.path("b"),
                          "--agreement", bad, expect=1).stderr
        self.assertIn("unknown key 'health' in [sharing]", err)
        self.assertIn("bad.toml", err)


class EncryptedUserKeys(SharingTestCase):
    def setUp(self):
        super().setUp()
        keys = self.path("keys")
        self.passphrase = self.path("pw")
        with open(self.passphrase, "w") as f:
            f.write("correct horse battery staple\n")
        self.wrong = self.path("wrong")
        with open(self.wrong, "w") as f:
            f.write("incorrect\n")
        self.parley("keys", "init", "--name", "alice", "--out", keys, "--passphrase-file",
                    self.passphrase, workspace=False)
        self.key = os.path.join(keys, "alice.key")
        with open(self.list_file, "a", encoding="utf-8") as f:
            f.write("3,Коваль,Іван,1979,military,,\n")

    def run_parley(self, *args, env=None):
        # stdin is not a terminal here, so parley must not wait for a typed passphrase.
        return subprocess.run([PARLEY, *args, "--workspace", self.workspace],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              env={**os.environ, **(env or {})}, timeout=120)

    def import_with(self, *extra, env=None):
        return self.run_parley("import", self.list_file, "--list", "ua-custody", "--kind",
                               "custody", "--side", "ua", "--key", self.key, *extra, env=env)

    def test_missing_or_wrong_passphrase_is_a_clear_error(self):
        r = self.import_with()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("alice.key", r.stderr)
        self.assertIn("passphrase-encrypted: give --passphrase-file FILE, set $PARLEY_PASSPHRASE",
                      r.stderr)
        r = self.import_with("--passphrase-file", self.wrong)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("wrong passphrase", r.stderr)
        r = self.import_with(env={"PARLEY_PASSPHRASE": "nope"})
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("wrong passphrase", r.stderr)
        self.assertEqual(len(self.parley_json("log")), 1)  # nothing was imported

    def test_passphrase_file_signs_the_event_with_the_users_key(self):
        r = self.import_with("--passphrase-file", self.passphrase)
        self.assertEqual(r.returncode, 0, r.stderr)
        last = self.parley_json("log")[-1]
        self.assertEqual(last["actor"], "alice")
        with open(self.path(os.path.join("keys", "alice.pub")), encoding="utf-8") as f:
            self.assertEqual(last["signer"], f.read().strip())

    def test_environment_passphrase_and_parley_key(self):
        r = self.run_parley("import", self.list_file, "--list", "ua-custody", "--kind",
                            "custody", "--side", "ua",
                            env={"PARLEY_KEY": self.key,
                                 "PARLEY_PASSPHRASE": "correct horse battery staple"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.parley_json("log")[-1]["actor"], "alice")

    def test_cosign_takes_an_encrypted_key(self):
        r = self.run_parley("checkpoint", "--cosign", self.key)
        self.assertEqual(r.returncode, 1)
        self.assertIn("passphrase-encrypted", r.stderr)
        r = self.run_parley("checkpoint", "--cosign", self.key, "--passphrase-file",
                            self.passphrase)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("— alice ", r.stdout)


if __name__ == "__main__":
    unittest.main()

"""The signed record inside a workspace: events for imports, the log, bundles for the
mediator, verification, and tampering caught with the entry named."""
import os
import sqlite3
import unittest

from parley_e2e import ParleyTestCase


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,surname,given_name,birth_date\n")
        for i, (surname, given) in enumerate(rows, start=1):
            f.write(f"{i},{surname},{given},01.02.1990\n")


class Record(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init", "--node", "ua-bureau")
        self.ua, self.ru = self.path("ua.csv"), self.path("ru.csv")
        write_csv(self.ua, [("Шевченко", "Дмитро"), ("Лисенко", "Олег")])
        write_csv(self.ru, [("Иванов", "Пётр")])
        self.parley("import", self.ua, "--list", "ua-request", "--kind", "request",
                    "--side", "ua", "--actor", "clerk1")
        self.parley("import", self.ru, "--list", "ru-custody", "--kind", "custody",
                    "--side", "ru", "--actor", "clerk2")

    def test_imports_are_logged_without_personal_data(self):
        log = self.parley_json("log")
        self.assertEqual([(e["seq"], e["actor"], e["type"], e["body"]["list"]) for e in log],
                         [(0, "clerk1", "list.version_submitted", "ua-request"),
                          (1, "clerk2", "list.version_submitted", "ru-custody")])
        self.assertEqual(log[0]["body"]["record_count"], 2)
        text = self.parley("log").stdout
        self.assertNotIn("Шевченко", text)
        self.assertEqual([e["seq"] for e in self.parley_json("log", "--list", "ru-custody")], [1])
        # An identical re-import appends nothing.
        self.parley("import", self.ua, "--list", "ua-request", "--kind", "request",
                    "--side", "ua")
        self.assertEqual(len(self.parley_json("log")), 2)

    def test_bundle_for_the_mediator_verifies_and_a_flipped_byte_is_refused(self):
        bundle = self.path("for-mediator.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", bundle)
        keys = os.path.join(self.workspace, "keys", "ua-bureau.pub")
        out = self.parley("verify", "--bundle", bundle, "--trusted-keys", keys,
                          workspace=False).stdout
        self.assertIn("2 entries", out)
        with open(bundle, "rb") as f:
            data = bytearray(f.read())
        data[len(data) // 2] ^= 0x01
        bad = self.path("flipped.bundle")
        with open(bad, "wb") as f:
            f.write(bytes(data))
        proc = self.parley("verify", "--bundle", bad, "--trusted-keys", keys, workspace=False,
                           expect=1)
        self.assertIn("parley: error:", proc.stderr)
        self.assertIn("ok:", self.parley("verify").stdout)

    def test_mediator_imports_the_bundle_as_a_replica_and_refuses_a_replay(self):
        bundle = self.path("for-mediator.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", bundle)
        med = self.path("med")
        self.parley("init", "--node", "mediator", "--workspace", med, workspace=False)
        keys = os.path.join(self.workspace, "keys", "ua-bureau.pub")
        self.parley("bundle", "import", bundle, "--trusted-keys", keys, "--workspace", med,
                    workspace=False)
        out = self.parley("verify", "--workspace", med, workspace=False).stdout
        self.assertIn("replica parley/ua-bureau/", out)
        replay = self.parley("bundle", "import", bundle, "--trusted-keys", keys,
                             "--workspace", med, workspace=False, expect=1)
        self.assertIn("adds nothing", replay.stderr)
        # A tampered bundle is refused whole: the replica keeps its 2 entries.
        self.parley("import", self.ru, "--list", "ru-custody2", "--kind", "custody",
                    "--side", "ru")
        grown = self.path("grown.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", grown)
        with open(grown, "rb") as f:
            data = bytearray(f.read())
        at = data.rfind(b'"list":"ru-custody2"')
        data[at + 9] ^= 0x01
        tampered = self.path("tampered.bundle")
        with open(tampered, "wb") as f:
            f.write(bytes(data))
        refused = self.parley("bundle", "import", tampered, "--trusted-keys", keys,
                              "--workspace", med, workspace=False, expect=1)
        self.assertIn("entry seq 2", refused.stderr)
        self.assertIn("replica parley/ua-bureau/", self.parley(
            "verify", "--workspace", med, workspace=False).stdout)
        self.parley("bundle", "import", grown, "--trusted-keys", keys, "--workspace", med,
                    workspace=False)
        # Cosigned by the mediator, then only what follows the checkpoint travels.
        checkpoint = self.path("cp.txt")
        self.parley("checkpoint", "--out", checkpoint, "--cosign",
                    os.path.join(med, "keys", "mediator.key"))
        with open(checkpoint, encoding="utf-8") as f:
            self.assertIn("— mediator ", f.read())
        write_csv(self.ua, [("Шевченко", "Дмитро")])
        self.parley("import", self.ua, "--list", "ua-request", "--kind", "request",
                    "--side", "ua")
        delta = self.path("delta.bundle")
        out = self.parley("bundle", "export", "--for", "mediator", "--since", checkpoint,
                          "--out", delta).stdout
        self.assertIn("entries 3..4", out)
        self.parley("bundle", "import", delta, "--trusted-keys", keys, "--workspace", med,
                    workspace=False)

    def test_bundle_import_without_trusted_keys_says_how_to_trust_the_sender(self):
        bundle = self.path("for-mediator.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", bundle)
        med = self.path("med")
        self.parley("init", "--node", "mediator", "--workspace", med, workspace=False)
        refused = self.parley("bundle", "import", bundle, "--workspace", med, workspace=False,
                              expect=1)
        self.assertIn("no trusted keys file", refused.stderr)
        self.assertIn("parley keys trust SENDER.pub", refused.stderr)
        self.assertNotIn("replica", self.parley("verify", "--workspace", med,
                                                workspace=False).stdout)
        # Trusting the sender's public key file is enough; its key id is printed to compare.
        sender = os.path.join(self.workspace, "keys", "ua-bureau.pub")
        trusted = self.parley("keys", "trust", sender, "--workspace", med, workspace=False)
        self.assertRegex(trusted.stdout, r"trusted ua-bureau \(key id [0-9a-f]{8}\)")
        self.parley("bundle", "import", bundle, "--workspace", med, workspace=False)
        self.assertIn("replica parley/ua-bureau/", self.parley(
            "verify", "--workspace", med, workspace=False).stdout)
        # Trusting it twice lists it once; a file with no key is refused.
        self.parley("keys", "trust", sender, "--workspace", med, workspace=False)
        with open(os.path.join(med, "keys", "trusted.keys"), encoding="utf-8") as f:
            self.assertEqual(sum(1 for line in f if line.startswith("ua-bureau+")), 1)
        empty = self.path("empty.pub")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("# nothing here\n")
        self.assertIn("no verifier key", self.parley("keys", "trust", empty, "--workspace", med,
                                                     workspace=False, expect=1).stderr)

    def test_own_key_signs_the_event(self):
        self.parley("keys", "init", "--name", "alice", "--out", self.path("keys"),
                    workspace=False)
        write_csv(self.ru, [("Иванов", "Пётр"), ("Петров", "Иван")])
        env_key = self.path(os.path.join("keys", "alice.key"))
        os.environ["PARLEY_KEY"] = env_key
        try:
            self.parley("import", self.ru, "--list", "ru-custody", "--kind", "custody",
                        "--side", "ru")
        finally:
            del os.environ["PARLEY_KEY"]
        last = self.parley_json("log")[-1]
        self.assertEqual(last["actor"], "alice")
        with open(self.path(os.path.join("keys", "alice.pub")), encoding="utf-8") as f:
            self.assertEqual(last["signer"], f.read().strip())
        self.assertIn("3 entries all signed", self.parley("verify").stdout)

    def test_tampered_ledger_row_is_named_by_verify(self):
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            with self.assertRaises(sqlite3.DatabaseError):
                con.execute("UPDATE ledger_entries SET leaf = x'00' WHERE seq = 1")
            con.execute("DROP TRIGGER ledger_entries_are_immutable")
            leaf = con.execute("SELECT leaf FROM ledger_entries WHERE seq = 1").fetchone()[0]
            forged = bytes(leaf).replace(b'"record_count":1', b'"record_count":9')
            self.assertNotEqual(forged, bytes(leaf))
            con.execute("UPDATE ledger_entries SET leaf = ? WHERE seq = 1", (forged,))
            con.commit()
        finally:
            con.close()
        proc = self.parley("verify", expect=1)
        self.assertIn("entry seq 1", proc.stderr)
        # `check` compares the event with the list version it records.
        self.assertIn("problem:", self.parley("check", expect=1).stdout)

    def test_verify_names_a_list_record_edited_in_the_database(self):
        self.assertIn("2 list versions (3 records)", self.parley("verify").stdout)
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            con.execute("DROP TRIGGER record_versions_are_immutable")
            con.execute("UPDATE record_versions SET given_name = 'Іван' "
                        "WHERE surname = 'Лисенко'")
            con.commit()
        finally:
            con.close()
        proc = self.parley("verify", expect=1)
        self.assertIn("list ua-request version 1", proc.stderr)
        self.assertIn("no longer produce the records root signed in entry seq 0", proc.stderr)
        self.assertIn("the first record that differs: record 2", proc.stderr)

    def test_check_reports_a_version_without_its_event(self):
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            con.execute("DROP TRIGGER ledger_list_events_are_kept")
            con.execute("DELETE FROM ledger_list_events WHERE seq = 0")
            con.commit()
        finally:
            con.close()
        out = self.parley("check", expect=1).stdout
        self.assertIn("list ua-request version 1 has no ledger event", out)


if __name__ == "__main__":
    unittest.main()

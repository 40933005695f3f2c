"""A sealed workspace end to end (docs/security.md, "Sealed at rest"): `init --seal` with a
passphrase file, import, reconcile, an API request through `parley serve`, and then no name of
the lists anywhere in the workspace's files; a wrong passphrase or none is refused and changes
nothing; a key file works the same way; SIGKILL mid-import leaves a store that opens and
verifies."""
import os
import re
import signal
import subprocess
import time
import unittest
import urllib.request

from parley_e2e import PARLEY, ParleyTestCase
from test_import_kill import write_list

REQUEST = [("U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990"),
           ("U2", "Лисенко", "Андрій", "Юрійович", "03.05.1985"),
           ("U3", "Zabolotnyi", "Petro", "Ivanovych", "07.07.1977")]
CUSTODY = [("R1", "Шевченко", "Александр", "Николаевич", "12.03.1990"),
           ("R2", "Лысенко", "Андрей", "", "03.05.1985"),
           ("R3", "Zabolotnyi", "Petro", "", "07.07.1977")]
NAMES = ["Шевченко", "Лисенко", "Лысенко", "Zabolotnyi", "Олександр", "Александр", "12.03.1990"]


class SealedWorkspace(ParleyTestCase):
    def write_csv(self, name, rows):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("id,surname,given_name,patronymic,birth_date\n")
            for row in rows:
                f.write(",".join(row) + "\n")
        return path

    def setUp(self):
        super().setUp()
        self.passphrase = self.path("seal.pass")
        with open(self.passphrase, "w") as f:
            f.write("a long and private seal passphrase\n")
        self.env_backup = dict(os.environ)

    def tearDown(self):
        os.environ.clear()
        os.environ.update(self.env_backup)
        super().tearDown()

    def sealed(self, *args, expect=0):
        return self.parley(*args, "--seal-passphrase-file", self.passphrase, expect=expect)

    def raw_files(self):
        """Every file of the workspace, byte for byte, by path."""
        out = {}
        for root, _, files in os.walk(self.workspace):
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    out[os.path.join(root, name)] = f.read()
        return out

    def assert_no_names(self):
        for path, data in self.raw_files().items():
            for name in NAMES:
                self.assertNotIn(name.encode(), data, f"{name} in plain text in {path}")
            self.assertNotIn(b"SQLite format 3", data, path)

    def test_import_reconcile_serve_leave_no_name_on_disk(self):
        out = self.sealed("init", "--seal").stdout
        self.assertIn("sealed", out)
        self.sealed("import", self.write_csv("request.csv", REQUEST), "--list", "ua-request",
                    "--kind", "request", "--side", "ua")
        self.sealed("import", self.write_csv("custody.csv", CUSTODY), "--list", "ru-custody",
                    "--kind", "custody", "--side", "ru")
        found = self.sealed("reconcile", "ua-request", "ru-custody").stdout
        self.assertIn("reconciled", found)
        self.assertIn("Zabolotnyi", self.sealed("show", "ua-request").stdout)
        self.assert_no_names()  # between commands: the WAL is checkpointed away or sealed

        # The server reads the sealed workspace with the key from the environment.
        pw = self.path("user.pw")
        with open(pw, "w") as f:
            f.write("a long enough password\n")
        self.sealed("user", "add", "clerk", "--role", "clerk", "--side", "ua", "--password-file",
                    pw)
        token = self.sealed("user", "token", "clerk").stdout.strip()
        env = dict(os.environ, PARLEY_SEAL_PASSPHRASE_FILE=self.passphrase)
        proc = subprocess.Popen([PARLEY, "serve", "--listen", "127.0.0.1:0", "--workspace",
                                 self.workspace, "--threads", "2"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stdout.readline()
            m = re.search(r"http://127\.0\.0\.1:(\d+)/api/v1", line)
            self.assertIsNotNone(m, f"{line!r} {proc.stderr.read() if m is None else ''}")
            req = urllib.request.Request(
                f"http://127.0.0.1:{m.group(1)}/api/v1/lists/ua-request/versions/1/records",
                headers={"Authorization": "Bearer " + token})
            with urllib.request.urlopen(req, timeout=30) as r:
                body = r.read().decode()
            self.assertIn("Zabolotnyi", body)
            # While the server runs, its WAL and journals are sealed too.
            self.assert_no_names()
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
            proc.stdout.close()
            proc.stderr.close()
        self.assert_no_names()
        self.assertIn("consistent", self.sealed("check").stdout)

    def test_wrong_or_missing_passphrase_is_refused_and_changes_nothing(self):
        self.sealed("init", "--seal")
        self.sealed("import", self.write_csv("request.csv", REQUEST), "--list", "ua-request",
                    "--kind", "request", "--side", "ua")
        before = self.raw_files()
        wrong = self.path("wrong.pass")
        with open(wrong, "w") as f:
            f.write("not the passphrase\n")
        r = self.parley("import", self.write_csv("custody.csv", CUSTODY), "--list",
                        "ru-custody", "--kind", "custody", "--side", "ru",
                        "--seal-passphrase-file", wrong, expect=1)
        self.assertIn("wrong passphrase or key file for workspace", r.stderr)
        r = self.parley("lists", expect=1)
        self.assertIn("is sealed and needs its key", r.stderr)
        self.assertEqual(self.raw_files(), before)
        lists = self.sealed("lists").stdout
        self.assertIn("ua-request", lists)
        self.assertNotIn("ru-custody", lists)

    def test_key_file(self):
        key = self.path("seal.key")
        self.parley("init", "--seal", "--seal-key-file", key)
        self.assertEqual(os.stat(key).st_mode & 0o777, 0o600)
        self.assertEqual(os.path.getsize(key), 32)
        os.environ["PARLEY_SEAL_KEY_FILE"] = key
        self.parley("import", self.write_csv("request.csv", REQUEST), "--list", "ua-request",
                    "--kind", "request", "--side", "ua")
        self.assertIn("Zabolotnyi", self.parley("show", "ua-request").stdout)
        out = self.parley("export", "ua-request", "--out", self.path("out.csv")).stdout
        self.assertIn("not sealed", out)  # the export is for people, and says so
        self.assert_no_names()
        # A passphrase where a key file is expected is named as such.
        r = self.parley("lists", "--seal-passphrase-file", self.passphrase, expect=1)
        self.assertIn("sealed with a key file", r.stderr)

    def test_sigkill_mid_import_leaves_a_store_that_opens_and_verifies(self):
        self.sealed("init", "--seal")
        small, big = self.path("v1.csv"), self.path("v2.csv")
        write_list(small, 1000, seed=1)
        write_list(big, 300_000, seed=2)
        self.sealed("import", small, "--list", "reg", "--kind", "custody", "--side", "ru")
        wal = os.path.join(self.workspace, "parley.db-wal")
        proc = subprocess.Popen([PARLEY, "import", big, "--list", "reg", "--kind", "custody",
                                 "--side", "ru", "--workspace", self.workspace,
                                 "--seal-passphrase-file", self.passphrase],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if os.path.exists(wal) and os.path.getsize(wal) > 4 * 1024 * 1024:
                break
            time.sleep(0.02)
        self.assertIsNone(proc.poll(), "the import finished before it could be killed")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        self.assertIn("consistent", self.sealed("check").stdout)
        lists = self.parley_json("lists", "--seal-passphrase-file", self.passphrase)
        self.assertEqual([(l["list"], l["version"], l["record_count"]) for l in lists],
                         [("reg", 1, 1000)])
        self.assertIn("1 entries all signed", self.sealed("verify").stdout)


if __name__ == "__main__":
    unittest.main()

"""File modes (issue 16, item 8, first half): whatever the umask, the workspace and every
folder parley creates are 0700, and every file it writes is 0600: the database and its WAL and
shared-memory files, keys, the ledger, exports chosen with --out, rejects files, checkpoints,
bundles and synthetic scenarios. Run under umask 000 (nothing narrows a mode) and 022 (the
common default, under which they used to be 0644 / 0755).
"""
import json
import os
import re
import stat
import subprocess
import urllib.request

from parley_e2e import PARLEY, ParleyTestCase


class FileModes(ParleyTestCase):
    def modes_under(self, root):
        """{path relative to root: mode} of root and everything under it."""
        out = {".": stat.S_IMODE(os.stat(root).st_mode)}
        for folder, dirs, files in os.walk(root):
            for name in dirs + files:
                p = os.path.join(folder, name)
                out[os.path.relpath(p, root)] = stat.S_IMODE(os.lstat(p).st_mode)
        return out

    def assert_private(self, root):
        modes = self.modes_under(root)
        self.assertGreater(len(modes), 1, root)
        for rel, mode in modes.items():
            want = 0o700 if os.path.isdir(os.path.join(root, rel)) else 0o600
            self.assertEqual(oct(mode), oct(want), f"{root}/{rel}")
        return modes

    def run_everything(self, umask):
        old = os.umask(umask)
        try:
            self.parley("init")
            self.parley("synth", "--people", "60", "--seed", "5", "--out", self.path("syn"),
                        workspace=False)
            self.parley("import", self.path("syn/ua-request.csv"), "--list", "ua-request",
                        "--kind", "request", "--side", "ua")
            bad = self.path("bad.csv")
            with open(bad, "w") as f:
                f.write("id,surname,given_name,birth_date\n1,Шевченко,Тарас,1990-01-01\n"
                        "2,Франко,Іван,31.02.1990\n")
            self.parley("import", bad, "--list", "bad", "--kind", "request", "--side", "ua",
                        "--skip-invalid")
            out = self.path("out")
            os.mkdir(out, 0o755)  # the user's own folder: its mode is theirs
            for fmt in ("csv", "xlsx", "json"):
                self.parley("export", "ua-request", "--format", fmt, "--out",
                            os.path.join(out, "list." + fmt))
            self.parley("checkpoint", "--out", os.path.join(out, "checkpoint.txt"))
            self.parley("bundle", "export", "--for", "ru", "--out",
                        os.path.join(out, "ru.bundle"))
            self.parley("keys", "init", "--name", "alice", "--out", self.path("mykeys"),
                        workspace=False)
            # While the server runs, SQLite's -wal and -shm files exist: they must be private.
            proc = subprocess.Popen([PARLEY, "serve", "--listen", "127.0.0.1:0", "--workspace",
                                     self.workspace], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True)
            try:
                port = re.search(r":(\d+)/api/v1", proc.stdout.readline()).group(1)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health") as r:
                    self.assertEqual(json.loads(r.read())["status"], "ok")
                names = os.listdir(self.workspace)
                self.assertIn("parley.db-wal", names)
                self.assertIn("parley.db-shm", names)
                self.assert_private(self.workspace)
            finally:
                proc.terminate()
                proc.wait()
                proc.stdout.close()
        finally:
            os.umask(old)
        modes = self.assert_private(self.workspace)
        self.assertIn("parley.db", modes)
        self.assertIn(os.path.join("keys", "node.key"), modes)
        self.assert_private(self.path("syn"))
        self.assert_private(self.path("mykeys"))
        self.assertEqual(stat.S_IMODE(os.stat(self.path("bad.rejects.csv")).st_mode), 0o600)
        for rel, mode in self.modes_under(out).items():
            self.assertEqual(oct(mode), oct(0o755 if rel == "." else 0o600), rel)

    def test_under_umask_000(self):
        self.run_everything(0o000)

    def test_under_umask_022(self):
        self.run_everything(0o022)


if __name__ == "__main__":
    import unittest
    unittest.main()

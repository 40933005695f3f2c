"""Shared helpers for end-to-end tests: run the real `parley` binary on real files.

The binary comes from $PARLEY_BIN (ctest sets it); each test gets a fresh temporary folder.
"""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

PARLEY = os.environ.get("PARLEY_BIN", os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "release", "bin", "parley"))


class ParleyTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="parley-e2e-")
        self.tmp = self._tmp.name
        self.workspace = os.path.join(self.tmp, "ws")

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def parley(self, *args, expect=0, workspace=True):
        cmd = [PARLEY, *args]
        if workspace:
            cmd += ["--workspace", self.workspace]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if expect is not None:
            self.assertEqual(proc.returncode, expect,
                             f"{' '.join(cmd)}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc

    def user_with_token(self, name, role, side, password="a long enough password"):
        """Adds a user to the workspace and returns an API token for them."""
        pw = self.path(f"{name}.pw")
        with open(pw, "w") as f:
            f.write(password + "\n")
        self.parley("user", "add", name, "--role", role, "--side", side, "--password-file", pw)
        return self.parley("user", "token", name).stdout.strip()

    def make_key(self, name):
        """A new key pair NAME.key / NAME.pub in the test's keys folder: (key file, verifier line)."""
        folder = self.path("keys")
        self.parley("keys", "init", "--name", name, "--out", folder, workspace=False)
        with open(os.path.join(folder, name + ".pub")) as f:
            return os.path.join(folder, name + ".key"), f.read().strip()

    @staticmethod
    def pin_keys(text, after, a_key=None, b_key=None, mediator_keys=()):
        """The agreement text with a_key / b_key / mediator_keys inserted after the line `after`
        of its [parties] table."""
        lines = "".join([f'a_key = "{a_key}"\n' if a_key else "",
                         f'b_key = "{b_key}"\n' if b_key else "",
                         "mediator_keys = [%s]\n" % ", ".join(f'"{k}"' for k in mediator_keys)
                         if mediator_keys else ""])
        assert after + "\n" in text, after
        return text.replace(after + "\n", after + "\n" + lines, 1)

    def parley_json(self, *args):
        return json.loads(self.parley(*args, "--json").stdout)

    def store_dump(self):
        """Every row of every table, for proving that a refused command changed nothing."""
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            return "\n".join(con.iterdump())
        finally:
            con.close()


class DemoWorkspaceTestCase(ParleyTestCase):
    """Tests that read one `parley demo` workspace, made once for the class (a demo takes
    seconds); each test's self.workspace is that workspace unless its setUp says otherwise."""
    demo_people = 300

    @classmethod
    def setUpClass(cls):
        cls._class_tmp = tempfile.TemporaryDirectory(prefix="parley-e2e-demo-")
        cls.ws = os.path.join(cls._class_tmp.name, "ws")
        subprocess.run([PARLEY, "demo", "--people", str(cls.demo_people), "--workspace", cls.ws],
                       capture_output=True, check=True)

    @classmethod
    def tearDownClass(cls):
        cls._class_tmp.cleanup()

    def setUp(self):
        super().setUp()
        self.workspace = self.ws

"""End-to-end: `parley keys init`, `parley bundle synth` and `parley verify --bundle` on the
real binary (PARLEY_BIN), with good and tampered bundles."""
import json
import os
import stat
import subprocess
import tempfile
import unittest

PARLEY = os.environ.get("PARLEY_BIN", "parley")


def run(*args, cwd=None):
    return subprocess.run([PARLEY, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


class KeysInitTest(unittest.TestCase):
    def test_makes_0600_private_key_and_public_key(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = run("keys", "init", "--name", "mediator", "--out", tmp, "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            info = json.loads(r.stdout)
            self.assertTrue(info["verifier_key"].startswith("mediator+"))
            mode = stat.S_IMODE(os.stat(os.path.join(tmp, "mediator.key")).st_mode)
            self.assertEqual(mode, 0o600)
            with open(os.path.join(tmp, "mediator.pub")) as f:
                self.assertEqual(f.read().strip(), info["verifier_key"])
            again = run("keys", "init", "--name", "mediator", "--out", tmp)
            self.assertEqual(again.returncode, 1)
            self.assertIn("never overwritten", again.stderr)

    def test_passphrase_encrypts_the_seed(self):
        with tempfile.TemporaryDirectory() as tmp:
            pw = os.path.join(tmp, "pw")
            with open(pw, "w") as f:
                f.write("correct horse battery staple\n")
            r = run("keys", "init", "--name", "clerk", "--out", tmp, "--passphrase-file", pw)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(tmp, "clerk.key")) as f:
                text = f.read()
            self.assertIn("encryption: argon2id-xchacha20poly1305\n", text)
            self.assertIn("salt: ", text)

    def test_bad_name_is_a_user_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = run("keys", "init", "--name", "a+b", "--out", tmp)
            self.assertEqual(r.returncode, 1)
            self.assertIn("may not contain", r.stderr)


class VerifyBundleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.bundle = os.path.join(cls.tmp.name, "demo.plb")
        cls.trusted = os.path.join(cls.tmp.name, "trusted.keys")
        r = run("bundle", "synth", "--events", "200", "--since", "50", "--out", cls.bundle,
                "--trusted-out", cls.trusted)
        assert r.returncode == 0, r.stderr
        with open(cls.bundle, "rb") as f:
            cls.good = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_good_bundle_verifies(self):
        r = run("verify", "--bundle", self.bundle, "--trusted-keys", self.trusted)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("150 entries", r.stdout)
        self.assertIn("consistency: proved from size 50", r.stdout)

    def test_json_output(self):
        r = run("verify", "--bundle", self.bundle, "--trusted-keys", self.trusted, "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["size"], 200)

    def test_flipped_byte_in_an_entry_names_the_entry(self):
        data = bytearray(self.good)
        # The last entry ends just before the 8-byte end marker; its last byte is signature.
        data[-9] ^= 0x01
        path = self.write("flipped.plb", bytes(data))
        r = run("verify", "--bundle", path, "--trusted-keys", self.trusted)
        self.assertEqual(r.returncode, 1)
        self.assertIn("entry seq 199: signature by", r.stderr)

    def test_truncated_bundle_is_refused(self):
        path = self.write("short.plb", self.good[: len(self.good) - 100])
        r = run("verify", "--bundle", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("bundle is truncated in entry seq", r.stderr)

    def test_untrusted_signers_are_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            run("keys", "init", "--name", "someone", "--out", tmp)
            r = run("verify", "--bundle", self.bundle, "--trusted-keys",
                    os.path.join(tmp, "someone.pub"))
            self.assertEqual(r.returncode, 1)
            self.assertIn("checkpoint: not signed by any trusted key", r.stderr)

    def test_every_byte_of_a_small_bundle_matters(self):
        small = os.path.join(self.tmp.name, "small.plb")
        r = run("bundle", "synth", "--events", "3", "--since", "1", "--out", small)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(small, "rb") as f:
            good = f.read()
        # Every 7th byte keeps the run short; the unit tests flip every byte.
        for i in range(0, len(good), 7):
            data = bytearray(good)
            data[i] ^= 0x01
            path = self.write("flip.plb", bytes(data))
            r = run("verify", "--bundle", path)
            self.assertEqual(r.returncode, 1, f"flip of byte {i} accepted")
            self.assertIn("parley: error:", r.stderr)


if __name__ == "__main__":
    unittest.main()

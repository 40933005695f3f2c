"""SIGKILL in the middle of a 1M-row import leaves the old version or the new one, whole,
and a signed log that still verifies (the import's event is in the killed transaction)."""
import os
import random
import signal
import subprocess
import time
import unittest

from parley_e2e import PARLEY, ParleyTestCase

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
            "Шевчук", "Поліщук", "Лисенко", "Мельник", "Бойко", "Ковальчук"]
GIVEN = ["Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Микола", "Юрій", "Василь"]
PATRONYMIC = ["Олександрович", "Андрійович", "Сергійович", "Миколайович", "Юрійович"]


def write_list(path, rows, seed):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,surname,given_name,patronymic,birth_date,unit\n")
        for i in range(rows):
            f.write(f"P{i:07d},{rng.choice(SURNAMES)},{rng.choice(GIVEN)},"
                    f"{rng.choice(PATRONYMIC)},{rng.randint(1,28):02d}.{rng.randint(1,12):02d}."
                    f"{rng.randint(1965, 2006)},А{rng.randint(1000, 9999)}\n")


class KilledImport(ParleyTestCase):
    ROWS = 1_000_000

    def test_sigkill_mid_import_keeps_the_store_consistent(self):
        self.parley("init")
        small, big = self.path("v1.csv"), self.path("v2.csv")
        write_list(small, 1000, seed=1)
        write_list(big, self.ROWS, seed=2)
        self.parley("import", small, "--list", "reg", "--kind", "custody", "--side", "ru")
        wal = os.path.join(self.workspace, "parley.db-wal")
        proc = subprocess.Popen([PARLEY, "import", big, "--list", "reg", "--kind", "custody",
                                 "--side", "ru", "--workspace", self.workspace],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Wait until the import is writing rows (the WAL grows), then kill it mid-transaction.
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if os.path.exists(wal) and os.path.getsize(wal) > 8 * 1024 * 1024:
                break
            time.sleep(0.02)
        self.assertIsNone(proc.poll(), "the import finished before it could be killed")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()

        self.assertIn("consistent", self.parley("check").stdout)
        lists = self.parley_json("lists")
        self.assertEqual([(l["list"], l["version"], l["record_count"]) for l in lists],
                         [("reg", 1, 1000)])
        self.assertEqual(len(self.parley_json("show", "reg", "--limit", "0")["records"]), 1000)
        self.assertIn("1 entries all signed", self.parley("verify").stdout)
        self.assertEqual([e["body"]["version"] for e in self.parley_json("log")], [1])

        # The same import run to the end gives the whole new version.
        self.parley("import", big, "--list", "reg", "--kind", "custody", "--side", "ru")
        lists = self.parley_json("lists")
        self.assertEqual([(l["version"], l["record_count"]) for l in lists], [(2, self.ROWS)])
        self.assertIn("consistent", self.parley("check").stdout)
        self.assertIn("2 entries all signed", self.parley("verify").stdout)
        self.assertEqual([e["body"]["record_count"] for e in self.parley_json("log")],
                         [1000, self.ROWS])


if __name__ == "__main__":
    unittest.main()

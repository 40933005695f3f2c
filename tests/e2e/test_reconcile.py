"""End-to-end tests of workspace reconciliation: `parley reconcile` and `parley review`.

A rejected pair stays rejected after re-running; decisions are attributed to the user and are
signed ledger events; links of records that left a list are withdrawn unless decided; aliases
(an aliases column, a record's earlier spelling) take part in matching; the raw-key terminal
queue works through a real pseudo-terminal.
"""
import csv
import json
import os
import pty
import select
import sqlite3
import subprocess
import time
import unittest

from parley_e2e import PARLEY, ParleyTestCase
from test_link import HEADER, filler


class ReconcileTest(ParleyTestCase):
    def write(self, name, rows):
        with open(self.path(name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            w.writerows(rows)
        return self.path(name)

    def setUp(self):
        super().setUp()
        self.parley("init")
        request = self.write("request.csv", [
            ["U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", ""],
            ["U2", "Лисенко", "Андрій", "Юрійович", "1985", "Харків", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("custody.csv", [
            ["R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", ""],
            ["R2", "Лысенко", "Андрей", "", "03.05.1985", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", request, "--list", "ua-request", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru")

    def links(self):
        return {(l["left_id"], l["right_id"]): l for l in self.parley_json("review", "--list")}

    def test_rejected_pair_stays_rejected_after_rerun(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        links = self.links()
        self.assertIn(("U1", "R1"), links)
        self.assertIn(("U2", "R2"), links)
        target = links[("U2", "R2")]
        env = dict(os.environ, PARLEY_USER="analyst7")
        proc = subprocess.run([PARLEY, "review", "--workspace", self.workspace, "--decide",
                               str(target["id"]), "reject"], capture_output=True, text=True,
                              env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.parley("reconcile", "ua-request", "ru-custody")
        after = self.links()[("U2", "R2")]
        self.assertEqual(after["state"], "rejected")
        self.assertEqual(after["decided_by"], "analyst7")
        self.assertEqual(after["id"], target["id"])

    def test_interactive_queue_reads_keys(self):
        self.parley("reconcile", "ua-request", "ru-custody", "--auto-accept", "1.0")
        queue = [l for l in self.parley_json("review", "--list") if l["state"] == "needs_review"]
        self.assertGreaterEqual(len(queue), 2)
        proc = subprocess.run([PARLEY, "review", "--workspace", self.workspace],
                              input="a\n" + "r\n" * (len(queue) - 1), capture_output=True,
                              text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("accept", proc.stdout)
        states = [l["state"] for l in self.parley_json("review", "--list")]
        self.assertEqual(states.count("needs_review"), 0)
        self.assertEqual(states.count("confirmed"), 1)

    def test_list_filters_and_pages(self):
        self.parley("reconcile", "ua-request", "ru-custody", "--auto-accept", "1.0")
        everything = self.parley_json("review", "--list")
        queue = [l for l in everything if l["state"] == "needs_review"]
        self.assertGreaterEqual(len(queue), 2)
        filtered = self.parley_json("review", "--list", "--state", "needs_review")
        self.assertEqual([l["id"] for l in filtered], [l["id"] for l in queue])
        second = self.parley_json("review", "--list", "--state", "needs_review", "--limit", "1",
                                  "--offset", "1")
        self.assertEqual([l["id"] for l in second], [queue[1]["id"]])
        self.assertEqual(self.parley_json("review", "--list", "--left", "ru-custody"), [])
        self.assertEqual(len(self.parley_json("review", "--list", "--right", "ru-custody")),
                         len(everything))
        text = self.parley("review", "--list", "--state", "needs_review", "--limit", "1").stdout
        self.assertIn(f"1 of {len(queue)} links shown (from 0)", text)
        err = self.parley("review", "--list", "--state", "maybe", expect=1).stderr
        self.assertIn("--state must be", err)

    def test_explanation_is_stored(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        link = self.links()[("U1", "R1")]
        fields = {f["field"]: f["level"] for f in link["explanation"]}
        self.assertEqual(fields["given_name"], "equivalent")
        self.assertEqual(fields["birth_date"], "exact")

    def test_new_list_version_is_reconciled_incrementally(self):
        first = self.parley_json("reconcile", "ua-request", "ru-custody")
        self.assertFalse(first["incremental"])
        links = self.links()
        rejected = links[("U2", "R2")]["id"]
        self.parley("review", "--decide", str(rejected), "reject")
        # Version 2 of the request list: U1 unchanged, U2 corrected, a new U3.
        request = self.write("request2.csv", [
            ["U1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", ""],
            ["U2", "Лисенко", "Андрій", "Юрійович", "03.05.1985", "Харків", ""],
            ["U3", "Ковальчук", "Петро", "Іванович", "01.01.1970", "", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("custody2.csv", [
            ["R1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", ""],
            ["R2", "Лысенко", "Андрей", "", "03.05.1985", "", ""],
            ["R3", "Ковальчук", "Пётр", "Иванович", "01.01.1970", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", request, "--list", "ua-request", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru")
        second = self.parley_json("reconcile", "ua-request", "ru-custody")
        self.assertTrue(second["incremental"])
        self.assertEqual(second["changed_records"], 3)  # U2 (new version), U3 and R3
        links = self.links()
        self.assertIn(("U3", "R3"), links)
        self.assertEqual(links[("U2", "R2")]["state"], "rejected")
        self.assertIn(("U1", "R1"), links, "untouched links survive an incremental run")
        full = self.parley_json("reconcile", "ua-request", "ru-custody", "--full")
        self.assertFalse(full["incremental"])
        self.assertEqual(self.links()[("U2", "R2")]["state"], "rejected")

    def log(self, *args):
        return self.parley_json("log", *args)

    def decide(self, link_id, decision, user="analyst7", *extra):
        env = dict(os.environ, PARLEY_USER=user)
        proc = subprocess.run([PARLEY, "review", "--workspace", self.workspace, "--decide",
                               str(link_id), decision, *extra], capture_output=True, text=True,
                              env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc

    def test_decisions_and_runs_are_signed_ledger_events(self):
        before = len(self.log())
        env = dict(os.environ, PARLEY_USER="clerk3")
        proc = subprocess.run([PARLEY, "reconcile", "ua-request", "ru-custody", "--workspace",
                               self.workspace], capture_output=True, text=True, env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        events = self.log()
        self.assertEqual(len(events), before + 1)
        run = events[-1]
        self.assertEqual(run["type"], "reconcile.run")
        self.assertEqual(run["actor"], "clerk3")
        self.assertEqual(run["body"]["left_list"], "ua-request")
        self.assertEqual(run["body"]["right_version"], 1)
        links = self.links()
        self.assertEqual(sum(run["body"]["links_by_state"].values()), len(links))
        # An unchanged re-run changes no link and appends nothing.
        self.parley("reconcile", "ua-request", "ru-custody")
        self.assertEqual(len(self.log()), before + 1)

        target = links[("U2", "R2")]
        self.decide(target["id"], "reject")
        decided = self.log()[-1]
        self.assertEqual(decided["type"], "link.decided")
        self.assertEqual(decided["actor"], "analyst7")
        body = decided["body"]
        self.assertEqual(body["link"], target["id"])
        self.assertEqual(body["decision"], "reject")
        self.assertEqual((body["left_list"], body["right_list"]), ("ua-request", "ru-custody"))
        self.assertAlmostEqual(body["probability"], target["probability"], places=5)
        self.assertNotIn("Лисенко", json.dumps(decided, ensure_ascii=False))
        # `parley log --list` shows events about either list of the pair.
        self.assertIn("link.decided", [e["type"] for e in self.log("--list", "ru-custody")])
        self.assertIn("link.decided", self.parley("log").stdout)
        self.assertIn("all signed", self.parley("verify").stdout)
        self.parley("check")

        # With her own key, the analyst signs the decision herself.
        keys = self.path("keys")
        self.parley("keys", "init", "--name", "alice", "--out", keys, workspace=False)
        self.decide(links[("U1", "R1")]["id"], "accept", "local", "--key",
                    os.path.join(keys, "alice.key"))
        signed = self.log()[-1]
        self.assertEqual(signed["actor"], "alice")
        with open(os.path.join(keys, "alice.pub")) as f:
            self.assertEqual(signed["signer"], f.read().strip())
        self.assertEqual(self.links()[("U1", "R1")]["decided_by"], "alice")
        self.assertIn("all signed", self.parley("verify").stdout)

    def test_links_of_removed_records_are_withdrawn_unless_decided(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        links = self.links()
        self.assertIn(("U2", "R2"), links)
        self.decide(links[("U1", "R1")]["id"], "accept")
        # Version 2 of the register drops R1 (decided) and R2 (undecided).
        custody = self.write("custody2.csv", filler("RF", 1, 3))
        self.parley("import", custody, "--list", "ru-custody", "--kind", "custody", "--side", "ru")
        second = self.parley_json("reconcile", "ua-request", "ru-custody")
        self.assertTrue(second["incremental"])
        self.assertGreaterEqual(second["removed"], 1)
        links = self.links()
        self.assertNotIn(("U2", "R2"), links, "an undecided link of a removed record is withdrawn")
        kept = links[("U1", "R1")]
        self.assertEqual(kept["state"], "confirmed")
        self.assertFalse(kept["right_listed"])
        self.assertTrue(kept["left_listed"])
        listing = self.parley("review", "--list").stdout
        line = [l for l in listing.splitlines() if "ru-custody:R1" in l][0]
        self.assertIn("right record no longer listed", line)
        self.assertEqual(self.log()[-1]["type"], "reconcile.run")
        self.assertIn("all signed", self.parley("verify").stdout)

    def test_an_alias_links_a_person_listed_under_another_surname(self):
        # The request knows U9 as Марченко; the register holds him under his former surname,
        # which only the request's aliases column (Псевдоніми) gives.
        path = self.path("request-aliases.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(HEADER + ["Псевдоніми"])
            w.writerow(["U9", "Марченко-Вільний", "Остап", "Богданович", "17.06.1979", "Львів", "",
                        "Остапчук Остап; Гордієнко Остап Богданович"])
            for row in filler("UF", 0, 0):
                w.writerow(row + [""])
        custody = self.write("custody-aliases.csv", [
            ["R9", "Гордиенко", "Остап", "Богданович", "17.06.1979", "Львов", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", path, "--list", "ua-aliases", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-aliases", "--kind", "custody",
                    "--side", "ru")
        self.parley("reconcile", "ua-aliases", "ru-aliases")
        links = self.links()
        self.assertIn(("U9", "R9"), links)
        used = [f for f in links[("U9", "R9")]["explanation"] if f["field"] == "name_used"]
        self.assertEqual(used[0]["left"], "Гордієнко Остап Богданович")
        self.assertEqual(used[0]["right"], "")
        # Kept with the record and round-tripped by export.
        out = self.path("export.csv")
        self.parley("export", "ua-aliases", "--no-derived", "--out", out)
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(rows[0]["aliases"], "Остапчук Остап; Гордієнко Остап Богданович")
        # File mode says which name matched, too.
        pairs = self.path("pairs.csv")
        self.parley("link", path, custody, "--out", pairs, workspace=False)
        with open(pairs, encoding="utf-8") as f:
            found = {(r["left_id"], r["right_id"]): r for r in csv.DictReader(f)}
        self.assertEqual(found[("U9", "R9")]["left_name_used"], "Гордієнко Остап Богданович")

    def test_an_earlier_spelling_is_an_alias(self):
        first = self.write("v1.csv", [
            ["U5", "Гнатенко", "Петро", "Іванович", "02.02.1975", "", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("c1.csv", [
            ["R5", "Гнатенко", "Пётр", "Иванович", "02.02.1975", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", first, "--list", "ua-spell", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-spell", "--kind", "custody", "--side", "ru")
        self.parley("reconcile", "ua-spell", "ru-spell")
        self.assertIn(("U5", "R5"), self.links())
        # Version 2 corrects U5's surname (the family's spelling, nothing like the register's).
        second = self.write("v2.csv", [
            ["U5", "Ярошенко-Гнат", "Петро", "Іванович", "02.02.1975", "", ""],
        ] + filler("UF", 0, 0))
        self.parley("import", second, "--list", "ua-spell", "--kind", "request", "--side", "ua")
        run = self.parley_json("reconcile", "ua-spell", "ru-spell")
        self.assertTrue(run["incremental"])
        link = self.links()[("U5", "R5")]
        used = [f for f in link["explanation"] if f["field"] == "name_used"]
        self.assertEqual(used[0]["left"], "Гнатенко Петро Іванович")

    def read_until(self, fd, text, timeout=20):
        """Reads the pty until `text` appears; returns what came up to and including it (the
        rest stays buffered for the next call)."""
        buffer = getattr(self, "_pty_buffer", b"")
        deadline = time.time() + timeout
        while text.encode() not in buffer:
            left = deadline - time.time()
            self.assertGreater(left, 0, f"timed out waiting for {text!r}; got:\n{buffer.decode()}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                buffer += chunk
        end = buffer.find(text.encode())
        self.assertGreaterEqual(end, 0, f"{text!r} never came; got:\n{buffer.decode()}")
        end += len(text.encode())
        self._pty_buffer = buffer[end:]
        return buffer[:end].decode(errors="replace")

    def test_raw_key_terminal_mode_through_a_pty(self):
        # Three people on both sides, all queued for review (nothing auto-accepted).
        request = self.write("pty-request.csv", [
            ["P1", "Шевченко", "Олександр", "Миколайович", "12.03.1990", "Київ", ""],
            ["P2", "Лисенко", "Андрій", "Юрійович", "03.05.1985", "Харків", ""],
            ["P3", "Ковальчук", "Петро", "Іванович", "01.01.1970", "", ""],
        ] + filler("UF", 0, 0))
        custody = self.write("pty-custody.csv", [
            ["Q1", "Шевченко", "Александр", "Николаевич", "12.03.1990", "Киев", ""],
            ["Q2", "Лысенко", "Андрей", "", "03.05.1985", "", ""],
            ["Q3", "Ковальчук", "Пётр", "Иванович", "01.01.1970", "", ""],
        ] + filler("RF", 1, 3))
        self.parley("import", request, "--list", "ua-pty", "--kind", "request", "--side", "ua")
        self.parley("import", custody, "--list", "ru-pty", "--kind", "custody", "--side", "ru")
        self.parley("reconcile", "ua-pty", "ru-pty", "--auto-accept", "1.0")
        queue = [l for l in self.parley_json("review", "--list") if l["state"] == "needs_review"]
        self.assertGreaterEqual(len(queue), 3, queue)
        master, slave = pty.openpty()
        env = dict(os.environ, PARLEY_USER="analyst9")
        proc = subprocess.Popen([PARLEY, "review", "--workspace", self.workspace],
                                stdin=slave, stdout=slave, stderr=slave, env=env,
                                close_fds=True)
        os.close(slave)
        try:
            # One key each, no Enter: the terminal is raw, so each acts at once.
            prompt = "a accept, r reject, s skip, q quit > "
            self.read_until(master, "[1/")
            self.read_until(master, prompt)
            os.write(master, b"a")
            self.read_until(master, "[2/")
            self.read_until(master, prompt)
            os.write(master, b"r")
            self.read_until(master, "[3/")
            self.read_until(master, prompt)
            os.write(master, b"s")
            if len(queue) > 3:
                self.read_until(master, "[4/")
                self.read_until(master, prompt)
                os.write(master, b"q")
            tail = self.read_until(master, "decisions recorded as analyst9")
            self.assertIn("2 decisions recorded", tail)
            self.assertEqual(proc.wait(timeout=20), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(master)
        after = {l["id"]: l for l in self.parley_json("review", "--list")}
        self.assertEqual(after[queue[0]["id"]]["state"], "confirmed")
        self.assertEqual(after[queue[1]["id"]]["state"], "rejected")
        self.assertEqual(after[queue[2]["id"]]["state"], "needs_review")
        for link in queue[3:]:
            self.assertEqual(after[link["id"]]["state"], "needs_review")
        self.assertEqual(after[queue[0]["id"]]["decided_by"], "analyst9")
        # The decision trail: one row per decision, in order, by the user.
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            trail = con.execute("SELECT link_id, decision, actor FROM link_decisions "
                                "ORDER BY id").fetchall()
        finally:
            con.close()
        self.assertEqual(trail, [(queue[0]["id"], "accept", "analyst9"),
                                 (queue[1]["id"], "reject", "analyst9")])
        decided = [e for e in self.log() if e["type"] == "link.decided"]
        self.assertEqual([e["body"]["link"] for e in decided], [queue[0]["id"], queue[1]["id"]])

    def test_bad_decisions_are_user_errors(self):
        self.parley("reconcile", "ua-request", "ru-custody")
        self.parley("review", "--decide", "99999", "accept", expect=1)
        self.parley("review", "--decide", "1", "maybe", expect=1)
        self.parley("reconcile", "ua-request", "no-such-list", expect=1)


if __name__ == "__main__":
    unittest.main()

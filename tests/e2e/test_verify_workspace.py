"""`parley verify --workspace` proves the workspace's own state (issue 16 item 2, issue 15 item 3).

One small demo workspace, with a link decision, an interview and a handover added, is built
once; each test copies it, edits parley.db behind parley's back with the sqlite3 module (the
way an attacker or a careless operator with write access would: dropping the trigger in the
way and keeping every hash the row itself carries consistent), and shows that verify exits 1
naming the table, the row and the field or event that differs. `parley check` reports the same.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
from unittest import mock

from parley_e2e import PARLEY, ParleyTestCase

_FIXTURE = None


def _run(*args, env=None):
    proc = subprocess.run([PARLEY, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise AssertionError(f"{args}: {proc.stdout}\n{proc.stderr}")
    return proc.stdout


def _fixture():
    """The demo (200 people) plus one decision, interview and handover; its length pinned."""
    global _FIXTURE
    if _FIXTURE is None:
        tmp = tempfile.mkdtemp(prefix="parley-verify-fixture-")
        ws = os.path.join(tmp, "ws")
        _run("demo", "--people", "200", "--workspace", ws)
        links = json.loads(_run("review", "--list", "--state", "needs_review", "--limit", "1",
                                "--json", "--workspace", ws))
        _run("review", "--decide", str(links[0]["id"]), "accept", "--workspace", ws)
        env = dict(os.environ, PARLEY_USER="icrc-1")
        _run("interview", "ua-custody:1", "--outcome", "consents", "--notes", "spoke alone",
             "--workspace", ws, env=env)
        env = dict(os.environ, PARLEY_USER="cp-1")
        _run("handover", "ua-custody:1", "--event", "handed_over", "--phase", "1", "--place",
             "Sumy", "--workspace", ws, env=env)
        # The checkpoint leaves the node (printed): the log's length is pinned.
        _run("checkpoint", "--workspace", ws)
        _FIXTURE = (tmp, ws, links[0]["id"])
    return _FIXTURE


def tearDownModule():
    if _FIXTURE is not None:
        shutil.rmtree(_FIXTURE[0], ignore_errors=True)


class VerifyWorkspace(ParleyTestCase):
    def setUp(self):
        super().setUp()
        _, ws, self.link = _fixture()
        shutil.copytree(ws, self.workspace)
        self.record = self.sql("SELECT record_id FROM interviews")[0][0]
        self.size = self.sql("SELECT count(*) FROM ledger_entries")[0][0]

    def seq(self, kind, nth=0):
        """The seq of the log's nth event of KIND (the demo's events may grow in number)."""
        rows = self.sql("SELECT seq, leaf FROM ledger_entries ORDER BY seq")
        return [seq for seq, leaf in rows if b'"' + kind.encode() + b'"' in leaf][nth]

    def sql(self, *statements):
        con = sqlite3.connect(os.path.join(self.workspace, "parley.db"))
        try:
            rows = None
            for s in statements:
                rows = con.execute(s).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def tamper(self, *statements):
        """Drops every trigger (they guard against mistakes, not against the file's owner)."""
        triggers = [r[0] for r in self.sql("SELECT name FROM sqlite_master WHERE type='trigger'")]
        self.sql(*[f"DROP TRIGGER {t}" for t in triggers], *statements)

    def refused(self, *expected):
        proc = self.parley("verify", expect=1)
        for text in expected:
            self.assertIn(text, proc.stderr)
        self.assertIn("the database was changed outside parley", proc.stderr)
        check = self.parley("check", expect=1).stdout
        return proc, check

    # --- untampered ----------------------------------------------------------------------

    def test_the_untampered_workspace_verifies_and_names_what_is_not_vouched_for(self):
        out = self.parley("verify").stdout
        self.assertIn(f"ok: the log extends the last checkpoint that left this node (size {self.size}", out)
        for table in ("list_versions 5", "agreements 1", "agreement_signatures 2", "plans 1",
                      "plan_people 1", "plan_approvals 4", "link_decisions 1", "links 1",
                      "interviews 1", "handover_events 1"):
            self.assertIn(table, out)
        self.assertIn("not vouched for by the ledger (not checked):", out)
        for table in ("reconcile_runs", "users", "list_shares", "access_log", "received_records"):
            self.assertIn(table, out)
        self.assertNotIn("note: not provable", out)
        self.assertIn("is consistent", self.parley("check").stdout)

    # --- one tamper per vouched table ----------------------------------------------------

    def test_agreement_text_edited_with_its_hash(self):
        source = self.sql("SELECT source FROM agreements WHERE id = 1")[0][0]
        edited = source.replace("phases = 2", "phases = 1") if "phases = 2" in source \
            else source + "\n# edited\n"
        self.assertNotEqual(edited, source)
        digest = hashlib.sha256(edited.encode()).hexdigest()
        self.tamper(f"UPDATE agreements SET source = '{edited.replace(chr(39), chr(39) * 2)}', "
                    f"content_sha256 = '{digest}' WHERE id = 1")
        _, check = self.refused("agreements 'demo-exchange' version 1 (id 1): content_sha256 is "
                                f"'{digest}' but the agreement.added event (seq {self.seq('agreement.added')}) signed")
        self.assertIn("agreements 'demo-exchange' version 1", check)

    def test_agreement_title_edited(self):
        self.tamper("UPDATE agreements SET title = 'Something else' WHERE id = 1")
        self.refused("agreements 'demo-exchange' version 1 (id 1): title is 'Something else'")

    def test_agreement_signature_signer_changed_and_deleted(self):
        self.tamper("UPDATE agreement_signatures SET signer = 'mallory' WHERE party = 'b'")
        self.refused("agreement_signatures agreement id 1 party b: signer is 'mallory' but the "
                     f"agreement.signed event (seq {self.seq('agreement.signed', 1)}) signed 'ru-signer'")
        self.tamper("DELETE FROM agreement_signatures WHERE party = 'b'")
        self.refused("agreement_signatures of 'demo-exchange' version 1 party b: the "
                     f"agreement.signed event seq {self.seq('agreement.signed', 1)} has no row")

    def test_plan_phases_edited_with_the_documents_hash(self):
        document = json.loads(self.sql("SELECT document FROM plans WHERE id = 1")[0][0])
        person = next(p for p in document["people"] if p["phase"] == 1)
        person["phase"] = 2
        text = json.dumps(document)
        digest = hashlib.sha256(text.encode()).hexdigest()
        self.tamper(f"UPDATE plans SET document = '{text.replace(chr(39), chr(39) * 2)}', "
                    f"content_sha256 = '{digest}' WHERE id = 1")
        self.refused(f"plans plan 1: content_sha256 is '{digest}' but the plan.proposed event "
                     f"(seq {self.seq('plan.proposed')}) signed")

    def test_plan_state_edited(self):
        self.tamper("UPDATE plans SET state = 'proposed' WHERE id = 1")
        self.refused("plans plan 1: state is 'proposed' but its events (accepts, signatures, "
                     "counters and repairs in the log) make it 'signed'")

    def test_plan_people_phase_edited(self):
        self.tamper("UPDATE plan_people SET phase = 2 WHERE plan_id = 1 AND phase = 1 AND "
                    "record_id = (SELECT min(record_id) FROM plan_people WHERE phase = 1)")
        self.refused("plan_people plan 1: people (record, version, phase) is")

    def test_plan_signature_actor_changed_and_deleted(self):
        self.tamper("UPDATE plan_approvals SET actor = 'mallory' WHERE action = 'sign' AND "
                    "party = 'a'")
        self.refused("plan_approvals plan 1 sign by party a: actor is 'mallory' but the "
                     f"plan.signed event (seq {self.seq('plan.signed')}) signed 'ua-signer'")
        self.tamper("DELETE FROM plan_approvals WHERE action = 'sign' AND party = 'a'")
        self.refused("plan_approvals plan 1 party a: the plan.signed event seq "
                     f"{self.seq('plan.signed')} has no row")

    def test_link_decision_turned_into_a_rejection(self):
        self.tamper("UPDATE link_decisions SET decision = 'reject', state_after = 'rejected'",
                    "UPDATE links SET state = 'rejected' WHERE id = %d" % self.link)
        self.refused(f"link_decisions link {self.link} decision 1 (row id 1): decision is "
                     f"'reject' but the link.decided event (seq {self.seq('link.decided')}) signed 'accept'",
                     f"links {self.link}: state is 'rejected' but the link.decided event "
                     f"(seq {self.seq('link.decided')}) "
                     "signed 'confirmed'")

    def test_link_decision_by_someone_else_and_an_extra_one(self):
        self.tamper("UPDATE link_decisions SET actor = 'mallory'")
        self.refused(f"link_decisions link {self.link} decision 1 (row id 1): actor is 'mallory'")
        self.tamper("INSERT INTO link_decisions(link_id, decision, actor, decided_at, "
                    "state_before, state_after) VALUES (%d, 'reject', 'mallory', "
                    "'2026-01-01T00:00:00Z', 'confirmed', 'rejected')" % self.link)
        self.refused(f"link_decisions link {self.link} decision 2 (row id 2): no link.decided "
                     "event vouches for it")

    def test_interview_outcome_and_notes_edited(self):
        self.tamper("UPDATE interviews SET outcome = 'refuses'")
        self.refused(f"interviews record {self.record} interview version 1: outcome is 'refuses' "
                     f"but the interview.recorded event (seq {self.seq('interview.recorded')}) signed "
                     "'consents'")
        self.tamper("UPDATE interviews SET outcome = 'consents', notes = 'wants to stay'")
        proc, _ = self.refused(f"interviews record {self.record} interview version 1: notes is "
                               "not what the interview.recorded event "
                               f"(seq {self.seq('interview.recorded')}) committed to")
        self.assertNotIn("wants to stay", proc.stderr + proc.stdout)

    def test_interview_inserted_behind_parleys_back(self):
        self.tamper("INSERT INTO interviews VALUES (%d, 2, 'refuses', 'x', "
                    "'2026-01-01T00:00:00Z', '', '2026-01-01T00:00:00Z')" % self.record)
        self.refused(f"interviews record {self.record} interview version 2: no "
                     "interview.recorded event vouches for it")

    def test_handover_place_edited_and_deleted(self):
        self.tamper("UPDATE handover_events SET place = 'Kharkiv'")
        self.refused(f"handover_events record {self.record} handover event 1: place is "
                     f"'Kharkiv' but the handover.recorded event (seq {self.seq('handover.recorded')}) "
                     "signed 'Sumy'")
        self.tamper("DELETE FROM handover_events")
        self.refused(f"handover_events record {self.record} handover event 1: the "
                     f"handover.recorded event seq {self.seq('handover.recorded')} records it, but the "
                     "database no longer "
                     "holds it")

    def test_list_kind_edited(self):
        self.tamper("UPDATE lists SET kind = 'offer' WHERE name = 'ua-request'")
        self.refused("list_versions list ua-request version 1: lists.kind is 'offer' but the "
                     "list.version_submitted event (seq 0) signed 'request'")

    # --- the log's length ------------------------------------------------------------------

    def test_last_entry_deleted_with_its_checkpoint(self):
        last = self.size - 1
        self.tamper(f"DELETE FROM ledger_entries WHERE seq = {last}",
                    "DELETE FROM ledger_checkpoints")
        proc, check = self.refused(
            f"has {last} entries, but the checkpoint pinned in",
            f"handover_events record {self.record} handover event 1: no handover.recorded "
            "event vouches for it")
        self.assertIn(f"left this node with {self.size}", proc.stderr)
        self.assertIn(f"left this node with {self.size}", check)

    def test_last_entry_deleted_with_the_pin_file_too_is_still_named_by_its_row(self):
        os.remove(os.path.join(self.workspace, "ledger-checkpoints.pinned"))
        last = self.size - 1
        self.tamper(f"DELETE FROM ledger_entries WHERE seq = {last}",
                    "DELETE FROM ledger_checkpoints")
        proc, _ = self.refused(f"handover_events record {self.record} handover event 1: no "
                               "handover.recorded event vouches for it")
        self.assertIn("the log's length is not pinned", proc.stdout)

    def test_ledger_tables_emptied(self):
        accepted = self.seq("plan.accepted")
        self.tamper("DELETE FROM ledger_entries", "DELETE FROM ledger_checkpoints",
                    "DELETE FROM ledger_list_events")
        proc, _ = self.refused("has 0 entries, but the checkpoint pinned in",
                               "list_versions list ua-request version 1: has no row in "
                               "ledger_list_events",
                               "agreements 'demo-exchange' version 1 (id 1): no agreement.added "
                               "event vouches for it",
                               "plan_approvals plan 1 accept by party a: its plan.accepted event "
                               f"seq {accepted} is not in the log (the log has 0 entries)")
        self.assertIn("note: the workspace holds no ledger entries", proc.stdout)

    def test_ledger_tables_and_node_identity_emptied(self):
        # Opening the workspace gives it a new node identity and key; the pinned lines, signed
        # by the old key, and every row without its event still give it away.
        self.tamper("DELETE FROM ledger_entries", "DELETE FROM ledger_checkpoints",
                    "DELETE FROM ledger_list_events", "DELETE FROM ledger_node")
        self.refused("pinned checkpoint line 1: its signature is not this node key's",
                     "list_versions list ua-request version 1: has no row in ledger_list_events",
                     "plans plan 1: no plan.proposed/countered/repaired event vouches for it")

    def test_a_log_rolled_back_and_grown_again_fails_the_consistency_proof(self):
        # The interview and handover undone with their entries, then new events appended by
        # parley itself until the log is longer than the pinned length. A bundle export
        # refuses to send (or pin) such a log.
        interview = self.seq("interview.recorded")
        self.tamper(f"DELETE FROM ledger_entries WHERE seq >= {interview}",
                    "DELETE FROM ledger_checkpoints", "DELETE FROM interviews",
                    "DELETE FROM handover_events")
        for person in ("ua-custody:2", "ua-custody:3", "ua-custody:4"):
            self.parley("interview", person, "--outcome", "consents")
        pinned = os.path.join(self.workspace, "ledger-checkpoints.pinned")
        with open(pinned) as f:
            before = f.read()
        export = self.parley("bundle", "export", "--for", "mediator", "--out",
                             self.path("b.bundle"), expect=1)
        self.assertIn("is not an extension of the checkpoint pinned in", export.stderr)
        self.assertFalse(os.path.exists(self.path("b.bundle")))
        with open(pinned) as f:
            self.assertEqual(f.read(), before)
        proc, _ = self.refused(f"({interview + 3} entries) is not an extension of the "
                               "checkpoint pinned in", f"(size {self.size}")
        self.assertNotIn("handover_events", proc.stderr)

    def test_an_edited_pin_file_is_refused_naming_its_line(self):
        path = os.path.join(self.workspace, "ledger-checkpoints.pinned")
        with open(path) as f:
            lines = f.read().splitlines()
        size, root, signature = lines[-1].split(" ")
        lines[-1] = f"{int(size) - 1} {root} {signature}"
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        proc = self.parley("verify", expect=1)
        self.assertIn(f"pinned checkpoint line {len(lines)}: its signature is not this node key's",
                      proc.stderr)

    def test_a_successful_verify_and_an_export_pin_the_length(self):
        path = os.path.join(self.workspace, "ledger-checkpoints.pinned")
        with open(path) as f:
            before = f.read().splitlines()
        self.parley("verify")
        with open(path) as f:
            self.assertEqual(f.read().splitlines(), before)  # the same checkpoint, once
        self.parley("interview", "ua-custody:2", "--outcome", "consents")
        self.parley("bundle", "export", "--for", "mediator", "--out", self.path("b.bundle"))
        with open(path) as f:
            after = f.read().splitlines()
        self.assertEqual(len(after), len(before) + 1)
        self.assertTrue(after[-1].startswith(f"{self.size + 1} "))
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)


if __name__ == "__main__":
    unittest.main()

"""A plan workbook edited in Excel comes back as a counter-proposal (issue 14 item 2):
`parley report plan ID --format xlsx --side S` writes it, the edits a person makes (move a
row to another phase, delete one, add one by id, type over a cell, rename a sheet) are made
here with Python's standard library only (xlsx_edit.py), and `parley plan counter ID
--workbook FILE --side S` reads it back: every problem named by sheet, row and column and
nothing stored, or the counter-proposal stored through the normal negotiation path."""
import json
import os
import re
import subprocess
import unittest
import zipfile

from parley_e2e import DemoWorkspaceTestCase
from xlsx_edit import Workbook

PHASE1, PHASE2 = "Етап 1", "Етап 2"


class PlanWorkbook(DemoWorkspaceTestCase):

    def setUp(self):
        super().setUp()
        # Each test works on a copy: a counter-proposal supersedes its parent.
        self.workspace = self.path("ws")
        subprocess.run(["cp", "-a", self.ws, self.workspace], check=True)
        # The demo's plan 1 is signed by both parties; a repair (one soldier of side a refused)
        # makes a proposed plan that can be countered.
        first = self.workbook(1, "a")
        soldier = next(cells for cells in first.rows(PHASE1).values()
                       if cells.get("F") == self.soldiers_rule(first))
        self.dropped = soldier["G"]
        repaired = self.parley_json("plan", "repair", "1", "--drop", "a:" + self.dropped,
                                    "--reason", "refused")
        self.plan = str(repaired["id"])

    def soldiers_rule(self, book):
        rules = {cells.get("F") for sheet in (PHASE1, PHASE2) for cells in
                 list(book.rows(sheet).values())[1:]}
        soldiers = [r for r in rules if r and "oldier" in r]
        self.assertEqual(len(soldiers), 1, rules)
        return soldiers[0]

    def workbook(self, plan, side, name=None):
        out = self.path(name or f"plan-{plan}-{side}.xlsx")
        self.parley("report", "plan", str(plan), "--format", "xlsx", "--side", side,
                    "--out", out)
        return Workbook(out)

    def counter(self, book, side="a", expect=0):
        edited = self.path("edited.xlsx")
        book.save(edited)
        return self.parley("plan", "counter", self.plan, "--workbook", edited, "--side", side,
                           "--json", expect=expect)

    def rows_of(self, book, sheet, rule):
        return [n for n, cells in book.rows(sheet).items() if n > 1 and cells.get("F") == rule]

    def test_workbook_has_an_id_column_and_no_dropped_person(self):
        book = self.workbook(self.plan, "a")
        self.assertEqual(book.sheet_names(), [PHASE1, PHASE2, "Хід передачі"])
        self.assertEqual(book.rows(PHASE1)[1]["G"], "Ідентифікатор / Идентификатор")
        ids = [cells["G"] for sheet in (PHASE1, PHASE2)
               for n, cells in book.rows(sheet).items() if n > 1]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertNotIn(self.dropped, ids)

    def test_every_problem_named_by_sheet_row_and_column_and_nothing_stored(self):
        book = self.workbook(self.plan, "a")
        other = self.workbook(self.plan, "b")
        one = book.rows(PHASE1)
        book.set_cell(PHASE1, "A3", "three")                         # not a number
        book.set_cell(PHASE1, "G4", "no-such-person")                # unknown id
        book.set_cell(PHASE1, "B5", "Somebody Else")                 # a name typed over
        dup = book.append_row(PHASE1, {"G": one[2]["G"]})            # the same person twice
        two = book.append_row(PHASE2, {"G": one[6]["G"]})            # in two phases
        theirs = book.append_row(PHASE2, {"G": other.rows(PHASE1)[2]["G"]})  # the other side's
        blank = book.append_row(PHASE2, {"B": "Nobody", "D": "1990-01-01"})  # no id
        dump = self.store_dump()
        err = self.counter(book, expect=1).stderr
        self.assertIn("nothing stored", err)
        self.assertIn(f'sheet "{PHASE1}", row 3, column A: \'three\' is not a number', err)
        self.assertIn(f'sheet "{PHASE1}", row 4, column G: no-such-person is not a candidate '
                      f"of plan {self.plan}", err)
        self.assertIn(f'sheet "{PHASE1}", row 5, column B: \'Somebody Else\' is not the name',
                      err)
        self.assertIn(f'sheet "{PHASE1}", row {dup}, column G: person {one[2]["G"]} is already '
                      "in row 2 of this sheet", err)
        self.assertIn(f'sheet "{PHASE2}", row {two}, column G: person {one[6]["G"]} is also in '
                      f'sheet "{PHASE1}", row 6, column G (phase 1)', err)
        self.assertIn(f'sheet "{PHASE2}", row {theirs}, column G: ', err)
        self.assertIn("the other party hands over", err)
        self.assertIn(f'sheet "{PHASE2}", row {blank}, column G: no person id', err)
        self.assertEqual(self.store_dump(), dump)

    def test_a_renamed_sheet_is_named(self):
        book = self.workbook(self.plan, "a")
        book.rename_sheet(PHASE2, "Фаза 2")
        err = self.counter(book, expect=1).stderr
        self.assertIn('sheet "Фаза 2": not a sheet of this plan\'s workbook (renamed?)', err)
        self.assertIn("no sheet for phase 2", err)

    def test_a_broken_rule_is_named_at_the_moved_row(self):
        book = self.workbook(self.plan, "a")
        rules = {cells.get("F") for n, cells in book.rows(PHASE1).items() if n > 1}
        soldiers = self.soldiers_rule(book)
        phase1_only = sorted(r for r in rules if r and r != soldiers)
        self.assertTrue(phase1_only, rules)
        row = self.rows_of(book, PHASE1, phase1_only[0])[0]
        person = book.rows(PHASE1)[row]["G"]
        moved = book.move_row(PHASE1, row, PHASE2)
        dump = self.store_dump()
        err = self.counter(book, expect=1).stderr
        self.assertIn("breaks rules of the agreement", err)
        self.assertIn(f'sheet "{PHASE2}", row {moved}, column F: [category_phase]', err)
        self.assertIn(person, err)
        self.assertEqual(self.store_dump(), dump)

    def test_a_deleted_row_that_breaks_a_rule_says_where_it_was(self):
        book = self.workbook(self.plan, "a")
        soldiers = self.soldiers_rule(book)
        row = next(n for n, cells in book.rows(PHASE1).items()
                   if n > 1 and cells.get("F") not in (None, soldiers))
        book.delete_row(PHASE1, row)
        err = self.counter(book, expect=1).stderr
        self.assertRegex(err, r"\[all_for_all\].*as written it was sheet \"Етап 1\", row "
                         + str(row) + ", column G")

    def test_a_broken_balance_is_named_at_its_phase_sheet(self):
        book = self.workbook(self.plan, "a")
        row = self.rows_of(book, PHASE1, self.soldiers_rule(book))[0]
        book.move_row(PHASE1, row, PHASE2)
        err = self.counter(book, expect=1).stderr
        self.assertIn(f'sheet "{PHASE1}": [balance]', err)

    def test_a_clean_edit_is_stored_as_a_counter_proposal(self):
        # Side b sends another of its soldiers in phase 1: one row deleted, one added by id
        # (a candidate the plan left out), so the balance per phase holds.
        self.parley("plan", "show", self.plan, "--out", self.path("plan.json"))
        with open(self.path("plan.json")) as f:
            people = json.load(f)["people"]
        newcomer = next(p["id"] for p in people if p["side"] == "b" and p["phase"] == 0
                        and p["category"] == "soldiers" and not p.get("dropped"))
        book = self.workbook(self.plan, "b", "before.xlsx")
        soldiers = self.soldiers_rule(book)
        leaving_row = self.rows_of(book, PHASE1, soldiers)[0]
        leaving = book.rows(PHASE1)[leaving_row]["G"]
        book.delete_row(PHASE1, leaving_row)
        book.append_row(PHASE1, {"G": newcomer})
        dump = self.store_dump()
        stored = json.loads(self.counter(book, side="b").stdout)
        self.assertNotEqual(self.store_dump(), dump)
        self.assertEqual((stored["kind"], stored["parent"]), ("counter", int(self.plan)))
        self.assertFalse(stored["unchanged"])
        self.assertEqual(self.parley_json("plan", "show", self.plan)["state"], "superseded")
        after = self.workbook(stored["id"], "b", "after.xlsx")
        ids = {cells["G"] for n, cells in after.rows(PHASE1).items() if n > 1}
        self.assertIn(newcomer, ids)
        self.assertNotIn(leaving, ids)
        # Side a's people are as the parent had them.
        self.assertEqual(self.workbook(stored["id"], "a", "a-after.xlsx").rows(PHASE1),
                         self.workbook(self.plan, "a", "a-before.xlsx").rows(PHASE1))
        # Signed and logged as any counter-proposal.
        self.assertIn("plan.countered", self.parley("log").stdout)

    def test_a_workbook_in_other_languages_reads_back(self):
        out = self.path("ru.xlsx")
        self.parley("report", "plan", self.plan, "--format", "xlsx", "--side", "a",
                    "--lang", "ru,en", "--out", out)
        book = Workbook(out)
        self.assertEqual(book.sheet_names()[:2], ["Этап 1", "Этап 2"])
        book.set_cell("Этап 1", "G2", "nobody")
        err = self.counter(book, expect=1).stderr
        self.assertIn('sheet "Этап 1", row 2, column G: nobody is not a candidate', err)

    def test_not_a_workbook_and_no_side_are_refused(self):
        junk = self.path("junk.xlsx")
        with open(junk, "w") as f:
            f.write("not a zip")
        err = self.parley("plan", "counter", self.plan, "--workbook", junk, "--side", "a",
                          expect=1).stderr
        self.assertIn("not an XLSX workbook", err)
        self.assertIn("give --side", self.parley("plan", "counter", self.plan, "--workbook",
                                                 junk, expect=1).stderr)

    def test_a_decompression_bomb_is_refused_and_nothing_stored(self):
        # The plan's own workbook with 40 MiB of spaces inside a phase sheet's XML: a few tens
        # of KB packed, refused by the reader's ratio limit long before it is all inflated.
        out = self.path("plan.xlsx")
        self.parley("report", "plan", self.plan, "--format", "xlsx", "--side", "a",
                    "--out", out)
        bomb = self.path("bomb.xlsx")
        with zipfile.ZipFile(out) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            for name in src.namelist():
                data = src.read(name)
                if name == "xl/worksheets/sheet2.xml":
                    data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (40 << 20), 1)
                z.writestr(name, data)
        self.assertLess(os.path.getsize(bomb), 1 << 20)
        dump = self.store_dump()
        err = self.parley("plan", "counter", self.plan, "--workbook", bomb, "--side", "a",
                          expect=1).stderr
        self.assertIn("decompression bomb", err)
        self.assertEqual(self.store_dump(), dump)


if __name__ == "__main__":
    unittest.main()

"""Workbooks for people (issue 14 item 2): a list exported with --lang (human heads in the
chosen languages, real dates, no derived_* columns, widths, frozen head, autofilter) that
still imports back as the same records, the machine form unchanged without --lang, and the
reconciliation's links and review queue as a sheet (`parley report links`)."""
import csv
import io
import os
import re
import unittest
import zipfile

from parley_e2e import DemoWorkspaceTestCase, ParleyTestCase
from xlsx_edit import Workbook

BOM = b"\xef\xbb\xbf"
HEADER = ["id", "surname", "given_name", "patronymic", "birth_date", "category", "Телефон"]
ROWS = [
    ["UA-007", "Шевченко", "Дмитро", "Іванович", "1991-07-04", "combatant", "=1+1"],
    ["UA-008", "Лисенко", "Олег", "", "1988", "civilian", "+380501234567"],
]


class ListForPeople(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        src = self.path("ua.csv")
        with open(src, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([HEADER, *ROWS])
        self.parley("import", src, "--list", "ua", "--kind", "request", "--side", "ua")

    def test_xlsx_for_people_has_human_heads_real_dates_and_no_internal_columns(self):
        out = self.path("ua-people.xlsx")
        self.parley("export", "ua", "--format", "xlsx", "--lang", "uk,ru", "--out", out)
        book = Workbook(out)
        self.assertEqual(book.sheet_names(), ["ua"])
        head = book.rows("ua")[1]
        self.assertEqual(head["A"], "Ідентифікатор / Идентификатор")
        self.assertEqual(head["B"], "Прізвище / Фамилия")
        self.assertIn("Дата народження / Дата рождения", head.values())
        self.assertIn("Телефон", head.values())  # the bureau's own column, as written
        self.assertFalse(any(h.startswith("derived_") or "_" in h for h in head.values()), head)
        self.assertNotIn("Прізвище, ім'я, по батькові / Фамилия, имя, отчество", head.values())
        with zipfile.ZipFile(out) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            styles = z.read("xl/styles.xml").decode()
        self.assertIn('ySplit="1"', sheet)
        self.assertIn("<autoFilter", sheet)
        self.assertIn("<cols>", sheet)
        self.assertIn("yyyy-mm-dd", styles)
        # 1991-07-04 is a date cell (Excel serial 33423); the partial 1988 stays text.
        self.assertRegex(sheet, r'<c r="E2" s="\d+"><v>33423</v></c>')
        self.assertIn("1988", book.rows("ua")[3].values())
        # And it imports back as the same records.
        self.parley("import", out, "--list", "again", "--kind", "request", "--side", "ua")
        self.assertEqual(self.records("again"), self.records("ua"))

    def test_csv_for_people_and_the_machine_form(self):
        out = self.path("ua-people.csv")
        self.parley("export", "ua", "--lang", "ru,en", "--out", out)
        with open(out, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(BOM + "Идентификатор / ID,Фамилия / Surname".encode()),
                        data[:80])
        rows = list(csv.reader(io.StringIO(data[len(BOM):].decode())))
        self.assertIn("'=1+1", rows[1])  # formulas neutralised as for any CSV for people
        self.assertIn("1991-07-04", rows[1])
        # Written --raw (cells as stored), it imports back as the same records.
        exact = self.path("ua-exact.csv")
        self.parley("export", "ua", "--lang", "ru,en", "--raw", "--out", exact)
        self.parley("import", exact, "--list", "again", "--kind", "request", "--side", "ua")
        self.assertEqual(self.records("again"), self.records("ua"))
        # Without --lang: the machine form, as scripts and earlier tests expect.
        raw = self.path("ua.csv")
        self.parley("export", "ua", "--out", raw)
        with open(raw, "rb") as f:
            self.assertTrue(f.read().startswith(BOM + b"id,surname,given_name,"))
        bad = self.parley("export", "ua", "--format", "json", "--lang", "uk,ru", "--out",
                          self.path("x.json"), expect=1)
        self.assertIn("--lang", bad.stderr)
        self.assertFalse(os.path.exists(self.path("x.json")))
        self.assertIn("unknown language", self.parley("export", "ua", "--lang", "uk,xx", "--out",
                                                      self.path("y.csv"), expect=1).stderr)

    def records(self, name):
        return [{k: v for k, v in r.items() if k not in ("record_id", "list", "version",
                                                          "source_row", "record_version",
                                                          "created_in_list_version")}
                for r in self.parley_json("show", name)["records"]]


class LinksWorkbook(DemoWorkspaceTestCase):

    def test_links_and_review_queue_with_names_probability_and_reasons(self):
        out = self.path("links.xlsx")
        self.parley("report", "links", "--out", out)
        book = Workbook(out)
        self.assertEqual(book.sheet_names(), ["Черга перевірки", "Зв'язки"])
        links = self.parley_json("review", "--list")
        listed = links["links"] if isinstance(links, dict) else links
        everything = book.rows("Зв'язки")
        self.assertEqual(len(everything) - 1, len(listed))
        queue = book.rows("Черга перевірки")
        waiting = [l for l in listed if l["state"] == "needs_review"]
        self.assertEqual(len(queue) - 1, len(waiting))
        head = everything[1]
        self.assertEqual(head["B"], "Стан / Статус")
        self.assertEqual(head["C"], "Ймовірність / Вероятность")
        row = everything[2]
        self.assertTrue(row["F"] and row["J"], row)             # both names
        self.assertRegex(row["L"], r"^\w+: \w+ [+-]\d+\.\d\d")  # per-field reasons
        self.assertGreater(float(row["C"]), 0)                  # a number cell
        # A pair matched under an alias says so, in the workbook's languages, with the alias.
        aliased = [l for l in listed for f in l["explanation"]
                   if f.get("field") == "name_used" and f.get("level") == "alias"]
        self.assertTrue(aliased, "the demo has links matched under an earlier name")
        used = next(f for f in aliased[0]["explanation"] if f.get("field") == "name_used")
        cells = next(r for r in everything.values() if r.get("A") == str(aliased[0]["id"]))
        self.assertIn("Збіг за іншим іменем / Совпадение по другому имени: "
                      f"{used['left']} ~ {used['right']}", cells["L"])
        with zipfile.ZipFile(out) as z:
            sheet = z.read("xl/worksheets/sheet2.xml").decode()
        self.assertIn('ySplit="1"', sheet)
        self.assertIn("<autoFilter", sheet)
        again = self.path("links2.xlsx")
        self.parley("report", "links", "--out", again)
        with open(out, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())


if __name__ == "__main__":
    unittest.main()

"""Import and export through the real binary: encodings, formats, bad rows, versions."""
import datetime
import json
import os
import unittest
import zipfile

from parley_e2e import ParleyTestCase
from xlsx_fixture import write_xlsx

HEADER = ["№", "ПІБ", "Дата народження", "Місце народження", "Звання", "Військова частина",
          "Стан здоров'я"]
ROWS = [
    ["UA-001", "Шевченко Дмитро Олександрович", "04.07.1991", "Київ", "солдат", "А0001", ""],
    ["UA-002", "Лисенко Олег Миколайович", "1988", "Полтава", "сержант", "А0002", "поранений"],
    ["UA-003", "Дем'яненко Юрій Васильович", "05.1979", "Суми", "капітан", "А0003", ""],
    ["UA-004", "Коваленко Наталія Петрівна", "29.02.2000", "Львів", "лейтенант", "А0004", ""],
    ["UA-005", "Ґудзь Євген Ігорович", "", "Чернігів", "солдат", "А0005", ""],
]
EXPECTED = [
    ("UA-001", "Шевченко", "Дмитро", "Олександрович", "1991-07-04"),
    ("UA-002", "Лисенко", "Олег", "Миколайович", "1988"),
    ("UA-003", "Дем'яненко", "Юрій", "Васильович", "1979-05"),
    ("UA-004", "Коваленко", "Наталія", "Петрівна", "2000-02-29"),
    ("UA-005", "Ґудзь", "Євген", "Ігорович", ""),
]


def csv_text(rows, header=HEADER):
    def cell(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    return "".join(",".join(cell(v) for v in row) + "\r\n" for row in [header, *rows])


def content(records):
    """The records without provenance, for comparing imports of different files."""
    keep = ("id", "surname", "given_name", "patronymic", "full_name", "birth_date",
            "birth_place", "rank", "unit", "extra")
    return [{k: r[k] for k in keep} for r in records]


class ImportEncodingsAndFormats(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def import_file(self, path, list_name, *extra):
        return self.parley_json("import", path, "--list", list_name, "--kind", "request",
                                "--side", "ua", *extra)

    def records(self, ref):
        return self.parley_json("show", ref)["records"]

    def test_windows_1251_csv_with_ukrainian_headers_and_full_name_column(self):
        path = self.write("ua.csv", csv_text(ROWS).encode("cp1251"))
        report = self.import_file(path, "ua-1251")
        self.assertEqual(report["encoding"], "windows-1251")
        self.assertEqual(report["records"], 5)
        got = [(r["id"], r["surname"], r["given_name"], r["patronymic"], r["birth_date"])
               for r in self.records("ua-1251")]
        self.assertEqual(got, EXPECTED)
        first = self.records("ua-1251")[0]
        self.assertEqual(first["birth_place"], "Київ")
        self.assertEqual(first["rank"], "солдат")
        self.assertEqual(first["unit"], "А0001")
        self.assertIn("Стан здоров'я", first["extra"])

    def test_every_encoding_and_xlsx_give_the_same_records(self):
        text = csv_text(ROWS)
        files = {
            "utf8.csv": text.encode("utf-8"),
            "utf8bom.csv": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "utf16le.csv": text.encode("utf-16"),  # with BOM, as Excel saves "Unicode text"
            "utf16be.csv": b"\xfe\xff" + text.encode("utf-16-be"),
            "cp1251.csv": text.encode("cp1251"),
        }
        imported = {}
        for name, data in files.items():
            self.import_file(self.write(name, data), name.replace(".", "-"))
            imported[name] = content(self.records(name.replace(".", "-")))
        dates = {}
        for r, row in enumerate(ROWS, start=1):
            if row[2].count(".") == 2:
                d, m, y = map(int, row[2].split("."))
                dates[(r, 2)] = datetime.date(y, m, d)
        write_xlsx(self.path("ua.xlsx"), [HEADER, *ROWS], date_cells=dates)
        report = self.import_file(self.path("ua.xlsx"), "xlsx")
        self.assertEqual(report["records"], 5)
        imported["ua.xlsx"] = content(self.records("xlsx"))
        reference = imported["utf8.csv"]
        self.assertEqual(len(reference), 5)
        for name, records in imported.items():
            self.assertEqual(records, reference, name)

    def test_reimporting_an_identical_file_is_a_no_op_and_a_change_is_a_new_version(self):
        path = self.write("ua.csv", csv_text(ROWS).encode("utf-8"))
        self.assertEqual(self.import_file(path, "ua")["version"], 1)
        dump = self.store_dump()
        again = self.import_file(path, "ua")
        self.assertTrue(again["unchanged"])
        self.assertEqual(self.store_dump(), dump)
        changed = [row[:] for row in ROWS[:4]]
        changed[2][2] = "06.05.1979"
        path2 = self.write("ua2.csv", csv_text(changed).encode("utf-8"))
        report = self.import_file(path2, "ua")
        self.assertEqual((report["version"], report["changed"], report["kept"], report["removed"]),
                         (2, 1, 3, 1))
        self.assertEqual(len(self.records("ua@1")), 5)
        self.assertEqual(len(self.records("ua@2")), 4)
        history = self.parley_json("person", "ua:UA-003")
        self.assertEqual([h["birth_date"] for h in history], ["1979-05", "1979-05-06"])

    def test_given_patronymic_surname_order_is_detected(self):
        rows = [[r[0], " ".join(r[1].split()[1:] + r[1].split()[:1])] + r[2:] for r in ROWS]
        path = self.write("ua.csv", csv_text(rows).encode("utf-8"))
        self.import_file(path, "ua")
        got = [(r["surname"], r["given_name"], r["patronymic"]) for r in self.records("ua")]
        self.assertEqual(got, [e[1:4] for e in EXPECTED])

    def test_declared_name_order_reads_rows_that_say_nothing_themselves(self):
        # Two given names and no patronymic: the words cannot tell which is the surname.
        header = ["id", "ПІБ", "Дата народження"]
        rows = [["1", "Роман Максим", "04.07.1991"], ["2", "Назар Богдан", "1988"]]
        path = self.write("ua.csv", csv_text(rows, header).encode("utf-8"))
        self.import_file(path, "surname-first")
        self.assertEqual([r["surname"] for r in self.records("surname-first")], ["Роман", "Назар"])
        report = self.import_file(path, "given-first", "--name-order", "given-first")
        self.assertEqual(report["name_order"], "given-first")
        self.assertEqual([(r["surname"], r["given_name"]) for r in self.records("given-first")],
                         [("Максим", "Роман"), ("Богдан", "Назар")])
        bad = self.parley("import", path, "--list", "x", "--kind", "request", "--side", "ua",
                          "--name-order", "family-first", expect=None)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("--name-order", bad.stderr)

    def test_map_overrides_a_header(self):
        header = ["id", "Особа", "Дата народження"]
        rows = [["1", "Шевченко Дмитро Олександрович", "04.07.1991"]]
        path = self.write("ua.csv", csv_text(rows, header).encode("utf-8"))
        self.import_file(path, "ua", "--map", "Особа=full_name")
        self.assertEqual(self.records("ua")[0]["surname"], "Шевченко")

    def test_export_round_trips_through_csv_xlsx_and_json(self):
        path = self.write("ua.csv", csv_text(ROWS).encode("cp1251"))
        self.import_file(path, "ua")
        original = content(self.records("ua"))
        for fmt in ("csv", "xlsx"):
            out = self.path(f"out.{fmt}")
            self.parley("export", "ua", "--format", fmt, "--out", out)
            self.import_file(out, f"back-{fmt}")
            self.assertEqual(content(self.records(f"back-{fmt}")), original, fmt)
        self.parley("export", "ua@1", "--format", "json", "--out", self.path("out.json"))
        with open(self.path("out.json"), encoding="utf-8") as f:
            exported = json.load(f)
        self.assertEqual([r["birth_date"] for r in exported], [e[4] for e in EXPECTED])
        self.assertEqual(exported[2]["surname"], "Дем'яненко")
        # The derived name forms are exported, and the same for every script.
        self.assertEqual(exported[1]["derived"]["derived_given_name_group"], "Олег/Олег")
        with open(self.path("out.csv"), encoding="utf-8") as f:
            header = f.readline()
        self.assertIn("derived_surname_key", header)
        self.parley("export", "ua", "--no-derived", "--out", self.path("plain.csv"))
        with open(self.path("plain.csv"), encoding="utf-8") as f:
            self.assertNotIn("derived_", f.readline())


class BadRowsChangeNothing(ParleyTestCase):
    """Every way a row can be bad refuses the whole file and leaves the store as it was."""

    def setUp(self):
        super().setUp()
        self.parley("init")
        good = self.path("good.csv")
        with open(good, "w", encoding="utf-8", newline="") as f:
            f.write(csv_text(ROWS))
        self.parley("import", good, "--list", "ua", "--kind", "request", "--side", "ua")
        self.before = self.store_dump()

    def refuse(self, data, *expected_fragments):
        bad = self.path("bad.csv")
        with open(bad, "wb") as f:
            f.write(data)
        proc = self.parley("import", bad, "--list", "ua", "--kind", "request", "--side", "ua",
                           expect=1)
        for fragment in expected_fragments:
            self.assertIn(fragment, proc.stderr)
        self.assertEqual(self.store_dump(), self.before, "the store changed")
        return proc

    def test_impossible_date(self):
        rows = [r[:] for r in ROWS]
        rows[1][2] = "31.02.1990"
        self.refuse(csv_text(rows).encode("utf-8"), "row 3", "31.02.1990", "impossible")

    def test_year_1812_and_future_date(self):
        rows = [r[:] for r in ROWS]
        rows[0][2] = "1812"
        rows[3][2] = "01.01.2999"
        proc = self.refuse(csv_text(rows).encode("utf-8"), "row 2", "1812", "row 5", "future")
        self.assertIn("2 invalid row(s)", proc.stderr)

    def test_duplicate_id(self):
        rows = [r[:] for r in ROWS]
        rows[3][0] = "UA-002"
        self.refuse(csv_text(rows).encode("utf-8"), "row 5", "UA-002")

    def test_broken_utf8(self):
        data = csv_text(ROWS).encode("utf-8").replace("Полтава".encode(), b"\xd0\x9f\xff\xd0")
        self.refuse(data, "row 3", "UTF-8")

    def test_unbalanced_quote(self):
        text = csv_text(ROWS).replace("UA-003,", '"UA-003,', 1)
        self.refuse(text.encode("utf-8"), "row 4", "quote")

    def test_control_characters_are_refused_and_never_printed(self):
        rows = [r[:] for r in ROWS]
        rows[2][1] = "Дем'яненко\x1b]0;pwned\x07 Юрій Васильович"
        rows[4][6] = "a\x00b"
        proc = self.refuse(csv_text(rows).encode("utf-8"), "row 4, column 2",
                           "control character U+001B (ESC)", "row 6, column 7",
                           "U+0000 (NUL)")
        self.assertNotIn("\x1b", proc.stderr + proc.stdout)
        self.assertNotIn("\x00", proc.stderr + proc.stdout)

    def test_utf16_error_names_the_row_of_the_bad_unit(self):
        data = csv_text(ROWS).encode("utf-16-le")
        last = data.rindex("Чернігів".encode("utf-16-le"))
        data = b"\xff\xfe" + data[:last] + b"\x00\xd8" + data[last:]  # a lone surrogate
        self.refuse(data, "row 6", "not valid UTF-16LE")

    def test_skip_invalid_imports_the_rest_and_keeps_the_rejects(self):
        rows = [r[:] for r in ROWS]
        rows[1][2] = "31.02.1990"
        bad = self.path("bad.csv")
        with open(bad, "w", encoding="utf-8", newline="") as f:
            f.write(csv_text(rows))
        report = self.parley_json("import", bad, "--list", "ua2", "--kind", "request",
                                  "--side", "ua", "--skip-invalid")
        self.assertEqual((report["records"], report["rejected"]), (4, 1))
        self.assertTrue(os.path.exists(report["rejects_file"]))
        with open(report["rejects_file"], encoding="utf-8") as f:
            rejects = f.read()
        self.assertIn("31.02.1990", rejects)
        self.assertIn("Лисенко", rejects)


class HostileWorkbooksChangeNothing(ParleyTestCase):
    """XLSX decompression bombs and damaged packages (issue 16 item 4): refused with the part,
    row or cell named, exit status 1, and the store as it was."""

    SHEET = "xl/worksheets/sheet1.xml"

    def setUp(self):
        super().setUp()
        self.parley("init")
        self.good = self.path("good.xlsx")
        write_xlsx(self.good, [HEADER, *ROWS])
        self.parley("import", self.good, "--list", "ua", "--kind", "request", "--side", "ua")
        self.before = self.store_dump()

    def with_sheet(self, name, write_sheet):
        """The good workbook with its sheet part written by write_sheet(file-like)."""
        path = self.path(name)
        with zipfile.ZipFile(self.good) as src, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                if item.filename != self.SHEET:
                    dst.writestr(item, src.read(item.filename))
            with dst.open(self.SHEET, "w", force_zip64=False) as sheet:
                write_sheet(sheet, src.read(self.SHEET))
        return path

    def refuse(self, path, *expected_fragments):
        proc = self.parley("import", path, "--list", "ua", "--kind", "request", "--side", "ua",
                           expect=1)
        for fragment in expected_fragments:
            self.assertIn(fragment, proc.stderr)
        self.assertEqual(self.store_dump(), self.before, "the store changed")
        return proc

    def test_sheet_of_300_mib_of_spaces_is_refused_by_its_ratio(self):
        def bomb(sheet, original):
            head, tail = original.split(b"<sheetData>", 1)
            sheet.write(head + b"<sheetData>")
            spaces = b" " * (1 << 20)
            for _ in range(300):
                sheet.write(spaces)
            sheet.write(tail)
        path = self.with_sheet("bomb.xlsx", bomb)
        self.assertLess(os.path.getsize(path), 2 << 20)
        self.refuse(path, "bomb.xlsx", self.SHEET,
                    "unpacks to more than 200 times its packed size")

    def test_shared_string_index_out_of_range_is_refused_naming_the_cell(self):
        def damage(sheet, original):
            # Row 3 (UA-002) column B: its name's shared-string index, pushed past the end.
            start = original.index(b'<c r="B3" t="s"><v>') + len(b'<c r="B3" t="s"><v>')
            end = original.index(b"</v>", start)
            sheet.write(original[:start] + b"99999" + original[end:])
        proc = self.refuse(self.with_sheet("damaged.xlsx", damage), "row 3, column 2",
                           "cell B3 refers to shared string '99999'")
        self.assertNotIn("Лисенко", proc.stdout)

    def test_column_past_xfd_is_refused_naming_the_row(self):
        def wide(sheet, original):
            sheet.write(original.replace(b'<c r="A4"', b'<c r="XFE4"', 1))
        self.refuse(self.with_sheet("wide.xlsx", wide), "row 4", "cell XFE4",
                    "beyond column XFD")


if __name__ == "__main__":
    unittest.main()

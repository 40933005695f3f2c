"""CSV written for people and for scripts: the BOM, formulas neutralised, the rejects file in
the input's own encoding and delimiter (issues 14 and 16)."""
import csv
import io
import json

from parley_e2e import ParleyTestCase

BOM = b"\xef\xbb\xbf"
HYPERLINK = '=HYPERLINK("http://x","y")'
DDE = "+cmd|' /C calc'!A0"
HEADER = ["id", "surname", "given_name", "birth_date", "Телефон"]
ROWS = [
    ["UA-001", HYPERLINK, "Дмитро", "1991-07-04", "-5"],
    ["UA-002", "Лисенко", DDE, "1988", "+380501234567"],
    ["UA-003", "Дем'яненко", "Юрій", "1979-05", "@SUM(1+1)"],
]


def csv_text(rows, header=HEADER, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue()


class CsvExport(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        self.source = self.write("hostile.csv", csv_text(ROWS).encode("utf-8"))
        self.parley("import", self.source, "--list", "ua", "--kind", "request", "--side", "ua")

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def export(self, name, *flags):
        out = self.path(name)
        self.parley("export", "ua", "--no-derived", "--out", out, *flags)
        with open(out, "rb") as f:
            return f.read()

    def test_csv_for_people_neutralises_formulas_and_the_store_keeps_them(self):
        data = self.export("people.csv")
        self.assertTrue(data.startswith(BOM + b"id,surname,"), data[:40])
        rows = list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))
        self.assertEqual(rows[0]["surname"], "'" + HYPERLINK)
        self.assertEqual(rows[1]["given_name"], "'" + DDE)
        self.assertEqual(rows[2]["Телефон"], "'@SUM(1+1)")
        # Plain numbers are not formulas: left as they are.
        self.assertEqual(rows[0]["Телефон"], "-5")
        self.assertEqual(rows[1]["Телефон"], "+380501234567")
        # The neutralised cells are quoted fields, as OWASP advises.
        self.assertIn(b'"\'=HYPERLINK(""http://x"",""y"")"', data)
        self.assertIn(b"\"'+cmd|' /C calc'!A0\"", data)
        # The store keeps what the file said.
        records = self.parley_json("show", "ua")["records"]
        self.assertEqual(records[0]["surname"], HYPERLINK)
        self.assertEqual(records[1]["given_name"], DDE)
        self.parley("export", "ua", "--format", "json", "--out", self.path("ua.json"))
        with open(self.path("ua.json"), encoding="utf-8") as f:
            exported = json.load(f)
        self.assertEqual(exported[0]["surname"], HYPERLINK)
        self.assertEqual(exported[2]["extra"]["Телефон"], "@SUM(1+1)")

    def test_csv_for_scripts_is_the_stored_values_and_imports_as_the_same_records(self):
        data = self.export("scripts.csv", "--no-bom", "--raw")
        self.assertTrue(data.startswith(b"id,surname,"), data[:40])
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        self.assertEqual(rows[0]["surname"], HYPERLINK)
        self.assertEqual(rows[1]["given_name"], DDE)
        self.parley("import", self.path("scripts.csv"), "--list", "back", "--kind", "request",
                    "--side", "ua")
        self.assertEqual(self.content("back"), self.content("ua"))

    def test_parley_reads_its_own_bom(self):
        data = self.export("bom.csv", "--raw")
        self.assertTrue(data.startswith(BOM))
        report = self.parley_json("import", self.path("bom.csv"), "--list", "bom",
                                  "--kind", "request", "--side", "ua")
        self.assertEqual(report["encoding"], "utf-8-bom")
        self.assertEqual(self.content("bom"), self.content("ua"))

    def test_xlsx_export_keeps_formula_like_cells_as_text(self):
        out = self.path("ua.xlsx")
        self.parley("export", "ua", "--format", "xlsx", "--out", out)
        self.parley("import", out, "--list", "xlsx", "--kind", "request", "--side", "ua")
        self.assertEqual(self.content("xlsx"), self.content("ua"))

    def content(self, ref):
        keep = ("id", "surname", "given_name", "birth_date", "extra")
        return [{k: r[k] for k in keep} for r in self.parley_json("show", ref)["records"]]


class RejectsFileLooksLikeItsInput(ParleyTestCase):
    """--skip-invalid writes the bad rows back in the input's encoding and delimiter."""

    def setUp(self):
        super().setUp()
        self.parley("init")

    def skip_invalid(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data)
        report = self.parley_json("import", path, "--list", name.split(".")[0], "--kind",
                                  "request", "--side", "ua", "--skip-invalid")
        self.assertEqual((report["records"], report["rejected"]), (2, 1))
        with open(report["rejects_file"], "rb") as f:
            return report, f.read()

    def rows(self):
        return [["UA-001", "Шевченко", "Дмитро", "04.07.1991", ""],
                ["UA-002", "Лисенко", "Олег", "31.02.1990", ""],
                ["UA-003", "Ґудзь", "Євген", "", ""]]

    def test_windows_1251_with_semicolons_comes_back_so(self):
        text = csv_text(self.rows(), ["№", "Прізвище", "Ім'я", "Дата народження", "Примітки"],
                        ";")
        report, rejects = self.skip_invalid("cp.csv", text.encode("cp1251"))
        self.assertEqual(report["encoding"], "windows-1251")
        decoded = rejects.decode("cp1251")  # raises if it were UTF-8 Cyrillic
        lines = decoded.split("\r\n")
        self.assertEqual(lines[0], "№;Прізвище;Ім'я;Дата народження;Примітки;reject_reason")
        self.assertTrue(lines[1].startswith("UA-002;Лисенко;Олег;31.02.1990;;"), lines[1])
        # The fixed rejects file imports like the input did.
        fixed = rejects.replace("31.02.1990".encode("cp1251"), b"28.02.1990")
        with open(self.path("fixed.csv"), "wb") as f:
            f.write(fixed)
        again = self.parley_json("import", self.path("fixed.csv"), "--list", "fixed",
                                 "--kind", "request", "--side", "ua")
        self.assertEqual((again["encoding"], again["records"]), ("windows-1251", 1))

    def test_utf8_with_commas_stays_utf8_without_a_bom(self):
        text = csv_text(self.rows(), ["id", "surname", "given_name", "birth_date", "notes"])
        _, rejects = self.skip_invalid("plain.csv", text.encode("utf-8"))
        self.assertFalse(rejects.startswith(BOM))
        self.assertTrue(rejects.decode("utf-8").startswith(
            "id,surname,given_name,birth_date,notes,reject_reason\r\nUA-002,Лисенко,"))

    def test_utf16_keeps_its_bom_and_tabs(self):
        text = csv_text(self.rows(), ["id", "surname", "given_name", "birth_date", "notes"],
                        "\t")
        _, rejects = self.skip_invalid("wide.csv", text.encode("utf-16"))
        self.assertTrue(rejects.startswith(b"\xff\xfe"))
        self.assertTrue(rejects.decode("utf-16").startswith(
            "id\tsurname\tgiven_name\tbirth_date\tnotes\treject_reason\r\nUA-002\tЛисенко\t"))

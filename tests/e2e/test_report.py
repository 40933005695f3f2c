"""`parley report`: the papers of an exchange as PDF, from a demo workspace, checked with
Debian's poppler tools (text layer, fonts) and zbarimg (the QR code on every page), and
`parley verify --paper` on the printed checkpoint."""
import hashlib
import os
import re
import subprocess
import unittest
import zipfile

from parley_e2e import PARLEY, DemoWorkspaceTestCase


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def pdf_text(path):
    return run("pdftotext", "-layout", path, "-")


def pdf_pages(path):
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", path)).group(1))


def qr_texts(path, tmp):
    """The QR code of every page, decoded from a 150 dpi rendering."""
    prefix = os.path.join(tmp, "qr-" + os.path.basename(path))
    run("pdftoppm", "-r", "150", "-png", path, prefix)
    texts = []
    for page in sorted(f for f in os.listdir(tmp) if f.startswith(os.path.basename(prefix))):
        texts.append(run("zbarimg", "-q", "--raw", os.path.join(tmp, page)).strip())
    return texts


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class Report(DemoWorkspaceTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The handover day of phase 1: one person received, one refused (with a note that
        # must never reach paper), by the plan's outstanding people.
        env = dict(os.environ, PARLEY_USER="mediator-checkpoint")
        progress = subprocess.run([PARLEY, "plan", "progress", "1", "--json", "--workspace",
                                   cls.ws], capture_output=True, text=True, check=True).stdout
        import json
        outstanding = [o for o in json.loads(progress)["outstanding"] if o["phase"] == 1]
        cls.received, cls.refused = outstanding[0]["record_id"], outstanding[1]["record_id"]
        for args in (
                ["interview", str(cls.received), "--outcome", "consents",
                 "--at", "2026-05-23T08:00:00Z"],
                ["handover", str(cls.received), "--event", "handed_over", "--phase", "1",
                 "--place", "Checkpoint Sumy", "--at", "2026-05-23T10:00:00Z"],
                ["handover", str(cls.received), "--event", "received", "--phase", "1",
                 "--place", "Checkpoint Sumy", "--at", "2026-05-23T10:05:00Z"],
                ["interview", str(cls.refused), "--outcome", "refuses",
                 "--notes", "healthnote-secret-XYZ", "--at", "2026-05-23T08:10:00Z"]):
            subprocess.run([PARLEY, *args, "--workspace", cls.ws], env=env,
                           capture_output=True, check=True)

    def person(self, record_id):
        return self.parley_json("person", str(record_id))[0]

    def assert_fonts_embedded(self, pdf):
        rows = run("pdffonts", pdf).splitlines()[2:]
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(row.split()[-5], "yes", row)  # the "emb" column

    def assert_checkpoint_on_every_page(self, pdf, doc_id):
        codes = qr_texts(pdf, self.tmp)
        self.assertEqual(len(codes), pdf_pages(pdf))
        self.assertEqual(len(set(codes)), 1, codes)
        line = codes[0]
        self.assertRegex(line, r"^parley-checkpoint v1 \S+ \d+ [0-9a-f]{64} " + doc_id + "$")
        # The same line is printed as text under the code on every page.
        text = pdf_text(pdf).replace("\n", " ")
        self.assertIn(line.split()[4][:40], text)
        return line

    def test_act_of_transfer_names_both_scripts_and_refusals_by_code_only(self):
        out = self.path("act.pdf")
        self.assertIn("wrote", self.parley("report", "act", "--plan", "1", "--phase", "1",
                                           "--lang", "uk,ru", "--out", out).stdout)
        text = pdf_text(out)
        self.assertIn("Акт передачі / Акт передачи", text)
        received = self.person(self.received)
        flat = " ".join(text.split())
        self.assertIn(received["surname"], flat)
        self.assertRegex(flat, r"[A-Z][a-z]+ [A-Z][a-z]+")  # the romanisation beside
        self.assertIn("Checkpoint Sumy", flat)
        self.assertIn("2026-05-23T10:05:00Z", flat)
        self.assertIn(self.person(self.refused)["surname"], flat)
        self.assertIn("refused", flat)
        self.assertNotIn("healthnote", flat)
        self.assert_fonts_embedded(out)
        line = self.assert_checkpoint_on_every_page(out, "act-plan1-phase1")
        self.assertIn("ok: paper act-plan1-phase1", self.parley("verify", "--paper", line).stdout)
        fields = line.split()
        fields[4] = ("0" if fields[4][0] != "0" else "1") + fields[4][1:]
        forged = self.parley("verify", "--paper", " ".join(fields), expect=1)
        self.assertIn("does not match the record", forged.stderr)
        fields = line.split()
        fields[3] = str(int(fields[3]) + 100)
        self.assertIn("holds only", self.parley("verify", "--paper", " ".join(fields),
                                                expect=1).stderr)

    def test_exchange_list_has_each_name_in_its_own_script_and_in_latin_on_paged_a4(self):
        out = self.path("list.pdf")
        self.parley("report", "list", "--plan", "1", "--phase", "1", "--side", "a",
                    "--lang", "uk,ru,en", "--out", out)
        text = " ".join(pdf_text(out).split())
        self.assertIn("Список обміну / Список обмена / Exchange list", text)
        self.assertIn(self.person(self.received)["surname"], text)
        self.assertRegex(text, r"[А-ЯІЇЄҐ][а-яіїєґ']+ [А-ЯІЇЄҐ][а-яіїєґ']+")
        pages = pdf_pages(out)
        self.assertGreater(pages, 1)
        self.assertIn(f"Сторінка {pages} з {pages} / Страница {pages} из {pages} / Page {pages} "
                      f"of {pages}", text)
        self.assert_fonts_embedded(out)
        self.assert_checkpoint_on_every_page(out, "list-plan1-phase1-a")

    def test_agreement_and_plan_papers(self):
        agreement = self.path("agreement.pdf")
        self.parley("report", "agreement", "demo-exchange", "--lang", "ru,tr", "--out", agreement)
        text = " ".join(pdf_text(agreement).split())
        self.assertIn("Соглашение / Anlaşma", text)
        self.assertEqual(text.count("Подписано / İmzalayan"), 2)  # both parties have signed
        self.assertIn("[phases]", text)  # the text as signed
        self.assert_fonts_embedded(agreement)
        self.assert_checkpoint_on_every_page(agreement, "agreement-demo-exchange-v1")
        plan = self.path("plan.pdf")
        self.parley("report", "plan", "1", "--format", "pdf", "--lang", "uk,en", "--out", plan)
        text = " ".join(pdf_text(plan).split())
        self.assertIn("Баланс за етапами / Balance per phase", text)
        self.assertIn("Хід передачі / Handover progress", text)
        self.assert_fonts_embedded(plan)
        self.assert_checkpoint_on_every_page(plan, "plan-1")

    def test_same_workspace_same_bytes(self):
        for args in (["act", "--plan", "1", "--phase", "1"], ["plan", "1"],
                     ["list", "--plan", "1", "--phase", "2", "--side", "b"],
                     ["agreement", "demo-exchange"]):
            first, second = self.path("one.pdf"), self.path("two.pdf")
            self.parley("report", *args, "--out", first)
            self.parley("report", *args, "--out", second)
            self.assertEqual(sha256(first), sha256(second), args)

    def test_plan_workbook_for_one_party_and_act_worksheet(self):
        out = self.path("plan-a.xlsx")
        self.parley("report", "plan", "1", "--format", "xlsx", "--side", "a", "--out", out)
        with zipfile.ZipFile(out) as z:
            workbook = z.read("xl/workbook.xml").decode()
            names = re.findall(r'<sheet name="([^"]+)"', workbook)
            self.assertEqual(names, ["Етап 1", "Етап 2", "Хід передачі"])
            sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
            strings = z.read("xl/sharedStrings.xml").decode()
            styles = z.read("xl/styles.xml").decode()
        self.assertIn('ySplit="1"', sheet1)            # the head row is frozen
        self.assertIn("<autoFilter", sheet1)
        self.assertIn("<cols>", sheet1)                # column widths
        self.assertIn("Ім&apos;я / Имя", strings.replace("'", "&apos;"))
        self.assertIn("yyyy-mm-dd", styles)            # birth dates are date cells
        self.assertNotIn("derived_", strings)
        self.assertIn(self.person(self.received)["surname"], strings)
        again = self.path("plan-a2.xlsx")
        self.parley("report", "plan", "1", "--format", "xlsx", "--side", "a", "--out", again)
        self.assertEqual(sha256(out), sha256(again))
        self.assertIn("give --side", self.parley("report", "plan", "1", "--format", "xlsx",
                                                 expect=1).stderr)
        act = self.path("act.xlsx")
        self.parley("report", "act", "--plan", "1", "--phase", "1", "--format", "xlsx",
                    "--out", act)
        with zipfile.ZipFile(act) as z:
            strings = z.read("xl/worksheets/sheet1.xml").decode()  # inline strings
        self.assertIn("Checkpoint Sumy", strings)
        self.assertIn("refused", strings)
        self.assertNotIn("healthnote", strings)

    def test_errors_name_what_is_missing(self):
        cases = [
            (["act", "--plan", "1", "--phase", "3"], "phase 3 is out of range: plan 1 has phases"),
            (["act", "--plan", "9", "--phase", "1"], "no plan 9"),
            (["list", "--plan", "1", "--phase", "1", "--side", "x"], "--side 'x' is not a party"),
            (["plan", "1", "--lang", "uk,de"], "unknown language 'de'"),
            (["plan", "1", "--lang", "uk"], "two or three"),
            (["agreement", "nope"], "no agreement named 'nope'"),
        ]
        for args, message in cases:
            self.assertIn(message, self.parley("report", *args, "--out", self.path("x.pdf"),
                                               expect=1).stderr, args)
            self.assertFalse(os.path.exists(self.path("x.pdf")))
        self.assertIn("not a paper checkpoint",
                      self.parley("verify", "--paper", "hello", expect=1).stderr)


if __name__ == "__main__":
    unittest.main()

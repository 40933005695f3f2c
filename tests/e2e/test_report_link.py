"""`parley report link ID`: a review pair's match explanation as a PDF, with each field's weight
as a waterfall from the model's prior to the final score, checked with poppler (text layer,
fonts), zbarimg (the checkpoint on every page) and by its bytes (same link, same file)."""
import hashlib
import math
import os
import re
import subprocess

from parley_e2e import DemoWorkspaceTestCase


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def flat_text(path):
    return " ".join(run("pdftotext", "-layout", path, "-").split())


class ReportLink(DemoWorkspaceTestCase):

    def a_link(self):
        """A link whose probability is neither 0 nor 1 to a float's precision, with weights."""
        for link in self.parley_json("review", "--list"):
            weights = [f for f in link["explanation"] if f.get("field") != "name_used"]
            if weights and 1e-4 < link["probability"] < 1 - 1e-4:
                return link, weights
        self.fail("the demo has no link with a probability between 0 and 1")

    def test_the_waterfall_runs_from_the_prior_through_each_field_to_the_score(self):
        link, weights = self.a_link()
        out = self.path("link.pdf")
        self.assertIn("wrote", self.parley("report", "link", str(link["id"]), "--lang", "uk,en",
                                           "--out", out).stdout)
        text = flat_text(out)
        self.assertIn(f"Зв'язок / Link {link['id']}", text)
        self.assertIn("Пояснення збігу: внесок кожного поля / Match explanation", text)
        self.assertIn("Апріорно (log2 шансів)", text)        # the waterfall's first row
        self.assertIn("Підсумок (log2 шансів)", text)        # and its last
        self.assertIn(f"{link['left_list']} {link['left_id']}", text)
        self.assertIn(f"{link['right_list']} {link['right_id']}", text)
        state = {"needs_review": "чекає перевірки / waiting for review",
                 "auto_accepted": "прийнято автоматично / accepted automatically",
                 "confirmed": "підтверджено / confirmed",
                 "rejected": "відхилено / rejected"}[link["state"]]
        self.assertIn(state, text)                           # in the paper's languages
        # Every field's weight, signed, and the final score: the probability's log2 odds.
        for f in weights:
            self.assertIn("%+.2f" % f["weight"], text, f)
        p = link["probability"]
        self.assertIn("p = %.4f" % p, text)
        # The score printed after p: its log2 odds, to the precision p is given in (the JSON's
        # p is rounded, and near 1 a rounding of 5e-5 moves the log2 odds by ~0.01).
        score = re.search(r"p = %.4f\s+(-?\d+\.\d\d)" % p, text)
        self.assertIsNotNone(score, text)
        self.assertAlmostEqual(float(score.group(1)), math.log2(p / (1 - p)), delta=0.02)
        for row in run("pdffonts", out).splitlines()[2:]:
            self.assertEqual(row.split()[-5], "yes", row)
        prefix = os.path.join(self.tmp, "page")
        run("pdftoppm", "-r", "150", "-png", out, prefix)
        pages = sorted(f for f in os.listdir(self.tmp) if f.startswith("page"))
        self.assertTrue(pages)
        for page in pages:
            code = run("zbarimg", "-q", "--raw", os.path.join(self.tmp, page)).strip()
            self.assertRegex(code, r"^parley-checkpoint v1 \S+ \d+ [0-9a-f]{64} link-%d$"
                             % link["id"])

    def test_same_link_same_bytes_and_errors_name_the_link(self):
        link, _ = self.a_link()
        first, second = self.path("one.pdf"), self.path("two.pdf")
        for out in (first, second):
            self.parley("report", "link", str(link["id"]), "--out", out)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(hashlib.sha256(a.read()).digest(), hashlib.sha256(b.read()).digest())
        self.assertIn("no link with id 999999",
                      self.parley("report", "link", "999999", "--out", first, expect=1).stderr)
        self.assertIn("is not a link number",
                      self.parley("report", "link", "x1", "--out", first, expect=1).stderr)

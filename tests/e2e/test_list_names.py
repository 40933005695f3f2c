"""What a list may be called (issue 16 item 6): the command line and the HTTP API refuse the
same names with the same rule, naming the name, and nothing is created; downloads carry the
name in a Content-Disposition header that nothing can break out of."""
import re
import subprocess
import unicodedata
import urllib.parse

from parley_e2e import PARLEY, ParleyTestCase
from test_server import PASSWORD, Client

GOOD_CSV = "id,surname,given_name,birth_date\r\n1,Шевченко,Дмитро,1990-01-01\r\n"
RULE = "a list name is 1 to 64 letters (any script), digits, '-', '_' or '.'"
BAD_NAMES = {
    "../../etc/passwd": "'.' (U+002E) at character 1",
    "/": "'/' (U+002F) at character 1",
    "ua/request": "'/' (U+002F) at character 3",
    'ua"request': "'\"' (U+0022) at character 3",
    "ua\u202etsil": "character U+202E at character 3",
    "a" * 5000: "it has 5000 characters",
    " ": "a space at character 1",
    "ua-request ": "a space at character 11",
    "ua\x1b[31m": "character U+001B at character 3",
    "ua@2": "'@' (U+0040) at character 3",
    "-ua": "'-' (U+002D) at character 1",
}


class CommandLine(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        self.file = self.path("good.csv")
        with open(self.file, "w", encoding="utf-8", newline="") as f:
            f.write(GOOD_CSV)

    def import_as(self, name, expect=0):
        return self.parley("import", self.file, f"--list={name}", "--kind", "request",
                           "--side", "ua", expect=expect)

    def test_bad_names_are_refused_and_nothing_is_created(self):
        before = self.store_dump()
        for name, why in BAD_NAMES.items():
            with self.subTest(name=name[:20]):
                proc = self.import_as(name, expect=1)
                self.assertIn("--list", proc.stderr)
                self.assertIn(why, proc.stderr)
                self.assertIn(RULE, proc.stderr)
                # Controls and bidi overrides are named by code, never printed raw.
                self.assertNotIn("\u202e", proc.stderr)
                self.assertNotIn("\x1b", proc.stderr)
                self.assertLess(len(proc.stderr), 1000)
        self.assertEqual(self.store_dump(), before)
        self.assertEqual(self.parley_json("lists"), [])

    def test_names_in_any_script_are_kept_in_nfc(self):
        decomposed = unicodedata.normalize("NFD", "список-й")
        self.assertNotEqual(decomposed, "список-й")
        report = self.parley_json("import", self.file, "--list", decomposed, "--kind",
                                  "request", "--side", "ua")
        self.assertEqual(report["list"], "список-й")
        self.assertEqual([l["list"] for l in self.parley_json("lists")], ["список-й"])
        self.import_as("ua-request")
        self.import_as("ru_custody.2")


class HttpApi(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        token = self.user_with_token("ua-clerk", "clerk", "ua", PASSWORD)
        self.proc = subprocess.Popen(
            [PARLEY, "serve", "--listen", "127.0.0.1:0", "--workspace", self.workspace,
             "--threads", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/api/v1", self.proc.stdout.readline())
        if m is None:
            self.proc.kill()
            self.fail("the server did not start: " + self.proc.stderr.read())
        self.client = Client(f"http://127.0.0.1:{m.group(1)}", token)
        self.file = self.path("good.csv")
        with open(self.file, "w", encoding="utf-8", newline="") as f:
            f.write(GOOD_CSV)

    def tearDown(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
        super().tearDown()

    def upload(self, name):
        return self.client.upload(urllib.parse.quote(name, safe=""), self.file, "request", "ua")

    def lists(self):
        return [l["list"] for l in self.client.call("GET", "/api/v1/lists").json()["lists"]]

    def test_bad_names_are_refused_with_the_same_rule(self):
        for name, why in BAD_NAMES.items():
            if "/" in name:
                continue  # a slash never reaches the route: below
            with self.subTest(name=name[:20]):
                r = self.upload(name)
                self.assertEqual(r.status, 400, r.body)
                error = r.json()["error"]
                self.assertEqual((error["code"], error["field"]), ("invalid_input", "list"))
                self.assertIn(why, error["message"])
                self.assertIn(RULE, error["message"])
        # An encoded slash is a path separator once decoded: no route has that shape.
        self.assertEqual(self.upload("../../etc/passwd").status, 404)
        self.assertEqual(self.upload("ua/request").status, 404)
        self.assertEqual(self.lists(), [])

    def test_downloads_name_the_list_in_a_quoted_header(self):
        self.assertEqual(self.upload("список-ua").status, 201)
        r = self.client.call("GET", "/api/v1/lists/" + urllib.parse.quote("список-ua") +
                             "/versions/1/export?format=csv")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(
            r.headers["Content-Disposition"],
            "attachment; filename=\"______-ua-v1.csv\"; "
            "filename*=UTF-8''%D1%81%D0%BF%D0%B8%D1%81%D0%BE%D0%BA-ua-v1.csv")
        # CSV for people from the API too: a BOM, then the header.
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbfid,surname,"), r.body[:20])

#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/NAME/ (one folder per harness in fuzz/).

Seeds are small, valid (or nearly valid) inputs that show the fuzzer each parser's shape;
libFuzzer mutates them. Everything here is synthetic: hand-written lines, the repository's own
example agreements and test cases, and files made by `parley` itself (plans and signed
bundles need the program: their signatures and embedded agreements cannot be written by hand).

    fuzz/make_corpus.py [--parley build/release/bin/parley]

Without --parley the plan and bundle seeds already in the repository are kept as they are.
Run from anywhere; it rewrites fuzz/corpus/ in place (deterministic, except for the keys and
node names parley generates).
"""
import argparse
import io
import json
import pathlib
import shutil
import subprocess
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def write(name: str, file: str, data: bytes) -> None:
    folder = CORPUS / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_bytes(data)


def reset(name: str) -> None:
    shutil.rmtree(CORPUS / name, ignore_errors=True)
    (CORPUS / name).mkdir(parents=True)


# --- CSV: each encoding the detector knows, each delimiter, title rows, quoting, bad rows ---

UA_LIST = (
    "№;ПІБ;Дата народження;Військове звання;Стать;Примітки\n"
    "1;Шевченко Дмитро Олександрович;07.03.1991;солдат;ч;\n"
    '2;Дем\'яненко Ігор Васильович;1985;старший солдат;ч;"поранений; потребує ""лікування"""\n'
    "3;КОВАЛЬ Ольга Іванівна;05.1979;;ж;\"два\nрядки\"\n"
)
RU_LIST = (
    "Фамилия,Имя,Отчество,Дата рождения,Личный номер,Звание\n"
    "Иванов,Сергей,Петрович,12.04.1988,АБ-123456,рядовой\n"
    "Петрова,Анна,,1975,,\n"
)
EN_LIST = (
    "id\tfull_name\tbirth_date\trank\taliases\n"
    "A-1\tJohn Smith\t1990-05-17\tmajor\tJon Smith; J. Smith\n"
    "A-2\tSMITH, Mary Ann\t2001\tprivate\t\n"
)
TITLE_ROWS = (
    "Список військовополонених,,\n"
    "станом на 01.11.2026,,\n"
    ",,\n"
    "Прізвище,Ім'я,По батькові\n"
    "Ткаченко,Андрій,Андрійович\n"
)
BAD_ROWS = (
    "id,ПІБ,Дата народження\n"
    "1,Шевченко Дмитро,31.02.1990\n"
    "2,Коваль Ольга,1812\n"
    "3,,01.01.2000\n"
    "4,Too,many,cells\n"
    '5,"unbalanced\n'
)


def csv_seeds() -> None:
    reset("csv")
    write("csv", "ua_semicolon_utf8.csv", UA_LIST.encode())
    write("csv", "ua_semicolon_bom.csv", b"\xef\xbb\xbf" + UA_LIST.encode())
    write("csv", "ua_semicolon_cp1251.csv", UA_LIST.encode("cp1251"))
    write("csv", "ru_comma_utf16le.csv", RU_LIST.encode("utf-16"))  # BOM + LE
    write("csv", "ru_comma_utf16be.csv", b"\xfe\xff" + RU_LIST.encode("utf-16-be"))
    write("csv", "ru_comma_utf16le_nobom.csv", RU_LIST.encode("utf-16-le"))
    write("csv", "en_tab.csv", EN_LIST.encode())
    write("csv", "title_rows.csv", TITLE_ROWS.encode())
    write("csv", "bad_rows.csv", BAD_ROWS.encode())
    write("csv", "crlf.csv", RU_LIST.replace("\n", "\r\n").encode())


# --- XLSX: the parts a workbook needs, shared and inline strings, numbers, dates, booleans ---

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<workbookPr{date1904}/><sheets><sheet name="Список" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
SHARED_STRINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">'
    "<si><t>ПІБ</t></si><si><t>Дата народження</t></si><si><t>Звання</t></si>"
    "<si><r><t>Шевченко </t></r><r><rPr><b/></rPr><t>Дмитро</t></r></si>"
    '<si><t xml:space="preserve"> солдат </t></si>'
    "</sst>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
    "</styleSheet>"
)
SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="inlineStr"><is><t>Примітки</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>33315</v></c><c r="C2" t="s"><v>4</v></c>'
    '<c r="D2" t="b"><v>1</v></c></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>Коваль Ольга Іванівна</t></is></c>'
    '<c r="B4" s="2"><v>29000.5</v></c><c r="C4" t="str"><f>"x"</f><v>сержант</v></c>'
    '<c r="E4"><v>1234567</v></c></row>'
    "</sheetData></worksheet>"
)


def xlsx(shared: bool = True, styles: bool = True, date1904: bool = False,
         method: int = zipfile.ZIP_DEFLATED, sheet: str = SHEET) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(date1904=' date1904="1"' if date1904 else ""))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        if shared:
            z.writestr("xl/sharedStrings.xml", SHARED_STRINGS)
        if styles:
            z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def parts(shared: bool = True, styles: bool = True, sheet: str = SHEET) -> bytes:
    """The same workbook as fuzz/xlsx_fuzzer.cpp's parts input: "@@ NAME" lines, then bytes."""
    items = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
             ("xl/workbook.xml", WORKBOOK.format(date1904="")),
             ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]
    if shared:
        items.append(("xl/sharedStrings.xml", SHARED_STRINGS))
    if styles:
        items.append(("xl/styles.xml", STYLES))
    items.append(("xl/worksheets/sheet1.xml", sheet))
    return "\n".join(f"@@ {name}\n{text}" for name, text in items).encode()


def xlsx_seeds() -> None:
    reset("xlsx")
    write("xlsx", "list.parts", parts())
    write("xlsx", "no_shared_strings.parts", parts(shared=False, styles=False, sheet=SHEET.replace(
        't="s"><v>0</v>', 't="inlineStr"><is><t>ПІБ</t></is>')))
    write("xlsx", "list.xlsx", xlsx())
    write("xlsx", "list_stored.xlsx", xlsx(method=zipfile.ZIP_STORED))
    write("xlsx", "list_1904.xlsx", xlsx(date1904=True))
    write("xlsx", "no_styles.xlsx", xlsx(styles=False))
    bad_index = SHEET.replace("<v>3</v>", "<v>7</v>")  # a shared string past the end
    write("xlsx", "bad_shared_index.xlsx", xlsx(method=zipfile.ZIP_STORED, sheet=bad_index))


# --- agreements: the repository's examples and test cases, plus the clauses they leave out ---

EXTRA_AGREEMENT = """[agreement]
title = "Every clause"
date = 2026-11-25
summary = "Clauses the examples leave out."
objective = "people"

[parties]
a = "Ukraine"
b = "Russia"
mediators = ["Türkiye"]
a_side = "ua"
b_side = "ru"

[phases]
count = 3
caps = [10, 10, 5]
required_total = 4
max_owed = 2

[value]
field = "rank"
default = 1
[value.points]
colonel = 15
"Полковник" = 15

[[pool]]
id = "main"
measure = "count"
ratio = [1, 3]
max_owed = 1

[[category]]
id = "wounded"
title = "Seriously wounded"
when = { health = ["seriously_wounded", "sick"] }
side = "both"
balance = "outside"
phases = [1]

[[category]]
id = "young"
when = { age = [18, 25], age_on = 2022-02-24, captivity_days_min = 30, extra = { interview = "agreed" }, requested = true }
side = "a"
pool = "main"
cap = 5
value = 2
weight = 3

[[category]]
id = "everyone"
balance = "all_for_all"

[[exclusion]]
id = "refused"
reason = "declined repatriation"
ids = ["a:7", "b:9", "11"]
when = { extra = { interview = "refused" } }

[[priority]]
by = "captivity_days"
direction = "desc"

[[priority]]
by = "rank"
order = ["colonel", "major"]

[sharing]
mediator = ["surname", "given_name", "birth_date"]
other_party = "*"
never = ["health", "notes"]
"""


def agreement_seeds() -> None:
    reset("agreement")
    for folder in ("examples/agreements", "examples/demo", "tests/cases/agreements"):
        for toml in sorted((ROOT / folder).glob("*.toml")):
            write("agreement", f"{pathlib.Path(folder).name}-{toml.name}", toml.read_bytes())
    for case in sorted((ROOT / "tests/cases/plans").iterdir()):
        if (case / "agreement.toml").exists():
            write("agreement", f"plan-{case.name}.toml", (case / "agreement.toml").read_bytes())
    write("agreement", "every-clause.toml", EXTRA_AGREEMENT.encode())


# --- plans and bundles: made by parley ---

def plan_seeds(parley: str) -> None:
    reset("plan_json")
    for case in sorted((ROOT / "tests/cases/plans").iterdir()):
        if not (case / "agreement.toml").exists():
            continue
        with tempfile.TemporaryDirectory() as tmp:
            # Relative paths: the plan records the agreement's file name.
            subprocess.run([parley, "plan", "agreement.toml", "--side-a", "a.csv", "--side-b",
                            "b.csv", "--out", f"{tmp}/plan.json"], cwd=case, check=True,
                           stdout=subprocess.DEVNULL)
            write("plan_json", f"{case.name}.json", pathlib.Path(f"{tmp}/plan.json").read_bytes())


def bundle_seeds(parley: str) -> None:
    reset("bundle")
    with tempfile.TemporaryDirectory() as tmp:
        for events, since in ((3, 0), (6, 2), (9, 9)):
            out = f"{tmp}/synth-{events}-{since}.bundle"
            subprocess.run([parley, "bundle", "synth", "--events", str(events), "--since",
                            str(since), "--out", out], check=True, stdout=subprocess.DEVNULL)
            write("bundle", pathlib.Path(out).name, pathlib.Path(out).read_bytes())
        # A bundle with a disclosure section (format version 2): a workspace with one small list.
        ws = f"{tmp}/ws"
        env = {"PARLEY_WORKSPACE": ws, "PATH": "/usr/bin:/bin"}
        subprocess.run([parley, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
        pathlib.Path(f"{tmp}/list.csv").write_text(
            "id,surname,given_name,birth_date,rank,notes\n"
            "1,Шевченко,Дмитро,1990-05-17,colonel,\n"
            "2,Kovalenko,Olena,2001,private,withheld\n", encoding="utf-8")
        subprocess.run([parley, "import", f"{tmp}/list.csv", "--list", "ua-request", "--kind",
                        "request", "--side", "ua"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([parley, "bundle", "export", "--for", "mediator", "--out",
                        f"{tmp}/disclosure.bundle"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        write("bundle", "disclosure.bundle", pathlib.Path(f"{tmp}/disclosure.bundle").read_bytes())
        # POST /api/v1/ledger/bundles with `since`: the checkpoint's signed note, as JSON.
        note = subprocess.run([parley, "checkpoint"], env=env, check=True, capture_output=True,
                              text=True).stdout
        body = json.dumps({"for": "mediator", "since": note, "agreement": "istanbul"})
        write("api_request", "export_since", ("\n\n" + body).encode())


# --- API requests: line 1 a query string, line 2 a Cookie header, the rest a body ---

API_REQUESTS = {
    "links_query": "state=needs_review&left=ua-request&right=ru-custody&min_probability=0.5"
                   "&max_probability=1&offset=0&limit=50\nparley_session=abc\n",
    "access_log_query": "user=clerk&record=17&offset=10&limit=1000\n"
                        "theme=dark; parley_session=0123456789abcdef; lang=uk\n",
    "version_query": "version=3&format=csv&kind=changed&since=1\n\n",
    "login": "\n\n{\"name\": \"clerk\", \"password\": \"correct horse battery staple\"}",
    "reconcile": "\n\n{\"left\": \"ua-request\", \"right\": \"ru-custody\", \"full\": true, "
                 "\"review_threshold\": 0.4, \"auto_accept\": 0.95}",
    "propose_plan": "\n\n{\"agreement\": \"istanbul\", \"agreement_version\": 2, \"side_a\": "
                    "\"ua-custody\", \"side_b\": \"ru-custody\", \"all_held\": false, \"gap\": 0.01, "
                    "\"time_limit\": 60}",
    "handover": "\n\n{\"event\": \"handed_over\", \"phase\": 1, \"at\": "
                "\"2026-11-25T10:00:00Z\", \"place\": \"checkpoint-3\", \"notes\": null}",
    "big_numbers": "\n\n{\"version\": 18446744073709551615, \"phase\": -9223372036854775808, "
                   "\"expected_count\": 1e300, \"gap\": -0.0}",
    "http_head": "GET /api/v1/links?limit=5 HTTP/1.1\r\nHost: x\r\nCookie: parley_session=1\r\n"
                 "\r\nGET /api/v1/health HTTP/1.1\r\n\r\n",
}


def api_request_seeds() -> None:
    reset("api_request")
    for name, text in API_REQUESTS.items():
        write("api_request", name, text.encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", help="a built parley binary (for plan and bundle seeds)")
    args = parser.parse_args()
    csv_seeds()
    xlsx_seeds()
    agreement_seeds()
    api_request_seeds()
    if args.parley:  # after api_request_seeds: the bundle seeds add one request
        plan_seeds(str(pathlib.Path(args.parley).resolve()))
        bundle_seeds(str(pathlib.Path(args.parley).resolve()))
    for folder in sorted(CORPUS.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fails when SQL, or the connection that runs it, shows up outside src/store/.

SYSTEM.md: "src/store ... every SQL statement lives here". Code elsewhere calls typed store
functions that take a store::Workspace&; it never prepares a statement, runs SQL text, reaches
for the connection with db(), or includes sqlite3.h. This check reads the non-test sources of
every module folder under src/ except src/store/ and names each offending line. Tests may use
the connection to tamper with a workspace on purpose (that is how detection is tested).

Usage: check_sql_in_store.py SOURCE_ROOT   (exit 1 and a list of offending lines on failure)
"""
import pathlib
import re
import sys

STORE = "store"
# The connection and its statement types, their calls, and SQL text in a string literal.
FORBIDDEN = re.compile(r"\bdb\(\)|sqlite3|\bstore::(?:Database|Statement)\b|\.Exec\(|\.QueryInt\(|"
                       r"\.Prepare\(\s*(?:\"|std::string)|\"\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE)\s")


def is_test_source(path: pathlib.Path) -> bool:
    return path.stem.endswith("_test") or path.name.startswith("test_")


def module_folders(root: pathlib.Path) -> list[pathlib.Path]:
    return sorted(p for p in (root / "src").iterdir() if p.is_dir() and p.name != STORE)


def offending_lines(root: pathlib.Path):
    for folder in module_folders(root):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".h", ".cpp", ".in") or is_test_source(path):
                continue
            rel = path.relative_to(root).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("//", 1)[0]
                if FORBIDDEN.search(code):
                    yield f"{rel}:{number}: {line.strip()}"


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    folders = module_folders(root) if (root / "src").is_dir() else []
    if not folders:
        print(f"no module folders under {root}/src", file=sys.stderr)
        return 2
    found = list(offending_lines(root))
    if found:
        print("SQL or the raw connection outside src/store/ (add a typed query to the store and "
              "call it with a Workspace& instead):")
        for line in found:
            print("  " + line)
        return 1
    print(f"no SQL outside src/store/ in {len(folders)} module folders")
    return 0


if __name__ == "__main__":
    sys.exit(main())

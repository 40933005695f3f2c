#!/usr/bin/env python3
"""Fails when SQL, or the connection that runs it, shows up outside src/store/.

SYSTEM.md: "src/store ... every SQL statement lives here". Code elsewhere calls typed store
functions that take a store::Workspace&; it never prepares a statement, runs SQL text, reaches
for the connection with db(), or includes sqlite3.h. This check reads the non-test sources of
the folders in CLEAN_FOLDERS and names each offending line.

Covered: src/server/ (except the four files in EXEMPT_FILES, whose SQL moves to the store on
another branch) and src/cli/. Each line that passes the connection straight into one of the
functions in EXEMPT_CALLEES is also accepted: those functions belong to negotiation/ and to the
same four server files, and take a Workspace& once that work lands. Widen the coverage by adding
folders to CLEAN_FOLDERS and emptying the two exemption lists.

Usage: check_sql_in_store.py SOURCE_ROOT   (exit 1 and a list of offending lines on failure)
"""
import pathlib
import re
import sys

CLEAN_FOLDERS = ["src/server", "src/cli"]
EXEMPT_FILES = {
    "src/server/interview_store.cpp", "src/server/interview_store.h",
    "src/server/handover_store.cpp", "src/server/handover_store.h",
    "src/server/plan_progress.cpp", "src/server/plan_progress.h",
    "src/server/person_status.cpp", "src/server/person_status.h",
}
EXEMPT_CALLEES = [
    "negotiation::ListAgreements", "negotiation::FindAgreement", "negotiation::PlanInfo",
    "negotiation::ListPlans", "CurrentInterview", "HandoverEvents", "InterviewHistory",
    "LoadPlanProgress",
]

FORBIDDEN = re.compile(r"\.Prepare\(|\.Exec\(|\.QueryInt\(|\bdb\(\)|sqlite3")
EXEMPT_CALL = re.compile(r"\b(?:server::)?(?:" + "|".join(re.escape(c) for c in EXEMPT_CALLEES) +
                         r")\(\s*\w+(?:\.|->)db\(\)")


def is_test_source(path: pathlib.Path) -> bool:
    return path.stem.endswith("_test") or path.name.startswith("test_")


def offending_lines(root: pathlib.Path):
    for folder in CLEAN_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".h", ".cpp", ".in") or is_test_source(path):
                continue
            rel = path.relative_to(root).as_posix()
            if rel in EXEMPT_FILES:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("//", 1)[0]
                if not FORBIDDEN.search(code):
                    continue
                rest = EXEMPT_CALL.sub("", code)
                if FORBIDDEN.search(rest):
                    yield f"{rel}:{number}: {line.strip()}"


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    for folder in CLEAN_FOLDERS:
        if not (root / folder).is_dir():
            print(f"no folder {folder} under {root}", file=sys.stderr)
            return 2
    found = list(offending_lines(root))
    if found:
        print("SQL or the raw connection outside src/store/ (add a typed query to the store and "
              "call it with a Workspace& instead):")
        for line in found:
            print("  " + line)
        return 1
    print(f"no SQL in {', '.join(CLEAN_FOLDERS)} (beyond the listed exemptions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

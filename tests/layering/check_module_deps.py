#!/usr/bin/env python3
"""Checks the module map of src/ against its CMake targets.

Two rules, one failure line each, so a reader knows what to fix:
1. Pipeline order: a module includes only modules added before it in src/CMakeLists.txt
   (the order of SYSTEM.md's pipeline). An upward include is a cycle waiting to happen.
   A module's tests may also include what its TEST_DEPS name: a test program is no library.
2. Declared dependencies: every parley module whose headers a module's sources include is
   named in that module's DEPS (or TEST_DEPS, for what only its tests include), so a target
   never builds only because another target happens to link it transitively.

Usage: check_module_deps.py SOURCE_DIR (exit 1 and a list of problems when a rule is broken).
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/', re.MULTILINE)
MODULE_CALL = re.compile(r'parley_module\(\s*([a-z_]+)([^)]*)\)')
SECTION = re.compile(r'\b(SOURCES|DEPS|TESTS|TEST_DEPS)\b')


def module_order(src: pathlib.Path) -> list[str]:
    text = (src / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.findall(r'^add_subdirectory\(([a-z_]+)\)', text, re.MULTILINE)


def declared(cmake_text: str) -> tuple[set[str], set[str]]:
    """The parley modules named in DEPS and in TEST_DEPS of a parley_module() call."""
    deps: set[str] = set()
    test_deps: set[str] = set()
    for _, body in MODULE_CALL.findall(cmake_text):
        parts = SECTION.split(body)
        for keyword, words in zip(parts[1::2], parts[2::2]):
            names = set(re.findall(r'\bparley_([a-z_]+)\b', words))
            if keyword == "DEPS":
                deps |= names
            elif keyword == "TEST_DEPS":
                test_deps |= names
    return deps, test_deps


def is_test_file(path: pathlib.Path) -> bool:
    return path.stem.endswith("_test") or path.stem.startswith("test_") or "fuzz" in path.stem


def included_modules(folder: pathlib.Path, tests: bool) -> dict[str, pathlib.Path]:
    """Module name -> the first file of `folder` that includes one of its headers."""
    found: dict[str, pathlib.Path] = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".h", ".cpp", ".in") or is_test_file(path) != tests:
            continue
        for name in INCLUDE.findall(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(name, path)
    return found


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    src = root / "src"
    order = module_order(src)
    problems: list[str] = []
    for index, module in enumerate(order):
        deps, test_deps = declared((src / module / "CMakeLists.txt").read_text(encoding="utf-8"))
        allowed_below = set(order[:index])
        for tests in (False, True):
            for name, path in included_modules(src / module, tests).items():
                if name == module or name not in order:
                    continue
                where = path.relative_to(root)
                if tests and name in test_deps:
                    continue  # a test program may use any module it names: it is no library
                if name not in allowed_below:
                    problems.append(f"{where}: includes {name}/, which comes after {module} in "
                                    "the pipeline (src/CMakeLists.txt); move the code down or "
                                    "the header up")
                elif name not in deps:
                    kind = "TEST_DEPS" if tests else "DEPS"
                    problems.append(f"{where}: includes {name}/ but src/{module}/CMakeLists.txt "
                                    f"does not name parley_{name} in its {kind}")
    for line in problems:
        print(line)
    print(f"check_module_deps: {len(order)} modules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

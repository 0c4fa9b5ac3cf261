#!/usr/bin/env python3
"""Check that Fornye's XLSForm export opens in other readers.

Usage:
    FORNYE_XLSFORM_EXPORT=/tmp/barometer.xlsx swift test --filter XLSFormRoundTrip
    python3 scripts/xlsform/check-export.py /tmp/barometer.xlsx

Reads the workbook with openpyxl (pip install openpyxl) and checks its sheets, columns and
choice codes; if pyxform is installed (pip install pyxform), also converts it to an XForm,
the way KoboToolbox and ODK Central do, and checks that every question is in it.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

REQUIRED_SURVEY = ["type", "name", "label::Norsk bokmål (nb)", "label::English (en)", "required", "relevant"]


def main(path: str) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True)
    problems = []
    if workbook.sheetnames != ["survey", "choices", "settings"]:
        problems.append(f"sheets are {workbook.sheetnames}")
    survey = [list(row) for row in workbook["survey"].iter_rows(values_only=True)]
    header = survey[0]
    for column in REQUIRED_SURVEY:
        if column not in header:
            problems.append(f"survey has no column {column}")
    column = {name: index for index, name in enumerate(header)}
    questions = [
        row for row in survey[1:]
        if row[column["type"]] not in ("begin_group", "end_group")
    ]
    unlabelled = [row[column["name"]] for row in questions if not row[column["label::Norsk bokmål (nb)"]]]
    if unlabelled:
        problems.append(f"questions without a bokmål label: {unlabelled}")
    choices = [list(row) for row in workbook["choices"].iter_rows(values_only=True)][1:]
    bad_codes = [row for row in choices if not str(row[1]).isdigit()]
    if bad_codes:
        problems.append(f"choice names that are not codes: {bad_codes}")
    settings = [list(row) for row in workbook["settings"].iter_rows(values_only=True)]
    print(f"openpyxl {openpyxl.__version__}: {len(questions)} questions, {len(choices)} choices, "
          f"settings {dict(zip(settings[0], settings[1]))}")

    try:
        import pyxform  # noqa: F401
    except ImportError:
        print("pyxform not installed; skipped the XForm conversion")
    else:
        with tempfile.TemporaryDirectory() as directory:
            output = Path(directory) / "form.xml"
            result = subprocess.run(
                ["xls2xform", "--skip_validate", path, str(output)], capture_output=True, text=True)
            if result.returncode != 0 or not output.exists():
                problems.append(f"xls2xform failed: {result.stdout}{result.stderr}")
            else:
                xform = output.read_text()
                missing = [row[column["name"]] for row in questions if f"/{row[column['name']]}" not in xform]
                if missing:
                    problems.append(f"questions missing from the XForm: {missing}")
                print(f"pyxform {pyxform.__version__}: converted to an XForm of {len(xform)} characters")
                if result.stdout.strip():
                    print(result.stdout.strip())

    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

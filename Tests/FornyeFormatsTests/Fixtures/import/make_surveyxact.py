#!/usr/bin/env python3
"""Writes surveyxact.xlsx: a SurveyXact-style dataset workbook. SYNTETISKE DATA (made up).

Sheet "Dataset": one row per respondent, s_1 ... s_10 as SurveyXact numbers its questions; s_1 is a
number cell (Excel drops the zero of 0301), one s_10 cell is a formula with its cached value, one
closetime cell holds a text that looks like a formula. Sheet "Labels": variable | value | label,
with a merged title cell.
"""
import zipfile
from xml.sax.saxutils import escape

header = ["respondent", "s_1", "s_2", "s_3", "s_4", "s_5", "s_6", "s_7", "s_8",
          "s_9_1", "s_9_2", "s_9_3", "s_9_4", "s_10", "statusCode", "closetime"]
rows = [
    [1, 301, 1, 1, 1, 1, 2, 2, 2, 1, 0, 1, 0, ("f", "1+0", 1), 2, "2018-03-01"],
    [2, 1103, 2, 5, 2, 2, 2, 2, 2, "", "", "", "", "", 2, "=HYPERLINK(\"http://x\")"],
    [3, 4601, 1, 3, 3, 8, 1, 2, 2, 0, 1, 0, 0, 2, 2, "2018-03-02"],
]
labels = [["SYNTETISKE DATA: labels", "", ""], ["variable", "value", "label"],
          ["s_2", 1, "Helse og omsorg"], ["s_2", 2, "Utdanning og oppvekst"]]

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def cell(ref, v):
    if isinstance(v, tuple):
        return f'<c r="{ref}"><f>{escape(v[1])}</f><v>{v[2]}</v></c>'
    if v == "":
        return ""
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'

def sheet(data, merge=None):
    body = "".join(f'<row r="{r + 1}">' + "".join(cell(f"{col(c)}{r + 1}", v) for c, v in enumerate(row)) + "</row>"
                   for r, row in enumerate(data))
    merged = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{body}</sheetData>{merged}</worksheet>')

ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile("surveyxact.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>')
    z.writestr("_rels/.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml",
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{ns}">'
        '<sheets><sheet name="Dataset" sheetId="1" r:id="rId1"/><sheet name="Labels" sheetId="2" r:id="rId2"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{ns}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", sheet([header] + rows))
    z.writestr("xl/worksheets/sheet2.xml", sheet(labels, merge="A1:C1"))

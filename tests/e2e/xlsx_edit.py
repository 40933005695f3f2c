"""Edits a workbook parley wrote the way a person does in Excel, with Python's standard
library only (zipfile + xml.etree): change a cell, move a row to another sheet, delete a row,
add a row, rename a sheet. Every other part of the package is copied as it was.

Cells written here are inline strings, as some spreadsheet programs store typed text; the
rows moved keep their shared-string cells, so both kinds are read back.
"""
import re
import zipfile
import xml.etree.ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
for prefix, uri in (("", MAIN), ("r", REL)):
    ET.register_namespace(prefix, uri)


def _q(tag):
    return f"{{{MAIN}}}{tag}"


def _split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    return m.group(1), int(m.group(2))


class Workbook:
    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.book = ET.fromstring(self.parts["xl/workbook.xml"])
        rels = ET.fromstring(self.parts["xl/_rels/workbook.xml.rels"])
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{PKG_REL}}}Relationship")}
        self.sheet_parts = {}
        for s in self.book.iter(_q("sheet")):
            self.sheet_parts[s.get("name")] = "xl/" + targets[s.get(f"{{{REL}}}id")]
        self.sheets = {name: ET.fromstring(self.parts[part])
                       for name, part in self.sheet_parts.items()}
        sst = ET.fromstring(self.parts.get("xl/sharedStrings.xml", b"<sst xmlns='%s'/>" % MAIN.encode()))
        self.strings = ["".join(t.text or "" for t in si.iter(_q("t"))) for si in sst.iter(_q("si"))]

    def sheet_names(self):
        return list(self.sheet_parts)

    def _data(self, sheet):
        return self.sheets[sheet].find(_q("sheetData"))

    def _text(self, c):
        if c.get("t") == "s":
            return self.strings[int(c.find(_q("v")).text)]
        if c.get("t") == "inlineStr":
            return "".join(t.text or "" for t in c.iter(_q("t")))
        v = c.find(_q("v"))
        return v.text if v is not None else ""

    def rows(self, sheet):
        """{row number: {column letters: text}}"""
        out = {}
        for row in self._data(sheet).findall(_q("row")):
            out[int(row.get("r"))] = {_split_ref(c.get("r"))[0]: self._text(c)
                                      for c in row.findall(_q("c"))}
        return out

    def find_row(self, sheet, column, text):
        for number, cells in self.rows(sheet).items():
            if cells.get(column) == text:
                return number
        raise KeyError(f"{text!r} not in column {column} of {sheet!r}")

    def _row(self, sheet, number):
        for row in self._data(sheet).findall(_q("row")):
            if int(row.get("r")) == number:
                return row
        raise KeyError(f"no row {number} in {sheet!r}")

    def set_cell(self, sheet, ref, text):
        letters, number = _split_ref(ref)
        row = self._row(sheet, number)
        for c in row.findall(_q("c")):
            if c.get("r") == ref:
                row.remove(c)
        c = ET.Element(_q("c"), {"r": ref, "t": "inlineStr"})
        ET.SubElement(ET.SubElement(c, _q("is")), _q("t")).text = text
        row.append(c)
        row[:] = sorted(row, key=lambda e: (len(_split_ref(e.get("r"))[0]), e.get("r")))

    def delete_row(self, sheet, number):
        """Deletes the row and shifts the ones below it up, as Excel's Delete Row does."""
        data = self._data(sheet)
        data.remove(self._row(sheet, number))
        for row in data.findall(_q("row")):
            r = int(row.get("r"))
            if r > number:
                self._renumber(row, r - 1)

    def _renumber(self, row, number):
        row.set("r", str(number))
        for c in row.findall(_q("c")):
            c.set("r", _split_ref(c.get("r"))[0] + str(number))

    def append_row(self, sheet, cells):
        """A new row after the last: cells = {column letters: text}. Returns its number."""
        data = self._data(sheet)
        last = max([int(r.get("r")) for r in data.findall(_q("row"))] + [0])
        row = ET.SubElement(data, _q("row"), {"r": str(last + 1)})
        for letters in sorted(cells, key=lambda l: (len(l), l)):
            c = ET.SubElement(row, _q("c"), {"r": f"{letters}{last + 1}", "t": "inlineStr"})
            ET.SubElement(ET.SubElement(c, _q("is")), _q("t")).text = cells[letters]
        return last + 1

    def move_row(self, sheet, number, to_sheet):
        """Cuts the row and pastes it after the last row of `to_sheet`. Returns its new number."""
        row = self._row(sheet, number)
        self.delete_row(sheet, number)
        data = self._data(to_sheet)
        last = max([int(r.get("r")) for r in data.findall(_q("row"))] + [0])
        self._renumber(row, last + 1)
        data.append(row)
        return last + 1

    def rename_sheet(self, name, new_name):
        for s in self.book.iter(_q("sheet")):
            if s.get("name") == name:
                s.set("name", new_name)
        self.sheet_parts[new_name] = self.sheet_parts.pop(name)
        self.sheets[new_name] = self.sheets.pop(name)

    def save(self, path):
        self.parts["xl/workbook.xml"] = ET.tostring(self.book, xml_declaration=True,
                                                    encoding="UTF-8")
        for name, part in self.sheet_parts.items():
            self.parts[part] = ET.tostring(self.sheets[name], xml_declaration=True,
                                           encoding="UTF-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(name, data)

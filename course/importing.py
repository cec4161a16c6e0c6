"""Reading a registrar's list of trainees from CSV or XLSX into rows of name, email, school."""

from __future__ import annotations

import contextlib
import csv
import io

from django.utils.translation import gettext as _

# Column headers people actually type, in the three languages of the site.
HEADERS = {
    "name": {"name", "full name", "аты-жөні", "аты жөні", "фио", "ф.и.о.", "имя"},
    "email": {"email", "e-mail", "электрондық пошта", "эл. почта", "почта"},
    "school": {"school", "мектеп", "школа", "организация", "ұйым"},
}


class ImportFileError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        title = str(title or "").strip().lower()
        for key, names in HEADERS.items():
            if title in names and key not in found:
                found[key] = index
    missing = [key for key in HEADERS if key not in found]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns name, email and school; missing: %(cols)s.")
            % {"cols": ", ".join(missing)}
        )
    return found


def _rows(table: list[list]) -> list[dict]:
    if not table:
        raise ImportFileError(_("The file is empty."))
    columns = _columns(table[0])
    rows = []
    for raw in table[1:]:
        raw = list(raw) + [""] * (len(table[0]) - len(raw))
        rows.append({key: raw[i] if raw[i] is not None else "" for key, i in columns.items()})
    return rows


def rows_read(uploaded) -> list[dict]:
    """Rows from an uploaded .csv (UTF-8, comma or semicolon) or .xlsx file."""
    name = (uploaded.name or "").lower()
    data = uploaded.read()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            table = [list(row) for row in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ImportFileError(_("The XLSX file cannot be read.")) from exc
        return _rows(table)
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Save the CSV file in UTF-8 encoding.")) from exc
        dialect = csv.excel
        with contextlib.suppress(csv.Error):  # one column, or too little text to guess from
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        return _rows(list(csv.reader(io.StringIO(text), dialect)))
    raise ImportFileError(_("Upload a .csv or .xlsx file."))

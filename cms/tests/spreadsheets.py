"""Reading an export back in tests, as a spreadsheet would: the CSV with its `;` and BOM, the XLSX
with each cell's stored type."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook


def body(response) -> bytes:
    """The whole body; a streamed one can be read only once, so it is kept on the response."""
    if not hasattr(response, "read_body"):
        response.read_body = response.getvalue()
    return response.read_body


def csv_rows(response) -> list[list[str]]:
    body_ = body(response)
    assert body_.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(body_.decode("utf-8-sig")), delimiter=";"))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(body(response))).active


def xlsx_rows(response) -> list[list]:
    return [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def xlsx_formulas(response) -> list[str]:
    """Every cell the workbook stores as a formula (a safe export has none)."""
    return [
        cell.coordinate
        for row in xlsx_sheet(response).iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]

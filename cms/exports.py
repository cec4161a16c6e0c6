"""The one way the site hands a table out as CSV or XLSX.

Every export (the cohort table, the cohort results, the certificate register, the mentoring report)
goes through `export_response`, so three rules hold everywhere:

- **No formulas.** Names, e-mails and reasons are typed by trainees and staff. A cell that starts
  with `=`, `+`, `-`, `@`, a TAB or a CR would be run by a spreadsheet as a formula
  (`=HYPERLINK(...)` sends the reader's data away), so it is prefixed with `'` (OWASP "CSV
  injection"), in CSV and XLSX alike; in XLSX every text cell is also stored with the string type,
  never as a formula.
- **Excel opens the CSV right in Kazakhstan.** UTF-8 with a byte-order mark (otherwise Excel reads
  Cyrillic as a Windows code page) and `;` between values: Excel splits on the list separator of the
  Windows locale, which is `;` wherever the decimal separator is a comma — the Russian and Kazakh
  locales included. LibreOffice and Python's csv module read it too when told the separator.
- **Memory stays flat.** The CSV is streamed row by row; the XLSX is written in openpyxl's
  write-only mode to a temporary file which is then streamed. A register of thousands of rows never
  sits in a worker's memory as a whole.

Values are written as the reader should see them: callers pass labels in the reader's language
(the band's and the status's labels, not codes); this module only turns values into cells.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

FORMATS = ("csv", "xlsx")
CSV_SEPARATOR = ";"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet takes as the start of a formula (OWASP: = + - @ TAB CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    """One column of an exported table: its heading and how to read its value from a row object.

    A list of columns is the table's definition, so a new column is one line in that list."""

    header: str | Promise
    value: Callable[[Any], Any]


def neutralise(text: str) -> str:
    """The text as a cell that cannot start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value: Any) -> Any:
    """A value as a spreadsheet cell: numbers and dates stay what they are, text is made inert."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, datetime.datetime):
        # Spreadsheets have no time zones: write the local time the reader's site shows.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return neutralise(str(value))


def _csv_text(value: Any) -> str:
    value = cell_value(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def table_rows(columns: Sequence[Column], objects: Iterable[Any]) -> Iterator[list[Any]]:
    for obj in objects:
        yield [column.value(obj) for column in columns]


def _in_language(language: str | None, lines: Iterator[str]) -> Iterator[str]:
    # A streamed body is produced after the view has returned: labels are translated while it is
    # read, so the reader's language is held for that time.
    with translation.override(language):
        yield from lines


class _Echo:
    """csv.writer writes into this and gets the line back, so each row can be yielded at once."""

    def write(self, line: str) -> str:
        return line


def _csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_SEPARATOR)
    yield _BOM + writer.writerow([_csv_text(v) for v in header])
    for row in rows:
        yield writer.writerow([_csv_text(v) for v in row])


def csv_response(
    *, filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    lines = _in_language(translation.get_language(), _csv_lines(header, rows))
    response = StreamingHttpResponse(line.encode("utf-8") for line in lines)
    response["Content-Type"] = CSV_CONTENT_TYPE
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.csv")
    return response


def _xlsx_cell(sheet, value: Any):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = cell_value(value)
    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    # Control characters make openpyxl refuse the whole file; they carry nothing a reader needs.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"  # text, never a formula, whatever it looks like
    return cell


def xlsx_response(
    *,
    filename: str,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    sheet_title: str | Promise = "",
) -> FileResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    # Excel refuses sheet titles over 31 characters or with []:*?/\ in them.
    title = "".join(c for c in str(sheet_title) if c not in "[]:*?/\\")[:31] or "Sheet1"
    sheet = book.create_sheet(title=title)
    sheet.append([_xlsx_cell(sheet, v) for v in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    # The file is built on disk, not in memory, and streamed from there; it is deleted when closed.
    # FileResponse closes (and so deletes) the file once it is sent.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    book.save(handle)
    handle.seek(0)
    return FileResponse(
        handle, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_CONTENT_TYPE
    )


def export_response(
    *,
    fmt: str,
    filename: str,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    sheet_title: str | Promise = "",
) -> StreamingHttpResponse | FileResponse:
    """The table as a download: `fmt` is "csv" or "xlsx"; `filename` is without its extension."""
    if fmt == "csv":
        return csv_response(filename=filename, header=header, rows=rows)
    if fmt == "xlsx":
        return xlsx_response(filename=filename, header=header, rows=rows, sheet_title=sheet_title)
    raise ValueError(f"Unknown export format {fmt!r}; expected one of {FORMATS}.")

"""Reading a registrar's list of trainees from CSV or XLSX into rows of names, email, school and
language."""

from __future__ import annotations

import contextlib
import csv
import io

from django.utils.translation import gettext as _

from cms.errors import ServiceError
from cms.models import TraineeProfile

# Column headers people actually type, in the three languages of the site. The name comes either
# in parts per language (what documents print: surname, given name, patronymic in Kazakh and
# Russian) or, as in older lists, in one "name" column read as "surname given-name patronymic".
HEADERS = {
    "name": {"name", "full name", "аты-жөні", "аты жөні", "фио", "ф.и.о.", "имя"},
    "email": {"email", "e-mail", "электрондық пошта", "эл. почта", "почта"},
    "school": {"school", "мектеп", "школа", "организация", "ұйым"},
    "surname_kk": {"surname_kk", "surname (kk)", "тегі", "тегі (қаз)"},
    "given_name_kk": {"given_name_kk", "given name (kk)", "аты", "аты (қаз)"},
    "patronymic_kk": {"patronymic_kk", "patronymic (kk)", "әкесінің аты", "әкесінің аты (қаз)"},
    "surname_ru": {"surname_ru", "surname (ru)", "фамилия", "фамилия (рус)"},
    "given_name_ru": {"given_name_ru", "given name (ru)", "имя (рус)"},
    "patronymic_ru": {"patronymic_ru", "patronymic (ru)", "отчество", "отчество (рус)"},
    "language": {"language", "тілі", "тіл", "язык"},
}
# Columns without which nothing can be done; the name needs "name" or a surname column.
REQUIRED = ("email", "school")
# The name columns are the profile's name fields.
NAME_PARTS = TraineeProfile.NAME_FIELDS


class ImportFileError(ServiceError):
    """An uploaded list that cannot be read; `message` says why, for the registrar, next to the
    form's file field."""

    def __init__(self, message: str):
        super().__init__(message, field="file")


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        title = str(title or "").strip().lower()
        for key, names in HEADERS.items():
            if title in names and key not in found:
                found[key] = index
    missing = [key for key in REQUIRED if key not in found]
    if not ({"name", "surname_kk", "surname_ru"} & set(found)):
        missing.insert(0, "name")
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns email, school and the name (either name, "
                "or surname_kk, given_name_kk, patronymic_kk and surname_ru, given_name_ru, "
                "patronymic_ru); missing: %(cols)s."
            )
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
        rows.append({key: str(raw[i]) if raw[i] is not None else "" for key, i in columns.items()})
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

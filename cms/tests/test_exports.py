"""The one export helper: formulas made inert, `;` and a BOM for Excel, labels in the reader's
language, and a streamed CSV."""

from __future__ import annotations

import datetime

import pytest
from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from cms.exports import Column, cell_value, export_response, neutralise, table_rows

from .spreadsheets import csv_rows, xlsx_formulas, xlsx_rows

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+7 701 000 00 00", "'+7 701 000 00 00"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Сейітқызы-Ахметова", "Сейітқызы-Ахметова"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_text_that_could_start_a_formula_is_prefixed_with_an_apostrophe(text, cell):
    assert neutralise(text) == cell


def test_numbers_and_dates_stay_numbers_and_dates_and_none_is_empty():
    assert cell_value(-5) == -5
    assert cell_value(datetime.date(2026, 3, 1)) == datetime.date(2026, 3, 1)
    assert cell_value(None) == ""
    with translation.override("kk"):
        assert cell_value(gettext_lazy("Valid")) == "Жарамды"


def test_the_csv_is_streamed_with_a_bom_and_semicolons_and_inert_formulas():
    response = export_response(
        fmt="csv",
        filename="people",
        header=["Name", "Score"],
        rows=[[HYPERLINK, 92], ["Әлия; Қанат", 70]],
    )

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    body = response.getvalue().decode("utf-8")
    assert body == (
        '\ufeffName;Score\r\n"\'=HYPERLINK(""http://x"",""y"")";92\r\n"Әлия; Қанат";70\r\n'
    )


def test_the_xlsx_stores_text_as_text_and_never_a_formula():
    response = export_response(
        fmt="xlsx",
        filename="people",
        header=["Name", "Score", "Issued on"],
        rows=[[HYPERLINK, 92, datetime.date(2026, 3, 1)], ["=1+1\x07", -3, None]],
        sheet_title="Results: [2026]",
    )

    assert response["Content-Disposition"] == 'attachment; filename="people.xlsx"'
    assert xlsx_formulas(response) == []
    assert xlsx_rows(response) == [
        ["Name", "Score", "Issued on"],
        ["'" + HYPERLINK, 92, datetime.datetime(2026, 3, 1)],
        ["'=1+1", -3, None],
    ]


def test_labels_in_the_rows_are_read_in_the_language_of_the_request_while_streaming():
    columns = [Column(gettext_lazy("Status"), lambda status: gettext_lazy(status))]
    with translation.override("ru"):
        response = export_response(
            fmt="csv",
            filename="x",
            header=[c.header for c in columns],
            rows=table_rows(columns, ["Valid"]),
        )
    # The body is produced after the view has returned, in another active language.
    with translation.override("en"):
        rows = csv_rows(response)
    assert rows == [["Статус"], ["Действителен"]]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="Unknown export format 'pdf'"):
        export_response(fmt="pdf", filename="x", header=[], rows=[])

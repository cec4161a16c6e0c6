"""The report for the authority as one XLSX table (through cms.exports: no formulas, streamed)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cms import exports

from .report import CRITERIA, Report


def report_rows(report: Report) -> list[list]:
    """(section, item, value, passed) rows in the order of the report page."""
    rows: list[list] = []
    period = f"{report.start or '…'} — {report.end or '…'}"
    rows.append([_("Period"), _("Cohorts that ended"), period, ""])
    rows.append([_("Period"), _("Cohorts"), len(report.cohorts), ""])
    for label, value in (
        (_("Enrolled"), report.enrolled),
        (_("Completed (final result finalised)"), report.completed),
        (_("Passed: excellent"), report.passed.get("excellent", 0)),
        (_("Passed: good"), report.passed.get("good", 0)),
        (_("Passed: satisfactory"), report.passed.get("satisfactory", 0)),
        (_("Not passed"), report.not_passed),
        (_("Expelled"), report.expelled),
        (_("Retakes"), report.retakes),
    ):
        rows.append([_("Results"), label, value, ""])
    for section, groups in (
        (_("By region"), report.by_region),
        (_("By type of organisation"), report.by_organisation_type),
        (_("By qualification category"), report.by_category),
    ):
        for row in groups:
            rows.append([section, row.label, row.enrolled, row.passed])
    for code in CRITERIA:
        rows.append([_("Mean score per criterion"), code, report.criteria_mean.get(code), ""])
    for row in report.competence:
        rows.append(
            [
                _("Competence self-assessment (before / after)"),
                f"{row.outcome.number}. {row.outcome.title}",
                row.before,
                row.after,
            ]
        )
    rows.append([_("End-of-course survey"), _("Responses"), report.survey_responses, ""])
    rows.append([_("End-of-course survey"), _("Mean rating (1–5)"), report.satisfaction_mean, ""])
    return rows


def report_xlsx(report: Report):
    return exports.xlsx_response(
        filename="programme-report",
        header=[_("Section"), _("Item"), _("Value (enrolled; before)"), _("Passed; after")],
        rows=report_rows(report),
        sheet_title=_("Report"),
    )

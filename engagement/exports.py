"""Lists of applicants as CSV, XLSX and PDF: the list circulated to States parties (no
personal data) and the final list of participants (with representatives, for staff)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.pdf import render_pdf
from portal.spreadsheets import csv_writer, row_safe

from .selectors.applications import summary


def _expertise(application) -> str:
    instruments = ", ".join(i.short_name for i in application.expertise_instruments.all())
    clusters = ", ".join(str(c.number) for c in application.expertise_clusters.all())
    return "; ".join(
        part for part in (instruments, clusters and _("clusters %s") % clusters) if part
    )


def circulation_rows(applications) -> tuple[list[str], list[list[str]]]:
    header = [
        _("Organization"),
        _("Acronym"),
        _("Country"),
        _("Type"),
        _("ECOSOC status"),
        _("Expertise"),
        _("Website"),
    ]
    rows = [
        [
            a.organization.name,
            a.organization.acronym,
            a.organization.country.name,
            a.organization.get_kind_display(),
            a.organization.get_ecosoc_status_display(),
            _expertise(a),
            a.organization.website,
        ]
        for a in applications
    ]
    return header, rows


def participant_rows(applications) -> tuple[list[str], list[list[str]]]:
    header = [
        _("Organization"),
        _("Country"),
        _("Representative"),
        _("Function"),
        _("Email"),
        _("Attends"),
        _("Status"),
    ]
    rows = [
        [
            a.organization.name,
            a.organization.country.name,
            person.name,
            person.function,
            person.email,
            person.get_attendance_display(),
            a.get_status_display(),
        ]
        for a in applications
        for person in a.representatives.all()
    ]
    return header, rows


def as_csv(header, rows) -> bytes:
    """The rows as UTF-8 CSV; a cell a spreadsheet would run as a formula starts with a quote."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def as_xlsx(header, rows, title: str) -> bytes:
    """The rows as a workbook: text is never a formula (``portal.spreadsheets``); numbers
    stay numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(row_safe(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row_safe(row))
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_pdf(dialogue, applications, *, participants: bool) -> bytes:
    """A formatted list fit to circulate (or the final list of participants)."""
    header, rows = (participant_rows if participants else circulation_rows)(applications)
    title = (
        _("Final list of participants")
        if participants
        else _("List of applicants circulated to States parties")
    )
    return render_pdf(
        "pdf/engagement/applicant_list.html",
        {
            "dialogue": dialogue,
            "title": title,
            "header": header,
            "rows": rows,
            "summary": summary(applications),
            "generated_at": timezone.now(),
        },
    )

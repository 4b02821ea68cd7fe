"""Views of the Review Mechanism, one module per area."""

from .calendar import StateDeadlinesCalendarView
from .changes import ChangeLogView
from .data import ReviewDataExportView, ReviewDataImportView, ReviewDataView
from .editing import (
    ReviewersEditView,
    ReviewGroupsEditView,
    StateContactsView,
    StateEditView,
    StepsEditView,
)
from .pages import (
    CompilationAddView,
    CompilationView,
    HistoryView,
    ReviewOverviewView,
    StateDetailView,
    StateListView,
)
from .simulator import SimulatorView

__all__ = [
    "ChangeLogView",
    "CompilationAddView",
    "CompilationView",
    "HistoryView",
    "ReviewDataExportView",
    "ReviewDataImportView",
    "ReviewDataView",
    "ReviewGroupsEditView",
    "ReviewOverviewView",
    "ReviewersEditView",
    "SimulatorView",
    "StateContactsView",
    "StateDeadlinesCalendarView",
    "StateDetailView",
    "StateEditView",
    "StateListView",
    "StepsEditView",
]

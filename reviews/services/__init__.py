"""Writes to the Review Mechanism's data, one module per area."""

from .changes import delete_with_log, formset_save_with_log, save_with_log
from .country_reviews import (
    ReviewDataError,
    StaleReviewData,
    participation_record,
    review_group_update,
    review_groups_lock,
    review_step_record,
    review_steps_record_rows,
    review_steps_schedule,
    reviewer_problems,
    state_lock,
    state_review_update,
)
from .reference import (
    ReferenceDataError,
    history_load_reference,
    review_groups_load_defaults,
    states_load_reference,
)

__all__ = [
    "ReferenceDataError",
    "ReviewDataError",
    "StaleReviewData",
    "delete_with_log",
    "formset_save_with_log",
    "history_load_reference",
    "participation_record",
    "review_group_update",
    "review_groups_load_defaults",
    "review_groups_lock",
    "review_step_record",
    "review_steps_record_rows",
    "review_steps_schedule",
    "reviewer_problems",
    "save_with_log",
    "state_lock",
    "state_review_update",
    "states_load_reference",
]

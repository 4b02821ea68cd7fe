"""Dialogue dates in order, and every allowed and forbidden status change."""

from datetime import datetime, timedelta
from itertools import product

import pytest

from engagement import deadlines
from engagement.models import Dialogue, DialogueStatusChange
from engagement.services.dialogues import dialogue_create, dialogue_dates_errors, dialogue_update
from engagement.workflows.dialogues import TRANSITIONS as DIALOGUE_TRANSITIONS
from engagement.workflows.dialogues import DialogueError, dialogue_transition
from portal.deadlines import VIENNA
from tests.factories import DialogueFactory, UserFactory, WorkingGroupSessionFactory

pytestmark = pytest.mark.django_db
S = Dialogue.Status


def _fields(starts_at, **overrides):
    dates = deadlines.default_dates(starts_at)
    fields = {
        "title": "Constructive dialogue",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=3),
        "format": Dialogue.Format.HYBRID,
        "applications_open_at": dates.applications_open_at,
        "application_deadline": dates.application_deadline,
        "circulation_at": dates.circulation_at,
        "objection_deadline": dates.objection_deadline,
    }
    fields.update(overrides)
    return fields


def test_create_computes_the_cutoff_and_records_the_creation():
    staff = UserFactory()
    starts = datetime(2027, 4, 12, 10, 0, tzinfo=VIENNA)
    dialogue = dialogue_create(by=staff, session=WorkingGroupSessionFactory(), **_fields(starts))
    assert dialogue.status == S.DRAFT
    assert dialogue.confirmation_deadline == datetime(2027, 3, 28, 23, 59, 59, tzinfo=VIENNA)
    assert dialogue.status_changes.get().by == staff


def test_changing_the_date_recomputes_the_cutoff():
    dialogue = DialogueFactory()
    new_start = dialogue.starts_at + timedelta(days=7)
    dialogue_update(
        dialogue.pk, by=None, starts_at=new_start, ends_at=new_start + timedelta(hours=2)
    )
    dialogue.refresh_from_db()
    assert dialogue.confirmation_deadline == deadlines.days_before(new_start, 15)


def test_changing_the_cutoff_period_recomputes_it():
    dialogue = DialogueFactory()
    dialogue_update(dialogue.pk, by=None, confirmation_days_before=20)
    dialogue.refresh_from_db()
    assert dialogue.confirmation_deadline == deadlines.days_before(dialogue.starts_at, 20)


@pytest.mark.parametrize(
    ("field", "shift", "message"),
    [
        (
            "circulation_at",
            -30,
            "The circulation of the list must come after the application deadline.",
        ),
        (
            "objection_deadline",
            -20,
            "The end of the objection window must come after the circulation of the list.",
        ),
        (
            "objection_deadline",
            20,
            "The confirmation cut-off must come after the end of the objection window.",
        ),
        (
            "application_deadline",
            -60,
            "The application deadline must come after applications open.",
        ),
    ],
)
def test_dates_out_of_order_are_named(field, shift, message):
    starts = datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA)
    fields = _fields(starts)
    fields[field] = fields[field] + timedelta(days=shift)
    with pytest.raises(DialogueError) as error:
        dialogue_create(by=None, session=WorkingGroupSessionFactory(), **fields)
    assert str(error.value) == message
    assert Dialogue.objects.count() == 0


def test_dates_errors_lists_each_date_out_of_place():
    starts = datetime(2027, 6, 20, 15, 0, tzinfo=VIENNA)
    fields = _fields(starts, confirmation_days_before=15)
    fields["circulation_at"] = fields["application_deadline"] - timedelta(days=1)
    errors = dialogue_dates_errors(fields)
    assert [field for field, _ in errors] == ["circulation_at"]
    fields["confirmation_days_before"] = 40  # cut-off before the end of the objection window
    assert [field for field, _ in dialogue_dates_errors(fields)] == [
        "circulation_at",
        "confirmation_days_before",
    ]


ALL = list(S.values)


@pytest.mark.parametrize(("source", "target"), list(product(ALL, ALL)))
def test_every_allowed_and_forbidden_transition(source, target):
    dialogue = DialogueFactory(status=source)
    allowed = target in DIALOGUE_TRANSITIONS[source]
    if allowed:
        dialogue_transition(dialogue.pk, target, by=None, reason="Too few applications")
        dialogue.refresh_from_db()
        assert dialogue.status == target
        change = DialogueStatusChange.objects.get(dialogue=dialogue)
        assert (change.from_status, change.to_status) == (source, target)
    else:
        with pytest.raises(DialogueError):
            dialogue_transition(dialogue.pk, target, by=None, reason="x")
        dialogue.refresh_from_db()
        assert dialogue.status == source
        assert not DialogueStatusChange.objects.filter(dialogue=dialogue).exists()


def test_not_convening_needs_a_reason_and_keeps_it():
    dialogue = DialogueFactory(status=S.CLOSED)
    with pytest.raises(DialogueError, match="reason"):
        dialogue_transition(dialogue.pk, S.NOT_CONVENED, by=None, reason="  ")
    dialogue_transition(dialogue.pk, S.NOT_CONVENED, by=None, reason="Only two applications.")
    dialogue.refresh_from_db()
    assert dialogue.not_convened_reason == "Only two applications."


def test_second_identical_transition_is_refused_with_a_clear_message():
    dialogue = DialogueFactory(status=S.OPEN)
    dialogue_transition(dialogue.pk, S.CLOSED, by=None)
    with pytest.raises(DialogueError, match="Applications closed"):
        dialogue_transition(dialogue.pk, S.CLOSED, by=None)
    assert DialogueStatusChange.objects.filter(dialogue=dialogue).count() == 1

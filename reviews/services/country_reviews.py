"""Writes to a State's country review: its group, steps and their dates."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from portal.deadlines import end_of_vienna_day
from portal.page_cache import invalidate_public_pages

from .. import cycle, steps
from ..models import ReviewDataChange, ReviewGroup, ReviewStep, State, TreatyParticipation
from .changes import save_with_log


class ReviewDataError(ValueError):
    """A change the review rules do not allow; the message says why."""


class StaleReviewData(ReviewDataError):
    """The data changed since the page that edits them was shown."""


def state_lock(state: State) -> None:
    """Hold the State's row until the transaction ends: writes to one State's review data
    (and the steps they reschedule) happen one after the other."""
    # no_key: rows that point at the State (steps, reviewers) can still be inserted.
    list(State.objects.select_for_update(no_key=True).filter(pk=state.pk).values_list("pk"))


@transaction.atomic
def review_steps_schedule(state: State) -> int:
    """Give the State the six steps of each of its four phases and set every due date the
    secretariat has not fixed from its group's start. Idempotent. Without a group, steps with
    nothing recorded are removed and the others lose their rule's due date (no group, no
    phase to count from). Returns the number of steps created, changed or removed."""
    state_lock(state)
    existing = {(s.cluster, s.kind): s for s in ReviewStep.objects.filter(state=state)}
    group = state.review_group
    if group is None:
        empty = [
            s.pk
            for s in existing.values()
            if s.done_on is None and not s.due_set_by_secretariat and not s.note
        ]
        ReviewStep.objects.filter(pk__in=empty).delete()
        unset = ReviewStep.objects.filter(state=state, due_set_by_secretariat=False).exclude(
            due_at=None
        )
        cleared = unset.update(due_at=None)
        invalidate_public_pages()  # update() sends no signal
        return len(empty) + cleared
    to_create, to_update = [], []
    for phase in cycle.phases(group.starts_on, group.years_per_cluster):
        self_assessment = existing.get((phase.cluster, "self_assessment"))
        received = self_assessment.done_on if self_assessment else None
        for position, kind in enumerate(steps.STEP_KINDS):
            due = steps.due_at(kind, phase.starts_on, received)
            step = existing.get((phase.cluster, kind))
            if step is None:
                to_create.append(
                    ReviewStep(
                        state=state, cluster=phase.cluster, kind=kind, position=position, due_at=due
                    )
                )
            elif not step.due_set_by_secretariat and step.due_at != due:
                step.due_at = due
                to_update.append(step)
    ReviewStep.objects.bulk_create(to_create)
    ReviewStep.objects.bulk_update(to_update, ["due_at"])
    invalidate_public_pages()  # bulk writes send no signal
    return len(to_create) + len(to_update)


@transaction.atomic
def review_group_update(
    group: ReviewGroup, *, starts_on: date, years_per_cluster: int, note: str, actor
) -> int:
    """Move a review group's start (or length of its phases) and recompute the due dates of
    every State in it. Returns the number of steps changed."""
    if not 1 <= years_per_cluster <= 5:
        raise ReviewDataError(_("A phase lasts between one and five years."))
    group.starts_on, group.years_per_cluster, group.note = starts_on, years_per_cluster, note
    if save_with_log(group, actor=actor, via=ReviewDataChange.Via.FORM) is None:
        return 0
    states = list(group.states.all())
    for state in states:
        state.review_group = group  # one group object for all: no query per State
    moved = sum(review_steps_schedule(state) for state in states)
    if moved:
        ReviewDataChange.objects.create(
            actor=actor,
            subject=_("Due dates of %(group)s recomputed") % {"group": group},
            action="changed",
            changes={"states": ["", str(len(states))], "steps": ["", str(moved)]},
            via=ReviewDataChange.Via.SYSTEM,
        )
    return moved


@transaction.atomic
def review_step_record(
    step: ReviewStep,
    *,
    done_on: date | None,
    due_on: date | None,
    note: str,
    actor,
    via: str,
    reschedule: bool = True,
) -> bool:
    """Record a step's actual date, a due date the secretariat sets (None: back to the rule)
    and a note, on the step as it is in the database now. Recording the self-assessment moves
    the reviewers' feedback due date (unless ``reschedule`` is False: a caller recording many
    steps reschedules each State once at the end). Returns whether anything changed."""
    state_lock(step.state)
    step.refresh_from_db()
    step.done_on, step.note = done_on, note
    if due_on is not None:
        step.due_at, step.due_set_by_secretariat = end_of_vienna_day(due_on), True
    elif step.due_set_by_secretariat:
        step.due_set_by_secretariat = False
    if save_with_log(step, actor=actor, via=via) is None:
        return False
    if reschedule:
        review_steps_schedule(State.objects.select_related("review_group").get(pk=step.state_id))
    return True


@transaction.atomic
def state_review_update(state: State, *, actor, via: str, **values) -> bool:
    """Change a State's regional group, review group, review languages or the source of its
    review data; a new review group reschedules its steps. Returns whether anything changed."""
    state_lock(state)
    unknown = set(values) - STATE_FIELDS
    if unknown:
        raise ReviewDataError(
            _("Not a State field the review data can change: %(fields)s")
            % {"fields": ", ".join(sorted(unknown))}
        )
    languages = values.get("review_languages", state.review_languages)
    if len(languages) > 3:
        raise ReviewDataError(_("A review uses one or two of the six UN languages, at most three."))
    group_before = (
        State.objects.filter(pk=state.pk).values_list("review_group_id", flat=True).first()
    )
    for name, value in values.items():
        setattr(state, name, value)
    if save_with_log(state, actor=actor, via=via) is None:
        return False
    if state.review_group_id != group_before:
        review_steps_schedule(state)
    return True


STATE_FIELDS = {"regional_group", "review_group", "review_languages", "review_source"}


@transaction.atomic
def participation_record(participation: TreatyParticipation, *, actor, via: str) -> bool:
    """Save a party-status row the secretariat entered or corrected: it becomes firmness
    ``secretariat`` and is kept as it is when the reference data is loaded again."""
    state_lock(participation.state)
    participation.firmness = TreatyParticipation.Firmness.SECRETARIAT
    return save_with_log(participation, actor=actor, via=via) is not None


MAX_REVIEWERS = 4  # per State under review (seed 001 L732; seed 002 L416-449)


def too_many_reviewers_message() -> str:
    return _("A State under review has at most four reviewers in all.")


def reviewer_problems(state: State, assignments: list[tuple[State, str]]) -> list[str]:
    """What breaks the fixed rules in a State's list of (reviewer, instrument): a State reviewing
    itself, the same pair twice, more than four reviewers. Empty when all is well."""
    problems = []
    if any(reviewer.pk == state.pk for reviewer, _instrument in assignments):
        problems.append(_("A State does not review itself."))
    pairs = [(reviewer.pk, instrument) for reviewer, instrument in assignments]
    if len(pairs) != len(set(pairs)):
        problems.append(_("The same reviewer is entered twice for one instrument."))
    if len({reviewer.pk for reviewer, _instrument in assignments}) > MAX_REVIEWERS:
        problems.append(too_many_reviewers_message())
    return problems


def review_groups_lock() -> None:
    """Hold the review groups' rows until the transaction ends (their page saves them all)."""
    list(ReviewGroup.objects.select_for_update(no_key=True).values_list("pk"))


@transaction.atomic
def review_steps_record_rows(state: State, rows: list[dict], *, actor, via: str) -> int:
    """Record each row (``step`` id, ``done_on``, ``due_on``, ``note``) on the State's step it
    names; StaleReviewData if a step is no longer the State's. Returns the rows recorded."""
    steps = {step.pk: step for step in ReviewStep.objects.filter(state=state)}
    for row in rows:
        step = steps.get(row["step"])
        if step is None:
            raise StaleReviewData("the State's steps changed since the page was shown")
        review_step_record(
            step,
            done_on=row["done_on"],
            due_on=row["due_on"],
            note=row["note"],
            actor=actor,
            via=via,
        )
    return len(rows)

"""The import of each kind of file: States, parties, reviewers and steps (``IMPORTERS``)."""

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.deadlines import vienna_date

from ..models import (
    REVIEWED_INSTRUMENTS,
    RegionalGroup,
    ReviewerAssignment,
    ReviewGroup,
    ReviewStep,
    State,
    Treaty,
    TreatyParticipation,
    UnLanguage,
)
from ..services.changes import delete_with_log, save_with_log
from ..services.country_reviews import (
    participation_record,
    review_step_record,
    review_steps_schedule,
    reviewer_problems,
    state_review_update,
)
from ..validation import done_on_problem, signature_problem
from .export import _iso, assignment_values, participation_values, state_values, step_values
from .rows import (
    CHANGED,
    CREATED,
    DELETED,
    ERROR,
    UNCHANGED,
    VIA,
    RowResult,
    _diff,
    _Row,
    _states,
    _write,
)


def _states_import(records, actor) -> list[RowResult]:
    states = _states()
    groups = {group.number: group for group in ReviewGroup.objects.all()}
    seen, results = {}, []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3", "country")
        regional_group = row.choice("regional_group", RegionalGroup.values)
        number = None
        if values.get("review_group"):
            number = row.number("review_group", range(1, 4), _("review group must be 1, 2 or 3"))
            if number and number not in groups:
                row.problems.append(_("review group %(n)s does not exist yet") % {"n": number})
        languages = []
        for code in re.split(r"[\s;,]+", values.get("review_languages", "").lower()):
            if code and code not in UnLanguage.values:
                row.problems.append(
                    _("unknown language code '%(code)s': use ar, zh, en, fr, ru or es")
                    % {"code": code}
                )
            elif code and code not in languages:
                languages.append(code)
        if len(languages) > 3:
            row.problems.append(_("at most three review languages"))
        source = row.text("review_source")
        if state:
            row.once(seen, state.pk, state.name)
        result = row.result(state, _("group and languages"))
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {
            "regional_group": regional_group,
            "review_group": str(number or ""),
            "review_languages": " ".join(languages),
            "review_source": source,
        }
        result.changes = _diff(state_values(state), new)
        if result.changes:
            result.outcome = CHANGED
            _write(
                [result],
                state_review_update,
                state,
                actor=actor,
                via=VIA,
                regional_group=regional_group,
                review_group=groups.get(number),
                review_languages=languages,
                review_source=source,
            )
    return results


def _parties_import(records, actor) -> list[RowResult]:
    states = _states()
    existing = {(p.state_id, p.treaty): p for p in TreatyParticipation.objects.all()}
    secretariat = TreatyParticipation.Firmness.SECRETARIAT.value
    seen, results = {}, []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3", "country")
        treaty = row.choice("treaty", Treaty.values)
        signature, consent_date = row.date("signature"), row.date("consent_date")
        if signature_problem(signature, consent_date):
            row.problems.append(signature_problem(signature, consent_date))
        consent_type = row.choice(
            "consent_type", TreatyParticipation.ConsentType.values, upper=False
        )
        source = row.text("source", max_length=2000, required=True)
        if state and treaty in Treaty.values:
            row.once(seen, (state.pk, treaty), f"{state.name} · {treaty}")
        result = row.result(state, treaty)
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {
            "signature": _iso(signature),
            "consent_date": _iso(consent_date),
            "consent_type": consent_type,
            "source": source,
        }
        participation = existing.get((state.pk, treaty))
        if participation is None:
            result.outcome = CREATED
            result.changes = [(column, "", value) for column, value in new.items() if value]
            participation = TreatyParticipation(state=state, treaty=treaty)
        else:
            result.changes = _diff(participation_values(participation), new)
            if not result.changes:
                continue
            result.outcome = CHANGED
            if participation.firmness != secretariat:
                result.changes.append(("status", participation.firmness, secretariat))
        participation.signature_date, participation.consent_date = signature, consent_date
        participation.consent_type, participation.source = consent_type, source
        _write([result], participation_record, participation, actor=actor, via=VIA)
    return results


@dataclass
class _Reviewers:
    """The rows of one State under review, as read."""

    state: State
    rows: list = field(default_factory=list)  # (result, reviewer, instrument, note)


def _reviewers_import(records, actor) -> list[RowResult]:
    states = _states()
    existing: dict[int, dict] = {}
    for assignment in ReviewerAssignment.objects.select_related("reviewer"):
        key = (assignment.reviewer_id, assignment.instrument)
        existing.setdefault(assignment.state_under_review_id, {})[key] = assignment
    groups: dict[int, _Reviewers] = {}
    results = []
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("state_under_review")
        reviewer, instrument = None, ""
        if values.get("reviewer") or values.get("instrument"):
            instrument = row.choice("instrument", [value for value, _label in REVIEWED_INSTRUMENTS])
            reviewer = row.state("reviewer")
        note = row.text("note")
        if state and reviewer:
            row.problems.extend(reviewer_problems(state, [(reviewer, instrument)]))
        item = _("no reviewer")
        if instrument or reviewer:
            item = f"{instrument}: {reviewer.name if reviewer else values.get('reviewer', '')}"
        result = row.result(state, item)
        results.append(result)
        if state:
            groups.setdefault(state.pk, _Reviewers(state)).rows.append(
                (result, reviewer, instrument, note)
            )
    for group in groups.values():
        group_results = [result for result, *_rest in group.rows]
        if any(result.outcome == ERROR for result in group_results):
            # Say what the readable rows would do; the State is not changed.
            group.rows = [row for row in group.rows if row[0].outcome != ERROR]
            _reviewers_replace(group, existing.get(group.state.pk, {}), actor, write=False)
            continue
        wanted = [(reviewer, instrument) for _r, reviewer, instrument, _n in group.rows if reviewer]
        problems = reviewer_problems(group.state, wanted)
        if problems:
            for result in group_results:
                result.fail([f"{group.state.name}: {' '.join(problems)}"])
            continue
        results.extend(_reviewers_replace(group, existing.get(group.state.pk, {}), actor))
    return results


def _reviewers_replace(
    group: _Reviewers, current: dict, actor, *, write: bool = True
) -> list[RowResult]:
    """Replace the State's assignments by the file's (if ``write``); returns the rows of
    deletions."""
    state = group.state
    kept = {(reviewer.pk, instrument) for _r, reviewer, instrument, _n in group.rows if reviewer}
    removed = [a for key, a in current.items() if key not in kept] if write else []
    deletions = [
        RowResult(
            None,
            state.name,
            f"{assignment.instrument}: {assignment.reviewer.name}",
            DELETED,
            [(c, v, "") for c, v in assignment_values(assignment).items() if v],
        )
        for assignment in removed
    ]
    writes = []
    for result, reviewer, instrument, note in group.rows:
        if reviewer is None:
            result.outcome = CHANGED if removed else UNCHANGED
            continue
        assignment = current.get((reviewer.pk, instrument))
        if assignment is None:
            result.outcome = CREATED
            result.changes = [
                ("instrument", "", instrument),
                ("reviewer", "", reviewer.code),
                *([("note", "", note)] if note else []),
            ]
            writes.append(
                ReviewerAssignment(
                    state_under_review=state,
                    reviewer=reviewer,
                    instrument=instrument,
                    note=note,
                    entered_by=actor,
                )
            )
        elif assignment.note != note:
            result.outcome = CHANGED
            result.changes = [("note", assignment.note, note)]
            assignment.note = note
            writes.append(assignment)

    if write and (removed or writes):
        rows = [result for result, *_rest in group.rows] + deletions
        _write(rows, _assignments_replace, removed, writes, actor=actor)
    return deletions


def _assignments_replace(removed: list, writes: list, *, actor) -> None:
    for assignment in removed:
        delete_with_log(assignment, actor=actor, via=VIA)
    for assignment in writes:
        save_with_log(assignment, actor=actor, via=VIA)


def _steps_import(records, actor) -> list[RowResult]:
    states = _states()
    steps = {
        (step.state_id, step.cluster, step.kind): step
        for step in ReviewStep.objects.select_related("state")
    }
    kinds = dict(ReviewStep.Kind.choices)
    seen, results, touched = {}, [], set()
    today = vienna_date(timezone.now())
    for line, values in records:
        row = _Row(line, values, states)
        state = row.state("iso3")
        cluster = row.number("cluster", range(1, 5), _("cluster must be 1, 2, 3 or 4"))
        kind = row.choice("step", list(kinds), upper=False)
        due, done_on = row.date("due"), row.date("done_on")
        if done_on_problem(done_on, today):
            row.problems.append(done_on_problem(done_on, today))
        note = row.text("note")
        step = None
        if state and cluster and kind in kinds:
            step = steps.get((state.pk, cluster, kind))
            if step is None and state.review_group_id is None:
                row.problems.append(
                    _("%(state)s is in no review group, so it has no steps yet")
                    % {"state": state.name}
                )
            elif step is None:
                row.problems.append(
                    _("%(state)s has no step '%(kind)s' in cluster %(cluster)s")
                    % {"state": state.name, "kind": kind, "cluster": cluster}
                )
            row.once(seen, (state.pk, cluster, kind), f"{state.name} · {cluster} · {kind}")
        item = _("cluster %(cluster)s: %(step)s") % {
            "cluster": cluster or values.get("cluster", ""),
            "step": kinds.get(kind, kind),
        }
        result = row.result(state, item)
        results.append(result)
        if result.outcome == ERROR:
            continue
        new = {"due": _iso(due), "done_on": _iso(done_on), "note": note}
        result.changes = _diff(step_values(step), new)
        if result.changes:
            result.outcome = CHANGED
            if _write(
                [result], _step_record, step, done_on=done_on, due_on=due, note=note, actor=actor
            ):
                touched.add(step.state_id)
    # Due dates that follow from recorded dates (the feedback's), once per State at the end.
    for state in State.objects.filter(pk__in=touched).select_related("review_group"):
        review_steps_schedule(state)
    return results


def _step_record(step: ReviewStep, **values) -> None:
    review_step_record(step, via=VIA, reschedule=False, **values)


IMPORTERS = {
    "states": _states_import,
    "parties": _parties_import,
    "reviewers": _reviewers_import,
    "steps": _steps_import,
}

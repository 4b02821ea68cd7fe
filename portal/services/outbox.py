"""The email outbox: every message is a row before it is sent.

``email_queue`` renders and records a message and asks a worker to send it once the
transaction commits. If the broker is unreachable at that moment the request still succeeds:
the row stays queued and the ``emails_send_queued`` sweep sends it later.
"""

import logging
import smtplib
import threading
from contextlib import contextmanager, suppress
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.models import OutboundEmail
from portal.recipients import address_language, offered_language, user_language
from portal.tasking import task_after_commit
from portal.workflows.outbox import email_transition

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A queued row this old has lost its task (broker down, worker killed): the sweep resends it.
STALE_AFTER = timedelta(minutes=2)


def _render(template: str, context: dict, language: str | None) -> tuple[str, str, str]:
    with translation.override(offered_language(language)):
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:  # a text-only message
            html = ""
    return " ".join(subject.split())[:300], text, html


def email_queue(
    *,
    to: str,
    template: str,
    context: dict,
    related=None,
    dedupe_key: str | None = None,
    language: str | None = None,
) -> OutboundEmail | None:
    """Record a message to ``to`` rendered from ``template`` in ``language`` (subject, text
    and HTML) and send it after commit. Without ``language``, the language of the account
    with that address, else English (``portal.recipients``); callers that have the user at
    hand pass ``user_language(user)`` and save the query.

    Returns None, queuing nothing, when a message with the same ``dedupe_key`` exists: this is
    how reminders and notices go out exactly once however often a sweep runs.
    """
    if dedupe_key and OutboundEmail.objects.filter(dedupe_key=dedupe_key).exists():
        return None  # sent before: skip the rendering (the constraint still guards races)
    context = {"portal_url": settings.PORTAL_URL.rstrip("/"), **context}
    if language is None:
        language = address_language(to)
    subject, text, html = _render(template, context, language)
    return email_queue_rendered(
        to=to,
        subject=subject,
        text=text,
        html=html,
        template=template,
        related=related,
        dedupe_key=dedupe_key,
    )


def email_queue_rendered(
    *,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    template: str,
    related=None,
    dedupe_key: str | None = None,
) -> OutboundEmail | None:
    """Record an already rendered message (e.g. by allauth) and send it after commit."""
    fields = {
        "to": to,
        "subject": " ".join(subject.split())[:300],
        "body_text": text,
        "body_html": html,
        "template": template,
        "dedupe_key": dedupe_key,
    }
    if related is not None:
        fields["related_type"] = ContentType.objects.get_for_model(related)
        fields["related_id"] = related.pk
    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(**fields)
    except IntegrityError:
        if dedupe_key and OutboundEmail.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    if _batch.ids is not None:
        _batch.ids.append(email.pk)  # sent together when the batch ends
    else:
        task_after_commit(
            "portal.send_email",
            email_id=email.pk,
            if_not_queued=lambda: _left_for_the_sweep(email.pk),
        )
    return email


def email_each(
    users, *, template: str, context: dict, related=None, dedupe_key: str | None = None
) -> int:
    """Queue one message from ``template`` to each of ``users``, in each one's language (the
    user is ``user`` in the context); with ``dedupe_key``, each person's message goes out once
    (the key gets ``:<user id>``). Returns how many were queued."""
    queued = 0
    for user in users:
        email = email_queue(
            to=user.email,
            template=template,
            context={**context, "user": user},
            related=related,
            dedupe_key=f"{dedupe_key}:{user.pk}" if dedupe_key else None,
            language=user_language(user),
        )
        queued += email is not None
    return queued


class _Batch(threading.local):
    ids: list[int] | None = None


_batch = _Batch()
BATCH_SIZE = 100


@contextmanager
def email_batch():
    """Queue the messages recorded inside the block as a few tasks of ``BATCH_SIZE`` at the
    end, instead of one task each: a sweep that writes hundreds of messages stays fast."""
    if _batch.ids is not None:  # already batching: the outer block sends
        yield
        return
    _batch.ids = []
    try:
        yield
    finally:
        ids, _batch.ids = _batch.ids, None
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            task_after_commit(
                "portal.send_emails",
                email_ids=chunk,
                if_not_queued=lambda chunk=chunk: logger.warning(
                    "%s emails stay queued: the task could not be enqueued", len(chunk)
                ),
            )


def _left_for_the_sweep(email_id: int) -> None:
    """The broker is unreachable: the ``emails_send_queued`` sweep sends the row later."""
    logger.warning("Email %s stays queued: the task could not be enqueued", email_id)


def message_id(email: OutboundEmail) -> str:
    """The Message-ID of a row, the same on every attempt: should a message ever be handed over
    twice (a worker killed between the server's acceptance and the commit), mail systems and
    clients see one message."""
    host = urlsplit(settings.PORTAL_URL).hostname or "localhost"
    return f"<outbox.{email.pk}.{email.created_at:%Y%m%d%H%M%S%f}@{host}>"


def email_send(email_id: int, *, connection=None) -> OutboundEmail | None:
    """Send one queued message; a second call for the same row sends nothing.

    The row is locked while it is sent, so two workers cannot both send it, and the send and
    the "sent" mark commit together: a worker killed before the commit leaves the row queued
    for the next one. ``connection`` is an open mail connection to reuse (a batch keeps one,
    so that nothing is said to the server between its acceptance of a message and the commit).
    Raises the SMTP error after recording it (the task retries); after ``MAX_ATTEMPTS`` the row
    is failed.
    """
    if connection is None:  # closed (QUIT) only after the commit below
        with mail_connection() as connection:
            return email_send(email_id, connection=connection)
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update()
            .filter(pk=email_id, status=OutboundEmail.Status.QUEUED)
            .first()
        )
        if email is None:
            return None
        email.attempts += 1
        email.last_attempt_at = timezone.now()
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to],
            headers={"Message-ID": message_id(email)},
            connection=connection,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        failure, fields = None, ["attempts", "last_attempt_at", "last_error"]
        try:
            message.send()
        except Exception as error:
            failure = error
            email.last_error = f"{error.__class__.__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                fields += email_transition(email, OutboundEmail.Status.FAILED)
        else:
            email.last_error = ""
            fields += email_transition(email, OutboundEmail.Status.SENT)
        email.save(update_fields=fields)
    # Raised after the commit that recorded the attempt, so the task can retry.
    if failure is not None and email.status == OutboundEmail.Status.QUEUED:
        raise failure
    return email


@contextmanager
def mail_connection():
    """An open connection to the mail server, closed when the block ends (after the commits
    inside it). If it cannot be opened, each send connects itself and records the error."""
    connection = get_connection()
    with suppress(smtplib.SMTPException, OSError):
        connection.open()
    try:
        yield connection
    finally:
        with suppress(smtplib.SMTPException, OSError):
            connection.close()


def emails_send(email_ids) -> tuple[int, int]:
    """Send queued rows one by one over one SMTP connection; return (sent, failed).

    Nothing passes between the server's acceptance of a message and the commit that marks it
    sent (no QUIT, no next command), so a worker killed at any point of the conversation
    leaves every accepted message marked sent and every other one queued. A row that fails
    stays queued (or becomes failed after its last attempt) for the sweep; the connection is
    then opened afresh for the next row.
    """
    sent = failed = 0
    with mail_connection() as connection:
        for email_id in email_ids:
            with suppress(smtplib.SMTPException, OSError):
                connection.open()  # a no-op while open; else email_send records the error
            try:
                email = email_send(email_id, connection=connection)
            except Exception as error:
                if not isinstance(error, smtplib.SMTPException | OSError):
                    logger.exception("Email %s could not be sent", email_id)
                failed += 1
                with suppress(smtplib.SMTPException, OSError):
                    connection.close()
                continue
            sent += bool(email and email.status == OutboundEmail.Status.SENT)
    return sent, failed


def email_resend(email_id: int) -> OutboundEmail:
    """Put a failed message back in the queue (staff action) and send it after commit."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update().get(pk=email_id)
        email.save(update_fields=email_transition(email, OutboundEmail.Status.QUEUED))
        task_after_commit(
            "portal.send_email",
            email_id=email.pk,
            if_not_queued=lambda: _left_for_the_sweep(email.pk),
        )
    return email


def emails_send_queued(now=None) -> dict:
    """Sweep: send every queued message whose task was lost (older than ``STALE_AFTER``).

    Sends in-process, row by row under ``email_send``'s lock, so running it twice, or beside a
    worker, never sends a message twice.
    """
    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    stale = OutboundEmail.objects.filter(
        Q(last_attempt_at__isnull=True) | Q(last_attempt_at__lte=cutoff),
        status=OutboundEmail.Status.QUEUED,
        created_at__lte=cutoff,
    )
    sent, failed = emails_send(list(stale.values_list("pk", flat=True).order_by("pk")[:500]))
    return {"sent": sent, "errors": failed}

"""Emails and calendar feeds in the recipient's language, English without a choice.

The tests add a small Russian catalogue of their own (``LOCALE_PATHS``) holding the real
msgids of the messages they send: the project's Russian translations where the catalogue has
them, else stand-ins with the glossary's terms ("Бюро" for Bureau). They also record the
language active while each message renders.
"""

import ast
import struct
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

from engagement.services.notifications import notify_applicants, notify_bureau
from portal.adapters import PortalAccountAdapter
from portal.models import OutboundEmail, Role
from portal.recipients import address_language, in_language_of, user_language
from portal.services import outbox
from tests.factories.engagement import ApplicationFactory, MembershipFactory
from tests.factories.portal import UserFactory, grant_role

pytestmark = pytest.mark.django_db
TEST_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
SIX = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
BUREAU_NOTICE = [
    "Objection referred to the Bureau: %(org)s",
    "A State party objected to %(org)s applying to “%(title)s”. The matter is referred to the "
    "Bureau for a decision.",
    "Referred applications:",
]
RUSSIAN = {
    "Objection referred to the Bureau: %(org)s": "Возражение передано Бюро: %(org)s",
    "A State party objected to %(org)s applying to “%(title)s”. The matter is referred to the "
    "Bureau for a decision.": "Государство-участник возразило против заявки %(org)s на участие "
    "в «%(title)s». Вопрос передан на решение Бюро.",
    "Referred applications:": "Переданные заявки:",
    "Application received: %(title)s": "Заявка получена: %(title)s",
    "My deadlines (UNTOC engagement portal)": "Мои сроки на портале",
}


def po_translations(path: Path) -> dict[str, str]:
    """The translated, not fuzzy, singular entries of a .po file."""
    entries, fields, fuzzy, current = {}, {}, False, None

    def close():
        if fields.get("msgstr") and not fuzzy and "msgid_plural" not in fields:
            entries[fields["msgid"]] = fields["msgstr"]

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            close()
            fields, fuzzy, current = {}, False, None
        elif line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
        elif line.startswith(("msgid", "msgstr", "msgid_plural")):
            current, _space, literal = line.partition(" ")
            fields[current] = ast.literal_eval(literal)
        elif line.startswith('"') and current:
            fields[current] += ast.literal_eval(line)
    return entries


def write_mo(path: Path, messages: dict[str, str]) -> None:
    """A GNU gettext catalogue (.mo) of ``messages``, as msgfmt writes it."""
    entries = sorted((k.encode(), v.encode()) for k, v in {"": "", **messages}.items())
    entries[0] = (b"", b"Content-Type: text/plain; charset=UTF-8\n")
    header = 7 * 4
    ids_at, strs_at = header, header + 8 * len(entries)
    data_at = strs_at + 8 * len(entries)
    ids, strs, table_ids, table_strs = b"", b"", [], []
    for msgid, _msgstr in entries:
        table_ids.append((len(msgid), data_at + len(ids)))
        ids += msgid + b"\0"
    for _msgid, msgstr in entries:
        table_strs.append((len(msgstr), data_at + len(ids) + len(strs)))
        strs += msgstr + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, len(entries), ids_at, strs_at, 0, 0)
    out += b"".join(struct.pack("<2I", *item) for item in table_ids + table_strs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out + ids + strs)


@pytest.fixture(autouse=True)
def six_languages(settings, tmp_path):
    """Six languages and the test catalogue (Django's setting_changed handler reloads the
    catalogues when LOCALE_PATHS changes, and again when the fixture restores it)."""
    # The Bureau's notice in the project's own Russian once translated (the glossary's term).
    project = po_translations(settings.BASE_DIR / "locale" / "ru" / "LC_MESSAGES" / "django.po")
    messages = RUSSIAN | {msgid: project[msgid] for msgid in BUREAU_NOTICE if msgid in project}
    write_mo(tmp_path / "ru" / "LC_MESSAGES" / "django.mo", messages)
    settings.LANGUAGES = SIX
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]


@pytest.fixture
def languages_rendered(monkeypatch):
    """The language active at each render of a message, in order."""
    seen = []
    render = outbox.render_to_string

    def recording(template, context):
        seen.append((template, translation.get_language()))
        return render(template, context)

    monkeypatch.setattr(outbox, "render_to_string", recording)
    return seen


def test_an_email_to_a_user_who_chose_russian_is_in_russian(languages_rendered):
    application = ApplicationFactory(organization__name="Amani Trust")
    bureau = UserFactory(language="ru")
    grant_role(bureau, Role.BUREAU)
    with translation.override("en"):  # whoever acts, in whatever language
        notify_bureau(application)
    email = OutboundEmail.objects.get(to=bureau.email)
    assert "Бюро" in email.subject and "Amani Trust" in email.subject  # the glossary's term
    assert "Бюро" in email.body_text
    assert "Bureau" not in email.subject + email.body_text
    assert "referred" not in email.subject + email.body_text
    rendered = [language for template, language in languages_rendered if "referral" in template]
    assert rendered and set(rendered) == {"ru"}  # subject, text (and HTML where one exists)


def test_each_recipient_gets_their_own_language_and_english_without_a_choice(
    languages_rendered,
):
    users = [
        UserFactory(email="ru@example.org", language="ru"),
        UserFactory(email="none@example.org", language=""),
        UserFactory(email="gone@example.org", language="xx"),  # no longer offered
        UserFactory(email="ar@example.org", language="ar"),
    ]
    with translation.override("fr"):
        queued = outbox.email_each(users, template="emails/test/notice", context={"name": "A"})
    assert queued == 4
    by_template = {}
    for template, language in languages_rendered:
        by_template.setdefault(template, []).append(language)
    expected = ["ru", "en", "en", "ar"]
    assert by_template == {
        "emails/test/notice_subject.txt": expected,
        "emails/test/notice.txt": expected,
        "emails/test/notice.html": expected,
    }
    assert translation.get_language() == "en"  # the caller's language is back afterwards


def test_an_organization_address_without_an_account_is_written_to_in_english():
    member = MembershipFactory(user__language="ru")
    application = ApplicationFactory(organization=member.organization)
    application.dialogue.title = "Dialogue"
    notify_applicants(application, "application_received")
    subjects = dict(OutboundEmail.objects.values_list("to", "subject"))
    assert subjects == {
        member.user.email: "Заявка получена: Dialogue",
        member.organization.email: "Application received: Dialogue",
    }


def test_a_message_without_a_language_goes_in_the_language_of_the_address(languages_rendered):
    UserFactory(email="olga@example.org", language="ru")
    outbox.email_queue(to="Olga@example.org", template="emails/test/notice", context={"name": "O"})
    outbox.email_queue(to="x@example.org", template="emails/test/notice", context={"name": "X"})
    assert [language for _template, language in languages_rendered] == 3 * ["ru"] + 3 * ["en"]


def test_the_language_of_an_address_is_its_account_s(django_assert_num_queries):
    UserFactory(email="Olga@Example.org", language="ru")
    with django_assert_num_queries(1):
        assert address_language(" olga@example.org") == "ru"
    assert address_language("nobody@example.org") == "en"
    assert user_language(None) == "en"


def test_account_emails_follow_the_account_s_language(languages_rendered):
    user = UserFactory(language="ru")
    adapter = PortalAccountAdapter()
    seen = []

    def render_mail(template_prefix, email, context):
        seen.append(translation.get_language())
        return type("Message", (), {"subject": "s", "body": "b", "alternatives": []})()

    adapter.render_mail = render_mail
    adapter.send_mail("account/email/password_reset_key", user.email, {"user": user})
    adapter.send_mail("account/email/unknown_account", "stranger@example.org", {})
    # A new address to confirm has no account yet: the message is about the user's account.
    adapter.send_mail("account/email/email_confirmation", "new@example.org", {"user": user})
    assert seen == ["ru", "en", "ru"]
    assert OutboundEmail.objects.count() == 3


def test_the_personal_calendar_is_in_its_owner_s_language():
    owner = UserFactory(language="ru")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")  # a calendar app that asks for English
    body = client.get(f"/calendar/{owner.calendar_token}.ics").content.decode()
    assert "X-WR-CALNAME:Мои сроки на портале" in body
    with in_language_of(owner):
        assert translation.get_language() == "ru"

"""The catalogues are complete: every marked string of the code is in each of the five, each
translated, none fuzzy, and msgfmt accepts them. Fails while a translation is missing."""

import shutil
import subprocess
import sys

import pytest
from django.conf import settings

from tests.i18n.catalogues import CATALOGUES, DOMAINS, po_path, read_po

pytestmark = pytest.mark.translations

LOCALES = sorted(CATALOGUES)
# The arguments of `make messages` (Makefile), for both domains.
MAKEMESSAGES = [
    *(arg for locale in LOCALES for arg in ("-l", locale)),
    "--ignore=.venv",
    "--ignore=tests",
    "--ignore=bench",
    "--ignore=var",
    "--ignore=static/vendor",
    "--add-location=file",
    "--no-wrap",
    "--no-obsolete",
]


def _existing(locale, domain):
    path = po_path(locale, domain)
    if domain == "djangojs" and not path.exists():
        pytest.skip(f"no {domain} catalogue for {locale} yet (see test_catalogue_holds_...)")
    return path


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_entry_is_translated_and_none_is_fuzzy(locale, domain):
    entries = read_po(_existing(locale, domain))
    assert entries, "an empty catalogue"
    assert [e.msgid for e in entries if e.fuzzy] == []
    assert [e.msgid for e in entries if not e.translated] == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", LOCALES)
def test_msgfmt_accepts_the_catalogue(locale, domain):
    path = _existing(locale, domain)
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """What `make messages` would extract now, run in a copy of the project (never into the
    catalogues themselves): {(domain, locale): set of (msgctxt, msgid)}."""
    copy = tmp_path_factory.mktemp("messages") / "project"
    base = settings.BASE_DIR
    shutil.copytree(
        base,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "var", "tests", "bench", "*.mo", "*.pyc"),
    )
    for domain in DOMAINS:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-d", domain, *MAKEMESSAGES, "-v", "0"],
            cwd=copy,
            check=True,
            capture_output=True,
            env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": "/usr/bin:/bin"},
        )
    found = {}
    for domain in DOMAINS:
        for locale in LOCALES:
            path = po_path(locale, domain, root=copy / "locale")
            found[domain, locale] = {e.key for e in read_po(path)} if path.exists() else set()
    return found


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_holds_every_string_the_code_marks(extracted, locale, domain):
    wanted = extracted[domain, locale]
    path = po_path(locale, domain)
    have = {e.key for e in read_po(path)} if path.exists() else set()
    missing = sorted(msgid for _ctx, msgid in wanted - have)
    assert missing == [], f"{len(missing)} strings missing from {path}; run `make messages`"

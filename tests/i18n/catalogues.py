"""Reading the catalogues (locale/<language>/LC_MESSAGES/<domain>.po) for the tests."""

import ast
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

# The catalogues' folder names (gettext's locale names) and the portal's language codes.
CATALOGUES = {"ar": "ar", "zh_Hans": "zh-hans", "fr": "fr", "ru": "ru", "es": "es"}
DOMAINS = ("django", "djangojs")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr)


def po_path(locale: str, domain: str = "django", root: Path | None = None) -> Path:
    root = root or settings.BASE_DIR / "locale"
    return root / locale / "LC_MESSAGES" / f"{domain}.po"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, without its header (the entry with an empty msgid)."""
    entries, entry, target = [], Entry(), None

    def finish():
        nonlocal entry
        if entry.msgid or entry.msgctxt is not None:
            entries.append(entry)
        entry = Entry()

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            finish()
            target = None
        elif line.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if target == "msgstr":
                entry.msgstr[-1] += value
            else:
                setattr(entry, target, getattr(entry, target) + value)
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword.startswith("msgstr"):
                entry.msgstr.append(value)
                target = "msgstr"
            else:
                if keyword == "msgctxt" and (entry.msgid or entry.msgstr):
                    finish()
                setattr(entry, keyword, value)
                target = keyword
    finish()
    return entries


PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[sd]|\{[^}]*\}|<[^>]+>")


def english_sentences(locale: str) -> set[str]:
    """The English text of every msgid of three words or more that the catalogue translates
    differently, each part between placeholders or tags kept if it still has three words."""
    sentences = set()
    for entry in read_po(po_path(locale)):
        if entry.msgstr and entry.msgstr[0] == entry.msgid:
            continue
        for part in PLACEHOLDER.split(entry.msgid):
            text = " ".join(html.unescape(part or "").split())
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 3:
                sentences.add(text)
    return sentences

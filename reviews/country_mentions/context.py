"""The rules that decide, from the words around it, whether a match names a State.

Each rule belongs to a flag of the form (``lexicon.FLAGS``) and reads the original text, so
capitals and punctuation count:

- ``cap``: "Turkey", "Chad", "Guinea", "China", "Chile" are States only when capitalized;
  "turkey", "chad", "guinea pig", "fine china" are not. All capitals ("TURKEY") count.
- ``as-written``: "US", "EU", "DRC", "США" only in capitals ("us", "eu" are words).
- ``person``: a form that is also a given name (Georgia, Jordan, Chad; Dominique and Maurice
  in French) is a person's name when the next word, after one space, is a capitalized word
  that is not part of any State's name nor an institution's ("Georgia Smith", "Georgia
  O'Keeffe", "Jordan Peterson" are people; "Georgia Police", "Republic of Georgia", "Georgia,"
  and "Georgia's" are the State), or when the word before is a title (Mr, Ms, Dr, ...) or a
  capitalized word inside a sentence that is not part of a State's name ("Michael Jordan").
  A lone first name at the start of a sentence ("Jordan said") reads as the State.
- ``language``: a demonym that is also a language's name does not count where it names the
  language: in English when no noun follows it ("in French.", "French and Spanish", "the
  Russian version", "Russian-speaking"), in French and Spanish after "en", an article or a
  word such as "langue"/"idioma" ("en français", "el español", "version française"), in
  Russian before "язык..." or after "на"/"с"/"по" with no noun following ("на французском"),
  in Arabic after "اللغة" or as "بالفرنسية". "The French authorities", "les autorités
  françaises", "российские власти" count.
- ``cue``: Arabic "مالي" is also "financial"; it counts as Mali only after a preposition or a
  word such as "جمهورية" or "حكومة", or with ب/ل attached (بمالي، لمالي).
- ``initial``: Russian "Того" is also "of that": not at the start of a sentence.
- Arabic article: a name written without the article (كينيا، مالي) does not take one, so
  "المالي" is not Mali; a name written with it (السودان) may drop it after a prefix.
- Chinese: a name followed by "语" is a language ("西班牙语" is Spanish, not Spain).
"""

import re

from reviews.country_mentions.folding import compact, fold_key

SENTENCE_END = ".!?:;\n\r•…"
OPENERS = " \t\"“”«»‘'([{"

NEXT_WORD = re.compile(r"([^\w]*?)(\w[\w'’]*)")
PREVIOUS_WORD = re.compile(r"(\w[\w'’]*)([^\w]*)$")

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "judge", "senator", "sir",
          "madam", "dame", "lord", "lady", "m", "mme", "mlle", "sr", "sra", "srta", "don",
          "dona", "saint", "st"}  # fmt: skip
FUNCTION_WORDS = {"in", "of", "the", "and", "or", "for", "from", "to", "by", "with", "on", "at",
                  "as", "a", "an", "en", "de", "du", "des", "la", "le", "les", "el", "los",
                  "las", "y", "et", "ou", "o", "au", "aux", "del", "al", "when", "while",
                  "if", "but", "that", "this", "these", "those", "also", "both", "between",
                  "against", "into", "across", "within", "without", "since", "after", "before",
                  "like", "unlike", "including", "except", "per", "via", "toward", "towards",
                  "entre", "dans", "sur", "pour", "par", "avec", "sans", "contre", "sobre",
                  "para", "por", "con", "sin", "contra", "hacia", "desde", "hasta"}  # fmt: skip
INSTITUTION_WORDS = {"government", "police", "ministry", "minister", "parliament", "army",
                     "armed", "forces", "court", "courts", "supreme", "national", "constitution",
                     "constitutional", "criminal", "penal", "code", "act", "law", "laws",
                     "prosecutor", "prosecution", "border", "borders", "customs", "coast",
                     "guard", "navy", "airways", "office", "agency", "service", "services",
                     "authority", "authorities", "commission", "council", "institute", "bank",
                     "people", "valley", "river", "basin", "sea", "region", "province",
                     "delegation", "mission", "embassy", "president", "prime", "foreign",
                     "interior", "justice", "legislation", "senate", "assembly", "cabinet",
                     "state", "states", "federal", "central", "ngo", "ngos", "civil",
                     "society", "today", "report", "reports", "case", "cases", "gouvernement",
                     "gobierno", "policia", "ministere", "ministerio"}  # fmt: skip

ENGLISH_NOT_A_NOUN = {"and", "or", "nor", "but", "is", "are", "was", "were", "be", "been",
                      "being", "by", "for", "of", "to", "in", "into", "on", "at", "with", "as",
                      "from", "the", "a", "an", "that", "which", "who", "has", "have", "had",
                      "will", "would", "can", "could", "may", "might", "should", "must", "than",
                      "language", "languages", "version", "versions", "translation",
                      "translations", "translator", "translators", "text", "texts", "speaking",
                      "speaker", "speakers", "original", "originals", "edition", "editions",
                      "interpretation", "interpreter", "interpreters", "word", "words",
                      "term", "terms", "spelling", "course", "courses", "lesson", "lessons",
                      "teacher", "teachers", "grammar", "dictionary", "name", "names",
                      "title", "titles", "booth", "channel", "subtitles", "only"}  # fmt: skip
LANGUAGE_CUES_BEFORE = {
    "fr": {"en", "le", "l", "du", "au", "vers", "langue", "langues", "version", "versions",
           "texte", "textes", "traduction", "traductions", "traduit", "traduite", "traduits",
           "interpretation", "original", "originale", "parle", "parlent", "parler"},
    "es": {"en", "el", "del", "al", "idioma", "idiomas", "lengua", "lenguas", "version",
           "versiones", "texto", "textos", "traduccion", "traducciones", "traducido",
           "traducida", "interpretacion", "original", "habla", "hablan", "hablar"},
    "ru": {"на", "с", "со", "по"},
    "ar": {"اللغه", "باللغه", "للغه", "لغه", "واللغه", "وباللغه"},
}  # fmt: skip
ARABIC_CUES = {"في", "من", "الي", "عن", "علي", "مع", "حكومه", "جمهوريه", "دوله", "شعب", "سلطات",
               "شمال", "جنوب", "وسط", "غرب", "شرق", "بين", "وفي", "ومن", "والي", "داخل",
               "خارج"}  # fmt: skip


def sentence_initial(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in OPENERS:
        index -= 1
    return index < 0 or text[index] in SENTENCE_END


def next_word(text: str, end: int) -> tuple[str, str] | tuple[None, None]:
    match = NEXT_WORD.match(text, end, min(len(text), end + 80))
    return (match.group(1), match.group(2)) if match else (None, None)


def previous_word(text: str, start: int) -> tuple[str, str, int] | tuple[None, None, int]:
    match = PREVIOUS_WORD.search(text, max(0, start - 80), start)
    if not match:
        return None, None, start
    return match.group(1).rstrip("'’"), match.group(2), match.start(1)


def _plain_gap(gap: str | None) -> bool:
    return gap is not None and gap != "" and gap.strip(" \t") == ""


def _capitalized_name(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def reads_as_person(text: str, start: int, end: int, state_words: frozenset[str]) -> bool:
    gap, word = next_word(text, end)
    if word and _plain_gap(gap) and _capitalized_name(word) and fold_key(word) not in state_words:
        return True
    word, gap, word_start = previous_word(text, start)
    if word and _plain_gap(gap) and word[0].isupper():
        key = fold_key(word).rstrip(".")
        if key in TITLES:
            return True
        if (
            not word.isupper()
            and key not in state_words
            and key not in FUNCTION_WORDS
            and not sentence_initial(text, word_start)
        ):
            return True
    return False


PERSON_DETERMINERS = {"a", "an", "one", "each", "every", "another", "any", "no"}


def names_a_language(
    language: str, text: str, start: int, end: int, match, word_start: int
) -> bool:
    gap, word = next_word(text, end)
    if language == "en":
        before, before_gap, _ = previous_word(text, start)
        if before and _plain_gap(before_gap) and fold_key(before) in PERSON_DETERMINERS:
            return False  # "a Samoan", "one Russian": a person
        if word is None or gap.strip(" \t-") or "\n" in gap:
            return True
        return fold_key(word) in ENGLISH_NOT_A_NOUN
    before, before_gap, _ = previous_word(text, word_start)
    cue_before = before is not None and fold_key(before) in LANGUAGE_CUES_BEFORE.get(language, ())
    cue_before = cue_before and before_gap.strip(" \t'’") == ""
    if language in ("fr", "es"):
        return cue_before
    if language == "ru":
        if word is not None and fold_key(word).startswith("язык"):
            return True
        no_noun = word is None or gap.strip(" \t") != "" or fold_key(word) in {"и", "или"}
        return cue_before and no_noun
    if language == "ar":
        if cue_before:
            return True
        groups = match.groupdict()
        return (
            (groups.get("prefix") or "").endswith("ب")
            and groups.get("article") == "ال"
            and groups["key"].endswith("ه")
        )
    return False


def arabic_article_fits(reading, match) -> bool:
    prefix, article = match.group("prefix"), match.group("article")
    if article and reading.article == "forbidden":
        return False
    return not (article == "ل" and not prefix.endswith("ل"))


def arabic_cue(text: str, start: int, match) -> bool:
    if match.group("prefix") in {"ب", "ل", "وب", "ول", "فب", "فل"}:
        return True
    word, gap, _ = previous_word(text, start)
    if word is None or gap.strip():
        return False
    key = fold_key(word)
    return key in ARABIC_CUES or (key[:1] in "وف" and key[1:] in ARABIC_CUES)


def accepts(reading, script, text, start, end, match, state_words, word_start) -> bool:
    """Whether the match at ``text[start:end]`` names a State, by the reading's flags;
    ``word_start`` is where the word begins with any attached Arabic prefix."""
    flags = reading.flags
    written = text[start:end]
    if "as-written" in flags and compact(written) not in reading.written:
        return False
    if "cap" in flags and not written[:1].isupper():
        return False
    if "initial" in flags and sentence_initial(text, start):
        return False
    if "person" in flags and reads_as_person(text, start, end, state_words):
        return False
    if script == "arabic":
        if not arabic_article_fits(reading, match):
            return False
        if "cue" in flags and not arabic_cue(text, word_start, match):
            return False
    if script == "han" and text[end : end + 1] == "语":
        return False
    if "language" in flags:
        return not any(
            names_a_language(language, text, start, end, match, word_start)
            for language in reading.rule_languages
        )
    return True

"""The Russian case forms of a State's name, from its nominative and genitive.

Russian declines names: "Кения" is "в Кении", "с Кенией", "в Кению"; "Нидерланды" is "из
Нидерландов", "в Нидерландах". The State-name table holds the nominative and genitive of every
name (and the dative); each word's declension class follows from that pair, and the other
cases from the class, by the standard paradigms of Russian grammar. Words that keep one form
(indeclinable names such as "Перу", "Конго", or a genitive attribute such as "Великобритании"
in "Соединенное Королевство Великобритании ...") stay as they are.

Where the genitive is not known (a name added in ``fixtures/country_mentions/ru.csv`` without
one), a single word's class is guessed from its ending; a name of several words gives its
genitive there ("Южная Корея/Южной Кореи").

The cases are nominative, genitive, dative, accusative, instrumental (both endings:
"Кенией", "Кениею") and prepositional; the words of a name are declined in step.
"""

import re

# The endings of an adjective of nationality, all genders, numbers and cases.
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "ое", "ие", "ые", "ого", "ому", "им", "ым", "ом",
                     "ую", "их", "ых", "ими", "ыми", "ою", "ей")  # fmt: skip
HUSHING = "жшчщц"


def _word_cases(nom: str, gen: str | None) -> tuple[str, ...]:
    """One word's forms in case order: nominative, genitive, dative, accusative,
    instrumental, prepositional, and a second instrumental ("Кенией"/"Кениею")."""
    if gen is None:
        gen = _guess_genitive(nom)
    if gen == nom:
        return (nom,) * 7
    if nom.endswith("ия") and gen.endswith("ии"):
        s = nom[:-1]
        return (nom, gen, s + "и", s + "ю", s + "ей", s + "и", s + "ею")
    if nom.endswith("ая") and gen.endswith("ой"):
        s = nom[:-2]
        return (nom, gen, s + "ой", s + "ую", s + "ой", s + "ой", s + "ою")
    if nom[-2:] in ("ое", "ый", "ий", "ой") and gen.endswith("ого"):
        s = nom[:-2]
        instrumental = s + ("им" if s[-1:] in "кгх" + HUSHING else "ым")
        return (nom, gen, s + "ому", nom, instrumental, s + "ом", instrumental)
    if nom[-2:] in ("ые", "ие") and gen[-2:] in ("ых", "их"):
        s, vowel = nom[:-2], nom[-2]
        return (nom, gen, s + vowel + "м", nom, s + vowel + "ми", gen, s + vowel + "ми")
    if nom.endswith("ы") and gen.endswith("ых"):  # Маршалловы, Соломоновы
        s = nom[:-1]
        return (nom, gen, s + "ым", nom, s + "ыми", gen, s + "ыми")
    if nom[-1:] in ("ы", "и", "а") and gen[-2:] in ("ов", "ев"):  # Нидерланды, Острова
        s = gen[:-2]
        return (nom, gen, s + "ам", nom, s + "ами", s + "ах", s + "ами")
    if nom[-1:] in ("ы", "и") and gen == nom[:-1]:  # Филиппины -> Филиппин
        return (nom, gen, gen + "ам", nom, gen + "ами", gen + "ах", gen + "ами")
    if nom.endswith("я") and gen.endswith("и"):  # Гвинея
        s = nom[:-1]
        return (nom, gen, s + "е", s + "ю", s + "ей", s + "е", s + "ею")
    if nom.endswith("а") and gen[-1:] in ("ы", "и"):  # Ангола, Шри-Ланка, Польша
        s = nom[:-1]
        vowel = "е" if s[-1:] in HUSHING else "о"
        return (nom, gen, s + "е", s + "у", s + vowel + "й", s + "е", s + vowel + "ю")
    if nom.endswith("ь") and gen.endswith("и"):  # Беларусь
        return (nom, gen, gen, nom, nom[:-1] + "ью", gen, nom[:-1] + "ью")
    if nom[-1:] in ("ь", "й") and gen.endswith("я"):  # Израиль, Китай, Маврикий
        s = nom[:-1]
        prepositional = s + ("и" if nom.endswith("ий") else "е")
        return (nom, gen, s + "ю", nom, s + "ем", prepositional, s + "ем")
    if gen.endswith("а"):  # Кипр, Египет -> Египта, Королевство
        s = gen[:-1]
        instrumental = s + ("ем" if s[-1:] in HUSHING else "ом")
        return (nom, gen, s + "у", nom, instrumental, s + "е", instrumental)
    return (nom, gen, gen, nom, nom, gen, nom)


def _guess_genitive(nom: str) -> str:
    if nom.endswith("ия"):
        return nom[:-1] + "и"
    if nom.endswith("ая"):
        return nom[:-2] + "ой"
    if nom.endswith("я"):
        return nom[:-1] + "и"
    if nom.endswith("а"):
        return nom[:-1] + ("и" if nom[-2:-1] in "гкхжшчщ" else "ы")
    if nom.endswith("й"):
        return nom[:-1] + "я"
    if nom[-1:] in "бвгджзклмнпрстфхцчшщ":
        return nom + "а"
    return nom  # a vowel other than а/я, or a soft sign: keep as written


def adjective_stem(lemma: str) -> str:
    """The stem of an adjective of nationality given as its masculine nominative
    ("кенийский" -> "кенийск"); any of ``ADJECTIVE_ENDINGS`` follows it."""
    return lemma[:-2] if lemma[-2:] in ("ий", "ый", "ой") else lemma


ADJECTIVE_END = re.compile(
    "(?:" + "|".join(sorted(ADJECTIVE_ENDINGS, key=len, reverse=True)) + ")$"
)


def adjective_stem_of(word: str) -> str | None:
    """The stem a declined adjective may have ("кенийского" -> "кенийск"), or None."""
    match = ADJECTIVE_END.search(word)
    return word[: match.start()] if match else None


def name_forms(nom: str, gen: str | None = None, dat: str | None = None) -> set[str]:
    """Every case form of a name of one or more words, the words declined in step
    ("Южная Африка" -> "Южной Африки", "Южную Африку", "Южной Африкой", ...)."""
    nom_words = nom.replace("-", " - ").split()
    gen_words = gen.replace("-", " - ").split() if gen else None
    if gen_words is not None and len(gen_words) != len(nom_words):
        gen_words = None
    known = {nom} | ({gen} if gen else set()) | ({dat} if dat else set())
    if gen_words is None and len(nom_words) > 1:
        return known
    per_word = [
        ("-",) * 7 if word == "-" else _word_cases(word, gen_words[i] if gen_words else None)
        for i, word in enumerate(nom_words)
    ]
    cases = {" ".join(forms[case] for forms in per_word) for case in range(7)}
    return known | {form.replace(" - ", "-") for form in cases}

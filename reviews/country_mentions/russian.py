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

The cases are nominative, genitive, dative, accusative, instrumental, prepositional. A few
spare forms that no case uses (a second instrumental ending) cost nothing: they only ever
match a word of the same stem.
"""

# The endings of an adjective of nationality, all genders, numbers and cases.
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "ое", "ие", "ые", "ого", "ому", "им", "ым", "ом",
                     "ую", "их", "ых", "ими", "ыми", "ою", "ей")  # fmt: skip


def _word_forms(nom: str, gen: str | None) -> set[str]:
    """Every case form of one word of a name, given its nominative and (if known) genitive."""
    if gen is None:
        gen = _guess_genitive(nom)
    if gen == nom:
        return {nom}
    forms = {nom, gen}
    if nom.endswith("ия") and gen.endswith("ии"):
        stem = nom[:-1]
        forms |= {stem + e for e in ("и", "ю", "ей", "ею")}
    elif nom.endswith("ая") and gen.endswith("ой"):
        stem = nom[:-2]
        forms |= {stem + e for e in ("ой", "ую", "ою")}
    elif nom[-2:] in ("ое", "ый", "ий", "ой") and gen.endswith("ого"):
        stem = nom[:-2]
        forms |= {stem + e for e in ("ого", "ому", "ым", "им", "ом")}
    elif nom[-2:] in ("ые", "ие") and gen[-2:] in ("ых", "их"):
        stem = nom[:-2]
        vowel = nom[-2]
        forms |= {stem + vowel + e for e in ("х", "м", "ми")}
    elif nom.endswith("ы") and gen.endswith("ых"):  # Маршалловы, Соломоновы
        stem = nom[:-1]
        forms |= {stem + e for e in ("ых", "ым", "ыми")}
    elif nom[-1:] in ("ы", "и", "а") and gen[-2:] in ("ов", "ев"):  # Нидерланды, Острова
        stem = gen[:-2]
        forms |= {stem + e for e in ("ам", "ами", "ах")}
    elif nom[-1:] in ("ы", "и") and gen == nom[:-1]:  # Филиппины -> Филиппин
        forms |= {gen + e for e in ("ам", "ами", "ах")}
    elif nom.endswith("я") and gen.endswith("и"):  # Гвинея
        stem = nom[:-1]
        forms |= {stem + e for e in ("е", "ю", "ей", "ею")}
    elif nom.endswith("а") and gen[-1:] in ("ы", "и"):  # Ангола, Шри-Ланка, Польша
        stem = nom[:-1]
        forms |= {stem + e for e in ("е", "у", "ой", "ою", "ей", "ею")}
    elif nom.endswith("ь") and gen.endswith("и"):  # Беларусь
        stem = nom[:-1]
        forms |= {stem + "ью"}
    elif nom[-1:] in ("ь", "й") and gen.endswith("я"):  # Израиль, Китай, Маврикий
        stem = nom[:-1]
        forms |= {stem + e for e in ("ю", "ем", "е", "и")}
    elif gen == nom + "а" or (gen.endswith("а") and not nom.endswith("а")):  # Кипр, Египет
        stem = gen[:-1]
        forms |= {stem + e for e in ("у", "ом", "ем", "е")}
    return forms


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


def adjective_forms(lemma: str) -> set[str]:
    """Every form of an adjective of nationality given as its masculine nominative
    ("кенийский" -> "кенийская", "кенийского", "кенийским", ...)."""
    stem = lemma[:-2] if lemma[-2:] in ("ий", "ый", "ой") else lemma
    return {stem + e for e in ADJECTIVE_ENDINGS}


def name_forms(nom: str, gen: str | None = None, dat: str | None = None) -> set[str]:
    """Every case form of a name of one or more words ("Южная Африка" -> "Южной Африки",
    "Южную Африку", ...). The words' forms are combined freely: a mix of cases across words
    ("Южной Африку") is not Russian, but matching it is harmless and keeps this simple."""
    nom_words = nom.replace("-", " - ").split()
    gen_words = gen.replace("-", " - ").split() if gen else None
    if gen_words is not None and len(gen_words) != len(nom_words):
        gen_words = None
    known = {nom} | ({gen} if gen else set()) | ({dat} if dat else set())
    if gen_words is None and len(nom_words) > 1:
        return known
    per_word = []
    for index, word in enumerate(nom_words):
        word_gen = gen_words[index] if gen_words else None
        per_word.append(["-"] if word == "-" else sorted(_word_forms(word, word_gen)))
    size = 1
    for options in per_word:
        size *= len(options)
    if size > MAX_COMBINATIONS:
        return known
    results = [""]
    for options in per_word:
        results = [f"{head} {option}".strip() for head in results for option in options]
    return known | {result.replace(" - ", "-") for result in results}


MAX_COMBINATIONS = 2000

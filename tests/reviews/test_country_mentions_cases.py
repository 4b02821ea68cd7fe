"""The country-situation check against tricky cases, one test each (issue 17)."""

import pytest

from reviews.country_mentions import find_country_mentions


def found(text, **kwargs):
    return [(m.code, m.text) for m in find_country_mentions(text, **kwargs)]


def codes(text, **kwargs):
    return [m.codes for m in find_country_mentions(text, **kwargs)]


def test_niger_nigeria_and_their_demonyms_are_told_apart():
    text = "Niger and Nigeria; a Nigerien official met a Nigerian one."
    assert found(text) == [
        ("NER", "Niger"),
        ("NGA", "Nigeria"),
        ("NER", "Nigerien"),
        ("NGA", "Nigerian"),
    ]


def test_the_four_guineas_are_one_mention_each_never_the_shorter_inside():
    text = "Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea."
    assert found(text) == [
        ("GIN", "Guinea"),
        ("GNQ", "Equatorial Guinea"),
        ("GNB", "Guinea-Bissau"),
        ("PNG", "Papua New Guinea"),
    ]
    assert found("Guinean, Equatorial Guinean, Bissau-Guinean, Papua New Guinean") == [
        ("GIN", "Guinean"),
        ("GNQ", "Equatorial Guinean"),
        ("GNB", "Bissau-Guinean"),
        ("PNG", "Papua New Guinean"),
    ]


def test_guinea_lookalikes_are_not_guinea():
    assert found("the Gulf of Guinea, New Guinea, a guinea pig, Guinea fowl") == []


@pytest.mark.parametrize(
    "text",
    ["Georgia Smith said so.", "A painting by Georgia O'Keeffe.", "Ms Georgia Brown wrote."],
)
def test_georgia_as_a_persons_name_is_not_the_state(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The situation in Georgia is worrying.",
        "Georgia, then Belarus.",
        "The Georgia Police arrested them.",
        "the Government of Georgia",
        "Georgia's courts",
    ],
)
def test_georgia_the_state(text):
    assert found(text)[0] == ("GEO", "Georgia")


def test_names_that_are_also_surnames_or_cities_in_a_name():
    assert found("chaired by Senén Florensa Palau (Spain)") == [("ESP", "Spain")]
    assert found("2010 – Salvador Congress; a Russian was arrested") == [("RUS", "Russian")]


def test_jordan_and_chad_as_first_names_and_surnames():
    assert found("Jordan Peterson and Chad Smith spoke; so did Michael Jordan.") == []
    assert found("Refugees in Jordan and Chad.") == [("JOR", "Jordan"), ("TCD", "Chad")]


def test_chad_in_lower_case_is_not_the_state_but_chadian_is_its_demonym():
    assert found("a hanging chad") == []
    assert found("Chadian and chadian authorities") == [
        ("TCD", "Chadian"),
        ("TCD", "chadian"),
    ]


def test_the_congo_alone_is_ambiguous_with_both_codes():
    mentions = find_country_mentions("Trafficking through the Congo.")
    assert [(m.code, m.codes, m.ambiguous) for m in mentions] == [("COG", ("COG", "COD"), True)]
    assert codes("the Democratic Republic of the Congo, the DRC, Congo-Kinshasa") == [
        ("COD",),
        ("COD",),
        ("COD",),
    ]
    assert codes("the Republic of the Congo, Congo-Brazzaville") == [("COG",), ("COG",)]
    assert codes("Congolese authorities") == [("COG", "COD")]


def test_an_ambiguous_mention_is_dropped_when_either_state_is_under_review():
    assert found("the Congo", exclude_codes={"COD"}) == []
    assert found("the Congo", exclude_codes={"COG"}) == []
    assert found("the Congo", exclude_codes={"KEN"}) == [("COG", "Congo")]


def test_dominica_and_the_dominican_republic():
    assert found("Dominica and the Dominican Republic") == [
        ("DMA", "Dominica"),
        ("DOM", "Dominican Republic"),
    ]
    assert codes("Dominican authorities") == [("DOM", "DMA")]


def test_sudan_and_south_sudan():
    assert found("the Sudan, South Sudan, Sudanese and South Sudanese") == [
        ("SDN", "Sudan"),
        ("SSD", "South Sudan"),
        ("SDN", "Sudanese"),
        ("SSD", "South Sudanese"),
    ]


def test_the_koreas():
    text = "the Republic of Korea, the Democratic People's Republic of Korea, North Korea, "
    text += "South Korea, the DPRK, North Korean and South Korean officials"
    assert [code for code, _ in found(text)] == ["KOR", "PRK", "PRK", "KOR", "PRK", "PRK", "KOR"]
    assert codes("Korea and the Korean Peninsula") == [("KOR", "PRK"), ("KOR", "PRK")]


def test_samoa_but_not_american_samoa():
    assert found("Samoa and American Samoa; a Samoan and an American Samoan") == [
        ("WSM", "Samoa"),
        ("WSM", "Samoan"),
    ]


def test_turkey_the_bird_versus_turkiye_by_capitals():
    assert found("We ate turkey.") == []
    assert found("Türkiye, formerly Turkey; TURKEY in a heading") == [
        ("TUR", "Türkiye"),
        ("TUR", "Turkey"),
        ("TUR", "TURKEY"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Somalia", [("SOM", "Somalia")]),
        ("Malian and Mali", [("MLI", "Malian"), ("MLI", "Mali")]),
        ("malice, Malibu, animali", []),
        ("a woman from Tirana studied in Perugia and Indiana", []),
        ("Nigeria", [("NGA", "Nigeria")]),
        ("Omani, Iranian, Peruvian, Indian", [("OMN", "Omani"), ("IRN", "Iranian"),
                                              ("PER", "Peruvian"), ("IND", "Indian")]),
    ],
)  # fmt: skip
def test_no_state_inside_another_word(text, expected):
    assert found(text) == expected


def test_the_european_union_but_not_eu_in_lower_case():
    assert found("The EU and the European Union; il a eu raison.") == [
        ("EUU", "EU"),
        ("EUU", "European Union"),
    ]


def test_accents_and_case_do_not_matter():
    assert found("CÔTE D'IVOIRE, cote d'ivoire and Côte d’Ivoire") == [
        ("CIV", "CÔTE D'IVOIRE"),
        ("CIV", "cote d'ivoire"),
        ("CIV", "Côte d’Ivoire"),
    ]


def test_hyphens_and_line_breaks_inside_names_keep_the_original_span():
    text = "Guinea-\nBissau, Papua New\nGuinea, and Nige-\nria."
    mentions = find_country_mentions(text)
    assert [m.code for m in mentions] == ["GNB", "PNG", "NGA"]
    assert [text[m.start : m.end] for m in mentions] == [
        "Guinea-\nBissau",
        "Papua New\nGuinea",
        "Nige-\nria",
    ]


def test_decomposed_accents_from_a_pdf_keep_the_original_span():
    text = "le Pe\u0301rou et l'Inde"
    mentions = find_country_mentions(text)
    assert [(m.code, m.text) for m in mentions] == [("PER", "Pe\u0301rou"), ("IND", "Inde")]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_french_elisions_and_articles():
    assert found("la situation d'Haïti, de l'Inde et du Soudan du Sud; l’Équateur") == [
        ("HTI", "Haïti"),
        ("IND", "Inde"),
        ("SSD", "Soudan du Sud"),
        ("ECU", "Équateur"),
    ]


def test_french_demonyms_in_every_gender_and_number():
    assert found("un Kényan, une Kényane, des kényans, les autorités kényanes") == [
        ("KEN", "Kényan"),
        ("KEN", "Kényane"),
        ("KEN", "kényans"),
        ("KEN", "kényanes"),
    ]


def test_spanish_articles_and_contractions():
    assert found("en el Perú, la India, los Países Bajos, del Níger y al Camerún") == [
        ("PER", "Perú"),
        ("IND", "India"),
        ("NLD", "Países Bajos"),
        ("NER", "Níger"),
        ("CMR", "Camerún"),
    ]
    assert found("autoridades kenianas y un keniano; Kenia") == [
        ("KEN", "kenianas"),
        ("KEN", "keniano"),
        ("KEN", "Kenia"),
    ]


def test_russian_cases_of_names():
    text = "в Кении, из Нидерландов, с Кенией, в Нидерландах, в Египте, с Российской Федерацией"
    assert found(text) == [
        ("KEN", "Кении"),
        ("NLD", "Нидерландов"),
        ("KEN", "Кенией"),
        ("NLD", "Нидерландах"),
        ("EGY", "Египте"),
        ("RUS", "Российской Федерацией"),
    ]
    assert found("в Гвинее-Бисау и Папуа-Новой Гвинее") == [
        ("GNB", "Гвинее-Бисау"),
        ("PNG", "Папуа-Новой Гвинее"),
    ]


def test_russian_adjectives_in_their_inflections():
    text = "кенийский суд, кенийская полиция, кенийского правительства, кенийскими властями"
    assert [m.code for m in find_country_mentions(text)] == ["KEN"] * 4
    assert found("нигерские и нигерийские власти") == [
        ("NER", "нигерские"),
        ("NGA", "нигерийские"),
    ]


def test_russian_togo_is_not_the_word_of_that():
    assert found("Того же мнения придерживаются многие.") == []
    assert found("Мы работаем в Того и в Гане.") == [("TGO", "Того"), ("GHA", "Гане")]


def test_arabic_names_with_attached_prefixes_and_the_article():
    text = "وكينيا وبالسودان وللسودان والسودان وفي كينيا"
    assert [m.code for m in find_country_mentions(text)] == ["KEN", "SDN", "SDN", "SDN", "KEN"]
    assert found("بالسودان") == [("SDN", "السودان")]


def test_arabic_demonyms_and_mali_versus_financial():
    assert found("السلطات الكينية والشرطة الكيني") == [("KEN", "الكينية"), ("KEN", "الكيني")]
    assert found("الدعم المالي والمؤسسات المالية ودعم مالي") == []
    assert found("الوضع في مالي وجمهورية مالي") == [("MLI", "مالي"), ("MLI", "مالي")]


def test_chinese_names_without_word_boundaries():
    assert found("我们在肯尼亚的合作伙伴报告了情况。") == [("KEN", "肯尼亚")]
    assert found("尼日尔和尼日利亚") == [("NER", "尼日尔"), ("NGA", "尼日利亚")]
    assert found("赤道几内亚、几内亚比绍、巴布亚新几内亚和几内亚") == [
        ("GNQ", "赤道几内亚"),
        ("GNB", "几内亚比绍"),
        ("PNG", "巴布亚新几内亚"),
        ("GIN", "几内亚"),
    ]


def test_chinese_lookalikes_are_not_states():
    assert found("发展中国家、欧美国家、非法国际贩运和印度洋") == []
    assert found("西班牙语文本") == []
    assert found("中国和美国") == [("CHN", "中国"), ("USA", "美国")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The comment is available in French.", []),
        ("in French, Spanish and Russian", []),
        ("the Russian version of the text", []),
        ("Russian-speaking communities", []),
        ("French is a working language.", []),
        ("the French authorities", [("FRA", "French")]),
        ("Russian courts and Spanish police", [("RUS", "Russian"), ("ESP", "Spanish")]),
        ("traduit en français", []),
        ("les autorités françaises", [("FRA", "françaises")]),
        ("traducido al español", []),
        ("el gobierno español", [("ESP", "español")]),
        ("на французском языке", []),
        ("французские власти", [("FRA", "французские")]),
        ("باللغة الفرنسية", []),
        ("الحكومة الفرنسية", [("FRA", "الفرنسية")]),
    ],
)
def test_a_language_is_not_a_state_but_its_adjective_before_a_noun_is(text, expected):
    assert found(text) == expected


def test_common_words_spelled_like_states_only_count_capitalized():
    assert found("fine china, a red chile and a guinea pig") == []
    assert found("China, Chile and Guinea") == [
        ("CHN", "China"),
        ("CHL", "Chile"),
        ("GIN", "Guinea"),
    ]


def test_abbreviations_count_only_in_capitals():
    assert found("let us meet; the US and the UK") == [("USA", "US"), ("GBR", "UK")]


def test_regions_named_after_a_state_are_not_that_state():
    assert found("Latin America, South America, the Indian Ocean and New Mexico") == []
    assert found("Benin City, the Niger Delta and Lake Chad") == []
    assert found("America and American NGOs") == [("USA", "America"), ("USA", "American")]

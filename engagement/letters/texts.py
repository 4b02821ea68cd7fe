"""The fixed words of the letters in each language (the bodies are templates under
``templates/engagement/letters/texts/<kind>/<language>.html``).

A letter is a document in one language, not a page of the portal: its words are written here
and in those templates as one text per language, checked against the English model of the guide
(the official text, seed 002 L633-673) and the glossary (``locale/GLOSSARY.md``), so a letter
does not change with the interface's catalogues and is never half in English. Every language
but English carries an "unofficial translation" label in its own words.

``default_intro`` takes the government's forms from ``engagement.letters.government_forms``:
``{government}`` (nominative) in every language, ``{government_a}`` in Spanish ("al Gobierno
de Kenya").
"""

from dataclasses import dataclass

PLEDGE = "pledge"
FOCAL_POINT = "focal_point"


@dataclass(frozen=True)
class LanguageTexts:
    date_format: str
    title: dict
    heading: dict
    default_intro: str
    unofficial_label: str = ""
    unofficial_note: str = ""


def _texts(date_format, pledge_title, focal_title, intro, label="", note="") -> LanguageTexts:
    return LanguageTexts(
        date_format=date_format,
        title={PLEDGE: pledge_title, FOCAL_POINT: focal_title},
        heading={PLEDGE: "", FOCAL_POINT: focal_title},
        default_intro=intro,
        unofficial_label=label,
        unofficial_note=f"{label}{note}" if label else "",
    )


TEXTS = {
    "ar": _texts(
        "j F Y",
        "التعهد بإشراك المجتمع المدني والشفافية",
        "آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية: "
        "التقييم الذاتي",
        "في إطار سير آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر "
        "الوطنية، ندعو {government} إلى التوقيع على التعهد الوارد أدناه بشأن إشراك المجتمع "
        "المدني والشفافية وإلى إعلانه.",
        "ترجمة غير رسمية",
        " للنموذج المنشور باللغة الإنكليزية في دليل إشراك المجتمع المدني في آلية الاستعراض "
        "(مكتب الأمم المتحدة المعني بالمخدرات والجريمة والمبادرة العالمية لمكافحة الجريمة "
        "المنظمة عبر الوطنية).",
    ),
    "zh-hans": _texts(
        "Y年n月j日",
        "民间社会参与和透明度承诺",
        "《联合国打击跨国有组织犯罪公约》审议机制：自评",
        "随着《联合国打击跨国有组织犯罪公约》审议机制的推进，我们邀请{government}签署下文的"
        "民间社会参与和透明度承诺，并予以公布。",
        "非正式译文",
        "：原文为毒品和犯罪问题办公室与打击跨国有组织犯罪全球倡议发布的《民间社会参与审议"
        "机制指南》英文版所载范本。",
    ),
    "en": _texts(
        "j F Y",
        "Civil society engagement and transparency pledge",
        "UNTOC Review Mechanism self-assessment",
        "As the Review Mechanism of the United Nations Convention against Transnational "
        "Organized Crime proceeds, we invite {government} to sign the civil society "
        "engagement and transparency pledge below and to make it public.",
    ),
    "fr": _texts(
        "j F Y",
        "Engagement en faveur de la participation de la société civile et de la transparence",
        "Mécanisme d’examen de l’UNTOC : auto-évaluation",
        "Alors que le Mécanisme d’examen de la Convention des Nations Unies contre la "
        "criminalité transnationale organisée se poursuit, nous invitons {government} à "
        "signer l’engagement ci-dessous et à le rendre public.",
        "Traduction non officielle",
        " du modèle publié en anglais dans le Guide pour la participation de la société civile "
        "au Mécanisme d’examen (ONUDC et Global Initiative against Transnational Organized "
        "Crime).",
    ),
    "ru": _texts(
        r"j E Y \г.",
        "Обязательство в отношении участия гражданского общества и прозрачности",
        "Механизм обзора хода осуществления Конвенции против транснациональной организованной "
        "преступности: самооценка",
        "В рамках работы Механизма обзора хода осуществления Конвенции Организации "
        "Объединенных Наций против транснациональной организованной преступности мы призываем "
        "{government} подписать приведенное ниже обязательство в отношении участия "
        "гражданского общества и прозрачности и обнародовать его.",
        "Неофициальный перевод",
        " образца, опубликованного на английском языке в Руководстве по участию гражданского "
        "общества в Механизме обзора (УНП ООН и Глобальная инициатива против транснациональной "
        "организованной преступности).",
    ),
    "es": _texts(
        r"j \d\e F \d\e Y",
        "Compromiso de participación de la sociedad civil y de transparencia",
        "Mecanismo de Examen de la UNTOC: autoevaluación",
        "En el marco del Mecanismo de Examen de la Convención de las Naciones Unidas contra "
        "la Delincuencia Organizada Transnacional, invitamos {government_a} a firmar el "
        "compromiso que figura a continuación y a hacerlo público.",
        "Traducción no oficial",
        " del modelo publicado en inglés en la Guía para la participación de la sociedad civil "
        "en el Mecanismo de Examen (UNODC y Global Initiative against Transnational Organized "
        "Crime).",
    ),
}

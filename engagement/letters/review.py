"""The sentence on a State's review that a letter may carry, in the letter's language.

Built from parts in that language (the frame, the cluster's name, the step due, the demo
label), with months and dates as that language writes them, so a French letter never says
"runs from novembre 2025". The terms are the glossary's (``locale/GLOSSARY.md``: cluster,
focal point, self-assessment questionnaire). English keeps the portal's wording.
"""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.formats import date_format

from reviews.models import State
from reviews.selectors import next_due_step, public_focal_point, review_now


@dataclass(frozen=True)
class ReviewWords:
    period: str  # {number} {name} {start} {end}
    next_due: str  # {step} {date}
    demo: str  # {sentence}
    month_format: str
    date_format: str
    clusters: tuple[str, str, str, str]
    steps: dict


def _steps(*nouns) -> dict:
    kinds = ("focal_point", "experts", "self_assessment", "feedback", "observations", "summary")
    return dict(zip(kinds, nouns, strict=True))


WORDS = {
    "ar": ReviewWords(
        "ويجري استعراضها في إطار مجموعة المواد {number} ({name}) في الفترة من {start} إلى {end}.",
        "والموعد التالي: {step}، في موعد أقصاه {date}.",
        "[بيانات تجريبية، وليست بيانات الاستعراض الفعلي:] {sentence}",
        "F Y",
        "j F Y",
        (
            "التجريم والولاية القضائية",
            "المنع والمساعدة التقنية وتدابير الحماية وغيرها من التدابير",
            "إنفاذ القانون والنظام القضائي",
            "التعاون الدولي والمساعدة القانونية المتبادلة والمصادرة",
        ),
        _steps(
            "تعيين جهة الوصل",
            "تعيين الخبراء الحكوميين",
            "قائمة التقييم الذاتي",
            "الملاحظات الخطية للمستعرِضين",
            "قائمة الملاحظات",
            "الموجز",
        ),
    ),
    "zh-hans": ReviewWords(
        "其第{number}专题组（{name}）审议期为{start}至{end}。",
        "下一个截止事项：{step}，截止日期为{date}。",
        "[演示数据，并非实际审议：]{sentence}",
        "Y年n月",
        "Y年n月j日",
        (
            "刑事定罪和管辖权",
            "预防、技术援助、保护措施和其他措施",
            "执法和司法系统",
            "国际合作、司法协助和没收",
        ),
        _steps("指定联络人", "指定政府专家", "自评调查表", "审议方的书面反馈", "意见清单", "摘要"),
    ),
    "en": ReviewWords(
        "Its review on cluster {number} ({name}) runs from {start} to {end}.",
        "Next due: {step}, by {date}.",
        "[Demo data, not the real review:] {sentence}",
        "F Y",
        "j F Y",
        (
            "criminalization and jurisdiction",
            "prevention, technical assistance, protection measures and other measures",
            "law enforcement and the judicial system",
            "international cooperation, mutual legal assistance and confiscation",
        ),
        _steps(
            "the appointment of the focal point",
            "the appointment of the governmental experts",
            "the self-assessment questionnaire",
            "the reviewers' written feedback",
            "the list of observations",
            "the summary",
        ),
    ),
    "fr": ReviewWords(
        "Son examen au titre du groupe d’articles {number} ({name}) se déroule de {start} à {end}.",
        "Prochaine échéance : {step}, au plus tard le {date}.",
        "[Données de démonstration, et non celles de l’examen réel :] {sentence}",
        "F Y",
        "j F Y",
        (
            "incrimination et compétence",
            "prévention, assistance technique, mesures de protection et autres mesures",
            "détection et répression, et système judiciaire",
            "coopération internationale, entraide judiciaire et confiscation",
        ),
        _steps(
            "la désignation du point de contact",
            "la désignation des experts gouvernementaux",
            "le questionnaire d’auto-évaluation",
            "les observations écrites des examinateurs",
            "la liste d’observations",
            "le résumé",
        ),
    ),
    "ru": ReviewWords(
        "Обзор по тематическому блоку {number} ({name}) проводится с {start} до {end}.",
        "Следующий срок: {step} — до {date}.",
        "[Демонстрационные данные, а не данные реального обзора:] {sentence}",
        r"E Y \г\о\д\а",
        r"j E Y \г\о\д\а",
        (
            "криминализация и юрисдикция",
            "предупреждение, техническая помощь, меры защиты и другие меры",
            "правоохранительная деятельность и судебная система",
            "международное сотрудничество, взаимная правовая помощь и конфискация",
        ),
        _steps(
            "назначение координатора",
            "назначение правительственных экспертов",
            "вопросник для самооценки",
            "письменные замечания проводящих обзор экспертов",
            "перечень замечаний",
            "резюме",
        ),
    ),
    "es": ReviewWords(
        "Su examen correspondiente al grupo temático {number} ({name}) abarca de {start} a {end}.",
        "Próximo plazo: {step}, a más tardar el {date}.",
        "[Datos de demostración, no los del examen real:] {sentence}",
        r"F \d\e Y",
        r"j \d\e F \d\e Y",
        (
            "penalización y jurisdicción",
            "prevención, asistencia técnica, medidas de protección y otras medidas",
            "aplicación de la ley y sistema judicial",
            "cooperación internacional, asistencia judicial recíproca y decomiso",
        ),
        _steps(
            "la designación del coordinador",
            "la designación de los expertos gubernamentales",
            "el cuestionario de autoevaluación",
            "las observaciones por escrito de los examinadores",
            "la lista de observaciones",
            "el resumen",
        ),
    ),
}


def review_sentence(state: State, language: str, now=None) -> str:
    """The cluster under way and the next step due, in ``language``; empty when the review
    group is not entered or the cycle is over. Demo review data say so in the sentence."""
    words = WORDS[language]
    now = now or timezone.now()
    phase = review_now(state, timezone.localdate(now))
    if phase is None:
        return ""
    upcoming = next_due_step(state, now, cluster=phase.cluster)
    with translation.override(language):  # month names in the letter's language
        sentence = words.period.format(
            number=phase.cluster,
            name=words.clusters[phase.cluster - 1],
            start=date_format(phase.starts_on, words.month_format),
            end=date_format(phase.ends_on, words.month_format),
        )
        if upcoming:
            due = date_format(timezone.localtime(upcoming.due_at), words.date_format)
            separator = "" if language == "zh-hans" else " "
            sentence += separator + words.next_due.format(step=words.steps[upcoming.kind], date=due)
    return words.demo.format(sentence=sentence) if state.review_is_demo else sentence


def start_values(state: State, language: str = "en") -> dict:
    """What a letter to the State may start from: ``review_context`` (the sentence above)
    and, where the State made its contacts public, ``recipient_name`` and
    ``recipient_title`` of its focal point. Empty strings where nothing is known."""
    focal_point = public_focal_point(state)
    title = ""
    if focal_point:
        title = ", ".join(part for part in (focal_point.position, focal_point.institution) if part)
    return {
        "review_context": review_sentence(state, language),
        "recipient_name": focal_point.name if focal_point else "",
        "recipient_title": title,
    }

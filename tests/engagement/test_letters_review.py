"""The sentence on a State's review, in the letter's language, from parts in that language."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from engagement.letters.review import WORDS, review_sentence, start_values
from portal.deadlines import VIENNA
from reviews.demo import review_demo_load
from reviews.models import State
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 3, 2, 10, tzinfo=VIENNA)

SENTENCES = {
    "ar": "ويجري استعراضها في إطار مجموعة المواد 3 (إنفاذ القانون والنظام القضائي) في الفترة "
    "من نوفمبر 2025 إلى نوفمبر 2027. والموعد التالي: قائمة التقييم الذاتي، في موعد أقصاه "
    "1 مايو 2026.",
    "zh-hans": "其第3专题组（执法和司法系统）审议期为2025年11月至2027年11月。下一个截止事项："
    "自评调查表，截止日期为2026年5月1日。",
    "en": "Its review on cluster 3 (law enforcement and the judicial system) runs from "
    "November 2025 to November 2027. Next due: the self-assessment questionnaire, by "
    "1 May 2026.",
    "fr": "Son examen au titre du groupe d’articles 3 (détection et répression, et système "
    "judiciaire) se déroule de novembre 2025 à novembre 2027. Prochaine échéance : le "
    "questionnaire d’auto-évaluation, au plus tard le 1 mai 2026.",
    "ru": "Обзор по тематическому блоку 3 (правоохранительная деятельность и судебная "
    "система) проводится с ноября 2025 года до ноября 2027 года. Следующий срок: вопросник "
    "для самооценки — до 1 мая 2026 года.",
    "es": "Su examen correspondiente al grupo temático 3 (aplicación de la ley y sistema "
    "judicial) abarca de noviembre de 2025 a noviembre de 2027. Próximo plazo: el "
    "cuestionario de autoevaluación, a más tardar el 1 de mayo de 2026.",
}


@pytest.fixture
def kenya():
    review_demo_load()
    state = State.objects.get(code="KEN")
    state.review_is_demo = False
    state.save()
    return state


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_the_review_sentence_is_written_in_the_letter_s_language(kenya, language):
    with time_machine.travel(MONDAY, tick=False):
        assert review_sentence(kenya, language) == SENTENCES[language]


def test_no_english_word_is_left_in_a_translated_sentence(kenya):
    with time_machine.travel(MONDAY, tick=False):
        for language in ("ar", "zh-hans", "fr", "ru", "es"):
            sentence = review_sentence(kenya, language)
            for english in ("review", "cluster", "Next due", "November", "questionnaire,"):
                assert english not in sentence, (language, english)


def test_demo_data_are_labelled_in_each_language(kenya):
    kenya.review_is_demo = True
    kenya.save()
    with time_machine.travel(MONDAY, tick=False):
        for language, words in WORDS.items():
            label = words.demo.split("{sentence}")[0]
            assert review_sentence(kenya, language) == label + SENTENCES[language]


def test_every_language_names_every_cluster_and_step():
    kinds = set(WORDS["en"].steps)
    for words in WORDS.values():
        assert len(words.clusters) == 4 and all(words.clusters)
        assert set(words.steps) == kinds and all(words.steps.values())


def test_a_state_without_a_review_group_has_no_sentence():
    uganda = State.objects.get(code="UGA")
    assert start_values(uganda, "ru") == {
        "review_context": "",
        "recipient_name": "",
        "recipient_title": "",
    }


def test_the_builder_asks_for_the_sentence_in_the_chosen_language(kenya, client):
    client.force_login(UserFactory())
    url = reverse("engagement:letter-context")
    with time_machine.travel(MONDAY, tick=False):
        russian = client.get(url, {"state": kenya.pk, "language": "ru"}).json()
        unknown = client.get(url, {"state": kenya.pk, "language": "de"}).json()
    assert russian["review_context"] == SENTENCES["ru"]
    assert unknown["review_context"] == SENTENCES["en"]

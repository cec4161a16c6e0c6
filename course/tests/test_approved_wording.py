"""What the approved programme fixes is shown verbatim (seed 004)."""

from __future__ import annotations

import re

from course.models import ProgrammePage, TopicPage
from course.programme_data import approved_outcomes

TOPIC_1_2 = (
    "ЕББҚ бар балалар топтарының әлеуметтік-педагогикалық классификациясы: 1) Мінез-құлық және "
    "эмоционалдық проблемалармен, қолайсыз психологиялық факторлармен; 2) "
    "Әлеуметтік-психологиялық, экономикалық, тілдік және мәдени сипаттағы кедергілермен; 3) "
    "Мүмкіндіктері шектеулілігімен"
)


def test_topic_1_2_keeps_its_whole_title_and_a_short_one_for_menus(programme):
    topic = TopicPage.objects.get(number="1.2", locale__language_code="kk")

    assert len(TOPIC_1_2) == 275
    assert topic.official_title == TOPIC_1_2
    assert topic.title == "ЕББҚ бар балалар топтарының әлеуметтік-педагогикалық классификациясы"


def test_topic_1_2_shows_its_whole_title_on_its_page(client, programme):
    html = client.get("/kk/programme/module-1/topic-1-2/").content.decode()

    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert heading.strip() == TOPIC_1_2


def test_the_16_outcomes_come_in_the_programmes_three_groups():
    outcomes = approved_outcomes()

    assert [o["group"] for o in outcomes] == ["knows"] * 6 + ["can"] * 6 + ["skills"] * 4
    assert outcomes[5]["kk"] == (
        "ППҚҚ мұғалімімен және мамандарымен өзара іс-әрекет принциптерін біледі."
    )
    assert outcomes[7]["kk"] == (
        "мінез-құлықты қолдаудың заманауи құралдарын қолдану: визуалды кестелер, таңдау "
        "карталары, позитивті күшейту модельдері, алдын-алу стратегиялары;"
    )
    assert outcomes[12]["kk"] == (
        "баланың мінез-құлқы мен оқу іс-әрекетін қолдаудың практикалық құралдарын қолдану;"
    )


def test_the_programme_page_lists_16_outcomes_under_the_three_approved_headings(client, programme):
    kazakh = client.get("/kk/programme/").content.decode()
    russian = client.get("/ru/programme/").content.decode()

    headings = re.findall(r"<h3>(.*?)</h3>", kazakh)
    for heading in (
        "Тыңдаушылар біледі:",
        "Тыңдаушылар игереді:",
        "Тыңдаушылар дағдыларға ие болады:",
    ):
        assert heading in headings
    page = ProgrammePage.objects.get(locale__language_code="kk")
    assert page.outcomes.count("<li>") == 16
    assert "Перевод. Утверждённый текст программы — на казахском языке." in russian


def test_module_pages_show_no_invented_learning_outcomes(client, programme):
    html = client.get("/ru/programme/module-1/").content.decode()

    assert "Learning outcomes" not in html and "Результаты обучения" not in html

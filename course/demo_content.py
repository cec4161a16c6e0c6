"""Demo content for `seed_demo`: one finished lecture (topic 2.2, ABC analysis) and one finished
practice topic (2.4, the observation card), so editors see what a complete topic looks like:
text with headings, a video with its transcript, a downloadable handout and check-your-
understanding questions. Both are marked as demo content on the page.

Idempotent and careful: a topic whose body is not empty (an editor's text, or ours from an earlier
run) is left alone. The video is the block a self-hosted file will use once uploads exist; until
then its player is a stored notice (no request leaves the server), and the transcript carries
the content.
"""

from __future__ import annotations

import io

DEMO_VIDEO_URL = "https://video.example.kz/demo/abc-analysis"
HANDOUT_TITLE = "ABC бақылау парағы / Лист ABC-наблюдения (демо)"

DEMO_NOTE = {
    "kk": (
        "<p><b>Демо-мазмұн.</b> Бұл – аяқталған тақырыптың үлгісі: редакторлар өз "
        "тақырыптарын осы құрылым бойынша толтырады (README, «Редакторға нұсқаулық»).</p>"
    ),
    "ru": (
        "<p><b>Демо-содержание.</b> Это образец законченной темы: редакторы заполняют свои "
        "темы по этой структуре (README, «Руководство редактора»).</p>"
    ),
}


def _h(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _p(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _quiz(question: str, choices: list[str], correct: int) -> dict:
    return {
        "type": "quiz",
        "value": {
            "question": question,
            "choices": [{"text": c, "correct": i == correct} for i, c in enumerate(choices)],
            "explanation": "",
        },
    }


LECTURE = {
    "kk": lambda doc: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["kk"]}},
        _h("ABC талдау деген не"),
        _p(
            "<p>ABC талдау – баланың мінез-құлқын үш бөлікке бөліп жазу тәсілі: <b>A</b> "
            "(antecedent) – мінез-құлықтың алдындағы жағдай, <b>B</b> (behaviour) – баланың нақты "
            "не істегені, <b>C</b> (consequence) – мінез-құлықтан кейін не болғаны. Мақсат – "
            "баланы «жақсы» не «жаман» деп бағалау емес, мінез-құлықтың қызметін түсіну: бала "
            "неден қашады немесе нені алғысы келеді.</p>"
        ),
        _h("Бақылауды қалай жүргізу керек"),
        _p(
            "<ul><li>Мінез-құлықты бақылауға болатын етістікпен сипаттаңыз: «дәптерін жабады», "
            "«партаның астына кіреді», ал «ашуланды» емес.</li><li>Уақытты, сабақты және "
            "тапсырманы жазыңыз: триггерлер көбіне қайталанады.</li><li>Кемінде бес жағдайды "
            "жинаңыз, содан кейін ғана заңдылық іздеңіз.</li><li>Жазбада баланың аты-жөнін "
            "емес, шартты белгісін қолданыңыз.</li></ul>"
        ),
        {
            "type": "video",
            "value": {
                "video": DEMO_VIDEO_URL,
                "caption": "ABC талдау: бір жағдайды бірге талдаймыз (8 минут)",
                "transcript": (
                    "<p>Үшінші сабақ, математика. Мұғалім жаңа тапсырма береді (A). Оқушы А. "
                    "дәптерін жауып, партаның астына кіреді (B). Ассистент тапсырманы өзі "
                    "орындап береді (C). Бес жазбаның төртеуінде мінез-құлық жаңа әрі ұзын "
                    "тапсырмадан кейін басталады, ал салдары – тапсырманың жойылуы. Демек, "
                    "мінез-құлық тапсырмадан қашуға қызмет етеді. Қолдау: тапсырманы қысқа "
                    "қадамдарға бөлу, көрнекі кесте және үзіліс сұрау картасы.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "law",
                "text": (
                    "<p>Бақылау жазбалары баланың жеке деректері: оларды тек ППҚҚ ішінде "
                    "пайдаланыңыз және ашық сілтемемен бөліспеңіз.</p>"
                ),
            },
        },
        _h("Үлестірме материал"),
        {
            "type": "document",
            "value": {"document": doc.pk, "title": HANDOUT_TITLE, "is_template": True},
        },
        _h("Түсінгеніңізді тексеріңіз"),
        _quiz(
            "ABC жазбасындағы A нені білдіреді?",
            ["Мінез-құлықтың салдарын", "Мінез-құлықтың алдындағы жағдайды", "Баланың жасын"],
            1,
        ),
        _quiz(
            "Мінез-құлықты қалай жазған дұрыс?",
            ["«Бала ашуланды»", "«Дәптерін жауып, партаның астына кірді»", "«Бала тәртіпсіз»"],
            1,
        ),
    ],
    "ru": lambda doc: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["ru"]}},
        _h("Что такое ABC-анализ"),
        _p(
            "<p>ABC-анализ – способ записать поведение ребёнка в трёх частях: <b>A</b> "
            "(antecedent) – что происходило перед поведением, <b>B</b> (behaviour) – что именно "
            "сделал ребёнок, <b>C</b> (consequence) – что последовало за поведением. Цель – не "
            "оценить ребёнка, а понять функцию поведения: чего ребёнок избегает или что хочет "
            "получить.</p>"
        ),
        _h("Как вести наблюдение"),
        _p(
            "<ul><li>Описывайте поведение наблюдаемым глаголом: «закрывает тетрадь», «залезает "
            "под парту», а не «разозлился».</li><li>Записывайте время, урок и задание: "
            "триггеры часто повторяются.</li><li>Соберите не меньше пяти случаев и только потом "
            "ищите закономерность.</li><li>В записи используйте условное обозначение ребёнка, "
            "а не его имя.</li></ul>"
        ),
        {
            "type": "video",
            "value": {
                "video": DEMO_VIDEO_URL,
                "caption": "ABC-анализ: разбираем один случай вместе (8 минут)",
                "transcript": (
                    "<p>Третий урок, математика. Учитель даёт новое задание (A). Ученик А. "
                    "закрывает тетрадь и залезает под парту (B). Ассистент выполняет задание за "
                    "него (C). В четырёх записях из пяти поведение начинается после нового "
                    "длинного задания, а последствие – задание снимается. Значит, поведение "
                    "служит избеганию задания. Поддержка: разбить задание на короткие шаги, "
                    "визуальное расписание и карточка «прошу перерыв».</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "law",
                "text": (
                    "<p>Записи наблюдений – персональные данные ребёнка: используйте их только "
                    "внутри СППС и не делитесь ими по открытой ссылке.</p>"
                ),
            },
        },
        _h("Раздаточный материал"),
        {
            "type": "document",
            "value": {"document": doc.pk, "title": HANDOUT_TITLE, "is_template": True},
        },
        _h("Проверьте себя"),
        _quiz(
            "Что означает A в ABC-записи?",
            ["Последствие поведения", "Ситуацию перед поведением", "Возраст ребёнка"],
            1,
        ),
        _quiz(
            "Как правильно записать поведение?",
            ["«Ребёнок разозлился»", "«Закрыл тетрадь и залез под парту»", "«Ребёнок невоспитан»"],
            1,
        ),
    ],
}

PRACTICE = {
    "kk": lambda doc: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["kk"]}},
        _h("Практикалық сабақтың барысы"),
        _p(
            "<ol><li>Бақылау картасының үлгісін жүктеп алыңыз (төменде).</li><li>Бір оқушыны "
            "екі сабақ бойы бақылап, кемінде бес ABC жазбасын толтырыңыз.</li><li>Жазбалардан "
            "қайталанатын триггерді және мінез-құлықтың қызметін анықтаңыз.</li><li>Мониторинг "
            "түрін таңдаңыз: жиілік, ұзақтық немесе уақыт аралығы бойынша.</li></ol>"
        ),
        {
            "type": "video",
            "value": {
                "video": DEMO_VIDEO_URL,
                "caption": "Бақылау картасын талдау: үлгі (6 минут)",
                "transcript": (
                    "<p>Картада бес жазба бар. Үшеуі – жазу тапсырмасынан кейін, екеуі – шулы "
                    "үзілістен кейін. Алғашқы үшеуінде салдары бірдей: тапсырма кейінге "
                    "қалдырылды. Сондықтан келесі аптада жиілікті есептейміз және тапсырманы "
                    "қысқартып көреміз.</p>"
                ),
            },
        },
        _h("Үлестірме материал"),
        {
            "type": "document",
            "value": {"document": doc.pk, "title": HANDOUT_TITLE, "is_template": True},
        },
        _h("Түсінгеніңізді тексеріңіз"),
        _quiz(
            "Мінез-құлық сабақта неше рет болатынын білу үшін мониторингтің қай түрі керек?",
            ["Жиілік бойынша", "Ұзақтық бойынша", "Мониторинг қажет емес"],
            0,
        ),
    ],
    "ru": lambda doc: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["ru"]}},
        _h("Ход практического занятия"),
        _p(
            "<ol><li>Скачайте образец карты наблюдения (ниже).</li><li>Наблюдайте за одним "
            "учеником два урока и заполните не меньше пяти ABC-записей.</li><li>Найдите в "
            "записях повторяющийся триггер и функцию поведения.</li><li>Выберите вид "
            "мониторинга: по частоте, по длительности или по интервалам времени.</li></ol>"
        ),
        {
            "type": "video",
            "value": {
                "video": DEMO_VIDEO_URL,
                "caption": "Анализ карты наблюдения: образец (6 минут)",
                "transcript": (
                    "<p>В карте пять записей. Три – после письменного задания, две – после "
                    "шумной перемены. В первых трёх последствие одно: задание отложено. Поэтому "
                    "на следующей неделе считаем частоту и пробуем сократить задание.</p>"
                ),
            },
        },
        _h("Раздаточный материал"),
        {
            "type": "document",
            "value": {"document": doc.pk, "title": HANDOUT_TITLE, "is_template": True},
        },
        _h("Проверьте себя"),
        _quiz(
            "Какой вид мониторинга нужен, чтобы узнать, сколько раз за урок бывает поведение?",
            ["По частоте", "По длительности", "Мониторинг не нужен"],
            0,
        ),
    ],
}

HANDOUT_HTML = """<html><head><meta charset="utf-8"><style>
body { font-family: sans-serif; font-size: 11pt; } table { width: 100%; border-collapse: collapse; }
td, th { border: 1px solid #333; height: 2.2cm; padding: 4px; vertical-align: top; }
th { height: auto; background: #eee; }
</style></head><body>
<h1>ABC бақылау парағы / Лист ABC-наблюдения</h1>
<p>Оқушы (шартты белгі) / Ученик (условное обозначение): ________ &nbsp; Сынып / Класс: ____</p>
<table><tr><th>Күні, уақыты / Дата, время</th><th>A – алдындағы жағдай / что было до</th>
<th>B – мінез-құлық / поведение</th><th>C – салдары / что было после</th></tr>
<tr><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td></td><td></td><td></td></tr></table>
<p>Демо-материал / Демо-материал. Баланың аты-жөнін жазбаңыз / Не пишите имя ребёнка.</p>
</body></html>"""


def _handout():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=HANDOUT_TITLE).first()
    if existing is not None:
        return existing
    from weasyprint import HTML

    pdf = io.BytesIO()
    HTML(string=HANDOUT_HTML).write_pdf(pdf)
    document = Document(title=HANDOUT_TITLE)
    document.file.save("abc-observation-sheet-demo.pdf", ContentFile(pdf.getvalue()), save=False)
    document.save()
    return document


def _video_notice() -> None:
    """The demo video's player, stored as Wagtail stores a fetched embed, so nothing is fetched."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    Embed.objects.get_or_create(
        hash=get_embed_hash(DEMO_VIDEO_URL, None, None),
        defaults={
            "url": DEMO_VIDEO_URL,
            "type": "video",
            "html": (
                '<p class="video-placeholder">Демо: бейнежазба әлі жүктелмеген – төмендегі '
                "транскриптті оқыңыз. / Демо: видео ещё не загружено – читайте расшифровку "
                "ниже.</p>"
            ),
            "title": "Demo video",
            "provider_name": "demo",
        },
    )


def seed(result: dict) -> list[str]:
    from .models import TopicPage

    _video_notice()
    handout = _handout()
    filled: list[str] = []
    for number, content in (("2.2", LECTURE), ("2.4", PRACTICE)):
        for language, body in content.items():
            page = TopicPage.objects.filter(number=number, locale__language_code=language).first()
            if page is None or len(page.body):
                continue  # an editor's text, or ours from an earlier run, stays
            page.body = body(handout)
            page.save_revision(user=None, log_action=False).publish(log_action=False)
            filled.append(f"{number} [{language}]")
    return filled

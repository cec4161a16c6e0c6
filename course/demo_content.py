"""Demo content for `seed_demo`: one finished lecture (topic 2.2, ABC analysis) and one finished
practice topic (2.4, the observation card), so editors see what a complete topic looks like:
text with headings, a video with its captions and transcript, a downloadable handout and
check-your-understanding questions. Both are marked as demo content on the page.

The video is a real one-minute file kept in the repository (course/demo_media/, made by
scripts/make_demo_video.py from the slides' source text), uploaded as a Wagtail document and shown
by the self-hosted video block with Kazakh or Russian WebVTT captions; the transcript under it is
the captions' text, so what is read is what is shown.

Idempotent and careful: a topic whose body is not empty (an editor's text, or ours from an earlier
run) is left alone, except that our own earlier demo video (a stored notice in place of a player)
is replaced by the real one.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

# The address the demo's video block had before the real file existed (its player was a stored
# notice); seeding again replaces such a block with the real video.
DEMO_VIDEO_URL = "https://video.example.kz/demo/abc-analysis"
DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
VIDEO_SOURCE = DEMO_MEDIA / "abc_analysis_video.json"
VIDEO_FILE = "abc-analysis-demo.webm"
VIDEO_TITLE = "ABC талдау / ABC-анализ (демо-бейне)"
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
    "kk": lambda doc, video: [
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
        _video(video, "kk", "ABC талдау: бір жағдайды бірге талдаймыз (1 минут)"),
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
    "ru": lambda doc, video: [
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
        _video(video, "ru", "ABC-анализ: разбираем один случай вместе (1 минута)"),
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
    "kk": lambda doc, video: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["kk"]}},
        _h("Практикалық сабақтың барысы"),
        _p(
            "<ol><li>Бақылау картасының үлгісін жүктеп алыңыз (төменде).</li><li>Бір оқушыны "
            "екі сабақ бойы бақылап, кемінде бес ABC жазбасын толтырыңыз.</li><li>Жазбалардан "
            "қайталанатын триггерді және мінез-құлықтың қызметін анықтаңыз.</li><li>Мониторинг "
            "түрін таңдаңыз: жиілік, ұзақтық немесе уақыт аралығы бойынша.</li></ol>"
        ),
        _video(
            video,
            "kk",
            ("ABC жазбасын еске түсірейік: бақылау картасына осылай жазылады (1 минут)"),
        ),
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
    "ru": lambda doc, video: [
        {"type": "callout", "value": {"kind": "note", "text": DEMO_NOTE["ru"]}},
        _h("Ход практического занятия"),
        _p(
            "<ol><li>Скачайте образец карты наблюдения (ниже).</li><li>Наблюдайте за одним "
            "учеником два урока и заполните не меньше пяти ABC-записей.</li><li>Найдите в "
            "записях повторяющийся триггер и функцию поведения.</li><li>Выберите вид "
            "мониторинга: по частоте, по длительности или по интервалам времени.</li></ol>"
        ),
        _video(video, "ru", "Вспомним ABC-запись: так её вносят в карту наблюдения (1 минута)"),
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


def video_captions(language: str) -> list[list[str]]:
    """Each slide's captions in `language`, from the video's source text."""
    source = json.loads(VIDEO_SOURCE.read_text(encoding="utf-8"))
    return [slide["captions"][language] for slide in source["slides"]]


def video_transcript(language: str) -> str:
    """The captions' text, a paragraph a slide: the transcript says what the captions say."""
    from django.utils.html import escape

    return "".join(f"<p>{escape(' '.join(c))}</p>" for c in video_captions(language))


def _document(title: str, filename: str):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    content = (DEMO_MEDIA / filename).read_bytes()
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _video_documents() -> dict:
    """The video file and its captions in each language, uploaded once."""
    return {
        "file": _document(VIDEO_TITLE, VIDEO_FILE),
        "kk": _document(f"{VIDEO_TITLE} – субтитрлер kk", "abc-analysis-demo.kk.vtt"),
        "ru": _document(f"{VIDEO_TITLE} – субтитры ru", "abc-analysis-demo.ru.vtt"),
    }


def _video(video: dict, language: str, caption: str) -> dict:
    return {
        "type": "video_file",
        "value": {
            "file": video["file"].pk,
            "captions": video[language].pk,
            "captions_language": language,
            "caption": caption,
            "transcript": video_transcript(language),
        },
    }


def _replace_notice(page, content, handout, video) -> bool:
    """Put the real video where our own earlier demo left the stored notice; True if it did."""
    raw = list(page.body.raw_data)
    new = {b["type"]: b for b in content(handout, video) if b["type"] == "video_file"}
    changed = False
    for i, block in enumerate(raw):
        if block["type"] == "video" and block["value"].get("video") == DEMO_VIDEO_URL:
            raw[i] = {**new["video_file"], "id": block.get("id")}
            changed = True
    if changed:
        page.body = raw
        page.save_revision(user=None, log_action=False).publish(log_action=False)
    return changed


def seed(result: dict) -> list[str]:
    from .models import TopicPage

    handout = _handout()
    video = _video_documents()
    filled: list[str] = []
    for number, content in (("2.2", LECTURE), ("2.4", PRACTICE)):
        for language, body in content.items():
            page = TopicPage.objects.filter(number=number, locale__language_code=language).first()
            if page is None:
                continue
            if len(page.body):
                # An editor's text, or ours from an earlier run, stays; only our old notice goes.
                if _replace_notice(page, body, handout, video):
                    filled.append(f"{number} [{language}] video")
                continue
            page.body = body(handout, video)
            page.save_revision(user=None, log_action=False).publish(log_action=False)
            filled.append(f"{number} [{language}]")
    return filled

"""Benchmark: site search on the demo content plus 1,000 generated topic pages.

    .venv/bin/python tests/bench/bench_search.py

Prints `name: value unit` lines:
- search_index_pages: how many pages the search index holds;
- search_<case>_median / _p95: cms.search.search_all (every kind: topics, glossary, literature)
  for a whole Kazakh word, the same word typed without Kazakh letters, a Russian word, a partial
  word, a word found nowhere (the slowest path: both passes run), and a word every generated page
  contains (the most matches to rank);
- search_view_median: GET /kk/search/?q=… through Django's test client (rendering included).

Runs on a throw-away test database (PostgreSQL when DATABASE_URL is set, else SQLite in memory);
nothing outside the process is touched. BENCH_SEARCH_PAGES sets the generated page count."""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

WORDS = [
    "бала",
    "оқушы",
    "мұғалім",
    "ассистент",
    "қолдау",
    "бақылау",
    "мінез-құлық",
    "тапсырма",
    "сабақ",
    "кесте",
    "карта",
    "дағды",
    "жоспар",
    "мақсат",
    "құрал",
    "көмек",
    "үзіліс",
    "зейін",
    "уәж",
    "бейімдеу",
    "ортасы",
    "ата-ана",
    "маман",
]
CASES = {
    "kazakh_word": "бейімдеу",
    "folded_word": "бейимдеу",
    "russian_word": "адаптация",
    "partial_word": "инклюз",
    "not_found": "фотосинтез",
    "every_page_word": "инклюзивтілік",
}
# Every generated page says it once, so a search for it matches all of them.
EVERY_PAGE_WORD = "инклюзивтілік"


def _timings(func, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        runs.append((time.perf_counter() - started) * 1000)
    runs.sort()
    return statistics.median(runs), runs[max(0, int(len(runs) * 0.95) - 1)]


def main() -> None:
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)

    from django.db import connection
    from django.test import Client
    from wagtail.search.models import IndexEntry

    from cms.search import search_all
    from course.content_data import GLOSSARY, LITERATURE
    from course.demo_content import seed as seed_demo_topics
    from course.models import ModulePage, TopicPage
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_content_load, programme_load

    programme_load(programme=PROGRAMME, modules=MODULES)
    programme_content_load(glossary=GLOSSARY, literature=LITERATURE)
    seed_demo_topics({})

    count = int(os.environ.get("BENCH_SEARCH_PAGES", "1000"))
    module = ModulePage.objects.get(locale__language_code="kk", number=1)
    rng = random.Random(21)
    for i in range(count):
        text = " ".join([*(rng.choice(WORDS) for _ in range(120)), EVERY_PAGE_WORD])
        page = TopicPage(
            title=f"Жасалған тақырып {i}",
            slug=f"generated-{i}",
            number=f"9.{i + 1}",
            kind="lecture",
            hours=1,
            introduction=f"<p>{text}</p>",
            locale=module.locale,
        )
        module.add_child(instance=page)
    print(f"search_index_pages: {IndexEntry.objects.count()} pages")
    print(f"# search database: {connection.vendor}", file=sys.stderr)

    repeat = int(os.environ.get("BENCH_REPEAT", "20"))
    for name, query in CASES.items():
        language = "ru" if name == "russian_word" else "kk"
        median, p95 = _timings(
            lambda q=query, lang=language: search_all(query=q, language=lang, limit=20), repeat
        )
        print(f"search_{name}_median: {median:.1f} ms")
        print(f"search_{name}_p95: {p95:.1f} ms")

    client = Client()
    client.get("/kk/search/", {"q": "бейімдеу"})  # warm templates
    median, _p95 = _timings(lambda: client.get("/kk/search/", {"q": "бейімдеу"}), repeat)
    print(f"search_view_median: {median:.1f} ms")


if __name__ == "__main__":
    main()

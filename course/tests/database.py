"""Helpers for tests that commit for real."""

from __future__ import annotations


def restore_committed_database(django_db_blocker) -> None:
    """Put back what a transactional test (django_db(transaction=True)) empties when it ends:
    the migrations' data and the session's programme and content loads (the root conftest's
    django_db_setup), for the tests that run after it. Without the content load, a later test in
    the same worker found no glossary or literature page (the PostgreSQL search tests)."""
    from django.db import connection

    from course.content_data import GLOSSARY, LITERATURE
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_content_load, programme_load

    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        programme_load(programme=PROGRAMME, modules=MODULES)
        programme_content_load(glossary=GLOSSARY, literature=LITERATURE)
        _site_rooted_at_the_course()


def _site_rooted_at_the_course() -> None:
    """The site serves the course's home page, as after the session's first load. The migrations'
    data put back by a transactional test roots the site at Wagtail's placeholder page, and the
    programme's load only moves the root when it creates the home page: the page-cache tests that
    ran after the PostgreSQL backend's found every course page without an address (404)."""
    from wagtail.models import Site

    from cms.models import HomePage

    home = HomePage.objects.filter(locale__language_code="kk").first()
    if home is not None:
        Site.objects.filter(is_default_site=True).exclude(root_page=home).update(root_page=home)
        Site.clear_site_root_paths_cache()

from __future__ import annotations

import pytest

from cms.collation import Folded, fold, name_sort_key
from cms.models import User
from cms.tests.factories import UserFactory


def test_kazakh_names_sort_in_the_kazakh_alphabets_order():
    names = ["Ыбыраев", "Қасымов", "Кенжебаев", "Әлиева", "Алиева", "Бекова", "Іскақова", "Smith"]
    assert sorted(names, key=name_sort_key) == [
        "Алиева",
        "Әлиева",
        "Бекова",
        "Кенжебаев",
        "Қасымов",
        "Ыбыраев",
        "Іскақова",
        "Smith",
    ]


def test_case_does_not_change_the_order():
    assert sorted(["қасымов", "Кенжебаев", "КАСЫМОВА"], key=name_sort_key) == [
        "КАСЫМОВА",
        "Кенжебаев",
        "қасымов",
    ]


def test_fold_lowers_cyrillic_and_joins_spaces():
    assert fold("  АЙГҮЛ   Серікова ") == "айгүл серікова"


@pytest.mark.django_db
def test_the_database_folds_cyrillic_as_python_does():
    UserFactory(email="a@example.kz", last_name="ӘЛИЕВА")
    folded = User.objects.annotate(f=Folded("last_name")).get(email="a@example.kz").f
    assert folded == "әлиева"

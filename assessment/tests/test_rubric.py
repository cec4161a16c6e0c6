from __future__ import annotations

from decimal import Decimal

import pytest

from assessment.models import Rubric
from assessment.rubric import band_for


@pytest.mark.parametrize(
    ("total", "code", "passed"),
    [
        (0, "fail", False),
        (49, "fail", False),
        (50, "satisfactory", True),
        (69, "satisfactory", True),
        (70, "good", True),
        (84, "good", True),
        (85, "excellent", True),
        (100, "excellent", True),
    ],
)
def test_band_for_gives_the_programme_band_at_each_boundary(total, code, passed):
    band = band_for(total)
    assert band.code == code
    assert band.passed is passed


@pytest.mark.parametrize(
    "total", [-1, 101, 1000, 50.0, 49.5, True, False, None, "85", Decimal("85"), 85 + 0j]
)
def test_band_for_refuses_anything_but_a_whole_number_from_0_to_100(total):
    with pytest.raises(ValueError):
        band_for(total)


def test_version_1_of_the_rubric_has_the_five_criteria_of_the_programme(db):
    rubric = Rubric.objects.get(version=1)
    criteria = list(rubric.criteria.order_by("position"))
    assert [(c.code, c.max_score) for c in criteria] == [
        ("theory", 20),
        ("practice", 30),
        ("plan", 30),
        ("defence", 10),
        ("participation", 10),
    ]
    assert rubric.max_total == 100
    assert all(c.title_kk and c.title_ru and c.title_en for c in criteria)
    assert all(c.descriptor_kk and c.descriptor_ru and c.descriptor_en for c in criteria)
    rubric.full_clean()


def test_a_rubric_whose_criteria_do_not_add_up_to_100_is_invalid(db):
    from django.core.exceptions import ValidationError

    rubric = Rubric.objects.get(version=1)
    criterion = rubric.criteria.get(code="defence")
    criterion.max_score = 15
    criterion.save()
    with pytest.raises(ValidationError, match="add up to 100"):
        rubric.full_clean()


def test_criterion_titles_follow_the_active_language(db):
    from django.utils import translation

    criterion = Rubric.objects.get(version=1).criteria.get(code="theory")
    with translation.override("ru"):
        assert criterion.title == (
            "Владение теоретическим материалом (современные подходы, нормативные требования, "
            "методы сопровождения)"
        )
    with translation.override("kk"):
        assert criterion.title == (
            "Теориялық материалды меңгеру (қазіргі заманғы тәсілдер, нормативтік талаптар, "
            "қолдау әдістері)"
        )
    with translation.override("en"):
        assert criterion.title == (
            "Mastery of theory (modern approaches, legal requirements, support methods)"
        )


def test_the_five_criterion_titles_are_the_approved_programmes_own_words(db):
    # Seed 004, lines 1423-1463, each criterion's lines joined by a space.
    approved = [
        "Теориялық материалды меңгеру (қазіргі заманғы тәсілдер, нормативтік талаптар, қолдау "
        "әдістері)",
        "Тәжірибелік жағдайларда білімді қолдану (кейстерді талдау, қолдау құралдарын таңдау)",
        "Қорытынды тапсырманың сапасы: жеке қолдау жоспары (құрылымы, логикасы, "
        "қажеттіліктерді талдаудың дұрыстығы, құралдардың негіздемесі)",
        "Қорытынды жұмысты ұсыну және қорғау (дәлелдеу, кәсіби терминология, сұрақтарға жауап "
        "беру қабілеті)",
        "Талқылауға, топтық жұмысқа, практикалық сабақтарға қатысу",
    ]
    criteria = Rubric.objects.get(version=1).criteria.order_by("position")

    assert [c.title_kk for c in criteria] == approved
    assert [c.max_score for c in criteria] == [20, 30, 30, 10, 10]


def test_the_band_phrases_are_the_approved_programmes_own_words():
    from django.utils import translation

    from assessment.rubric import OFFICIAL_BAND_KK, band_for

    approved = {
        85: "Аттестация сәтті өтті (өте жақсы)",
        70: "Аттестация сәтті өтті (жақсы)",
        50: "Аттестация өтті (қанағаттанарлық)",
        49: "Аттестация өтпеді",
    }
    for total, phrase in approved.items():
        assert OFFICIAL_BAND_KK[band_for(total).code] == phrase
        with translation.override("kk"):
            assert str(band_for(total).label) == phrase
    with translation.override("ru"):
        assert str(band_for(85).label) == "Аттестация успешно пройдена (отлично)"
        assert str(band_for(10).label) == "Аттестация не пройдена"


def test_the_stored_bands_of_version_1_agree_with_band_for(db):
    rubric = Rubric.objects.get(version=1)
    for total in range(101):
        assert rubric.band_for(total) == band_for(total)

from __future__ import annotations

import datetime

from certificates.codes import (
    ALPHABET,
    CODE_RE,
    format_serial,
    generate_code,
    normalise_code,
    valid_until_for,
)


def test_a_code_has_80_random_bits_in_four_readable_groups():
    code = generate_code()
    assert CODE_RE.match(code)
    assert len(code.replace("-", "")) * 5 == 80
    assert len(ALPHABET) == 32 and not set("ILOU") & set(ALPHABET)


def test_codes_do_not_repeat():
    assert len({generate_code() for _ in range(2000)}) == 2000


def test_a_typed_code_is_normalised_with_confusable_letters_fixed():
    assert normalise_code(" k7qf 3m9x-tp2d-8wor ") == "K7QF-3M9X-TP2D-8W0R"
    assert normalise_code("K7QF-3M9X-TP2D-8W4RI") is None
    assert normalise_code("K7QF-3M9X-TP2D-8W4!") is None
    assert normalise_code("") is None


def test_a_serial_is_padded_to_five_digits():
    assert format_serial(2026, 42) == "PA-2026-00042"


def test_validity_is_three_years_and_a_leap_day_becomes_28_february():
    assert valid_until_for(datetime.date(2026, 6, 30)) == datetime.date(2029, 6, 30)
    assert valid_until_for(datetime.date(2028, 2, 29)) == datetime.date(2031, 2, 28)
    assert valid_until_for(datetime.date(2028, 3, 1)) == datetime.date(2031, 3, 1)

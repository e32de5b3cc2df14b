"""A country under its other names (assistant/countries.py)."""

from __future__ import annotations

import pytest

from assistant.countries import countries
from assistant.text import terms


@pytest.mark.parametrize(("name", "country"), [
    ("Washington", "United States"), ("the U.S.", "United States"),
    ("America", "United States"), ("American", "United States"),  # not American Samoa
    ("Tehran", "Iran"), ("Iran", "Iran"), ("Muscat", "Oman"), ("Damascus", "Syria"),
    ("London", "United Kingdom"), ("British", "United Kingdom"),
])
def test_a_capital_or_a_demonym_is_its_country(name: str, country: str) -> None:
    assert country in countries(terms(name))


def test_words_that_name_no_country_stay_themselves() -> None:
    assert countries(terms("new talks")) == {"new", "talk"}
    assert countries(["mediat"]) == {"mediat"}

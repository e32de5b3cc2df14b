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


def test_a_country_no_name_of_which_the_corpus_uses_is_unnamed() -> None:
    from assistant.countries import unnamed

    corpus = {"tehran", "usa", "oman", "israel"}  # Iran by its capital, the U.S. folded
    known = corpus.__contains__
    assert unnamed("What is Russia's position?", known) == ("Russia",)
    assert unnamed("Does China side with Iran or America?", known) == ("China",)
    assert unnamed("Why is Tehran avoiding Washington?", known) == ()
    assert unnamed("What do the Americans want?", known) == ()
    assert unnamed("Russia?", known) == ()  # a message's first word is read as any word

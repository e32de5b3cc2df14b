"""One country under its other names: "Washington" and "American" are the U.S., "Tehran" and
"Iranian" are Iran, as a news article writes them (a capital for its government).

Read from countryinfo's data (every country's name, capital and demonym), once, on first use.
Only single-word names are read: a word of "New Zealand" or "South Africa" alone is no country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .text import STOPWORDS, terms


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Each term that names one country (its name, capital or demonym) → that country's name."""
    from countryinfo import all_countries

    names: list[list[tuple[str, str]]] = [[], [], []]  # (alias, country): names, capitals, demonyms
    for c in all_countries():
        capital: str | list[str] = c.capital() or []  # a name, or a list (several capitals)
        names[0].append((c.name(), c.name()))
        names[1] += [(k, c.name()) for k in ([capital] if isinstance(capital, str) else capital)]
        names[2].append((c.demonym() or "", c.name()))
    # Names first, then capitals, then demonyms: where two countries share a word ("American"
    # is also American Samoa's), the country it names wins.
    out: dict[str, str] = {}
    for alias, name in (pair for kind in names for pair in kind):
        stems = terms(alias.replace("D.C.", ""))  # "Washington D.C."
        if len(stems) == 1 and stems[0] not in STOPWORDS:
            out.setdefault(stems[0], name)
    return out


def cased_countries(name_first: Callable[[str], bool]) -> dict[str, str]:
    """Every one-word country name, capital and demonym by its lower-case form ("russia" →
    Russia, "saudi" → Saudi), for a question typed without capitals; not one whose commonest
    sense is a common word (`name_first` False: "turkey", "chad")."""
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for c in all_countries():
        capital: str | list[str] = c.capital() or []
        for alias in (c.name(), *([capital] if isinstance(capital, str) else capital),
                      c.demonym() or ""):
            if alias and " " not in alias and alias.lower() not in STOPWORDS and name_first(
                    alias.lower()):
                out.setdefault(alias.lower(), alias)
    return out


def country(term: str) -> str:
    """The country a term (as `text.terms` gives it) names, or the term itself."""
    return _countries().get(term, term)


def is_country(term: str) -> bool:
    """Whether a term (as `text.terms` gives it) is a country's own name ("oman"), not its
    capital ("damascus") or demonym ("omani")."""
    name = _countries().get(term)
    return name is not None and terms(name) == [term]


def countries(stems: Iterable[str]) -> set[str]:
    """The terms with every name of a country read as that country."""
    return {country(t) for t in stems}


@lru_cache(maxsize=1)
def _names_of() -> dict[str, frozenset[str]]:
    """Each country's name → every term that names it."""
    out: dict[str, set[str]] = {}
    for term, name in _countries().items():
        out.setdefault(name, set()).add(term)
    return {name: frozenset(terms_) for name, terms_ in out.items()}


def unnamed(question: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The countries a question names ("What is Russia's position?") that a corpus never
    names by any of their names (`known` tells a term of the corpus): an article that never
    names a country does not talk about it. "Washington" or "Americans" name the U.S."""
    out = []
    for word in re.findall(r"(?<=\S )[A-Z][a-z][\w-]*", question.strip()):
        stems = terms(word)
        nation = country(stems[0]) if stems else ""
        if stems and nation != stems[0] and not any(known(t) for t in _names_of()[nation]):
            out.append(word)
    return tuple(dict.fromkeys(out))

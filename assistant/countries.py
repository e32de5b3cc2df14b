"""One country under its other names: "Washington" and "American" are the U.S., "Tehran" and
"Iranian" are Iran, as a news article writes them (a capital for its government).

Read from countryinfo's data (every country's name, capital and demonym), once, on first use.
Only single-word names are read: a word of "New Zealand" or "South Africa" alone is no country.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def country(term: str) -> str:
    """The country a term (as `text.terms` gives it) names, or the term itself."""
    return _countries().get(term, term)


def countries(stems: Iterable[str]) -> set[str]:
    """The terms with every name of a country read as that country."""
    return {country(t) for t in stems}

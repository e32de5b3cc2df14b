"""The eval suite: the reference set is sound, the metrics are right, and the gate can fail.

The gate tests run the real assistant (real MiniLM, real Chroma in a temporary folder) through
`python -m evals`'s `main()`, once as it is and once with a deliberately broken answerer that
wraps the real one: one drops a citation, one answers what it should decline. The first must
pass and the broken ones must make the gate exit non-zero, so the gate is shown able to fail.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.settings import ROOT
from assistant.values import Answer, Citation, Claim, Draft, Hit, Query
from evals import gate, judge, metrics
from evals.dataset import CATEGORIES, DatasetError, Gold, Item, load
from evals.report import compare

ARTICLE = ROOT / "corpus" / "000_62740a8eec420147.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")
SOURCE = ARTICLE.name


@pytest.fixture(scope="module")
def reference():
    return load()


# ---- the reference set -------------------------------------------------------------------------
def test_every_gold_quote_is_verbatim_and_unique_in_the_article(reference):
    for item in reference.items:
        for g in item.gold:
            assert TEXT.count(g.quote) == 1, (item.id, g.quote)
            assert TEXT[g.start : g.end] == g.quote


def test_size_and_mix(reference):
    items = reference.items
    assert len(items) >= 90
    unanswerable = [i for i in items if not i.answerable]
    assert len(unanswerable) / len(items) >= 0.25
    counts = Counter(i.category for i in items)
    # The reference set keeps its seven categories; the rest are the blind and dev sets'.
    assert set(counts) == set(CATEGORIES[:7])
    chains = Counter(i.chain for i in items if i.chain)
    assert len(chains) >= 10 and all(2 <= n <= 3 for n in chains.values())


def test_ids_are_unique_and_follow_the_naming(reference):
    ids = [i.id for i in reference.items]
    assert len(ids) == len(set(ids))
    prefix = {"short_fact": "fact.", "why_how": "why.", "list": "list.", "paraphrase": "para.",
              "unanswerable": "na.", "adversarial": "adv.", "multi_turn": "mt."}
    for i in reference.items:
        assert i.id.startswith(prefix[i.category]), i.id


def test_a_chain_turn_carries_the_earlier_turns_as_history(reference):
    turns = [i for i in reference.items if i.chain == "mt.jcpoa"]
    assert [len(t.history) for t in turns] == [0, 2, 4]
    assert turns[2].history[0] == ("user", "What is the JCPOA?")
    assert turns[2].history_messages()[3] == {"role": "assistant", "content": "In 2015."}


def test_paraphrases_share_few_words_with_their_gold_passages(reference):
    for i in reference.items:
        if i.category == "paraphrase":
            q = metrics.content_words(i.question)
            g = set().union(*(metrics.content_words(x.quote) for x in i.gold))
            assert len(q & g) <= 0.25 * len(q), (i.id, q & g)


def test_selection_by_id_and_category(reference):
    assert [i.id for i in reference.select(["na.sultan", "fact.president"])] == [
        "na.sultan", "fact.president"]
    assert {i.category for i in reference.select(category="list")} == {"list"}
    with pytest.raises(DatasetError, match="unknown item id"):
        reference.select(["no.such-item"])
    with pytest.raises(DatasetError, match="unknown category"):
        reference.select(category="trivia")


def test_a_misquoted_gold_passage_is_refused(tmp_path):
    bad = tmp_path / "ref.yaml"
    bad.write_text(
        f"article: {SOURCE}\nitems:\n  - id: x\n    category: short_fact\n    question: Q?\n"
        "    answer: A.\n    key_facts: [[Oman]]\n    gold: [\"Oman is the capital\"]\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match="not found"):
        load(bad, ROOT / "corpus")


# ---- metrics, pinned to hand-built answers -------------------------------------------------------
def span_of(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def citation(n: int, quote: str) -> Citation:
    start, end = span_of(quote)
    return Citation(n, quote, SOURCE, start, end, None)


KANI = ("This public refutation was reinforced by Iran’s top nuclear negotiator, Ali Bagheri Kani, "
        "who confirmed that all discussions related to nuclear issues and sanctions relief were "
        "being conducted through mediators such as Oman, Qatar, and the European Union.")
SIGNED = ("The JCPOA, signed in 2015, initially placed strict limits on Iran’s enrichment "
          "activities in exchange for sanctions relief.")


def item(**kw) -> Item:
    quote = "conducted through mediators such as Oman, Qatar, and the European Union"
    start, end = span_of(quote)
    base = dict(id="t", category="list", question="Who mediates?", answer="Oman, Qatar and the EU.",
                key_facts=(("Oman",), ("Qatar",), ("European Union",)),
                gold=(Gold(quote, SOURCE, start, end),), answerable=True)
    base.update(kw)
    return Item(**base)  # type: ignore[arg-type]


def test_key_facts_need_every_fact_and_accept_any_alternative():
    a = Answer("q", f"{KANI} [1]", [citation(1, KANI)])
    assert metrics.key_fact_recall(a, item()).value == 1.0
    partial = Answer("q", "Oman and Qatar mediate. [1]", [citation(1, KANI)])
    s = metrics.key_fact_recall(partial, item())
    assert s.value == pytest.approx(2 / 3)
    assert "expected 'European Union'" in s.reason and "got:" in s.reason
    # Matching starts at a word: "EU" would not be found inside "neutral".
    assert metrics.key_fact_recall(Answer("q", "neutral"), item(key_facts=(("EU",),))).value == 0


def test_retrieval_hit_and_mrr_use_the_overlap_rule():
    other = metrics.Span(SOURCE, *span_of(SIGNED), SIGNED)
    gold_sentence = metrics.Span(SOURCE, *span_of(KANI), KANI)
    ranked = [other, other, gold_sentence]
    assert metrics.hit_at(1, ranked, item()).value == 0.0
    assert metrics.hit_at(4, ranked, item()).value == 1.0
    assert metrics.mrr(ranked, item()).value == pytest.approx(1 / 3)
    assert metrics.hit_at(4, ranked, item(answerable=False, key_facts=(), gold=())) is None


def test_hit_at_k_counts_a_follow_up_s_continuation_handed_over_from_further_down():
    from evals.run import _handed_hit

    other = metrics.Span(SOURCE, *span_of(SIGNED), SIGNED)
    gold_sentence = metrics.Span(SOURCE, *span_of(KANI), KANI)
    ranked = [other] * 13 + [gold_sentence]
    miss = metrics.hit_at(12, ranked, item())
    assert miss.value == 0.0
    # The engine hands the answerer the first 12 and, for a follow-up, the sentence that
    # carries on from the last answer wherever it ranks (Assistant.handed).
    assert _handed_hit(miss, [gold_sentence], item()).value == 1.0
    assert _handed_hit(miss, [other], item()).value == 0.0
    assert _handed_hit(None, [gold_sentence], item()) is None


def test_citation_validity_catches_a_wrong_offset_and_an_orphan_marker(tmp_path):
    good = Answer("q", f"{KANI} [1]", [citation(1, KANI)])
    assert metrics.citation_validity(good, ROOT / "corpus").value == 1.0
    shifted = replace(citation(1, KANI), start=citation(1, KANI).start + 1)
    assert metrics.citation_validity(Answer("q", "x [1]", [shifted]), ROOT / "corpus").value == 0
    orphan = metrics.citation_validity(Answer("q", "x [1] y [2]", [citation(1, KANI)]),
                                       ROOT / "corpus")
    assert orphan.value == 0 and "markers without a citation: [2]" in orphan.reason


def test_citation_recall_and_precision_alce_style():
    a = Answer("q", "Oman, Qatar and the European Union mediate. [1][2] The deal dates from 2015.",
               [citation(1, KANI), citation(2, SIGNED)])
    st = metrics.statements(a.text)
    assert [s.markers for s in st] == [(1, 2), ()]
    # Statement 1 is supported (citation 1 is on the gold passage); statement 2 has no marker.
    assert metrics.citation_recall(a, item()).value == 0.5
    # Of the two (statement, citation) pairs, the one citing the 2015 sentence is irrelevant.
    assert metrics.citation_precision(a, item()).value == 0.5
    assert metrics.citation_coverage(a, item()).value == 0.5


def test_abstention_and_over_refusal_are_scored_apart():
    no = Answer("q", "The article doesn't say.", abstained=True)
    unanswerable = item(answerable=False, key_facts=(), gold=())
    assert metrics.abstention(no, unanswerable).value == 1.0
    assert metrics.over_refusal(no, unanswerable) is None
    assert metrics.over_refusal(no, item()).value == 1.0
    assert metrics.abstention(no, item()) is None


def test_token_f1_against_the_reference():
    s = metrics.token_f1(Answer("q", "Oman and Qatar [1]"), item(answer="Oman, Qatar and the EU."))
    # tokens: [oman, and, qatar] vs [oman, qatar, and, eu]: 3 common → p=1, r=0.75
    assert s.value == pytest.approx(2 * 0.75 / 1.75)


def test_percentile_interpolates():
    assert metrics.percentile([10, 20, 30, 40], 50) == 25
    assert metrics.percentile([1.0] * 19 + [100.0], 95) == pytest.approx(5.95)


# ---- the gate, the comparison, the judge ---------------------------------------------------------
def test_gate_checks_min_max_and_baseline_and_refuses_unknown_metrics():
    bounds = [gate.Bound("answer.key_facts", "min", 0.8), gate.Bound("latency.p95_ms", "max", 100),
              gate.Bound("retrieval.hit@4", "min_vs_baseline", 0.0),
              gate.Bound("abstention.accuracy", "min", 0.9)]
    measured = {"answer.key_facts": 0.79, "latency.p95_ms": 50, "retrieval.hit@4": 0.9}
    verdicts = gate.check(bounds, measured, {"retrieval.hit@4": 0.8})
    assert [v.passed for v in verdicts] == [False, True, True, True]
    assert verdicts[0].reason == "answer.key_facts: expected ≥ 0.8, got 0.79 — FAILED"
    assert verdicts[3].value is None  # not measured: skipped, not failed
    with pytest.raises(ValueError, match="unknown metric"):
        gate.check([gate.Bound("answer.keyfacts", "min", 1)], measured, known={"answer.key_facts"})


def test_committed_thresholds_name_known_metrics():
    from evals.run import METRICS

    bounds = gate.load()
    assert bounds and all(b.metric in METRICS for b in bounds)


def test_compare_lists_what_got_better_and_worse():
    before = {"run": {"started": "t0"}, "metrics": {"answer.key_facts": 0.5},
              "results": [{"id": "a", "passed": True, "failures": []},
                          {"id": "b", "passed": False, "failures": []}]}
    after = {"metrics": {"answer.key_facts": 0.6},
             "results": [{"id": "a", "passed": False, "failures": [{"check": "answer.key_facts"}]},
                         {"id": "b", "passed": True, "failures": []}]}
    c = compare(before, after)
    assert c["better"] == ["b"]
    assert c["worse"] == [{"id": "a", "checks": ["answer.key_facts"]}]
    assert c["metrics"]["answer.key_facts"]["delta"] == pytest.approx(0.1)


def test_judge_parses_a_scripted_model():
    from fakes import ScriptedChatModel

    model = ScriptedChatModel(replies=["SCORE: 0.8\nREASON: mostly supported", "no idea"])
    j = judge.Judge(model)
    a = Answer("Who mediates?", f"{KANI} [1]", [citation(1, KANI)])
    assert j.faithfulness(a) == metrics.Score(0.8, "mostly supported")
    assert j.relevance(a).value == 0.0  # an unparseable reply scores 0 and says so
    assert "Who mediates?" in str(model.calls[0][0].content)


# ---- the gate on the real assistant --------------------------------------------------------------
# Items the assistant handles today: two facts, a list, a chain turn and two look-alikes to decline.
SUBSET = ",".join(["fact.spokesperson", "fact.signed-year", "list.mediators", "mt.jcpoa.2",
                   "na.qatar-payment", "na.centrifuges"])


class DropsCitation:
    """Broken on purpose: the real answer, with the first claim's citation removed."""

    name = "broken-drops-citation"

    def __init__(self, real) -> None:
        self.real = real

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        draft = self.real().answer(query, hits)
        if draft.abstained or not draft.claims:
            return draft
        first = replace(draft.claims[0], support=())
        return replace(draft, claims=(first, *draft.claims[1:]))


class AnswersEverything:
    """Broken on purpose: where the real answerer declines, it answers with the best passage."""

    name = "broken-answers-everything"

    def __init__(self, real) -> None:
        self.real = real

    def answer(self, query: Query, hits: Sequence[Hit]) -> Draft:
        draft = self.real().answer(query, hits)
        if not draft.abstained:
            return draft
        best = hits[0].sentence
        return Draft(claims=(Claim(best.text, (best,)),), backend=self.name)


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    from assistant import Settings

    return Settings.from_env(index_dir=tmp_path_factory.mktemp("evals-index"), llm=None)


def run_gate(settings, out: Path, broken=None) -> tuple[int, dict]:
    from assistant import Assistant
    from evals.cli import main

    if broken is None:
        assistant = Assistant(settings)
    else:
        holder: list[Assistant] = []
        assistant = Assistant(settings, answerer=broken(lambda: holder[0].extractive))
        holder.append(assistant)
    code = main(["--only", SUBSET, "--no-baseline", "--out", str(out)], assistant=assistant)
    return code, json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_the_real_assistant_passes_the_gate_on_the_subset(settings, tmp_path):
    code, report = run_gate(settings, tmp_path)
    assert code == 0, report["failures"]
    assert report["items"] == 6 and report["unanswerable"] == 2
    assert report["run"]["backend"] == "extractive" and report["run"]["fallback_rate"] is None
    assert {p.name for p in tmp_path.iterdir()} >= {"report.json", "report.md", "chart.png"}


@pytest.mark.slow
def test_dropping_a_citation_fails_the_gate(settings, tmp_path):
    code, report = run_gate(settings, tmp_path, DropsCitation)
    assert code == 1
    failed = {c["metric"] for c in report["gate"]["checks"] if not c["passed"]}
    assert "citations.coverage" in failed
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "expected a marker on every statement" in md


@pytest.mark.slow
def test_answering_the_unanswerable_fails_the_gate(settings, tmp_path):
    code, report = run_gate(settings, tmp_path, AnswersEverything)
    assert code == 1
    failed = {c["metric"] for c in report["gate"]["checks"] if not c["passed"]}
    assert "abstention.accuracy" in failed
    reasons = [c["reason"] for f in report["failures"] for c in f["checks"]]
    assert any(r.startswith("expected an abstention, got an answer") for r in reasons)


@pytest.mark.slow
def test_llm_runs_the_suite_with_that_model_and_reports_its_fallback_rate(settings, tmp_path,
                                                                          monkeypatch):
    """Nothing listens on port 9, so every answer falls back to the extractive one."""
    from evals.cli import main

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "5")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    model = "openai:m@http://127.0.0.1:9/v1"
    code = main(["--llm", model, "--only", SUBSET, "--no-baseline", "--out", str(tmp_path)])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert code in (0, 1) and report["run"]["backend"] == model
    assert report["run"]["fallback_rate"] == 1.0
    assert all(r["backend"] == "extractive" and "failed (" in r["notices"][-1]
               for r in report["results"])
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert f"answerer `{model}`" in md
    assert "- Fallback rate: 1.00 (6 of 6 answers came from the extractive answerer" in md


@pytest.mark.slow
def test_an_unusable_model_line_is_a_usage_error(settings, tmp_path, monkeypatch, capsys):
    from evals.cli import main

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    code = main(["--llm", "no-provider-here", "--only", "fact.spokesperson", "--no-baseline",
                 "--out", str(tmp_path)])
    assert code == 2 and "expected PROVIDER:MODEL" in capsys.readouterr().err
    assert not (tmp_path / "report.json").exists()


def test_no_dev_question_is_a_blind_one() -> None:
    """The blind set is never tuned on: no question the scorer is trained on or the rules are
    tuned on (every dev set, turns included) is one of its questions, word for word or but for
    case and punctuation."""
    import re

    from evals.train import dev_sets

    def norm(q: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", q.lower()))

    blind = load(ROOT / "evals" / "blind.yaml")
    asked = {norm(i.question) for i in blind.items}
    shared = [i.question for _, items in dev_sets().values() for i in items
              if norm(i.question) in asked]
    assert not shared, shared


def test_the_answer_threshold_is_the_middle_of_the_near_best_run() -> None:
    """`make train` chooses where to decline in the middle of the thresholds that make nearly
    the most right decisions, not at the single best one, which a flat curve moves about."""
    import numpy as np

    from evals.train import most_right

    # Look-alikes score 0.0-0.2, answerable questions 0.6-1.0: every threshold between 0.2 and
    # 0.6 is as right as any other; the middle of that run is chosen.
    y = np.array([0] * 20 + [1] * 80)
    p = np.concatenate([np.linspace(0.0, 0.2, 20), np.linspace(0.6, 1.0, 80)])
    assert most_right(p, y) == pytest.approx(0.41, abs=0.02)
    # A clear best point with steep sides stays where it is.
    y = np.array([0] * 50 + [1] * 50)
    p = np.concatenate([np.full(50, 0.49), np.full(50, 0.51)])
    assert most_right(p, y) == pytest.approx(0.5, abs=0.01)


def test_a_fact_against_an_answer_never_weighs_for_one() -> None:
    """One answerable question with its focus missing must not teach the answerable model that
    a missing focus makes a question answerable (evals/train.py AGAINST)."""
    import numpy as np

    from assistant.features import QUESTION
    from evals.train import AGAINST, _fit_against

    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, len(QUESTION)))
    y = (x[:, 0] > 0).astype(int)  # top_p decides
    for name in AGAINST:
        x[:, QUESTION.index(name)] = 0.0
    x[np.flatnonzero(y)[0], QUESTION.index("focus_missing")] = 1.0  # one answerable with it
    coef = dict(zip(QUESTION, _fit_against(x, y)[1].coef_[0], strict=True))
    assert all(coef[n] <= 0 for n in AGAINST)
    assert coef["top_p"] > 0


def test_the_dev_replay_can_ask_every_question_in_lower_case() -> None:
    from evals.dataset import Item
    from evals.devreplay import lowercased

    item = Item("x.1", "multi_turn", "What did Trump claim?", "", (("Trump",),), (), True,
                history=(("user", "Who is Kanaani?"), ("assistant", "Kanaani is …")))
    low = lowercased(item)
    assert low.question == "what did trump claim?"
    # The user's turns are typed in lower case; the assistant's replies are as it gave them.
    assert low.history == (("user", "who is kanaani?"), ("assistant", "Kanaani is …"))
    assert low.key_facts == item.key_facts

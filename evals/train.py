"""`make train`: fit the learned scorer on the dev sets and write assistant/scorer.json.

    python -m evals.train            fit on every dev set, cross-validate, write the weights
    python -m evals.train --check    also leave each extra article out and report its figures

The data are the dev sets only (evals/dev/*.yaml, and tests/data/dev_set.yaml on the main
article); the reference set and the blind set are never read here. For every dev question the
real pipeline runs (the question stage, retrieval over that article's own index) and each
candidate it hands over becomes a labelled pair: positive when it is one of the question's gold
sentences. Three standardised logistic regressions are fitted (scikit-learn, lbfgs, fixed C, so
a re-run on the same data writes the same file):

1. pair: P(a candidate belongs in the answer), cross-validated grouped by question;
2. answerable: P(the article answers), fitted on the out-of-fold pair probabilities so it
   learns from probabilities as good as the ones it will see on new questions;
3. intent: question / summary / small talk, from the message's MiniLM embedding.

The two thresholds are chosen on the out-of-fold predictions: `include` maximises the mean
F-beta (beta = 2: a missing supporting sentence costs a reader more than an extra one) of the
composed answers' sentences against the gold sentences; `answer` is the middle of the run of
thresholds that make nearly the most right decisions (answer the answerable, decline the
look-alikes; within one standard error of the best) over the dev questions out of fold, each
question counting the same (`most_right`). Two other rules were tried and measured on the dev set:
balanced accuracy (Youden's J) declined a fifth of the answerable questions; the highest
threshold keeping over-refusal under 3% declined a third of the look-alikes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.learned import LearnedAnswerer

from .dataset import ARTICLES, CORPUS, DEV, Item, load
from .metrics import Span, relevant

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "assistant" / "scorer.json"
OLD_DEV = ROOT / "tests" / "data" / "dev_set.yaml"
GENERALIZATION = ROOT / "evals" / "out" / "generalization.json"  # written by --check
C = 1.0  # inverse regularisation strength: scikit-learn's default, not tuned
FOLDS = 5
BETA = 2.0
INTENTS = ("question", "summary", "chat")


@dataclass
class Example:
    """One dev question run through the real pipeline, with its candidates' features."""

    article: str
    qid: str
    answerable: bool
    intent: str
    rows: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    n_gold: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # what question features need
    intent_row: list[float] = field(default_factory=list)


def _old_dev(text: str, source: str) -> list[Item]:
    """tests/data/dev_set.yaml (gold as fragments of sentences) as items."""
    from .dataset import Gold

    raw = yaml.safe_load(OLD_DEV.read_text(encoding="utf-8"))
    items = []
    for i, row in enumerate(raw.get("answerable", [])):
        gold = []
        for frag in row["gold"]:
            at = text.find(frag)
            if at >= 0:
                gold.append(Gold(frag, source, at, at + len(frag)))
        facts = tuple(tuple(f) for f in row["facts"])
        items.append(Item(f"old.{i}", "short_fact", row["q"], "", facts, tuple(gold), True))
    for i, q in enumerate(raw.get("unanswerable", [])):
        items.append(Item(f"old.na.{i}", "unanswerable", q, "", (), (), False))
    return items


def dev_sets() -> dict[str, tuple[Path, list[Item]]]:
    """Per article file name: the article's path and its dev items."""
    out: dict[str, tuple[Path, list[Item]]] = {}
    for path in sorted(DEV.glob("*.yaml")):
        ref = load(path)
        folder = CORPUS if (CORPUS / ref.source).is_file() else ARTICLES
        article, items = out.get(ref.source, (folder / ref.source, []))
        out[ref.source] = (article, items + list(ref.items))
        if OLD_DEV.is_file() and folder == CORPUS:
            out[ref.source][1].extend(_old_dev(ref.text, ref.source))
    return out


def _assistant(article: Path, workdir: Path, scorer: Path | None = None) -> Any:
    """An Assistant over one article alone, with its own index in `workdir`."""
    from assistant import Assistant, Settings

    corpus = workdir / f"corpus-{article.stem}"
    corpus.mkdir(parents=True, exist_ok=True)
    shutil.copy(article, corpus / article.name)
    settings = Settings.from_env(corpus_dir=corpus, index_dir=workdir / f"index-{article.stem}",
                                 chroma_url=None, answerer="learned",
                                 **({"scorer_path": scorer} if scorer else {}))
    a = Assistant(settings, notify=lambda _msg: None)
    a.load()
    return a


def neutral(path: Path) -> Path:
    """A weights file that scores nothing (all zero): features do not depend on the weights."""
    from assistant.features import PAIR, QUESTION

    def zero(names: Sequence[str]) -> dict[str, Any]:
        n = len(names)
        return {"names": list(names), "mean": [0.0] * n, "scale": [1.0] * n,
                "coef": [0.0] * n, "intercept": [0.0]}

    path.write_text(json.dumps({"pair": zero(PAIR), "answerable": zero(QUESTION),
                                "thresholds": {"include": 0.5, "answer": 0.5}}))
    return path


@dataclass
class Retrieved:
    """What the real pipeline handed over for one article's dev questions (cacheable)."""

    article: str
    sentences: list[Any]  # every Sentence of the article
    idf: dict[str, float]
    runs: list[tuple[Item, Any, list[Any], list[float]]]  # item, Query, hits, own-words vector


def retrieve_all(article: Path, items: Sequence[Item], workdir: Path) -> Retrieved:
    """Run the question and retrieval stages for every item of one article."""
    from assistant.asks import asking_sentence
    from assistant.question import own_words

    a = _assistant(article, workdir, neutral(workdir / "neutral.json"))
    runs = []
    for item in items:
        query = a.retriever.spell(a.prepare(item.question, item.history_messages()))
        encoded = a.retriever.encode(query.standalone)
        vector = encoded.vector
        # What the engine hands the answerer: the first top_k, and a follow-up's continuation
        # of what was just said wherever it ranks.
        hits = a.handed(a.retriever.rank(query, encoded))
        own = asking_sentence(own_words(query.standalone))
        own_vector = vector if own == query.standalone else a.retriever.embed(own)
        runs.append((item, query, hits, [float(v) for v in own_vector]))
    return Retrieved(article.name, list(a.extractive.places.at.values()), dict(a.retriever.idf),
                     runs)


def _cached(cache: Path | None, article: Path, items: Sequence[Item], work: Path) -> Retrieved:
    """`retrieve_all`, kept in `cache` under a key of the article's and questions' text."""
    if cache is None:
        return retrieve_all(article, items, work)
    import hashlib
    import pickle

    key = hashlib.sha256(article.read_bytes() + repr([(i.id, i.question, i.history)
                                                      for i in items]).encode()).hexdigest()
    path = cache / f"{article.stem}-{key[:12]}.pickle"
    if path.is_file():
        with path.open("rb") as f:
            data = pickle.load(f)
        return data if isinstance(data, Retrieved) else Retrieved(**data)
    got = retrieve_all(article, items, work)
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:  # a plain dict: loadable whichever module name ran this
        pickle.dump(vars(got), f)
    return got


def examples(got: Retrieved) -> list[Example]:
    """The features and labels of every dev question of one article."""
    from assistant.asks import asking_sentence
    from assistant.features import Asked, intent_features, pair_features
    from assistant.question import about_the_answer, own_words

    answerer = LearnedAnswerer(got.sentences, got.idf, _Thresholds(0.5))  # type: ignore[arg-type]
    out = []
    for item, query, hits, own_vector in got.runs:
        if item.history and about_the_answer(item.question) is not None:
            continue  # "source?", "in one sentence?": about the reply just given, read by rule
        intent = {"summary": "summary", "chat": "chat"}.get(item.expect or "", "question")
        own = asking_sentence(own_words(query.standalone))
        asked = Asked.of(own, query.standalone)
        ex = Example(got.article, f"{got.article}:{item.id}",
                     item.answerable and intent == "question", intent)
        ex.intent_row = intent_features(own_vector, asked, hits, answerer.context)
        if intent == "question":
            ex.rows = pair_features(asked, hits, answerer.context)
            ex.labels = [int(relevant(Span(h.sentence.source, h.sentence.start, h.sentence.end),
                                      item.gold) is not None) for h in hits]
            ex.n_gold = len(item.gold)
            focus_missing = answerer.focus_missing(asked, hits)
            ex.extra = {"asked": asked, "hits": hits, "focus_missing": focus_missing,
                        "unknown": len(answerer.unknown_names(own)),
                        "vetoed": answerer.reason(asked, hits, [h.score for h in hits],
                                                  answerer.unknown(own)) is not None
                        or (focus_missing and asked.need != "describe"),
                        "answerer": answerer}
        out.append(ex)
    return out


def _fit(x: np.ndarray, y: np.ndarray, multi: bool = False) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    # The intent model reads an embedding whose dimensions are already on one scale (some are
    # near-constant, which standardising would blow up): it is centred, not rescaled.
    model = make_pipeline(StandardScaler(with_std=not multi), LogisticRegression(
        C=C, max_iter=5000, class_weight="balanced" if multi else None))
    return model.fit(x, y)


# Question features that state a fact against an answer: a name the article never uses, the
# thing asked about missing, no value of the kind asked. None may count for answering; but one
# seen in only a few live questions (most such questions are declined by the fact itself and
# never reach the model) can get a weight of either sign once standardised (one answerable
# "describe" question with its focus missing gave focus_missing +3.4 in logit, and "What is the
# capital of France?" 0.83). A feature whose weight comes out for answering is left out (held
# at 0) and the model refit, as a monotone constraint would.
AGAINST = ("unknown", "focus_missing", "type_unmet")


def _fit_against(x: np.ndarray, y: np.ndarray) -> Any:
    """The answerable model, no feature of AGAINST weighing for an answer."""
    from assistant.features import QUESTION

    x = x.copy()
    while True:
        model = _fit(x, y)
        coef = model[1].coef_[0]
        wrong = [QUESTION.index(n) for n in AGAINST if coef[QUESTION.index(n)] > 0]
        if not wrong:
            return model
        x[:, wrong] = 0.0


def _export(model: Any, names: Sequence[str], classes: Sequence[str] = ()) -> dict[str, Any]:
    scaler, lr = model[0], model[1]
    scale = (np.ones_like(scaler.mean_) if scaler.scale_ is None
             else np.where(scaler.scale_ == 0, 1.0, scaler.scale_))
    r = lambda a: [float(f"{float(v):.7g}") for v in np.ravel(a)]  # noqa: E731
    coef = [r(row) for row in lr.coef_] if len(lr.coef_) > 1 else r(lr.coef_[0])
    out: dict[str, Any] = {"names": list(names), "mean": r(scaler.mean_), "scale": r(scale),
                           "coef": coef, "intercept": r(lr.intercept_)}
    if classes:
        out["classes"] = [str(c) for c in lr.classes_]
    return out


def _groups(exs: Sequence[Example]) -> np.ndarray:
    return np.concatenate([[i] * len(e.rows) for i, e in enumerate(exs)]) if exs else np.array([])


def oof_pair(exs: Sequence[Example]) -> list[list[float]]:
    """Out-of-fold P(in the answer) per candidate, folds grouped by question."""
    from sklearn.model_selection import GroupKFold

    x = np.array([r for e in exs for r in e.rows])
    y = np.array([lab for e in exs for lab in e.labels])
    groups = _groups(exs)
    p = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        p[test] = _fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    out, at = [], 0
    for e in exs:
        out.append(list(p[at: at + len(e.rows)]))
        at += len(e.rows)
    return out


def _compose_positions(e: Example, probs: Sequence[float], include: float) -> set[int]:
    answerer: LearnedAnswerer = e.extra["answerer"]
    hits = e.extra["hits"]
    saved = answerer.scorer
    try:
        answerer.scorer = _Thresholds(include)  # type: ignore[assignment]
        chosen = answerer.compose(hits, probs, e.extra["asked"].kind)
    finally:
        answerer.scorer = saved
    keys = {s.key for s in chosen}
    return {i for i, h in enumerate(hits) if h.sentence.key in keys} | {
        -1 - k for k, s in enumerate(chosen) if s.key not in {h.sentence.key for h in hits}}


@dataclass
class _Thresholds:
    include: float


def f_beta(exs: Sequence[Example], probs: Sequence[Sequence[float]], include: float) -> float:
    """Mean F-beta of the composed answers' sentences against the gold sentences."""
    scores = []
    for e, p in zip(exs, probs, strict=True):
        if not e.answerable or not e.rows or not e.n_gold:
            continue
        picked = _compose_positions(e, p, include)
        tp = sum(1 for i in picked if i >= 0 and e.labels[i])
        prec = tp / len(picked) if picked else 0.0
        rec = tp / e.n_gold
        b2 = BETA * BETA
        scores.append((1 + b2) * prec * rec / (b2 * prec + rec) if tp else 0.0)
    return float(np.mean(scores)) if scores else 0.0


def question_rows(exs: Sequence[Example], probs: Sequence[Sequence[float]]) -> np.ndarray:
    """The QUESTION features of each question example, from the given pair probabilities."""
    from assistant.features import question_features

    rows = []
    for e, p in zip(exs, probs, strict=True):
        x = e.extra
        rows.append(question_features(x["asked"], x["hits"], p, x["answerer"].context,
                                      x["unknown"], x["focus_missing"]))
    return np.array(rows)


def most_right(p: np.ndarray, y: np.ndarray) -> float:
    """The threshold in the middle of those making nearly the most right decisions over the dev
    questions (answer the answerable, decline the rest; every question counting the same):
    the run of thresholds around the best whose share right is within one standard error of
    it. The curve is flat over a wide range (0.06 to 0.58 lie within two questions of 704), so
    its single best point moved with every few questions added (0.56, 0.29, 0.15 within one
    session); the middle of the run moves little."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    right = np.array([np.mean((p >= t) == (y == 1)) for t in grid])
    best = int(np.argmax(right))
    floor = right[best] - np.sqrt(right[best] * (1 - right[best]) / len(y))
    lo = hi = best
    while lo > 0 and right[lo - 1] >= floor:
        lo -= 1
    while hi < len(grid) - 1 and right[hi + 1] >= floor:
        hi += 1
    return float(np.round((grid[lo] + grid[hi]) / 2, 2))


def fit_all(exs: Sequence[Example]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fit the three models and choose the thresholds; the weights dict and CV figures."""
    from sklearn.model_selection import StratifiedKFold

    from assistant.features import INTENT, PAIR, QUESTION

    qs = [e for e in exs if e.intent == "question" and e.rows]
    oof = oof_pair(qs)
    # First place and first two, out of fold, on questions whose gold was retrieved at all.
    found = [(e, p) for e, p in zip(qs, oof, strict=True) if e.answerable and any(e.labels)]
    top1 = np.mean([e.labels[int(np.argmax(p))] for e, p in found])
    top2 = np.mean([any(e.labels[i] for i in np.argsort(p)[::-1][:2]) for e, p in found])
    retr1 = np.mean([e.labels[0] for e, _ in found])
    grid = np.round(np.arange(0.05, 0.91, 0.05), 2)
    fb = {float(t): f_beta(qs, oof, float(t)) for t in grid}
    include = max(fb, key=lambda t: (fb[t], t))
    # Answerable: fitted on out-of-fold pair probabilities.
    # Questions a hard fact declines (a number or acronym the corpus lacks, no number for "how
    # many") never reach the model: it is fitted on the rest, and they count as declined.
    live = np.array([not e.extra["vetoed"] for e in qs])
    xq = question_rows(qs, oof)
    yq = np.array([int(e.answerable) for e in qs])
    pq = np.zeros(len(yq))
    idx = np.flatnonzero(live)
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(
            xq[idx], yq[idx]):
        pq[idx[test]] = _fit_against(xq[idx[train]], yq[idx[train]]).predict_proba(
            xq[idx[test]])[:, 1]
    answer = most_right(pq, yq)
    # Intent: every example, question / summary / chat.
    xi = np.array([e.intent_row for e in exs])
    yi = np.array([e.intent for e in exs])
    pi = np.empty(len(yi), dtype=object)
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(xi, yi):
        pi[test] = _fit(xi[train], yi[train], multi=True).predict(xi[test])
    pair_model = _fit(np.array([r for e in qs for r in e.rows]),
                      np.array([lab for e in qs for lab in e.labels]))
    weights = {
        "note": "written by `make train` (python -m evals.train); do not edit by hand",
        "pair": _export(pair_model, PAIR),
        "answerable": _export(_fit_against(xq[live], yq[live]), QUESTION),
        "intent": _export(_fit(xi, yi, multi=True), INTENT, classes=INTENTS),
        "thresholds": {"include": include, "answer": answer},
        "data": {"questions": len(qs), "pairs": int(sum(len(e.rows) for e in qs)),
                 "articles": sorted({e.article for e in exs})},
    }
    cv: dict[str, Any] = {
        "retrieval first place is gold": round(float(retr1), 3),
        "scorer first place is gold": round(float(top1), 3),
        "scorer first two hold gold": round(float(top2), 3),
        f"answer sentences F{BETA:g} at include={include}": round(fb[include], 3),
        "answerable: answered when answerable": round(float(np.mean(pq[yq == 1] >= answer)), 3),
        "answerable: declined when not": round(float(np.mean(pq[yq == 0] < answer)), 3),
        "intent accuracy": round(float(np.mean(pi == yi)), 3),
        "intent: summary and chat recognised": round(float(np.mean(
            pi[yi != "question"] == yi[yi != "question"])), 3),
        "intent: questions taken for chat or summary": round(float(np.mean(
            pi[yi == "question"] != "question")), 3),
    }
    cv["reliability"] = reliability(pq, yq)
    return weights, cv


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 5) -> list[dict[str, float]]:
    """The reliability curve of P(answerable): per bin, mean predicted vs share answerable."""
    out = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in itertools.pairwise(edges):
        inside = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        if inside.any():
            out.append({"from": round(float(lo), 2), "to": round(float(hi), 2),
                        "n": int(inside.sum()), "predicted": round(float(p[inside].mean()), 3),
                        "observed": round(float(y[inside].mean()), 3)})
    return out


def held_out(runs: Sequence[tuple[Retrieved, list[Example]]], *, by_article: bool
             ) -> dict[str, dict[str, float]]:
    """The learned answerer's figures on dev questions it was not fitted on.

    by_article: fitted without each article in turn, answering that article (leave one
    article out); else five folds of questions across all articles. Per article: key facts,
    gold passages cited, over-refusal on answerable questions, declines on look-alikes.
    """
    from assistant.cite import cite
    from assistant.scorer import Scorer

    from . import metrics as m

    every = [(got, i, e) for got, exs in runs for i, e in enumerate(exs)]
    if by_article:
        folds = [[k for k, (g, _, _) in enumerate(every) if g.article == a]
                 for a in sorted({g.article for g, _ in runs})]
    else:
        order = np.random.RandomState(0).permutation(len(every))
        folds = [list(order[f::FOLDS]) for f in range(FOLDS)]
    scores: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in folds:
            inside = set(fold)
            weights, _ = fit_all([e for k, (_, _, e) in enumerate(every) if k not in inside])
            path = Path(tmp) / "fold.json"
            path.write_text(json.dumps(weights))
            scorer = Scorer.load(path)
            answerers: dict[str, LearnedAnswerer] = {}
            for k in fold:
                got, i, _ = every[k]
                item, query, hits, _ = got.runs[i]
                if item.expect:
                    continue
                if got.article not in answerers:
                    answerers[got.article] = LearnedAnswerer(got.sentences, got.idf, scorer)
                a = cite(query, answerers[got.article].answer(query, hits))
                row = scores.setdefault(got.article, {})
                if item.answerable:
                    row.setdefault("key facts", []).append(
                        (m.key_fact_recall(a, item) or m.Score(0.0, "")).value)
                    row.setdefault("gold cited", []).append(
                        (m.gold_recall(a, item) or m.Score(0.0, "")).value)
                    row.setdefault("over-refusal", []).append(float(a.abstained))
                else:
                    row.setdefault("look-alikes declined", []).append(float(a.abstained))
    return {art: {k: round(float(np.mean(v)), 3) for k, v in row.items()}
            for art, row in sorted(scores.items())}


def main(argv: list[str] | None = None) -> int:
    """Fit, report the cross-validated figures, write the weights."""
    p = argparse.ArgumentParser(prog="python -m evals.train", description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=WEIGHTS, help=f"weights file (default {WEIGHTS})")
    p.add_argument("--cache", type=Path, help="keep what retrieval handed over in this folder "
                   "and reuse it while the dev sets and the article are unchanged (iterating on "
                   "features; a plain run recomputes everything)")
    p.add_argument("--check", action="store_true",
                   help="also fit without each extra article and score the engine on it")
    args = p.parse_args(argv)
    sets = dev_sets()
    with tempfile.TemporaryDirectory(prefix="assistant-train-") as tmp:
        work = Path(tmp)
        runs = []
        for name, (article, items) in sets.items():
            print(f"train: {name}: {len(items)} dev questions", file=sys.stderr)
            got = _cached(args.cache, article, items, work)
            runs.append((got, examples(got)))
        exs = [e for _, v in runs for e in v]
        weights, cv = fit_all(exs)
        weights["cv"] = {k: v for k, v in cv.items() if k != "reliability"}
        weights["reliability"] = cv["reliability"]
        args.out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"thresholds": weights["thresholds"], "data": weights["data"],
                          "cv": weights["cv"]}, indent=1))
        print(f"train: wrote {args.out}", file=sys.stderr)
        if args.check:
            report = {"five folds of questions": held_out(runs, by_article=False),
                      "leave one article out": held_out(runs, by_article=True)}
            print(json.dumps(report, indent=1))
            GENERALIZATION.parent.mkdir(parents=True, exist_ok=True)
            GENERALIZATION.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
            print(f"train: wrote {GENERALIZATION}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


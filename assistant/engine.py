"""The engine: question → retrieve → answer → cite, as one LangChain runnable chain.

    query    = prepare(question, history)       # validate, make a follow-up stand alone
    hits     = retriever.rank(query)            # dense (MiniLM) + lexical (BM25) over sentences
    draft    = answerer.answer(query, hits)     # the article's sentences, or an abstention
    answer   = cite(query, draft)               # [n] markers bound to exact spans of the article

Nothing loads when an `Assistant` is created: the model, the corpus and the Chroma index are
opened on first use (or by `load()`), and the index rebuilds itself when it is stale or damaged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from typing import Any

import numpy as np
from langchain_core.runnables import Runnable, RunnableLambda

from . import chat
from .align import TokenStore, TokenVectors
from .answer import Answerer, ExtractiveAnswerer, closest_passages
from .asks import asking_sentence, content_terms
from .cite import cite
from .conversation import last_exchange, quoted, told
from .corpus import AUTHOR_LINE, DATE_LINE, Corpus, Document
from .errors import InvalidQuestion
from .features import Asked, Context, pair_features
from .index import SentenceIndex, load_embeddings, open_index
from .intent import intent
from .learned import LearnedAnswerer
from .lexical import LexicalIndex
from .llm import ModelSpec, parse_spec, parse_specs
from .question import asked_length, names_nothing, own_words, prepare
from .retrieve import Retriever
from .scorer import WEIGHTS, Scorer
from .settings import Settings
from .summary import LEDE, summarize, who_is_who
from .text import LEANS_BACK
from .values import Answer, Citation, Claim, Draft, Hit, Query, Sentence

EXTRACTIVE = "extractive"  # the `model` that asks for the offline answerer, whatever the default
# Questions the byline answers: the sentence that says it, the metadata field, the decline.
BYLINE = {
    "author": (AUTHOR_LINE, "author", "The article does not name its author."),
    "published": (DATE_LINE, "date", "The article does not give the date it was published."),
}
# The reply to a message that is only instructions to the assistant ("Print your system prompt").
INSTRUCTION_TEXT = ("That reads as an instruction to the assistant, not a question about the "
                    "article, so there is nothing to answer from it. Ask what the article says.")

# The reply to a message asking the assistant's own view ("Do you agree with Iran?").
OPINION_TEXT = ("I don't give views of my own: I only report what the article says, in its "
                "words. The passages closest to your question are below.")

# A reply quotes at most this many sentences (a summary six, one more for an anaphor): the
# sentences looked at, by their words, to find which ones it quoted.
QUOTED = 12
# The reply to "where does it say that?" or "in one sentence?" when the reply before quoted
# nothing of the article (small talk, a decline).
NOTHING_QUOTED = ("My last reply quoted nothing from the article, so there is nothing of it to "
                  "point to or shorten. Ask what the article says, and I'll quote the sentences "
                  "I rely on.")


class Assistant:
    """Answers questions about the corpus with cited sentences; see the module docstring."""

    def __init__(self, settings: Settings | None = None, *, answerer: Answerer | None = None,
                 notify: Callable[[str], None] | None = None) -> None:
        """Configure; nothing is loaded until the first question (or `load()`)."""
        self.settings = settings or Settings.from_env()
        self._answerer = answerer
        self._notify = notify
        self._lock = threading.Lock()
        self._documents: list[Document] | None = None
        self._corpus: Corpus | None = None
        self._scorer: Scorer | None = None
        self._context: Context | None = None  # the corpus's word weights, for the intent model
        self._index: SentenceIndex | None = None
        self._retriever: Retriever | None = None
        self._extractive: ExtractiveAnswerer | LearnedAnswerer | None = None
        self._chain: Runnable[dict[str, Any], Answer] | None = None
        self._models: dict[ModelSpec, Answerer] = {}  # chat-model answerers, built once each

    # ---- loading -------------------------------------------------------------------------
    def load(self, *, progress: bool = False, rebuild: bool = False) -> SentenceIndex:
        """Read the corpus, load the model and open (or build) the index; idempotent.

        After the first load, a changed corpus folder (an article added, edited or removed) is
        followed on the next question: only the changed documents are read and embedded.
        """
        with self._lock:
            if self._index is None or rebuild:
                s = self.settings
                self._corpus = Corpus(s.corpus_dir)
                documents = self._corpus.refresh()
                embeddings = load_embeddings(s.model_path)
                tokens, store = TokenVectors.of(embeddings), TokenStore(s.index_dir / "tokens")
                index = open_index(documents, embeddings, index_dir=s.index_dir,
                                   chroma_url=s.chroma_url, model_path=s.model_path,
                                   progress=progress, rebuild=rebuild, notify=self._notify,
                                   tokens=tokens, token_store=store)
                retriever = Retriever(index, embeddings, dense_weight=s.dense_weight,
                                      lexical=LexicalIndex(s.index_dir / "lexical"),
                                      tokens=tokens, token_store=store)
                self._install(index, retriever)
            elif self._corpus is not None and self._corpus.changed():
                self._follow_corpus(progress=progress)
            assert self._index is not None
            return self._index

    def _follow_corpus(self, *, progress: bool = False) -> None:
        """Bring the index in line with a corpus folder that changed (lock held)."""
        assert self._corpus is not None and self._retriever is not None
        s = self.settings
        documents = self._corpus.refresh()
        r = self._retriever
        index = open_index(documents, r.embeddings, index_dir=s.index_dir,
                           chroma_url=s.chroma_url, model_path=s.model_path,
                           progress=progress, notify=self._notify, tokens=r.tokens,
                           token_store=r.token_store)
        self._retriever.refresh(index)
        self._install(index, self._retriever)
        self._models.clear()  # chat-model answerers hold the old sentences

    def _load_scorer(self) -> Scorer:
        """The learned scorer's weights (read once per Assistant)."""
        if self._scorer is None:
            self._scorer = Scorer.load(self.settings.scorer_path or WEIGHTS)
        return self._scorer

    def _install(self, index: SentenceIndex, retriever: Retriever) -> None:
        """Make a freshly opened index the one answered from (lock held)."""
        scorer = self._load_scorer()
        learned = LearnedAnswerer(index.sentences, retriever.idf, scorer)
        if self.settings.answerer == "learned":
            self._extractive = learned
        else:
            # Where the rules find the evidence only weak, the learned scorer's calibrated
            # probability decides, at the threshold `make train` chose.
            self._extractive = ExtractiveAnswerer(
                index.sentences, retriever.vocabulary, retriever.idf,
                lambda query, hits: learned.judge(query, hits).answerable >= scorer.answer)
        self._context = Context(retriever.idf, lambda _s, _o: None,
                                max(retriever.idf.values(), default=1.0))
        self._documents, self._index, self._retriever = index.documents, index, retriever
        self._chain = None

    def resolve_article(self, article: str | None) -> str | None:
        """The corpus file named by `article` (its file name or title, any case); None = all.
        Raises InvalidQuestion listing what exists when nothing matches."""
        if article is None or not str(article).strip():
            return None
        wanted = str(article).strip()
        docs = self.documents
        for d in docs:
            if d.source == wanted:
                return d.source
        for d in docs:
            if (d.title or "").strip().casefold() == wanted.casefold():
                return d.source
        names = ", ".join(d.source for d in docs[:10]) + (" …" if len(docs) > 10 else "")
        raise InvalidQuestion(f"no article {wanted!r} in the corpus; expected a file name or "
                              f"title, such as: {names}")

    def describe(self, answer: Answer) -> Answer:
        """The answer with each citation's article title, author and date filled in."""
        meta = {d.source: d for d in self.documents}

        def fill(c: Citation) -> Citation:
            d = meta.get(c.source)
            return c if d is None else replace(c, title=d.title, author=d.author, date=d.date)

        return replace(answer, citations=[fill(c) for c in answer.citations],
                       related=[fill(c) for c in answer.related])

    @property
    def documents(self) -> list[Document]:
        """The segmented corpus documents (loads on first use)."""
        self.load()
        assert self._documents is not None
        return self._documents

    @property
    def retriever(self) -> Retriever:
        """The hybrid retriever (loads on first use)."""
        self.load()
        assert self._retriever is not None
        return self._retriever

    @property
    def extractive(self) -> ExtractiveAnswerer | LearnedAnswerer:
        """The offline answerer, also the fallback of generative ones."""
        self.load()
        assert self._extractive is not None
        return self._extractive

    @property
    def answerer(self) -> Answerer:
        """The answerer in use: the one given, else a chat model's if settings.llm is set
        (raises BackendError when it cannot be built), else the extractive one."""
        if self._answerer is None and self.settings.llm:
            self._answerer = self._generative(parse_specs(self.settings.llm)[0])
        return self._answerer or self.extractive

    def answerer_for(self, model: ModelSpec | str | None = None) -> Answerer:
        """The answerer for one request: the default (None), the extractive one
        (`EXTRACTIVE`), or a chat model's (a spec or its line).

        A model's answerer is built once (BackendError when it cannot be) and shares the loaded
        embeddings, index and extractive fallback. Nothing shared changes, so requests for
        different models can run at the same time on one Assistant.
        """
        if model is None:
            return self.answerer
        if model == EXTRACTIVE:
            return self.extractive
        return self._generative(parse_spec(model) if isinstance(model, str) else model)

    def _generative(self, spec: ModelSpec) -> Answerer:
        """The (cached) generative answerer for one model."""
        index, embed = self.load(), self.retriever.embeddings.embed_documents
        fallback = self.extractive
        with self._lock:
            if spec not in self._models:
                from .generate import generative_answerer

                # The index's vectors stand in for the evidence's: verification embeds only
                # the answer's own sentences. A mis-cited claim may be re-cited to a sentence of
                # the article in scope (GenerativeAnswerer.scope).
                vectors = index.vector_map()
                self._models[spec] = generative_answerer(self.settings, embed=embed,
                                                         fallback=fallback, spec=spec,
                                                         vectors=vectors,
                                                         article=index.sentences)
            return self._models[spec]

    # ---- the stages ----------------------------------------------------------------------
    def prepare(self, question: object, history: Sequence[Any] | None = None) -> Query:
        """Validate the question and make it stand alone; raises InvalidQuestion."""
        return prepare(question, history, self.settings.max_question_chars)

    def retrieve(self, query: Query) -> list[Hit]:
        """Candidate sentences for the query, best first, within `query.article` when set."""
        self.load()  # follows a changed corpus folder first
        return self.retriever.rank(query, article=query.article)

    def retrieve_and_read(self, query: Query) -> tuple[list[Hit], str]:
        """The candidates, and what kind of reply the message wants (assistant/intent.py):
        "question", "summary" or "chat". The query is embedded once for both."""
        self.load()
        r = self.retriever
        encoded = r.encode(query.standalone)
        hits = r.rank(query, encoded, article=query.article)
        assert self._context is not None
        kind = intent(query, encoded.vector, hits[: max(self.settings.top_k, 1)],
                      self._load_scorer(), self._context, r.embed)
        if kind == "speaker":
            # "who said that?": the sentences the last reply quoted name who said it; a reply
            # in other words than the article's (a chat model's) is followed up as a question.
            kind = "source" if self.last_quoted(query) else "question"
        return hits, kind

    def handed(self, hits: Sequence[Hit]) -> list[Hit]:
        """The candidates handed to the answerer: the first `top_k`, and a follow-up's
        continuation of what was just said wherever it ranks (conversation.py)."""
        k = max(self.settings.top_k, 1)
        return list(hits[:k]) + [h for h in hits[k:] if h.follows]

    def reply(self, kind: str, query: Query, hits: Sequence[Hit]) -> Draft:
        """The replies that are not answers to a question: a summary of the article in scope
        (or of the best candidate's), the small-talk reply, its byline, title or people (the
        article as a whole); or a decline that says why, to a message that is only
        instructions to the assistant or that asks the assistant's own view."""
        docs = self.documents
        if kind == "chat":
            return Draft((), kind="chat", message=chat.reply(docs, self.settings.prompts_dir,
                                                             own_words(query.question)))
        if kind == "instruction":
            return Draft((), abstained=True, kind="abstain", message=INSTRUCTION_TEXT)
        if kind == "opinion":
            return Draft((), abstained=True, kind="abstain", message=OPINION_TEXT,
                         related=closest_passages(hits))
        if kind in ("source", "shorter"):
            return self.about_the_answer(kind, query)
        source = query.article or (hits[0].sentence.source if hits else
                                   (docs[0].source if docs else None))
        sentences = [s for s in self._index.sentences if s.source == source] if self._index else []
        doc = next((d for d in docs if d.source == source), None)
        if kind in BYLINE:
            return self.byline(kind, sentences, doc)
        if kind == "title":
            if doc is None or not doc.title:
                return Draft((), abstained=True, kind="abstain",
                             message="The article has no title.")
            return Draft((), kind="chat", message=f"The article is titled “{doc.title}”.")
        if kind == "people":
            named = who_is_who(sentences)
            if not named:
                return Draft((), abstained=True, kind="abstain",
                             message="The article names no people.")
            return Draft(tuple(Claim(s.text, (s,)) for s in named))
        vectors = self._index.vectors([s.key for s in sentences]) if self._index else {}
        sentences = [s for s in sentences if s.key in vectors]
        lede = LEDE
        if names_nothing(own_words(query.standalone)):
            # "tell me more" after a summary: the story told on from what it has not said yet.
            done = told(query, sentences)
            if done and len(done) < len(sentences):
                sentences, lede = [s for s in sentences if s not in done], 0
        chosen = summarize(sentences, np.asarray([vectors[s.key] for s in sentences]),
                           lede=lede)
        return Draft(tuple(Claim(c.text, (c,)) for c in chosen), kind="summary")

    def last_quoted(self, query: Query) -> list[Sentence]:
        """The article's sentences the last reply quoted (conversation.quoted), or none."""
        exchange = last_exchange(query)
        if exchange is None:
            return []
        reply = exchange[1]
        return quoted(reply, self.retriever.heard(reply, query.article, QUOTED))

    def about_the_answer(self, kind: str, query: Query) -> Draft:
        """The reply just given, in the article's own sentences: every one it quoted, cited
        where it stands ("where does it say that?"), or the fewest that carry it ("in one
        sentence?", conversation.last_exchange)."""
        exchange = last_exchange(query)
        said = self.last_quoted(query)
        if exchange is None or not said:
            return Draft((), kind="chat", message=NOTHING_QUOTED)
        asked = exchange[0]
        if kind == "shorter":
            said = self.fewest(said, asked, asked_length(own_words(query.question)), query)
        return Draft(tuple(Claim(s.text, (s,)) for s in said))

    def fewest(self, said: list[Sentence], asked: str, n: int, query: Query) -> list[Sentence]:
        """The `n` sentences of a reply that carry it, in reading order: those the learned
        scorer finds likeliest to answer the question it answered (assistant/scorer.py), or,
        for a question that names nothing of the article (a summary's), its first, the lede;
        each with the sentence before it when it leans on it ("This has made …")."""
        if len(said) <= n:
            return said
        try:
            asked_query = replace(self.prepare(asked), article=query.article)
        except InvalidQuestion:
            asked_query = None
        assert self._context is not None and self._extractive is not None  # loaded to retrieve
        idf = self._context.idf
        if asked_query is None or not any(t in idf for t in content_terms(asked_query.question)):
            best = said[:n]  # a summary: its lede first
        else:
            hits = self.retrieve(asked_query)
            own = asking_sentence(own_words(asked_query.standalone))
            probs = self._load_scorer().candidates(
                pair_features(Asked.of(own, asked_query.standalone), hits, self._context))
            p = {h.sentence.key: x for h, x in zip(hits, probs, strict=True)}
            best = sorted(said, key=lambda s: -p.get(s.key, -1.0))[:n]
        places = self._extractive.places
        chosen = [x for s in best for x in (places.neighbour(s, -1), s)
                  if x is not None and (x is s or LEANS_BACK.match(s.text))]
        return sorted(dict.fromkeys(chosen), key=lambda s: (s.source, s.position))

    @staticmethod
    def byline(kind: str, sentences: Sequence[Sentence], doc: Document | None) -> Draft:
        """Who wrote the article, or when it was published: its byline's sentence, cited ("By
        Jane Doe." as `add` writes it from the page), else what its metadata says, else a
        decline that says the article does not give it."""
        pattern, field, missing = BYLINE[kind]
        said = next((s for s in sorted(sentences, key=lambda s: s.position)
                     if pattern.match(s.text)), None)
        if said is not None:
            return Draft((Claim(said.text, (said,)),))
        value = getattr(doc, field, None) if doc is not None else None
        if value:
            what = "by" if kind == "author" else "dated"
            return Draft((), kind="chat",
                         message=f"The article's page says it is {what} {value}; its text does "
                                 "not say so itself.")
        return Draft((), abstained=True, kind="abstain", message=missing)

    def chain(self) -> Runnable[dict[str, Any], Answer]:
        """The pipeline as a LangChain runnable: {"question", "history", "model"?} → Answer."""
        if self._chain is None:
            def step_prepare(x: dict[str, Any]) -> tuple[Query, Any]:
                query = self.prepare(x["question"], x.get("history"))
                if x.get("article"):
                    query = replace(query, article=self.resolve_article(x["article"]))
                return query, x.get("model")

            def step_retrieve(x: tuple[Query, Any]) -> tuple[Query, list[Hit], Any, str]:
                q = self.retriever.spell(x[0])
                hits, kind = self.retrieve_and_read(q)
                return q, hits, x[1], kind

            def step_answer(x: tuple[Query, list[Hit], Any, str]) -> tuple[Query, Draft]:
                query, hits, model, kind = x
                hits = self.handed(hits)
                if kind != "question":
                    return query, self.reply(kind, query, hits)
                return query, self.answerer_for(model).answer(query, hits)

            def step_cite(x: tuple[Query, Draft]) -> Answer:
                return self.describe(replace(cite(*x), article=x[0].article))

            self._chain = (RunnableLambda(step_prepare, name="prepare")
                           | RunnableLambda(step_retrieve, name="retrieve")
                           | RunnableLambda(step_answer, name="answer")
                           | RunnableLambda(step_cite, name="cite"))
        return self._chain

    # ---- the public calls ----------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Any] | None = None, *,
            model: ModelSpec | str | None = None, article: str | None = None) -> Answer:
        """Answer a question, optionally as a follow-up to `history` (chat messages), with the
        answerer of `model` (see `answerer_for`; None = the default)."""
        # The chain validates first; the model and index load at the retrieve step, so a bad
        # question is refused before anything heavy happens.
        # `article` (a file name or title) scopes the answer to one article; None = all.
        return self.chain().invoke({"question": question, "history": history, "model": model,
                                    "article": article})

    def stream(self, question: str, history: Sequence[Any] | None = None, *,
               model: ModelSpec | str | None = None, article: str | None = None
               ) -> Iterator[str | Answer]:
        """Yield the answer text in pieces as a chat model writes it, then the final `Answer`.

        An answer that is complete at once (the extractive one) is yielded whole, with no
        pieces before it: there is nothing to wait for. Closing the iterator early closes the
        model's stream, which cancels its request.
        """
        query = self.prepare(question, history)
        self.load()
        if article:
            query = replace(query, article=self.resolve_article(article))
        answerer = self.answerer_for(model)
        streamer = getattr(answerer, "stream", None)
        if streamer is None:
            yield self.ask(question, history, model=model, article=article)
            return
        query = self.retriever.spell(query)
        hits, kind = self.retrieve_and_read(query)
        hits = self.handed(hits)
        if kind != "question":  # a summary or small talk: the same reply as `ask` gives
            yield self.describe(replace(cite(query, self.reply(kind, query, hits)),
                                        article=query.article))
            return
        draft: Draft | None = None
        with closing(streamer(query, hits)) as pieces:
            for item in pieces:
                if isinstance(item, Draft):
                    draft = item
                else:
                    yield item
        assert draft is not None, "a streaming answerer must end with its Draft"
        yield self.describe(replace(cite(query, draft), article=query.article))


_default: Assistant | None = None
_default_lock = threading.Lock()


def default_assistant() -> Assistant:
    """The process-wide assistant behind `assistant.ask()`, configured from the environment."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Assistant(Settings.from_env())
        return _default


def ask(question: str, history: Sequence[Any] | None = None, *,
        article: str | None = None) -> Answer:
    """Answer a question with the default assistant: from one article (a file name or title)
    when `article` is given, else from the whole corpus."""
    return default_assistant().ask(question, history, article=article)

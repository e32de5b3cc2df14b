"""The index on disk: built once, reopened without embedding anything, idempotent ids, only the
changed documents embedded or deleted when the corpus changes, everything rebuilt when the model
or chunking changes or the folder is damaged, cosine distance, no telemetry, and Chroma's nearest
neighbours agreeing with a plain numpy ranking.

Each test works on a copy of the session's index folder (and of the corpus: a document's
fingerprint covers its file name and text, not the folder's path), reusing the session's loaded
embedding model, so only the tests that must embed pay for it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings

from assistant import Assistant
from assistant import index as index_module
from assistant.corpus import load_corpus
from assistant.index import FINGERPRINT_FILE, SentenceIndex, fingerprint, open_index, sentence_id

pytestmark = pytest.mark.slow


class Copy:
    """A copy of the session's corpus and index in a temp folder, opened with the shared model."""

    def __init__(self, bot: Assistant, tmp: Path) -> None:
        self.bot = bot
        self.corpus = tmp / "corpus"
        self.index = tmp / "index"
        shutil.copytree(bot.settings.corpus_dir, self.corpus)
        shutil.copytree(bot.settings.index_dir, self.index)
        self.messages: list[str] = []

    def open(self) -> SentenceIndex:
        """Open the copied index the way the Assistant does, collecting messages."""
        return open_index(load_corpus(self.corpus), self.bot.retriever.embeddings,
                          index_dir=self.index, notify=self.messages.append)


@pytest.fixture
def copy(bot: Assistant, tmp_path: Path) -> Copy:
    return Copy(bot, tmp_path)


def test_built_on_first_use_with_a_fingerprint(first_index: tuple[Assistant, SentenceIndex],
                                               session_index_dir: Path) -> None:
    _, index = first_index
    assert index.built is True
    marker = json.loads((session_index_dir / FINGERPRINT_FILE).read_text())
    assert index.fingerprint == fingerprint(None)
    assert marker["collection"] == f"units_{index.fingerprint}"
    assert marker["sentences"] == len(index.sentences) == 57
    assert (session_index_dir / "chroma.sqlite3").is_file()
    assert (session_index_dir / "lexical" / "lexical.npz").is_file()
    assert index.collection.count() > 57  # clauses too


def test_reopening_does_not_rebuild(copy: Copy, bot: Assistant) -> None:
    index = copy.open()
    assert index.built is False and index.added == [] and index.removed == []
    assert copy.messages == []
    assert index.fingerprint == bot.load().fingerprint
    assert index.sentences == bot.load().sentences
    # Embeddings read back from disk, not recomputed: identical vectors.
    keys = [s.key for s in index.sentences]
    mine, theirs = index.vectors(keys), bot.load().vectors(keys)
    assert np.allclose([mine[k] for k in keys], [theirs[k] for k in keys])


def test_ids_are_derived_from_content_and_position(copy: Copy) -> None:
    index = copy.open()
    collection = index.collection
    before = collection.count()
    stored = set(collection.get(where={"kind": "sentence"}, include=[])["ids"])
    assert stored == {sentence_id(s) for s in index.sentences}
    kinds = collection.get(include=["metadatas"])["metadatas"]
    assert {m["kind"] for m in kinds} == {"sentence", "clause"}
    assert {m["source"] for m in kinds} == {index.sentences[0].source}
    # A sentence row holds the sentence's text, so the records on a server can be read; a clause
    # row is part of its sentence and stores only its vector.
    rows = collection.get(include=["metadatas", "documents"])
    text = {sentence_id(s): s.text for s in index.sentences}
    for i, m, d in zip(rows["ids"], rows["metadatas"], rows["documents"], strict=True):
        assert d == (text[i] if m["kind"] == "sentence" else None)
    # Re-adding the same sentences with their ids updates in place: the count does not grow.
    again = index.sentences[:5]
    index.store.add_documents([LCDocument(page_content=s.text, metadata={"kind": "sentence"})
                               for s in again], ids=[sentence_id(s) for s in again])
    assert collection.count() == before
    assert copy.open().built is False


SECOND = """Harbour Report

The harbour of Kettleby handles grain and timber. Its pilots guide every vessel through the channel.
"""


class Counting(Embeddings):
    """The session's model, recording every text it is asked to embed."""

    def __init__(self, real: Embeddings) -> None:
        self.real, self.texts = real, []  # type: list[str]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts.extend(texts)
        return self.real.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


def test_only_changed_documents_are_embedded(copy: Copy) -> None:
    counting = Counting(copy.bot.retriever.embeddings)
    embedded = counting.texts

    def reopen() -> SentenceIndex:
        return open_index(load_corpus(copy.corpus), counting, index_dir=copy.index,
                          notify=copy.messages.append)

    article = next(copy.corpus.iterdir())
    rows = reopen().collection.count()
    # A new document: only its sentences and clauses are embedded.
    (copy.corpus / "port.txt").write_text(SECOND, encoding="utf-8")
    index = reopen()
    assert index.added == ["port.txt"] and index.built is False
    assert embedded == ["The harbour of Kettleby handles grain and timber.",
                        "Its pilots guide every vessel through the channel."]
    assert index.collection.count() == rows + 2  # two short sentences: no clauses
    # An edited document: only it is embedded again, its old rows are gone.
    embedded.clear()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("firmly rejecting", "flatly rejecting"), encoding="utf-8")
    index = reopen()
    assert index.added == [article.name]
    assert embedded and not any("Kettleby" in t for t in embedded)
    assert any("flatly rejecting" in s.text for s in index.sentences)
    assert index.collection.count() == rows + 2
    # A removed document: its rows are deleted, nothing is embedded.
    embedded.clear()
    (copy.corpus / "port.txt").unlink()
    index = reopen()
    assert index.removed == ["port.txt"] and embedded == []
    assert index.collection.count() == rows
    assert index.collection.get(where={"source": "port.txt"}, include=[])["ids"] == []


def test_a_new_model_or_chunking_rebuilds_everything(copy: Copy,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    old = json.loads((copy.index / FINGERPRINT_FILE).read_text())["collection"]
    monkeypatch.setattr(index_module, "CHUNKING", "sentence+clause+window-test")
    index = copy.open()
    assert index.built is True
    assert f"units_{index.fingerprint}" != old
    # The old fingerprint's collections are dropped; the new one reopens without a build.
    names = sorted(c.name for c in index.store._client.list_collections())
    assert names == [f"docs_{index.fingerprint}", f"units_{index.fingerprint}"]
    assert copy.open().built is False


TINY = """Harbour Report

The harbour of Kettleby handles grain and timber. Its pilots guide every vessel through the channel.

The spring tide at Kettleby rises eleven metres, the highest on the coast.
"""


@pytest.fixture
def tiny(bot: Assistant, tmp_path: Path) -> Copy:
    """A copy of a freshly built index of a three-sentence corpus, never opened in this process
    (Chroma caches clients by path): cheap to damage and rebuild."""
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    (corpus / "port.txt").write_text(TINY, encoding="utf-8")
    c = Copy.__new__(Copy)
    c.bot, c.corpus, c.index, c.messages = bot, corpus, tmp_path / "tiny-built", []
    assert c.open().built is True
    c.index = tmp_path / "tiny-index"
    shutil.copytree(tmp_path / "tiny-built", c.index)
    return c


def test_damaged_index_is_rebuilt_with_a_message(tiny: Copy) -> None:
    (tiny.index / "chroma.sqlite3").write_bytes(b"this is not a database\n" * 200)
    tiny.messages.clear()
    index = tiny.open()  # no exception
    assert index.built is True
    assert tiny.messages and "damaged" in tiny.messages[0] and "rebuilding" in tiny.messages[0]
    assert str(tiny.index) in tiny.messages[0]
    assert not any("Traceback" in m for m in tiny.messages)
    assert [s.text for s in index.sentences][-1].startswith("The spring tide")
    assert len(index.vectors([s.key for s in index.sentences])) == 3
    assert tiny.open().built is False


def test_damaged_fingerprint_file_is_only_rewritten(tiny: Copy) -> None:
    # The file only records what was built; the collections themselves say what is indexed.
    (tiny.index / FINGERPRINT_FILE).write_text("{not json", encoding="utf-8")
    tiny.messages.clear()
    index = tiny.open()
    assert index.built is False and tiny.messages == []
    assert json.loads((tiny.index / FINGERPRINT_FILE).read_text())["sentences"] == 3


def test_truncated_index_is_rebuilt(tiny: Copy) -> None:
    (tiny.index / "chroma.sqlite3").write_bytes(b"")
    index = tiny.open()
    assert index.built is True
    assert len(index.vectors([s.key for s in index.sentences])) == 3


def test_damaged_after_being_opened_in_this_process(tiny: Copy) -> None:
    assert tiny.open().built is False
    (tiny.index / "chroma.sqlite3").write_bytes(b"this is not a database\n" * 200)
    index = tiny.open()
    assert index.built is True


@pytest.mark.filterwarnings("ignore:legacy embedding function config:DeprecationWarning")
def test_collection_uses_cosine_and_telemetry_is_off(bot: Assistant) -> None:
    index = bot.load()
    configuration = index.store._collection.configuration
    assert configuration["hnsw"]["space"] == "cosine"
    assert index.store._client.get_settings().anonymized_telemetry is False


@pytest.mark.parametrize("question", [
    "Who mediates between Iran and the United States?",
    "When was the JCPOA signed?",
    "What is Oman known for?",
    "Why is Iran's leadership under pressure at home?",
])
def test_chroma_search_agrees_with_numpy(bot: Assistant, question: str) -> None:
    index = bot.load()
    q = np.asarray(bot.retriever.embeddings.embed_query(question))
    stored = index.vectors([s.key for s in index.sentences])
    sims = np.asarray([stored[s.key] for s in index.sentences]) @ q
    order = np.argsort(-sims)
    found = index.search(q.tolist(), 5)
    assert found[0][0] == index.sentences[int(order[0])]
    assert found[0][1] == pytest.approx(float(sims[order[0]]), abs=1e-4)
    # Similarities come back as cosine (1 - distance), best first.
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(-1.0 <= s <= 1.0 for s in scores)

"""`python -m evals.devreplay`: replay the dev sets through the answerer, as tuning does.

    python -m evals.devreplay                  every dev question, per article: passed, figures
    python -m evals.devreplay --lowercase      the same questions typed without capitals
    python -m evals.devreplay enzyme --failures --out dev.json

Each article is answered from its own index (as `make train` builds them), with the answerer
the environment picks (ASSISTANT_ANSWERER). `--out` writes whether each question passed, keyed
"<article>:<id>", so two runs can be compared question by question. The dev sets are what
changes are tuned on; the blind set is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .dataset import Item
from .run import aggregate, run
from .train import dev_sets

SHOWN = ("answer.key_facts", "citations.gold_recall", "abstention.accuracy",
         "abstention.over_refusal", "citations.precision")


def lowercased(item: Item) -> Item:
    """The item as typed without capitals: its question and the user's earlier turns."""
    return replace(item, question=item.question.lower(),
                   history=tuple((role, text.lower() if role == "user" else text)
                                 for role, text in item.history))


def main(argv: Sequence[str] | None = None) -> int:
    """Replay the dev sets; print each article's figures; 0 always (this gates nothing)."""
    p = argparse.ArgumentParser(prog="python -m evals.devreplay",
                                description=__doc__.split("\n")[0])
    p.add_argument("articles", nargs="*", help="only articles whose file name holds one of these")
    p.add_argument("--lowercase", action="store_true", help="ask every question in lower case")
    p.add_argument("--failures", action="store_true", help="print each failing question")
    p.add_argument("--out", type=Path, help="write {article:id: passed} here (JSON)")
    args = p.parse_args(argv)

    from assistant import Assistant, Settings

    passed: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (article, items) in dev_sets().items():
            if args.articles and not any(a in name for a in args.articles):
                continue
            if args.lowercase:
                items = [lowercased(i) for i in items]
            corpus = Path(tmp) / f"corpus-{article.stem}"
            corpus.mkdir()
            (corpus / article.name).write_bytes(article.read_bytes())
            # The answerer is the environment's (ASSISTANT_ANSWERER), as for `python -m evals`.
            assistant = Assistant(Settings.from_env(
                corpus_dir=corpus, index_dir=Path(tmp) / f"index-{article.stem}",
                chroma_url=None), notify=lambda _m: None)
            assistant.load()
            results = run(assistant, items, top_k=assistant.settings.top_k,
                          corpus_dir=assistant.settings.corpus_dir)
            figures = aggregate(results)
            shown = ", ".join(f"{k.split('.')[1]} {figures[k]:.3f}" for k in SHOWN
                              if k in figures)
            print(f"{name}: passed {sum(r.passed for r in results)} of {len(results)}; {shown}")
            for r in results:
                passed[f"{name}:{r.item.id}"] = r.passed
                if args.failures and not r.passed:
                    why = "; ".join(f"{c.name}: {c.reason[:90]}" for c in r.failures)
                    print(f"  FAIL {r.item.id} | {r.item.question[:90]} | {why}")
    print(f"all: passed {sum(passed.values())} of {len(passed)}")
    if args.out:
        args.out.write_text(json.dumps(passed, indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The command line: `python -m assistant ask|chat|index|add|remove|list`.

Errors print one line on stderr, starting with "error:", and exit non-zero; no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import ingest
from .engine import Assistant
from .errors import AssistantError
from .settings import Settings
from .values import Answer


def render(answer: Answer) -> str:
    """An answer as plain text for a terminal: the text, numbered sources, and what
    verification removed from a generated answer."""
    lines = [answer.text]
    if answer.interpreted_as and answer.interpreted_as != answer.question:
        lines.insert(0, f"(interpreted as: {answer.interpreted_as})")
    for note in answer.notices:
        lines.append(f"note: {note}")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for c in answer.citations:
            where = f"{c.source}:{c.start}-{c.end}" + (f", {c.section}" if c.section else "")
            if c.title and c.title != c.section:
                where = f"{c.title} — {where}"
            lines.append(f"  [{c.n}] “{c.quote}” ({where})")
    if answer.abstained and answer.related:
        lines.append("")
        lines.append("Closest passages:")
        for c in answer.related:
            lines.append(f"  - “{c.quote}” ({c.section or c.source})")
    if answer.recited:
        lines += ["", "verification re-cited:", *(f"  - {r}" for r in answer.recited)]
    if answer.removed:
        lines += ["", "verification removed:", *(f"  - {r}" for r in answer.removed)]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant",
                                description="Answers questions about the article, with citations.")
    p.add_argument("--llm", default=None,
                   help="chat model in init_chat_model form, e.g. ollama:qwen2.5:7b "
                        "(default: $ASSISTANT_LLM, else the offline extractive answerer)")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ask", help="answer one question")
    a.add_argument("question")
    a.add_argument("--json", action="store_true", help="print the answer as JSON")
    a.add_argument("--article", default=None,
                   help="answer from this article only (its file name or title)")
    c = sub.add_parser("chat", help="a multi-turn chat in the terminal")
    c.add_argument("--article", default=None, help="chat about this article only")
    i = sub.add_parser("index", help="build (or check) the index")
    i.add_argument("--rebuild", action="store_true", help="rebuild even if it is up to date")
    ad = sub.add_parser("add", help="add .txt, .md or saved .html articles to the corpus")
    ad.add_argument("paths", nargs="+", type=Path)
    rm = sub.add_parser("remove", help="remove articles from the corpus (file name or title)")
    rm.add_argument("names", nargs="+")
    sub.add_parser("list", help="the corpus's articles: title, author, date, size")
    return p


def _corpus_command(bot: Assistant, args: argparse.Namespace) -> int:
    """add / remove / list: change the corpus folder, then bring the index in line."""
    corpus = bot.settings.corpus_dir
    if args.command == "list":
        rows = ingest.list_documents(corpus)
        for d in rows:
            print("\t".join([d.name, d.title or "-", d.author or "-", d.date or "-",
                             f"{d.size} bytes"]))
        print(f"{len(rows)} article(s) in {corpus}")
        return 0
    if args.command == "add":
        for path in ingest.add(list(args.paths), corpus):
            print(f"added {path.name}")
    else:
        for path in ingest.remove(list(args.names), corpus):
            print(f"removed {path.name}")
    index = bot.load(progress=True)
    print(f"index up to date: {len(index.added)} article(s) embedded, "
          f"{len(index.removed)} removed, {len(index.documents)} in the corpus")
    return 0


def _assistant(args: argparse.Namespace) -> Assistant:
    overrides: dict[str, Any] = {}
    if args.llm:
        overrides["llm"] = args.llm
    return Assistant(Settings.from_env(**overrides))


def _chat(bot: Assistant, article: str | None = None) -> int:
    history: list[dict[str, str]] = []
    print("Ask about the article (empty line or Ctrl-D to quit).")
    while True:
        try:
            question = input("> ")
        except EOFError:
            print()
            return 0
        if not question.strip():
            return 0
        try:
            answer = bot.ask(question, history=history, article=article)
        except AssistantError as e:
            print(f"error: {e}")
            continue
        print(render(answer))
        print()
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = _parser().parse_args(argv)
    try:
        bot = _assistant(args)
        if args.command == "index":
            index = bot.load(progress=True, rebuild=args.rebuild)
            state = ("built" if index.built else "updated" if index.added or index.removed
                     else "up to date")
            print(f"index {state}: {len(index.sentences)} sentences from "
                  f"{len(bot.documents)} document(s) in {index.location}")
            return 0
        if args.command == "ask":
            answer = bot.ask(args.question, article=args.article)
            if args.json:
                print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
            else:
                print(render(answer))
            return 0
        if args.command in ("add", "remove", "list"):
            return _corpus_command(bot, args)
        return _chat(bot, args.article)
    except AssistantError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the promise: one clear line, never a traceback
        print(f"error: unexpected {type(e).__name__}: {e}", file=sys.stderr)
        return 1

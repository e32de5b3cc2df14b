"""Simulated readers of the chat page, for locust: each holds a conversation through `/chat`.

A reader opens a session, asks an opening question, then follow-ups that only make sense in
that conversation ("What did he confirm?", "Why?"), then starts a new conversation. Questions go
through Gradio's queue exactly as `gradio_client.Client.predict(q, api_name="/chat")` sends
them: POST `queue/join` with the session's hash (the server keeps the chat history per
session), then read the `queue/data` event stream until the event completes.

Every answer is checked: it must carry a marker `[n]` and its Sources block. The page's clean
"busy, try again in a moment" reply is recorded apart (`chat (busy)`), since under overload it
is the intended answer; anything else — an HTTP error, Gradio's "queue is full", an error
reply, an uncited answer — is a failure. With LOAD_SAMPLES set, one JSON line per question
(`{"t", "ms", "kind"}`) is appended there for exact percentiles (tests/load/run.py reads it).

Run by `make load` (tests/load/run.py), which starts the app and picks the host.
"""

from __future__ import annotations

import json
import os
import random
import time
import uuid

import requests
from locust import User, between, events, task

# How the page says it is full (assistant.ui.BUSY_TEXT begins with this).
BUSY = "The assistant is busy"
# Conversations: an opening question, then follow-ups that lean on it.
CONVERSATIONS = [
    ["Who mediates?", "Why indirect talks?", "Who is Iran's top nuclear negotiator?"],
    ["Who is Iran's top nuclear negotiator?", "What did he confirm?", "Who mediates?"],
    ["What did Trump claim?", "Why?", "Why indirect talks?"],
    ["Why does Iran insist on indirect talks?", "Who mediates?", "What did Trump claim?"],
    ["What could make direct talks possible?", "Who mediates?", "Why indirect talks?"],
]
THINK = (float(os.environ.get("LOAD_THINK_MIN", "0.2")), float(os.environ.get("LOAD_THINK_MAX",
                                                                              "1.0")))
TIMEOUT = 120.0  # seconds one question may take before it counts as failed


class Reader(User):
    """One reader: conversations of several questions, a short pause between questions."""

    wait_time = between(*THINK)

    def on_start(self) -> None:
        """Find the `/chat` endpoint the way gradio_client does: from the page's config."""
        self.http = requests.Session()
        config = self.http.get(f"{self.host}/config", timeout=30).json()
        self.prefix = self.host + config.get("api_prefix", "/gradio_api")
        chat = next(d for d in config["dependencies"] if d.get("api_name") == "chat")
        self.fn_index = chat["id"]
        # Every input after the message (the conversation state, the article picker, a model
        # choice) is sent at the page's default, as gradio_client does for omitted arguments.
        props = {c["id"]: c.get("props", {}) for c in config["components"]}
        self.defaults = [props.get(i, {}).get("value") for i in chat["inputs"][1:]]
        self.samples = os.environ.get("LOAD_SAMPLES")

    @task
    def conversation(self) -> None:
        """A fresh session; its questions in order, each answered before the next is asked."""
        session = uuid.uuid4().hex
        for question in random.choice(CONVERSATIONS):
            if not self.ask(session, question):
                return  # a failed or refused turn ends the conversation, as a reader would
            time.sleep(random.uniform(*THINK))

    def ask(self, session: str, question: str) -> bool:
        """One question through the queue; records it; True when answered."""
        start = time.perf_counter()
        kind, error, size = "chat", None, 0
        try:
            messages, size = self.predict(session, question)
            text = str(messages[0]["content"]) if messages else ""
            if text.startswith(BUSY):
                kind = "chat (busy)"
            elif "[1]" not in text or len(messages) < 2:
                error = f"answer without citations to {question!r}: {text[:120]!r}"
        except Exception as e:  # every failure is recorded, none ends the run
            error = f"{type(e).__name__}: {e}"
        ms = (time.perf_counter() - start) * 1000
        events.request.fire(request_type="CHAT", name=kind, response_time=ms,
                            response_length=size,
                            exception=RuntimeError(error) if error else None, context={})
        if self.samples:
            with open(self.samples, "a", encoding="utf-8") as f:
                f.write(json.dumps({"t": time.time(), "ms": ms,
                                    "kind": "error" if error else kind}) + "\n")
        return error is None and kind == "chat"

    def predict(self, session: str, question: str) -> tuple[list[dict], int]:
        """The answer's chat messages, as gradio_client's predict returns them, and the size."""
        joined = self.http.post(f"{self.prefix}/queue/join", timeout=TIMEOUT, json={
            "data": [question, *self.defaults], "fn_index": self.fn_index, "session_hash": session,
            "event_data": None, "trigger_id": None})
        if joined.status_code == 503:
            raise RuntimeError("Gradio's queue is full")
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        with self.http.get(f"{self.prefix}/queue/data", params={"session_hash": session},
                           stream=True, timeout=TIMEOUT) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("event_id") != event_id:
                    continue
                if message["msg"] == "process_completed":
                    if not message.get("success", True):
                        raise RuntimeError(f"the server failed: {str(message)[:200]}")
                    data = message["output"]["data"]
                    return data[0], len(line)
        raise RuntimeError("the event stream ended before the answer")

"""Serve the chat page: `python app.py [--host H] [--port P]` (or `make run`).

A thin launcher: settings from the environment, one `Assistant` (index loaded before the first
visitor arrives), the Blocks from `assistant.ui.create_app`, then a bounded queue and `launch()`.
The chat's own bounds (answers at once, questions waiting, patience) are `Settings` fields, held
by the page's gates (`assistant/ui.py`); the queue here bounds everything else.
Bound to 127.0.0.1 unless `--host` or GRADIO_SERVER_NAME says otherwise; GRADIO_SERVER_PORT (or
`--port`) picks the port. No share link, no analytics, no flagging.
"""

from __future__ import annotations

import argparse
import logging
import os

# The page's small events (loading the article, re-enabling the textbox) run this many at once;
# the chat's answers are bounded by Settings.answer_concurrency / llm_concurrency instead.
CONCURRENCY = 4


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line flags, defaulting to GRADIO_SERVER_NAME / GRADIO_SERVER_PORT, then local."""
    p = argparse.ArgumentParser(description="Serve the article assistant's chat page.")
    p.add_argument("--host", default=os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1",
                   help="interface to bind (default 127.0.0.1, or $GRADIO_SERVER_NAME)")
    p.add_argument("--port", type=int, default=int(os.environ.get("GRADIO_SERVER_PORT") or 7860),
                   help="port to listen on (default 7860, or $GRADIO_SERVER_PORT)")
    p.add_argument("--no-warmup", action="store_true",
                   help="start serving before the model and index are loaded")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Build the assistant and the page, then serve until interrupted."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Before Gradio and the model libraries are imported: no analytics, no model hub.
    for name, value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"),
                        ("ANONYMIZED_TELEMETRY", "False")):
        os.environ.setdefault(name, value)

    from assistant import Assistant, Settings
    from assistant.ui import create_app, launch_options

    settings = Settings.from_env()
    assistant = Assistant(settings, notify=lambda msg: logging.info("%s", msg))
    if not args.no_warmup:
        logging.info("loading the model and the index…")
        assistant.load()
    demo = create_app(assistant)
    # Events waiting beyond max_size are refused by Gradio; the chat's gates turn readers away
    # with a "busy" reply well before its events could fill this.
    demo.queue(max_size=settings.queue_size, default_concurrency_limit=CONCURRENCY)
    demo.launch(server_name=args.host, server_port=args.port, share=False, show_error=False,
                ssr_mode=False, mcp_server=False, pwa=False, **launch_options())


if __name__ == "__main__":
    main()

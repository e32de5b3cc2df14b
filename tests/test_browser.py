"""End to end: the real app (`python app.py`) in a subprocess, driven in real headless Chromium.

Debian's `chromium` (installed by `make browser`) is driven by the `playwright` package, since
Playwright's own browser download cannot work here. Everything is real: the MiniLM model, a
Chroma index built in a temp dir, Gradio, the browser. Screenshots go to tests/artifacts/
(git-ignored); with UPDATE_SCREENSHOT=1 the desktop one is also copied to docs/screenshot.png.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from procs import stop

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 120_000
STARTUP_SECONDS = 300

pytestmark = [pytest.mark.browser, pytest.mark.slow]

pw_api = pytest.importorskip("playwright.sync_api")


def chromium_path() -> str:
    """Debian's chromium, or a clear failure under CI (a skip on a developer's machine)."""
    path = shutil.which("chromium")
    if path:
        return path
    message = ("Debian's chromium is not on the PATH: run `make browser` "
               "(sudo apt-get install chromium) to run the browser tests")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on a free localhost port, its index built in a temp dir."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "HF_HUB_OFFLINE": "1",
           "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False",
           "TOKENIZERS_PARALLELISM": "false",
           "ASSISTANT_INDEX_DIR": str(tmp_path_factory.mktemp("index"))}
    env.pop("GRADIO_SERVER_NAME", None)  # the default bind address is part of what is tested
    log = (ARTIFACTS / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + STARTUP_SECONDS
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"app.py exited with {proc.returncode}; see {ARTIFACTS / 'server.log'}")
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"app.py did not serve {url} in {STARTUP_SECONDS}s")
            time.sleep(0.5)
        yield url
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    with pw_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Page:
    """One browser tab on the app, recording what a safety check needs to know."""

    def __init__(self, browser, url: str, width: int = 1360, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url)
        self.page.wait_for_selector("#article h2", timeout=60_000)
        self.box = self.page.locator("#question textarea")

    def ask(self, question: str) -> str:
        """Type a question, press Enter, wait for the whole answer; the last reply's text."""
        return self.answered(lambda: (self.box.fill(question), self.box.press("Enter")))

    def answered(self, send: Callable[[], object]) -> str:
        """Do what sends a question (type it, click a chip, press Enter on one), then wait for
        its question and its reply to be shown and the box to be free again; the reply's text.
        Waiting for the reply itself, not only the question: the box can still read as free
        just after the question shows, before the answer starts (seen on a loaded CI machine,
        where the previous reply was read)."""
        counts = ("n => document.querySelectorAll('#chat [data-testid=\"user\"]').length > n[0]"
                  " && document.querySelectorAll('.message-row.bot-row').length > n[1]")
        before = [self.page.locator('#chat [data-testid="user"]').count(),
                  self.page.locator(".message-row.bot-row").count()]
        send()
        self.page.wait_for_function(counts, arg=before, timeout=ANSWER_TIMEOUT_MS)
        pw_api.expect(self.box).to_be_editable(timeout=ANSWER_TIMEOUT_MS)
        return self.last_reply()

    def last_reply(self) -> str:
        return self.page.locator(".message-row.bot-row").last.inner_text()

    def shot(self, name: str, full_page: bool = False) -> Path:
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=full_page)
        return path

    def external_requests(self) -> list[str]:
        return [u for u in self.requests
                if urlparse(u).hostname not in ("127.0.0.1", "localhost", None)]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server) -> Iterator[Page]:
    t = Page(browser, server)
    yield t
    t.close()


def first_mark_in_view(tab: Page) -> None:
    """Wait until the article pane has scrolled its first highlight into view."""
    tab.page.wait_for_function("""() => {
        const pane = document.querySelector('#article .article-scroll');
        const mark = pane && pane.querySelector('mark');
        if (!mark) return false;
        const p = pane.getBoundingClientRect(), m = mark.getBoundingClientRect();
        return m.top >= p.top - 1 && m.top < p.bottom;
    }""", timeout=10_000)


def test_walk_through_answer_follow_up_chip_abstention_and_invalid_questions(tab: Page):
    page = tab.page
    assert page.title() == "Article assistant"
    assert page.locator("#article h3").count() >= 8  # the article's sections, beside the chat
    assert "GIF 1" not in page.locator("#article").inner_text()  # no page furniture
    tab.shot("browser-01-start")

    # A question the article answers: Oman, a [1] marker, the quote highlighted and in view.
    reply = tab.ask("who mediates?")
    assert "Oman" in reply and "[1]" in reply
    assert page.locator(".message-row.bot-row .marker").first.inner_text() == "[1]"
    mark = page.locator("#article mark.cite").first
    assert mark.locator("sup.badge").inner_text() == "[1]"
    quote = mark.evaluate("""m => { const c = m.cloneNode(true);
        c.querySelectorAll('sup, .sr-only').forEach(e => e.remove()); return c.textContent; }""")
    assert any("Oman" in t for t in page.locator("#article mark.cite").all_inner_texts())
    first_mark_in_view(tab)
    # The collapsible Sources block lists the citation: number, quote, section.
    page.wait_for_timeout(800)  # Gradio re-renders the chat once after an answer: let it settle
    bot = page.locator(".message-row.bot-row").last
    bot.get_by_text("Sources (", exact=False).click()
    pw_api.expect(bot.get_by_text(f"“{quote}”", exact=False)).to_be_visible()
    assert f"“{quote}” —" in bot.inner_text()
    page.wait_for_timeout(700)  # the block slides open; let the screenshot show it open
    path = tab.shot("browser-02-answer")
    if os.environ.get("UPDATE_SCREENSHOT"):
        shutil.copy(path, ROOT / "docs" / "screenshot.png")

    # A follow-up is rewritten, and the page says how it was interpreted.
    reply = tab.ask("Why does Iran prefer that?")
    assert "Interpreted as:" in reply and "[1]" in reply
    assert page.locator("#article mark.cite").count() >= 1
    tab.shot("browser-03-follow-up")

    # Follow-up chips are clickable and ask their question.
    chip = page.locator("#chat button.option").first
    label = chip.inner_text().strip()
    assert label
    reply = tab.answered(chip.click)
    assert label in page.locator('#chat [data-testid="user"]').last.inner_text()
    assert "[1]" in reply

    # Out of scope: an abstention that looks different and offers the closest passages.
    reply = tab.ask("Who will win the next football World Cup?")
    assert "Not in the article" in reply
    assert page.locator(".message-row.bot-row").last.locator(".abstain").count() == 1
    assert "Closest passages in the article" in reply
    assert page.locator("#article mark.related").count() >= 1
    assert page.locator("#article mark.cite").count() == 0
    first_mark_in_view(tab)
    tab.shot("browser-04-abstention")

    # Empty and over-long questions get a clear message, not silence or a traceback.
    assert "question is empty" in tab.ask("   ")
    reply = tab.ask("Why? " * 300)
    assert "limit is 1000" in reply and "Traceback" not in reply
    tab.shot("browser-05-invalid")
    assert tab.dialogs == [] and tab.external_requests() == []


def test_asking_where_it_says_so_and_for_it_shorter_on_the_page(tab: Page):
    """The page's history (rendered answers, their Sources blocks left out) is enough for the
    engine to find what its last reply quoted: "where does it say that?" highlights the same
    passage again; "in one sentence?" after a long why-answer cites one of its sentences."""
    page = tab.page
    reply = tab.ask("who mediates?")
    first = page.locator("#article mark.cite").all_inner_texts()
    assert "Oman" in reply and first
    reply = tab.ask("where does it say that?")
    assert "[1]" in reply and "Not in the article" not in reply
    assert page.locator("#article mark.cite").all_inner_texts() == first

    reply = tab.ask("Why does Iran insist on indirect talks?")
    many = page.locator(".message-row.bot-row").last.locator(".marker").count()
    assert many >= 3
    reply = tab.ask("in one sentence?")
    markers = page.locator(".message-row.bot-row").last.locator(".marker").all_inner_texts()
    assert 1 <= len(dict.fromkeys(markers)) <= 2 and "Not in the article" not in reply
    tab.shot("browser-06-about-the-answer")
    assert tab.dialogs == [] and tab.external_requests() == []


def test_a_script_or_image_payload_typed_as_a_question_runs_and_loads_nothing(tab: Page):
    page = tab.page
    payload = ('<script>window.__pwned = 1; alert("script")</script>'
               '<img src=x onerror="window.__pwned = 2; alert(\'img\')">'
               " ![t](http://example.invalid/t.png) [link](http://example.invalid/)")
    tab.ask(payload)
    page.wait_for_timeout(1000)  # give a broken image's onerror time to fire, if it could
    assert page.evaluate("window.__pwned") is None
    assert tab.dialogs == []
    shown = page.locator('#chat [data-testid="user"]').last.inner_text()
    assert "<script>" in shown and "onerror=" in shown and "![t](http://example.invalid" in shown
    chat = page.locator("#chat")
    assert chat.locator("script").count() == 0
    assert chat.locator("img[src='x'], img[src*='example.invalid']").count() == 0
    assert chat.locator("a[href*='example.invalid']").count() == 0
    assert tab.external_requests() == []
    assert not [u for u in tab.requests if urlparse(u).path == "/x"]
    tab.shot("browser-06-payload")
    # Behind the escaping, the page's Content Security Policy refuses other origins' images.
    blocked = page.evaluate("""() => new Promise(done => {
        document.addEventListener('securitypolicyviolation', e => done(e.blockedURI));
        const img = document.createElement('img');
        img.src = 'http://example.invalid/beacon.png';
        document.body.appendChild(img);
        setTimeout(() => done(null), 3000);
    })""")
    assert blocked == "http://example.invalid/beacon.png"


def test_readable_at_phone_width(browser, server):
    tab = Page(browser, server, width=390, height=844)
    try:
        reply = tab.ask("Who mediates?")
        assert "Oman" in reply
        page = tab.page
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 392, f"page is {overflow}px wide at a 390px viewport"
        chat = page.locator("#chat").bounding_box()
        article = page.locator("#article").bounding_box()
        assert chat and article and article["y"] >= chat["y"] + chat["height"] - 1  # stacked
        assert article["width"] > 300
        tab.shot("browser-07-phone", full_page=True)
    finally:
        tab.close()


def test_gradio_client_predicts_on_the_chat_endpoint(server):
    from gradio_client import Client

    client = Client(server, verbose=False)
    messages, article = client.predict("Who mediates?", api_name="/chat")
    answer, sources = messages[0], messages[1]
    assert "Oman" in answer["content"] and "[1]" in answer["content"]
    assert sources["metadata"]["title"].startswith("Sources")
    assert sources["content"].startswith("[1] “")
    assert '<mark class="cite">' in article


def test_the_whole_page_works_from_the_keyboard(tab: Page):
    page = tab.page
    # The question box has focus on arrival: type, press Enter.
    page.keyboard.type("Who mediates?")
    page.keyboard.press("Enter")
    page.wait_for_selector("#chat button.option", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(800)  # Gradio re-renders the chat once after an answer
    assert "[1]" in tab.last_reply()

    def tab_to(test: str, limit: int = 60) -> str:
        for _ in range(limit):
            page.keyboard.press("Tab")
            text = page.evaluate(f"() => {{ const e = document.activeElement; "
                                 f"return ({test}) ? (e.innerText || '') : null; }}")
            if text is not None:
                return str(text)
        raise AssertionError(f"Tab never reached an element where {test}")

    # The Sources toggle: reached by Tab, opened by Enter.
    assert tab_to("(e.innerText || '').startsWith('Sources (')").startswith("Sources (")
    page.keyboard.press("Enter")
    bot = page.locator(".message-row.bot-row").last
    pw_api.expect(bot.get_by_text("”", exact=False).first).to_be_visible()
    # The article pane is a named region the keyboard can reach (and scroll).
    assert page.locator('#article [role="region"][tabindex="0"]').count() == 1
    # A follow-up chip: reached by Tab, asked by Enter, answered.
    chip = tab_to("e.matches('#chat button.option')")
    reply = tab.answered(lambda: page.keyboard.press("Enter"))
    assert chip.strip() in page.locator('#chat [data-testid="user"]').last.inner_text()
    assert "[1]" in reply and "Not in the article" not in reply
    # Screen readers hear each answer as words, its markers as "source n", no markup.
    label = page.locator('#chat [data-testid="bot"]').first.get_attribute("aria-label") or ""
    assert label.startswith("Assistant: ") and "source 1" in label
    assert "<" not in label and "[1]" not in label
    tab.shot("browser-08-keyboard")


def test_every_follow_up_chip_is_answered_when_clicked(browser, server):
    first = Page(browser, server)
    try:
        first.ask("Who mediates?")
        first.page.wait_for_selector("#chat button.option", timeout=ANSWER_TIMEOUT_MS)
        chips = [c.strip() for c in first.page.locator("#chat button.option").all_inner_texts()]
    finally:
        first.close()
    assert len(chips) == 3 and all(c.endswith("?") for c in chips)
    for label in chips:  # each in a fresh conversation, as a reader would meet it
        t = Page(browser, server)
        try:
            t.ask("Who mediates?")
            chip = t.page.locator("#chat button.option", has_text=label)
            reply = t.answered(chip.click)
            assert "[1]" in reply and "Not in the article" not in reply, (label, reply)
        finally:
            t.close()


def test_axe_core_finds_no_serious_or_critical_violation(tab: Page):
    from axe_playwright_python.sync_playwright import Axe

    page = tab.page
    tab.ask("Who mediates?")
    page.wait_for_selector("#chat button.option", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(800)
    page.locator(".message-row.bot-row").last.get_by_text("Sources (", exact=False).click()
    tab.ask("Who will win the next football World Cup?")  # an abstention and its passages
    page.wait_for_timeout(800)
    found = Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found
           if v["impact"] in ("serious", "critical")]
    assert bad == [], bad

"""The served app in a real browser: Playwright driving Debian's chromium against `kaizen-guide serve`.

The terminal is drawn on a canvas, so the test asserts on what the server side sees and sends: the
page and websocket refused without the token, the frames the app sends (its screen text), the plan
file the typed answer lands in. A screenshot of the first screen is kept in test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (.ci/run installs it)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(predicate, what: str, timeout: float = 20.0, tick=lambda: time.sleep(0.1)):
    """Poll ``predicate`` (bounded). With a page, ``tick`` is page.wait_for_timeout: the sync API
    delivers websocket events only while it runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        tick()
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """`kaizen-guide serve DIR` on a free port: (base URL, token, DIR)."""
    root = tmp_path / "plans"
    root.mkdir()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kaizen_guide", "serve", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    out: list[str] = []
    # A thread drains the server's output (select() cannot see what a text reader has buffered).
    threading.Thread(target=lambda: out.extend(proc.stdout), daemon=True).start()  # type: ignore[arg-type]

    def printed_token() -> str:
        line = next((x for x in list(out) if "?token=" in x), "")
        return line.strip().rsplit("?token=", 1)[1] if line else ""

    token = ""
    try:
        token = _wait_for(lambda: printed_token() or proc.poll() is not None, "the URL with the token")
        assert isinstance(token, str), "serve ended:\n" + "".join(out)
        base = f"http://127.0.0.1:{port}"
        # The URL is printed from on_startup; the socket may accept a moment later.
        _wait_for(lambda: _status(base + "/") == 403, "the server to answer")
        yield base, token, root
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _status(url: str) -> int | None:
    try:
        with urlopen(url, timeout=2) as resp:
            return int(resp.status)
    except HTTPError as exc:
        return exc.code
    except OSError:
        return None


def _launch(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def test_served_app_in_chromium(served, tmp_path: Path) -> None:
    base, token, root = served
    with playwright_api.sync_playwright() as p:
        browser = _launch(p)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 700})
            page.route("**/fonts.googleapis.com/**", lambda route: route.abort())

            # Without the token: no page, and the websocket is refused too.
            refused = page.goto(base + "/")
            assert refused is not None and refused.status == 403
            assert "token" in page.inner_text("body")
            ws_status = page.evaluate(
                """url => new Promise(done => {
                    const ws = new WebSocket(url);
                    ws.onopen = () => { ws.close(); done('open'); };
                    ws.onerror = () => done('refused');
                })""",
                base.replace("http", "ws") + "/ws",
            )
            assert ws_status == "refused"

            # With the token: the page loads (the token becomes a cookie) and the app draws its start screen.
            frames: list[bytes] = []

            def on_ws(ws) -> None:
                ws.on(
                    "framereceived",
                    lambda payload: frames.append(payload if isinstance(payload, bytes) else payload.encode()),
                )

            page.on("websocket", on_ws)
            loaded = page.goto(f"{base}/?token={token}")
            assert loaded is not None and loaded.status == 200
            assert "token=" not in page.url  # dropped from the address bar once the cookie is set
            screen_text = lambda: b"".join(frames).decode("utf-8", "replace")  # noqa: E731
            tick = lambda: page.wait_for_timeout(100)  # noqa: E731
            _wait_for(lambda: "新しい計画を作る" in screen_text(), "the start screen to be drawn", tick=tick)
            page.wait_for_function("document.body.classList.contains('-first-byte')", timeout=10_000)
            page.locator(".textual-terminal").click()

            ARTIFACTS.mkdir(exist_ok=True)
            shot = tmp_path / "served-start.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000  # a drawn screen, not a blank page
            shutil.copy(shot, ARTIFACTS / "served-start.png")

            # A keystroke reaches the app: 「n」 on the start screen creates a new plan inside DIR.
            page.keyboard.press("n")
            plan = _wait_for(lambda: next(iter(root.glob("plan-*.json")), None), "a new plan file in DIR", tick=tick)
            _wait_for(lambda: "商号" in screen_text(), "the first question", tick=tick)

            # An answer typed in the browser is saved in the plan file.
            page.keyboard.insert_text("テスト商店")  # as an IME commits it
            page.keyboard.press("Enter")
            _wait_for(
                lambda: "テスト商店" in plan.read_text(encoding="utf-8"), "the answer in the plan file", tick=tick
            )

            # Export (F4, Enter in the dialog): the files are written beside the plan and offered as downloads.
            page.keyboard.press("F4")
            _wait_for(lambda: "書き出し先" in screen_text(), "the export dialog", tick=tick)
            names: list[str] = []
            page.on("download", lambda download: names.append(download.suggested_filename))
            page.keyboard.press("Enter")
            stem = plan.stem
            _wait_for(lambda: len(names) >= 3, "three downloads", timeout=40, tick=tick)
            assert sorted(names) == sorted(f"{stem}.{kind}" for kind in ("html", "md", "xlsx"))
            assert (root / f"{stem}.xlsx").stat().st_size > 0
        finally:
            browser.close()

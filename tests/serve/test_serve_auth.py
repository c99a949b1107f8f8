"""serve: the guard in front of textual-serve (token, password, cookie, origin), the bind rule, and
the served app's confinement to DIR."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from kaizen_guide.cli import main
from kaizen_guide.commands.serve import COOKIE, PASSWORD_ENV, Auth, bind_refusal, build_server, make_guard, run_serve


async def _ok(request: web.Request) -> web.Response:
    return web.Response(text="app page")


def _guarded(auth: Auth) -> web.Application:
    app = web.Application(middlewares=[make_guard(auth)])
    app.add_routes(
        [web.get("/", _ok), web.get("/ws", _ok), web.get("/download/{key}", _ok), web.get("/static/js/textual.js", _ok)]
    )
    return app


@pytest.fixture
async def client_for():
    clients: list[TestClient] = []

    async def make(auth: Auth) -> TestClient:
        client = TestClient(TestServer(_guarded(auth)))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for c in clients:
        await c.close()


async def test_nothing_is_served_without_the_token(client_for) -> None:
    client = await client_for(Auth(token="right-token"))
    for path in ("/", "/ws", "/download/abc", "/static/js/textual.js", "/?token=wrong", "/?token="):
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 403, path
        assert "app page" not in await resp.text()


async def test_token_gives_an_httponly_cookie_and_the_cookie_opens_everything(client_for) -> None:
    auth = Auth(token="right-token")
    client = await client_for(auth)
    resp = await client.get("/?token=right-token&fontsize=18", allow_redirects=False)
    assert resp.status == 303
    assert resp.headers["Location"] == "/?fontsize=18"  # the token leaves the address bar
    cookie = resp.headers["Set-Cookie"]
    assert f"{COOKIE}={auth.session}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "right-token" not in cookie  # the cookie is a separate session secret
    for path in ("/", "/ws", "/download/abc", "/static/js/textual.js"):
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 200, path
    client.session.cookie_jar.clear()
    assert (await client.get("/", allow_redirects=False)).status == 403


async def test_wrong_cookie_is_refused(client_for) -> None:
    client = await client_for(Auth(token="t"))
    resp = await client.get("/", cookies={COOKIE: "guess"}, allow_redirects=False)
    assert resp.status == 403


async def test_password_login(client_for) -> None:
    auth = Auth(token="t", password="correct horse battery")
    client = await client_for(auth)
    page = await client.get("/")
    assert page.status == 403 and 'type="password"' in await page.text()
    bad = await client.post("/login", data={"password": "nope"}, allow_redirects=False)
    assert bad.status == 403
    good = await client.post("/login", data={"password": "correct horse battery"}, allow_redirects=False)
    assert good.status == 303 and auth.session in good.headers["Set-Cookie"]
    assert (await client.get("/", allow_redirects=False)).status == 200


async def test_websocket_from_another_site_is_refused(client_for) -> None:
    client = await client_for(Auth(token="t"))
    await client.get("/?token=t", allow_redirects=False)
    host = f"{client.host}:{client.port}"
    assert (await client.get("/ws", headers={"Origin": "http://evil.example"})).status == 403
    assert (await client.get("/ws", headers={"Origin": f"http://{host}"})).status == 200


async def test_the_real_server_routes_are_guarded(tmp_path: Path) -> None:
    """textual-serve's own application (page, websocket, static, download) with the guard added."""
    server = build_server(tmp_path, "127.0.0.1", 8000, Auth(token="tok"))
    app = await server._make_app()
    app.on_startup.clear()  # no banner in the test output
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        for path in ("/", "/ws", "/static/js/textual.js", "/download/x"):
            assert (await client.get(path, allow_redirects=False)).status == 403, path
        page = await client.get("/?token=tok")  # follows the redirect with the cookie
        assert page.status == 200
        text = await page.text()
        assert "textual-terminal" in text
        assert f"ws://{client.host}:{client.port}/ws" in text  # the websocket follows the address used
        assert (await client.get("/static/js/textual.js")).status == 200
    finally:
        await client.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_password(host: str) -> None:
    assert bind_refusal(host, None) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.com"])
def test_non_loopback_refused_without_a_password(host: str) -> None:
    message = bind_refusal(host, None)
    assert message is not None and PASSWORD_ENV in message and "127.0.0.1" in message
    assert "短すぎます" in (bind_refusal(host, "short") or "")
    assert bind_refusal(host, "a-long-enough-password") is None


def test_cli_refuses_non_loopback_in_japanese(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    assert main(["serve", str(tmp_path), "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert "エラー:" in err and PASSWORD_ENV in err and "Traceback" not in err


def test_cli_refuses_a_missing_folder(tmp_path: Path, capsys) -> None:
    assert main(["serve", str(tmp_path / "nope")]) == 2
    assert "フォルダではありません" in capsys.readouterr().err


def test_password_is_not_passed_to_the_app_processes(tmp_path: Path, monkeypatch) -> None:
    """run_serve takes the password out of the environment the per-session app processes inherit."""
    import os

    monkeypatch.setenv(PASSWORD_ENV, "short")
    args = argparse.Namespace(dir=str(tmp_path), host="0.0.0.0", port=8000, advisor=False)
    assert run_serve(args, lambda message: None) == 2  # too short: refused before serving
    assert PASSWORD_ENV not in os.environ


def test_served_command_runs_the_confined_app(tmp_path: Path) -> None:
    import shlex

    parts = shlex.split(build_server(tmp_path, "127.0.0.1", 8000, Auth(), portfolio=True).command)
    assert parts[1:] == ["-m", "kaizen_guide.tui.app", "--root", str(tmp_path), "--portfolio", str(tmp_path)]
    plain = shlex.split(build_server(tmp_path / "a b", "127.0.0.1", 8000, Auth()).command)
    assert plain[-2:] == ["--root", str(tmp_path / "a b")]  # quoted for the shell textual-serve uses

"""`kaizen-guide serve [DIR]`: the TUI in a browser (textual-serve), behind a token or a password.

textual-serve spawns one app process per websocket and has no authentication of its own, so every
request (page, websocket, static files, downloads) passes :func:`make_guard` first: a valid
``?token=`` (printed at start) or the password from ``KAIZEN_GUIDE_SERVE_PASSWORD`` sets an HttpOnly
session cookie; anything else gets 403. The served app runs confined to DIR (``--root``).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Middleware

PASSWORD_ENV = "KAIZEN_GUIDE_SERVE_PASSWORD"
MIN_PASSWORD = 12
COOKIE = "kaizen_guide_session"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Auth:
    """What a browser may present: the printed token or the password; the cookie it gets back."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    password: str | None = None
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    def accepts(self, secret: str | None) -> bool:
        if not secret:
            return False
        ok = secrets.compare_digest(secret.encode(), self.token.encode())
        if self.password:
            ok |= secrets.compare_digest(secret.encode(), self.password.encode())
        return ok

    def has_session(self, request: web.Request) -> bool:
        cookie = request.cookies.get(COOKIE, "")
        return bool(cookie) and secrets.compare_digest(cookie.encode(), self.session.encode())


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_refusal(host: str, password: str | None) -> str | None:
    """Why serving on ``host`` is refused (None: allowed). Off this machine the printed token alone
    is not enough: a password chosen on purpose is required."""
    if is_loopback(host):
        return None
    if not password:
        return (
            f"{host} で公開すると、ほかのパソコンからも計画を開けるようになります。認証を設定してから"
            f"もう一度実行してください: 環境変数 {PASSWORD_ENV} にパスワード ({MIN_PASSWORD}文字以上) を設定します。"
            "このパソコンだけで使うときは --host を省略してください (127.0.0.1)。"
        )
    if len(password) < MIN_PASSWORD:
        return f"{PASSWORD_ENV} のパスワードが短すぎます。{MIN_PASSWORD}文字以上にしてください。"
    return None


def _refused_page(auth: Auth) -> str:
    login = ""
    if auth.password:
        login = (
            '<form method="post" action="/login"><label>パスワード '
            '<input type="password" name="password" autofocus></label> <button>開く</button></form>'
        )
    return (
        '<!doctype html><html lang="ja"><meta charset="utf-8"><title>kaizen-guide</title>'
        "<body><h1>kaizen-guide</h1><p>この画面を開くには、起動したときに表示されたアドレス (token つき) から"
        f"開いてください。</p>{login}</body></html>"
    )


def _same_origin(request: web.Request) -> bool:
    """A websocket opened by a page from another site is refused (the browser sends Origin)."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    return urlsplit(origin).netloc.lower() == (request.host or "").lower()


def _see_other(location: str, auth: Auth) -> web.StreamResponse:
    """303 to ``location`` with the session cookie (HttpOnly: page scripts never read it)."""
    response = web.Response(status=303, headers={"Location": location})
    response.set_cookie(COOKIE, auth.session, httponly=True, samesite="Strict", path="/")
    return response


def make_guard(auth: Auth) -> Middleware:
    """aiohttp middleware: nothing is served without the token, the password or the session cookie."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == "/login" and request.method == "POST":
            form = await request.post()
            password = form.get("password")
            if auth.password and isinstance(password, str) and auth.accepts(password):
                return _see_other("/", auth)
            return web.Response(status=403, text=_refused_page(auth), content_type="text/html")
        if not auth.has_session(request):
            if not auth.accepts(request.query.get("token")):
                return web.Response(status=403, text=_refused_page(auth), content_type="text/html")
            if request.path == "/" and request.method == "GET":
                # Drop the token from the address bar (and history) once the cookie carries it.
                rest = {k: v for k, v in request.query.items() if k != "token"}
                target = request.rel_url.with_query(rest) if rest else request.rel_url.with_query(None)
                return _see_other(str(target), auth)
        if request.path == "/ws" and not _same_origin(request):
            return web.Response(status=403, text="別のサイトからの接続は受け付けません。")
        response = await handler(request)
        return response

    return guard


def served_command(root: Path, *, advisor: bool = False, portfolio: bool = False) -> str:
    """The command textual-serve runs per browser session: the TUI confined to ``root`` (its start
    screen, or with ``portfolio`` the list of every plan in it)."""
    parts = [sys.executable, "-m", "kaizen_guide.tui.app", "--root", str(root)]
    if advisor:
        parts.append("--advisor")
    if portfolio:
        parts += ["--portfolio", str(root)]
    return " ".join(shlex.quote(p) for p in parts)


def build_server(
    root: Path, host: str, port: int, auth: Auth, *, advisor: bool = False, portfolio: bool = False
) -> Any:
    """A textual-serve Server with the guard in front of every route."""
    from textual_serve.server import Server

    class GuardedServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(make_guard(auth))
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The page's websocket URL follows the address the browser used (127.0.0.1 / localhost / a
            # LAN name), so the session cookie goes with it. No await happens between set and use.
            self.public_url = f"{request.scheme}://{request.host}"
            response: web.StreamResponse = await super().handle_index(request)
            return response

        async def on_startup(self, app: web.Application) -> None:
            shown = f"[{host}]" if ":" in host else host
            print(f"kaizen-guide をブラウザで開いています: {root}", flush=True)
            print(f"このアドレスを開いてください: http://{shown}:{port}/?token={auth.token}", flush=True)
            if auth.password:
                print(f"(または http://{shown}:{port}/ で {PASSWORD_ENV} のパスワードを入力)", flush=True)
            print("終了するには Ctrl+C", flush=True)

    command = served_command(root, advisor=advisor, portfolio=portfolio)
    return GuardedServer(command, host=host, port=port, title="kaizen-guide")


def run_serve(args: argparse.Namespace, err: Callable[[str], None]) -> int:
    root = Path(args.dir or ".").expanduser()
    if not root.is_dir():
        err(f"{root} はフォルダではありません。計画ファイルのあるフォルダを指定してください。")
        return 2
    # Read once and keep it away from the app processes, which inherit the environment.
    password = os.environ.pop(PASSWORD_ENV, None) or None
    refusal = bind_refusal(args.host, password)
    if refusal:
        err(refusal)
        return 2
    if not 0 < args.port < 65536:
        err(f"ポート番号 {args.port} は使えません (1〜65535)。")
        return 2
    auth = Auth(password=password)
    server = build_server(
        root.resolve(), args.host, args.port, auth, advisor=args.advisor, portfolio=getattr(args, "portfolio", False)
    )
    try:
        server.serve()
    except OSError as exc:
        err(
            f"{args.host}:{args.port} で待ち受けできません ({exc.strerror or exc})。"
            "別のポートを --port で指定してください。"
        )
        return 2
    return 0

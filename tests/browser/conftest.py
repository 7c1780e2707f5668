"""Playwright driving Debian's Chromium against the built site on a loopback server.

Locally the browser tests skip with a message when Chromium is missing; under
CI=true a missing browser is a failure (.ci/run installs it).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def chromium_path() -> str | None:
    found = next((p for p in CHROMIUM_CANDIDATES if Path(p).is_file()), None)
    return found or shutil.which("chromium")


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves the site under its base path and answers misses with 404.html, as GitHub Pages does."""

    base = "/"

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.base):
            return self._not_found()
        self.path = "/" + self.path[len(self.base) :]
        translated = Path(self.translate_path(self.path))
        if not translated.exists() or (translated.is_dir() and not (translated / "index.html").is_file()):
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, base: str) -> Iterator[str]:
    """Serve a built site on an ephemeral loopback port under ``base``; yield its base URL."""
    handler_class = type("Handler", (PagesHandler,), {"base": base})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{base}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site: Path, catalog) -> Iterator[str]:
    """The real site under site_url's path, as on GitHub Pages."""
    with serve(site, urlsplit(catalog.collection.site_url).path) as url:
        yield url


@pytest.fixture(scope="session")
def large_server(large_site: Path, catalog) -> Iterator[str]:
    """The site of a 250-dataset synthetic catalog."""
    with serve(large_site, urlsplit(catalog.collection.site_url).path) as url:
        yield url


@pytest.fixture(scope="session")
def renamed_server(renamed_site: Path, catalog) -> Iterator[str]:
    """The site built after renaming a dataset and a category."""
    with serve(renamed_site, urlsplit(catalog.collection.site_url).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@dataclass
class PageWatch:
    """What a page did that a test may assert on."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser):
    """A fresh page whose requests may only reach loopback; errors are recorded."""
    context = browser.new_context()
    watch = PageWatch()

    def guard(route):
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda err: watch.page_errors.append(str(err)))
    tab.watch = watch
    yield tab
    context.close()

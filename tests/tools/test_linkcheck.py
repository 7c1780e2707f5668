"""The link checker against a local server with every kind of answer (loopback only)."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from generator.cli import main
from generator.tools import linkcheck
from generator.tools.linkcheck import Settings, check_all, check_url

TODAY = dt.date(2026, 1, 2)
FAST = Settings(timeout=0.5, retries=2, backoff=0.01, workers=4)


class Endpoints(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def _answer(self, head: bool) -> None:
        path = self.path.split("?")[0]
        Endpoints.hits[path] = Endpoints.hits.get(path, 0) + 1
        if path == "/ok":
            self._send(200)
        elif path == "/redirect":
            self._send(301, {"Location": "/ok"})
        elif path == "/missing":
            self._send(404)
        elif path == "/error":
            self._send(500)
        elif path == "/flaky":
            self._send(503 if Endpoints.hits[path] == 1 else 200)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200)
        elif path == "/no-head":
            self._send(405 if head else 200)
        else:
            self._send(404)

    def _send(self, code: int, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_HEAD(self):
        self._answer(head=True)

    def do_GET(self):
        self._answer(head=False)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Endpoints)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ok(base):
    result = check_url(f"{base}/ok", FAST, TODAY)
    assert (result.status, result.code, result.final_url) == ("ok", 200, None)
    assert result.checked_on == TODAY


def test_redirect_is_followed_and_reported(base):
    result = check_url(f"{base}/redirect", FAST, TODAY)
    assert result.status == "redirected"
    assert result.code == 200
    assert result.final_url == f"{base}/ok"


def test_not_found_is_broken_without_retry(base):
    Endpoints.hits.clear()
    result = check_url(f"{base}/missing", FAST, TODAY)
    assert (result.status, result.code, result.attempts) == ("broken", 404, 1)


def test_server_error_is_retried_then_broken(base):
    Endpoints.hits.clear()
    result = check_url(f"{base}/error", FAST, TODAY)
    assert (result.status, result.code) == ("broken", 500)
    assert result.attempts == 3
    assert Endpoints.hits["/error"] == 3


def test_passing_failure_recovers_on_retry(base):
    Endpoints.hits.clear()
    waits: list[float] = []
    result = check_url(f"{base}/flaky", Settings(timeout=1, retries=2, backoff=0.25), TODAY, sleep=waits.append)
    assert result.status == "ok"
    assert result.attempts == 2
    assert waits == [0.25]


def test_back_off_doubles(closed_port):
    waits: list[float] = []
    check_url(f"http://127.0.0.1:{closed_port}/", Settings(timeout=0.5, retries=3, backoff=0.5), TODAY, sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0]


def test_slow_server_times_out(base):
    result = check_url(f"{base}/slow", Settings(timeout=0.3, retries=0), TODAY)
    assert result.status == "unreachable"
    assert "timed out" in (result.error or "").lower()


def test_connection_refused(closed_port):
    result = check_url(f"http://127.0.0.1:{closed_port}/", Settings(timeout=0.5, retries=1, backoff=0.01), TODAY)
    assert result.status == "unreachable"
    assert "refused" in (result.error or "").lower()


def test_head_refused_falls_back_to_get(base):
    result = check_url(f"{base}/no-head", FAST, TODAY)
    assert (result.status, result.code) == ("ok", 200)


def test_concurrency_is_bounded(base):
    urls = [f"{base}/slow?{i}" for i in range(4)]
    started = time.monotonic()
    results = check_all(urls, Settings(timeout=5, retries=0, workers=2), TODAY)
    elapsed = time.monotonic() - started
    assert all(r.status == "ok" for r in results.values())
    assert elapsed >= 2.9, "four 1.5 s requests two at a time take two rounds"


def test_command_writes_report_and_pages_show_it(base, closed_port, catalog_copy, tmp_path, capsys):
    for slug, path in (("drive", "/ok"), ("stare", "/missing"), ("hrf", "/redirect")):
        dataset = catalog_copy / "datasets" / f"{slug}.yaml"
        lines = [f"homepage: {base}{path}" if line.startswith("homepage:") else line for line in dataset.read_text().splitlines()]
        dataset.write_text("\n".join(lines) + "\n")
    args = ["links", "--catalog", str(catalog_copy), "--timeout", "1", "--retries", "0", "--summary", str(tmp_path / "broken.md")]
    assert main(args) == 0
    report = json.loads((catalog_copy / "link-report.json").read_text())["links"]
    assert report[f"{base}/ok"]["status"] == "ok"
    assert report[f"{base}/missing"]["status"] == "broken"
    assert report[f"{base}/redirect"]["final_url"] == f"{base}/ok"
    assert f"{base}/missing" in (tmp_path / "broken.md").read_text()
    assert "stare" in (tmp_path / "broken.md").read_text()
    capsys.readouterr()

    from generator.build.jobs import render_tree
    from generator.load.catalog import load_catalog
    from tests.helpers import TEMPLATES

    files = render_tree(load_catalog(catalog_copy), TEMPLATES)
    assert "The official page did not answer" in files["datasets/stare.md"].decode()
    assert "Official page checked on" in files["datasets/drive.md"].decode()
    assert "redirecting to" in files["datasets/hrf.md"].decode()


def test_offline_leaves_report_and_exits_zero(catalog_copy, closed_port, capsys, monkeypatch):
    report = catalog_copy / "link-report.json"
    report.write_text('{"links": {}}\n')
    before = report.read_bytes()
    monkeypatch.setattr(
        linkcheck, "catalog_urls", lambda catalog: [f"http://127.0.0.1:{closed_port}/a", f"http://127.0.0.1:{closed_port}/b"]
    )
    assert main(["links", "--catalog", str(catalog_copy), "--timeout", "0.5", "--retries", "0"]) == 0
    assert "no network" in capsys.readouterr().out
    assert report.read_bytes() == before


def test_broken_report_file_is_a_located_error(catalog_copy, capsys):
    (catalog_copy / "link-report.json").write_text('{"links": {"https://x.org/": {"status": "fine", "checked_on": "2026-01-01"}}}')
    assert main(["check", "--catalog", str(catalog_copy)]) == 1
    assert "catalog/link-report.json:1: links.https://x.org/.status:" in capsys.readouterr().err

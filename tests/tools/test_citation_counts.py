"""`generator citations` against a loopback server standing in for OpenAlex: paging, 429, errors, unknown DOIs, offline."""

from __future__ import annotations

import json
import re
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.catalog import load_catalog
from generator.tools.citations import OpenAlexClient, OpenAlexError, Settings, dataset_dois

FAST = Settings(timeout=2.0, retries=2, backoff=0.0, max_wait=1.0)
UNKNOWN_DOI = "10.1109/tmi.2018.2865709"  # TNBC's paper: the stand-in pretends not to know it
PER_PAGE = 5  # the stand-in pages its answers, whatever per-page asks, so paging is exercised


class FakeOpenAlex:
    """The state behind the stand-in: which DOIs it knows, and what it should answer next."""

    def __init__(self, dois: list[str]) -> None:
        known = sorted(d for d in set(dois) if d != UNKNOWN_DOI)
        self.works = {doi: f"W{1000 + i}" for i, doi in enumerate(known)}
        self.requests: list[dict[str, str]] = []
        self.fail_first: list[tuple[int, dict[str, str], bytes]] = []  # answers to give before the real ones

    @staticmethod
    def citing(work_ids: list[str]) -> int:
        """A count that depends on exactly which works are asked about."""
        return sum(int(w[1:]) % 97 for w in work_ids) + 3 * len(work_ids)


def handler_for(state: FakeOpenAlex) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _json(self, code: int, body: dict, headers: dict[str, str] | None = None) -> None:
            raw = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            state.requests.append(query)
            if state.fail_first:
                code, headers, body = state.fail_first.pop(0)
                self.send_response(code)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if parts.path != "/works":
                self._json(404, {"error": "Not found"})
                return
            kind, _, values = query.get("filter", "").partition(":")
            wanted = values.split("|") if values else []
            if kind == "doi":
                if len(wanted) > 100:
                    self._json(400, {"error": "Invalid query parameters error.", "message": "too many values"})
                    return
                known = [d for d in wanted if d in state.works]
                results = [{"id": f"https://openalex.org/{state.works[d]}", "doi": f"https://doi.org/{d}"} for d in known]
                start = int(query["cursor"]) if query.get("cursor", "*") != "*" else 0
                page = results[start : start + PER_PAGE]
                following = str(start + PER_PAGE) if start + PER_PAGE < len(results) else None
                self._json(200, {"meta": {"count": len(results), "next_cursor": following}, "results": page})
            elif kind == "cites":
                self._json(200, {"meta": {"count": FakeOpenAlex.citing(wanted)}, "results": []})
            else:
                self._json(400, {"error": "Invalid query parameters error.", "message": f"{kind} is not a valid field"})

    return Handler


@pytest.fixture
def openalex(catalog):
    state = FakeOpenAlex([d for dois in dataset_dois(catalog).values() for d in dois])
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def run(catalog_dir: Path, url: str, *extra: str) -> int:
    options = ["--api-url", url, "--retries", "2", "--backoff", "0", "--max-wait", "1", *extra]
    return main(["citations", "--catalog", str(catalog_dir), *options])


def test_counts_every_dataset_through_paged_lookups(openalex, catalog_copy, capsys):
    assert run(catalog_copy, openalex.url) == 0
    report = json.loads((catalog_copy / "citation-report.json").read_text(encoding="utf-8"))
    assert report["source"] == "OpenAlex"
    assert report["fetched_on"]
    catalog = load_catalog(catalog_copy)
    expected = dataset_dois(catalog)
    assert set(report["datasets"]) == set(expected)
    for slug, dois in expected.items():
        entry = report["datasets"][slug]
        works = sorted(openalex.works[d] for d in dois if d in openalex.works)
        assert entry["works"] == works
        assert entry["unknown_dois"] == [d for d in dois if d not in openalex.works]
        assert entry["cited_by"] == (FakeOpenAlex.citing(works) if works else None)
    # the lookup of all DOIs took several pages, each asked for with the cursor of the one before
    cursors = [q["cursor"] for q in openalex.requests if q.get("filter", "").startswith("doi:")]
    assert cursors[0] == "*"
    assert len(cursors) > 2
    assert "wrote" in capsys.readouterr().out


def test_a_dataset_whose_only_doi_is_unknown_is_not_counted(openalex, catalog_copy):
    assert run(catalog_copy, openalex.url) == 0
    entry = json.loads((catalog_copy / "citation-report.json").read_text(encoding="utf-8"))["datasets"]["tnbc"]
    assert entry == {"cited_by": None, "works": [], "unknown_dois": [UNKNOWN_DOI]}


def test_pages_show_the_count_with_source_and_date(openalex, catalog_copy, tmp_path):
    assert run(catalog_copy, openalex.url) == 0
    report = json.loads((catalog_copy / "citation-report.json").read_text(encoding="utf-8"))
    out = tmp_path / "docs"
    assert main(["build", "--catalog", str(catalog_copy), "--out", str(out)]) == 0
    count = report["datasets"]["drive"]["cited_by"]
    page = _fragments(out / "datasets" / "drive.md")["citations"]
    assert f'Cited by {count:,} works (OpenAlex, <time datetime="{report["fetched_on"]}">' in page
    assert "OpenAlex does not know its references' DOIs" in _fragments(out / "datasets" / "tnbc.md")["citations"]
    table = _fragments(out / "statistics.md")["table"]
    assert '<th scope="col" data-key="cited" data-type="number">Cited by</th>' in table
    # the HTML holds the first rows of the table, the script the rest from statistics-rows.json
    rows = json.loads((out / "data" / "statistics-rows.json").read_text(encoding="utf-8"))
    records = {row[0]: dict(zip(rows["fields"], row, strict=True)) for row in rows["rows"]}
    assert records["drive"]["cited_by"] == f"{count:,}"
    assert records["drive"]["cited_by_key"] == str(count)
    in_html = re.findall(r'<tr data-slug="([^"]+)"', table)
    counted = next(slug for slug in in_html if report["datasets"].get(slug, {}).get("cited_by") is not None)
    first = report["datasets"][counted]["cited_by"]
    assert f'<td data-sort="{first}">{first:,}</td>' in table


def _fragments(page: Path) -> dict[str, str]:
    """The HTML fragments a generated page carries in its front matter."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("fragments: "):
            return json.loads(line.removeprefix("fragments: "))
    raise AssertionError(f"no fragments in {page}")


def test_rate_limit_is_waited_out_when_short(openalex):
    openalex.fail_first = [(429, {"Retry-After": "0.2", "Content-Type": "application/json"}, b'{"error": "Rate limit exceeded"}')]
    waits: list[float] = []
    client = OpenAlexClient(FAST, openalex.url, sleep=waits.append)
    assert client.count_citing(["W1000"]) == FakeOpenAlex.citing(["W1000"])
    assert waits == [0.2]
    assert client.requests == 2


def test_a_long_rate_limit_stops_the_run_and_keeps_the_report(openalex, catalog_copy, capsys):
    before = (catalog_copy / "citation-report.json").read_bytes()
    budget = b'{"error": "Insufficient budget. This request costs $0.0001 but you only have $0 remaining"}'
    openalex.fail_first = [(429, {"Retry-After": "36000", "Content-Type": "application/json"}, budget)]
    assert run(catalog_copy, openalex.url) == 1
    err = capsys.readouterr().err
    assert "rate limited for 36000 s" in err
    assert "Insufficient budget" in err
    assert (catalog_copy / "citation-report.json").read_bytes() == before


def test_server_errors_are_retried_then_reported(openalex, catalog_copy, capsys):
    before = (catalog_copy / "citation-report.json").read_bytes()
    openalex.fail_first = [(503, {}, b"busy")] * 3  # one request and its two retries
    assert run(catalog_copy, openalex.url) == 1
    assert "HTTP 503" in capsys.readouterr().err
    assert len(openalex.requests) == 3
    assert (catalog_copy / "citation-report.json").read_bytes() == before


def test_a_passing_server_error_is_retried(openalex):
    openalex.fail_first = [(500, {}, b"oops")]
    client = OpenAlexClient(FAST, openalex.url, sleep=lambda _: None)
    assert client.resolve(["10.1000/unknown"]) == {}
    assert client.requests == 2


def test_a_refused_request_is_an_error_not_a_retry(openalex):
    client = OpenAlexClient(FAST, openalex.url, sleep=lambda _: None)
    with pytest.raises(OpenAlexError, match="is not a valid field"):
        client.get({"filter": "publication_yearrr:2020"})
    assert client.requests == 1


def test_offline_says_so_and_changes_nothing(catalog_copy, capsys):
    before = (catalog_copy / "citation-report.json").read_bytes()
    with socket.socket() as probe:  # a loopback port with nothing listening: every connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert run(catalog_copy, f"http://127.0.0.1:{port}") == 0
    out = capsys.readouterr().out
    assert "no network" in out
    assert "left unchanged" in out
    assert (catalog_copy / "citation-report.json").read_bytes() == before


def test_the_api_key_is_sent_but_never_shown(openalex):
    openalex.fail_first = [(400, {"Content-Type": "application/json"}, b'{"error": "bad"}')]
    client = OpenAlexClient(FAST, openalex.url, api_key="secret-key", sleep=lambda _: None)
    with pytest.raises(OpenAlexError) as raised:
        client.get({"filter": "cites:W1"})
    assert openalex.requests[0]["api_key"] == "secret-key"
    assert "secret-key" not in str(raised.value)

"""`make lighthouse`: Lighthouse (mobile profile) on every kind of page of the built site, served on loopback.

With LIGHTHOUSE_DATASETS=N it measures a site built from a seeded synthetic
catalog of N datasets instead (`make lighthouse LIGHTHOUSE_DATASETS=250`), to
see the pages as a large catalog makes them.

A measurement, not a test: it prints each page's four category scores and
its layout shift (CLS) and total blocking time (TBT), and writes the figures
to bench-results/lighthouse.json. The server compresses text as GitHub Pages
does, so transfer sizes are those a reader gets; Lighthouse's own simulated
throttling (a slow 4G phone) does the rest.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
LIGHTHOUSE = Path(__file__).parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "home": "",
    "statistics": "statistics/",
    "dataset": "datasets/chexpert/",
    "category": "categories/fundus-oct/",
    "write-up": "write-up/",
}
# the same kinds of page in a synthetic catalog (an added dataset, the largest category)
SYNTHETIC_PAGES = {**PAGES, "dataset": "datasets/synthetic-00001/", "category": "categories/x-ray/"}
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "5"))
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it (as GitHub Pages serves them)."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html" and not self.path.endswith("index.html"):
            return super().send_head()  # let the base class redirect /folder to /folder/
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The compressed body as the file object send_head returns."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def measure(url: str, report: Path) -> dict[str, object]:
    """One Lighthouse run (mobile, the default profile); the figures that matter here."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        **{name: round(category["score"] * 100) for name, category in data["categories"].items()},
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "dom_elements": audits["dom-size"].get("numericValue"),
    }


def synthetic_site(count: int, folder: Path) -> Path:
    """A site built from a seeded synthetic catalog of ``count`` datasets (generator, then a strict MkDocs build)."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers import build_site

    catalog = folder / "catalog"
    subprocess.run([sys.executable, "-m", "generator", "synthetic", str(count), "--out", str(catalog)], cwd=ROOT, check=True)
    return build_site(catalog, folder)


def main() -> int:
    """Serve the site, measure each page, print a table."""
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: `make lighthouse` installs it", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as built:
        count = int(os.environ.get("LIGHTHOUSE_DATASETS") or "0")
        site = synthetic_site(count, Path(built)) if count else SITE
        if not (site / "index.html").is_file():
            print("no built site: run `make site` first", file=sys.stderr)
            return 1
        return measure_site(site, SYNTHETIC_PAGES if count else PAGES, f"synthetic-{count}" if count else "catalog")


def measure_site(site: Path, pages: dict[str, str], label: str) -> int:
    """Measure each page of ``site`` RUNS times, print the median runs, write them to bench-results/."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    try:
        # LIGHTHOUSE_KEEP=DIR keeps each run's full report there, to see where the time goes
        keep = os.environ.get("LIGHTHOUSE_KEEP")
        with tempfile.TemporaryDirectory() as scratch:
            folder = keep or scratch
            Path(folder).mkdir(parents=True, exist_ok=True)
            # LIGHTHOUSE_PAGES=statistics,home measures only those pages
            chosen = [n for n in os.environ.get("LIGHTHOUSE_PAGES", "").split(",") if n] or list(pages)
            for name, path in ((n, pages[n]) for n in chosen):
                # Lighthouse's figures vary from run to run (TBT by tens of milliseconds on a
                # shared host): each page is measured RUNS times and the median run reported,
                # as Lighthouse CI does
                runs = [measure(base + path, Path(folder) / f"{name}-{i}.json") for i in range(RUNS)]
                results[name] = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
                print(f"measured {name}: performance {[r['performance'] for r in runs]}", file=sys.stderr)
    finally:
        server.shutdown()
    print("| page | performance | accessibility | best practices | SEO | CLS | TBT | LCP | DOM elements |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        scores = [r["performance"], r["accessibility"], r["best-practices"], r["seo"]]
        row = [*scores, r["cls"], f"{r['tbt_ms']} ms", f"{r['lcp_ms']} ms", r["dom_elements"]]
        print(f"| {name} | " + " | ".join(str(v) for v in row) + " |")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    name = "lighthouse.json" if label == "catalog" else f"lighthouse-{label}.json"
    (out / name).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m generator links`: check every external URL of the catalog and keep a report.

Bounded concurrency (a thread pool), a timeout per request, retries with
exponential back-off for answers that may be passing (timeouts, refused
connections, 429 and 5xx), HEAD first and GET where a server refuses HEAD,
redirects followed and reported. When no URL answers at all the machine is
taken to be offline: the report is left as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..models import Catalog, Dataset, LinkResult, LinkStatus

USER_AGENT = "medical-dataset-collection-linkcheck/1.0 (+https://github.com/meddatasets/collection)"
RETRY_CODES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {400, 403, 405, 501}


@dataclass(frozen=True)
class Settings:
    """How hard to try."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    workers: int = 8


def dataset_urls(dataset: Dataset) -> set[str]:
    """The external URLs one dataset page shows: homepage, archive, licence, errata and figure sources."""
    license_url = dataset.license.url if dataset.license else None
    figures_url = dataset.figures_source.url if dataset.figures_source else None
    urls = {u for u in (dataset.homepage, dataset.homepage_archive, license_url, figures_url) if u}
    return urls | {e.source for e in dataset.errata}


def catalog_urls(catalog: Catalog) -> list[str]:
    """Every external URL the catalog shows, once each."""
    return sorted(set().union(*(dataset_urls(d) for d in catalog.datasets)))


def _request(url: str, method: str, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})  # noqa: S310 - http(s) only, validated
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, validated
        if method == "GET":
            response.read(1024)
        return response.status, response.geturl()


def check_url(url: str, settings: Settings, today: dt.date, sleep: Callable[[float], None] = time.sleep) -> LinkResult:
    """Check one URL: HEAD, then GET if HEAD is refused; retry what may pass."""
    attempts = 0
    last_error = ""
    for attempt in range(settings.retries + 1):
        attempts += 1
        try:
            try:
                code, final = _request(url, "HEAD", settings.timeout)
            except urllib.error.HTTPError as err:
                if err.code not in HEAD_REFUSED:
                    raise
                code, final = _request(url, "GET", settings.timeout)
            status: LinkStatus = "ok" if final == url else "redirected"
            return LinkResult(status=status, code=code, final_url=None if final == url else final, checked_on=today, attempts=attempts)
        except urllib.error.HTTPError as err:
            if err.code not in RETRY_CODES or attempt == settings.retries:
                return LinkResult(status="broken", code=err.code, error=f"HTTP {err.code}", checked_on=today, attempts=attempts)
            last_error = f"HTTP {err.code}"
        except OSError as err:  # URLError (refused, DNS) and timeouts are OSErrors
            reason = getattr(err, "reason", err)
            last_error = f"{type(reason).__name__}: {reason}"
        if attempt < settings.retries:
            sleep(settings.backoff * 2**attempt)
    return LinkResult(status="unreachable", error=last_error, checked_on=today, attempts=attempts)


def check_all(urls: Iterable[str], settings: Settings, today: dt.date | None = None) -> dict[str, LinkResult]:
    """Check URLs concurrently (at most ``settings.workers`` at once)."""
    day = today or dt.datetime.now(dt.UTC).date()
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        results = list(pool.map(lambda u: check_url(u, settings, day), urls))
    return dict(zip(urls, results, strict=True))


def write_report(path: Path, results: dict[str, LinkResult]) -> None:
    """Write the report with stable ordering (it is committed)."""
    data = {"links": {url: results[url].model_dump(mode="json", exclude_none=True) for url in sorted(results)}}
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def is_offline(results: dict[str, LinkResult]) -> bool:
    """No URL gave any HTTP answer: the network, not the links, is missing."""
    return bool(results) and all(r.status == "unreachable" for r in results.values())


def summary_markdown(results: dict[str, LinkResult], where: dict[str, list[str]]) -> str:
    """Markdown list of broken and unreachable links, for the weekly issue."""
    bad = {u: r for u, r in results.items() if r.status in ("broken", "unreachable")}
    if not bad:
        return "All links answered.\n"
    lines = [f"{len(bad)} link(s) did not answer when checked:", ""]
    for url, result in sorted(bad.items()):
        lines.append(f"- {url} — {result.error or result.status} (checked {result.checked_on}; used by {', '.join(where.get(url, []))})")
    return "\n".join(lines) + "\n"


def url_owners(catalog: Catalog) -> dict[str, list[str]]:
    """Which datasets show each URL."""
    owners: dict[str, list[str]] = {}
    for d in catalog.datasets:
        for url in sorted(dataset_urls(d)):
            owners.setdefault(url, []).append(d.slug)
    return owners

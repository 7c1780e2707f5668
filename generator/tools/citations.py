"""`python -m generator citations`: how many works cite each dataset's references, from OpenAlex.

Two steps, both list requests of OpenAlex's works API:

1. the DOIs of the catalog's references are resolved to OpenAlex works in
   batches (``filter=doi:A|B|…``, at most 100 values, cursor paging);
2. for each dataset, ``filter=cites:W1|W2`` counts the distinct works that
   cite any of its references (``meta.count``), so a paper citing two
   references of one dataset counts once.

Requests are bounded (a timeout each, a fixed number of retries with
exponential back-off for timeouts, refused connections, 429 and 5xx; a 429's
``Retry-After`` is honoured up to a ceiling). Since February 2026 OpenAlex
meters list requests per day and per key: ``--api-key`` (or the
``OPENALEX_API_KEY`` variable) raises the allowance; an exhausted allowance
stops the run and leaves the report as it was. OfflineError, the command says so
and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Catalog, CitationCount, CitationReport
from ..render.citations import plain

API_URL = "https://api.openalex.org"
USER_AGENT = "medical-dataset-collection-citations/1.0 (+https://github.com/meddatasets/collection)"
RETRY_CODES = {429, 500, 502, 503, 504}
DOIS_PER_REQUEST = 100  # OpenAlex's limit of values in one OR filter
PER_PAGE = 100


@dataclass(frozen=True)
class Settings:
    """How hard to try."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0  # the longest Retry-After honoured; a longer one means the day's allowance is spent


class OpenAlexError(Exception):
    """OpenAlex answered, but not with the data asked for (or refused to, for now)."""


class OfflineError(Exception):
    """No answer at all: the network, not OpenAlex, is missing."""


class OpenAlexClient:
    """The few calls of OpenAlex's works API this command needs."""

    def __init__(
        self,
        settings: Settings,
        base_url: str = API_URL,
        api_key: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key or None  # an empty key is refused with 401: send none instead
        self.sleep = sleep
        self.requests = 0

    def get(self, params: dict[str, str]) -> dict[str, Any]:
        """One GET of /works, retried where the failure may pass; the decoded JSON answer."""
        query = dict(params)
        if self.api_key:
            query["api_key"] = self.api_key
        url = f"{self.base_url}/works?{urllib.parse.urlencode(query, safe=':|*,')}"
        last_error = ""
        for attempt in range(self.settings.retries + 1):
            self.requests += 1
            wait = self.settings.backoff * 2**attempt
            try:
                request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})  # noqa: S310 - https or loopback, set by us
                with urllib.request.urlopen(request, timeout=self.settings.timeout) as response:  # noqa: S310
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as err:
                if err.code not in RETRY_CODES:
                    raise OpenAlexError(f"HTTP {err.code} for {_shown(url)}: {_message(err)}") from err
                last_error = f"HTTP {err.code}: {_message(err)}"
                retry_after = _retry_after(err)
                if retry_after is not None:
                    if retry_after > self.settings.max_wait:
                        raise OpenAlexError(f"rate limited for {retry_after:.0f} s ({last_error}); try again later") from err
                    wait = max(wait, retry_after)
            except (OSError, ValueError) as err:  # URLError (refused, DNS), timeouts; ValueError: not JSON
                if isinstance(err, ValueError):
                    raise OpenAlexError(f"not JSON from {_shown(url)}: {err}") from err
                reason = getattr(err, "reason", err)
                last_error = f"{type(reason).__name__}: {reason}"
            if attempt < self.settings.retries:
                self.sleep(wait)
        if last_error.startswith("HTTP"):
            raise OpenAlexError(f"{last_error} after {self.settings.retries + 1} attempts for {_shown(url)}")
        raise OfflineError(last_error)

    def resolve(self, dois: Iterable[str]) -> dict[str, str]:
        """DOI (lowercase) → OpenAlex work id, for the DOIs OpenAlex knows; batched and paged."""
        wanted = sorted({d.lower() for d in dois})
        found: dict[str, str] = {}
        for start in range(0, len(wanted), DOIS_PER_REQUEST):
            batch = wanted[start : start + DOIS_PER_REQUEST]
            cursor: str | None = "*"
            while cursor:
                page = self.get({"filter": "doi:" + "|".join(batch), "select": "id,doi", "per-page": str(PER_PAGE), "cursor": cursor})
                for work in page.get("results", []):
                    doi = (work.get("doi") or "").lower().removeprefix("https://doi.org/")
                    work_id = (work.get("id") or "").rsplit("/", 1)[-1]
                    if doi and work_id:
                        found[doi] = work_id
                cursor = (page.get("meta") or {}).get("next_cursor")
        return found

    def count_citing(self, work_ids: list[str]) -> int:
        """How many distinct works cite any of ``work_ids``."""
        page = self.get({"filter": "cites:" + "|".join(sorted(work_ids)), "select": "id", "per-page": "1"})
        count = (page.get("meta") or {}).get("count")
        if not isinstance(count, int):
            raise OpenAlexError(f"no count in the answer for works {', '.join(work_ids)}")
        return count


def _shown(url: str) -> str:
    """A request's address without the API key."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "api_key"]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query, safe=":|*,")))


def _message(err: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(err.read().decode("utf-8"))
    except (OSError, ValueError):
        return err.reason if isinstance(err.reason, str) else "no details"
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or body)[:300]
    return str(body)[:300]


def _retry_after(err: urllib.error.HTTPError) -> float | None:
    value = err.headers.get("Retry-After") if err.headers else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def dataset_dois(catalog: Catalog) -> dict[str, list[str]]:
    """Each dataset's reference DOIs (lowercase, as OpenAlex gives them), for datasets with at least one."""
    found: dict[str, list[str]] = {}
    for dataset in catalog.datasets:
        dois = []
        for key in dataset.references:
            doi = catalog.references[key].fields.get("doi")
            if doi:
                dois.append(plain(doi).strip().lower().removeprefix("https://doi.org/"))
        if dois:
            found[dataset.slug] = sorted(set(dois))
    return found


def count_all(catalog: Catalog, client: OpenAlexClient, today: dt.date) -> CitationReport:
    """The report for the whole catalog: resolve every DOI once, then one count per dataset."""
    by_dataset = dataset_dois(catalog)
    works = client.resolve(doi for dois in by_dataset.values() for doi in dois)
    counts: dict[str, CitationCount] = {}
    for slug, dois in sorted(by_dataset.items()):
        known = sorted({works[d] for d in dois if d in works})
        unknown = [d for d in dois if d not in works]
        cited_by = client.count_citing(known) if known else None
        counts[slug] = CitationCount(cited_by=cited_by, works=known, unknown_dois=unknown)
    return CitationReport(fetched_on=today, datasets=counts)


def write_report(path: Path, report: CitationReport) -> None:
    """Write the report with stable ordering (it is committed)."""
    data = report.model_dump(mode="json")
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")

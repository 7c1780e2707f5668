"""Records the commands write or read besides the catalog files: link and citation reports, references, releases."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import BibKey, StrictModel

LinkStatus = Literal["ok", "redirected", "broken", "unreachable"]


class LinkResult(StrictModel):
    """What one URL answered when it was last checked."""

    status: LinkStatus
    code: int | None = None
    final_url: str | None = None
    error: str | None = None
    checked_on: dt.date
    attempts: int = 1


class LinkReport(StrictModel):
    """The committed report: catalog/link-report.json."""

    links: dict[str, LinkResult] = Field(default_factory=dict)


class CitationCount(StrictModel):
    """How many works cite one dataset's references, as OpenAlex counted them."""

    cited_by: int | None = Field(ge=0)  # None: OpenAlex knows none of its references' DOIs
    works: list[str] = Field(default_factory=list)  # the OpenAlex works its reference DOIs resolved to
    unknown_dois: list[str] = Field(default_factory=list)  # reference DOIs OpenAlex does not know


class CitationReport(StrictModel):
    """The committed report of `python -m generator citations`: catalog/citation-report.json."""

    source: Literal["OpenAlex"] = "OpenAlex"
    fetched_on: dt.date | None = None  # None: never fetched yet
    datasets: dict[str, CitationCount] = Field(default_factory=dict)


class Reference(StrictModel):
    """One entry of ``catalog/references.bib``, read by the bibliography module."""

    key: BibKey
    entry_type: str
    fields: dict[str, str]
    bibtex: str

    @property
    def title(self) -> str:
        """Title without BibTeX's protective braces."""
        return self.fields.get("title", "").replace("{", "").replace("}", "")


ChangeKind = Literal["added", "removed", "renamed", "corrected"]


class CatalogChange(StrictModel):
    """One change to the catalog between two releases, as the changelog lists it."""

    kind: ChangeKind
    slug: str  # the dataset's slug after the change (before it, for a removal)
    name: str
    former: str | None = None  # renamed: the former name or slug
    field: str | None = None  # corrected: the figure, and its two values
    old_value: str | None = None
    new_value: str | None = None
    source: str | None = None


class Release(StrictModel):
    """The changes that one release brought, or the changes since the last release (``tag`` None)."""

    version: str
    tag: str | None = None
    date: dt.date | None = None
    changes: list[CatalogChange] = Field(default_factory=list)


class ReleaseHistory(StrictModel):
    """The catalog's releases, newest first, read from the repository's version tags (``available``: git could be read)."""

    available: bool = False
    releases: list[Release] = Field(default_factory=list)

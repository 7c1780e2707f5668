"""Typed catalog model: the contract between loading, rendering and exporting.

Every rule a single record must satisfy lives here, so that the JSON Schema
exported for editors and the checks run by ``python -m generator check`` are
the same rules. Rules that span several records live in ``checks.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BIBKEY_PATTERN = r"^[A-Za-z0-9_:.\-]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"
BRANCH_PATTERN = r"^[A-Za-z0-9._/-]+$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
BibKey = Annotated[str, StringConstraints(pattern=BIBKEY_PATTERN, min_length=1, max_length=100)]


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
# The usual shape of a catalog URL, which the full check below always accepts:
# http(s), a host of letters, digits, dots and hyphens with an optional port,
# then a path, query or fragment without spaces or control characters. One
# regular expression instead of urlsplit made URL checks a sixth as costly.
_PLAIN_HTTP_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\s\x00-\x1f\x7f]*)?")


def check_http_url(value: str) -> str:
    """Accept only absolute http(s) URLs without whitespace or control characters."""
    if _PLAIN_HTTP_URL.fullmatch(value):
        return value
    return check_http_url_fully(value)


def check_http_url_fully(value: str) -> str:
    """``check_http_url`` for any string, through urlsplit."""
    if _SPACE_OR_CONTROL.search(value):
        raise ValueError("URL must not contain spaces or control characters")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"only http and https URLs are allowed, got {value!r}")
    if not parts.netloc or parts.netloc.startswith("@"):
        raise ValueError(f"URL has no host: {value!r}")
    return value


HttpUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(check_http_url)]


class StrictModel(BaseModel):
    """Base for catalog records: immutable, and unknown keys are errors (typos never vanish)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Task(StrEnum):
    """The fixed task vocabulary of Table 1 (CLS, SEG, Obj-D, SP)."""

    classification = "classification"
    segmentation = "segmentation"
    object_detection = "object-detection"
    survival_prediction = "survival-prediction"


class Access(StrEnum):
    """How a researcher obtains the data."""

    open_download = "open-download"
    registration = "registration"
    data_use_agreement = "data-use-agreement"
    challenge_registration = "challenge-registration"
    kaggle_account = "kaggle-account"
    unknown = "unknown"


class Dimensionality(StrEnum):
    """Shape of one sample."""

    two_d = "2d"
    volume = "3d-volume"
    whole_slide = "whole-slide"


class FrameSize(StrictModel):
    """Width × height in pixels; ``approximate`` where the source writes "~"."""

    width: int = Field(ge=1, le=1_000_000)
    height: int = Field(ge=1, le=1_000_000)
    approximate: bool = False

    @property
    def pixels(self) -> int:
        """Pixel count, the sort key of the statistics table."""
        return self.width * self.height


class ImageCounts(StrictModel):
    """Image counts; ``null`` means the source does not report the figure."""

    train: int | None = Field(ge=0)
    test: int | None = Field(ge=0)
    total: int | None = Field(ge=0)
    approximate: bool = False

    @property
    def is_unknown(self) -> bool:
        """True when no count at all is known."""
        return self.train is None and self.test is None and self.total is None

    @property
    def best_total(self) -> int | None:
        """The total if given, else train + test where both are known (used for sorting only)."""
        if self.total is not None:
            return self.total
        if self.train is not None and self.test is not None:
            return self.train + self.test
        return None


class ClassCount(StrictModel):
    """Number of classes, optionally for one task, with what the classes are."""

    count: int = Field(ge=1, le=1_000_000)
    task: Task | None = None
    label: Text | None = None


class License(StrictModel):
    """Licence or terms of use; ``commercial_use`` is ``null`` when the source is silent."""

    name: Text
    url: HttpUrl | None = None
    commercial_use: bool | None


class FiguresSource(StrictModel):
    """Where a dataset's figures come from when not from Table 1 of the write-up."""

    title: Text
    url: HttpUrl


ERRATUM_FIELDS = (
    "name",
    "modality",
    "target",
    "tasks",
    "frame_size",
    "images.train",
    "images.test",
    "images.total",
    "classes",
    "homepage",
    "year",
)

ERRATUM_FIELD_PATTERN = "^(" + "|".join(f.replace(".", r"\.") for f in ERRATUM_FIELDS) + ")$"
ErratumField = Annotated[str, StringConstraints(pattern=ERRATUM_FIELD_PATTERN)]


# What each pattern asks for, in a contributor's words: no message shows a raw regular expression.
PATTERN_MEANINGS = {
    SLUG_PATTERN: "must be a slug: lowercase letters, digits and single hyphens, such as 'my-dataset-2024'",
    BIBKEY_PATTERN: "must be a BibTeX key: letters, digits and _ : . - only, such as 'smith2020chest'",
    EMAIL_PATTERN: "must be an e-mail address, such as 'name@example.org'",
    BRANCH_PATTERN: "must be a git branch name: letters, digits and . _ / - only",
    ERRATUM_FIELD_PATTERN: "must name a corrected field, one of: " + ", ".join(ERRATUM_FIELDS),
}


class Erratum(StrictModel):
    """A correction of the write-up: both values are kept, with the source that settles it."""

    field: ErratumField
    collection_value: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
    corrected_value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    source: HttpUrl
    note: Text


class Dataset(StrictModel):
    """One dataset of the collection, as written in ``catalog/datasets/<slug>.yaml``."""

    slug: Slug
    former_slugs: list[Slug] = Field(default_factory=list)
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    aliases: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]]
    category: Slug
    category_note: Text | None = None
    modality: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    target: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None
    tasks: list[Task] = Field(min_length=1)
    frame_size: FrameSize | None
    images: ImageCounts
    classes: list[ClassCount] | None
    dimensionality: Dimensionality | None
    year: int | None = Field(ge=1900, le=2100)
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=50, max_length=5000)]
    homepage: HttpUrl | None
    homepage_note: Text | None = None
    homepage_archive: HttpUrl | None = None
    access: Access
    license: License | None
    references: list[BibKey] = Field(min_length=1)
    figures_source: FiguresSource | None = None
    errata: list[Erratum] = Field(default_factory=list)
    last_updated: dt.date | None = None

    @property
    def all_names(self) -> list[str]:
        """Name and aliases: what a reader may search for."""
        return [self.name, *self.aliases]


class Author(StrictModel):
    """The author of the write-up (name parts as CITATION.cff wants them)."""

    given_names: Text
    family_names: Text
    affiliation: Text
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)] | None = None
    homepage: HttpUrl | None = None

    @property
    def name(self) -> str:
        """Full name in display order."""
        return f"{self.given_names} {self.family_names}"


class Category(StrictModel):
    """A category of the site, in display order."""

    slug: Slug
    former_slugs: list[Slug] = Field(default_factory=list)
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    description: Text


class SourceDocument(StrictModel):
    """The write-up the catalog was built from."""

    title: Text
    note: Text | None = None


class Repository(StrictModel):
    """Where the catalog lives, for 'edit this dataset' links."""

    url: HttpUrl
    branch: Annotated[str, StringConstraints(pattern=BRANCH_PATTERN)] = "main"


class Collection(StrictModel):
    """The collection as a whole: ``catalog/collection.yaml``."""

    title: Text
    author: Author
    license: License
    source_document: SourceDocument
    introduction: Text
    site_url: HttpUrl
    repository: Repository
    categories: list[Category] = Field(min_length=1)


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

    links: dict[str, LinkResult] = {}


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


class Catalog(StrictModel):
    """The whole validated catalog; datasets in display order (category order, then name)."""

    collection: Collection
    datasets: tuple[Dataset, ...]
    references: dict[str, Reference]
    # when each dataset's file last changed: git history, else the file's last_updated field
    last_updated: dict[str, dt.date] = Field(default_factory=dict)
    # what each external URL answered when `python -m generator links` last ran
    links: dict[str, LinkResult] = Field(default_factory=dict)

    @cached_property
    def _by_category(self) -> dict[str, list[Dataset]]:
        grouped: dict[str, list[Dataset]] = {c.slug: [] for c in self.collection.categories}
        for dataset in self.datasets:
            grouped.setdefault(dataset.category, []).append(dataset)
        return grouped

    def in_category(self, slug: str) -> list[Dataset]:
        """Datasets of one category, sorted by name (computed once: pages ask for it per dataset)."""
        return self._by_category.get(slug, [])

    def category(self, slug: str) -> Category:
        """The category with this slug."""
        return next(c for c in self.collection.categories if c.slug == slug)

"""Typed catalog model: the contract between loading, rendering and exporting.

Every rule a single record must satisfy lives here, so that the JSON Schema
exported for editors and the checks run by ``python -m generator check`` are
the same rules. Rules that span several records live in ``checks.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BIBKEY_PATTERN = r"^[A-Za-z0-9_:.\-]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"
BRANCH_PATTERN = r"^[A-Za-z0-9._/-]+$"
# A DOI as its registry writes it, without the resolver: 10.<registrant>/<suffix>
DOI_PATTERN = r"^10\.[0-9]{4,9}/[^\s]+$"
MEDIA_TYPE_PATTERN = r"^[a-z]+/[a-z0-9.+-]+$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
MD5_PATTERN = r"^[0-9a-f]{32}$"
# Semantic Versioning 2.0.0 without pre-release or build parts: releases are tagged v<version>
VERSION_PATTERN = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"

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


class Size(StrictModel):
    """One frame size: width × height in pixels."""

    width: int = Field(ge=1, le=1_000_000)
    height: int = Field(ge=1, le=1_000_000)

    @property
    def pixels(self) -> int:
        """Pixel count."""
        return self.width * self.height


class SizeRange(StrictModel):
    """The smallest and the largest frame of a dataset whose images come in many sizes."""

    smallest: Size
    largest: Size


class SizeBasis(StrEnum):
    """What kind of figure a size is, as the source states it."""

    exact = "exact"  # every image (of that group) has this size
    typical = "typical"  # the source writes "about" or "~"
    average = "average"  # the source gives a mean size


class FrameSize(StrictModel):
    """The frame size as the source gives it: one size, several sizes, a range, or no fixed size at all."""

    sizes: list[Size] = Field(default_factory=list, max_length=20)
    range: SizeRange | None = None
    varies: bool = False
    basis: SizeBasis = SizeBasis.exact
    note: Text | None = None

    @model_validator(mode="after")
    def _one_form(self) -> FrameSize:
        forms = sum((bool(self.sizes), self.range is not None, self.varies))
        if forms != 1:
            raise ValueError("give exactly one of: sizes (one or more), range (smallest and largest), or varies: true")
        if self.varies and self.basis is not SizeBasis.exact:
            raise ValueError("a size that varies has no basis: leave basis out")
        return self

    @property
    def pixels(self) -> int | None:
        """Pixel count of the largest frame, the sort key of the statistics table (None when the size varies)."""
        if self.sizes:
            return max(size.pixels for size in self.sizes)
        if self.range is not None:
            return self.range.largest.pixels
        return None

    @property
    def largest(self) -> Size | None:
        """The largest frame given (for charts)."""
        if self.sizes:
            return max(self.sizes, key=lambda size: size.pixels)
        return self.range.largest if self.range is not None else None


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
    # the licence's identifier in Zenodo's vocabulary, for .zenodo.json ('other-nc': non-commercial terms of one's own)
    archive_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+$", max_length=60)] | None = None


class FigureState(StrEnum):
    """How far a figure on the site is confirmed (see the contributing page)."""

    confirmed = "confirmed"  # a source read says the same value
    corrected = "corrected"  # the write-up's value is wrong; an erratum gives both values and the source
    unconfirmed = "unconfirmed"  # no source found yet


# The figures whose state every dataset page shows.
FIGURE_FIELDS = ("modality", "target", "tasks", "frame_size", "images.train", "images.test", "images.total", "classes", "year", "homepage")
FIGURE_FIELD_PATTERN = "^(" + "|".join(f.replace(".", r"\.") for f in FIGURE_FIELDS) + ")$"
FigureField = Annotated[str, StringConstraints(pattern=FIGURE_FIELD_PATTERN)]


class FigureCheck(StrictModel):
    """The state of one figure, with the page that settles it."""

    state: FigureState
    source: HttpUrl | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> FigureCheck:
        if self.state is FigureState.confirmed and self.source is None:
            raise ValueError("a confirmed figure needs its source: the page or paper that gives the same value")
        if self.state is FigureState.unconfirmed and self.note is None:
            raise ValueError("an unconfirmed figure needs a note: which sources were checked and found silent")
        if self.state is FigureState.corrected and self.source is not None:
            raise ValueError("a corrected figure takes its source from its erratum: leave source out here")
        return self


class LicenceStatus(StrEnum):
    """Whether the provider states terms of use."""

    stated = "stated"
    none_stated = "none-stated"  # the provider's page was read and gives no licence


class Condition(StrEnum):
    """What the terms ask of a user."""

    registration = "registration"
    data_use_agreement = "data-use-agreement"
    challenge_rules = "challenge-rules"
    credentialed_access = "credentialed-access"
    citation_required = "citation-required"
    non_commercial = "non-commercial"
    no_redistribution = "no-redistribution"
    share_alike = "share-alike"
    no_derivatives = "no-derivatives"


class DatasetLicence(StrictModel):
    """A dataset's licence or terms of use, or the explicit finding that the provider states none."""

    status: LicenceStatus
    name: Text | None = None
    url: HttpUrl | None = None
    commercial_use: bool | None
    conditions: list[Condition] = Field(default_factory=list)
    checked_url: HttpUrl
    checked_on: dt.date
    note: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> DatasetLicence:
        if self.status is LicenceStatus.stated and self.name is None:
            raise ValueError("a stated licence needs its name")
        if self.status is LicenceStatus.none_stated and (self.name is not None or self.url is not None):
            raise ValueError("no licence is stated: leave name and url out, and keep checked_url")
        return self

    @property
    def label(self) -> str:
        """The licence's name, or what the provider's silence means."""
        return self.name if self.name is not None else "No licence stated by the provider"


class FileFormat(StrEnum):
    """File formats of images and annotations."""

    dicom = "DICOM"
    nifti = "NIfTI"
    mhd_raw = "MHD/RAW"
    nrrd = "NRRD"
    png = "PNG"
    jpeg = "JPEG"
    tiff = "TIFF"
    bmp = "BMP"
    ppm = "PPM"
    gif = "GIF"
    svs = "SVS"
    mat = "MAT"
    csv = "CSV"
    xml = "XML"
    json = "JSON"
    txt = "TXT"
    python_pickle = "Python pickle"
    binary = "binary"
    hdf5 = "HDF5"


class SplitUnit(StrEnum):
    """What a split counts."""

    images = "images"
    patients = "patients"
    subjects = "subjects"
    studies = "studies"
    volumes = "volumes"
    cases = "cases"
    slides = "slides"


class SplitKey(StrEnum):
    """What to split on so that no one source is in two splits."""

    patient = "patient"
    lesion = "lesion"
    study = "study"
    eye = "eye"
    slide = "slide"
    image = "image"


class Split(StrictModel):
    """The official train / validation / test split, if there is one."""

    official: bool | None
    train: int | None = Field(default=None, ge=0)
    validation: int | None = Field(default=None, ge=0)
    test: int | None = Field(default=None, ge=0)
    unit: SplitUnit = SplitUnit.images
    key: SplitKey | None = None
    source: HttpUrl | None = None
    note: Text | None = None


class LoaderLibrary(StrEnum):
    """Libraries that load datasets by name."""

    monai = "monai"
    torchvision = "torchvision"
    tensorflow_datasets = "tensorflow-datasets"
    huggingface_datasets = "huggingface-datasets"
    medmnist = "medmnist"
    kaggle_cli = "kaggle-cli"
    tcia_utils = "tcia-utils"
    pylidc = "pylidc"
    keras = "keras"
    torch_em = "torch-em"
    bob_ip_binseg = "bob-ip-binseg"


class Loader(StrictModel):
    """A documented call that loads the dataset."""

    library: LoaderLibrary
    call: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    official: bool
    source: HttpUrl
    note: Text | None = None


class KnownIssue(StrictModel):
    """A known problem of the data (duplicates, label noise, overlaps), with its source."""

    text: Text
    source: HttpUrl


class Count(StrictModel):
    """A count with its unit and source (subjects, patients, studies)."""

    count: int = Field(ge=0)
    unit: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    source: HttpUrl


class Sourced(StrictModel):
    """A short figure as the source writes it (a download size), with the source."""

    value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    source: HttpUrl


class DownloadFile(StrictModel):
    """A file of the dataset at a direct address on the provider's host, with a checksum a source states."""

    url: HttpUrl
    encoding_format: Annotated[str, StringConstraints(pattern=MEDIA_TYPE_PATTERN, max_length=100)]
    size_bytes: int | None = Field(default=None, ge=1)
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] | None = None
    md5: Annotated[str, StringConstraints(pattern=MD5_PATTERN)] | None = None
    source: HttpUrl  # where the checksum (and size) are stated, typically a loader library's pinned list
    note: Text | None = None

    @model_validator(mode="after")
    def _has_checksum(self) -> DownloadFile:
        if self.sha256 is None and self.md5 is None:
            raise ValueError("a file needs a checksum a source states (sha256 or md5); without one, leave the file out")
        return self


class DatasetDoi(StrictModel):
    """A DOI minted for the dataset itself (not for a paper about it), with where it is stated."""

    value: Annotated[str, StringConstraints(pattern=DOI_PATTERN, max_length=300)]
    source: HttpUrl
    note: Text | None = None


class GetData(StrictModel):
    """How to get the data, what it contains, how it is split and loaded."""

    steps: Text
    steps_source: HttpUrl | None = None
    image_formats: list[FileFormat] = Field(default_factory=list)
    annotation_formats: list[FileFormat] = Field(default_factory=list)
    formats_source: HttpUrl | None = None
    download_size: Sourced | None = None
    subjects: Count | None = None
    split: Split
    loaders: list[Loader] = Field(default_factory=list)
    files: list[DownloadFile] = Field(default_factory=list)
    known_issues: list[KnownIssue] = Field(default_factory=list)


class RelationType(StrEnum):
    """How a dataset relates to another."""

    subset_of = "subset-of"
    derived_from = "derived-from"
    successor_of = "successor-of"
    overlaps_with = "overlaps-with"


class Relation(StrictModel):
    """A relation to a dataset of the catalog (``dataset``) or outside it (``name`` and ``url``)."""

    type: RelationType
    dataset: Slug | None = None
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = None
    url: HttpUrl | None = None
    source: HttpUrl | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _one_end(self) -> Relation:
        if (self.dataset is None) == (self.name is None):
            raise ValueError("name the other dataset either by its slug in this catalog (dataset) or by name and url (outside it)")
        if self.dataset is not None and self.url is not None:
            raise ValueError("a dataset of this catalog is linked by its slug: leave url out")
        return self


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
    DOI_PATTERN: "must be a DOI without its resolver, such as '10.5281/zenodo.1175282'",
    MEDIA_TYPE_PATTERN: "must be a media type, such as 'application/zip' or 'application/x-tar'",
    SHA256_PATTERN: "must be a SHA-256 checksum: 64 lowercase hexadecimal digits",
    MD5_PATTERN: "must be an MD5 checksum: 32 lowercase hexadecimal digits",
    VERSION_PATTERN: "must be a version MAJOR.MINOR.PATCH of plain numbers, such as '1.2.0'",
    ERRATUM_FIELD_PATTERN: "must name a corrected field, one of: " + ", ".join(ERRATUM_FIELDS),
    FIGURE_FIELD_PATTERN: "must name a figure, one of: " + ", ".join(FIGURE_FIELDS),
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
    dois: list[DatasetDoi] = Field(default_factory=list)
    access: Access
    license: DatasetLicence | None
    get_data: GetData | None = None
    relations: list[Relation] = Field(default_factory=list)
    references: list[BibKey] = Field(min_length=1)
    figures_source: FiguresSource | None = None
    figures: dict[FigureField, FigureCheck] = Field(default_factory=dict)
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
    # the catalog's own version (semver): the next release is tagged v<version>
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN, max_length=40)]
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


@dataclass(frozen=True)
class RelatedDataset:
    """One relation as one dataset's page shows it: stated in its own file, or in the other dataset's."""

    relation: Relation
    other: Dataset | None  # the dataset of the catalog at the other end; None for one outside it
    stated_here: bool


class Catalog(StrictModel):
    """The whole validated catalog; datasets in display order (category order, then name)."""

    collection: Collection
    datasets: tuple[Dataset, ...]
    references: dict[str, Reference]
    # when each dataset's file last changed: git history, else the file's last_updated field
    last_updated: dict[str, dt.date] = Field(default_factory=dict)
    # what each external URL answered when `python -m generator links` last ran
    links: dict[str, LinkResult] = Field(default_factory=dict)
    # how often each dataset's references are cited (`python -m generator citations`)
    citations: CitationReport = Field(default_factory=CitationReport)
    # releases and what changed in each, from git tags v<version>
    history: ReleaseHistory = Field(default_factory=ReleaseHistory)

    @cached_property
    def _by_category(self) -> dict[str, list[Dataset]]:
        grouped: dict[str, list[Dataset]] = {c.slug: [] for c in self.collection.categories}
        for dataset in self.datasets:
            grouped.setdefault(dataset.category, []).append(dataset)
        return grouped

    @cached_property
    def _related(self) -> dict[str, list[RelatedDataset]]:
        by_slug = {d.slug: d for d in self.datasets}
        related: dict[str, list[RelatedDataset]] = {}
        for dataset in self.datasets:
            for relation in dataset.relations:
                other = by_slug.get(relation.dataset) if relation.dataset else None
                related.setdefault(dataset.slug, []).append(RelatedDataset(relation, other, stated_here=True))
                if other is not None:
                    related.setdefault(other.slug, []).append(RelatedDataset(relation, dataset, stated_here=False))
        return related

    def related(self, slug: str) -> list[RelatedDataset]:
        """A dataset's relations: those its file states, then those other files state about it."""
        return self._related.get(slug, [])

    def in_category(self, slug: str) -> list[Dataset]:
        """Datasets of one category, sorted by name (computed once: pages ask for it per dataset)."""
        return self._by_category.get(slug, [])

    def category(self, slug: str) -> Category:
        """The category with this slug."""
        return next(c for c in self.collection.categories if c.slug == slug)

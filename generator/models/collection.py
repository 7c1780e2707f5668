"""The collection as a whole (collection.yaml), the write-up's Table 1 (write-up.yaml) and the wanted list (wanted.yaml)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from .access import License
from .base import BRANCH_PATTERN, EMAIL_PATTERN, VERSION_PATTERN, HttpUrl, Name, Slug, StrictModel, Text


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


Cell = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class WriteUpRow(StrictModel):
    """One row of the write-up's Table 1, every cell as printed, and the dataset it describes."""

    dataset: Slug
    name: Cell
    modality: Cell
    target: Cell
    frame_size: Cell
    images: Cell
    classes: Cell
    task: Cell


class WriteUpMention(StrictModel):
    """A dataset the write-up describes in its text but leaves out of Table 1."""

    dataset: Slug
    name: Cell
    section: Cell  # where the write-up describes it
    note: Text


class WriteUp(StrictModel):
    """The write-up's Table 1 in its order, and the datasets its text adds: ``catalog/write-up.yaml``."""

    rows: list[WriteUpRow] = Field(min_length=1)
    outside_table: list[WriteUpMention] = Field(default_factory=list)

    @property
    def slugs(self) -> list[str]:
        """Every dataset the write-up describes, in its order."""
        return [row.dataset for row in self.rows] + [m.dataset for m in self.outside_table]


class WantedReason(StrEnum):
    """Why a dataset is on the wanted list instead of in the catalog."""

    no_primary_source = "no-primary-source"  # no primary source could be read for its figures
    not_distributed = "not-distributed"  # its providers no longer distribute it


class WantedDataset(StrictModel):
    """A dataset the collection knows of but cannot yet describe, with the addresses that were tried."""

    name: Name
    aliases: list[Name] = Field(default_factory=list)
    category: Slug
    reason: WantedReason
    note: Text
    tried: list[HttpUrl] = Field(min_length=1, max_length=40)

    @property
    def all_names(self) -> list[str]:
        """Name and aliases."""
        return [self.name, *self.aliases]


class WantedList(StrictModel):
    """``catalog/wanted.yaml``."""

    wanted: list[WantedDataset] = Field(default_factory=list)

"""One dataset sheet: identity, figures, access and terms, getting the data, relations and references."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from .access import Access, DatasetLicence
from .base import BibKey, HttpUrl, Name, Slug, StrictModel, Text
from .figures import ClassCount, Erratum, FigureCheck, FigureField, FiguresSource, FrameSize, ImageCounts
from .get_data import DatasetDoi, GetData
from .vocabulary import Dimensionality, Origin, Task


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
    name: Name | None = None
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


def _version_text(value: Any) -> Any:
    """A version as text: YAML reads ``version: 2021`` as a number, which is the same edition; ``2.0`` would lose its form."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError(
            f'write the version in quotes, as the provider writes it (version: "{value}"): unquoted, YAML reads it as a number'
        )
    return value


Version = Annotated[str, BeforeValidator(_version_text), StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class Dataset(StrictModel):
    """One dataset of the collection, as written in ``catalog/datasets/<slug>.yaml``."""

    slug: Slug
    former_slugs: list[Slug] = Field(default_factory=list)
    # write-up: one of the datasets the collection began with; added: beyond it (every figure confirmed or empty)
    origin: Origin
    name: Name
    aliases: list[Name]
    category: Slug
    category_note: Text | None = None
    # the release or edition the figures describe ("2.0.0", "2021", "v2"), as the providers name it
    version: Version | None = None
    modality: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    target: Name | None
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

    @property
    def from_write_up(self) -> bool:
        """Whether the dataset is one of the write-up's."""
        return self.origin is Origin.write_up

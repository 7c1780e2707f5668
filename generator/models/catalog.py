"""The whole validated catalog, the object every stage after loading reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from pydantic import Field

from .base import StrictModel
from .collection import Category, Collection, WantedDataset, WriteUp
from .dataset import Dataset, Relation
from .reports import CitationReport, LinkResult, Reference, ReleaseHistory
from .vocabulary import Origin


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
    # the write-up's Table 1 and the datasets its text adds (None only for a catalog without write-up.yaml)
    write_up: WriteUp | None = None
    # datasets known of but not yet described (wanted.yaml)
    wanted: tuple[WantedDataset, ...] = ()

    @cached_property
    def _by_category(self) -> dict[str, list[Dataset]]:
        grouped: dict[str, list[Dataset]] = {c.slug: [] for c in self.collection.categories}
        for dataset in self.datasets:
            grouped.setdefault(dataset.category, []).append(dataset)
        return grouped

    @cached_property
    def by_slug(self) -> dict[str, Dataset]:
        """Every dataset by its slug."""
        return {d.slug: d for d in self.datasets}

    @cached_property
    def _related(self) -> dict[str, list[RelatedDataset]]:
        by_slug = self.by_slug
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

    @cached_property
    def origin_counts(self) -> dict[str, int]:
        """How many datasets come from the write-up and how many were added (every origin, zeros included)."""
        counts = {origin.value: 0 for origin in Origin}
        for dataset in self.datasets:
            counts[dataset.origin.value] += 1
        return counts

    def wanted_in(self, slug: str) -> list[WantedDataset]:
        """The wanted datasets of one category."""
        return [w for w in self.wanted if w.category == slug]

    def category(self, slug: str) -> Category:
        """The category with this slug."""
        return next(c for c in self.collection.categories if c.slug == slug)

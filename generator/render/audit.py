"""How far the catalog's content is confirmed: the counts the About and home pages show, computed from the catalog."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..models import FIGURE_FIELDS, Catalog, Dataset, LicenceStatus

UNCHECKED = "unchecked"  # a figure the page shows with no check recorded yet


def figure_value(dataset: Dataset, field: str) -> object:
    """The value a figure field holds (None: not reported)."""
    if field.startswith("images."):
        return getattr(dataset.images, field.removeprefix("images."))
    return getattr(dataset, field)


def figure_states(dataset: Dataset) -> dict[str, str]:
    """Each figure the page shows, or that has a check, with its state (``unchecked`` where none is recorded)."""
    states = {}
    for field in FIGURE_FIELDS:
        check = dataset.figures.get(field)
        if check is not None:
            states[field] = check.state.value
        elif figure_value(dataset, field) not in (None, [], ""):
            states[field] = UNCHECKED
    return states


@dataclass(frozen=True)
class Audit:
    """Counts over the whole catalog."""

    figures: dict[str, int]  # confirmed, corrected, unconfirmed, unchecked
    licences_stated: int
    licences_none_found: int
    licences_not_researched: int
    with_loader: int
    with_get_data: int
    datasets: int

    @property
    def figures_total(self) -> int:
        """Every figure counted."""
        return sum(self.figures.values())


def audit(catalog: Catalog) -> Audit:
    """Count figure states, licence findings and documented loaders."""
    states: Counter[str] = Counter({"confirmed": 0, "corrected": 0, "unconfirmed": 0, UNCHECKED: 0})
    for dataset in catalog.datasets:
        states.update(figure_states(dataset).values())
    licences = Counter(d.license.status if d.license else None for d in catalog.datasets)
    return Audit(
        figures=dict(states),
        licences_stated=licences[LicenceStatus.stated],
        licences_none_found=licences[LicenceStatus.none_found],
        licences_not_researched=licences[None],
        with_loader=sum(1 for d in catalog.datasets if d.get_data and d.get_data.loaders),
        with_get_data=sum(1 for d in catalog.datasets if d.get_data),
        datasets=len(catalog.datasets),
    )

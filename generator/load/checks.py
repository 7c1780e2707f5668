"""Rules that span records: uniqueness, cross-references, consistency of figures.

Each check reads validated models plus the line map of their files and
returns problems; none raises, so a contributor sees every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..models import FIGURE_FIELDS, Collection, Condition, Dataset, FigureState, Reference
from ..problems import Problem
from .yaml_reader import YamlDocument


@dataclass(frozen=True)
class LoadedDataset:
    """A validated dataset with the file it came from."""

    file: str
    stem: str
    doc: YamlDocument
    dataset: Dataset

    def at(self, *path: str | int) -> tuple[str, int, str]:
        """File, line and dotted field name of ``path``, for a Problem."""
        return self.file, self.doc.line_of(tuple(path)), ".".join(str(p) for p in path)


def check_file_names(items: Iterable[LoadedDataset]) -> list[Problem]:
    """A dataset file is named after its slug, so that URL and file always agree."""
    return [
        Problem(*item.at("slug"), f"slug {item.dataset.slug!r} must equal the file name {item.stem!r}")
        for item in items
        if item.dataset.slug != item.stem
    ]


def unknown_category_message(value: object, known: list[str]) -> str:
    """What a contributor reads when a dataset's category is not one of collection.yaml's."""
    return f"unknown category {value!r}; should be one of: {', '.join(known)}"


def check_categories(items: Iterable[LoadedDataset], collection: Collection) -> list[Problem]:
    """Every dataset names a category of collection.yaml."""
    known = [c.slug for c in collection.categories]
    return [
        Problem(*item.at("category"), unknown_category_message(item.dataset.category, known))
        for item in items
        if item.dataset.category not in known
    ]


def check_unique_slugs(items: list[LoadedDataset]) -> list[Problem]:
    """Current and former slugs name one dataset each, or old URLs would be ambiguous."""
    problems: list[Problem] = []
    seen: dict[str, LoadedDataset] = {}
    for item in items:
        paths: list[tuple[str | int, ...]] = [("slug",)] + [("former_slugs", i) for i in range(len(item.dataset.former_slugs))]
        for path, slug in zip(paths, [item.dataset.slug, *item.dataset.former_slugs], strict=True):
            other = seen.get(slug)
            if other is not None:
                problems.append(Problem(*item.at(*path), f"slug {slug!r} is already used by {other.file}"))
            else:
                seen[slug] = item
    return problems


def check_unique_names(items: list[LoadedDataset]) -> list[Problem]:
    """Names and aliases are unique, ignoring case, so that a search finds one dataset."""
    problems: list[Problem] = []
    seen: dict[str, LoadedDataset] = {}
    for item in items:
        paths: list[tuple[str | int, ...]] = [("name",)] + [("aliases", i) for i in range(len(item.dataset.aliases))]
        for path, name in zip(paths, item.dataset.all_names, strict=True):
            key = name.casefold()
            other = seen.get(key)
            if other is not None:
                where = "this file" if other is item else other.file
                problems.append(Problem(*item.at(*path), f"name {name!r} is already used (ignoring case) in {where}"))
            else:
                seen[key] = item
    return problems


def check_references(items: Iterable[LoadedDataset], references: dict[str, Reference]) -> list[Problem]:
    """Every cited key exists in references.bib."""
    return [
        Problem(*item.at("references", i), f"reference {key!r} is not in references.bib")
        for item in items
        for i, key in enumerate(item.dataset.references)
        if key not in references
    ]


def check_figures(item: LoadedDataset) -> list[Problem]:
    """Counts add up, class counts name listed tasks, and a missing homepage says why."""
    d = item.dataset
    problems: list[Problem] = []
    images = d.images
    parts = (images.train, images.test, images.total)
    if None not in parts and images.train + images.test > images.total:  # type: ignore[operator]
        message = f"train + test ({images.train} + {images.test}) exceeds total ({images.total})"
        problems.append(Problem(*item.at("images", "total"), message))
    for part in ("train", "test"):
        value = getattr(images, part)
        if value is not None and images.total is not None and value > images.total:
            problems.append(Problem(*item.at("images", part), f"{part} ({value}) exceeds total ({images.total})"))
    for i, entry in enumerate(d.classes or []):
        if entry.task is not None and entry.task not in d.tasks:
            problems.append(Problem(*item.at("classes", i, "task"), f"task {entry.task.value!r} is not among this dataset's tasks"))
    if d.homepage is None and not d.homepage_note:
        problems.append(Problem(*item.at("homepage"), "homepage is null: add homepage_note saying why there is none"))
    return problems


def check_figure_states(item: LoadedDataset) -> list[Problem]:
    """A corrected figure has an erratum, and an erratum's figure is marked corrected."""
    d = item.dataset
    problems: list[Problem] = []
    corrected = {e.field for e in d.errata}
    for i, erratum in enumerate(d.errata):
        check = d.figures.get(erratum.field)
        if erratum.field in FIGURE_FIELDS and (check is None or check.state is not FigureState.corrected):
            message = f"{erratum.field} has an erratum: mark it `{erratum.field}: {{state: corrected}}` under figures"
            problems.append(Problem(*item.at("errata", i, "field"), message))
    for field, check in d.figures.items():
        if check.state is FigureState.corrected and field not in corrected:
            message = "a corrected figure needs an erratum with both values and the source (under errata)"
            problems.append(Problem(*item.at("figures", field), message))
    return problems


def check_licence(item: LoadedDataset) -> list[Problem]:
    """The licence's commercial-use answer agrees with its conditions."""
    licence = item.dataset.license
    if licence is not None and licence.commercial_use and Condition.non_commercial in licence.conditions:
        return [Problem(*item.at("license", "commercial_use"), "commercial_use is true but the conditions say non-commercial")]
    return []


def check_split(item: LoadedDataset) -> list[Problem]:
    """Split counts belong to an official split."""
    data = item.dataset.get_data
    if data is None or data.split.official:
        return []
    split = data.split
    if any(count is not None for count in (split.train, split.validation, split.test)):
        message = "counts are given for a split that is not official: set official: true, or describe the usual split in note"
        return [Problem(*item.at("get_data", "split", "official"), message)]
    return []


def check_relations(items: list[LoadedDataset]) -> list[Problem]:
    """A relation names a dataset of the catalog that is not the dataset itself, and is written on one end only."""
    slugs = {item.dataset.slug for item in items}
    declared = {(item.dataset.slug, r.dataset) for item in items for r in item.dataset.relations if r.dataset}
    problems: list[Problem] = []
    for item in items:
        for i, relation in enumerate(item.dataset.relations):
            target = relation.dataset
            if target is None:
                continue
            if target == item.dataset.slug:
                problems.append(Problem(*item.at("relations", i, "dataset"), "a dataset cannot be related to itself"))
            elif target not in slugs:
                message = f"no dataset has the slug {target!r}; for a dataset outside the catalog give name and url instead"
                problems.append(Problem(*item.at("relations", i, "dataset"), message))
            elif (target, item.dataset.slug) in declared and item.dataset.slug > target:
                message = f"{target!r} already states its relation to this dataset; write a relation on one end only (both pages show it)"
                problems.append(Problem(*item.at("relations", i, "dataset"), message))
    return problems


def check_collection(collection: Collection, doc: YamlDocument, file: str) -> list[Problem]:
    """Category slugs are unique."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, category in enumerate(collection.categories):
        for slug in (category.slug, *category.former_slugs):
            if slug in seen:
                line = doc.line_of(("categories", i, "slug"))
                problems.append(Problem(file, line, f"categories.{i}.slug", f"category slug {slug!r} is used twice"))
            seen.add(slug)
    return problems


def check_all(items: list[LoadedDataset], collection: Collection, references: dict[str, Reference]) -> list[Problem]:
    """Run every cross-record rule."""
    problems = check_file_names(items) + check_categories(items, collection)
    problems += check_unique_slugs(items) + check_unique_names(items) + check_references(items, references)
    problems += check_relations(items)
    for item in items:
        problems += check_figures(item) + check_figure_states(item) + check_licence(item) + check_split(item)
    return problems

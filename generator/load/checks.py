"""Rules that span records: uniqueness, cross-references, consistency of figures.

Each check reads validated models plus the line map of their files and
returns problems; none raises, so a contributor sees every problem at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..models import (
    FIGURE_FIELDS,
    IMAGE_UNITS,
    PEOPLE_UNITS,
    Collection,
    Condition,
    Dataset,
    FigureState,
    Origin,
    Reference,
    WantedList,
    WriteUp,
)
from ..problems import Problem
from .yaml_reader import YamlDocument

ValueT = TypeVar("ValueT")


@dataclass(frozen=True)
class _Located:
    """A validated catalog file's name and parsed document, which know the line of every field."""

    file: str
    doc: YamlDocument

    def at(self, *path: str | int) -> tuple[str, int, str]:
        """File, line and dotted field name of ``path``, for a Problem."""
        return self.file, self.doc.line_of(tuple(path)), ".".join(str(p) for p in path)


@dataclass(frozen=True)
class LoadedDataset(_Located):
    """A validated dataset with the file it came from (``stem``: the file's name without .yaml)."""

    stem: str
    dataset: Dataset


@dataclass(frozen=True)
class LoadedFile(_Located, Generic[ValueT]):
    """A validated catalog file other than a dataset (write-up.yaml, wanted.yaml) with its lines."""

    value: ValueT


def check_file_names(items: Iterable[LoadedDataset]) -> list[Problem]:
    """A dataset file is named after its slug, so that URL and file always agree."""
    return [
        Problem(*item.at("slug"), f"slug {item.dataset.slug!r} must equal the file name {item.stem!r}")
        for item in items
        if item.dataset.slug != item.stem
    ]


def unknown_category_message(value: object, known: list[str]) -> str:
    """What a contributor reads when a dataset's category is not one of collection.yaml's."""
    message = f"unknown category {value!r}; should be one of: {', '.join(known)}"
    hint = difflib.get_close_matches(value, known, n=1) if isinstance(value, str) else []
    return message + (f"; did you mean {hint[0]!r}?" if hint else "")


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


def _figure_value(dataset: Dataset, field: str) -> object:
    """The value a figure field names ('images.train' → dataset.images.train)."""
    value: object = dataset
    for part in field.split("."):
        value = getattr(value, part)
    return value


def check_added(item: LoadedDataset) -> list[Problem]:
    """An added dataset has no write-up value to correct, and shows only figures confirmed at a source."""
    d = item.dataset
    if d.origin is not Origin.added:
        return []
    problems = [
        Problem(
            *item.at("errata", i),
            "an added dataset has no write-up value to correct: remove the erratum and give the figure its confirmed source",
        )
        for i in range(len(d.errata))
    ]
    for field, check in d.figures.items():
        if check.state is not FigureState.confirmed:
            message = (
                f"an added dataset shows only confirmed figures, not {check.state.value} ones: "
                "confirm it with the source that states it, or set the figure to null (shown as not reported)"
            )
            problems.append(Problem(*item.at("figures", field, "state"), message))
    for field in FIGURE_FIELDS:
        value = _figure_value(d, field)
        if value is not None and value != [] and field not in d.figures:
            message = f"an added dataset's {field} needs `{field}: {{state: confirmed, source: https://...}}` under figures, or null"
            problems.append(Problem(*item.at(*field.split(".")), message))
    if d.figures_source is not None:
        problems.append(
            Problem(
                *item.at("figures_source"), "an added dataset has no Table 1 row: leave figures_source null (each figure links its source)"
            )
        )
    return problems


def check_units(item: LoadedDataset) -> list[Problem]:
    """Counts say what they count, in a unit of images rather than of people."""
    images = item.dataset.images
    units = ", ".join(unit.value for unit in IMAGE_UNITS)
    if images.unit is None and not images.is_unknown:
        return [Problem(*item.at("images"), f"counts need a unit: add `unit:` under images, one of: {units}")]
    if images.unit in PEOPLE_UNITS:
        message = (
            f"image counts count images, not people ({images.unit.value}): use one of {units}, and give people under get_data.subjects"
        )
        return [Problem(*item.at("images", "unit"), message)]
    return []


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
        problems += check_added(item) + check_units(item)
    return problems


def check_write_up(loaded: LoadedFile[WriteUp] | None, items: list[LoadedDataset], file: str, stems: set[str]) -> list[Problem]:
    """write-up.yaml lists each write-up dataset once, and only datasets whose origin is the write-up.

    ``stems``: every dataset file's name, valid or not (a file with its own problems is not reported again here).
    """
    by_slug = {item.dataset.slug: item for item in items}
    listed: set[str] = set()
    problems: list[Problem] = []
    if loaded is not None:
        entries = [("rows", i, row.dataset) for i, row in enumerate(loaded.value.rows)]
        entries += [("outside_table", i, m.dataset) for i, m in enumerate(loaded.value.outside_table)]
        for group, i, slug in entries:
            item = by_slug.get(slug)
            if slug in listed:
                problems.append(
                    Problem(*loaded.at(group, i, "dataset"), f"{slug!r} is listed twice; the write-up describes each dataset once")
                )
            elif item is None and slug in stems:
                pass  # the dataset's file did not validate; its own problems say why
            elif item is None:
                hint = difflib.get_close_matches(slug, list(by_slug), n=1)
                message = f"no dataset has the slug {slug!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")
                problems.append(Problem(*loaded.at(group, i, "dataset"), message))
            elif item.dataset.origin is not Origin.write_up:
                message = f"the write-up describes this dataset ({loaded.file} lists it): origin must be write-up"
                problems.append(Problem(*item.at("origin"), message))
            listed.add(slug)
    for item in items:
        if item.dataset.origin is Origin.write_up and item.dataset.slug not in listed:
            message = f"origin is write-up, but {file} does not list it: add its Table 1 row there, or set origin: added"
            problems.append(Problem(*item.at("origin"), message))
    return problems


def check_wanted(loaded: LoadedFile[WantedList], items: list[LoadedDataset], collection: Collection) -> list[Problem]:
    """A wanted dataset names a known category, once, and is not in the catalog already."""
    known = [c.slug for c in collection.categories]
    in_catalog = {name.casefold(): item for item in items for name in item.dataset.all_names}
    seen: set[str] = set()
    problems: list[Problem] = []
    for i, wanted in enumerate(loaded.value.wanted):
        if wanted.category not in known:
            problems.append(Problem(*loaded.at("wanted", i, "category"), unknown_category_message(wanted.category, known)))
        for name in wanted.all_names:
            key = name.casefold()
            item = in_catalog.get(key)
            if item is not None:
                message = f"{name!r} is in the catalog ({item.file}): remove it from the wanted list"
                problems.append(Problem(*loaded.at("wanted", i, "name"), message))
            elif key in seen:
                problems.append(Problem(*loaded.at("wanted", i, "name"), f"{name!r} is on the wanted list twice"))
            seen.add(key)
    return problems

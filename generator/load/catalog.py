"""Load the catalog folder: read YAML and BibTeX, validate, cross-check, return a Catalog."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..models import PATTERN_MEANINGS, Catalog, CitationReport, Collection, Dataset, LinkReport, Task, WantedList, WriteUp
from ..problems import CatalogError, Problem
from ..runner import IN_PROCESS, Runner
from .bibtex import read_bibliography
from .checks import LoadedDataset, LoadedFile, check_all, check_collection, check_wanted, check_write_up, unknown_category_message
from .history import git_dates
from .releases import release_history
from .yaml_reader import YamlDocument, read_yaml, read_yaml_files

COLLECTION_FILE = "collection.yaml"
DATASETS_DIR = "datasets"
REFERENCES_FILE = "references.bib"
LINK_REPORT_FILE = "link-report.json"
CITATION_REPORT_FILE = "citation-report.json"
WRITE_UP_FILE = "write-up.yaml"
WANTED_FILE = "wanted.yaml"
# Values renamed since an earlier format: a contributor with an old file is told the new name.
RENAMED_VALUES = {"none-stated": "none-found"}
ReportT = TypeVar("ReportT", bound=BaseModel)
ModelT = TypeVar("ModelT", bound=BaseModel)


def display_path(path: Path, catalog_dir: Path) -> str:
    """The name a contributor recognises: the path from the catalog folder's parent."""
    try:
        return path.relative_to(catalog_dir.parent).as_posix()
    except ValueError:
        return str(path)


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names valid at ``loc`` (for 'did you mean' hints on unknown keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        current = next((a for a in _model_args(info.annotation)), None)
    return list(current.model_fields) if current is not None and hasattr(current, "model_fields") else []


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    """Pydantic models inside an annotation such as ``list[X] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        found += _model_args(arg)
    return found


def _pattern_message(error: Any, loc: tuple[Any, ...], categories: list[str] | None) -> str:
    """A pattern rule in words: a category lists the known ones, other rules say what form they want."""
    if loc == ("category",) and categories:
        return unknown_category_message(error["input"], categories)
    return PATTERN_MEANINGS.get(error["ctx"]["pattern"], "does not have the expected form")


def _enum_message(error: Any) -> str:
    """An unknown vocabulary value: the values allowed, and the closest one where it is close."""
    value = error["input"]
    expected = [part.strip().strip("'") for part in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
    message = f"unknown value {value!r}; should be one of: {', '.join(expected)}"
    if isinstance(value, str):
        hint = RENAMED_VALUES.get(value) or next(iter(difflib.get_close_matches(value, expected, n=1)), None)
        if hint:
            message += f"; did you mean {hint!r}?"
    return message


def _empty_list_message(loc: tuple[Any, ...]) -> str:
    """An empty list that needs items: say which items."""
    if loc == ("tasks",):
        return "list at least one task: " + ", ".join(task.value for task in Task)
    if loc == ("references",):
        return "list at least one BibTeX key from catalog/references.bib (add the dataset's paper there first)"
    return "list at least one item"


def validation_problems(
    err: ValidationError, model: type[BaseModel], doc: YamlDocument, file: str, categories: list[str] | None = None
) -> list[Problem]:
    """Translate pydantic's errors into located problems written for the contributor.

    ``categories``: the collection's category slugs, listed when a dataset's category is not one.
    """
    problems: list[Problem] = []
    for error in err.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if part != "[key]")  # a dict key's error is located at the key
        field = ".".join(str(p) for p in loc) or "(document)"
        kind = error["type"]
        if kind == "missing":
            message = "required field is missing (write null if the value is unknown)"
            line = doc.line_of(loc[:-1])
        elif kind == "extra_forbidden":
            known = _field_names(model, loc[:-1])
            hint = difflib.get_close_matches(str(loc[-1]), known, n=1)
            message = f"unknown field {loc[-1]!r}" + (f"; did you mean {hint[0]!r}?" if hint else f"; known fields: {', '.join(known)}")
            line = doc.line_of(loc)
        elif kind == "too_short" and isinstance(error["input"], list):
            message = _empty_list_message(loc)
            line = doc.line_of(loc)
        elif kind == "enum":
            message = _enum_message(error)
            line = doc.line_of(loc)
        elif kind == "string_pattern_mismatch":
            message = _pattern_message(error, loc, categories)
            line = doc.line_of(loc)
        else:
            message = error["msg"]
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
            line = doc.line_of(loc)
        problems.append(Problem(file, line, field, message))
    return problems


def _validate(model: type[BaseModel], doc: YamlDocument, file: str, categories: list[str] | None = None) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        return None, validation_problems(err, model, doc, file, categories)


def count_dataset_files(catalog_dir: Path) -> int:
    """How many dataset files the catalog has (for the command to choose how to run the load)."""
    datasets_dir = catalog_dir / DATASETS_DIR
    return sum(name.endswith(".yaml") for name in os.listdir(datasets_dir)) if datasets_dir.is_dir() else 0  # noqa: PTH208


def load_catalog(catalog_dir: Path, runner: Runner = IN_PROCESS) -> Catalog:
    """Load and validate the whole catalog, raising CatalogError with every problem found.

    ``runner`` parses the dataset files (forked workers for a large catalog)
    while this process reads the collection, the references and the link
    report, then validates the documents as they arrive.
    """
    catalog_dir = catalog_dir.absolute()
    if not catalog_dir.is_dir():
        raise CatalogError([Problem(str(catalog_dir), 1, "(catalog)", "catalog folder does not exist")])

    datasets_dir = catalog_dir / DATASETS_DIR
    shown_dir = display_path(datasets_dir, catalog_dir)
    # file names sorted and joined as plain strings: pathlib's comparisons and
    # relative_to() were a noticeable share of loading a large catalog
    listing = os.listdir(datasets_dir) if datasets_dir.is_dir() else []  # noqa: PTH208 - names, not Path objects
    names = sorted(name for name in listing if name.endswith(".yaml"))
    folder = str(datasets_dir)
    files = [(f"{folder}/{name}", f"{shown_dir}/{name}") for name in names]
    documents = read_yaml_files(files, runner)

    collection, collection_problems = _read_collection(catalog_dir)
    bib_path = catalog_dir / REFERENCES_FILE
    references, reference_problems = read_bibliography(bib_path, display_path(bib_path, catalog_dir))
    write_up, write_up_problems = _read_optional(catalog_dir / WRITE_UP_FILE, catalog_dir, WriteUp)
    wanted, wanted_problems = _read_optional(catalog_dir / WANTED_FILE, catalog_dir, WantedList)
    link_report, link_problems = _read_report(catalog_dir / LINK_REPORT_FILE, catalog_dir, LinkReport, "links")
    citation_report, citation_problems = _read_report(catalog_dir / CITATION_REPORT_FILE, catalog_dir, CitationReport, "citations")
    links = link_report.links

    dataset_problems: list[Problem] = []
    if not names:
        dataset_problems.append(Problem(shown_dir, 1, "(datasets)", "no dataset files (*.yaml) found"))
    loaded: list[LoadedDataset] = []
    categories = [c.slug for c in collection.categories] if collection is not None else None
    for name, (_, file), (doc, found) in zip(names, files, documents, strict=True):
        dataset_problems += found
        if doc is None:
            continue
        dataset, found = _validate(Dataset, doc, file, categories)
        dataset_problems += found
        if dataset is not None:
            loaded.append(LoadedDataset(file, doc, stem=name.removesuffix(".yaml"), dataset=dataset))

    problems = collection_problems + reference_problems + link_problems + citation_problems + dataset_problems
    problems += write_up_problems + wanted_problems
    for stray in sorted(name for name in listing if name.endswith(".yml")):
        problems.append(Problem(f"{shown_dir}/{stray}", 1, "(file)", "dataset files must end in .yaml"))

    if collection is not None:
        problems += check_all(loaded, collection, references)
        if wanted is not None:
            problems += check_wanted(wanted, loaded, collection)
    if not write_up_problems:
        stems = {name.removesuffix(".yaml") for name in names}
        problems += check_write_up(write_up, loaded, display_path(catalog_dir / WRITE_UP_FILE, catalog_dir), stems)
    if problems:
        raise CatalogError(problems)
    assert collection is not None
    order = {c.slug: i for i, c in enumerate(collection.categories)}
    datasets = sorted((item.dataset for item in loaded), key=lambda d: (order[d.category], d.name.casefold(), d.slug))
    history = git_dates(datasets_dir)
    last_updated = {d.slug: history.get(d.slug) or d.last_updated for d in datasets}
    return Catalog(
        collection=collection,
        datasets=tuple(datasets),
        references=references,
        last_updated={slug: date for slug, date in last_updated.items() if date is not None},
        links=links,
        citations=citation_report,
        history=release_history(datasets_dir, collection.version, datasets),
        write_up=write_up.value if write_up is not None else None,
        wanted=tuple(wanted.value.wanted) if wanted is not None else (),
    )


def _read_collection(catalog_dir: Path) -> tuple[Collection | None, list[Problem]]:
    """collection.yaml, validated and checked."""
    path = catalog_dir / COLLECTION_FILE
    file = display_path(path, catalog_dir)
    if not path.is_file():
        return None, [Problem(file, 1, "(file)", "collection.yaml is missing")]
    loaded, problems = _read_optional(path, catalog_dir, Collection)
    if loaded is None:
        return None, problems
    return loaded.value, problems + check_collection(loaded.value, loaded.doc, loaded.file)


def _read_optional(path: Path, catalog_dir: Path, model: type[ModelT]) -> tuple[LoadedFile[ModelT] | None, list[Problem]]:
    """A catalog file that may be absent (a catalog without write-up datasets or wanted ones), validated with its lines."""
    if not path.is_file():
        return None, []
    file = display_path(path, catalog_dir)
    doc, problems = read_yaml(path, file)
    if doc is None:
        return None, problems
    value, found = _validate(model, doc, file)
    if value is None:
        return None, problems + found
    return LoadedFile(file, doc, value), problems


def _read_report(path: Path, catalog_dir: Path, model: type[ReportT], command: str) -> tuple[ReportT, list[Problem]]:
    """A committed report written by a maintainer command (optional: an empty report when absent)."""
    if not path.is_file():
        return model(), []
    try:
        return model.model_validate_json(path.read_text(encoding="utf-8")), []
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        field = ".".join(str(p) for p in first["loc"]) or "(report)"
        message = f"{first['msg']}; rerun `python -m generator {command}` or restore the file"
        return model(), [Problem(display_path(path, catalog_dir), 1, field, message)]

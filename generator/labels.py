"""Labels and number formatting: the human-readable form of each figure, shared by pages and exports.

Unknown values read "not reported" everywhere; sort keys put them last.
"""

from __future__ import annotations

import re

from .models import (
    ACCESS_TERMS,
    DIMENSIONALITY_TERMS,
    IMAGE_UNITS,
    ORIGIN_TERMS,
    TASK_TERMS,
    UNIT_TERMS,
    Access,
    ClassCount,
    Condition,
    CountUnit,
    Dataset,
    FrameSize,
    ImageCounts,
    LoaderLibrary,
    RelationType,
    Size,
    SizeBasis,
    Split,
    Task,
)

NOT_REPORTED = "not reported"
VARIES = "varies"  # a dataset whose images have no fixed size

TASK_LABELS = {task: term.label for task, term in TASK_TERMS.items()}

# Table 1's abbreviations, kept for the CSV's Table 1 columns (tasks Table 1 does not know are written out).
TASK_ABBREVIATIONS = {
    Task.classification: "CLS",
    Task.segmentation: "SEG",
    Task.object_detection: "Obj-D",
    Task.survival_prediction: "SP",
}

ACCESS_LABELS = {access.value: NOT_REPORTED if access is Access.unknown else term.label for access, term in ACCESS_TERMS.items()}
ORIGIN_LABELS = {origin.value: term.label for origin, term in ORIGIN_TERMS.items()}
# why a dataset is on the wanted list, as a sentence's end
WANTED_REASONS = {
    "no-primary-source": "no primary source for its figures could be read yet",
    "not-distributed": "its providers no longer distribute it",
}

FIELD_LABELS = {
    "name": "Name",
    "modality": "Modality",
    "target": "Target",
    "tasks": "Tasks",
    "frame_size": "Frame size",
    "images.train": "Count: training",
    "images.test": "Count: test",
    "images.total": "Count: total",
    "classes": "Classes",
    "homepage": "Official page",
    "year": "Year",
    "version": "Version",
}

DIMENSIONALITY_LABELS = {dimensionality.value: term.label for dimensionality, term in DIMENSIONALITY_TERMS.items()}


def number(value: int) -> str:
    """Thousands separated by commas, as the write-up prints them."""
    return f"{value:,}"


def plural(count: int, noun: str) -> str:
    """'1 dataset', '2 datasets'."""
    return f"{number(count)} {noun}{'' if count == 1 else 's'}"


def size(value: Size) -> str:
    """``565 × 584`` (width × height)."""
    return f"{value.width} × {value.height}"


BASIS_MARKS = {SizeBasis.exact: "", SizeBasis.typical: "~", SizeBasis.average: "average "}


def frame_size(frame: FrameSize | None) -> str:
    """``565 × 584``, ``~390 × 320``, ``2,124 × 2,056 or 1,634 × 1,634``, ``384 × 127 to 2,916 × 2,713``, "varies" or "not reported"."""
    if frame is None:
        return NOT_REPORTED
    if frame.varies:
        return VARIES
    mark = BASIS_MARKS[frame.basis]
    if frame.range is not None:
        return f"{mark}{size(frame.range.smallest)} to {size(frame.range.largest)}"
    return " or ".join(f"{mark}{size(s)}" for s in frame.sizes)


APPROXIMATE = " (approximate)"


def frame_size_detail(frame: FrameSize) -> str:
    """``frame_size``, saying "(approximate)" after a typical size, as the dataset and compare pages show it."""
    return frame_size(frame) + (APPROXIMATE if frame.basis is SizeBasis.typical else "")


def count(value: int, unit: CountUnit | None) -> str:
    """``1,000 slides``, ``1 image``: a count with its unit's noun (bare where no unit is given)."""
    return f"{number(value)} {UNIT_TERMS[unit].of(value)}" if unit is not None else number(value)


def unit_plural(unit: CountUnit | None) -> str:
    """The unit's plural noun ('slides'), or '' where no unit is given."""
    return UNIT_TERMS[unit].plural if unit is not None else ""


def images(counts: ImageCounts) -> str:
    """``224,316 / 624 images`` (train / test), ``40,561 images``, both (``… (5,856 in total)``), or "not reported"."""
    if counts.is_unknown:
        return NOT_REPORTED
    mark = "~" if counts.approximate else ""
    if counts.train is not None or counts.test is not None:
        train = number(counts.train) if counts.train is not None else "?"
        test = number(counts.test) if counts.test is not None else "?"
        unit = unit_plural(counts.unit)
        text = f"{mark}{train} / {test}" + (f" {unit}" if unit else "")
        return text + (f" ({mark}{number(counts.total)} in total)" if counts.total is not None else "")
    assert counts.total is not None
    return mark + count(counts.total, counts.unit)


def classes(entries: list[ClassCount] | None) -> str:
    """``2`` or ``2 / 2`` (one per task) or "not reported"."""
    if not entries:
        return NOT_REPORTED
    return " / ".join(number(e.count) for e in entries)


def classes_detail(entry: ClassCount, with_task: bool) -> str:
    """One class count and what the classes are, for the dataset page: ``2: normal, pneumonia``.

    The task is named only where a dataset counts classes for several tasks
    (``with_task``): ``3 for segmentation: optic disc, cup, background``.
    """
    text = number(entry.count)
    if with_task and entry.task:
        text += f" for {TASK_LABELS[entry.task].lower()}"
    return f"{text}: {entry.label}" if entry.label else text


def tasks(dataset: Dataset) -> str:
    """Task names joined for display."""
    return ", ".join(TASK_LABELS[t] for t in dataset.tasks)


def commercial_use(dataset: Dataset) -> str:
    """'allowed', 'not allowed' or 'unknown', the statistics filter's three values."""
    if dataset.license is None or dataset.license.commercial_use is None:
        return "unknown"
    return "allowed" if dataset.license.commercial_use else "not allowed"


def commercial_use_slug(dataset: Dataset) -> str:
    """The commercial-use value as it appears in statistics URLs: allowed, not-allowed, unknown."""
    return commercial_use(dataset).replace(" ", "-")


def search_text(dataset: Dataset) -> str:
    """What the statistics page's text box matches: name, aliases and target, lower-cased."""
    return " | ".join([*dataset.all_names, dataset.target or ""]).casefold()


# Counts of different units are never ranked against each other: the sort key puts each unit in a
# band of its own (in the vocabulary's order), and sorts by the total inside it.
UNIT_BAND = 10**13
UNIT_ORDER = {unit: rank for rank, unit in enumerate(IMAGE_UNITS)}


def images_sort_key(counts: ImageCounts) -> int | None:
    """Counts sort by unit first, then by total (train + test where no total is given)."""
    total = counts.best_total
    if total is None:
        return None
    rank = UNIT_ORDER.get(counts.unit, len(UNIT_ORDER))  # no unit ranks last
    return rank * UNIT_BAND + min(total, UNIT_BAND - 1)


def frame_sort_key(size: FrameSize | None) -> int | None:
    """Frame sizes sort by pixel count."""
    return size.pixels if size else None


def classes_sort_key(entries: list[ClassCount] | None) -> int | None:
    """Class counts sort by the largest count."""
    return max(e.count for e in entries) if entries else None


CONDITION_LABELS = {
    Condition.registration: "registration",
    Condition.data_use_agreement: "a data-use agreement",
    Condition.challenge_rules: "the challenge's rules",
    Condition.credentialed_access: "credentialed access",
    Condition.citation_required: "citing the requested paper",
    Condition.non_commercial: "non-commercial use only",
    Condition.no_redistribution: "no redistribution",
    Condition.share_alike: "sharing adaptations under the same licence",
    Condition.no_derivatives: "no derivative works",
}

LOADER_LABELS = {
    LoaderLibrary.monai: "MONAI",
    LoaderLibrary.torchvision: "torchvision",
    LoaderLibrary.tensorflow_datasets: "TensorFlow Datasets",
    LoaderLibrary.huggingface_datasets: "Hugging Face datasets",
    LoaderLibrary.medmnist: "MedMNIST",
    LoaderLibrary.kaggle_cli: "Kaggle CLI",
    LoaderLibrary.tcia_utils: "tcia_utils",
    LoaderLibrary.pylidc: "pylidc",
    LoaderLibrary.keras: "Keras",
    LoaderLibrary.torch_em: "torch-em",
    LoaderLibrary.bob_ip_binseg: "bob.ip.binseg",
    LoaderLibrary.torchxrayvision: "TorchXRayVision",
}

# How a relation reads from the dataset that states it, and from the other end.
RELATION_LABELS = {
    RelationType.subset_of: ("Subset of", "Has a subset"),
    RelationType.derived_from: ("Derived from", "Source of"),
    RelationType.successor_of: ("Successor of", "Succeeded by"),
    RelationType.overlaps_with: ("Overlaps with", "Overlaps with"),
}


def conditions(items: list[Condition]) -> str:
    """What the terms ask for, joined for a sentence: 'registration; citing the requested paper'."""
    return "; ".join(CONDITION_LABELS[c] for c in items)


def commercial_use_sentence(value: bool | None) -> str:
    """What the terms say about commercial use."""
    return "not stated by the terms" if value is None else "allowed" if value else "not allowed"


# Image formats joined in a row's data attribute (format names hold spaces and slashes, never this).
FORMAT_SEPARATOR = "|"


def official_split(split: Split) -> str:
    """'yes', 'no' or 'unknown': the statistics filter's three values."""
    return "unknown" if split.official is None else "yes" if split.official else "no"


def split_counts(split: Split) -> str:
    """``20 training, 20 test images`` or '' when no count is given."""
    parts = [(split.train, "training"), (split.validation, "validation"), (split.test, "test")]
    shown = [f"{number(count)} {name}" for count, name in parts if count is not None]
    return f"{', '.join(shown)} {UNIT_TERMS[split.unit].plural}" if shown else ""


NONE_FOUND_SHORT = "None found"
# a standard licence by its short name (any other text, such as terms that differ per file, is "own terms")
STANDARD_LICENCE = re.compile(r"(CC BY(-(NC|SA|ND))*|CC0|ODbL|ODC-By|PDDL|MIT|Apache)( \d\.\d(\.\d)?)?")
OWN_TERMS_SHORT = "Own terms"


def licence_short(dataset: Dataset) -> str | None:
    """The licence as a table cell shows it: a standard licence by its name, else one of two short words.

    The full terms (an agreement's title, a provider's terms of use) are on
    the dataset page; in the table they made rows several lines tall.
    None: the licence has not been researched.
    """
    licence = dataset.license
    if licence is None:
        return None
    if licence.name is None:
        return NONE_FOUND_SHORT
    if STANDARD_LICENCE.fullmatch(licence.name):
        return licence.name
    return OWN_TERMS_SHORT

"""Labels and number formatting: the human-readable form of each figure, shared by pages and exports.

Unknown values read "not reported" everywhere; sort keys put them last.
"""

from __future__ import annotations

from .models import ClassCount, Dataset, FrameSize, ImageCounts, Task

NOT_REPORTED = "not reported"

TASK_LABELS = {
    Task.classification: "Classification",
    Task.segmentation: "Segmentation",
    Task.object_detection: "Object detection",
    Task.survival_prediction: "Survival prediction",
}

# Table 1's abbreviations, kept for the CSV's Table 1 columns.
TASK_ABBREVIATIONS = {
    Task.classification: "CLS",
    Task.segmentation: "SEG",
    Task.object_detection: "Obj-D",
    Task.survival_prediction: "SP",
}

ACCESS_LABELS = {
    "open-download": "Open download",
    "registration": "Registration",
    "data-use-agreement": "Data-use agreement",
    "challenge-registration": "Challenge registration",
    "kaggle-account": "Kaggle account",
    "unknown": NOT_REPORTED,
}

FIELD_LABELS = {
    "name": "Name",
    "modality": "Modality",
    "target": "Target",
    "tasks": "Tasks",
    "frame_size": "Frame size",
    "images.train": "Images: training",
    "images.test": "Images: test",
    "images.total": "Images: total",
    "classes": "Classes",
    "homepage": "Official page",
    "year": "Year",
}

DIMENSIONALITY_LABELS = {"2d": "2D images", "3d-volume": "3D volumes", "whole-slide": "Whole-slide images"}


def number(value: int) -> str:
    """Thousands separated by commas, as the write-up prints them."""
    return f"{value:,}"


def plural(count: int, noun: str) -> str:
    """'1 dataset', '2 datasets'."""
    return f"{number(count)} {noun}{'' if count == 1 else 's'}"


def frame_size(size: FrameSize | None) -> str:
    """``~390 × 320`` or "not reported"."""
    if size is None:
        return NOT_REPORTED
    return f"{'~' if size.approximate else ''}{size.width} × {size.height}"


def images(counts: ImageCounts) -> str:
    """``224,316 / 624`` (train / test), a total, both, or "not reported"."""
    if counts.is_unknown:
        return NOT_REPORTED
    mark = "~" if counts.approximate else ""
    parts = []
    if counts.train is not None or counts.test is not None:
        train = number(counts.train) if counts.train is not None else "?"
        test = number(counts.test) if counts.test is not None else "?"
        parts.append(f"{mark}{train} / {test}")
    if counts.total is not None:
        total = f"{mark}{number(counts.total)}"
        parts.append(f"({total} in total)" if parts else total)
    return " ".join(parts)


def classes(entries: list[ClassCount] | None) -> str:
    """``2`` or ``2 / 2`` (one per task) or "not reported"."""
    if not entries:
        return NOT_REPORTED
    return " / ".join(number(e.count) for e in entries)


def classes_detail(entry: ClassCount) -> str:
    """One class count with its task and label, for the dataset page."""
    text = number(entry.count)
    details = [TASK_LABELS[entry.task].lower() if entry.task else None, entry.label]
    extra = ", ".join(d for d in details if d)
    return f"{text} ({extra})" if extra else text


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


def images_sort_key(counts: ImageCounts) -> int | None:
    """Images sort by total (train + test where no total is given)."""
    return counts.best_total


def frame_sort_key(size: FrameSize | None) -> int | None:
    """Frame sizes sort by pixel count."""
    return size.pixels if size else None


def classes_sort_key(entries: list[ClassCount] | None) -> int | None:
    """Class counts sort by the largest count."""
    return max(e.count for e in entries) if entries else None

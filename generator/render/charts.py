"""Geometry of the static SVG charts; the SVG markup itself is in templates/charts/.

Charts are computed at build time so they need no script, and drawn with
Material's colour variables so they read in the light and the dark palette.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .. import labels
from ..models import Catalog, Dataset, Task


@dataclass(frozen=True)
class Bar:
    """One rectangle with its value, for the image-count and count charts."""

    x: float
    y: float
    width: float
    height: float
    kind: str
    text: str


@dataclass(frozen=True)
class Label:
    """A piece of text at a position."""

    x: float
    y: float
    text: str
    anchor: str = "end"
    rotate: bool = False


@dataclass(frozen=True)
class Point:
    """One dataset (or a cluster of datasets of about the same size) in the frame-size scatter plot."""

    x: float
    y: float
    text: str
    r: float = 5.0


@dataclass(frozen=True)
class Chart:
    """Everything a chart template draws, plus its text alternative."""

    id: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[Label] = field(default_factory=list)
    gridlines: list[tuple[float, float, float, float]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)


# Above this many datasets, per-dataset charts become distributions: one bar per
# dataset would make the SVG (and the home page) grow without bound.
PER_DATASET_LIMIT = 60
LABEL_WIDTH = 230
PLOT_WIDTH = 440
ROW = 20
TOP = 34
AXIS = 28


def short(name: str, limit: int = 34) -> str:
    """A chart label: long names are cut (the full name is in the bar's tooltip and the text alternative)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _decades(low: int, high: int) -> tuple[int, int]:
    return math.floor(math.log10(max(low, 1))), math.ceil(math.log10(max(high, 10)))


def images_histogram(catalog: Catalog) -> Chart:
    """How many datasets have 1–9, 10–99, … images (by total, or training plus test)."""
    totals = [d.images.best_total for d in catalog.datasets]
    known = [t for t in totals if t is not None]
    top = _decades(1, max(known))[1] if known else 1
    # a count of n digits falls in the bin of power n - 1 (one pass, not one per bin)
    digits = Counter(len(str(t)) for t in known if t > 0)
    counts = []
    for power in range(top):
        low, high = 10**power, 10 ** (power + 1) - 1
        counts.append((f"{labels.number(low)}–{labels.number(high)} images", digits[power + 1]))
    zero = sum(t == 0 for t in known)
    if zero:
        counts.insert(0, ("0 images", zero))
    counts.append((labels.NOT_REPORTED, len(totals) - len(known)))
    return _count_chart("chart-images", "Datasets by number of images (log bins)", "by number of images, in powers of ten", counts)


def images_chart(catalog: Catalog) -> Chart:
    """Images per dataset on a log scale; training and test told apart, totals where no split is given."""
    datasets = list(catalog.datasets)
    if len(datasets) > PER_DATASET_LIMIT:
        return images_histogram(catalog)
    values = [v for d in datasets for v in (d.images.train, d.images.test, d.images.total) if v]
    lo, hi = _decades(min(values), max(values)) if values else (0, 1)

    def x_of(value: int) -> float:
        return LABEL_WIDTH + (math.log10(value) - lo) / (hi - lo) * PLOT_WIDTH

    bars, texts, lines = [], [], []
    for row, d in enumerate(datasets):
        y = TOP + row * ROW
        texts.append(Label(LABEL_WIDTH - 6, y + ROW * 0.65, short(d.name)))
        parts = [("train", d.images.train), ("test", d.images.test)]
        if d.images.train is None and d.images.test is None:
            parts = [("total", d.images.total)]
        known = [(kind, v) for kind, v in parts if v]
        if not known:
            texts.append(Label(LABEL_WIDTH + 4, y + ROW * 0.65, labels.NOT_REPORTED, "start"))
            lines.append(f"{d.name}: {labels.NOT_REPORTED}")
            continue
        height = (ROW - 6) / len(known)
        for i, (kind, value) in enumerate(known):
            approx = "about " if d.images.approximate else ""
            text = f"{d.name}: {approx}{labels.number(value)} {kind}"
            bars.append(Bar(LABEL_WIDTH, y + 3 + i * height, max(x_of(value) - LABEL_WIDTH, 1.0), height - 1, kind, text))
        lines.append(f"{d.name}: " + ", ".join(f"{labels.number(v)} {k}" for k, v in known))
    bottom = TOP + len(datasets) * ROW
    ticks = []
    for power in range(lo, hi + 1):
        x = LABEL_WIDTH + (power - lo) / (hi - lo) * PLOT_WIDTH
        ticks.append(Label(x, bottom + 16, labels.number(10**power), "middle"))
    grid = [(t.x, TOP - 4, t.x, bottom) for t in ticks]
    return Chart(
        id="chart-images",
        title="Images per dataset (log scale)",
        description="Number of images in each dataset on a logarithmic axis; training and test splits are drawn as separate bars, "
        "and a single bar gives the total where no split is reported. " + "; ".join(lines) + ".",
        width=LABEL_WIDTH + PLOT_WIDTH + 40,
        height=bottom + AXIS,
        bars=bars,
        labels=texts,
        ticks=ticks,
        gridlines=grid,
        legend=[("train", "training"), ("test", "test"), ("total", "total (no split)")],
    )


def _count_chart(chart_id: str, title: str, what: str, counts: list[tuple[str, int]]) -> Chart:
    top = max((n for _, n in counts), default=1)
    bars, texts = [], []
    for row, (name, n) in enumerate(counts):
        y = TOP + row * ROW
        width = n / top * PLOT_WIDTH
        texts.append(Label(LABEL_WIDTH - 6, y + ROW * 0.65, name))
        bars.append(Bar(LABEL_WIDTH, y + 3, max(width, 1.0), ROW - 6, "count", f"{name}: {labels.plural(n, 'dataset')}"))
        texts.append(Label(LABEL_WIDTH + width + 4, y + ROW * 0.65, labels.number(n), "start"))
    lines = "; ".join(f"{name}: {n}" for name, n in counts)
    return Chart(
        id=chart_id,
        title=title,
        description=f"Number of datasets {what}. {lines}.",
        width=LABEL_WIDTH + PLOT_WIDTH + 40,
        height=TOP + len(counts) * ROW + 8,
        bars=bars,
        labels=texts,
    )


def category_chart(catalog: Catalog) -> Chart:
    """Datasets per category."""
    counts = [(c.title, len(catalog.in_category(c.slug))) for c in catalog.collection.categories]
    return _count_chart("chart-categories", "Datasets per category", "in each category", counts)


def task_chart(catalog: Catalog) -> Chart:
    """Datasets per task (a dataset with several tasks counts once for each)."""
    per_task = Counter(t for d in catalog.datasets for t in set(d.tasks))
    counts = [(labels.TASK_LABELS[t], per_task[t]) for t in Task]
    return _count_chart("chart-tasks", "Datasets per task", "for each task (a dataset with several tasks counts for each)", counts)


def frame_chart(catalog: Catalog) -> Chart:
    """Frame sizes, width against height, on log axes (sizes span 32 to 4,000 pixels)."""
    # one point per dataset at its largest frame; a size that varies has no point
    largest = {d.slug: d.frame_size.largest for d in catalog.datasets if d.frame_size is not None and d.frame_size.largest is not None}
    sized = [d for d in catalog.datasets if d.slug in largest]
    side = 360
    left, top = 70, 30
    sides = [v for fs in largest.values() for v in (fs.width, fs.height)] or [10, 100]
    lo, hi = _decades(min(sides), max(sides))

    def scale(value: int) -> float:
        return (math.log10(value) - lo) / (hi - lo) * side

    points = []
    if len(sized) <= PER_DATASET_LIMIT:
        for d in sized:
            fs = largest[d.slug]
            points.append(Point(left + scale(fs.width), top + side - scale(fs.height), f"{d.name}: {labels.frame_size(d.frame_size)}"))
    else:
        # many datasets: one circle per cell of a 40 × 40 log grid, its area proportional to the count
        cells: dict[tuple[int, int], list[Dataset]] = {}
        log10, span = math.log10, hi - lo
        for d in sized:
            fs = largest[d.slug]
            # scale() written out (same arithmetic, so the same cells): a call per side was most of this chart's time
            cell = (round((log10(fs.width) - lo) / span * side / side * 40), round((log10(fs.height) - lo) / span * side / side * 40))
            cells.setdefault(cell, []).append(d)
        for (cx, cy), members in sorted(cells.items()):
            text = f"{labels.plural(len(members), 'dataset')} of about {labels.size(largest[members[0].slug])}"
            radius = min(3 + 2 * math.sqrt(len(members)), 18)
            points.append(Point(left + cx / 40 * side, top + side - cy / 40 * side, text, radius))
    ticks, grid = [], []
    for power in range(lo, hi + 1):
        offset = (power - lo) / (hi - lo) * side
        ticks.append(Label(left + offset, top + side + 16, labels.number(10**power), "middle"))
        ticks.append(Label(left - 6, top + side - offset + 4, labels.number(10**power), "end"))
        grid.append((left + offset, top, left + offset, top + side))
        grid.append((left, top + side - offset, left + side, top + side - offset))
    unknown = [d.name for d in catalog.datasets if d.slug not in largest]
    if len(unknown) > PER_DATASET_LIMIT:
        missing = f". Not reported for {labels.plural(len(unknown), 'dataset')}."
    else:
        missing = f". Not reported for: {', '.join(unknown)}." if unknown else "."
    description = (
        "Frame size of each dataset, width against height in pixels on logarithmic axes. " + "; ".join(p.text for p in points) + missing
    )
    return Chart(
        id="chart-frames",
        title="Frame sizes (width × height, log scale)",
        description=description,
        width=left + side + 30,
        height=top + side + 46,
        ticks=ticks,
        gridlines=grid,
        points=points,
        labels=[
            Label(left + side / 2, top + side + 38, "width (pixels)", "middle"),
            Label(16, top + side / 2, "height (pixels)", "middle", rotate=True),
        ],
    )


def all_charts(catalog: Catalog) -> dict[str, Chart]:
    """Every chart of the statistics page, by name."""
    return {
        "images": images_chart(catalog),
        "categories": category_chart(catalog),
        "tasks": task_chart(catalog),
        "frames": frame_chart(catalog),
    }

"""Geometry of the static SVG charts; the SVG markup itself is in templates/charts/.

Charts are computed at build time so they need no script, and drawn with
Material's colour variables so they read in the light and the dark palette.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .. import labels
from ..models import UNIT_TERMS, Catalog, CountUnit, Dataset, Task


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
    suffix: str = ""  # of the SVG's element ids: each layout of a chart is on the page
    legend_x: float = 0.0
    legend_step: float = 140.0


# Above this many datasets, per-dataset charts become distributions: one bar per
# dataset would make the SVG (and the home page) grow without bound.
PER_DATASET_LIMIT = 60
TOP = 34
AXIS = 28


@dataclass(frozen=True)
class Layout:
    """How a bar chart is laid out: labels beside the bars (wide) or on a line above them (stacked).

    Each chart is drawn in both layouts; the page shows the wide one where its
    column is wide enough to draw it at full size and the stacked one elsewhere
    (a container query in collection.css), so labels are never scaled below
    their size in the SVG (13 px) instead of shrinking with the chart.
    """

    label_width: float  # room left of the bars (0: labels above them)
    plot_width: float
    row: float
    suffix: str  # of the variant's element ids, unique on the page

    @property
    def stacked(self) -> bool:
        """Labels on their own line above each bar."""
        return self.label_width == 0

    @property
    def width(self) -> int:
        """The SVG's width in its own units (= CSS pixels when drawn at full size)."""
        return int(self.label_width + self.plot_width + 40)

    def label_at(self, y: float, text: str) -> Label:
        """A bar's name: right-aligned before the bar, or above it."""
        if self.stacked:
            return Label(0, y + 13, text, "start")
        return Label(self.label_width - 6, y + self.row * 0.65, text)

    def bar_top(self, y: float) -> float:
        """Where a row's bar area begins."""
        return y + 17 if self.stacked else y + 3

    @property
    def bar_room(self) -> float:
        """Height of a row's bar area."""
        return self.row - 20 if self.stacked else self.row - 6

    def value_y(self, y: float) -> float:
        """Baseline of text written after a bar."""
        return self.bar_top(y) + self.bar_room * 0.5 + 4.5


WIDE = Layout(label_width=260, plot_width=440, row=22, suffix="")
STACKED = Layout(label_width=0, plot_width=300, row=36, suffix="-stacked")


def short(name: str, limit: int = 34) -> str:
    """A chart label: long names are cut (the full name is in the bar's tooltip and the text alternative)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _decades(low: int, high: int) -> tuple[int, int]:
    return math.floor(math.log10(max(low, 1))), math.ceil(math.log10(max(high, 10)))


BINS_PER_DECADE = 4
SIZES_WIDE = Layout(label_width=170, plot_width=440, row=34, suffix="")
SIZES_STACKED = Layout(label_width=0, plot_width=300, row=50, suffix="-stacked")


def _bin_edges(cell: int) -> tuple[int, int]:
    """The lowest and highest count of a quarter-decade bin (bin ``cell`` starts at 10**(cell / 4))."""
    low = math.ceil(10 ** (cell / BINS_PER_DECADE))
    high = math.ceil(10 ** ((cell + 1) / BINS_PER_DECADE)) - 1
    return low, max(low, high)


def sizes_chart(catalog: Catalog, layout: Layout = SIZES_WIDE) -> Chart:
    """How large the datasets are, one row per counting unit on a shared log axis.

    Counts of different things (images, slices, studies, videos...) are never drawn
    as bars on one scale as if they were the same: each unit has its row. In a row,
    the datasets whose totals fall in the same quarter-decade are one circle whose
    area grows with their number, so the chart keeps its size at any catalog size.
    """
    by_unit: dict[CountUnit | None, list[tuple[Dataset, int]]] = {}
    unreported = 0
    for d in catalog.datasets:
        total = d.images.best_total
        if total is None or total <= 0:
            unreported += 1
            continue
        by_unit.setdefault(d.images.unit, []).append((d, total))
    order: list[CountUnit | None] = [u for u in CountUnit if u in by_unit] + ([None] if None in by_unit else [])
    values = [t for members in by_unit.values() for _, t in members]
    lo, hi = _decades(min(values), max(values)) if values else (0, 1)
    # stacked, the axis starts at the SVG's edge: an inset keeps the first tick's label whole
    left = layout.label_width or 24.0
    plot = layout.plot_width - (0 if layout.label_width else 24.0)

    def x_of(value: float) -> float:
        return left + (math.log10(value) - lo) / (hi - lo) * plot

    points, texts, lines = [], [], []
    for row, unit in enumerate(order):
        y = TOP + row * layout.row
        members = by_unit[unit]
        noun = UNIT_TERMS[unit].plural if unit is not None else "items (unit not given)"
        texts.append(layout.label_at(y, f"{noun.capitalize()} ({labels.number(len(members))})"))
        centre = layout.bar_top(y) + layout.bar_room / 2
        cells: dict[int, list[tuple[Dataset, int]]] = {}
        for d, total in members:
            cells.setdefault(math.floor(math.log10(total) * BINS_PER_DECADE), []).append((d, total))
        for cell, inside in sorted(cells.items()):
            if len(inside) == 1:
                d, total = inside[0]
                approx = "about " if d.images.approximate else ""
                text = f"{d.name}: {approx}{labels.count(total, unit)}"
            else:
                low, high = _bin_edges(cell)
                text = f"{labels.plural(len(inside), 'dataset')} of {labels.number(low)} to {labels.number(high)} {noun}"
            radius = min(4 + 2.2 * math.sqrt(len(inside) - 1), layout.bar_room / 2)
            points.append(Point(x_of(10 ** ((cell + 0.5) / BINS_PER_DECADE)), centre, text, radius))
        if len(catalog.datasets) <= PER_DATASET_LIMIT:
            listed = ", ".join(f"{d.name} {labels.number(t)}" for d, t in sorted(members, key=lambda m: (m[1], m[0].name)))
            lines.append(f"{noun}: {listed}")
        else:
            smallest, largest = min(t for _, t in members), max(t for _, t in members)
            lines.append(f"{noun}: {labels.plural(len(members), 'dataset')}, from {labels.number(smallest)} to {labels.number(largest)}")
    if unreported:
        lines.append(f"no count reported: {labels.plural(unreported, 'dataset')}")
    bottom = TOP + len(order) * layout.row
    ticks = []
    # a label every decade where they fit (about 70 units each), else every second or third
    step = max(1, math.ceil(70 / (plot / (hi - lo))))
    for power in range(lo, hi + 1, step):
        ticks.append(Label(x_of(10**power), bottom + 16, labels.number(10**power), "middle"))
    grid = [(t.x, TOP - 4, t.x, bottom) for t in ticks]
    return Chart(
        id="chart-images",
        suffix=layout.suffix,
        title="Dataset sizes by what they count (log scale)",
        description="How many items each dataset holds, one row for each thing counted (images, slices, volumes, studies and so on), "
        "on a logarithmic axis; datasets of about the same size share a circle that grows with their number. " + "; ".join(lines) + ".",
        width=layout.width,
        height=bottom + AXIS,
        labels=texts,
        ticks=ticks,
        gridlines=grid,
        points=points,
    )


def _count_chart(chart_id: str, title: str, what: str, counts: list[tuple[str, int]], layout: Layout = WIDE) -> Chart:
    top = max((n for _, n in counts), default=1)
    bars, texts = [], []
    left = layout.label_width
    for row, (name, n) in enumerate(counts):
        y = TOP + row * layout.row
        width = n / top * layout.plot_width
        texts.append(layout.label_at(y, name))
        bars.append(Bar(left, layout.bar_top(y), max(width, 1.0), layout.bar_room, "count", f"{name}: {labels.plural(n, 'dataset')}"))
        texts.append(Label(left + width + 4, layout.value_y(y), labels.number(n), "start"))
    lines = "; ".join(f"{name}: {n}" for name, n in counts)
    return Chart(
        id=chart_id,
        suffix=layout.suffix,
        title=title,
        description=f"Number of datasets {what}. {lines}.",
        width=layout.width,
        height=TOP + len(counts) * layout.row + 8,
        bars=bars,
        labels=texts,
    )


def category_chart(catalog: Catalog, layout: Layout = WIDE) -> Chart:
    """Datasets per category."""
    counts = [(c.title, len(catalog.in_category(c.slug))) for c in catalog.collection.categories]
    return _count_chart("chart-categories", "Datasets per category", "in each category", counts, layout)


def task_chart(catalog: Catalog, layout: Layout = WIDE) -> Chart:
    """Datasets per task (a dataset with several tasks counts once for each)."""
    per_task = Counter(t for d in catalog.datasets for t in set(d.tasks))
    counts = [(labels.TASK_LABELS[t], per_task[t]) for t in Task]
    what = "for each task (a dataset with several tasks counts for each)"
    return _count_chart("chart-tasks", "Datasets per task", what, counts, layout)


def frame_chart(catalog: Catalog) -> Chart:
    """Frame sizes, width against height, on log axes (sizes span 32 to 4,000 pixels)."""
    # one point per dataset at its largest frame; a size that varies has no point
    largest = {d.slug: d.frame_size.largest for d in catalog.datasets if d.frame_size is not None and d.frame_size.largest is not None}
    sized = [d for d in catalog.datasets if d.slug in largest]
    # small enough to be drawn at full size in a phone's column (its text stays 13 px)
    side = 250
    left, top = 62, 30
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


def all_charts(catalog: Catalog) -> dict[str, Chart | ChartPair]:
    """Every chart of the statistics page, by name: bar charts in both layouts, the scatter plot in one."""
    return {
        "images": images_charts(catalog),
        "categories": ChartPair(category_chart(catalog), category_chart(catalog, STACKED)),
        "tasks": ChartPair(task_chart(catalog), task_chart(catalog, STACKED)),
        "frames": frame_chart(catalog),
    }


@dataclass(frozen=True)
class ChartPair:
    """One bar chart in its wide and its stacked layout (the page shows the one that fits)."""

    wide: Chart
    stacked: Chart

    @property
    def id(self) -> str:
        """The figure's id."""
        return self.wide.id

    @property
    def title(self) -> str:
        """The figure's caption."""
        return self.wide.title


def images_charts(catalog: Catalog) -> ChartPair:
    """The dataset-size chart in both layouts (the home page shows it too)."""
    return ChartPair(sizes_chart(catalog), sizes_chart(catalog, SIZES_STACKED))

"""The figures of a dataset (frame size, counts with their unit, classes) and the state of each: confirmed, corrected, unconfirmed."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import HttpUrl, StrictModel, Text
from .vocabulary import UNIT_TERMS, CountUnit, Task


class Size(StrictModel):
    """One frame size: width × height in pixels."""

    width: int = Field(ge=1, le=1_000_000)
    height: int = Field(ge=1, le=1_000_000)

    @property
    def pixels(self) -> int:
        """Pixel count."""
        return self.width * self.height


class SizeRange(StrictModel):
    """The smallest and the largest frame of a dataset whose images come in many sizes."""

    smallest: Size
    largest: Size


class SizeBasis(StrEnum):
    """What kind of figure a size is, as the source states it."""

    exact = "exact"  # every image (of that group) has this size
    typical = "typical"  # the source writes "about" or "~"
    average = "average"  # the source gives a mean size


class FrameSize(StrictModel):
    """The frame size as the source gives it: one size, several sizes, a range, or no fixed size at all."""

    sizes: list[Size] = Field(default_factory=list, max_length=20)
    range: SizeRange | None = None
    varies: bool = False
    basis: SizeBasis = SizeBasis.exact
    note: Text | None = None

    @model_validator(mode="after")
    def _one_form(self) -> FrameSize:
        forms = sum((bool(self.sizes), self.range is not None, self.varies))
        if forms != 1:
            raise ValueError("give exactly one of: sizes (one or more), range (smallest and largest), or varies: true")
        if self.varies and self.basis is not SizeBasis.exact:
            raise ValueError("a size that varies has no basis: leave basis out")
        return self

    @property
    def pixels(self) -> int | None:
        """Pixel count of the largest frame, the sort key of the statistics table (None when the size varies)."""
        if self.sizes:
            return max(size.pixels for size in self.sizes)
        if self.range is not None:
            return self.range.largest.pixels
        return None

    @property
    def largest(self) -> Size | None:
        """The largest frame given (for charts)."""
        if self.sizes:
            return max(self.sizes, key=lambda size: size.pixels)
        return self.range.largest if self.range is not None else None


class ImageCounts(StrictModel):
    """How many items the dataset holds, in one unit; ``null`` means the source does not report the figure."""

    # what the counts count; required as soon as one count is given (checked with the file's line)
    unit: CountUnit | None = None
    train: int | None = Field(ge=0)
    test: int | None = Field(ge=0)
    total: int | None = Field(ge=0)
    approximate: bool = False

    @property
    def is_unknown(self) -> bool:
        """True when no count at all is known."""
        return self.train is None and self.test is None and self.total is None

    @property
    def best_total(self) -> int | None:
        """The total if given, else train + test where both are known (used for sorting only)."""
        if self.total is not None:
            return self.total
        if self.train is not None and self.test is not None:
            return self.train + self.test
        return None

    def noun(self, count: int) -> str:
        """The unit's noun for ``count`` ('slide', 'slides'); 'items' where no unit is given."""
        return UNIT_TERMS[self.unit].of(count) if self.unit is not None else ("item" if count == 1 else "items")


class ClassCount(StrictModel):
    """Number of classes, optionally for one task, with what the classes are."""

    count: int = Field(ge=1, le=1_000_000)
    task: Task | None = None
    label: Text | None = None


class FigureState(StrEnum):
    """How far a figure on the site is confirmed (see the contributing page)."""

    confirmed = "confirmed"  # a source read says the same value
    corrected = "corrected"  # the write-up's value is wrong; an erratum gives both values and the source
    unconfirmed = "unconfirmed"  # no source found yet


# The figures whose state every dataset page shows.
FIGURE_FIELDS = (
    "modality",
    "target",
    "tasks",
    "frame_size",
    "images.train",
    "images.test",
    "images.total",
    "classes",
    "year",
    "homepage",
    "version",
)
FIGURE_FIELD_PATTERN = "^(" + "|".join(f.replace(".", r"\.") for f in FIGURE_FIELDS) + ")$"
FigureField = Annotated[str, StringConstraints(pattern=FIGURE_FIELD_PATTERN)]


class FigureCheck(StrictModel):
    """The state of one figure, with the page that settles it."""

    state: FigureState
    source: HttpUrl | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> FigureCheck:
        if self.state is FigureState.confirmed and self.source is None:
            raise ValueError("a confirmed figure needs its source: the page or paper that gives the same value")
        if self.state is FigureState.unconfirmed and self.note is None:
            raise ValueError("an unconfirmed figure needs a note: which sources were checked and found silent")
        if self.state is FigureState.corrected and self.source is not None:
            raise ValueError("a corrected figure takes its source from its erratum: leave source out here")
        return self


class FiguresSource(StrictModel):
    """Where a dataset's figures come from when not from Table 1 of the write-up."""

    title: Text
    url: HttpUrl


# The figures an erratum may correct: the name and every figure the write-up gave (it named no versions).
ERRATUM_FIELDS = ("name", *(field for field in FIGURE_FIELDS if field != "version"))

ERRATUM_FIELD_PATTERN = "^(" + "|".join(f.replace(".", r"\.") for f in ERRATUM_FIELDS) + ")$"
ErratumField = Annotated[str, StringConstraints(pattern=ERRATUM_FIELD_PATTERN)]

PATTERN_MEANINGS = {
    ERRATUM_FIELD_PATTERN: "must name a corrected field, one of: " + ", ".join(ERRATUM_FIELDS),
    FIGURE_FIELD_PATTERN: "must name a figure, one of: " + ", ".join(FIGURE_FIELDS),
}


class Erratum(StrictModel):
    """A correction of the write-up: both values are kept, with the source that settles it."""

    field: ErratumField
    collection_value: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
    corrected_value: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    source: HttpUrl
    note: Text

"""Pause Python's cyclic garbage collector while the catalog is loaded or rendered."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """Run a bulk phase without cyclic garbage collection, then restore it.

    Loading and rendering allocate hundreds of thousands of objects that stay
    alive (models, rows, pages). Every full collection rescans all of them, so
    at 10,000 datasets the collector took a quarter of the load and over half
    of the statistics page's render time. What these phases create is kept or
    freed by reference counting; any cycles are collected once it is resumed.

    ``keep=True`` is for a phase whose objects live as long as the process
    (the loaded catalog): they are moved to the collector's permanent
    generation (``gc.freeze``), so that no later collection scans them again.
    Frozen objects are still freed by reference counting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        if keep and succeeded:  # a failed phase leaves garbage (tracebacks) that must stay collectable
            gc.freeze()
        if was_enabled:
            gc.enable()

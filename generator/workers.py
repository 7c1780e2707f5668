"""Forked worker processes for the bulk phases of a large catalog: reading its files and rendering its pages.

Neither the YAML parser nor Jinja releases the GIL, so threads would not
help; forked processes inherit what the parent has already built (compiled
templates, the loaded catalog) without pickling it. Below the threshold the
start-up and transfer costs outweigh the gain, and the work runs in-process.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

# At the real catalog's size (tens of datasets) a pool only costs; at
# thousands of files it halves the wall time on two cores.
PARALLEL_MIN_DATASETS = 2000
MAX_WORKERS = 8


def worker_count() -> int:
    """One worker per core, within reason."""
    return min(os.cpu_count() or 1, MAX_WORKERS)


def use_workers(datasets: int) -> bool:
    """Whether a phase over ``datasets`` records should run in forked workers."""
    return datasets >= PARALLEL_MIN_DATASETS and worker_count() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def fork_pool() -> multiprocessing.pool.Pool:
    """A pool of forked workers, one per core: each inherits the parent's memory as it is now."""
    return multiprocessing.get_context("fork").Pool(worker_count())


@contextmanager
def pool_for(datasets: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """A pool of forked workers for a phase over ``datasets`` records, or None where in-process is faster."""
    if not use_workers(datasets):
        yield None
        return
    with fork_pool() as pool:
        yield pool


def in_background(pool: multiprocessing.pool.Pool | None, function: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start ``function(*args)`` in a worker of ``pool``; return what gives its result (without a pool, computes it then)."""
    if pool is None:
        return lambda: function(*args)
    return pool.apply_async(function, args).get

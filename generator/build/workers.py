"""Forked worker processes for the bulk phases of a large catalog: reading its files and rendering its pages.

Neither the YAML parser nor Jinja releases the GIL, so threads would not
help; forked processes inherit what the parent has already built (the
loaded catalog, the template environment, the jobs themselves) without
pickling it. Below the threshold the start-up and transfer costs outweigh
the gain, and the work runs in-process. The command picks the runner
(``runner_for``); loading and rendering only hand it jobs.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from ..runner import IN_PROCESS, Runner

T = TypeVar("T")

# At the real catalog's size (tens of datasets) a pool only costs; at
# 10,000 datasets on two cores it cuts loading by a quarter and rendering
# by almost half (ARCHITECTURE.md gives the measurements).
PARALLEL_MIN_DATASETS = 2000
MAX_WORKERS = 8


def worker_count() -> int:
    """One worker per core, within reason."""
    return min(os.cpu_count() or 1, MAX_WORKERS)


def use_workers(datasets: int) -> bool:
    """Whether a phase over ``datasets`` records should run in forked workers."""
    return datasets >= PARALLEL_MIN_DATASETS and worker_count() >= 2 and "fork" in multiprocessing.get_all_start_methods()


def runner_for(datasets: int) -> Runner:
    """The runner for a catalog of ``datasets`` records: forked workers when it is large, else in-process."""
    return ForkedWorkers(worker_count()) if use_workers(datasets) else IN_PROCESS


def fork_pool(processes: int) -> multiprocessing.pool.Pool:
    """A pool of forked workers: each inherits the parent's memory as it is now."""
    return multiprocessing.get_context("fork").Pool(processes, initializer=_leave_interrupts_to_the_caller)


def _leave_interrupts_to_the_caller() -> None:
    # Ctrl-C reaches the whole process group. A worker that died of it would
    # take its job with it and the pool would wait for that result for ever;
    # the caller alone handles it, by winding the pool down (``_closing``).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# The jobs of the run being started, and the flag that tells its workers to
# skip the jobs they have not begun; both reach the workers forked for it.
_JOBS: Sequence[Callable[[], Any]] = ()
_CANCELLED: Any = None
_SKIPPED = None


def _run_job(index: int) -> Any:
    if _CANCELLED is not None and _CANCELLED.is_set():
        return _SKIPPED
    return _JOBS[index]()


class ForkedWorkers:
    """Runs jobs in a pool of forked processes started for each run."""

    def __init__(self, processes: int) -> None:
        self.processes = processes

    def run(self, jobs: Sequence[Callable[[], T]], *, ordered: bool = True, beside_caller: bool = False) -> Iterator[T]:
        """Each job's result, computed by forked workers; see ``runner.Runner.run``.

        With ``beside_caller`` one core is left to the caller: when loading,
        a worker per core made three processes share two cores, and loading
        10,000 files took longer than reading them all in one process.
        """
        global _JOBS, _CANCELLED
        count = max(self.processes - 1, 1) if beside_caller else self.processes
        cancelled = multiprocessing.get_context("fork").Event()
        folder = tempfile.TemporaryDirectory(prefix="mdc-results-", dir=results_folder())
        _JOBS, _CANCELLED = jobs, cancelled
        try:
            pool = fork_pool(count)  # the workers are forked here, with the jobs in their memory
        except BaseException:
            folder.cleanup()
            raise
        finally:
            _JOBS, _CANCELLED = (), None
        results = imap_results(pool, _run_job, range(len(jobs)), folder.name, ordered=ordered)
        return _closing(pool, cancelled, folder, results)


def _closing(
    pool: multiprocessing.pool.Pool, cancelled: Any, folder: tempfile.TemporaryDirectory[str], results: Iterator[T]
) -> Iterator[T]:
    """The results; then, however the caller stops (done, an error, or leaving early), the pool is wound down.

    Why not ``Pool.terminate``: it kills workers wherever they are, and one
    killed halfway through sending a result leaves a partial message in the
    pipe, on which the pool's result thread then waits for ever (a failed
    build hung that way under CI). Instead the jobs not yet begun are
    skipped, each worker finishes the one it is running, and the pool exits
    on its own; the result folder goes last, once nothing can write to it.
    """
    try:
        yield from results
    finally:
        cancelled.set()
        pool.close()
        pool.join()
        folder.cleanup()


# Results come back through files in memory rather than through the pool's
# pipe: a worker writes a chunk's results at once, where the pipe made it
# wait for the parent to read each 64 KB (a third of loading, and up to a
# third of rendering, at 10,000 datasets).
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - a tmpfs on Linux; elsewhere the system's temporary folder is used


def results_folder() -> str | None:
    """Where result files go: /dev/shm when it can be written, else None (the system's temporary folder)."""
    return SHARED_MEMORY if os.access(SHARED_MEMORY, os.W_OK) else None


def write_result(path: str, result: object) -> None:
    """Pickle one task's result to ``path`` (in a worker)."""
    with open(path, "wb") as file:  # noqa: PTH123 - plain path strings
        pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)


class _ThroughFile:
    """A task function that leaves its result in a file and returns the file's path (or, if it cannot be written, the result)."""

    def __init__(self, function: Callable[[Any], Any], folder: str) -> None:
        self.function = function
        self.folder = folder

    def __call__(self, numbered: tuple[int, Any]) -> tuple[str | None, Any]:
        number, task = numbered
        result = self.function(task)
        path = os.path.join(self.folder, str(number))  # noqa: PTH118
        try:
            write_result(path, result)
        except OSError:  # a full or missing memory folder: the pool's pipe still works
            return None, result
        return path, None


def imap_results(
    pool: multiprocessing.pool.Pool, function: Callable[[Any], T], tasks: Iterable[Any], folder: str, *, ordered: bool = True
) -> Iterator[T]:
    """``function(task)`` for each task, run by the pool's workers, results left in ``folder``; in task order, or as they finish.

    The tasks are handed to the workers now; the results are read as the
    returned iterator is consumed.
    """
    mapping = pool.imap if ordered else pool.imap_unordered
    return _collect(mapping(_ThroughFile(function, folder), enumerate(tasks)))


def _collect(results: Iterator[tuple[str | None, Any]]) -> Iterator[Any]:
    for path, result in results:
        if path is None:
            yield result
            continue
        with open(path, "rb") as file:  # noqa: PTH123
            loaded = pickle.load(file)  # noqa: S301 - written by this build's own worker a moment ago
        os.unlink(path)  # noqa: PTH108
        yield loaded

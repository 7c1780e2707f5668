"""How a stage runs its jobs: the protocol loading and rendering share, and the in-process runner.

A job is a plain callable without arguments. The stages make the jobs; the
command decides how they run (here, in this process, or in forked workers:
``build.workers``), so no library function changes interpreter-wide state
or chooses a pool by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Runner(Protocol):
    """Runs jobs and gives their results back."""

    @property
    def processes(self) -> int:
        """How many processes run jobs at once (1: only the caller's)."""
        ...

    def run(self, jobs: Sequence[Callable[[], T]], *, ordered: bool = True, beside_caller: bool = False) -> Iterator[T]:
        """Each job's result, in the jobs' order (or as they finish, unless ``ordered``).

        ``beside_caller``: the caller keeps working while the jobs run, so a
        runner with workers leaves it a core. Jobs start now; results are read
        as the iterator is consumed.
        """
        ...


class InProcess:
    """Runs every job in the calling process, one after the other, as its result is asked for."""

    processes = 1

    def run(self, jobs: Sequence[Callable[[], T]], *, ordered: bool = True, beside_caller: bool = False) -> Iterator[T]:  # noqa: ARG002 - one order only
        """Each job's result, in order."""
        return (job() for job in jobs)


IN_PROCESS = InProcess()

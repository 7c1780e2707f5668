"""Forked workers: a failing job reaches the caller, and the pool winds down without hanging or leaving files."""

from __future__ import annotations

import threading
import time

import pytest

from generator.build import workers

# Long enough for a slow machine, short enough that a hang fails the test instead of stalling the suite.
DEADLINE_SECONDS = 60


class JobFailed(Exception):
    """The error the first job raises."""


def _fail() -> str:
    raise JobFailed("the first job failed")


def _big_result() -> str:
    # several megabytes through the pipe: a worker is still sending one when the caller sees the failure
    return "x" * 4_000_000


def _slow() -> str:
    time.sleep(0.05)
    return "done"


def _consume(results, outcome: dict) -> None:
    try:
        outcome["results"] = list(results)
    except BaseException as error:  # noqa: BLE001 - handed to the test to inspect
        outcome["error"] = error


def _run_with_deadline(jobs, monkeypatch, *, through_pipe: bool) -> dict:
    if through_pipe:  # as when /dev/shm is full: every result travels through the pool's pipe

        def refuse(path, result):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(workers, "write_result", refuse)
    before = _result_folders()
    outcome: dict = {}
    consumer = threading.Thread(target=_consume, args=(workers.ForkedWorkers(2).run(jobs, ordered=True), outcome))
    consumer.start()
    consumer.join(DEADLINE_SECONDS)
    assert not consumer.is_alive(), "the pool hung after a job failed"
    assert _result_folders() == before, "the run left its result folder behind"
    return outcome


def _result_folders() -> set[str]:
    from pathlib import Path

    return {str(p) for p in Path(workers.results_folder() or workers.tempfile.gettempdir()).glob("mdc-results-*")}


@pytest.mark.parametrize("through_pipe", [False, True], ids=["through-files", "through-pipe"])
def test_a_failing_job_reaches_the_caller_while_others_send_big_results(monkeypatch, through_pipe):
    outcome = _run_with_deadline([_fail] + [_big_result] * 300, monkeypatch, through_pipe=through_pipe)
    assert isinstance(outcome.get("error"), JobFailed), outcome.get("error")


def test_jobs_not_yet_begun_are_skipped_after_a_failure(monkeypatch, tmp_path):
    started = tmp_path / "started"
    started.mkdir()

    def counted(number: int):
        def job() -> str:
            (started / str(number)).touch()
            return _slow()

        return job

    jobs = [_fail] + [counted(n) for n in range(200)]
    outcome = _run_with_deadline(jobs, monkeypatch, through_pipe=False)
    assert isinstance(outcome.get("error"), JobFailed)
    assert len(list(started.iterdir())) < 200, "every job ran although the run had failed"


def test_results_in_order_when_nothing_fails(monkeypatch):
    jobs = [(lambda n=n: n * n) for n in range(50)]
    outcome = _run_with_deadline(jobs, monkeypatch, through_pipe=False)
    assert outcome["results"] == [n * n for n in range(50)]


def test_after_a_failure_no_worker_is_killed(monkeypatch):
    """Killing a worker while it sends a result leaves half a message in the pipe, and the pool then waits for ever.

    That hang is a race and cannot be provoked at will; what can be checked
    is that a failed run never kills its workers: each one ends by itself.
    """
    pools = []
    fork_pool = workers.fork_pool
    monkeypatch.setattr(workers, "fork_pool", lambda *args: pools.append(fork_pool(*args)) or pools[-1])
    outcome = _run_with_deadline([_fail] + [_big_result] * 40, monkeypatch, through_pipe=True)
    assert isinstance(outcome.get("error"), JobFailed)
    (pool,) = pools
    # the pool's own list of its processes: the only place their exit codes can be read
    assert [process.exitcode for process in pool._pool] == [0, 0]

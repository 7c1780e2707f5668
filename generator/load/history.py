"""When each dataset file last changed, from git history (one `git log` for the whole catalog).

Commit dates are the same on every build of the same commit, unlike file
modification times. Where git has no history for a file (a copy outside the
repository, a new uncommitted file, a shallow clone), the dataset's own
``last_updated`` field is used, if any.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_MARK = "@@commit "


def git_dates(folder: Path) -> dict[str, dt.date]:
    """File name (stem) → date of the newest commit touching ``folder/<stem>.yaml``; empty without git."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", f"--format={_MARK}%cs", "--name-only", "--no-renames", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = folder.resolve().relative_to(Path(top).resolve()).as_posix()
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(_MARK):
            current = dt.date.fromisoformat(line[len(_MARK) :])
        elif line.endswith(".yaml") and current is not None:
            path = Path(line)
            if path.parent.as_posix() == prefix:
                dates.setdefault(path.stem, current)  # newest first: keep the first date seen
    return dates

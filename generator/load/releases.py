"""The catalog's releases, from the repository's own history: what changed between version tags.

A release is a git tag ``v<MAJOR>.<MINOR>.<PATCH>``. For each tag the dataset
files as they were at that tag are read straight from git (no checkout) and
compared with the files of the tag before; the last section compares the
newest tag with the catalog being built. Only what a changelog reader needs
is read from old files (slug, name, former slugs, errata), without the
model's validation: a file of an older release may predate today's rules.

Without git (a copy of the catalog outside a repository) the history is
marked unavailable rather than empty, so the page can say which it is.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import CatalogChange, Dataset, Release, ReleaseHistory
from .yaml_reader import read_yaml_text

TAG_PATTERN = re.compile(r"^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
GIT_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class DatasetState:
    """What the changelog compares of one dataset file at one point in history."""

    slug: str
    name: str
    former_slugs: tuple[str, ...]
    # (field, write-up value, corrected value, source) of each erratum
    errata: frozenset[tuple[str, str, str, str]]


Snapshot = dict[str, DatasetState]


def _git(top: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=top, input=stdin, capture_output=True, check=True, timeout=GIT_TIMEOUT_SECONDS).stdout


def _repository_of(folder: Path) -> tuple[Path, str] | None:
    """The repository's top folder and ``folder``'s path inside it; None outside git."""
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except (OSError, subprocess.SubprocessError):
        return None
    return top, folder.resolve().relative_to(top.resolve()).as_posix()


def version_tags(top: Path) -> list[tuple[str, dt.date]]:
    """Every tag v<semver> with its date (the tag's, or its commit's for a lightweight tag), oldest version first."""
    listing = _git(top, "for-each-ref", "--format=%(refname:short) %(creatordate:short)", "refs/tags").decode()
    tags = []
    for line in listing.splitlines():
        name, _, date = line.partition(" ")
        match = TAG_PATTERN.match(name)
        if match and date:
            tags.append((tuple(int(part) for part in match.groups()), name, dt.date.fromisoformat(date)))
    return [(name, date) for _, name, date in sorted(tags)]


def _state(document: Any, slug: str) -> DatasetState | None:
    if not isinstance(document, dict):
        return None
    errata = document.get("errata") or []
    found = set()
    for item in errata if isinstance(errata, list) else []:
        if isinstance(item, dict):
            found.add(tuple(str(item.get(key) or "") for key in ("field", "collection_value", "corrected_value", "source")))
    former = document.get("former_slugs") or []
    return DatasetState(
        slug=str(document.get("slug") or slug),
        name=str(document.get("name") or slug),
        former_slugs=tuple(str(f) for f in former) if isinstance(former, list) else (),
        errata=frozenset(found),  # type: ignore[arg-type]  # four strings each
    )


def snapshot_at(top: Path, tag: str, datasets_path: str) -> Snapshot:
    """The dataset files as they were at ``tag``, read from git in one batch."""
    try:
        names = _git(top, "ls-tree", "--name-only", f"{tag}:{datasets_path}").decode().split()
    except subprocess.CalledProcessError:  # the catalog had no datasets folder there yet
        return {}
    names = sorted(n for n in names if n.endswith(".yaml"))
    if not names:
        return {}
    request = "".join(f"{tag}:{datasets_path}/{name}\n" for name in names).encode()
    output = _git(top, "cat-file", "--batch", stdin=request)
    snapshot: Snapshot = {}
    position = 0
    for name in names:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        body = output[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1  # the blob, then a newline
        try:
            document, _ = read_yaml_text(body.decode("utf-8"), name)
        except UnicodeDecodeError:
            document = None
        if document is None:
            continue  # a file that was broken at that tag has no state to compare
        state = _state(document.data, name.removesuffix(".yaml"))
        if state is not None:
            snapshot[state.slug] = state
    return snapshot


def current_snapshot(datasets: Iterable[Dataset]) -> Snapshot:
    """The catalog being built, in the form old releases are read in."""
    return {
        d.slug: DatasetState(
            slug=d.slug,
            name=d.name,
            former_slugs=tuple(d.former_slugs),
            errata=frozenset((e.field, e.collection_value, e.corrected_value, e.source) for e in d.errata),
        )
        for d in datasets
    }


def changes_between(before: Snapshot, after: Snapshot) -> list[CatalogChange]:
    """Datasets added, removed and renamed, and figures corrected, going from ``before`` to ``after``."""
    changes: list[CatalogChange] = []
    matched: dict[str, str] = {}  # slug after → slug before
    for slug, state in after.items():
        if slug in before:
            matched[slug] = slug
            continue
        previous = next((old for old in state.former_slugs if old in before and old not in after), None)
        if previous is not None:
            matched[slug] = previous
    kept_before = set(matched.values())
    for slug in sorted(after):
        state = after[slug]
        if slug not in matched:
            changes.append(CatalogChange(kind="added", slug=slug, name=state.name))
            continue
        old = before[matched[slug]]
        if old.slug != slug:
            changes.append(CatalogChange(kind="renamed", slug=slug, name=state.name, former=f"{old.name} ({old.slug})"))
        elif old.name != state.name:
            changes.append(CatalogChange(kind="renamed", slug=slug, name=state.name, former=old.name))
        for field, old_value, new_value, source in sorted(state.errata - old.errata):
            changes.append(
                CatalogChange(
                    kind="corrected", slug=slug, name=state.name, field=field, old_value=old_value, new_value=new_value, source=source
                )
            )
    for slug in sorted(set(before) - kept_before):
        changes.append(CatalogChange(kind="removed", slug=slug, name=before[slug].name))
    order = {"added": 0, "renamed": 1, "corrected": 2, "removed": 3}
    return sorted(changes, key=lambda c: (order[c.kind], c.name.casefold(), c.slug, c.field or ""))


def release_history(datasets_dir: Path, version: str, current: Iterable[Dataset]) -> ReleaseHistory:
    """Each tagged release's changes (newest first), headed by the changes not yet released."""
    where = _repository_of(datasets_dir)
    if where is None:
        return ReleaseHistory(available=False)
    top, datasets_path = where
    try:
        tags = version_tags(top)
        snapshots = [snapshot_at(top, tag, datasets_path) for tag, _ in tags]
    except (OSError, subprocess.SubprocessError, ValueError):
        return ReleaseHistory(available=False)
    releases = []
    before: Snapshot = {}
    for (tag, date), snapshot in zip(tags, snapshots, strict=True):
        releases.append(Release(version=tag.removeprefix("v"), tag=tag, date=date, changes=changes_between(before, snapshot)))
        before = snapshot
    pending = changes_between(before, current_snapshot(current))
    if pending or not tags:
        releases.append(Release(version=version, changes=pending))
    return ReleaseHistory(available=True, releases=releases[::-1])

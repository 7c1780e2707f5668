"""Read one YAML file into plain data plus the line of every key and value.

PyYAML silently keeps the last of two equal keys and forgets where values
came from; contributors need both, so the file is composed into nodes (the
C parser when available) and converted by hand, recording each path's line.

That careful reading is slow (PyYAML builds Python objects for every node),
and lines are only needed to report a problem. So a file is first loaded
with yaml-rs, a Rust parser about ten times faster that refuses duplicate
keys; anything it refuses is read carefully, and a file's line map is built
from PyYAML's nodes only when a problem in it must be located.
"""

from __future__ import annotations

import itertools
import multiprocessing.pool
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

from . import workers
from .problems import Problem

try:  # the C parser is several times faster; fall back where libyaml is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Plain data of one file, and the 1-based line of each path inside it (built on first use)."""

    data: Any
    lines: dict[PathKey, int] | None = None
    text: str | None = field(default=None, repr=False)

    def line_of(self, path: PathKey) -> int:
        """Line of ``path``, or of its nearest ancestor that is known."""
        if self.lines is None:
            self.lines = _line_map(self.text or "")
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _compose(text: str) -> yaml.Node:
    """PyYAML's node tree of one document (the C parser where available)."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _line_map(text: str) -> dict[PathKey, int]:
    """Lines of every path, from PyYAML's nodes.

    Empty (problems then point at line 1) when PyYAML cannot read what yaml-rs
    accepted, such as a raw control character that YAML 1.2 allows.
    """
    try:
        node = _compose(text)
    except yaml.YAMLError:
        return {}
    converter = _Converter("")
    converter.convert(node, ())
    return converter.lines


class _Converter:
    """Turns composed nodes into Python values, noting lines and duplicate keys."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[PathKey, int] = {}
        self.problems: list[Problem] = []
        self._scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalars.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalars.construct_object(key_node)
            line = key_node.start_mark.line + 1
            dotted = ".".join(str(p) for p in (*path, key))
            if not isinstance(key, str):
                self.problems.append(Problem(self.file, line, dotted, "keys must be text"))
                key = str(key)
            if key in result:
                first = self.lines.get((*path, key), line)
                self.problems.append(Problem(self.file, line, dotted, f"duplicate key (first given on line {first}); keep one"))
                continue
            # report a field at its key's line, even when its value is a block below
            self.lines[(*path, key)] = line
            result[key] = self.convert(value_node, (*path, key))
        return result


ReadResult = tuple[YamlDocument | None, list[Problem]]


def read_yaml(path: Path | str, display_name: str) -> ReadResult:
    """Parse ``path``; return the document (None when unreadable) and the problems found."""
    with open(path, "rb") as file:  # noqa: PTH123 - a plain path string: pathlib cost 20 µs per file at 10,000 files
        raw = file.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(display_name, line, "(encoding)", f"file is not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded")]
    try:
        data = yaml_rs.loads(text)
    except Exception:
        data = None
    if isinstance(data, dict) and all(isinstance(key, str) for key in data):
        return YamlDocument(data, text=text), []
    return _read_carefully(text, display_name)


def _read_carefully(text: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Compose nodes and convert them by hand: every line known, every duplicate key reported."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(display_name, 1, "(document)", "file is empty: expected a mapping of fields")]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message += " (tabs cannot indent YAML; use spaces)"
        return None, [Problem(display_name, line, "(syntax)", f"YAML syntax error: {message}")]
    except yaml.YAMLError as err:
        return None, [Problem(display_name, 1, "(syntax)", f"YAML error: {err}")]
    converter = _Converter(display_name)
    data = converter.convert(node, ())
    if not isinstance(data, dict):
        line = node.start_mark.line + 1
        return None, [Problem(display_name, line, "(document)", f"expected a mapping of fields, found {type(data).__name__}")]
    return YamlDocument(data, converter.lines), converter.problems


# files per task sent to a reader process: big enough that a task's overhead
# stays small, small enough that the caller starts on the first results
# within milliseconds (with 250, it waited 40 ms at 10,000 files)
_FILES_PER_TASK = 100


def _read_chunk(files: Sequence[tuple[str, str]]) -> list[ReadResult]:
    return [read_yaml(path, name) for path, name in files]


def read_yaml_files(
    files: Sequence[tuple[str, str]], pool: multiprocessing.pool.Pool | None, *, own_share: float = 0.0
) -> Iterator[ReadResult]:
    """Read many files (path, display name); give their results in the files' order.

    With a pool, its forked workers read and parse while the caller does other
    work (and then validates what they send back): parsing was half of loading
    10,000 files, and it needs nothing but the file. The caller reads the
    first ``own_share`` of the files itself, while the workers start on the
    rest. The results are the same as ``read_yaml`` file by file, which is
    what runs without a pool.
    """
    if pool is None:
        return (read_yaml(path, name) for path, name in files)
    own = int(len(files) * own_share)
    tasks = [files[start : start + _FILES_PER_TASK] for start in range(own, len(files), _FILES_PER_TASK)]
    from_workers = workers.imap_results(pool, _read_chunk, tasks)
    return itertools.chain((read_yaml(path, name) for path, name in files[:own]), itertools.chain.from_iterable(from_workers))

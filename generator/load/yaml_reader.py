"""Read one YAML file into plain data plus the line of every key and value.

PyYAML silently keeps the last of two equal keys and forgets where values
came from; contributors need both, so the file is composed into nodes (the
C parser when available) and converted by hand, recording each path's line.

That careful reading is slow (PyYAML builds Python objects for every node),
and lines are only needed to report a problem. So a file is first loaded
with yaml-rs, a Rust parser about ten times faster that refuses duplicate
keys; anything it refuses is read carefully, and a file's line map is built
from PyYAML's nodes only when a problem in it must be located.

Both readers give a value one meaning: YAML 1.2's core schema as yaml-rs
reads it (``no`` and ``on`` are text, ``012`` is twelve, ``0o12`` is ten,
and a date is text too: the core schema has no timestamps, and the models
parse their date fields, so a quoted date cannot turn into a date object).
PyYAML only knows YAML 1.1, so the careful reader composes nodes without
resolving any scalar and asks yaml-rs what each plain or tagged scalar means.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

from ..problems import Problem
from ..runner import IN_PROCESS, Runner

try:  # the C parser is several times faster; fall back where libyaml is missing
    _Parser: type = yaml.CParser
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Parser = yaml.parser.Parser

# The tag given to every plain scalar while composing: its meaning is left to yaml-rs.
_PLAIN = "!mdc-plain"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _UnresolvedResolver(yaml.resolver.BaseResolver):
    """Resolves nothing the YAML 1.1 way: plain scalars keep a tag of their own, quoted ones are text."""

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:  # noqa: ARG002 - the value does not decide
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


if _Parser is yaml.parser.Parser:  # pragma: no cover - pure-Python PyYAML

    class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _UnresolvedResolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _UnresolvedResolver.__init__(self)

else:

    class _Composer(yaml.CParser, _UnresolvedResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.CParser.__init__(self, stream)
            _UnresolvedResolver.__init__(self)


def _yaml12_scalar(node: yaml.ScalarNode) -> Any:
    """What yaml-rs makes of one scalar: the fast reader's meaning, for the careful one."""
    if node.tag == _STR and node.style is not None:  # quoted: text, whatever it looks like
        return node.value
    if node.tag == _PLAIN:
        source = f"v: {node.value}"
    else:  # an explicit tag: the value as a quoted string, under the same tag
        tag = "!!" + node.tag.removeprefix("tag:yaml.org,2002:") if node.tag.startswith("tag:yaml.org,2002:") else f"!<{node.tag}>"
        source = f"v: {tag} {json.dumps(node.value)}"
    try:
        return yaml_rs.loads(source, parse_datetime=False)["v"]
    except Exception:
        return node.value


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
    """PyYAML's node tree of one document (the C parser where available), no scalar resolved."""
    loader = _Composer(text)
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
    converter = _Converter("", values=False)
    converter.convert(node, ())
    return converter.lines


class _Converter:
    """Turns composed nodes into Python values, noting lines and duplicate keys."""

    def __init__(self, file: str, *, values: bool = True) -> None:
        self.file = file
        self.lines: dict[PathKey, int] = {}
        self.problems: list[Problem] = []
        self._values = values  # False: only the lines are wanted
        self._scalars: dict[tuple[str, int | None, str], Any] = {}  # one yaml-rs call per distinct scalar

    def scalar(self, node: yaml.ScalarNode, *, is_key: bool = False) -> Any:
        """The scalar's value under YAML 1.2 (None for values when only lines are wanted)."""
        if not self._values and not is_key:
            return None
        key = (node.tag, node.style, node.value)
        if key not in self._scalars:
            self._scalars[key] = _yaml12_scalar(node)
        return self._scalars[key]

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = self.scalar(key_node, is_key=True) if isinstance(key_node, yaml.ScalarNode) else None
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
    with open(path, "rb") as file:  # noqa: PTH123 - a plain path string: pathlib's overhead per file shows in large catalogs
        raw = file.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(display_name, line, "(encoding)", f"file is not UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded")]
    return read_yaml_text(text, display_name)


def read_yaml_text(text: str, display_name: str) -> ReadResult:
    """Parse one file's text (YAML 1.2): the fast reader first, the careful one when it refuses."""
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
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


# files per job handed to a runner's workers: big enough that a job's
# overhead stays small, small enough that the caller starts on the first
# results at once (with larger jobs it sat idle waiting for the first)
_FILES_PER_JOB = 100


def _read_chunk(files: Sequence[tuple[str, str]]) -> list[ReadResult]:
    return [read_yaml(path, name) for path, name in files]


def read_yaml_files(files: Sequence[tuple[str, str]], runner: Runner = IN_PROCESS) -> Iterator[ReadResult]:
    """Read many files (path, display name); give their results in the files' order.

    With workers, they read and parse while the caller does other work (and
    then validates what they send back): parsing was half of loading 10,000
    files, and it needs nothing but the file. The caller reads a share of the
    files itself meanwhile: taking in and validating a worker's result costs
    the caller about half what parsing costs a worker, and reading a file
    itself about as much as parsing, so with one worker a fifth of the files
    read here keeps both busy to the end. The results are the same as ``read_yaml``
    file by file.
    """
    if runner.processes < 2:
        return (read_yaml(path, name) for path, name in files)
    helpers = max(runner.processes - 1, 1)
    own = int(len(files) / (1 + 4 * helpers))
    jobs = [functools.partial(_read_chunk, files[start : start + _FILES_PER_JOB]) for start in range(own, len(files), _FILES_PER_JOB)]
    from_workers = runner.run(jobs, beside_caller=True)
    return itertools.chain((read_yaml(path, name) for path, name in files[:own]), itertools.chain.from_iterable(from_workers))

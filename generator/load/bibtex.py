"""Read ``catalog/references.bib`` with bibtexparser (a maintained parser, not regexes)."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock

from ..models import Reference
from ..problems import Problem

REQUIRED_FIELDS = ("author", "title", "year")


def read_bibliography(path: Path, display_name: str) -> tuple[dict[str, Reference], list[Problem]]:
    """Parse the .bib file; return references by key and the problems found."""
    problems: list[Problem] = []
    if not path.is_file():
        return {}, [Problem(display_name, 1, "(file)", "references.bib is missing")]
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raw = path.read_bytes()
        line = raw[: err.start].count(b"\n") + 1
        return {}, [Problem(display_name, line, "(encoding)", "file is not UTF-8")]
    library = bibtexparser.parse_string(text)
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(Problem(display_name, line, block.key, "duplicate BibTeX key; keys must be unique"))
        else:
            problems.append(Problem(display_name, line, "(syntax)", f"BibTeX entry could not be parsed: {block.error}"))
    references: dict[str, Reference] = {}
    for entry in library.entries:
        line = entry.start_line + 1
        fields = {f.key.lower(): str(f.value).strip() for f in entry.fields}
        for name in REQUIRED_FIELDS:
            if not fields.get(name):
                problems.append(Problem(display_name, line, f"{entry.key}.{name}", f"BibTeX entry has no {name}"))
        url = fields.get("url")
        if url and not url.startswith(("http://", "https://")):
            problems.append(Problem(display_name, line, f"{entry.key}.url", "only http and https URLs are allowed"))
        references[entry.key] = Reference(key=entry.key, entry_type=entry.entry_type.lower(), fields=fields, bibtex=entry.raw.strip())
    return references, problems

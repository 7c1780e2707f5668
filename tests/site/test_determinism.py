"""The same catalog gives byte-identical Markdown and exports, and identical HTML but for MkDocs' own stamps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import CATALOG, build_site

pytestmark = pytest.mark.slow

# MkDocs stamps the build date into the sitemap (and its gzip); nothing else may differ.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(tmp_path, site):
    first_site = site
    second_site = build_site(CATALOG, tmp_path)
    first_docs, second_docs = files(first_site.parent / "build" / "docs"), files(tmp_path / "build" / "docs")
    assert first_docs == second_docs
    first, second = files(first_site), files(second_site)
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    assert set(differing) <= STAMPED, differing
    if "sitemap.xml" in differing:
        strip = re.compile(rb"<lastmod>[^<]*</lastmod>")
        assert strip.sub(b"", first["sitemap.xml"]) == strip.sub(b"", second["sitemap.xml"])

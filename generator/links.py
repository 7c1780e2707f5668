"""Where each generated page lives, and relative links between pages.

Links inside raw HTML are not rewritten by MkDocs, so the generator writes
them relative to the page (the site then works under any base path, such as
a GitHub Pages project folder).
"""

from __future__ import annotations

import posixpath


def dataset_page(slug: str) -> str:
    """Source path of a dataset page in the docs tree."""
    return f"datasets/{slug}.md"


def category_page(slug: str) -> str:
    """Source path of a category page in the docs tree."""
    return f"categories/{slug}.md"


def url_of(source_path: str) -> str:
    """Directory URL MkDocs gives a source path (``use_directory_urls``), relative to the site root."""
    if source_path == "index.md":
        return ""
    stem = source_path.removesuffix(".md")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return stem + "/"


def relative(from_source: str, to: str) -> str:
    """Link from the page built from ``from_source`` to ``to`` (a source .md path or a site file)."""
    target = url_of(to) if to.endswith(".md") else to
    base = url_of(from_source)
    rel = posixpath.relpath("/" + target, "/" + base) if target else posixpath.relpath("/", "/" + base)
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            return "./"
    return rel

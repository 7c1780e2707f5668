"""Every URL shape of the site in one place: pages, redirects, data files, edit links.

Pages are named by their source path in the docs tree (``datasets/<slug>.md``);
MkDocs gives each a directory URL (``datasets/<slug>/``). Links inside raw
HTML are not rewritten by MkDocs, so the generator writes them relative to
the page (the site then works under any base path, such as a GitHub Pages
project folder). Templates, the renderer, the exports and the statistics
script take ready-made paths from here instead of spelling them out.
"""

from __future__ import annotations

import posixpath

from .models import Repository

DATASETS_FOLDER = "datasets/"
CATEGORIES_FOLDER = "categories/"
CATALOG_DATASETS_FOLDER = "catalog/datasets/"

HOME_PAGE = "index.md"
STATISTICS_PAGE = "statistics.md"
ABOUT_PAGE = "about.md"
CONTRIBUTING_PAGE = "contributing.md"
CHANGELOG_PAGE = "changelog.md"
# the write-up's Table 1, with the corrections beside its values
WRITE_UP_PAGE = "write-up.md"

# Data files at fixed URLs (published formats; see the README).
DATASETS_JSON = "data/datasets.json"
DATASETS_CSV = "data/datasets.csv"
REFERENCES_BIB = "data/references.bib"
SCHEMA_JSON = "data/schema.json"
# The statistics page's own data, read by its script; not a published format.
STATISTICS_ROWS = "data/statistics-rows.json"
STATISTICS_DOWNLOADS = "data/statistics-downloads.json"
ROBOTS_TXT = "robots.txt"
# Croissant metadata: the collection's at the root, each dataset's beside its page
COLLECTION_CROISSANT = "croissant.json"
CROISSANT_FILE = "croissant.json"
# the compare page: one static page for any selection of datasets (compare/?d=a,b)
COMPARE_PAGE = "compare.md"
COMPARE_FILE = "compare.json"
SITEMAP = "sitemap.xml"


def dataset_page(slug: str) -> str:
    """Source path of a dataset page in the docs tree."""
    return f"{DATASETS_FOLDER}{slug}.md"


def category_page(slug: str) -> str:
    """Source path of a category page in the docs tree."""
    return f"{CATEGORIES_FOLDER}{slug}.md"


def dataset_croissant(slug: str) -> str:
    """A dataset's Croissant file, in its page's folder (``datasets/<slug>/croissant.json``)."""
    return f"{DATASETS_FOLDER}{slug}/{CROISSANT_FILE}"


def dataset_compare_data(slug: str) -> str:
    """What the compare page shows of a dataset, beside its page (``datasets/<slug>/compare.json``)."""
    return f"{DATASETS_FOLDER}{slug}/{COMPARE_FILE}"


def doi(value: str) -> str:
    """A DOI as a resolvable address."""
    return f"https://doi.org/{value}"


def licence_file(repository: Repository) -> str:
    """The repository's LICENSE file on its host (the catalog's own terms)."""
    return f"{repository.url}/blob/{repository.branch}/LICENSE"


def dataset_redirect(former_slug: str) -> str:
    """The static redirect page left at a dataset's former URL."""
    return f"{DATASETS_FOLDER}{former_slug}/index.html"


def category_redirect(former_slug: str) -> str:
    """The static redirect page left at a category's former URL."""
    return f"{CATEGORIES_FOLDER}{former_slug}/index.html"


def catalog_file(slug: str) -> str:
    """A dataset's file in the repository, as contributors know it."""
    return f"{CATALOG_DATASETS_FOLDER}{slug}.yaml"


def edit_link(repository: Repository, slug: str) -> str:
    """The repository host's editor for a dataset's catalog file."""
    return f"{repository.url}/edit/{repository.branch}/{catalog_file(slug)}"


def catalog_file_at(repository: Repository, ref: str, slug: str) -> str:
    """A dataset's file as it was at a tag or commit, on the repository host."""
    return f"{repository.url}/blob/{ref}/{catalog_file(slug)}"


def compare_link(repository: Repository, old_ref: str, new_ref: str) -> str:
    """Every change between two tags or commits, on the repository host."""
    return f"{repository.url}/compare/{old_ref}...{new_ref}"


def url_of(source_path: str) -> str:
    """Directory URL MkDocs gives a source path (``use_directory_urls``), relative to the site root."""
    if source_path == HOME_PAGE:
        return ""
    stem = source_path.removesuffix(".md")
    if stem.endswith("/index"):
        stem = stem.removesuffix("/index")
    return stem + "/"


def dataset_url(slug: str) -> str:
    """A dataset page's URL below the site root (what the exports give as ``page``)."""
    return url_of(dataset_page(slug))


def absolute(site_url: str, source_path: str) -> str:
    """Canonical address of a page or site file."""
    return site_url + (url_of(source_path) if source_path.endswith(".md") else source_path)


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


def redirect_source(redirect_path: str) -> str:
    """Where MkDocs would have put the page whose URL a redirect file keeps (for relative links from it)."""
    return redirect_path.removesuffix("index.html") + "index.md"

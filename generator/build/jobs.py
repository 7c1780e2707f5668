"""The docs tree as a list of jobs, and running them: every page and data file of one build.

Each job is a plain callable that returns some files of the tree as bytes
(encoded where it runs, so a worker's parent only merges). Rendering happens
in memory; nothing is written here (see ``output.py``), so a template error
can never leave half a site behind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from .. import urls
from ..export import croissant
from ..export import datasets as export
from ..export.schema import schema_texts
from ..models import Catalog
from ..render import pages
from ..render import escaping
from ..render.compare import compare_record
from ..render.pages import Renderer
from ..runner import IN_PROCESS, Runner

Files = dict[str, str]
Job = Callable[[], dict[str, bytes]]


def json_export(renderer: Renderer) -> Files:
    """The JSON export (a job of its own: at 10,000 datasets it is as long as a chunk of dataset pages)."""
    return {urls.DATASETS_JSON: export.to_json(renderer.catalog)}


def data_files(renderer: Renderer) -> Files:
    """The other data exports and robots.txt."""
    catalog = renderer.catalog
    lines = export.csv_lines(catalog)
    site_url = catalog.collection.site_url
    return {
        urls.DATASETS_CSV: export.to_csv(catalog, lines),
        urls.REFERENCES_BIB: export.to_bibtex(catalog),
        urls.SCHEMA_JSON: schema_texts()["dataset.schema.json"],
        urls.STATISTICS_DOWNLOADS: export.statistics_downloads(catalog, lines),
        urls.COLLECTION_CROISSANT: croissant.to_json(croissant.collection_croissant(catalog)),
        urls.ROBOTS_TXT: f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(site_url, urls.SITEMAP)}\n",
    }


def dataset_pages(renderer: Renderer, start: int, stop: int) -> Files:
    """The pages and Croissant files of the catalog's datasets ``start`` to ``stop`` (in display order)."""
    files: Files = {}
    for dataset in renderer.catalog.datasets[start:stop]:
        files[urls.dataset_page(dataset.slug)] = renderer.dataset_page(dataset)
        files[urls.dataset_croissant(dataset.slug)] = croissant.to_json(croissant.dataset_croissant(renderer.catalog, dataset, renderer.reference_texts))
        files[urls.dataset_compare_data(dataset.slug)] = escaping.compact_json(compare_record(renderer.catalog, dataset)) + "\n"
    return files


def _encoded(make: Callable[[Renderer], Files], renderer: Renderer) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in make(renderer).items()}


def jobs(renderer: Renderer, chunks: int) -> list[Job]:
    """The whole tree as jobs, the longest first, so that workers finish together; dataset pages in ``chunks`` parts."""
    count = len(renderer.catalog.datasets)
    step = max(1, -(-count // chunks))
    parts: list[Callable[[Renderer], Files]] = [pages.table_pages, data_files, json_export]
    parts += [functools.partial(dataset_pages, start=start, stop=min(start + step, count)) for start in range(0, count, step)]
    parts += [pages.home_page, pages.text_pages]
    return [functools.partial(_encoded, make, renderer) for make in parts]


# Small chunks of dataset pages: whichever worker finishes first takes the
# next, so the workers end within a fraction of a chunk of each other.
CHUNKS_PER_WORKER = 12


def render_tree(catalog: Catalog, templates_dir: Path, runner: Runner = IN_PROCESS) -> dict[str, bytes]:
    """Every file of the docs tree: relative POSIX path → bytes, the jobs run by ``runner``.

    With workers, templates are compiled by each worker on first use, not
    here before the fork: compiling all of them kept one core busy while the
    other waited, where a worker compiles only what its jobs use, in parallel.
    """
    renderer = Renderer(catalog, templates_dir)
    chunks = 1 if runner.processes < 2 else runner.processes * CHUNKS_PER_WORKER
    files: dict[str, bytes] = {}
    for part in runner.run(jobs(renderer, chunks), ordered=False):
        files.update(part)
    return dict(sorted(files.items()))

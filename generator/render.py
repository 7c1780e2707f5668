"""Render the docs tree (Markdown pages and data exports) from a Catalog.

Rendering happens in memory; nothing is written here (see ``output.py``),
so a template error can never leave half a site behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import charts, citations, escaping, export, figures, links, structured_data
from .models import Access, Catalog, Dataset, Task
from .schema import schema_texts


@dataclass(frozen=True)
class PageContext:
    """What every template may use besides its own data."""

    catalog: Catalog
    source: str  # the page's own source path, for relative links

    def link(self, to: str) -> str:
        """Relative URL from this page to ``to`` (through the site root: one computation per page, not per link)."""
        target = links.url_of(to) if to.endswith(".md") else to
        return (self.root + target) or "./"

    @cached_property
    def root(self) -> str:
        """Relative URL of the site root from this page ("" for the home page)."""
        return "" if self.source == "index.md" else links.relative(self.source, "index.md")


UNKNOWN = Markup('<span class="mdc-unknown">{}</span>').format(figures.NOT_REPORTED)


def or_unknown(value: object) -> Markup:
    """The value as text, or the explicit "not reported" marker."""
    return UNKNOWN if value is None or value == "" else escape(value)


def ext_link(url: str, text: object) -> Markup:
    """A link to another site (catalog URLs are validated http(s))."""
    return Markup('<a href="{}" rel="noopener">{}</a>').format(url, text)


ERRATUM_MARK = Markup('<span class="mdc-erratum">corrected: the collection gives “{}” (<a href="#errata">erratum</a>)</span>')


def erratum_marks(dataset: Dataset) -> dict[str, Markup]:
    """Per corrected field, the note shown next to the figure (the errata list below gives the source)."""
    marks: dict[str, Markup] = {}
    for erratum in dataset.errata:
        marks[erratum.field] = marks.get(erratum.field, Markup("")) + ERRATUM_MARK.format(erratum.collection_value or "nothing")
    return marks


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja environment: autoescape everywhere, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=escaping.markdown_text,
        fm=escaping.front_matter_value,
        fm_data=escaping.front_matter_data,
        json_script=escaping.json_for_script,
        number=figures.number,
        frame_size=figures.frame_size,
        classes_detail=figures.classes_detail,
        plural=figures.plural,
        or_unknown=or_unknown,
    )
    env.globals.update(
        UNKNOWN=UNKNOWN,
        ext_link=ext_link,
        figures=figures,
        links=links,
        citation_text=citations.citation_text,
    )
    return env


def _description_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def summary(text: str, limit: int = 160) -> str:
    """First sentence(s) of a description, cut at a word boundary, for meta descriptions."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def statistics_filters(catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """Choices of the statistics filters (value, label): only values the catalog uses."""
    used_access = {d.access for d in catalog.datasets}
    return {
        "category_options": [(c.slug, c.title) for c in catalog.collection.categories],
        "modality_options": [(m, m) for m in sorted({d.modality for d in catalog.datasets}, key=str.casefold)],
        "task_options": [(t.value, figures.TASK_LABELS[t]) for t in Task if any(t in d.tasks for d in catalog.datasets)],
        "access_options": [(a.value, figures.ACCESS_LABELS[a.value].capitalize()) for a in Access if a in used_access],
        "commercial_options": [("allowed", "Allowed"), ("not-allowed", "Not allowed"), ("unknown", "Unknown")],
    }


SIBLINGS_SHOWN = 10


def neighbours(members: list[Dataset], position: int, limit: int = SIBLINGS_SHOWN) -> list[Dataset]:
    """Up to ``limit`` other datasets of a category, those next to ``position`` in name order.

    A page lists a bounded number of siblings so that its size, and the number
    of pages a change to one dataset rewrites, stay flat as categories grow;
    the category page lists them all.
    """
    others = len(members) - 1
    if others <= limit:
        return [m for i, m in enumerate(members) if i != position]
    before = limit // 2
    start = min(max(position - before, 0), len(members) - limit - 1)
    return [m for m in members[start : start + limit + 1] if m is not members[position]]


class Renderer:
    """Renders pages of one catalog with one Jinja environment."""

    def __init__(self, catalog: Catalog, templates_dir: Path) -> None:
        self.catalog = catalog
        self.env = make_environment(templates_dir)
        collection = catalog.collection
        self.positions = {d.slug: i for c in collection.categories for i, d in enumerate(catalog.in_category(c.slug))}
        self.edit_base = f"{collection.repository.url}/edit/{collection.repository.branch}/catalog/datasets/"

    def page(self, source: str, template: str, **data: Any) -> str:
        """One Markdown page."""
        ctx = PageContext(self.catalog, source)
        return self.env.get_template(template).render(ctx=ctx, catalog=self.catalog, collection=self.catalog.collection, **data)

    def dataset_page(self, dataset: Dataset) -> str:
        """The page of one dataset."""
        catalog = self.catalog
        category = catalog.category(dataset.category)
        members = catalog.in_category(category.slug)
        return self.page(
            links.dataset_page(dataset.slug),
            "dataset.md.j2",
            d=dataset,
            category=category,
            siblings=neighbours(members, self.positions[dataset.slug]),
            category_size=len(members),
            marks=erratum_marks(dataset),
            paragraphs=_description_paragraphs(dataset.description),
            meta_description=summary(dataset.description),
            references=[catalog.references[k] for k in dataset.references],
            edit_url=f"{self.edit_base}{dataset.slug}.yaml",
            json_ld=structured_data.dataset_json_ld(catalog, dataset),
            last_updated=catalog.last_updated.get(dataset.slug),
        )

    def redirect(self, old_path: str, new_source: str, name: str) -> str:
        """A static page at a former URL that sends readers (and search engines) to the current one."""
        old_page = old_path.removesuffix("index.html") + "index.md"  # where MkDocs would have put it
        canonical = self.catalog.collection.site_url + links.url_of(new_source)
        return self.env.get_template("redirect.html.j2").render(target=links.relative(old_page, new_source), canonical=canonical, name=name)


# Dataset pages are most of the work; above this many they are rendered in
# forked worker processes (one per core), which inherit the loaded catalog.
PARALLEL_MIN_DATASETS = 2000
_FORKED: tuple[Catalog, Path] | None = None


def _render_chunk(bounds: tuple[int, int]) -> list[tuple[str, str]]:
    assert _FORKED is not None
    catalog, templates_dir = _FORKED
    renderer = Renderer(catalog, templates_dir)
    return [(links.dataset_page(d.slug), renderer.dataset_page(d)) for d in catalog.datasets[bounds[0] : bounds[1]]]


@contextlib.contextmanager
def dataset_pages(catalog: Catalog, templates_dir: Path, renderer: Renderer) -> Iterator[Callable[[], dict[str, str]]]:
    """Every dataset page: in this process for small catalogs, across the cores for large ones.

    Yields a function that returns the pages; in the parallel case the
    workers run while the caller renders the other pages, and the function
    waits for them.
    """
    count = len(catalog.datasets)
    workers = min(os.cpu_count() or 1, 8)
    if count < PARALLEL_MIN_DATASETS or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: {links.dataset_page(d.slug): renderer.dataset_page(d) for d in catalog.datasets}
        return
    global _FORKED
    _FORKED = (catalog, templates_dir)
    try:
        step = -(-count // (workers * 4))
        chunks = [(start, min(start + step, count)) for start in range(0, count, step)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = pool.map_async(_render_chunk, chunks)
            yield lambda: dict(item for chunk in pending.get() for item in chunk)
    finally:
        _FORKED = None


def render_tree(catalog: Catalog, templates_dir: Path) -> dict[str, bytes]:
    """Every file of the docs tree: relative POSIX path → bytes."""
    renderer = Renderer(catalog, templates_dir)
    with dataset_pages(catalog, templates_dir, renderer) as collect_dataset_pages:
        files = _other_files(catalog, renderer)
        files.update(collect_dataset_pages())
    return {path: text.encode("utf-8") for path, text in sorted(files.items())}


def _other_files(catalog: Catalog, renderer: Renderer) -> dict[str, str]:
    """Home, category, statistics, about and contributing pages, redirects and data exports."""
    collection = catalog.collection
    site_url = collection.site_url
    rows = {d.slug: figures.table_row(d) for d in catalog.datasets}
    known_totals = [d.images.best_total for d in catalog.datasets if d.images.best_total is not None]
    all_charts = charts.all_charts(catalog)  # the home page shows the statistics page's images chart
    files: dict[str, str] = {}
    files["index.md"] = renderer.page(
        "index.md",
        "index.md.j2",
        image_total=sum(known_totals),
        image_total_approximate=any(d.images.approximate for d in catalog.datasets if d.images.best_total is not None),
        datasets_with_counts=len(known_totals),
        images_chart=all_charts["images"],
        citation=citations.collection_citation(collection),
        bibtex=citations.collection_bibtex(collection),
        json_ld=structured_data.catalog_json_ld(catalog),
    )
    for dataset in catalog.datasets:
        for old in dataset.former_slugs:
            files[f"datasets/{old}/index.html"] = renderer.redirect(
                f"datasets/{old}/index.html", links.dataset_page(dataset.slug), dataset.name
            )
    for category in collection.categories:
        members = catalog.in_category(category.slug)
        source = links.category_page(category.slug)
        files[source] = renderer.page(source, "category.md.j2", category=category, datasets=members, rows=[rows[d.slug] for d in members])
        for old in category.former_slugs:
            files[f"categories/{old}/index.html"] = renderer.redirect(f"categories/{old}/index.html", source, category.title)
    files["statistics.md"] = renderer.page(
        "statistics.md",
        "statistics.md.j2",
        rows=[rows[d.slug] for d in catalog.datasets],
        category_titles={c.slug: c.title for c in collection.categories},
        charts=all_charts,
        **statistics_filters(catalog),
    )
    files["about.md"] = renderer.page("about.md", "about.md.j2", errata=[(d, e) for d in catalog.datasets for e in d.errata])
    files["contributing.md"] = renderer.page("contributing.md", "contributing.md.j2")

    files["data/datasets.json"] = export.to_json(catalog)
    lines = export.csv_lines(catalog)
    files["data/datasets.csv"] = export.to_csv(catalog, lines)
    files["data/references.bib"] = export.to_bibtex(catalog)
    files["data/schema.json"] = schema_texts()["dataset.schema.json"]
    files["data/statistics-downloads.json"] = export.statistics_downloads(catalog, lines)
    files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
    return files

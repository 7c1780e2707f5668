"""Render the docs tree (Markdown pages and data exports) from a Catalog.

Rendering happens in memory; nothing is written here (see ``output.py``),
so a template error can never leave half a site behind.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import charts, citations, escaping, export, figures, links, structured_data, workers
from .escaping import html_text
from .fragments import move_to_front_matter
from .gc_pause import collector_paused
from .markup import ext_link, or_unknown
from .models import Access, Catalog, Dataset, Reference, Task
from .schema import schema_texts
from .summary import summary_table_body


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
        # each page is a folder (directory URLs), so the root is one "../" per level
        return "../" * links.url_of(self.source).count("/")


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja environment: autoescape everywhere, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # a build never edits templates (watch makes a new environment), so skip a stat per page
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=escaping.markdown_text,
        fm=escaping.front_matter_value,
        fm_script_json=escaping.front_matter_script_json,
        json_script=escaping.json_for_script,
        number=figures.number,
        plural=figures.plural,
        or_unknown=or_unknown,
    )
    env.globals.update(
        ext_link=ext_link,
        figures=figures,
        links=links,
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
        self._sibling_items: dict[str, str] = {}
        self._citation_bodies: dict[str, str] = {}

    def page(self, source: str, template: str, ctx: PageContext | None = None, **data: Any) -> str:
        """One Markdown page."""
        ctx = ctx or PageContext(self.catalog, source)
        text = self.env.get_template(template).render(ctx=ctx, catalog=self.catalog, collection=self.catalog.collection, **data)
        return move_to_front_matter(text)

    def dataset_page(self, dataset: Dataset) -> str:
        """The page of one dataset."""
        catalog = self.catalog
        category = catalog.category(dataset.category)
        members = catalog.in_category(category.slug)
        source = links.dataset_page(dataset.slug)
        ctx = PageContext(catalog, source)
        # links computed here, not by the template: a call from a template costs several times more
        category_href = ctx.link(links.category_page(category.slug))
        siblings = neighbours(members, self.positions[dataset.slug])
        return self.page(
            source,
            "dataset.md.j2",
            ctx,
            d=dataset,
            category=category,
            category_href=category_href,
            summary=summary_table_body(dataset, category, category_href),
            sibling_items=Markup("".join(self.sibling_item(ctx, s) for s in siblings)),  # noqa: S704 - items escape their values
            sibling_count=len(siblings),
            category_size=len(members),
            paragraphs=_description_paragraphs(dataset.description),
            meta_description=summary(dataset.description),
            citations=self.citations([catalog.references[k] for k in dataset.references]),
            edit_url=f"{self.edit_base}{dataset.slug}.yaml",
            json_ld=structured_data.dataset_json_ld(catalog, dataset),
            last_updated=catalog.last_updated.get(dataset.slug),
        )

    def sibling_item(self, ctx: PageContext, sibling: Dataset) -> str:
        """A sibling's ``<li>`` on a dataset page (HTML): made once per dataset, as it reads the same on every dataset page.

        (Dataset pages all sit at the same depth, so the relative link is the same too.)
        """
        item = self._sibling_items.get(sibling.slug)
        if item is None:
            href = ctx.link(links.dataset_page(sibling.slug))
            target = f", {html_text(sibling.target)}" if sibling.target else ""
            item = f'<li><a href="{html_text(href)}">{html_text(sibling.name)}</a>: {html_text(sibling.modality)}{target}</li>\n'
            self._sibling_items[sibling.slug] = item
        return item

    def citations(self, references: list[Reference]) -> Markup:
        """Each reference's citation (plain text, then BibTeX), labelled and numbered when there are several (HTML).

        Built here, not by the template: as a template loop this was a quarter of a
        dataset page's template time, and many datasets cite the same paper, so
        each reference's entry is made once per process.
        """
        parts = []
        for number, reference in enumerate(references, start=1):
            label = f" {number}" if len(references) > 1 else ""
            body = self._citation_bodies.get(reference.key)
            if body is None:
                body = self._citation_bodies[reference.key] = (
                    f'<pre class="mdc-citation-text"><code>{html_text(citations.citation_text(reference))}</code></pre>\n'
                    '<p class="mdc-citation-label">BibTeX:</p>\n'
                    f'<pre><code class="language-bibtex">{html_text(reference.bibtex)}</code></pre>\n'
                )
            parts += [f'<p class="mdc-citation-label">Citation{label} (plain text):</p>\n', body]
        return Markup("".join(parts))  # noqa: S704 - the citation text and BibTeX are escaped

    def redirect(self, old_path: str, new_source: str, name: str) -> str:
        """A static page at a former URL that sends readers (and search engines) to the current one."""
        old_page = old_path.removesuffix("index.html") + "index.md"  # where MkDocs would have put it
        canonical = self.catalog.collection.site_url + links.url_of(new_source)
        return self.env.get_template("redirect.html.j2").render(target=links.relative(old_page, new_source), canonical=canonical, name=name)


def home_page(renderer: Renderer) -> dict[str, str]:
    """The home page."""
    catalog = renderer.catalog
    known_totals = [d.images.best_total for d in catalog.datasets if d.images.best_total is not None]
    return {
        "index.md": renderer.page(
            "index.md",
            "index.md.j2",
            image_total=sum(known_totals),
            image_total_approximate=any(d.images.approximate for d in catalog.datasets if d.images.best_total is not None),
            datasets_with_counts=len(known_totals),
            images_chart=charts.images_chart(catalog),
            citation=citations.collection_citation(catalog.collection),
            bibtex=citations.collection_bibtex(catalog.collection),
            json_ld=structured_data.catalog_json_ld(catalog),
        )
    }


def table_pages(renderer: Renderer) -> dict[str, str]:
    """The category pages (with redirects from former slugs) and the statistics page: the pages with tables."""
    catalog = renderer.catalog
    collection = catalog.collection
    rows = {d.slug: figures.table_row(d) for d in catalog.datasets}
    files: dict[str, str] = {}
    for category in collection.categories:
        members = catalog.in_category(category.slug)
        source = links.category_page(category.slug)
        files[source] = renderer.page(source, "category.md.j2", category=category, datasets=members, rows=[rows[d.slug] for d in members])
        for old in category.former_slugs:
            old_path = f"categories/{old}/index.html"
            files[old_path] = renderer.redirect(old_path, source, category.title)
    all_rows = [rows[d.slug] for d in catalog.datasets]
    category_titles = {c.slug: c.title for c in collection.categories}
    files["statistics.md"] = renderer.page(
        "statistics.md",
        "statistics.md.j2",
        rows=all_rows[:STATISTICS_PAGE_ROWS],
        total=len(all_rows),
        page_rows=STATISTICS_PAGE_ROWS,
        category_titles=category_titles,
        charts=charts.all_charts(catalog),
        **statistics_filters(catalog),
    )
    files[STATISTICS_ROWS_FILE] = statistics_rows(all_rows, category_titles)
    return files


# The statistics page's HTML holds the first rows, the script pages through
# all of them from a JSON file: a 10,000-row table in the HTML took a browser
# 20 s to parse before the page could be used.
STATISTICS_PAGE_ROWS = 100
STATISTICS_ROWS_FILE = "data/statistics-rows.json"
STATISTICS_ROW_FIELDS = [field.name for field in dataclasses.fields(figures.TableRow)]
_row_values = operator.attrgetter(*STATISTICS_ROW_FIELDS)


def statistics_rows(rows: list[figures.TableRow], category_titles: dict[str, str]) -> str:
    """Every statistics row as data for the page's script: field names once, then one list of values per row."""
    data = {
        "fields": STATISTICS_ROW_FIELDS,
        "category_titles": category_titles,
        "rows": [_row_values(row) for row in rows],
    }
    return escaping.compact_json(data) + "\n"


def text_pages(renderer: Renderer) -> dict[str, str]:
    """About and contributing pages, and redirects from datasets' former slugs."""
    catalog = renderer.catalog
    files = {
        "about.md": renderer.page("about.md", "about.md.j2", errata=[(d, e) for d in catalog.datasets for e in d.errata]),
        "contributing.md": renderer.page("contributing.md", "contributing.md.j2"),
    }
    for dataset in catalog.datasets:
        for old in dataset.former_slugs:
            old_path = f"datasets/{old}/index.html"
            files[old_path] = renderer.redirect(old_path, links.dataset_page(dataset.slug), dataset.name)
    return files


def json_export(renderer: Renderer) -> dict[str, str]:
    """The JSON export (a job of its own: at 10,000 datasets it is as long as a chunk of dataset pages)."""
    return {"data/datasets.json": export.to_json(renderer.catalog)}


def data_files(renderer: Renderer) -> dict[str, str]:
    """The other data exports and robots.txt."""
    catalog = renderer.catalog
    lines = export.csv_lines(catalog)
    return {
        "data/datasets.csv": export.to_csv(catalog, lines),
        "data/references.bib": export.to_bibtex(catalog),
        "data/schema.json": schema_texts()["dataset.schema.json"],
        "data/statistics-downloads.json": export.statistics_downloads(catalog, lines),
        "robots.txt": f"User-agent: *\nAllow: /\n\nSitemap: {catalog.collection.site_url}sitemap.xml\n",
    }


@dataclass(frozen=True)
class Job:
    """One independent piece of the docs tree: a function of the renderer, or a range of dataset pages."""

    make: Callable[[Renderer], dict[str, str]] | None = None
    datasets: tuple[int, int] = (0, 0)

    def run(self, renderer: Renderer) -> dict[str, bytes]:
        """The job's files, encoded (in a worker, so the parent only merges)."""
        if self.make is not None:
            files = self.make(renderer)
        else:
            start, stop = self.datasets
            files = {links.dataset_page(d.slug): renderer.dataset_page(d) for d in renderer.catalog.datasets[start:stop]}
        return {path: text.encode("utf-8") for path, text in files.items()}


def jobs(catalog: Catalog, chunks: int) -> list[Job]:
    """The whole tree as jobs, the longest first, so that workers finish together."""
    count = len(catalog.datasets)
    step = max(1, -(-count // chunks))
    pages = [Job(datasets=(start, min(start + step, count))) for start in range(0, count, step)]
    return [Job(table_pages), Job(data_files), Job(json_export), *pages, Job(home_page), Job(text_pages)]


# Small chunks of dataset pages: whichever worker finishes first takes the
# next, so the workers end within a fraction of a chunk of each other.
CHUNKS_PER_WORKER = 12
# Large catalogs render in forked workers (workers.py), which inherit the
# renderer and its jobs through this global; each job returns its files' bytes.
_FORKED: tuple[Renderer, list[Job]] | None = None


def _run_forked(index: int) -> dict[str, bytes]:
    assert _FORKED is not None
    renderer, todo = _FORKED
    return todo[index].run(renderer)


def render_tree(catalog: Catalog, templates_dir: Path) -> dict[str, bytes]:
    """Every file of the docs tree: relative POSIX path → bytes (in this process, or across the cores for large catalogs)."""
    with collector_paused():
        return _render_tree(catalog, templates_dir)


def _render_tree(catalog: Catalog, templates_dir: Path) -> dict[str, bytes]:
    global _FORKED
    files: dict[str, bytes] = {}
    renderer = Renderer(catalog, templates_dir)
    if not workers.use_workers(len(catalog.datasets)):
        for job in jobs(catalog, 1):
            files.update(job.run(renderer))
    else:
        # Templates are compiled by each worker on first use, not here before
        # the fork: compiling all of them took 0.1 s that nothing ran beside,
        # while a worker compiles only what its jobs use, in parallel.
        todo = jobs(catalog, workers.worker_count() * CHUNKS_PER_WORKER)
        _FORKED = (renderer, todo)
        try:
            with workers.fork_pool() as pool:
                for part in workers.imap_results(pool, _run_forked, range(len(todo)), ordered=False):
                    files.update(part)
        finally:
            _FORKED = None
    return dict(sorted(files.items()))

"""The pages of the site, rendered from a Catalog with the templates: dataset, category, statistics and text pages.

Each page function returns source path → text; ``build.jobs`` decides what
runs where and puts the tree together.
"""

from __future__ import annotations

import dataclasses
import operator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import labels, urls
from ..models import (
    ACCESS_TERMS,
    DIMENSIONALITY_TERMS,
    ORIGIN_TERMS,
    TASK_TERMS,
    UNIT_TERMS,
    Access,
    Catalog,
    CatalogChange,
    CountUnit,
    Dataset,
    Dimensionality,
    FileFormat,
    Origin,
    Reference,
    Release,
    Task,
    Term,
)
from . import charts, citations, escaping, structured_data
from .audit import audit
from .environment import PageContext, make_environment
from .escaping import html_text
from .fragments import move_to_front_matter
from .summary_table import summary_table_body
from .table_rows import TableRow, table_row
from .write_up import COLUMNS as WRITE_UP_COLUMNS
from .write_up import write_up_table


def _description_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def meta_description(text: str, limit: int = 160) -> str:
    """First sentence(s) of a description, cut at a word boundary, for meta descriptions."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def vocabularies() -> dict[str, list[tuple[str, Term]]]:
    """Every fixed value with its label and meaning, for the Contributing page (each defined once, in the model)."""
    return {
        "origin_terms": [(o.value, ORIGIN_TERMS[o]) for o in Origin],
        "access_terms": [(a.value, ACCESS_TERMS[a]) for a in Access],
        "task_terms": [(t.value, TASK_TERMS[t]) for t in Task],
        "dimensionality_terms": [(d.value, DIMENSIONALITY_TERMS[d]) for d in Dimensionality],
        "unit_terms": [(u.value, Term(UNIT_TERMS[u].plural, UNIT_TERMS[u].meaning)) for u in CountUnit],
    }


def statistics_filters(catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """Choices of the statistics filters (value, label): only values the catalog uses."""
    used_access = {d.access for d in catalog.datasets}
    used_formats = {f for d in catalog.datasets if d.get_data for f in d.get_data.image_formats}
    used_units = {d.images.unit for d in catalog.datasets if d.images.unit and not d.images.is_unknown}
    used_shapes = {d.dimensionality for d in catalog.datasets if d.dimensionality}
    return {
        "origin_options": [(o.value, labels.ORIGIN_LABELS[o.value]) for o in Origin],
        "category_options": [(c.slug, c.title) for c in catalog.collection.categories],
        "modality_options": [(m, m) for m in sorted({d.modality for d in catalog.datasets}, key=str.casefold)],
        "task_options": [(t.value, labels.TASK_LABELS[t]) for t in Task if any(t in d.tasks for d in catalog.datasets)],
        "access_options": [(a.value, labels.ACCESS_LABELS[a.value].capitalize()) for a in Access if a in used_access],
        "commercial_options": [("allowed", "Allowed"), ("not-allowed", "Not allowed"), ("unknown", "Unknown")],
        "format_options": [(f.value, f.value) for f in FileFormat if f in used_formats],
        "unit_options": [(u.value, UNIT_TERMS[u].plural.capitalize()) for u in CountUnit if u in used_units],
        "dimensionality_options": [(d.value, labels.DIMENSIONALITY_LABELS[d.value]) for d in Dimensionality if d in used_shapes],
        "access_meanings": [(ACCESS_TERMS[a].label, ACCESS_TERMS[a].meaning) for a in Access],
        "all_tasks": [(t.value, labels.TASK_LABELS[t]) for t in Task],
        "all_shapes": [d.value for d in Dimensionality],
        "split_options": [("yes", "Yes"), ("no", "No"), ("unknown", "Unknown")],
        "loader_options": [("yes", "Yes"), ("no", "No")],
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
        self._sibling_items: dict[str, str] = {}
        # each write-up dataset's row in Table 1 (1-based), for its page
        table = catalog.write_up.rows if catalog.write_up else []
        self.write_up_rows = {row.dataset: number for number, row in enumerate(table, start=1)}
        self._citation_bodies: dict[str, str] = {}
        self.reference_texts = citations.ReferenceTexts()

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
        source = urls.dataset_page(dataset.slug)
        ctx = PageContext(catalog, source)
        # links computed here, not by the template: a call from a template costs several times more
        category_href = ctx.link(urls.category_page(category.slug))
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
            meta_description=meta_description(dataset.description),
            citations=self.citations([catalog.references[k] for k in dataset.references]),
            edit_url=urls.edit_link(catalog.collection.repository, dataset.slug),
            json_ld=structured_data.dataset_json_ld(catalog, dataset, self.reference_texts),
            last_updated=catalog.last_updated.get(dataset.slug),
            related=catalog.related(dataset.slug),
            cited=catalog.citations.datasets.get(dataset.slug),
            cited_on=catalog.citations.fetched_on,
            write_up_row=self.write_up_rows.get(dataset.slug),
        )

    def sibling_item(self, ctx: PageContext, sibling: Dataset) -> str:
        """A sibling's ``<li>`` on a dataset page (HTML): made once per dataset, as it reads the same on every dataset page.

        (Dataset pages all sit at the same depth, so the relative link is the same too.)
        """
        item = self._sibling_items.get(sibling.slug)
        if item is None:
            href = ctx.link(urls.dataset_page(sibling.slug))
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
                    f'<pre class="mdc-citation-text copy"><code>{html_text(self.reference_texts.citation(reference))}</code></pre>\n'
                    '<p class="mdc-citation-label">BibTeX:</p>\n'
                    f'<pre class="copy"><code class="language-bibtex">{html_text(reference.bibtex)}</code></pre>\n'
                )
            parts += [f'<p class="mdc-citation-label">Citation{label} (plain text):</p>\n', body]
        return Markup("".join(parts))  # noqa: S704 - the citation text and BibTeX are escaped

    def redirect(self, old_path: str, new_source: str, name: str) -> str:
        """A static page at a former URL that sends readers (and search engines) to the current one."""
        canonical = urls.absolute(self.catalog.collection.site_url, new_source)
        target = urls.relative(urls.redirect_source(old_path), new_source)
        return self.env.get_template("redirect.html.j2").render(target=target, canonical=canonical, name=name)


def home_page(renderer: Renderer) -> dict[str, str]:
    """The home page."""
    catalog = renderer.catalog
    # images only: a sum of images, slices and studies would add different things
    counted = [d for d in catalog.datasets if d.images.unit is CountUnit.image and d.images.best_total is not None]
    known_totals = [d.images.best_total for d in counted]
    return {
        urls.HOME_PAGE: renderer.page(
            urls.HOME_PAGE,
            "index.md.j2",
            image_total=sum(known_totals),
            image_total_approximate=any(d.images.approximate for d in counted),
            datasets_with_counts=len(known_totals),
            images_chart=charts.images_charts(catalog),
            citation=citations.collection_citation(catalog.collection),
            bibtex=citations.collection_bibtex(catalog.collection),
            json_ld=structured_data.catalog_json_ld(catalog),
            audit=audit(catalog),
            origin_counts=catalog.origin_counts,
        )
    }


def table_pages(renderer: Renderer) -> dict[str, str]:
    """The category pages (with redirects from former slugs) and the statistics page: the pages with tables."""
    catalog = renderer.catalog
    collection = catalog.collection
    counted = catalog.citations.datasets
    rows = {d.slug: table_row(d, counted[d.slug].cited_by if d.slug in counted else None) for d in catalog.datasets}
    files: dict[str, str] = {}
    for category in collection.categories:
        members = catalog.in_category(category.slug)
        source = urls.category_page(category.slug)
        files[source] = renderer.page(
            source,
            "category.md.j2",
            category=category,
            datasets=members,
            rows=[rows[d.slug] for d in members],
            wanted=catalog.wanted_in(category.slug),
        )
        for old in category.former_slugs:
            old_path = urls.category_redirect(old)
            files[old_path] = renderer.redirect(old_path, source, category.title)
    all_rows = [rows[d.slug] for d in catalog.datasets]
    category_titles = {c.slug: c.title for c in collection.categories}
    files[urls.STATISTICS_PAGE] = renderer.page(
        urls.STATISTICS_PAGE,
        "statistics.md.j2",
        rows=all_rows[:STATISTICS_PAGE_ROWS],
        total=len(all_rows),
        page_rows=STATISTICS_PAGE_ROWS,
        category_titles=category_titles,
        cited_on=catalog.citations.fetched_on,
        charts=charts.all_charts(catalog),
        **statistics_filters(catalog),
    )
    files[urls.STATISTICS_ROWS] = statistics_rows(all_rows, category_titles)
    return files


# The statistics page's HTML holds the first rows, the script pages through
# all of them from a JSON file: a table of thousands of rows in the HTML kept
# the browser parsing long before the page could be used (ARCHITECTURE.md).
STATISTICS_PAGE_ROWS = 100
STATISTICS_ROW_FIELDS = [field.name for field in dataclasses.fields(TableRow)]
_row_values = operator.attrgetter(*STATISTICS_ROW_FIELDS)


def statistics_rows(rows: list[TableRow], category_titles: dict[str, str]) -> str:
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
        urls.ABOUT_PAGE: renderer.page(
            urls.ABOUT_PAGE,
            "about.md.j2",
            audit=audit(catalog),
            errata=[(d, e) for d in catalog.datasets for e in d.errata],
            origin_counts=catalog.origin_counts,
        ),
        urls.CONTRIBUTING_PAGE: renderer.page(urls.CONTRIBUTING_PAGE, "contributing.md.j2", **vocabularies()),
        urls.CHANGELOG_PAGE: changelog_page(renderer),
        urls.COMPARE_PAGE: renderer.page(urls.COMPARE_PAGE, "compare.md.j2"),
    }
    if catalog.write_up is not None:
        rows, mentions = write_up_table(catalog)
        files[urls.WRITE_UP_PAGE] = renderer.page(
            urls.WRITE_UP_PAGE,
            "write-up.md.j2",
            rows=rows,
            mentions=mentions,
            columns=WRITE_UP_COLUMNS,
            origin_counts=catalog.origin_counts,
        )
    for dataset in catalog.datasets:
        for old in dataset.former_slugs:
            old_path = urls.dataset_redirect(old)
            files[old_path] = renderer.redirect(old_path, urls.dataset_page(dataset.slug), dataset.name)
    return files


@dataclasses.dataclass(frozen=True)
class ChangelogEntry:
    """One change as the changelog shows it: the change and where its link goes (None: nowhere to go)."""

    change: CatalogChange
    href: str | None


@dataclasses.dataclass(frozen=True)
class ChangelogSection:
    """One release (or the changes not yet released) on the changelog page."""

    release: Release
    entries: list[ChangelogEntry]
    compare_href: str | None
    version_tagged: bool  # whether a tag of this version exists (for the changes not yet released)
    previous_version: str | None  # the release before this one


def changelog_page(renderer: Renderer) -> str:
    """The changelog: for each release, the datasets added, renamed and removed and the figures corrected."""
    catalog = renderer.catalog
    repository = catalog.collection.repository
    ctx = PageContext(catalog, urls.CHANGELOG_PAGE)
    current = {d.slug for d in catalog.datasets}
    releases = catalog.history.releases
    tagged = {r.version for r in releases if r.tag}
    sections = []
    for index, release in enumerate(releases):
        previous_tag = next((r.tag for r in releases[index + 1 :] if r.tag), None)
        entries = []
        for change in release.changes:
            if change.slug in current and change.kind != "removed":
                href: str | None = ctx.link(urls.dataset_page(change.slug))
            elif change.kind == "removed":
                href = urls.catalog_file_at(repository, previous_tag, change.slug) if previous_tag else None
            else:  # gone from the catalog since: the file as this release had it
                href = urls.catalog_file_at(repository, release.tag, change.slug) if release.tag else None
            entries.append(ChangelogEntry(change, href))
        compare = urls.compare_link(repository, previous_tag, release.tag or repository.branch) if previous_tag else None
        previous_version = previous_tag.removeprefix("v") if previous_tag else None
        sections.append(ChangelogSection(release, entries, compare, release.version in tagged, previous_version))
    return renderer.page(urls.CHANGELOG_PAGE, "changelog.md.j2", ctx, history=catalog.history, sections=sections)

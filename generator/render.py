"""Render the docs tree (Markdown pages and data exports) from a Catalog.

Rendering happens in memory; nothing is written here (see ``output.py``),
so a template error can never leave half a site behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import charts, citations, escaping, export, figures, links, structured_data
from .models import Access, Catalog, Dataset, Task
from .schema import schema_texts

DATA_FILES = ("data/datasets.json", "data/datasets.csv", "data/references.bib", "data/schema.json", "data/statistics-downloads.json")


@dataclass(frozen=True)
class PageContext:
    """What every template may use besides its own data."""

    catalog: Catalog
    source: str  # the page's own source path, for relative links

    def link(self, to: str) -> str:
        """Relative URL from this page to ``to``."""
        return links.relative(self.source, to)


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
        classes=figures.classes,
        classes_detail=figures.classes_detail,
        images=figures.images,
        plural=figures.plural,
    )
    env.globals.update(
        figures=figures,
        links=links,
        citation_text=citations.citation_text,
        NOT_REPORTED=figures.NOT_REPORTED,
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


def errata_by_field(dataset: Dataset) -> dict[str, list[Any]]:
    """Errata grouped by the field they correct, for marking figures on the page."""
    grouped: dict[str, list[Any]] = {}
    for erratum in dataset.errata:
        grouped.setdefault(erratum.field, []).append(erratum)
    return grouped


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


def render_tree(catalog: Catalog, templates_dir: Path) -> dict[str, bytes]:
    """Every file of the docs tree: relative POSIX path → bytes."""
    env = make_environment(templates_dir)
    files: dict[str, str] = {}
    collection = catalog.collection
    site_url = collection.site_url

    def page(source: str, template: str, **data: Any) -> None:
        ctx = PageContext(catalog, source)
        files[source] = env.get_template(template).render(ctx=ctx, catalog=catalog, collection=collection, **data)

    def redirect(old_path: str, new_source: str, name: str) -> None:
        """A static page at a former URL that sends readers (and search engines) to the current one."""
        old_page = old_path.removesuffix("index.html") + "index.md"  # where MkDocs would have put it
        files[old_path] = env.get_template("redirect.html.j2").render(
            target=links.relative(old_page, new_source), canonical=site_url + links.url_of(new_source), name=name
        )

    known_totals = [d.images.best_total for d in catalog.datasets if d.images.best_total is not None]
    page(
        "index.md",
        "index.md.j2",
        image_total=sum(known_totals),
        image_total_approximate=any(d.images.approximate for d in catalog.datasets if d.images.best_total is not None),
        datasets_with_counts=len(known_totals),
        images_chart=charts.images_chart(catalog),
        citation=citations.collection_citation(collection),
        bibtex=citations.collection_bibtex(collection),
        json_ld=structured_data.catalog_json_ld(catalog),
    )
    for dataset in catalog.datasets:
        category = catalog.category(dataset.category)
        page(
            links.dataset_page(dataset.slug),
            "dataset.md.j2",
            d=dataset,
            category=category,
            siblings=[s for s in catalog.in_category(category.slug) if s.slug != dataset.slug],
            errata=errata_by_field(dataset),
            paragraphs=_description_paragraphs(dataset.description),
            meta_description=summary(dataset.description),
            references=[catalog.references[k] for k in dataset.references],
            edit_url=f"{collection.repository.url}/edit/{collection.repository.branch}/catalog/datasets/{dataset.slug}.yaml",
            json_ld=structured_data.dataset_json_ld(catalog, dataset),
            last_updated=catalog.last_updated.get(dataset.slug),
        )
        for old in dataset.former_slugs:
            redirect(f"datasets/{old}/index.html", links.dataset_page(dataset.slug), dataset.name)
    for category in collection.categories:
        page(links.category_page(category.slug), "category.md.j2", category=category, datasets=catalog.in_category(category.slug))
        for old in category.former_slugs:
            redirect(f"categories/{old}/index.html", links.category_page(category.slug), category.title)
    page("statistics.md", "statistics.md.j2", charts=charts.all_charts(catalog), **statistics_filters(catalog))
    page("about.md", "about.md.j2", errata=[(d, e) for d in catalog.datasets for e in d.errata])
    page("contributing.md", "contributing.md.j2")

    files["data/datasets.json"] = export.to_json(catalog)
    files["data/datasets.csv"] = export.to_csv(catalog)
    files["data/references.bib"] = export.to_bibtex(catalog)
    files["data/schema.json"] = schema_texts()["dataset.schema.json"]
    files["data/statistics-downloads.json"] = export.statistics_downloads(catalog)
    files["robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
    return {path: text.encode("utf-8") for path, text in sorted(files.items())}

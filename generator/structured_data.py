"""schema.org JSON-LD for dataset pages (Dataset) and the home page (DataCatalog).

Google Dataset Search requires name and description (50 to 5,000
characters) and recommends the other fields given here. The dictionaries are
plain data; the page templates serialise them with ``escaping.front_matter_script_json``,
which escapes ``<``, ``>`` and ``&``, so no catalog text can close the script
element.
"""

from __future__ import annotations

import re
from typing import Any

from . import citations, figures, links
from .models import Access, Catalog, Dataset, Reference

FREE_ACCESS = {Access.open_download, Access.registration, Access.challenge_registration, Access.kaggle_account, Access.data_use_agreement}


def page_url(catalog: Catalog, slug: str) -> str:
    """Canonical address of a dataset page."""
    return catalog.collection.site_url + links.url_of(links.dataset_page(slug))


_CREATORS: dict[str, list[dict[str, str]]] = {}


def _creators(reference: Reference) -> list[dict[str, str]]:
    """Authors of a dataset's first reference: people, or an organisation written in braces (parsed once per entry)."""
    if reference.bibtex not in _CREATORS:
        _CREATORS[reference.bibtex] = _parse_creators(reference)
    return [dict(creator) for creator in _CREATORS[reference.bibtex]]


def _parse_creators(reference: Reference) -> list[dict[str, str]]:
    raw = reference.fields.get("author", "")
    if re.fullmatch(r"\{[^{}]+\}", raw.strip()):
        return [{"@type": "Organization", "name": citations.plain(raw)}]
    names = [n for n in citations.author_list(raw).removesuffix(", et al.").split(", ") if n]
    return [{"@type": "Person", "name": name} for name in names]


def _citation(reference: Reference) -> str:
    doi = reference.fields.get("doi")
    return f"https://doi.org/{citations.plain(doi)}" if doi else citations.citation_text(reference)


def dataset_json_ld(catalog: Catalog, dataset: Dataset) -> dict[str, Any]:
    """schema.org Dataset for one dataset page."""
    references = [catalog.references[key] for key in dataset.references]
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": dataset.name,
        "description": " ".join(dataset.description.split()),
        "url": page_url(catalog, dataset.slug),
        "identifier": page_url(catalog, dataset.slug),
        "keywords": [dataset.modality, *([dataset.target] if dataset.target else []), *(figures.TASK_LABELS[t] for t in dataset.tasks)],
        "measurementTechnique": dataset.modality,
        "citation": [_citation(ref) for ref in references],
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": catalog.collection.title,
            "url": catalog.collection.site_url,
        },
    }
    if dataset.aliases:
        data["alternateName"] = list(dataset.aliases)
    if dataset.homepage:
        data["sameAs"] = dataset.homepage
    if dataset.license:
        data["license"] = dataset.license.url or dataset.license.name
    creators = _creators(references[0]) if references else []
    if creators:
        data["creator"] = creators
    if dataset.access in FREE_ACCESS:
        data["isAccessibleForFree"] = True
    if dataset.year:
        data["temporalCoverage"] = str(dataset.year)
    if dataset.slug in catalog.last_updated:
        data["dateModified"] = catalog.last_updated[dataset.slug].isoformat()
    return data


def catalog_json_ld(catalog: Catalog) -> dict[str, Any]:
    """schema.org DataCatalog for the home page, listing every dataset."""
    collection = catalog.collection
    return {
        "@context": "https://schema.org/",
        "@type": "DataCatalog",
        "name": collection.title,
        "description": " ".join(collection.introduction.split()),
        "url": collection.site_url,
        "creator": {"@type": "Person", "name": collection.author.name, "affiliation": collection.author.affiliation},
        "license": collection.license.url or collection.license.name,
        "dataset": [{"@type": "Dataset", "name": d.name, "url": page_url(catalog, d.slug)} for d in catalog.datasets],
    }

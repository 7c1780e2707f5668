"""schema.org JSON-LD for dataset pages (Dataset) and the home page (DataCatalog).

Google Dataset Search requires name and description (50 to 5,000
characters) and recommends the other fields given here. The dictionaries are
plain data; the page templates serialise them with ``escaping.front_matter_script_json``,
which escapes ``<``, ``>`` and ``&``, so no catalog text can close the script
element.
"""

from __future__ import annotations

from typing import Any

from .. import labels, urls
from ..models import Access, Catalog, Dataset, DownloadFile, LicenceStatus, Reference, RelationType
from . import citations

# access without a fee (a credentialed PhysioNet account costs nothing); on-request and unavailable say nothing of it
FREE_ACCESS = {
    Access.open_download,
    Access.registration,
    Access.challenge_registration,
    Access.kaggle_account,
    Access.data_use_agreement,
    Access.credentialed,
}


def _page_url(catalog: Catalog, slug: str) -> str:
    """Canonical address of a dataset page."""
    return urls.absolute(catalog.collection.site_url, urls.dataset_page(slug))


def _citation(reference: Reference, texts: citations.ReferenceTexts) -> str:
    doi = reference.fields.get("doi")
    return urls.doi(citations.literal(doi)) if doi else texts.citation(reference)


# schema.org has no property for two datasets that share images: overlaps are shown on the pages only.
_RELATION_PROPERTIES = {
    (RelationType.subset_of, True): "isPartOf",
    (RelationType.subset_of, False): "hasPart",
    (RelationType.derived_from, True): "isBasedOn",
    (RelationType.successor_of, True): "isBasedOn",
}


def related_datasets(catalog: Catalog, dataset: Dataset) -> dict[str, list[dict[str, str]]]:
    """isPartOf, hasPart and isBasedOn, each a list of the other datasets (name and URL)."""
    found: dict[str, list[dict[str, str]]] = {}
    for entry in catalog.related(dataset.slug):
        key = _RELATION_PROPERTIES.get((entry.relation.type, entry.stated_here))
        if key is None:
            continue
        if entry.other is not None:
            other = {
                "@type": "Dataset",
                "name": entry.other.name,
                "url": _page_url(catalog, entry.other.slug),
            }
        else:
            other = {"@type": "Dataset", "name": entry.relation.name or ""}
            if entry.relation.url:
                other["url"] = entry.relation.url
        found.setdefault(key, []).append(other)
    return found


def _data_download(file: DownloadFile) -> dict[str, Any]:
    """One file at a direct address as a schema.org DataDownload."""
    data: dict[str, Any] = {"@type": "DataDownload", "contentUrl": file.url, "encodingFormat": file.encoding_format}
    if file.size_bytes is not None:
        data["contentSize"] = f"{file.size_bytes} B"
    if file.sha256:
        data["sha256"] = file.sha256
    return data


def dataset_json_ld(catalog: Catalog, dataset: Dataset, texts: citations.ReferenceTexts) -> dict[str, Any]:
    """schema.org Dataset for one dataset page."""
    references = [catalog.references[key] for key in dataset.references]
    page_url = _page_url(catalog, dataset.slug)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": dataset.name,
        "description": " ".join(dataset.description.split()),
        "url": page_url,
        # the dataset's own DOIs where known; else the address of this page, which names it
        "identifier": [urls.doi(d.value) for d in dataset.dois] or page_url,
        "keywords": [dataset.modality, *([dataset.target] if dataset.target else []), *(labels.TASK_LABELS[t] for t in dataset.tasks)],
        "measurementTechnique": dataset.modality,
        "citation": [_citation(ref, texts) for ref in references],
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
    if dataset.license and dataset.license.status is LicenceStatus.stated:
        data["license"] = dataset.license.url or dataset.license.name
    for key, values in related_datasets(catalog, dataset).items():
        data[key] = values
    creators = texts.creators(references[0]) if references else []
    if creators:
        data["creator"] = creators
    if dataset.access in FREE_ACCESS:
        data["isAccessibleForFree"] = True
    files = dataset.get_data.files if dataset.get_data else []
    if files:
        data["distribution"] = [_data_download(f) for f in files]
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
        "version": collection.version,
        "creator": {"@type": "Person", "name": collection.author.name, "affiliation": collection.author.affiliation},
        "license": collection.license.url or collection.license.name,
        "dataset": [{"@type": "Dataset", "name": d.name, "url": _page_url(catalog, d.slug)} for d in catalog.datasets],
    }

"""MLCommons Croissant 1.1 metadata: one file per dataset and one for the collection.

Croissant is schema.org's Dataset with a few terms of its own (``citeAs``,
``conformsTo``, FileObject). These files describe where a dataset is and how
to cite it; none of them lists record sets, since the catalog does not
describe the files' inner structure. A ``distribution`` is written only for
files with a direct address and a checksum that a source states: without
one, a file would claim more than the catalog knows.

The validator (mlcroissant) enforces little of the specification: it only
warns when ``license`` or ``datePublished`` is missing and says nothing when
``creator`` or ``url`` is. The tests check those properties themselves.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .. import labels, urls
from ..models import ACCESS_TERMS, Access, Catalog, Collection, Dataset, DownloadFile, FigureState, LicenceStatus
from ..render import citations
from ..render.structured_data import related_datasets
from .citation_files import collection_keywords

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
SEMVER = re.compile(r"\d+\.\d+\.\d+")

# The context of the specification's examples (datasets/1.1 in mlcommons/croissant),
# with https://schema.org/ as the vocabulary: the validator refuses the http form
# that the specification's appendix prints.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def file_object(file: DownloadFile) -> dict[str, Any]:
    """A Croissant FileObject for one file with a known checksum."""
    name = file.url.rstrip("/").rsplit("/", 1)[-1]
    data: dict[str, Any] = {"@type": "cr:FileObject", "@id": name, "name": name, "contentUrl": file.url}
    data["encodingFormat"] = file.encoding_format
    if file.size_bytes is not None:
        data["contentSize"] = f"{file.size_bytes} B"
    if file.sha256:
        data["sha256"] = file.sha256
    if file.md5:
        data["md5"] = file.md5
    return data


def _license(dataset: Dataset) -> Any:
    licence = dataset.license
    if licence is None or licence.status is not LicenceStatus.stated:
        return None
    if licence.url and licence.name:
        return {"@type": "sc:CreativeWork", "name": licence.name, "url": licence.url}
    return licence.url or licence.name


def _keywords(catalog: Catalog, dataset: Dataset) -> list[str]:
    words = [dataset.modality, *([dataset.target] if dataset.target else []), *(labels.TASK_LABELS[t] for t in dataset.tasks)]
    words.append(catalog.category(dataset.category).title)
    return list(dict.fromkeys(words))


def _date_published(dataset: Dataset) -> str | None:
    """The dataset's year, where an official source settles it."""
    check = dataset.figures.get("year")
    settled = check is not None and check.state in (FigureState.confirmed, FigureState.corrected)
    return str(dataset.year) if dataset.year and settled else None


def _same_as(dataset: Dataset) -> list[str]:
    return [u for u in (dataset.homepage, *(urls.doi(d.value) for d in dataset.dois)) if u]


def _properties(dataset: Dataset) -> list[dict[str, Any]]:
    """What schema.org has no property for, as named values: where the sheet comes from, what its counts count, how it is obtained."""
    values = [("origin", dataset.origin.value), ("access", dataset.access.value)]
    if dataset.version is not None:
        values.append(("versionName", dataset.version))
    if dataset.images.unit is not None:
        values.append(("countUnit", dataset.images.unit.value))
    counts = dataset.images
    if counts.approximate:
        values.append(("countsApproximate", True))
    values += [
        (f"{part}Count", value)
        for part, value in (("train", counts.train), ("test", counts.test), ("total", counts.total))
        if value is not None
    ]
    return [{"@type": "sc:PropertyValue", "name": name, "value": value} for name, value in values]


def _head(name: str, description: str, url: str) -> dict[str, Any]:
    """What every Croissant file of the site begins with."""
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": name,
        "description": " ".join(description.split()),
        "url": url,
    }


def dataset_croissant(catalog: Catalog, dataset: Dataset, texts: citations.ReferenceTexts) -> dict[str, Any]:
    """The Croissant description of one dataset."""
    references = [catalog.references[key] for key in dataset.references]
    page = urls.absolute(catalog.collection.site_url, urls.dataset_page(dataset.slug))
    data: dict[str, Any] = {
        **_head(dataset.name, dataset.description, page),
        "creator": texts.creators(references[0]) if references else [],
        "citeAs": "\n\n".join(ref.bibtex for ref in references),
        "keywords": _keywords(catalog, dataset),
        "sdVersion": catalog.collection.version,
        "sdPublisher": {"@type": "sc:Person", "name": catalog.collection.author.name},
        "includedInDataCatalog": {"@type": "sc:DataCatalog", "name": catalog.collection.title, "url": catalog.collection.site_url},
    }
    # Croissant's version is MAJOR.MINOR.PATCH; the providers' own name of any other form is a named value
    if dataset.version is not None and SEMVER.fullmatch(dataset.version):
        data["version"] = dataset.version
    if dataset.access is not Access.unknown:
        term = ACCESS_TERMS[dataset.access]
        data["conditionsOfAccess"] = f"{term.label}: {term.meaning}."
    data["additionalProperty"] = _properties(dataset)
    licence = _license(dataset)
    if licence is not None:
        data["license"] = licence
    published = _date_published(dataset)
    if published:
        data["datePublished"] = published
    same_as = _same_as(dataset)
    if same_as:
        data["sameAs"] = same_as
    if dataset.dois:
        data["identifier"] = [urls.doi(d.value) for d in dataset.dois]
    if dataset.aliases:
        data["alternateName"] = list(dataset.aliases)
    for key, values in related_datasets(catalog, dataset).items():
        data[key] = values
    files = dataset.get_data.files if dataset.get_data else []
    if files:
        data["distribution"] = [file_object(f) for f in files]
    return data


def collection_croissant(catalog: Catalog) -> dict[str, Any]:
    """The Croissant description of the whole collection: the catalog itself, its datasets as parts."""
    collection: Collection = catalog.collection
    releases = {r.version: r for r in catalog.history.releases if r.tag}
    data: dict[str, Any] = {
        **_head(collection.title, collection.introduction, collection.site_url),
        "creator": {"@type": "sc:Person", "name": collection.author.name, "affiliation": collection.author.affiliation},
        "license": {
            "@type": "sc:CreativeWork",
            "name": collection.license.name,
            "url": collection.license.url or urls.licence_file(collection.repository),
        },
        "citeAs": citations.collection_bibtex(collection),
        "version": collection.version,
        "keywords": collection_keywords(collection),
        "hasPart": [{"@id": urls.absolute(collection.site_url, urls.dataset_croissant(d.slug))} for d in catalog.datasets],
    }
    release = releases.get(collection.version)
    if release is not None and release.date is not None:
        data["datePublished"] = release.date.isoformat()
    return data


def to_json(data: dict[str, Any]) -> str:
    """A Croissant file's text: indented, keys in the order written, non-ASCII kept."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

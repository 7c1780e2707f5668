"""The repository's citation files: CITATION.cff (GitHub's "Cite this repository") and .zenodo.json (Zenodo's archive).

Both are written from one record made from collection.yaml, so they cannot
drift apart: Zenodo reads only .zenodo.json when both exist, and from
CITATION.cff alone it would archive the catalog as software, without its
licence (its type is ignored there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

from ..models import Collection

HEADER = "# Generated from catalog/collection.yaml by `python -m generator cff`; edit that file instead.\n"


@dataclass(frozen=True)
class CitationRecord:
    """What both files say about the catalog."""

    title: str
    version: str
    family_names: str
    given_names: str
    affiliation: str
    email: str | None
    website: str | None
    abstract: str
    keywords: list[str]
    url: str
    repository: str
    licence_name: str
    licence_archive_id: str | None


def collection_keywords(collection: Collection) -> list[str]:
    """The keywords the collection is archived and described under."""
    return ["medical imaging", "datasets", "artificial intelligence"] + [c.title for c in collection.categories]


def citation_record(collection: Collection) -> CitationRecord:
    """The facts both citation files carry."""
    author = collection.author
    return CitationRecord(
        title=collection.source_document.title,
        version=collection.version,
        family_names=author.family_names,
        given_names=author.given_names,
        affiliation=author.affiliation,
        email=author.email,
        website=author.homepage,
        abstract=" ".join(collection.introduction.split()),
        keywords=collection_keywords(collection),
        url=collection.site_url,
        repository=collection.repository.url,
        licence_name=collection.license.name,
        licence_archive_id=collection.license.archive_id,
    )


def citation_cff(collection: Collection) -> str:
    """The CITATION.cff text (Citation File Format 1.2.0)."""
    record = citation_record(collection)
    author: dict[str, str] = {"family-names": record.family_names, "given-names": record.given_names, "affiliation": record.affiliation}
    if record.email:
        author["email"] = record.email
    if record.website:
        author["website"] = record.website
    document = {
        "cff-version": "1.2.0",
        "message": f"If you use this collection, please cite it as below. {record.licence_name}.",
        "type": "dataset",
        "title": record.title,
        "version": record.version,
        "authors": [author],
        "url": record.url,
        "repository-code": record.repository,
        "abstract": record.abstract,
        "keywords": record.keywords,
    }
    return HEADER + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(collection: Collection) -> str:
    """The .zenodo.json text: Zenodo's deposit metadata, read when a GitHub release is archived."""
    record = citation_record(collection)
    document: dict[str, object] = {
        "upload_type": "dataset",  # without it, a release from GitHub is archived as software
        "title": record.title,
        "version": record.version,
        "creators": [{"name": f"{record.family_names}, {record.given_names}", "affiliation": record.affiliation}],
        "description": record.abstract,
        "keywords": record.keywords,
        "access_right": "open",
        "notes": f"{record.licence_name}. Site: {record.url} Repository: {record.repository}",
    }
    if record.licence_archive_id:
        document["license"] = record.licence_archive_id
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

"""CITATION.cff (Citation File Format 1.2.0) for the repository root, from collection.yaml."""

from __future__ import annotations

import yaml

from ..models import Collection


def citation_cff(collection: Collection) -> str:
    """The CITATION.cff text of the collection."""
    author: dict[str, str] = {"family-names": collection.author.family_names, "given-names": collection.author.given_names}
    author["affiliation"] = collection.author.affiliation
    if collection.author.email:
        author["email"] = collection.author.email
    if collection.author.homepage:
        author["website"] = collection.author.homepage
    document = {
        "cff-version": "1.2.0",
        "message": f"If you use this collection, please cite it as below. {collection.license.name}.",
        "type": "dataset",
        "title": collection.source_document.title,
        "authors": [author],
        "url": collection.site_url,
        "repository-code": collection.repository.url,
        "abstract": " ".join(collection.introduction.split()),
        "keywords": ["medical imaging", "datasets", "artificial intelligence"] + [c.title for c in collection.categories],
    }
    header = "# Generated from catalog/collection.yaml by `python -m generator cff`; edit that file instead.\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)

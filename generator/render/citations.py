"""Plain-text citations formatted from BibTeX fields (the .bib stays the source)."""

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text

from .. import urls
from ..models import Collection, Reference

# A field is LaTeX: accents and letters such as {\aa}, {\l}, {\u{g}} or {\k{e}} are decoded by
# pylatexenc (the decoder bibtexparser itself offers) rather than by a table of our own.
# Characters an author may leave unescaped (& % $ # _) are read as text, not as LaTeX
# syntax, and a \url{...} keeps its address as written.
_LATEX = LatexNodes2Text()
_URL = re.compile(r"\\url\{([^{}]*)\}")
_UNESCAPED = re.compile(r"(?<!\\)([&%$#_])")
_NEEDS_DECODING = re.compile(r"[\\~`']|--")


def plain(text: str) -> str:
    """BibTeX field text as plain text: LaTeX decoded, braces dropped, spaces collapsed."""
    if not _NEEDS_DECODING.search(text):  # most fields: only braces to drop
        decoded = text.replace("{", "").replace("}", "")
    else:
        pieces = _URL.split(text)  # odd pieces are the addresses of \url{...}
        decoded = "".join(piece if i % 2 else _LATEX.latex_to_text(_UNESCAPED.sub(r"\\\1", piece)) for i, piece in enumerate(pieces))
    return re.sub(r"\s+", " ", decoded).strip()


def literal(text: str) -> str:
    """An identifier field (DOI, arXiv number) as written, without BibTeX's protecting braces."""
    return text.replace("{", "").replace("}", "").strip()


def author_list(field: str) -> str:
    """Turn 'Last, First and Other, Name and others' into 'First Last, Name Other, et al.'."""
    names = [n.strip() for n in re.split(r"\s+and\s+", plain(field)) if n.strip()]
    shown = []
    etal = False
    for name in names:
        if name.lower() == "others":
            etal = True
            continue
        if "," in name:
            last, first = (p.strip() for p in name.split(",", 1))
            name = f"{first} {last}".strip()
        shown.append(name)
    text = ", ".join(shown)
    return f"{text}, et al." if etal else text


def citation_text(ref: Reference) -> str:
    """One-line citation: authors. Title. Venue, volume(number):pages, year. DOI or URL."""
    f = ref.fields
    parts = [author_list(f.get("author", "")).rstrip(".") + "."]
    parts.append(plain(f.get("title", "")).rstrip(".") + ".")
    venue = plain(f.get("journal") or f.get("booktitle") or f.get("howpublished") or f.get("publisher") or "")
    detail = venue
    if f.get("volume"):
        detail += f", {plain(f['volume'])}"
        if f.get("number"):
            detail += f"({plain(f['number'])})"
    if f.get("pages"):
        detail += f":{plain(f['pages'])}" if f.get("volume") else f", pages {plain(f['pages'])}"
    if f.get("eprint") and not venue:
        detail = f"arXiv:{literal(f['eprint'])}"
    year = plain(f.get("year", ""))
    detail = ", ".join(p for p in (detail.strip(", "), year) if p)
    if detail:
        parts.append(detail + ".")
    if f.get("doi"):
        parts.append(urls.doi(literal(f["doi"])))
    elif f.get("url"):
        parts.append(literal(f["url"]))
    return " ".join(p for p in parts if p.strip(". "))


def bibtex_field(value: str) -> str:
    """Catalog text as a braced BibTeX value.

    Braces and backslashes cannot be escaped reliably in BibTeX (an unbalanced
    brace ends the entry), so they are dropped; % and # are escaped.
    """
    text = " ".join(value.replace("{", "").replace("}", "").replace("\\", "").split())
    return "{" + text.replace("%", "\\%").replace("#", "\\#") + "}"


def collection_bibtex(collection: Collection) -> str:
    """BibTeX for citing the collection itself (the write-up gives no date, so none is given)."""
    author = collection.author
    fields = {
        "author": f"{author.family_names}, {author.given_names}",
        "title": collection.source_document.title,
        "howpublished": collection.title,
        "url": collection.site_url,
        "version": collection.version,
        "note": collection.license.name,
    }
    body = ",\n".join(f"  {key} = {bibtex_field(value)}" for key, value in fields.items())
    return "@misc{wen_medical_dataset_collection,\n" + body + "\n}"


def collection_citation(collection: Collection) -> str:
    """Plain-text citation of the collection (the same facts as CITATION.cff)."""
    title = f"{collection.source_document.title}. {collection.title}, version {collection.version}"
    return f"{collection.author.name}. {title}. {collection.site_url}"


def creators(reference: Reference) -> list[dict[str, str]]:
    """A reference's authors as schema.org creators: people, or an organisation written in braces."""
    raw = reference.fields.get("author", "")
    if re.fullmatch(r"\{[^{}]+\}", raw.strip()):
        return [{"@type": "Organization", "name": plain(raw)}]
    names = [n for n in author_list(raw).removesuffix(", et al.").split(", ") if n]
    return [{"@type": "Person", "name": name} for name in names]


class ReferenceTexts:
    """Each reference's citation text and creators, made once per build: many datasets cite the same paper."""

    def __init__(self) -> None:
        self._citations: dict[str, str] = {}
        self._creators: dict[str, list[dict[str, str]]] = {}

    def citation(self, reference: Reference) -> str:
        """``citation_text`` of the reference."""
        text = self._citations.get(reference.bibtex)
        if text is None:
            text = self._citations[reference.bibtex] = citation_text(reference)
        return text

    def creators(self, reference: Reference) -> list[dict[str, str]]:
        """``creators`` of the reference (fresh dictionaries: callers may change them)."""
        found = self._creators.get(reference.bibtex)
        if found is None:
            found = self._creators[reference.bibtex] = creators(reference)
        return [dict(creator) for creator in found]

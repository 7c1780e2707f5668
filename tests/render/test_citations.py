"""Plain-text citations from BibTeX fields: accents, author lists, creators."""

from __future__ import annotations

import pytest

from generator.models import Reference
from generator.render.citations import author_list, citation_text, creators, plain


@pytest.mark.parametrize(
    ("bibtex", "text"),
    [
        (r"B{\"o}hm", "Böhm"),
        (r"B\"{o}hm", "Böhm"),
        (r"Abr{\`a}moff", "Abràmoff"),
        (r"Decenci{\`e}re", "Decencière"),
        (r"Ord{\'o}{\~n}ez", "Ordóñez"),
        (r"Fran\c{c}ois", "François"),
    ],
)
def test_latex_accents_become_letters(bibtex, text):
    assert plain(bibtex) == text


def test_author_list_and_creators():
    field = r"Staal, Joes and Abr{\`a}moff, Michael D. and others"
    assert author_list(field) == "Joes Staal, Michael D. Abràmoff, et al."
    ref = Reference(key="k", entry_type="article", fields={"author": field, "title": "T", "year": "2004"}, bibtex="@article{k}")
    assert creators(ref) == [{"@type": "Person", "name": "Joes Staal"}, {"@type": "Person", "name": "Michael D. Abràmoff"}]
    organisation = Reference(key="o", entry_type="misc", fields={"author": "{Kaggle}", "title": "T", "year": "2015"}, bibtex="@misc{o}")
    assert creators(organisation) == [{"@type": "Organization", "name": "Kaggle"}]
    assert citation_text(organisation).startswith("Kaggle. T.")

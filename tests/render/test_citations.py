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
        (r"P{\aa}l Halvorsen", "Pål Halvorsen"),
        (r"Bozda{\u{g}}{\i}", "Bozdağı"),
        (r"{\'S}wi{\k{e}}cicki", "Święcicki"),
        (r"{\v{S}}tern", "Štern"),
        (r"{\.Z}o{\l}ek", "Żołek"),
        (r"{\O}stergaard and N{\ae}ss", "Østergaard and Næss"),
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


@pytest.mark.parametrize(
    ("bibtex", "text"),
    [
        (r"\url{https://example.org/a_b%20c~d}", "https://example.org/a_b%20c~d"),
        ("Images & labels, 12.5% of cases, $5, #3, file_name", "Images & labels, 12.5% of cases, $5, #3, file_name"),
        (r"A \& B, 50\% off", "A & B, 50% off"),
        ("pages 164--169", "pages 164–169"),
        ("{BCN20000}: Dermoscopic   lesions", "BCN20000: Dermoscopic lesions"),
    ],
)
def test_special_characters_and_addresses_stay_text(bibtex, text):
    assert plain(bibtex) == text


def test_identifiers_are_not_read_as_latex():
    ref = Reference(
        key="k",
        entry_type="article",
        fields={"author": "A, B", "title": "T", "year": "2020", "doi": "10.1000/a_b~c"},
        bibtex="@article{k}",
    )
    assert citation_text(ref).endswith("https://doi.org/10.1000/a_b~c")

"""Hostile catalog text reaches the built pages as text: no element, attribute or live link."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import build_site

pytestmark = pytest.mark.slow

PAYLOADS = [
    "<script>alert('x1')</script>",
    "</script><script>alert('x2')</script>",
    '"><img src=x onerror=alert(3)>',
    "[click](javascript:alert(4))",
    "![pic](http://evil.example/p.png)",
    "{{ 7*7 }} {% if true %}jinja{% endif %}",
    "<!-- hidden comment -->",
    "*emph* _under_ `code` # heading | pipe |",
    "\u202eright-to-left\u200b zero-width",
]
HOSTILE = " ".join(PAYLOADS)
LONG = "long " * 900 + PAYLOADS[0]


def poison(catalog: Path) -> None:
    alpha_path = catalog / "datasets" / "alpha.yaml"
    alpha = yaml.safe_load(alpha_path.read_text())
    alpha.update(
        name="Alpha " + PAYLOADS[0],
        aliases=[PAYLOADS[2], PAYLOADS[3]],
        modality="X-ray " + PAYLOADS[6],
        target=PAYLOADS[4],
        description="Description with payloads. " + HOSTILE + " " + "x" * 3000,
        category_note=HOSTILE,
        homepage_note=PAYLOADS[1],
        license={
            "status": "stated",
            "name": HOSTILE,
            "url": None,
            "commercial_use": None,
            "conditions": ["registration"],
            "checked_url": "https://example.org/terms?a=1&b=<2>",
            "checked_on": "2026-01-01",
            "note": HOSTILE,
        },
        frame_size={"sizes": [{"width": 390, "height": 320}], "basis": "typical", "note": HOSTILE},
        get_data={
            "steps": "Steps " + HOSTILE,
            "image_formats": ["PNG"],
            "formats_source": "https://example.org/formats?<x>",
            "download_size": {"value": PAYLOADS[2], "source": "https://example.org/size"},
            "subjects": {"count": 3, "unit": PAYLOADS[0], "source": "https://example.org/subjects"},
            "split": {"official": True, "train": 100, "test": 20, "source": "https://example.org/split", "note": HOSTILE},
            "loaders": [{"library": "torchvision", "call": PAYLOADS[1] + " " + PAYLOADS[5], "official": False, "source": "https://example.org/l", "note": HOSTILE}],
            "known_issues": [{"text": HOSTILE, "source": "https://example.org/issue"}],
        },
        relations=[
            {"type": "overlaps-with", "dataset": "beta", "note": HOSTILE},
            {"type": "derived-from", "name": PAYLOADS[0], "url": "https://example.org/parent?<p>", "source": "https://example.org/r"},
        ],
        figures={
            "images.test": {"state": "corrected"},
            "modality": {"state": "unconfirmed", "note": HOSTILE},
            "target": {"state": "confirmed", "source": "https://example.org/t?\"<x>", "note": PAYLOADS[2]},
        },
        classes=[{"count": 2, "task": "classification", "label": PAYLOADS[2]}],
        figures_source={"title": HOSTILE, "url": "https://example.org/figures?a=1&b=<2>"},
        errata=[
            {
                "field": "images.test",
                "collection_value": PAYLOADS[1],
                "corrected_value": PAYLOADS[3],
                "source": "https://example.org/?q=<script>",
                "note": HOSTILE,
            }
        ],
    )
    alpha_path.write_text(yaml.safe_dump(alpha, allow_unicode=True))
    bib = catalog / "references.bib"
    bib.write_text(bib.read_text().replace("title = {The {Alpha} Dataset}", "title = {The <script>alert('bib')</script> [x](javascript:alert(5)) Dataset}"))
    collection_path = catalog / "collection.yaml"
    collection = yaml.safe_load(collection_path.read_text())
    collection["introduction"] = "Intro. " + HOSTILE
    collection["title"] = "Collection " + PAYLOADS[0]
    collection["author"]["affiliation"] = HOSTILE
    collection["source_document"] = {"title": HOSTILE, "note": LONG}
    collection["license"]["name"] = "Non-commercial " + PAYLOADS[2]
    collection["categories"][0]["title"] = "X-ray " + PAYLOADS[3]
    collection["categories"][0]["description"] = HOSTILE
    collection_path.write_text(yaml.safe_dump(collection, allow_unicode=True))


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    import shutil

    from tests.helpers import MINIMAL_CATALOG

    work = tmp_path_factory.mktemp("payloads")
    catalog = work / "catalog"
    shutil.copytree(MINIMAL_CATALOG, catalog)
    poison(catalog)
    return build_site(catalog, work)


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory) -> Path:
    from tests.helpers import MINIMAL_CATALOG

    return build_site(MINIMAL_CATALOG, tmp_path_factory.mktemp("clean"))


def pages(site: Path) -> list[Path]:
    return [site / "index.html", site / "datasets" / "alpha" / "index.html", site / "categories" / "x-ray" / "index.html",
            site / "statistics" / "index.html", site / "about" / "index.html"]  # fmt: skip


def test_no_payload_becomes_an_element_or_attribute(poisoned_site, clean_site):
    for poisoned, clean in zip(pages(poisoned_site), pages(clean_site), strict=True):
        bad = BeautifulSoup(poisoned.read_text(encoding="utf-8"), "html.parser")
        good = BeautifulSoup(clean.read_text(encoding="utf-8"), "html.parser")
        assert len(bad.find_all("script")) == len(good.find_all("script")), poisoned
        assert not bad.find_all("img", src="x")
        assert not bad.select('img[src*="evil.example"]')
        assert not bad.select('a[href^="javascript"]')
        for element in bad.find_all(True):
            for attribute in element.attrs:
                assert not attribute.lower().startswith("on"), (poisoned, element.name, attribute)
        assert "49" not in bad.get_text().split("{{ 7*7 }}")[0][-5:], "Jinja syntax must not be evaluated"


def test_payload_text_is_shown_literally(poisoned_site):
    page = BeautifulSoup((poisoned_site / "datasets" / "alpha" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = page.get_text()
    assert "The <script>alert('bib')</script> [x](javascript:alert(5)) Dataset" in text  # from references.bib
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "{{ 7*7 }}" in text


def test_erratum_source_is_an_escaped_attribute(poisoned_site):
    page = BeautifulSoup((poisoned_site / "datasets" / "alpha" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select(".mdc-errata a")]
    assert "https://example.org/?q=<script>" in links


def test_json_ld_stays_one_valid_script(poisoned_site):
    import json

    page = BeautifulSoup((poisoned_site / "datasets" / "alpha" / "index.html").read_text(encoding="utf-8"), "html.parser")
    blocks = page.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert PAYLOADS[1] in data["description"]
    assert data["name"] == "Alpha " + PAYLOADS[0]


def test_meta_and_title_carry_text_not_markup(poisoned_site):
    raw = (poisoned_site / "datasets" / "alpha" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(raw, "html.parser")
    assert page.title.get_text().startswith("Alpha " + PAYLOADS[0])
    description = page.select_one('meta[name="description"]')["content"]
    assert description.startswith("Description with payloads. " + PAYLOADS[0])
    assert page.select_one('meta[property="og:title"]')["content"] == "Alpha " + PAYLOADS[0]
    assert page.head.find("img") is None
    for meta in page.select("meta"):
        assert not any(a.lower().startswith("on") for a in meta.attrs)


def test_collection_text_is_shown_literally(poisoned_site):
    for path in ("index.html", "about/index.html"):
        page = BeautifulSoup((poisoned_site / path).read_text(encoding="utf-8"), "html.parser")
        text = page.get_text()
        assert PAYLOADS[0] in text
        assert not page.select('a[href^="javascript"]')
    about = BeautifulSoup((poisoned_site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    assert LONG in about

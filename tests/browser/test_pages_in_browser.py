"""Every kind of page in a real browser: no console error, no request off loopback, accessible, charts readable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.models import CountUnit

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGES = {
    "home": "",
    "dataset": "datasets/chexpert/",
    "category": "categories/fundus-oct/",
    "statistics": "statistics/",
    "about": "about/",
    "contributing": "contributing/",
    "not found": "no-such-page/",
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_console_error_and_no_foreign_request(page, server, kind):
    response = page.goto(server + PAGES[kind])
    assert response.status == (404 if kind == "not found" else 200)
    page.wait_for_load_state("networkidle")
    # the 404 page's own status is reported by Chromium as a console error; nothing else may be
    errors = [e for e in page.watch.console_errors if not (kind == "not found" and "404" in e)]
    assert len(page.watch.console_errors) - len(errors) <= (1 if kind == "not found" else 0)
    assert not errors, page.watch.console_errors
    assert not page.watch.page_errors, page.watch.page_errors
    assert not page.watch.blocked, page.watch.blocked


@pytest.mark.parametrize("kind", ["home", "dataset", "category", "statistics"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_serious_violation(page, server, kind, scheme):
    page.goto(server + PAGES[kind])
    if page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") != scheme:
        page.locator(".mdc-palette-toggle:visible").first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == scheme
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def contrast(rgb1: tuple[float, ...], rgb2: tuple[float, ...]) -> float:
    def luminance(rgb):
        channels = []
        for c in rgb[:3]:
            c = c / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(rgb1), luminance(rgb2)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts_read_in_both_palettes(page, server, scheme):
    page.goto(server + "statistics/")
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    colours = page.evaluate(
        """() => {
            const parse = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const fill = sel => parse(getComputedStyle(document.querySelector(sel)).fill);
            const body = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
            const bg = body === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : body;
            return {bg: parse(bg), label: fill('.mdc-chart-label'), count: fill('.mdc-chart-count'), point: fill('.mdc-chart-point')};
        }"""
    )
    bg = tuple(colours["bg"])
    assert contrast(tuple(colours["label"]), bg) >= 4.5
    for series in ("count", "point"):
        assert contrast(tuple(colours[series]), bg) >= 3, series


def test_chart_has_a_text_alternative(page, server, catalog):
    page.goto(server)
    svg = page.locator("#chart-images svg:visible")
    assert svg.get_attribute("role") == "img"
    label = page.evaluate("() => document.querySelector('#chart-images-desc').textContent")
    # counts of different things are told apart: a row for each unit the catalog counts in
    assert "images: " in label
    assert "slices: " in label
    counted = sum(1 for d in catalog.datasets if d.images.unit is CountUnit.image and d.images.best_total)
    if len(catalog.datasets) <= 60:  # each dataset by name, else each unit's number of datasets and their range
        assert "CheXpert" in label
    else:
        assert f"images: {counted} datasets, from " in label


@pytest.mark.parametrize(("old", "new"), [("datasets/drive/", "datasets/drive-db/"), ("categories/x-ray/", "categories/radiography/")])
def test_old_url_of_a_renamed_page_lands_on_the_new_page(page, renamed_server, old, new):
    page.goto(renamed_server + old + "?keep=1#how-to-cite")
    page.wait_for_url(f"**/{new}**")
    assert page.url.startswith(renamed_server + new)
    assert "keep=1" in page.url
    assert page.locator("article h1").count() == 1


def test_citations_copy_in_one_click(browser, server, catalog):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "datasets/drive/")
    plain = page.locator("pre.mdc-citation-text").first
    plain.hover()
    plain.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == plain.locator("code").inner_text().strip()
    assert "Staal" in copied
    bibtex = page.locator("pre:has(code.language-bibtex)").first
    bibtex.hover()
    bibtex.locator("button[data-md-type=copy]").click()
    assert page.evaluate("() => navigator.clipboard.readText()").strip().startswith("@article{staal2004drive,")
    context.close()

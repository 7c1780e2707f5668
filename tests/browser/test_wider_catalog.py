"""A catalog beyond the write-up, in a real browser: the origin filter, counts with their unit, category tables, the compare view."""

from __future__ import annotations

import json

import pytest

from generator.models import UNIT_TERMS, CountUnit

pytestmark = pytest.mark.browser


def visible(page, attribute: str) -> list[str]:
    return page.evaluate(f"() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.dataset['{attribute}'])")


def records(site) -> list[dict]:
    return json.loads((site / "data" / "datasets.json").read_text(encoding="utf-8"))["datasets"]


def test_origin_filter_keeps_its_rows_and_lives_in_the_address(page, large_server, large_site):
    data = records(large_site)
    added = [d["slug"] for d in data if d["origin"] == "added"]
    assert 0 < len(added) < len(data)
    page.goto(large_server + "statistics/")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    page.locator("#filter-origin").select_option("added")
    page.wait_for_url("**origin=added**")
    assert set(visible(page, "origin")) == {"added"}
    assert page.locator("#statistics-count").inner_text().startswith(f"{len(added)} of {len(data)} datasets")
    # the address restores the view, and each row says where it comes from
    page.goto(large_server + "statistics/?origin=write-up")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    assert page.locator("#filter-origin").input_value() == "write-up"
    assert set(visible(page, "origin")) == {"write-up"}
    index = page.evaluate(
        "() => Array.from(document.querySelectorAll('#statistics-table thead th')).findIndex(th => th.dataset.key === 'origin')"
    )
    origins = page.evaluate(
        f"() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.cells[{index}].textContent)"
    )
    assert set(origins) == {"From the write-up"}
    assert not page.watch.console_errors


def test_counts_show_their_unit_and_filter_by_it(page, large_server, large_site):
    data = {d["slug"]: d for d in records(large_site)}
    page.goto(large_server + "statistics/?unit=slice")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    slugs = visible(page, "slug")
    assert slugs
    assert {data[s]["images"]["unit"] for s in slugs} == {"slice"}
    index = page.evaluate(
        "() => Array.from(document.querySelectorAll('#statistics-table thead th')).findIndex(th => th.dataset.key === 'images')"
    )
    cells = page.evaluate(
        f"() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.cells[{index}].textContent)"
    )
    assert all(text == "not reported" or "slice" in text for text in cells), cells
    # a dataset page prints the unit beside each count
    slug = next(s for s, d in data.items() if d["images"]["total"] and d["images"]["unit"] == "volume")
    page.goto(large_server + f"datasets/{slug}/")
    total = page.locator("div.mdc-summary tr", has=page.locator("th", has_text="Count: total")).locator("td").first.inner_text()
    assert f"{data[slug]['images']['total']:,} {UNIT_TERMS[CountUnit.volume].of(data[slug]['images']['total'])}" in total


def test_category_table_sorts_and_links_to_the_statistics_filtered_to_it(page, large_server, large_site):
    page.goto(large_server + "categories/mri-ct/")
    headers = page.locator(".mdc-category-table thead th").all_inner_texts()
    assert headers == ["Name", "Modality", "Target", "Tasks", "Count", "Access", "Licence"]
    page.get_by_role("button", name="Count", exact=True).click()
    keys = page.evaluate("() => Array.from(document.querySelectorAll('.mdc-category-table tbody tr')).map(r => r.cells[4].dataset.sort)")
    known = [int(k) for k in keys if k]
    assert known == sorted(known)
    assert keys[: len(known)] == [str(k) for k in known], "unknown counts last"
    # counts of one unit stay together, in the vocabulary's order
    bands = [k // 10**13 for k in known]
    assert bands == sorted(bands)
    page.get_by_role("link", name="See them on the statistics page").click()
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    assert page.locator("#filter-category").input_value() == "mri-ct"
    expected = [d["slug"] for d in records(large_site) if d["category"] == "mri-ct"]
    assert sorted(visible(page, "slug")) == sorted(expected[:100]) or len(expected) > 100


def test_compare_marks_a_confirmed_absence_and_keeps_field_names_in_view_on_a_phone(browser, server, catalog):
    # LUNA16's data page defines no training set: the compare view says "none", confirmed, not "not reported"
    luna = next(d for d in catalog.datasets if d.slug == "luna")
    assert luna.images.train is None
    assert luna.figures["images.train"].state.value == "confirmed"
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + "compare/?d=luna,chexpert,mura,drive")
    page.wait_for_selector("#compare-result table")
    row = page.locator("#compare-result tbody tr", has=page.locator("th:text-is('Training count')"))
    first = row.locator("td").first
    assert first.locator(".mdc-compare-value").inner_text() == "none"
    assert first.locator(".mdc-state-mark").inner_text() == "confirmed"
    # the table scrolls sideways inside its box; the field names stay where they were
    table = page.locator("#compare-result table")
    label = row.locator("th")
    before = label.bounding_box()
    assert page.evaluate("() => { const t = document.querySelector('#compare-result table'); return t.scrollWidth > t.clientWidth; }")
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    page.wait_for_timeout(100)
    after = label.bounding_box()
    assert abs(after["x"] - before["x"]) < 1, (before, after)
    assert after["x"] >= 0
    assert after["x"] + after["width"] <= 390
    # the page itself does not scroll sideways (only the table does)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    context.close()


def test_site_search_finds_a_wanted_dataset(page, large_server, large_site):
    import yaml

    wanted = yaml.safe_load((large_site.parent / "catalog" / "wanted.yaml").read_text(encoding="utf-8"))["wanted"][0]
    page.goto(large_server)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(wanted["name"], delay=20)  # Material searches as keys are typed
    # Material lists the page, then the section of the page that matches: the wanted entry's own heading
    result = page.locator("a.md-search-result__link", has_text=wanted["name"]).first
    result.wait_for()
    assert "contributing/" in result.get_attribute("href")
    assert "#" in result.get_attribute("href")
    result.click()
    page.wait_for_url("**/contributing/**")
    assert wanted["aliases"][0] in page.locator("article").inner_text()

"""The compare page: any 2 to 4 datasets from its address, differences highlighted, bad slugs named and never run."""

from __future__ import annotations

import contextlib
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser


def compared(page, expected: list[str]) -> list[str]:
    """The datasets the page compares, once it shows ``expected`` (or after a wait, whatever it shows)."""
    want = ",".join(expected)
    script = f"() => document.getElementById('compare-result').getAttribute('data-compared') === '{want}'"
    with contextlib.suppress(PlaywrightTimeout):  # the caller's assertion says what the page shows instead
        page.wait_for_function(script, timeout=5000)
    return [s for s in (page.locator("#compare-result").get_attribute("data-compared") or "").split(",") if s]


def row(page, label: str):
    return page.locator("#compare-result tbody tr", has=page.locator(f"th:text-is('{label}')"))


def test_two_datasets_side_by_side_with_differences_highlighted(page, server, catalog):
    page.goto(server + "compare/?d=chexpert,mura")
    assert compared(page, ["chexpert", "mura"]) == ["chexpert", "mura"]
    headers = page.locator("#compare-result thead th").all_inner_texts()
    assert headers == ["Field", "CheXpert", "MURA"]
    # both are X-ray datasets: same category, not highlighted; their targets differ
    assert row(page, "Category").get_attribute("class") in (None, "")
    assert row(page, "Target").get_attribute("class") == "mdc-differs"
    # every figure carries its state
    states = row(page, "Count in total").locator(".mdc-state-mark").all_inner_texts()
    by_slug = {d.slug: d for d in catalog.datasets}
    expected = [
        by_slug[s].figures["images.total"].state.value if "images.total" in by_slug[s].figures else "unconfirmed"
        for s in ("chexpert", "mura")
    ]
    assert states == expected
    # the state is a mark of its own, on its own line under the value, not words running on after it
    cell = row(page, "Count in total").locator("td").first
    value_box = cell.locator(".mdc-compare-value").bounding_box()
    mark_box = cell.locator(".mdc-state-mark").bounding_box()
    assert mark_box["y"] >= value_box["y"] + value_box["height"] - 1
    assert "224,316 images" in cell.locator(".mdc-compare-value").inner_text()
    for label in ("Licence", "Access", "Image files", "Official split", "Loaders", "Related datasets"):
        assert row(page, label).count() == 1, label
    assert not page.watch.console_errors
    assert not page.watch.blocked


def test_bad_and_hostile_slugs_are_named_as_text_and_not_shown_as_data(page, server):
    hostile = ["chexpert", "<img src=x onerror=window.pwned=1>", "../../about", "no-such-dataset", "mura", 'x" onmouseover="1']
    page.goto(server + "compare/?d=" + urllib.parse.quote(",".join(hostile), safe=","))
    assert compared(page, ["chexpert", "mura"]) == ["chexpert", "mura"]
    note = page.locator("#compare-unknown")
    assert note.is_visible()
    text = note.inner_text()
    assert "no-such-dataset" in text
    assert "../../about" in text
    assert "<img src=x onerror=window.pwned=1>" in text  # shown as text
    assert page.locator("#compare-unknown img, #compare-result img").count() == 0
    assert page.evaluate("() => window.pwned") is None
    # the pickers show the datasets compared, not the names asked for
    page.wait_for_selector('#compare-picker[data-ready="true"]')
    assert [page.locator(f"#compare-{n}").input_value() for n in (1, 2, 3)] == ["chexpert", "mura", ""]
    assert not page.watch.page_errors
    assert not page.watch.blocked


def test_more_than_four_are_cut_to_four_and_one_is_not_enough(page, server):
    slugs = ["chexpert", "mura", "drive", "stare", "hrf"]
    page.goto(server + "compare/?d=" + ",".join(slugs))
    assert compared(page, slugs[:4]) == slugs[:4]
    assert "left out: hrf" in page.locator("#compare-unknown").inner_text()
    page.goto(server + "compare/?d=drive")
    assert compared(page, ["drive"]) == ["drive"]
    assert page.locator("#compare-hint").is_visible()
    assert page.locator("#compare-result table").count() == 0


def test_choosing_datasets_updates_the_address_and_back_restores(page, server):
    page.goto(server + "datasets/drive/")
    page.get_by_role("link", name="Compare DRIVE with other datasets").click()
    page.wait_for_url("**/compare/?d=drive")
    page.wait_for_selector('#compare-picker[data-ready="true"]')
    assert page.locator("#compare-1").input_value() == "drive"
    page.locator("#compare-2").select_option("stare")
    page.wait_for_url("**d=drive,stare")
    assert compared(page, ["drive", "stare"]) == ["drive", "stare"]
    page.locator("#compare-3").select_option("hrf")
    page.wait_for_url("**d=drive,stare,hrf")
    assert compared(page, ["drive", "stare", "hrf"]) == ["drive", "stare", "hrf"]
    page.go_back()
    page.wait_for_url("**d=drive,stare")
    page.wait_for_function("() => document.getElementById('compare-result').getAttribute('data-compared') === 'drive,stare'")
    assert page.locator("#compare-3").input_value() == ""
    assert not page.watch.page_errors


@pytest.mark.parametrize("width", [1280, 390])
def test_the_comparison_fits_the_screen(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "compare/?d=chexpert,mura,drive,imagenet")
    page.wait_for_selector("#compare-result table")
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    context.close()


def test_rows_ticked_in_the_statistics_table_open_the_comparison(page, server):
    # the rows ticked are fundus datasets, on the first page of that category's rows
    page.goto(server + "statistics/?category=fundus-oct&task=segmentation")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    link = page.locator("#compare-selected")
    assert link.get_attribute("aria-disabled") == "true"
    for slug in ("drive", "stare"):
        page.locator(f'#statistics-table input.mdc-pick[value="{slug}"]').check()
    assert link.get_attribute("aria-disabled") == "false"
    # a filter rebuilds the rows; the ticks stay
    page.locator("#filter-task").select_option("")
    assert page.locator('#statistics-table input.mdc-pick[value="drive"]').is_checked()
    for slug in ("hrf", "messidor"):
        page.locator(f'#statistics-table input.mdc-pick[value="{slug}"]').check()
    fifth = page.locator('#statistics-table input.mdc-pick[value="refuge"]')
    fifth.click()
    assert not fifth.is_checked(), "a fifth dataset is refused"
    assert "At most 4" in page.locator("#compare-selected-count").inner_text()
    link.click()
    page.wait_for_url("**/compare/?d=drive,stare,hrf,messidor")
    assert compared(page, ["drive", "stare", "hrf", "messidor"]) == ["drive", "stare", "hrf", "messidor"]

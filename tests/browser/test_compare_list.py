"""The comparison list: "Add to comparison" on dataset pages, shared with the statistics table's ticks, kept in the browser."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

KEY = "mdc-compare-list"


def status(page) -> str:
    return page.locator(".mdc-compare-basket .mdc-compare-status").inner_text()


def toggle(page):
    return page.locator(".mdc-compare-basket .mdc-compare-toggle")


def open_dataset(page, server: str, slug: str) -> None:
    page.goto(f"{server}datasets/{slug}/")
    page.wait_for_selector('.mdc-compare-basket[data-ready="true"]')


def stored(page) -> list[dict]:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}') || '[]'"))


def test_datasets_added_on_their_pages_open_in_the_compare_view(page, server, catalog):
    names = {d.slug: d.name for d in catalog.datasets}
    open_dataset(page, server, "chexpert")
    assert toggle(page).inner_text() == "Add to comparison"
    assert status(page) == ""
    toggle(page).click()
    assert toggle(page).inner_text() == "Remove from comparison"
    assert status(page).startswith(f"Comparison list (1 of 4): {names['chexpert']}.")
    assert page.locator(".mdc-compare-basket a.mdc-compare-open").count() == 0, "one dataset is not a comparison"

    open_dataset(page, server, "mura")
    assert f"(1 of 4): {names['chexpert']}." in status(page)
    toggle(page).click()
    link = page.locator(".mdc-compare-basket a.mdc-compare-open")
    assert link.inner_text() == "Compare these 2"
    assert link.get_attribute("href").endswith("compare/?d=chexpert,mura")
    link.click()
    page.wait_for_url("**/compare/?d=chexpert,mura")
    page.wait_for_function("() => document.getElementById('compare-result').getAttribute('data-compared') === 'chexpert,mura'")

    # taking one out, then clearing, is seen on every page
    open_dataset(page, server, "mura")
    toggle(page).click()
    assert toggle(page).inner_text() == "Add to comparison"
    assert status(page).startswith(f"Comparison list (1 of 4): {names['chexpert']}.")
    page.locator(".mdc-compare-basket button.mdc-compare-clear").click()
    assert status(page) == ""
    assert stored(page) == []
    assert not page.watch.console_errors
    assert not page.watch.page_errors
    assert not page.watch.blocked


def test_the_statistics_ticks_are_the_same_list(page, server, catalog):
    names = {d.slug: d.name for d in catalog.datasets}
    open_dataset(page, server, "drive")
    toggle(page).click()

    page.goto(server + "statistics/?category=fundus-oct")  # the rows ticked are fundus datasets
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    assert page.locator('#statistics-table input.mdc-pick[value="drive"]').is_checked()
    assert page.locator("#compare-selected-count").inner_text() == "1 selected; tick one more"
    page.locator('#statistics-table input.mdc-pick[value="stare"]').check()
    assert [e["slug"] for e in stored(page)] == ["drive", "stare"]
    # rows built again by a filter keep their ticks
    page.locator("#filter-category").select_option("fundus-oct")
    assert page.locator('#statistics-table input.mdc-pick[value="stare"]').is_checked()

    open_dataset(page, server, "hrf")
    assert f"(2 of 4): {names['drive']}, {names['stare']}." in status(page)

    page.goto(server + "statistics/?category=fundus-oct")  # the rows ticked are fundus datasets
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    page.locator("#compare-clear").click()
    assert page.locator("#statistics-table input.mdc-pick:checked").count() == 0
    assert page.locator("#compare-clear").is_hidden()
    assert stored(page) == []


def test_a_full_list_refuses_a_fifth(page, server):
    for slug in ("drive", "stare", "hrf", "messidor"):
        open_dataset(page, server, slug)
        toggle(page).click()
    open_dataset(page, server, "refuge")
    assert toggle(page).is_disabled()
    assert "The list is full" in status(page)
    assert page.locator(".mdc-compare-basket a.mdc-compare-open").get_attribute("href").endswith("compare/?d=drive,stare,hrf,messidor")


def test_the_compare_page_offers_the_list_when_its_address_names_too_few(page, server):
    for slug in ("chexpert", "mura"):
        open_dataset(page, server, slug)
        toggle(page).click()
    page.goto(server + "compare/")
    offer = page.locator("#compare-offer")
    offer.wait_for(state="visible")
    offer.locator("a").click()
    page.wait_for_url("**/compare/?d=chexpert,mura")
    page.wait_for_function("() => document.getElementById('compare-result').getAttribute('data-compared') === 'chexpert,mura'")
    assert page.locator("#compare-offer").is_hidden(), "the address already compares them"


def test_stored_entries_are_checked_again_and_shown_only_as_text(page, server):
    page.goto(server)
    hostile = [
        {"slug": "chexpert", "name": "<img src=x onerror=window.pwned=1>"},
        {"slug": "../../about", "name": "path"},
        {"slug": "chexpert", "name": "again"},
        "not an entry",
        {"slug": "mura"},
        {"slug": 'x" onmouseover="1', "name": "quote"},
        {"slug": "drive", "name": "x" * 1000},
        {"slug": "stare", "name": "STARE"},
        {"slug": "hrf", "name": "HRF"},
        {"slug": "messidor", "name": "fifth valid entry, dropped"},
    ]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(hostile)])
    open_dataset(page, server, "refuge")
    text = status(page)
    assert text.startswith("Comparison list (4 of 4): <img src=x onerror=window.pwned=1>, " + "x" * 200 + ", STARE, HRF.")
    assert page.locator(".mdc-compare-basket img").count() == 0
    assert page.evaluate("() => window.pwned") is None
    href = page.locator(".mdc-compare-basket a.mdc-compare-open").get_attribute("href")
    assert href.endswith("compare/?d=chexpert,drive,stare,hrf")

    # a value that is not JSON at all is an empty list, not an error
    page.evaluate("([key]) => localStorage.setItem(key, '{not json')", [KEY])
    open_dataset(page, server, "refuge")
    assert status(page) == ""
    assert not page.watch.page_errors


def test_without_storage_the_button_is_hidden_and_the_ticks_still_work(browser, server):
    context = browser.new_context()
    # storage refused for this list only: Material's own scripts would throw without any storage
    context.add_init_script(
        f"""for (const name of ["getItem", "setItem"]) {{
          const original = Storage.prototype[name];
          Storage.prototype[name] = function (key, ...rest) {{
            if (key === "{KEY}") throw new DOMException("denied", "SecurityError");
            return original.call(this, key, ...rest);
          }};
        }}"""
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(server + "datasets/chexpert/")
    page.wait_for_load_state("load")
    assert page.locator(".mdc-compare-basket").is_hidden()
    assert page.locator(".mdc-compare-link a").is_visible()

    page.goto(server + "statistics/?category=fundus-oct")  # the rows ticked are fundus datasets
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    for slug in ("drive", "stare"):
        page.locator(f'#statistics-table input.mdc-pick[value="{slug}"]').check()
    assert page.locator("#compare-selected").get_attribute("href").endswith("compare/?d=drive,stare")
    assert not errors
    context.close()


def test_a_change_in_another_tab_shows_at_once(browser, server):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        open_dataset(tab, server, "chexpert")
    toggle(first).click()
    second.wait_for_function(
        "() => document.querySelector('.mdc-compare-basket .mdc-compare-toggle').textContent === 'Remove from comparison'"
    )
    assert "(1 of 4)" in status(second)
    context.close()

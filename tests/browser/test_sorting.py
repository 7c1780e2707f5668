"""Sorting the statistics table in a real browser: numbers as numbers, unknowns last."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NUMERIC_COLUMNS = ("Frame size", "Count", "Classes")


def column_keys(page, header: str) -> list[str]:
    return page.evaluate(
        """(header) => {
            const table = document.querySelector('#statistics-table');
            const heads = Array.from(table.tHead.rows[0].cells).map(c => c.textContent.trim());
            const index = heads.indexOf(header);
            return Array.from(table.tBodies[0].rows).map(r => r.cells[index].getAttribute('data-sort'));
        }""",
        header,
    )


def sort_by(page, header: str) -> None:
    page.get_by_role("button", name=header, exact=True).click()


def assert_numeric_order(keys: list[str], descending: bool) -> None:
    known = [int(k) for k in keys if k]
    unknown_at = [i for i, k in enumerate(keys) if not k]
    assert known == sorted(known, reverse=descending)
    assert unknown_at == list(range(len(known), len(keys))), "values not reported must sort last"


@pytest.mark.parametrize("header", NUMERIC_COLUMNS)
def test_numeric_columns_sort_as_numbers_with_unknowns_last(page, server, header):
    page.goto(server + "statistics/")
    sort_by(page, header)
    th = page.locator("#statistics-table thead th", has_text=header)
    assert th.get_attribute("aria-sort") == "ascending"
    assert_numeric_order(column_keys(page, header), descending=False)
    sort_by(page, header)
    assert th.get_attribute("aria-sort") == "descending"
    assert_numeric_order(column_keys(page, header), descending=True)
    assert not page.watch.console_errors
    assert not page.watch.page_errors


def test_images_sort_numerically_not_as_text(page, server):
    page.goto(server + "statistics/")
    sort_by(page, "Count")
    names = [n.strip() for n in page.locator("#statistics-table tbody tr td:first-child").all_inner_texts()]
    # 20 / 20 images (DRIVE) must come before 1,200 (Messidor): text order would put "1,200" first.
    assert names.index("DRIVE") < names.index("Messidor")


def test_name_sorts_alphabetically_and_back(page, server, catalog):
    page.goto(server + "statistics/")
    every = sorted((d.name for d in catalog.datasets), key=str.lower)
    sort_by(page, "Name")
    # the name's link (a version, where given, follows it in the cell)
    names = [n.strip() for n in page.locator("#statistics-table tbody tr td:first-child a").all_inner_texts()]
    assert names == sorted(names, key=str.lower)
    assert names[0].lower() == every[0].lower()
    sort_by(page, "Name")
    names_desc = [n.strip() for n in page.locator("#statistics-table tbody tr td:first-child a").all_inner_texts()]
    assert names_desc == sorted(names_desc, key=str.lower, reverse=True)
    assert names_desc[0].lower() == every[-1].lower()


def test_headers_are_keyboard_buttons(page, server):
    page.goto(server + "statistics/")
    button = page.get_by_role("button", name="Classes", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    th = page.locator("#statistics-table thead th", has_text="Classes")
    assert th.get_attribute("aria-sort") == "ascending"


def test_sorting_works_after_navigating_from_the_menu(page, server):
    """Reached through the site's navigation, the table is enhanced as on a direct visit."""
    page.goto(server)
    page.locator("nav.md-nav a", has_text="Statistics").first.click()
    page.wait_for_url("**/statistics/")
    sort_by(page, "Count")
    assert_numeric_order(column_keys(page, "Count"), descending=False)


def test_category_table_sorts(page, server):
    page.goto(server + "categories/fundus-oct/")
    page.get_by_role("button", name="Count", exact=True).click()
    keys = page.evaluate(
        "() => Array.from(document.querySelectorAll('.mdc-category-table tbody tr')).map(r => r.cells[4].getAttribute('data-sort'))"
    )
    assert_numeric_order(keys, descending=False)


def test_no_request_leaves_loopback(page, server):
    for path in ("", "statistics/", "datasets/chexpert/", "categories/x-ray/", "about/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert not page.watch.blocked, page.watch.blocked

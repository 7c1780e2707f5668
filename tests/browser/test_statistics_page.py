"""The statistics page answers questions with filters alone, in shareable URLs, in a real browser."""

from __future__ import annotations

import csv
import io

import bibtexparser
import pytest

from generator.labels import images_sort_key
from generator.render.pages import STATISTICS_PAGE_ROWS

pytestmark = pytest.mark.browser


def visible_slugs(page) -> list[str]:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).filter(r => !r.hidden).map(r => r.dataset.slug)"
    )


def first_page(catalog) -> int:
    """How many rows the page's HTML holds (the script shows the rest)."""
    return min(STATISTICS_PAGE_ROWS, len(catalog.datasets))


def open_statistics(page, server, query: str = "") -> None:
    page.goto(server + "statistics/" + query)
    page.wait_for_selector('#statistics-filters[data-ready="true"]')


def expected(catalog, **conditions) -> set[str]:
    from generator import labels

    def keep(d) -> bool:
        checks = {
            "category": lambda v: d.category == v,
            "modality": lambda v: d.modality.lower() == v.lower(),
            "task": lambda v: v in {t.value for t in d.tasks},
            "access": lambda v: d.access.value == v,
            "commercial": lambda v: labels.commercial_use_slug(d) == v,
            "format": lambda v: d.get_data is not None and v in {f.value for f in d.get_data.image_formats},
            "split": lambda v: (labels.official_split(d.get_data.split) if d.get_data else "unknown") == v,
            "loader": lambda v: ("yes" if d.get_data and d.get_data.loaders else "no") == v,
            "text": lambda v: v.lower() in labels.search_text(d),
        }
        return all(checks[k](v) for k, v in conditions.items())

    return {d.slug for d in catalog.datasets if keep(d)}


@pytest.mark.parametrize("name", ["category", "modality", "task", "access", "commercial", "format", "split", "loader"])
def test_each_filter_narrows_the_rows(page, server, catalog, name):
    open_statistics(page, server)
    select = page.locator(f"#filter-{name}")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values
    total = len(catalog.datasets)
    for value in values:
        select.select_option(value)
        wanted = expected(catalog, **{name: value})
        shown = visible_slugs(page)
        # a first page of rows, then "Show all" for the rest of the match
        assert len(shown) == min(STATISTICS_PAGE_ROWS, len(wanted)), (name, value)
        assert set(shown) <= wanted, (name, value)
        if len(wanted) > STATISTICS_PAGE_ROWS:
            count = f"{len(wanted)} of {total} datasets (showing the first {STATISTICS_PAGE_ROWS})"
            assert page.locator("#statistics-count").inner_text() == count
            page.locator("#statistics-show-all").click()
        assert set(visible_slugs(page)) == wanted, (name, value)
        assert page.locator("#statistics-count").inner_text() == f"{len(wanted)} of {total} datasets"
    assert not page.watch.console_errors


@pytest.mark.parametrize("text", ["prostate", "KIMCCS", "chestxrray 2017", "lung"])
def test_text_box_matches_name_alias_and_target(page, server, catalog, text):
    open_statistics(page, server)
    page.locator("#filter-text").fill(text)
    assert set(visible_slugs(page)) == expected(catalog, text=text)
    assert visible_slugs(page)


def test_the_two_questions_of_the_issue(page, server, catalog):
    """'Segmentation datasets of CT with more than 1,000 images' and 'what may I use commercially?'."""
    open_statistics(page, server, "?task=segmentation&modality=CT&sort=images&order=desc")
    rows = visible_slugs(page)
    big = [d.slug for d in catalog.datasets if d.slug in rows and (d.images.best_total or 0) > 1000]
    # counts sort inside their unit's band (images, then slices, volumes...), highest first
    by_slug = {d.slug: d for d in catalog.datasets}
    ranked = sorted(big, key=lambda s: -images_sort_key(by_slug[s].images))
    assert [s for s in rows if s in big] == ranked
    open_statistics(page, server, "?commercial=allowed")
    assert set(visible_slugs(page)) == expected(catalog, commercial="allowed")


def test_query_url_restores_the_view(page, server, catalog):
    open_statistics(page, server, "?task=segmentation&modality=CT&sort=images&order=desc")
    assert page.locator("#filter-task").input_value() == "segmentation"
    assert page.locator("#filter-modality").input_value() == "CT"
    assert set(visible_slugs(page)) == expected(catalog, task="segmentation", modality="CT")
    th = page.locator('#statistics-table th[data-key="images"]')
    assert th.get_attribute("aria-sort") == "descending"
    keys = page.evaluate(
        """() => {
            const heads = Array.from(document.querySelectorAll('#statistics-table thead th'));
            const index = heads.findIndex(th => th.dataset.key === 'images');
            const rows = Array.from(document.querySelectorAll('#statistics-table tbody tr')).filter(r => !r.hidden);
            return rows.map(r => r.cells[index].dataset.sort);
        }"""
    )
    known = [int(k) for k in keys if k]
    assert known == sorted(known, reverse=True)


def test_changes_update_the_url_and_back_forward_restore(page, server, catalog):
    open_statistics(page, server)
    # the address follows the table a frame after its rows change
    page.locator("#filter-category").select_option("fundus-oct")
    page.wait_for_url("**category=fundus-oct**")
    page.locator("#filter-task").select_option("segmentation")
    page.wait_for_url("**task=segmentation**")
    page.get_by_role("button", name="Count", exact=True).click()
    page.wait_for_url("**sort=images**")
    assert "order=asc" in page.url

    page.go_back()
    page.wait_for_function("() => !location.search.includes('sort=')")
    assert page.locator("#filter-task").input_value() == "segmentation"
    assert page.locator('#statistics-table th[data-key="images"]').get_attribute("aria-sort") is None

    page.go_back()
    page.wait_for_function("() => !location.search.includes('task=')")
    assert page.locator("#filter-task").input_value() == ""
    assert set(visible_slugs(page)) == expected(catalog, category="fundus-oct")

    page.go_forward()
    page.wait_for_function("() => location.search.includes('task=segmentation')")
    assert set(visible_slugs(page)) == expected(catalog, category="fundus-oct", task="segmentation")
    assert not page.watch.page_errors


def test_a_text_search_is_one_history_entry(page, server, catalog):
    """Typing pushes one entry and then replaces it: Back returns to the table before the search, Forward to the search."""
    open_statistics(page, server)
    box = page.locator("#filter-text")
    box.press_sequentially("lung", delay=40)
    page.wait_for_url("**text=lung**")
    assert set(visible_slugs(page)) == expected(catalog, text="lung")
    page.go_back()
    page.wait_for_function("() => location.pathname.endsWith('/statistics/') && !location.search.includes('text=')")
    assert box.input_value() == ""
    assert len(visible_slugs(page)) == first_page(catalog)
    page.go_forward()
    page.wait_for_function("() => location.search.includes('text=lung')")
    assert box.input_value() == "lung"
    assert set(visible_slugs(page)) == expected(catalog, text="lung")

    # after a filter, a second search is one more entry: two steps back reach the filter, then the start
    page.locator("#filter-category").select_option("mri-ct")
    page.wait_for_url("**category=mri-ct**")
    box.fill("")
    box.press_sequentially("pro", delay=40)
    page.wait_for_url("**text=pro**")
    page.go_back()
    page.wait_for_function("() => location.search.includes('category=mri-ct') && !location.search.includes('text=pro')")
    assert set(visible_slugs(page)) == expected(catalog, category="mri-ct", text="lung")
    page.go_back()
    page.wait_for_function("() => location.search.includes('text=lung') && !location.search.includes('category=')")
    assert not page.watch.page_errors


def test_changes_faster_than_the_address_keep_their_own_history_entries(page, server, catalog):
    """The address is written a frame after the rows; two changes within that frame still make two entries."""
    open_statistics(page, server)
    page.evaluate(
        """() => {
            const set = (id, value) => {
                const select = document.getElementById(id);
                select.value = value;
                select.dispatchEvent(new Event('change', {bubbles: true}));
            };
            set('filter-category', 'fundus-oct');
            set('filter-task', 'segmentation');
        }"""
    )
    page.wait_for_url("**task=segmentation**")
    assert set(visible_slugs(page)) == expected(catalog, category="fundus-oct", task="segmentation")
    page.go_back()
    page.wait_for_function("() => location.search === '?category=fundus-oct'")
    assert page.locator("#filter-task").input_value() == ""
    assert set(visible_slugs(page)) == expected(catalog, category="fundus-oct")
    assert not page.watch.page_errors


def test_reset_clears_everything(page, server, catalog):
    open_statistics(page, server, "?category=x-ray&text=chest&sort=name&order=desc")
    page.locator("#filter-reset").click()
    assert len(visible_slugs(page)) == first_page(catalog)
    assert page.locator("#filter-category").input_value() == ""
    assert page.locator("#filter-text").input_value() == ""
    page.wait_for_function("() => location.search === ''")


def test_csv_download_matches_the_visible_rows(page, server, site):
    open_statistics(page, server, "?category=fundus-oct&sort=images&order=desc")
    shown = visible_slugs(page)
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    text = info.value.path().read_text(encoding="utf-8")
    published = (site / "data" / "datasets.csv").read_text(encoding="utf-8")
    header, *lines = published.splitlines(keepends=True)
    by_slug = {row["slug"]: line for line, row in zip(lines, csv.DictReader(io.StringIO(published)), strict=True)}
    assert text == header + "".join(by_slug[s] for s in shown)
    assert [row["slug"] for row in csv.DictReader(io.StringIO(text))] == shown


def test_bibtex_download_has_the_references_of_the_visible_rows(page, server, catalog):
    open_statistics(page, server, "?category=natural")
    with page.expect_download() as info:
        page.locator("#download-bibtex").click()
    library = bibtexparser.parse_string(info.value.path().read_text(encoding="utf-8"))
    assert not library.failed_blocks
    wanted = {key for d in catalog.datasets if d.category == "natural" for key in d.references}
    assert {e.key for e in library.entries} == wanted


def test_count_is_announced_politely(page, server):
    open_statistics(page, server)
    count = page.locator("#statistics-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"
    for name in ("category", "modality", "task", "access", "commercial", "text"):
        label = page.locator(f'label[for="filter-{name}"]')
        assert label.count() == 1


def test_without_javascript_the_full_table_is_readable(browser, server, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "statistics/?category=x-ray")
    rows = page.locator("#statistics-table tbody tr")
    assert rows.count() == first_page(catalog)
    assert page.locator("#statistics-table tbody tr:visible").count() == first_page(catalog)
    assert not page.locator("#statistics-filters").is_visible()
    assert page.locator("#chart-images svg:visible").count() == 1
    context.close()


def test_filters_work_after_navigating_from_the_menu_and_back(page, server, catalog):
    page.goto(server)
    page.locator("nav.md-nav a", has_text="Statistics").first.click()
    page.wait_for_url("**/statistics/")
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    page.locator("#filter-category").select_option("x-ray")
    assert set(visible_slugs(page)) == expected(catalog, category="x-ray")
    # and back to another page and again: no duplicate handlers, no errors
    page.locator("#statistics-table tbody tr:not([hidden]) a").first.click()
    page.wait_for_url("**/datasets/**")
    page.go_back()
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    page.wait_for_function("() => document.querySelector('#filter-category').value === 'x-ray'")
    assert set(visible_slugs(page)) == expected(catalog, category="x-ray")
    assert not page.watch.page_errors
    assert not page.watch.console_errors


def test_q_links_filter_the_table_instead_of_opening_site_search(page, server, catalog):
    """`q` is Material's search deep link; on this page it is taken as the text filter."""
    open_statistics(page, server, "?q=prostate")
    assert set(visible_slugs(page)) == expected(catalog, text="prostate")
    assert page.locator("#filter-text").input_value() == "prostate"
    assert "text=prostate" in page.url
    assert "q=" not in page.url.split("?")[1].replace("text=", "")
    assert not page.locator(".md-search__input:focus").count()
    page.locator("#filter-reset").click()  # nothing overlays the page


def test_rows_built_by_the_script_equal_the_rows_of_the_build(page, server, catalog):
    """The script builds rows from data/statistics-rows.json; they must be the build's own rows, cell for cell."""
    open_statistics(page, server)
    server_rows, script_rows = page.evaluate(
        """async () => {
            const html = await (await fetch(location.href)).text();
            const built = new DOMParser().parseFromString(html, "text/html");
            const norm = (row) => row.outerHTML.replace(/>\\s+</g, "><");
            const fromBuild = Array.from(built.querySelectorAll("#statistics-table tbody tr")).map(norm);
            const fromScript = window.mdcStatistics.records.map((r) => norm(window.mdcStatistics.buildRow(r)));
            return [fromBuild, fromScript];
        }"""
    )
    assert len(server_rows) == first_page(catalog)
    assert len(script_rows) == len(catalog.datasets)
    assert script_rows[: len(server_rows)] == server_rows


def test_large_table_html_holds_a_first_page_and_says_where_the_rest_is(browser, large_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(large_server + "statistics/")
    assert page.locator("#statistics-table tbody tr").count() == 100
    note = page.locator("#statistics-partial")
    assert note.is_visible()
    assert "first 100 of the 250 datasets" in note.inner_text()
    context.close()

"""Pages at a desktop and a phone width: nothing sticks out of the page, every column of the statistics table is reachable."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]

# The element that scrolls the table sideways: the table or an ancestor whose content is wider than it.
SCROLLER = """() => {
  let el = document.getElementById('statistics-table');
  while (el && el !== document.body) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth) return el;
    el = el.parentElement;
  }
  return null;
}"""


def open_at(browser, server, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + path)
    return context, page


def page_overflow(page) -> int:
    """How far the page itself reaches beyond the viewport, sideways (0: it does not)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_statistics_column_is_reachable_with_names_in_view(browser, server, width):
    context, page = open_at(browser, server, "statistics/", width)
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    assert page_overflow(page) == 0
    has_scroller = page.evaluate(f"() => ({SCROLLER})() !== null")
    last_header = page.locator("#statistics-table thead th").last
    if has_scroller:
        page.evaluate(f"() => {{ const s = ({SCROLLER})(); s.scrollLeft = s.scrollWidth; }}")
        box = page.evaluate(f"() => {{ const r = ({SCROLLER})().getBoundingClientRect(); return {{x: r.x, right: r.right}}; }}")
    else:
        box = page.evaluate(
            "() => { const r = document.getElementById('statistics-table').getBoundingClientRect(); return {x: r.x, right: r.right}; }"
        )
    last = last_header.bounding_box()
    assert last["x"] + last["width"] <= box["right"] + 1, "the last column cannot be reached"
    assert last["x"] >= box["x"] - 1
    # the dataset names stay in view while the table is scrolled sideways
    first = page.locator("#statistics-table tbody tr td").first.bounding_box()
    assert abs(first["x"] - box["x"]) <= 2
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_licence_cells_are_short_and_rows_low(browser, server, width):
    context, page = open_at(browser, server, "statistics/", width)
    page.wait_for_selector('#statistics-filters[data-ready="true"]')
    licences = page.evaluate(
        "() => Array.from(document.querySelectorAll('#statistics-table tbody tr')).map(r => r.cells[10].innerText.trim())"
    )
    assert all(len(text) <= 16 for text in licences), sorted(set(licences))
    assert {"Own terms", "None found"} <= set(licences)
    # rows stay low: apart from the two free-text columns (a dataset's name and its target,
    # which wrap in their columns), no cell's text takes more than two lines (the full licence
    # terms made rows several lines tall)
    tallest = page.evaluate(
        """() => {
          const range = document.createRange();
          let worst = [0, ''];
          document.querySelectorAll('#statistics-table tbody td:not(:first-child):not(:nth-child(5))').forEach(cell => {
            range.selectNodeContents(cell);
            const height = range.getBoundingClientRect().height;
            if (height > worst[0]) worst = [height, cell.innerText];
          });
          return worst;
        }"""
    )
    line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#statistics-table td')).lineHeight)")
    assert tallest[0] <= 2 * line + 2, (tallest, line)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "statistics/", "datasets/refuge/", "datasets/chexpert/", "categories/fundus-oct/", "changelog/"])
def test_nothing_sticks_out_of_the_page(browser, server, width, path):
    context, page = open_at(browser, server, path, width)
    page.wait_for_load_state("load")
    assert page_overflow(page) == 0, f"{path} is wider than a {width} px screen"
    if path.startswith("datasets/"):
        summary = page.locator(".mdc-summary table").bounding_box()
        content = page.locator("article").bounding_box()
        assert summary["x"] + summary["width"] <= content["x"] + content["width"] + 1, "the summary table is wider than the text"
    page.screenshot(full_page=True)  # the page renders completely at this width
    context.close()


CHART_TEXT = """() => Array.from(document.querySelectorAll('.mdc-chart svg')).filter(svg => svg.getClientRects().length).map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {id: svg.closest('figure').id, variant: svg.getAttribute('class'), smallest: Math.min(...sizes), count: sizes.length};
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "statistics/"])
def test_chart_text_is_at_least_12_px_as_drawn(browser, server, width, path):
    context, page = open_at(browser, server, path, width)
    page.locator(".mdc-chart").last.scroll_into_view_if_needed()
    charts = page.evaluate(CHART_TEXT)
    assert charts, "no chart drawn"
    assert len({c["id"] for c in charts}) == len(charts), "one layout of each chart is shown"
    for chart in charts:
        assert chart["smallest"] >= 12, chart
    # narrow screens get the stacked layout (labels above the bars), wide ones labels beside them
    variants = {c["variant"] for c in charts if c["variant"] != "mdc-chart-fixed"}
    assert variants == ({"mdc-chart-stacked"} if width < 700 else variants)
    if width < 700:
        assert page_overflow(page) == 0
    context.close()

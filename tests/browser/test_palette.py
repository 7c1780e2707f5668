"""The light/dark switch: chosen before the page is drawn, from the system setting or the reader's last choice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"

# Records the body's scheme at the moment the main content is added to the document:
# the scheme must already be the final one then, or the page would flash the other palette.
SCHEME_AT_CONTENT = """
new MutationObserver((records, observer) => {
  if (document.querySelector(".md-main")) {
    window.schemeAtContent = document.body.getAttribute("data-md-color-scheme");
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def visible_toggle(page):
    return page.locator(".mdc-palette-toggle:visible")


@pytest.mark.parametrize(
    ("system", "scheme", "label"), [("light", "default", "Switch to dark mode"), ("dark", "slate", "Switch to light mode")]
)
def test_the_system_setting_decides_before_the_content_is_drawn(browser, server, system, scheme, label):
    context = browser.new_context(color_scheme=system)
    context.add_init_script(SCHEME_AT_CONTENT)
    page = context.new_page()
    page.goto(server + "statistics/")
    assert page.evaluate("() => window.schemeAtContent") == scheme
    assert page.evaluate(SCHEME) == scheme
    assert page.evaluate("() => document.querySelector('meta[name=color-scheme]').content") == ("dark" if system == "dark" else "light")
    assert visible_toggle(page).count() == 1
    assert visible_toggle(page).get_attribute("aria-label") == label
    # Material's own palette script is not set up: it restyled the whole page on every load
    assert page.locator("[data-md-component=palette]").count() == 0
    context.close()


def test_a_choice_is_kept_across_pages_and_the_focus_stays_on_the_switch(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(server)
    assert page.evaluate(SCHEME) == "default"
    visible_toggle(page).focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("() => document.activeElement.classList.contains('mdc-palette-toggle')")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Switch to light mode"
    page.goto(server + "about/")
    assert page.evaluate(SCHEME) == "slate", "the choice holds on the next page although the system is light"
    # once chosen, a change of the system setting no longer overrides it
    page.emulate_media(color_scheme="dark")
    visible_toggle(page).click()
    assert page.evaluate(SCHEME) == "default"
    assert not page.watch.page_errors


def test_without_a_choice_the_page_follows_a_change_of_the_system_setting(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(server)
    assert page.evaluate(SCHEME) == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    assert visible_toggle(page).get_attribute("aria-label") == "Switch to light mode"


def test_a_refused_storage_still_switches(browser, server):
    context = browser.new_context(color_scheme="light")
    # storage refused for the palette only: Material's other scripts need storage to run at all
    context.add_init_script(
        """for (const name of ["getItem", "setItem"]) {
          const original = Storage.prototype[name];
          Storage.prototype[name] = function (key, ...rest) {
            if (String(key).endsWith("__palette")) throw new DOMException("denied", "SecurityError");
            return original.call(this, key, ...rest);
          };
        }"""
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(server)
    assert page.evaluate(SCHEME) == "default"
    visible_toggle(page).click()
    assert page.evaluate(SCHEME) == "slate"
    assert not errors
    context.close()


# When the header's search button is parsed, counts the switch buttons that are displayed:
# the right one must be there from the start, not revealed by a script later.
TOGGLES_AT_HEADER = """
new MutationObserver((records, observer) => {
  if (document.querySelector("label[for=__search]")) {
    window.togglesAtHeader = [...document.querySelectorAll(".mdc-palette-toggle")]
      .filter((b) => getComputedStyle(b).display !== "none").map((b) => b.getAttribute("aria-label"));
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


@pytest.mark.parametrize(("system", "label"), [("light", "Switch to dark mode"), ("dark", "Switch to light mode")])
def test_the_right_switch_is_shown_as_soon_as_the_header_is_parsed(browser, server, system, label):
    context = browser.new_context(color_scheme=system)
    context.add_init_script(TOGGLES_AT_HEADER)
    page = context.new_page()
    page.goto(server + "datasets/chexpert/")
    assert page.evaluate("() => window.togglesAtHeader") == [label]
    context.close()


def test_without_javascript_no_switch_is_shown(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    assert page.locator(".mdc-palette-toggle").count() == 2
    assert page.locator(".mdc-palette-toggle:visible").count() == 0
    context.close()

"""Generated HTML that bypasses Markdown: fragments carried in front matter.

Tables, lists, citations and charts are HTML the generator has already
escaped; none of it is prose for Markdown, and none of it belongs in the
search index. Left in the page body, MkDocs would parse it three times per
build (its anchor scan, Markdown's raw-HTML stash and Material's search
indexer); at 10,000 datasets that was 40 % of the build. So a template
brackets such HTML with comments::

    <!-- fragment:summary -->
    <div>…</div>
    <!-- /fragment -->

and ``move_to_front_matter`` cuts it out: the body keeps only the opening
comment as a marker, the HTML goes to the ``fragments`` front-matter key, and
the theme's ``partials/content.html`` puts it back in place of the marker.
Plain comments rather than a Jinja call block: a call block costs a macro
call per fragment, a fifth of a dataset page's render time. Catalog text can
never form these comments, since every ``<`` it contains is escaped.
"""

from __future__ import annotations

import json
import re

FRONT_MATTER_KEY = "fragments"
_START = "<!-- fragment:"
_END = "<!-- /fragment -->"
_NAME = re.compile(r"[a-z][a-z0-9-]*")


def marker(name: str) -> str:
    """The comment that stands in the Markdown body where fragment ``name`` goes (the theme matches it exactly)."""
    return f"{_START}{name} -->"


def move_to_front_matter(page: str) -> str:
    """The page with each bracketed fragment moved into its front matter (JSON: valid YAML, one line)."""
    if _START not in page and _END not in page:
        return page
    if not page.startswith("---\n"):
        raise ValueError("a page with fragments needs front matter")
    end = page.index("\n---\n", 3)
    fragments: dict[str, str] = {}
    body: list[str] = []
    position = end
    # str.find rather than one regular expression: a lazy ".*?" over the
    # statistics page's megabytes of table is slow
    while (start := page.find(_START, position)) != -1:
        _check_no_stray_end(page, position, start)
        name_end = page.find(" -->\n", start)
        name = page[start + len(_START) : name_end] if name_end != -1 else ""
        if not _NAME.fullmatch(name):
            raise ValueError(f"fragment comment at character {start} has no valid name: use <!-- fragment:NAME --> on a line of its own")
        if name in fragments:
            raise ValueError(f"fragment {name!r} is used twice on one page")
        html_start = name_end + len(" -->\n")
        close = page.find(_END, html_start)
        if close == -1:
            raise ValueError(f"fragment {name!r} is not closed by <!-- /fragment -->")
        if page.find(_START, html_start, close) != -1:
            raise ValueError(f"fragment {name!r} is not closed before the next one opens")
        fragments[name] = page[html_start:close].strip("\n")
        # blank lines around the marker: Markdown keeps it as a raw HTML block of its own
        body += [page[position:start], f"\n\n{marker(name)}\n\n"]
        position = close + len(_END)
        if page.startswith("\n", position):
            position += 1
    _check_no_stray_end(page, position, len(page))
    body.append(page[position:])
    value = json.dumps(fragments, ensure_ascii=True, sort_keys=True)
    return f"{page[:end]}\n{FRONT_MATTER_KEY}: {value}{''.join(body)}"


def _check_no_stray_end(page: str, start: int, stop: int) -> None:
    if page.find(_END, start, stop) != -1:
        raise ValueError("<!-- /fragment --> without an opening <!-- fragment:NAME -->")

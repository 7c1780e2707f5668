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

import re

from .escaping import front_matter_json

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
    # one split at the opening comments, then a partition of each piece: every
    # character is scanned about twice (a find loop scanned it five times, and
    # a lazy ".*?" over the statistics page's megabytes of table was slower still)
    first, *pieces = page[end:].split(_START)
    _check_no_stray_end(first)
    fragments: dict[str, str] = {}
    body = [first]
    for number, piece in enumerate(pieces, start=1):
        name, named, rest = piece.partition(" -->\n")
        if not named or not _NAME.fullmatch(name):
            raise ValueError(f"fragment comment number {number} has no valid name: use <!-- fragment:NAME --> on a line of its own")
        if name in fragments:
            raise ValueError(f"fragment {name!r} is used twice on one page")
        html, closed, after = rest.partition(_END)
        if not closed:
            following = "before the next one opens" if number < len(pieces) else "by <!-- /fragment -->"
            raise ValueError(f"fragment {name!r} is not closed {following}")
        _check_no_stray_end(after)
        fragments[name] = html.strip("\n")
        # blank lines around the marker: Markdown keeps it as a raw HTML block of its own
        body += [f"\n\n{marker(name)}\n\n", after.removeprefix("\n")]
    return f"{page[:end]}\n{FRONT_MATTER_KEY}: {front_matter_json(fragments)}{''.join(body)}"


def _check_no_stray_end(text: str) -> None:
    if _END in text:
        raise ValueError("<!-- /fragment --> without an opening <!-- fragment:NAME -->")

"""The Jinja environment of the page templates, and what every template may use besides its own data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import jinja2

from .. import labels, urls
from ..models import Catalog
from . import escaping
from .markup import ext_link, or_unknown


@dataclass(frozen=True)
class PageContext:
    """What every template may use besides its own data."""

    catalog: Catalog
    source: str  # the page's own source path, for relative links

    def link(self, to: str) -> str:
        """Relative URL from this page to ``to`` (through the site root: one computation per page, not per link)."""
        target = urls.url_of(to) if to.endswith(".md") else to
        return (self.root + target) or "./"

    @cached_property
    def root(self) -> str:
        """Relative URL of the site root from this page ("" for the home page)."""
        # each page is a folder (directory URLs), so the root is one "../" per level
        return "../" * urls.url_of(self.source).count("/")


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja environment: autoescape everywhere, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,  # a build never edits templates (watch makes a new environment), so skip a stat per page
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=escaping.markdown_text,
        fm=escaping.front_matter_value,
        fm_script_json=escaping.front_matter_script_json,
        json_script=escaping.json_for_script,
        number=labels.number,
        plural=labels.plural,
        or_unknown=or_unknown,
    )
    env.globals.update(
        ext_link=ext_link,
        labels=labels,
        urls=urls,
    )
    return env

"""The building blocks every record shares: the base model, identifier patterns and safe URLs."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BIBKEY_PATTERN = r"^[A-Za-z0-9_:.\-]+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"
BRANCH_PATTERN = r"^[A-Za-z0-9._/-]+$"
# A DOI as its registry writes it, without the resolver: 10.<registrant>/<suffix>
DOI_PATTERN = r"^10\.[0-9]{4,9}/[^\s]+$"
MEDIA_TYPE_PATTERN = r"^[a-z]+/[a-z0-9.+-]+$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
MD5_PATTERN = r"^[0-9a-f]{32}$"
# Semantic Versioning 2.0.0 without pre-release or build parts: releases are tagged v<version>
VERSION_PATTERN = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
BibKey = Annotated[str, StringConstraints(pattern=BIBKEY_PATTERN, min_length=1, max_length=100)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
# The usual shape of a catalog URL, which the full check below always accepts:
# http(s), a host of letters, digits, dots and hyphens with an optional port,
# then a path, query or fragment without spaces or control characters. One
# regular expression instead of urlsplit made URL checks a sixth as costly.
_PLAIN_HTTP_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:[/?#][^\s\x00-\x1f\x7f]*)?")


def check_http_url(value: str) -> str:
    """Accept only absolute http(s) URLs without whitespace or control characters."""
    if _PLAIN_HTTP_URL.fullmatch(value):
        return value
    return check_http_url_fully(value)


def check_http_url_fully(value: str) -> str:
    """``check_http_url`` for any string, through urlsplit."""
    if _SPACE_OR_CONTROL.search(value):
        raise ValueError("URL must not contain spaces or control characters")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"only http and https URLs are allowed, got {value!r}")
    if not parts.netloc or parts.netloc.startswith("@"):
        raise ValueError(f"URL has no host: {value!r}")
    return value


HttpUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(check_http_url)]


class StrictModel(BaseModel):
    """Base for catalog records: immutable, and unknown keys are errors (typos never vanish)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# What each pattern asks for, in a contributor's words: no message shows a raw regular expression.
PATTERN_MEANINGS = {
    SLUG_PATTERN: "must be a slug: lowercase letters, digits and single hyphens, such as 'my-dataset-2024'",
    BIBKEY_PATTERN: "must be a BibTeX key: letters, digits and _ : . - only, such as 'smith2020chest'",
    EMAIL_PATTERN: "must be an e-mail address, such as 'name@example.org'",
    BRANCH_PATTERN: "must be a git branch name: letters, digits and . _ / - only",
    DOI_PATTERN: "must be a DOI without its resolver, such as '10.5281/zenodo.1175282'",
    MEDIA_TYPE_PATTERN: "must be a media type, such as 'application/zip' or 'application/x-tar'",
    SHA256_PATTERN: "must be a SHA-256 checksum: 64 lowercase hexadecimal digits",
    MD5_PATTERN: "must be an MD5 checksum: 32 lowercase hexadecimal digits",
    VERSION_PATTERN: "must be a version MAJOR.MINOR.PATCH of plain numbers, such as '1.2.0'",
}

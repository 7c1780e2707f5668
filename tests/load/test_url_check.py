"""The URL rule's fast path accepts only what the full check (urlsplit) accepts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.models import check_http_url, check_http_url_fully
from generator.models.base import _PLAIN_HTTP_URL

# URL-like strings: a scheme-ish start, then characters that often break URL parsing
URL_LIKE = st.builds(
    lambda scheme, rest: scheme + rest,
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "http:/", "http:", "", "javascript:", "https://@"]),
    st.text(alphabet=st.sampled_from(list("ab.-:@/?#[]% 09\t\n\x00\x7f\u00a0\u2028é_")), max_size=20),
)


def _fully(value: str) -> bool:
    try:
        check_http_url_fully(value)
    except ValueError:
        return False
    return True


@given(URL_LIKE)
def test_fast_path_never_accepts_what_the_full_check_refuses(value):
    if _PLAIN_HTTP_URL.fullmatch(value):
        assert _fully(value), value


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org",
        "http://a.b:8080/x?y=1#z",
        "https://example.org/a%20b",
        "https://x.org/é",
        "HTTPS://Example.org/",
        "https://user@x.org/",
    ],
)
def test_accepted(value):
    assert check_http_url(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "ftp://x.org",
        "https://",
        "https://@x.org",
        "https://x.org/a b",
        "https://x.org/\u2028",
        "javascript:alert(1)",
        "//x.org",
        "https://x.org/\x7f",
    ],
)
def test_refused(value):
    with pytest.raises(ValueError, match=r"URL|allowed"):
        check_http_url(value)

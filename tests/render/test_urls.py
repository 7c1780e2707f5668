"""Relative links between generated pages."""

from __future__ import annotations

import pytest

from generator.urls import relative, url_of


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("datasets/a.md", "categories/x.md", "../../categories/x/"),
        ("index.md", "categories/x.md", "categories/x/"),
        ("datasets/a.md", "index.md", "../../"),
        ("statistics.md", "datasets/a.md", "../datasets/a/"),
        ("index.md", "data/datasets.json", "data/datasets.json"),
        ("statistics.md", "data/datasets.csv", "../data/datasets.csv"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative(source, target, expected):
    assert relative(source, target) == expected


def test_url_of():
    assert url_of("index.md") == ""
    assert url_of("datasets/a.md") == "datasets/a/"

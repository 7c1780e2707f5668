"""Property-based tests: random dataset records never crash `check`; every valid one renders and builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build.jobs import render_tree
from generator.load.catalog import load_catalog
from generator.models import FIGURE_FIELDS, IMAGE_UNITS, Access, Dimensionality, Task
from generator.problems import CatalogError
from tests.helpers import MINIMAL_CATALOG, TEMPLATES, build_site

SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True).filter(lambda s: s not in {"alpha", "beta"})
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(lambda s: s.strip())
LONG_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=50, max_size=400).filter(lambda s: len(s.strip()) >= 50)
URL = st.one_of(st.just("https://example.org/data"), st.builds(lambda s: f"https://example.org/{s}", SLUG))
COUNT = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))


@st.composite
def valid_record(draw, slug=None) -> dict:
    tasks = draw(st.lists(st.sampled_from([t.value for t in Task]), min_size=1, max_size=4, unique=True))
    train, test = draw(COUNT), draw(COUNT)
    total = draw(st.one_of(st.none(), st.integers(min_value=(train or 0) + (test or 0), max_value=2 * 10**9)))
    homepage = draw(st.one_of(st.none(), URL))
    record = {
        "slug": slug or draw(SLUG),
        "origin": "added",
        "version": draw(st.one_of(st.none(), TEXT.filter(lambda s: len(s.strip()) <= 40))),
        "name": draw(TEXT.filter(lambda s: s.strip().casefold() not in {"alpha", "beta", "alpha x-ray set"})),
        "aliases": [],
        "category": draw(st.sampled_from(["x-ray", "natural"])),
        "modality": draw(TEXT),
        "target": draw(st.one_of(st.none(), TEXT)),
        "tasks": tasks,
        "frame_size": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {
                        "sizes": st.lists(
                            st.fixed_dictionaries({"width": st.integers(1, 100_000), "height": st.integers(1, 100_000)}),
                            min_size=1,
                            max_size=3,
                        ),
                        "basis": st.sampled_from(["exact", "typical", "average"]),
                    }
                ),
                st.just({"varies": True}),
            )
        ),
        "images": {
            "unit": draw(st.sampled_from([u.value for u in IMAGE_UNITS])),
            "train": train,
            "test": test,
            "total": total,
            "approximate": draw(st.booleans()),
        },
        "classes": draw(st.one_of(st.none(), st.lists(st.fixed_dictionaries({"count": st.integers(1, 5000)}), min_size=1, max_size=3))),
        "dimensionality": draw(st.one_of(st.none(), st.sampled_from([d.value for d in Dimensionality]))),
        "year": draw(st.one_of(st.none(), st.integers(1900, 2100))),
        "description": draw(LONG_TEXT),
        "homepage": homepage,
        "homepage_note": None if homepage else draw(TEXT),
        "access": draw(st.sampled_from([a.value for a in Access])),
        "license": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {
                        "status": st.just("stated"),
                        "name": TEXT,
                        "commercial_use": st.one_of(st.none(), st.booleans()),
                        "checked_url": st.just("https://example.org/terms"),
                        "checked_on": st.just("2026-01-01"),
                    }
                ),
                st.just(
                    {"status": "none-found", "commercial_use": None, "checked_url": "https://example.org/t", "checked_on": "2026-01-01"}
                ),
            )
        ),
        "get_data": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries(
                    {
                        "steps": TEXT,
                        "image_formats": st.lists(st.sampled_from(["PNG", "DICOM", "MHD/RAW", "Python pickle"]), max_size=2),
                        "split": st.fixed_dictionaries({"official": st.sampled_from([None, False])}),
                        "loaders": st.lists(
                            st.fixed_dictionaries(
                                {
                                    "library": st.just("monai"),
                                    "call": TEXT,
                                    "official": st.booleans(),
                                    "source": st.just("https://example.org/l"),
                                }
                            ),
                            max_size=1,
                        ),
                        "known_issues": st.lists(
                            st.fixed_dictionaries({"text": TEXT, "source": st.just("https://example.org/i")}), max_size=1
                        ),
                    }
                ),
            )
        ),
        "references": ["alpha2020"],
        "errata": [],
    }
    # an added dataset shows only confirmed figures: one state for each figure given
    images = record["images"]
    values = {**record, **{f"images.{part}": images[part] for part in ("train", "test", "total")}}
    record["figures"] = {
        field: {"state": "confirmed", "source": "https://example.org/s", "note": draw(st.one_of(st.none(), TEXT))}
        for field in FIGURE_FIELDS
        if values.get(field) not in (None, [])
    }
    return record


def any_value():
    return st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT),
        lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(TEXT, children, max_size=3)),
        max_leaves=8,
    )


@st.composite
def mangled_record(draw) -> dict:
    """A valid record with some fields dropped, replaced by random values, or added."""
    record = draw(valid_record())
    for key in draw(st.lists(st.sampled_from(sorted(record)), max_size=4, unique=True)):
        action = draw(st.sampled_from(["drop", "replace"]))
        if action == "drop":
            record.pop(key)
        else:
            record[key] = draw(any_value())
    if draw(st.booleans()):
        record[draw(TEXT)] = draw(any_value())
    return record


def write(catalog: Path, record: dict, name: str | None = None) -> None:
    stem = name or (record.get("slug") if isinstance(record.get("slug"), str) and record.get("slug") else "fuzz")
    # JSON is YAML that reads the same under YAML 1.1 (PyYAML) and 1.2 (yaml-rs): PyYAML's own
    # dump leaves strings such as "0e0" unquoted, which YAML 1.2 reads as a number.
    text = json.dumps(record, ensure_ascii=False, default=str, indent=1)
    (catalog / "datasets" / f"{stem}.yaml").write_text(text, encoding="utf-8")


def fresh_catalog(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "catalog"
    shutil.copytree(MINIMAL_CATALOG, target)
    return target


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FUZZ
@given(record=mangled_record())
def test_check_never_crashes(tmp_path_factory, record):
    catalog = fresh_catalog(tmp_path_factory)
    write(catalog, record, name="fuzz")
    try:
        load_catalog(catalog)
    except CatalogError as err:
        for problem in err.problems:
            assert problem.file
            assert problem.line >= 1
            assert problem.field
            assert problem.message


@FUZZ
@given(record=mangled_record())
def test_raw_yaml_text_never_crashes(tmp_path_factory, record):
    """Random bytes appended to a valid file: still only clean errors."""
    catalog = fresh_catalog(tmp_path_factory)
    text = yaml.safe_dump(record, allow_unicode=True)
    (catalog / "datasets" / "fuzz.yaml").write_text(text[: len(text) // 2] + "\n: [\t{", encoding="utf-8")
    with pytest.raises(CatalogError):
        load_catalog(catalog)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(record=valid_record())
def test_every_valid_record_renders(tmp_path_factory, record):
    catalog_dir = fresh_catalog(tmp_path_factory)
    write(catalog_dir, record)
    catalog = load_catalog(catalog_dir)
    files = render_tree(catalog, TEMPLATES)
    assert f"datasets/{record['slug']}.md" in files


@pytest.mark.slow
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(records=st.lists(valid_record(), min_size=5, max_size=12, unique_by=lambda r: r["slug"]))
def test_valid_records_build_with_mkdocs(tmp_path_factory, records):
    catalog_dir = fresh_catalog(tmp_path_factory)
    names = set()
    for i, record in enumerate(records):
        record["name"] = f"{record['name']} {i}"  # names must be unique
        names.add(record["name"].casefold())
        write(catalog_dir, record)
    site = build_site(catalog_dir, catalog_dir.parent)
    for record in records:
        assert (site / "datasets" / record["slug"] / "index.html").is_file()

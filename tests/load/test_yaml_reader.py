"""Reading YAML: line numbers, duplicate keys, encodings."""

from __future__ import annotations

from generator.load.yaml_reader import read_yaml


def read(tmp_path, text, raw=None):
    path = tmp_path / "x.yaml"
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(text, encoding="utf-8")
    return read_yaml(path, "x.yaml")


def test_lines_of_keys_and_list_items(tmp_path):
    doc, problems = read(tmp_path, "a: 1\nb:\n  c: 2\n  d:\n    - x\n    - y\n")
    assert not problems
    assert doc.data == {"a": 1, "b": {"c": 2, "d": ["x", "y"]}}
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("b", "c")) == 3
    assert doc.line_of(("b", "d", 1)) == 6
    assert doc.line_of(("b", "missing")) == 2  # nearest known ancestor


def test_duplicate_key_is_reported_not_silently_kept(tmp_path):
    doc, problems = read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert doc.data["a"] == 1
    assert [(p.line, p.field) for p in problems] == [(3, "a")]
    assert "first given on line 1" in problems[0].message


def test_nested_duplicate_key(tmp_path):
    _, problems = read(tmp_path, "images:\n  train: 1\n  train: 2\n")
    assert [(p.line, p.field) for p in problems] == [(3, "images.train")]


def test_non_utf8_names_the_line(tmp_path):
    doc, problems = read(tmp_path, None, raw=b"a: 1\nb: \xe9t\xe9\n")
    assert doc is None
    assert (problems[0].line, problems[0].field) == (2, "(encoding)")


def test_utf8_text_is_kept(tmp_path):
    doc, problems = read(tmp_path, "name: Décencière – “ok” ×\n")
    assert not problems
    assert doc.data["name"] == "Décencière – “ok” ×"


def test_syntax_error_line(tmp_path):
    doc, problems = read(tmp_path, "a: [1, 2\nb: 3\n")
    assert doc is None
    assert problems[0].field == "(syntax)"
    assert problems[0].line == 2


def test_non_text_key(tmp_path):
    _, problems = read(tmp_path, "1: a\n")
    assert problems[0].message == "keys must be text"


def test_problem_in_a_file_only_the_fast_reader_accepts_is_still_reported(minimal_catalog, capsys):
    """yaml-rs (YAML 1.2) accepts a raw DEL character that PyYAML refuses: locating a problem must not crash."""
    from generator.cli import main

    alpha = minimal_catalog / "datasets" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("modality: X-ray", "modality: X\x7fray\nmodailty: CT"), encoding="utf-8")
    assert main(["check", "--catalog", str(minimal_catalog)]) == 1
    assert "datasets/alpha.yaml:1: modailty: unknown field 'modailty'" in capsys.readouterr().err


# ---- one meaning for YAML: the careful reader resolves scalars like the fast one (YAML 1.2 core schema)

import math  # noqa: E402

import yaml_rs  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from generator.load.yaml_reader import _read_carefully  # noqa: E402

# Scalars whose meaning YAML 1.1 and 1.2 disagree on, or that look like numbers, dates or nulls.
TRICKY = ["no", "No", "NO", "yes", "on", "off", "y", "n", "012", "0o12", "0x1F", "0b101", "1e3", ".5", "+.5", "1.", "~", "null",
          "Null", "", "true", "False", "TRUE", ".inf", "-.Inf", ".NaN", "-.NaN", "1_000", "1:30", "2024-01-01", "2024-02-30", "0",
          "-0", "00", "+12", "<<", "=", "007", "0o", "1e", "nan", "inf", "2002-12-14t21:59:43.10-05:00"]  # fmt: skip
PIECES = st.sampled_from(list("0123456789+-._eEoOxXbB:nNaAiIfFtTrRuUlLsSyY~ "))
SCALAR_TEXT = st.one_of(st.sampled_from(TRICKY), st.text(PIECES, min_size=1, max_size=8).map(str.strip).filter(bool))
QUOTED = st.sampled_from(TRICKY).map(lambda s: f'"{s}"')
KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)


def _same(a, b) -> bool:
    """Equal values, NaN equal to NaN, and of the same type (1 is not True, 1.0 is not 1)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, st.one_of(SCALAR_TEXT, QUOTED, st.lists(SCALAR_TEXT, min_size=1, max_size=3)), min_size=1, max_size=6))
def test_careful_reader_gives_the_fast_readers_values(fields):
    lines = []
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{key}: {value}")
    text = "\n".join(lines) + "\n"
    try:
        fast = yaml_rs.loads(text, parse_datetime=False)
    except Exception:
        return
    if not isinstance(fast, dict):
        return
    doc, problems = _read_carefully(text, "x.yaml")
    if doc is None and [p.field for p in problems] == ["(syntax)"]:
        return  # a syntax only yaml-rs accepts (such as `- :`): the parsers differ there, not the meanings
    assert doc is not None, (text, problems)
    if problems:  # keys that are not text (`0:`) are reported, and kept as text: the one intended difference
        assert {p.message for p in problems} == {"keys must be text"}, (text, problems)
        return
    assert _same(doc.data, fast), (text, doc.data, fast)


def test_duplicate_key_beside_no_reports_only_the_duplicate(tmp_path):
    """Read carefully because of the duplicate, `no` is still the text 'no' (it was False under YAML 1.1)."""
    doc, problems = read(tmp_path, "target: no\nmodality: X-ray\nmodality: CT\non: off\n")
    assert doc.data == {"target": "no", "modality": "X-ray", "on": "off"}
    assert [p.field for p in problems] == ["modality"]


def test_octal_looking_numbers_mean_what_yaml_12_says(tmp_path):
    doc, problems = read(tmp_path, "a: 012\nb: 0o12\nc: 0x1F\nd: 1e3\ne: .5\nf: ~\ng: '012'\nh: !!str 12\na: 1\n")
    assert [p.field for p in problems] == ["a"]  # the duplicate forced the careful reader
    assert doc.data == {"a": 12, "b": 10, "c": 31, "d": 1000.0, "e": 0.5, "f": None, "g": "012", "h": "12"}
    fast, _ = read(tmp_path, "a: 012\nb: 0o12\nc: 0x1F\nd: 1e3\ne: .5\nf: ~\ng: '012'\nh: !!str 12\n")
    assert fast.data == doc.data

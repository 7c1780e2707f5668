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

"""Labels a reader sees: class counts name their classes, and their task only where it tells datasets' counts apart."""

from __future__ import annotations

from generator.labels import classes_detail
from generator.models import ClassCount, Task
from generator.render.summary_table import summary_table_body


def test_one_count_reads_as_count_then_classes():
    entry = ClassCount(count=2, task=Task.classification, label="normal, pneumonia")
    assert classes_detail(entry, with_task=False) == "2: normal, pneumonia"
    assert classes_detail(ClassCount(count=5), with_task=False) == "5"


def test_several_counts_name_their_task():
    entry = ClassCount(count=2, task=Task.segmentation, label="optic disc, optic cup")
    assert classes_detail(entry, with_task=True) == "2 for segmentation: optic disc, optic cup"


def test_dataset_pages_show_classes_that_way(catalog):
    chest = next(d for d in catalog.datasets if d.slug == "chestxray-2017")
    body = summary_table_body(chest, catalog.category(chest.category), "../")
    assert "2: normal, pneumonia" in body
    assert "classification" not in body.split("Classes", 1)[1].split("</tr>", 1)[0].lower()

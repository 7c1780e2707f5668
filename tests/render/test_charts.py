"""Chart geometry for large catalogs: distributions instead of one mark per dataset."""

from __future__ import annotations

from generator.models import Catalog, ImageCounts, Task
from generator.render import charts


def _with_totals(catalog: Catalog, totals: list[int | None]) -> Catalog:
    template = catalog.datasets[0]
    datasets = tuple(
        template.model_copy(update={"slug": f"d{i}", "images": ImageCounts(train=None, test=None, total=total)})
        for i, total in enumerate(totals)
    )
    return catalog.model_copy(update={"datasets": datasets})


def test_images_histogram_bins_by_powers_of_ten(catalog):
    totals = [0, 1, 9, 10, 99, 100, 12_345, None, None] * 10
    chart = charts.images_histogram(_with_totals(catalog, totals))
    counts = {bar.text.split(":")[0]: bar.text.split(": ")[1] for bar in chart.bars}
    assert counts == {
        "0 images": "10 datasets",
        "1–9 images": "20 datasets",
        "10–99 images": "20 datasets",
        "100–999 images": "10 datasets",
        "1,000–9,999 images": "0 datasets",
        "10,000–99,999 images": "10 datasets",
        "not reported": "20 datasets",
    }


def test_task_chart_counts_a_dataset_once_for_each_of_its_tasks(catalog):
    expected = {t: sum(t in d.tasks for d in catalog.datasets) for t in Task}
    chart = charts.task_chart(catalog)
    shown = {bar.text.split(":")[0]: int(bar.text.split(": ")[1].split()[0]) for bar in chart.bars}
    assert shown == {charts.labels.TASK_LABELS[t]: n for t, n in expected.items()}
    assert sum(shown.values()) > len(catalog.datasets)  # some datasets have several tasks

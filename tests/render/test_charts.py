"""Chart geometry for large catalogs: distributions instead of one mark per dataset."""

from __future__ import annotations

from generator.models import Catalog, CountUnit, ImageCounts, Task
from generator.render import charts


def _with_counts(catalog: Catalog, counts: list[tuple[int | None, CountUnit]]) -> Catalog:
    template = catalog.datasets[0]
    datasets = tuple(
        template.model_copy(update={"slug": f"d{i}", "name": f"D{i}", "images": ImageCounts(unit=unit, train=None, test=None, total=total)})
        for i, (total, unit) in enumerate(counts)
    )
    return catalog.model_copy(update={"datasets": datasets})


def test_sizes_chart_gives_each_unit_its_own_row_and_groups_close_sizes(catalog):
    counts = [(1000, CountUnit.image)] * 30 + [
        (1100, CountUnit.image),
        (40, CountUnit.volume),
        (50, CountUnit.volume),
        (None, CountUnit.slide),
    ]
    chart = charts.sizes_chart(_with_counts(catalog, counts))
    rows = [label.text for label in chart.labels]
    assert rows == ["Images (31)", "Volumes (2)"]  # a dataset without a count has no row; units are never mixed
    texts = sorted(point.text for point in chart.points)
    # 1,000 and 1,100 fall in one quarter-decade (10**3 to 10**3.25): one circle for all 31; 40 and 50 likewise
    assert texts == ["2 datasets of 32 to 56 volumes", "31 datasets of 1,000 to 1,778 images"], texts
    assert "no count reported: 1 dataset" in chart.description
    image_row = next(p for p in chart.points if "images" in p.text)
    volume_row = next(p for p in chart.points if "volumes" in p.text)
    assert image_row.y != volume_row.y
    assert image_row.r > volume_row.r  # the circle grows with the number of datasets


def test_sizes_chart_stays_the_same_size_as_the_catalog_grows(catalog):
    small = charts.sizes_chart(_with_counts(catalog, [(10**k, CountUnit.image) for k in range(1, 7)]))
    large = charts.sizes_chart(_with_counts(catalog, [(10 ** (1 + i % 6), CountUnit.image) for i in range(600)]))
    assert large.height == small.height
    assert len(large.points) == len(small.points) == 6
    assert "from 10 to 1,000,000" in large.description


def test_task_chart_counts_a_dataset_once_for_each_of_its_tasks(catalog):
    expected = {t: sum(t in d.tasks for d in catalog.datasets) for t in Task}
    chart = charts.task_chart(catalog)
    shown = {bar.text.split(":")[0]: int(bar.text.split(": ")[1].split()[0]) for bar in chart.bars}
    assert shown == {charts.labels.TASK_LABELS[t]: n for t, n in expected.items()}
    assert sum(shown.values()) > len(catalog.datasets)  # some datasets have several tasks

"""Synthetic but valid catalogs of any size, for benchmarks and scale tests.

A fixed seed gives the same catalog every time. Names, categories, tasks,
counts and unknown values vary the way real entries do; the collection
(categories, licence) is the real one, so pages look like the real site.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from ..models import FIGURE_FIELDS, IMAGE_UNITS, Access, Dimensionality, Task

WORDS = [
    "lung",
    "liver",
    "brain",
    "breast",
    "retina",
    "skin",
    "heart",
    "kidney",
    "prostate",
    "colon",
    "bone",
    "knee",
    "spine",
    "pancreas",
    "thyroid",
    "cervix",
    "nodule",
    "lesion",
    "tumour",
    "vessel",
    "gland",
    "nucleus",
    "fracture",
    "glaucoma",
    "melanoma",
    "polyp",
    "stroke",
    "edema",
    "cardiac",
    "dental",
]
SUFFIXES = ["Set", "Challenge", "Database", "Archive", "Benchmark", "Atlas", "Study", "Collection"]
MODALITIES = {
    "x-ray": ["X-ray"],
    "ultrasound": ["Ultrasound"],
    "mri-ct": ["CT", "MRI"],
    "histopathology": ["H&E histopathology"],
    "fundus-oct": ["Fundus photography", "OCT"],
    "dermoscopy": ["Dermoscopy", "Cervicography"],
    "natural": ["Natural images"],
    "microscopy": ["Fluorescence microscopy", "Cytology"],
    "endoscopy": ["Colonoscopy", "Capsule endoscopy"],
}
# one dataset in WRITE_UP_SHARE comes from the (synthetic) write-up, the others are added
WRITE_UP_SHARE = 7
UNIT_WEIGHTS = {"image": 12, "slice": 2, "volume": 3, "study": 2, "case": 2, "slide": 2, "patch": 1, "video": 1, "frame": 1, "exam": 1}
LICENSES = [
    {"status": "stated", "name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/", "commercial_use": True},
    {
        "status": "stated",
        "name": "CC BY-NC-SA 4.0",
        "url": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "commercial_use": False,
        "conditions": ["non-commercial", "share-alike"],
    },
    {"status": "stated", "name": "Research use agreement", "commercial_use": None, "conditions": ["registration", "data-use-agreement"]},
    {"status": "none-found", "commercial_use": None, "also_checked": ["https://datasets.example.org/terms/"]},
    None,
]
FORMATS = [["PNG"], ["JPEG"], ["DICOM"], ["NIfTI"], ["TIFF"], ["MHD/RAW"]]


def _maybe(rng: random.Random, value: object, unknown: float = 0.15) -> object:
    return None if rng.random() < unknown else value


def _licence(rng: random.Random, homepage: str) -> dict | None:
    licence = rng.choice(LICENSES)
    return None if licence is None else {**licence, "checked_url": homepage, "checked_on": "2026-01-01"}


def _get_data(rng: random.Random, homepage: str, train: int | None, test: int | None) -> dict | None:
    if rng.random() < 0.2:
        return None
    official = train is not None and test is not None
    loaders = [{"library": "huggingface-datasets", "call": "datasets.load_dataset('synthetic')", "official": False, "source": homepage}]
    return {
        "steps": "Download the archive from the synthetic project's page; no account is needed.",
        "image_formats": rng.choice(FORMATS),
        "annotation_formats": rng.choice([[], ["CSV"], ["PNG"], ["JSON"]]),
        "formats_source": homepage,
        "subjects": {"count": rng.randint(10, 50_000), "unit": "patients", "source": homepage} if rng.random() < 0.5 else None,
        "split": {"official": official, "train": train if official else None, "test": test if official else None, "source": homepage},
        "loaders": loaders if rng.random() < 0.3 else [],
        "known_issues": [{"text": "Synthetic duplicates across splits.", "source": homepage}] if rng.random() < 0.1 else [],
    }


def dataset_record(rng: random.Random, index: int, references: list[str]) -> dict:
    """One valid dataset record."""
    category = rng.choice(list(MODALITIES))
    word_a, word_b = rng.sample(WORDS, 2)
    name = f"{word_a.capitalize()} {word_b.capitalize()} {rng.choice(SUFFIXES)} {index}"
    train = rng.randint(10, 2_000_000) if rng.random() < 0.6 else None
    test = rng.randint(5, 200_000) if train is not None and rng.random() < 0.8 else None
    total = None if train is not None else _maybe(rng, rng.randint(10, 5_000_000))
    tasks = rng.sample([t.value for t in Task], rng.randint(1, 2))
    side = rng.choice([32, 224, 256, 320, 512, 1024, 2048, 4000])
    homepage = f"https://datasets.example.org/{index}/"
    errata = (
        [
            {
                "field": "images.test",
                "collection_value": "1",
                "corrected_value": str(test),
                "source": homepage,
                "note": "Synthetic erratum.",
            }
        ]
        if test is not None and rng.random() < 0.05
        else []
    )
    write_up = index % WRITE_UP_SHARE == 0
    units = list(UNIT_WEIGHTS)
    unit = rng.choices(units, weights=[UNIT_WEIGHTS[u] for u in units])[0]
    assert unit in {u.value for u in IMAGE_UNITS}
    record = {
        "slug": f"synthetic-{index:05d}",
        "origin": "write-up" if write_up else "added",
        "version": None if write_up or rng.random() < 0.6 else rng.choice(["1.0.0", "v2", "2021", "2.1"]),
        "name": name,
        "aliases": [f"SYN{index}"] if rng.random() < 0.5 else [],
        "category": category,
        "modality": rng.choice(MODALITIES[category]),
        "target": _maybe(rng, word_a.capitalize()),
        "tasks": tasks,
        "frame_size": _maybe(
            rng, {"sizes": [{"width": side, "height": int(side * rng.choice([1, 0.75, 1.25]))}], "basis": rng.choice(["exact", "typical"])}
        ),
        "images": {"unit": unit, "train": train, "test": test, "total": total, "approximate": rng.random() < 0.05},
        "classes": _maybe(rng, [{"count": rng.randint(2, 1000), "task": tasks[0]}]),
        "dimensionality": _maybe(rng, rng.choice([d.value for d in Dimensionality])),
        "year": _maybe(rng, rng.randint(1995, 2026)),
        "description": (
            f"Synthetic entry {index} for benchmarks: {word_a} and {word_b} images from a made-up study, "
            f"annotated for {' and '.join(tasks)}. It exists only to measure how the site scales."
        ),
        "homepage": homepage,
        "access": rng.choice([a.value for a in Access]),
        "license": _licence(rng, homepage),
        "get_data": _get_data(rng, homepage, train, test),
        "relations": [{"type": "subset-of", "dataset": f"synthetic-{index - 1:05d}", "source": homepage}]
        if index and rng.random() < 0.05
        else [],
        "references": [rng.choice(references)],
    }
    if write_up:
        figures = {field: {"state": "confirmed", "source": homepage} for field in ("modality", "tasks", "homepage")}
        if errata:
            figures["images.test"] = {"state": "corrected"}
    else:
        # an added dataset shows only confirmed figures, and has no write-up value to correct
        errata = []
        values = {**record, **{f"images.{part}": record["images"][part] for part in ("train", "test", "total")}}
        figures = {field: {"state": "confirmed", "source": homepage} for field in FIGURE_FIELDS if values.get(field) not in (None, [])}
    return {**record, "figures": figures, "errata": errata}


def write_synthetic_catalog(out: Path, count: int, seed: int = 2026, source_catalog: Path | None = None) -> Path:
    """Write a catalog of ``count`` synthetic datasets into ``out`` (replacing it); return it."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    if out.exists():
        shutil.rmtree(out)
    (out / "datasets").mkdir(parents=True)
    source = source_catalog or Path(__file__).resolve().parents[2] / "catalog"
    shutil.copy(source / "collection.yaml", out / "collection.yaml")
    keys = [f"synthetic{i:04d}" for i in range(max(1, count // 10))]
    bib = [
        f"@article{{{key},\n  author = {{Doe, Jane and Roe, Richard}},\n  title = {{Synthetic Paper {i}}},\n"
        f"  journal = {{Journal of Benchmarks}},\n  year = {{{2000 + i % 26}}}\n}}\n"
        for i, key in enumerate(keys)
    ]
    (out / "references.bib").write_text("\n".join(bib), encoding="utf-8")
    rows = []
    for index in range(count):
        record = dataset_record(rng, index, keys)
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        (out / "datasets" / f"{record['slug']}.yaml").write_text(text, encoding="utf-8")
        if record["origin"] == "write-up":
            rows.append(_write_up_row(record))
    (out / "write-up.yaml").write_text(yaml.safe_dump({"rows": rows}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    wanted = [_wanted_entry(rng, index) for index in range(max(1, count // 50))]
    (out / "wanted.yaml").write_text(yaml.safe_dump({"wanted": wanted}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return out


def _wanted_entry(rng: random.Random, index: int) -> dict:
    """A dataset of the wanted list: known of, not yet described."""
    word = rng.choice(WORDS).capitalize()
    return {
        "name": f"Wanted {word} Archive {index}",
        "aliases": [f"WANTED-{index}"],
        "category": rng.choice(list(MODALITIES)),
        "reason": rng.choice(["no-primary-source", "not-distributed"]),
        "note": "A synthetic dataset whose pages could not be read.",
        "tried": [f"https://datasets.example.org/wanted/{index}/"],
    }


def _write_up_row(record: dict) -> dict:
    """The synthetic write-up's Table 1 row of a dataset, printed as a write-up would."""
    images = record["images"]
    counts = [images[part] for part in ("train", "test") if images[part] is not None] or [images["total"]]
    return {
        "dataset": record["slug"],
        "name": record["name"],
        "modality": record["modality"],
        "target": record["target"] or "-",
        "frame_size": "-",
        "images": "/".join(f"{n:,}" for n in counts if n is not None) or "-",
        "classes": str(record["classes"][0]["count"]) if record["classes"] else "-",
        "task": "/".join(record["tasks"]),
    }

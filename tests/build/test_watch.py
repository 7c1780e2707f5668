"""`generator watch` (used by `make serve`) regenerates pages when a catalog file changes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_saving_a_catalog_file_regenerates_its_page(tmp_path, catalog_copy):
    out = tmp_path / "docs"
    page = out / "datasets" / "drive.md"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "watch", "--catalog", str(catalog_copy), "--out", str(out), "--interval", "0.2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(page.exists)
        source = catalog_copy / "datasets" / "drive.yaml"
        source.write_text(source.read_text().replace("It is one of the standard", "It is still one of the standard"))
        assert wait_for(lambda: "It is still one of the standard" in page.read_text(encoding="utf-8"))
    finally:
        process.terminate()
        process.wait(timeout=10)

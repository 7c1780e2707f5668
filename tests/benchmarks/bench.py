"""`make bench`: how the build and the statistics page scale with the catalog.

For each size it writes a seeded synthetic catalog, then measures in fresh
processes: loading and validation, rendering, writing, `mkdocs build`, peak
memory; the sizes of the site, of a dataset page, of the statistics page and
of the search index; what a re-run writes with nothing changed and after one
dataset changes; and, in headless Chromium, the median time to sort and to
filter the statistics table. Loading, validation and rendering run three
times (a first build, an unchanged re-run, a re-run after one change) and the
median is reported, with the time of a fixed Python loop run just before
each (the host's speed at that moment, which drifts on shared machines).
It prints a table and writes the figures as JSON. Not a test: run it on a
quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

STAGES = r"""
import json, resource, sys, time
from pathlib import Path
from generator.cli import load, render  # as the commands run them: workers for large catalogs, collector paused
from generator.build.output import write_tree
# the host's speed at this moment: a fixed loop of plain Python (it drifts by ±30 % on shared machines)
t = time.perf_counter(); s = 0
for i in range(3_000_000): s += i
host_loop_s = time.perf_counter() - t
t0 = time.perf_counter(); catalog = load(Path(sys.argv[1])); t1 = time.perf_counter()
files = render(catalog, Path(sys.argv[2])); t2 = time.perf_counter()
report = write_tree(files, Path(sys.argv[3])); t3 = time.perf_counter()
print(json.dumps({"host_loop_s": host_loop_s, "load_validate_s": t1 - t0, "render_s": t2 - t1, "write_s": t3 - t2,
                  "written": len(report.written), "written_files": report.written[:20], "files": len(files)}))
"""


def run(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run a command; return wall seconds, peak RSS in MB of that process, stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    # wait4 gives this child's own resource use (peak RSS in KB on Linux)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out, err = process.stdout.read(), process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return elapsed, usage.ru_maxrss // 1024, out


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def browser_timings(site: Path, base: str, runs: int) -> dict[str, float] | None:
    """Median milliseconds to sort each numeric column and to apply a filter, in headless Chromium."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return None
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import serve

    measure = """async ({selector, kind, value}) => {
        const started = performance.now();
        if (kind === 'click') document.querySelector(selector).click();
        else { const el = document.querySelector(selector); el.value = value; el.dispatchEvent(new Event('change', {bubbles: true})); }
        document.body.offsetHeight;  // include style and layout of the new rows
        await new Promise(r => requestAnimationFrame(() => r()));
        return performance.now() - started;
    }"""
    results: dict[str, list[float]] = {
        "sort_images_ms": [],
        "sort_frame_ms": [],
        "sort_name_ms": [],
        "filter_category_ms": [],
        "filter_task_ms": [],
    }
    with serve(site, base) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url + "statistics/", timeout=120_000)
        page.wait_for_selector("#statistics-filters:not([hidden])", timeout=120_000)
        load_ms = (time.perf_counter() - started) * 1000
        for _ in range(runs):
            for key, column in (("sort_images_ms", "images"), ("sort_frame_ms", "frame"), ("sort_name_ms", "name")):
                results[key].append(page.evaluate(measure, {"selector": f'th[data-key="{column}"] button', "kind": "click", "value": ""}))
            for key, name, value in (("filter_category_ms", "category", "mri-ct"), ("filter_task_ms", "task", "segmentation")):
                results[key].append(page.evaluate(measure, {"selector": f"#filter-{name}", "kind": "select", "value": value}))
                page.evaluate(measure, {"selector": f"#filter-{name}", "kind": "select", "value": ""})
        browser.close()
    summary = {key: round(statistics.median(values), 1) for key, values in results.items()}
    # the page keeps each sort order it has made, so later runs of a sort are
    # faster than the first: report the first (cold) one of each as well
    summary.update({key.replace("_ms", "_first_ms"): round(values[0], 1) for key, values in results.items() if key.startswith("sort_")})
    summary["sort_slowest_first_ms"] = max(summary[k] for k in summary if k.endswith("_first_ms"))
    summary["sort_slowest_median_ms"] = max(summary[k] for k in results if k.startswith("sort_"))
    summary["filter_slowest_median_ms"] = max(summary[k] for k in results if k.startswith("filter_"))
    summary["statistics_page_load_ms"] = round(load_ms)
    return summary


def bench_size(count: int, work: Path, runs: int) -> dict:
    from generator.tools.synthetic import write_synthetic_catalog

    catalog = write_synthetic_catalog(work / "catalog", count)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", work / "site_overrides")
    docs = work / "build" / "docs"
    python = sys.executable

    stage_wall, stage_rss, out = run([python, "-c", STAGES, str(catalog), str(ROOT / "templates"), str(docs)], ROOT)
    stages = json.loads(out)
    mkdocs_s, mkdocs_rss, _ = run([python, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(work / "mkdocs.yml")], work)
    _, _, again = run([python, "-c", STAGES, str(catalog), str(ROOT / "templates"), str(docs)], ROOT)
    target = sorted((catalog / "datasets").glob("*.yaml"))[count // 2]
    target.write_text(target.read_text(encoding="utf-8").replace("It exists only", "It is there only"), encoding="utf-8")
    _, _, changed = run([python, "-c", STAGES, str(catalog), str(ROOT / "templates"), str(docs)], ROOT)

    site = work / "site"
    pages = sorted((site / "datasets").glob("*/index.html"))
    page_sizes = [p.stat().st_size for p in pages]
    # the three runs load and render the same work (they differ in what they write):
    # their median steadies the figure on a host whose speed drifts
    runs_of = [stages, json.loads(again), json.loads(changed)]
    load_runs = [r["load_validate_s"] for r in runs_of]
    render_runs = [r["render_s"] for r in runs_of]
    both_runs = [a + b for a, b in zip(load_runs, render_runs, strict=True)]
    result = {
        "datasets": count,
        "load_validate_s": round(statistics.median(load_runs), 2),
        "render_s": round(statistics.median(render_runs), 2),
        "load_validate_render_s": round(statistics.median(both_runs), 2),
        "load_validate_render_runs_s": [round(x, 2) for x in both_runs],
        "host_loop_runs_s": [round(r["host_loop_s"], 2) for r in runs_of],
        "host_loop_s": round(statistics.median(r["host_loop_s"] for r in runs_of), 2),
        "write_s": round(stages["write_s"], 2),
        "generator_process_s": round(stage_wall, 2),
        "generator_peak_mb": stage_rss,
        "mkdocs_build_s": round(mkdocs_s, 2),
        "mkdocs_peak_mb": mkdocs_rss,
        "site_total_s": round(stage_wall + mkdocs_s, 2),
        "site_mb": round(folder_mb(site), 1),
        "dataset_page_kb_median": round(statistics.median(page_sizes) / 1024, 1),
        "dataset_page_kb_max": round(max(page_sizes) / 1024, 1),
        "statistics_page_kb": round((site / "statistics" / "index.html").stat().st_size / 1024, 1),
        "search_index_kb": round((site / "search" / "search_index.json").stat().st_size / 1024, 1),
        "rerun_unchanged_written": json.loads(again)["written"],
        "rerun_one_change_written": json.loads(changed)["written"],
        "rerun_one_change_files": json.loads(changed)["written_files"],
    }
    timings = browser_timings(site, "/collection/", runs)
    if timings:
        result.update(timings)
    return result


COLUMNS = [
    ("datasets", "datasets"), ("load_validate_s", "load+validate s"), ("render_s", "render s"),
    ("load_validate_render_s", "load+validate+render s"), ("host_loop_s", "host loop s"), ("write_s", "write s"),
    ("mkdocs_build_s", "mkdocs s"), ("site_total_s", "site total s"), ("generator_peak_mb", "gen MB"), ("mkdocs_peak_mb", "mkdocs MB"),
    ("site_mb", "site MB"), ("dataset_page_kb_max", "dataset page KB (max)"), ("statistics_page_kb", "statistics KB"),
    ("search_index_kb", "search index KB"), ("rerun_unchanged_written", "rerun writes"), ("rerun_one_change_written", "1 change writes"),
    ("sort_slowest_first_ms", "sort ms (first)"), ("sort_slowest_median_ms", "sort ms (median)"),
    ("filter_slowest_median_ms", "filter ms (median)"),
]  # fmt: skip


def table(results: list[dict]) -> str:
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    rows = ["| " + " | ".join(str(r.get(key, "–")) for key, _ in COLUMNS) + " |" for r in results]
    return "\n".join([head, rule, *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[36, 250, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5, help="browser measurements per figure (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench.json")
    args = parser.parse_args()
    results = []
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as folder:
            print(f"benchmarking {count} datasets …", flush=True)
            results.append(bench_size(count, Path(folder), args.runs))
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(), "system": platform.platform()}
    ratios = {}
    if 1000 in args.sizes and 10000 in args.sizes:
        small, large = results[args.sizes.index(1000)], results[args.sizes.index(10000)]
        for key in ("load_validate_s", "render_s", "load_validate_render_s", "mkdocs_build_s", "site_total_s"):
            ratios[key] = round(large[key] / small[key], 1) if small[key] else None
        # the two sizes run minutes apart, and the host's speed drifts meanwhile: the same
        # ratios with each time divided by the fixed loop's time measured beside it
        for key in ("load_validate_s", "render_s", "load_validate_render_s"):
            if small[key]:
                ratios[f"{key}_host_adjusted"] = round(large[key] / small[key] * small["host_loop_s"] / large["host_loop_s"], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine, "results": results, "ratio_10000_over_1000": ratios}, indent=2) + "\n")
    print(table(results))
    if ratios:
        print("10,000 / 1,000 ratios:", ", ".join(f"{k} ×{v}" for k, v in ratios.items()))
    print(f"machine: {machine}")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

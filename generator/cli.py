"""Command line: check, export, build, watch, new, schema, cff, version, links, citations."""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .build.collector import collector_paused
from .build.jobs import render_tree
from .build.output import OutputError, write_tree
from .build.workers import runner_for
from .export import datasets as export
from .export.citation_files import citation_cff, zenodo_json
from .export.schema import stale_schemas, write_schemas
from .load.catalog import CITATION_REPORT_FILE, LINK_REPORT_FILE, count_dataset_files, load_catalog
from .models import Catalog
from .problems import CatalogError
from .tools import linkcheck
from .tools.scaffold import ScaffoldError, new_dataset_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG = ROOT / "catalog"
DEFAULT_TEMPLATES = ROOT / "templates"
DEFAULT_OUT = ROOT / "build" / "docs"


def _report(err: CatalogError) -> int:
    for problem in err.problems:
        print(problem, file=sys.stderr)
    count = len(err.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
    return 1


def load(catalog_dir: Path) -> Catalog:
    """Load the catalog the way every command does: forked readers for a large catalog, no cyclic GC meanwhile.

    The catalog lives as long as the command, so its objects are frozen out
    of the collector's sight afterwards (``collector_paused(keep=True)``).
    """
    with collector_paused(keep=True):
        return load_catalog(catalog_dir, runner_for(count_dataset_files(catalog_dir)))


def render(catalog: Catalog, templates_dir: Path) -> dict[str, bytes]:
    """Render the docs tree the way every command does: forked renderers for a large catalog, no cyclic GC meanwhile."""
    with collector_paused():
        return render_tree(catalog, templates_dir, runner_for(len(catalog.datasets)))


def with_catalog(command: Callable[[argparse.Namespace, Catalog], int]) -> Callable[[argparse.Namespace], int]:
    """Load and validate the catalog first; on problems, report them instead of running the command."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            catalog = load(args.catalog)
        except CatalogError as err:
            return _report(err)
        return command(args, catalog)

    return run


@with_catalog
def cmd_check(args: argparse.Namespace, catalog: Catalog) -> int:
    """Validate the catalog; print every problem."""
    # a catalog that ships schemas for editors must keep them equal to the models
    stale = stale_schemas(args.catalog / "schema") if (args.catalog / "schema").is_dir() else []
    if stale:
        for name in stale:
            path = args.catalog / "schema" / name
            print(f"{path}:1: (schema): out of date; run `python -m generator schema`", file=sys.stderr)
        return 1
    counts = (len(catalog.datasets), len(catalog.collection.categories), len(catalog.references))
    print("catalog OK: {} datasets, {} categories, {} references".format(*counts))
    return 0


@with_catalog
def cmd_export(args: argparse.Namespace, catalog: Catalog) -> int:
    """Write the catalog to stdout as JSON, CSV or BibTeX."""
    writer = {"json": export.to_json, "csv": export.to_csv, "bibtex": export.to_bibtex}[args.format]
    sys.stdout.write(writer(catalog))
    return 0


def build_once(catalog_dir: Path, templates_dir: Path, out_dir: Path, quiet: bool = False) -> int:
    """Load, render in memory, then write only what changed; print a one-line summary."""
    try:
        catalog = load(catalog_dir)
        files = render(catalog, templates_dir)
        report = write_tree(files, out_dir)
    except CatalogError as err:
        return _report(err)
    except OutputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except Exception as err:  # a template bug: say where, keep the old output
        print(f"error: rendering failed, nothing was written: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    if not quiet:
        print(f"built {out_dir}: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Render the docs tree."""
    return build_once(args.catalog, args.templates, args.out)


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new dataset file with every field."""
    try:
        path = new_dataset_file(args.slug, args.catalog, args.templates)
    except ScaffoldError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {path}: fill in every field, then run `python -m generator check`")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Export the models' JSON Schema into the catalog."""
    for path in write_schemas(args.catalog / "schema"):
        print(f"wrote {path}")
    return 0


@with_catalog
def cmd_cff(args: argparse.Namespace, catalog: Catalog) -> int:
    """Write CITATION.cff and .zenodo.json from the collection."""
    args.out.write_text(citation_cff(catalog.collection), encoding="utf-8")
    print(f"wrote {args.out}")
    args.zenodo_out.write_text(zenodo_json(catalog.collection), encoding="utf-8")
    print(f"wrote {args.zenodo_out}")
    return 0


@with_catalog
def cmd_version(args: argparse.Namespace, catalog: Catalog) -> int:  # noqa: ARG001 - every command takes its arguments
    """Print the catalog's version (the release workflow checks the tag against it)."""
    print(catalog.collection.version)
    return 0


@with_catalog
def cmd_links(args: argparse.Namespace, catalog: Catalog) -> int:
    """Check every external URL; write the report unless the machine is offline."""
    urls = linkcheck.catalog_urls(catalog)
    settings = linkcheck.Settings(timeout=args.timeout, retries=args.retries, backoff=args.backoff, workers=args.workers)
    print(f"checking {len(urls)} links ({settings.workers} at a time, {settings.timeout:g} s timeout, {settings.retries} retries)")
    results = linkcheck.check_all(urls, settings)
    report = args.report or args.catalog / LINK_REPORT_FILE
    if linkcheck.is_offline(results):
        sample = next(iter(results.values())).error
        print(f"no network: none of the {len(results)} links answered ({sample}); {report} was left unchanged")
        return 0
    linkcheck.write_report(report, results)
    counts = {status: sum(r.status == status for r in results.values()) for status in ("ok", "redirected", "broken", "unreachable")}
    print(f"wrote {report}: " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    if args.summary:
        args.summary.write_text(linkcheck.summary_markdown(results, linkcheck.url_owners(catalog)), encoding="utf-8")
    return 0


@with_catalog
def cmd_citations(args: argparse.Namespace, catalog: Catalog) -> int:
    """Count, with OpenAlex, the works citing each dataset's references; write the report unless offline or refused."""
    import datetime as dt
    import os

    from .tools import citations

    settings = citations.Settings(timeout=args.timeout, retries=args.retries, backoff=args.backoff, max_wait=args.max_wait)
    client = citations.OpenAlexClient(settings, args.api_url, args.api_key or os.environ.get("OPENALEX_API_KEY"))
    report_path = args.report or args.catalog / CITATION_REPORT_FILE
    with_dois = citations.dataset_dois(catalog)
    print(f"asking OpenAlex about the references of {len(with_dois)} datasets ({settings.timeout:g} s timeout, {settings.retries} retries)")
    try:
        report = citations.count_all(catalog, client, dt.datetime.now(dt.UTC).date())
    except citations.OfflineError as err:
        print(f"no network: OpenAlex did not answer ({err}); {report_path} was left unchanged")
        return 0
    except citations.OpenAlexError as err:
        print(f"error: OpenAlex: {err}; {report_path} was left unchanged", file=sys.stderr)
        return 1
    citations.write_report(report_path, report)
    counted = sum(c.cited_by is not None for c in report.datasets.values())
    unknown = sum(len(c.unknown_dois) for c in report.datasets.values())
    print(f"wrote {report_path}: {counted} datasets counted, {unknown} DOIs unknown to OpenAlex, {client.requests} requests")
    return 0


def cmd_synthetic(args: argparse.Namespace) -> int:
    """Write a synthetic catalog for benchmarks."""
    from .tools.synthetic import write_synthetic_catalog

    write_synthetic_catalog(args.out, args.count, args.seed)
    print(f"wrote {args.count} synthetic datasets into {args.out}")
    return 0


def _snapshot(folders: Sequence[Path]) -> dict[Path, float]:
    return {p: p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()}


def cmd_watch(args: argparse.Namespace) -> int:
    """Rebuild the docs tree whenever a catalog file or template changes (for `make serve`)."""
    folders = [args.catalog, args.templates]
    # the files are looked at before each build, so an edit saved while a build runs
    # starts the next one (looked at after, it was taken as already built)
    seen = _snapshot(folders)
    build_once(args.catalog, args.templates, args.out)
    try:
        while True:
            time.sleep(args.interval)
            now = _snapshot(folders)
            if now != seen:
                seen = now
                build_once(args.catalog, args.templates, args.out)
    except KeyboardInterrupt:
        return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m generator``."""
    top = argparse.ArgumentParser(prog="python -m generator", description="Build the Medical Dataset Collection site from its catalog.")
    sub = top.add_subparsers(dest="command", required=True)

    def command(name: str, func, help_text: str) -> argparse.ArgumentParser:  # noqa: ANN001
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, help="catalog folder (default: %(default)s)")
        p.set_defaults(func=func)
        return p

    command("version", cmd_version, "print the catalog's version (collection.yaml)")
    command("check", cmd_check, "validate the catalog and report every problem as FILE:LINE: FIELD: message")
    p = command("export", cmd_export, "write the catalog to stdout")
    p.add_argument("--format", choices=("json", "csv", "bibtex"), default="json")
    for name, func, text in (
        ("build", cmd_build, "render the Markdown tree and data exports"),
        ("watch", cmd_watch, "rebuild on every change"),
    ):
        p = command(name, func, text)
        p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
        p.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES, help=argparse.SUPPRESS)
        if name == "watch":
            p.add_argument("--interval", type=float, default=1.0, help="seconds between checks")
    p = command("new", cmd_new, "write catalog/datasets/SLUG.yaml with every field, ready to fill in")
    p.add_argument("slug")
    p.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES, help=argparse.SUPPRESS)
    command("schema", cmd_schema, "export the JSON Schema of the catalog files into catalog/schema/")
    p = command("links", cmd_links, "check every external URL of the catalog and update catalog/link-report.json")
    p.add_argument("--report", type=Path, default=None, help="report file (default: CATALOG/link-report.json)")
    p.add_argument("--summary", type=Path, default=None, help="also write a Markdown list of broken links here")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default: %(default)s)")
    p.add_argument("--retries", type=int, default=2, help="retries of timeouts, refused connections, 429 and 5xx")
    p.add_argument("--backoff", type=float, default=1.0, help="first back-off in seconds, doubled each retry")
    p.add_argument("--workers", type=int, default=8, help="requests at once (default: %(default)s)")
    p = command("citations", cmd_citations, "count with OpenAlex the works citing each dataset's references; update the report")
    p.add_argument("--report", type=Path, default=None, help="report file (default: CATALOG/citation-report.json)")
    p.add_argument("--api-url", default="https://api.openalex.org", help=argparse.SUPPRESS)
    p.add_argument(
        "--api-key", default=None, help="OpenAlex API key (default: $OPENALEX_API_KEY; works without, with a smaller daily allowance)"
    )
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default: %(default)s)")
    p.add_argument("--retries", type=int, default=3, help="retries of timeouts, refused connections, 429 and 5xx")
    p.add_argument("--backoff", type=float, default=1.0, help="first back-off in seconds, doubled each retry")
    p.add_argument("--max-wait", type=float, default=60.0, help="longest Retry-After to wait for; longer stops the run")
    p = sub.add_parser("synthetic", help="write a synthetic catalog of N datasets (benchmarks)")
    p.add_argument("count", type=int)
    p.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_synthetic)
    p = command("cff", cmd_cff, "write CITATION.cff (Citation File Format 1.2.0) and .zenodo.json from collection.yaml")
    p.add_argument("--out", type=Path, default=ROOT / "CITATION.cff", help="file to write (default: %(default)s)")
    p.add_argument("--zenodo-out", type=Path, default=ROOT / ".zenodo.json", help="Zenodo file to write (default: %(default)s)")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = parser().parse_args(argv)
    return int(args.func(args))

"""Maintainer commands beside the build: the link checker, the new-dataset scaffold, synthetic catalogs for benchmarks."""

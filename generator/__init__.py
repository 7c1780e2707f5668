"""Builds the Medical Dataset Collection site from its catalog: ``python -m generator`` (see ARCHITECTURE.md)."""

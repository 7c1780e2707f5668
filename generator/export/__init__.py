"""Stage 3, exporting: the catalog as published data (JSON, CSV, BibTeX, JSON Schema, CITATION.cff)."""

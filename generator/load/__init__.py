"""Stage 1, loading: read catalog/ (YAML, BibTeX, the link report, git dates), validate against the models, check across records."""

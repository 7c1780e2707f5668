"""Stage 2, rendering: the Markdown pages of the site from a loaded Catalog (templates, HTML pieces, escaping, charts, JSON-LD)."""

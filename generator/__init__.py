"""Generator of the Medical Dataset Collection site: catalog → Markdown tree → MkDocs."""

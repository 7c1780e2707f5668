"""Nothing in the repository points at a file that is not in it."""

from __future__ import annotations

import re
import subprocess

from tests.helpers import ROOT

TRACKED = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
TEXT_ENDINGS = (".md", ".py", ".yml", ".yaml", ".in", ".toml", ".j2", ".html", ".js", ".css")
TEXT_FILES = [p for p in TRACKED if p.endswith(TEXT_ENDINGS) or p == "Makefile"]
# A file named in capitals (README.md, ARCHITECTURE.md), and a relative Markdown link target.
NAMED_DOC = re.compile(r"\b([A-Z][A-Z_]+\.md)\b")
URL = re.compile(r"https?://\S+")
MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_documents_named_anywhere_are_in_the_repository():
    names = {path.rsplit("/", 1)[-1] for path in TRACKED}
    missing = {}
    for path in TEXT_FILES:
        # a file named inside an address is another site's (a licence file in a provider's repository)
        text = URL.sub("", (ROOT / path).read_text(encoding="utf-8", errors="replace"))
        for name in NAMED_DOC.findall(text):
            if name not in names:
                missing.setdefault(name, []).append(path)
    assert not missing, missing


def test_relative_links_of_the_repository_documents_resolve():
    broken = []
    for path in [p for p in TRACKED if p.endswith(".md") and "/" not in p]:
        for target in MARKDOWN_LINK.findall((ROOT / path).read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue
            if target not in TRACKED and not any(t.startswith(target.rstrip("/") + "/") for t in TRACKED):
                broken.append(f"{path}: {target}")
    assert not broken, broken
    assert any(p in TRACKED for p in ("README.md", "ARCHITECTURE.md"))

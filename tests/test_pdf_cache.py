"""The PDF cache that CI keeps between runs holds only what the last full build used (scripts/pdf_cache.py)."""

from __future__ import annotations

from scripts import pdf_cache


def test_pruning_keeps_the_pdfs_the_site_has_and_drops_the_rest(tmp_path):
    cache, site = tmp_path / "cache", tmp_path / "site"
    (site / "pdf" / "fi").mkdir(parents=True)
    cache.mkdir()
    (site / "pdf" / "fi" / "guide.pdf").write_bytes(b"%PDF guide, this version")
    (cache / "1111.pdf").write_bytes(b"%PDF guide, this version")
    (cache / "1111.pages").write_text("4")
    (cache / "2222.pdf").write_bytes(b"%PDF guide, the version before")
    (cache / "2222.pages").write_text("5")
    assert pdf_cache.prune(cache, site) == {"kept": 1, "removed": 1}
    assert sorted(path.name for path in cache.iterdir()) == ["1111.pages", "1111.pdf"]

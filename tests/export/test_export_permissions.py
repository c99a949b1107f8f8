"""Exported files hold the company's finances: owner read/write only."""

import stat

from kaizen_guide.export import export_all


def test_exported_files_are_owner_only(tmp_path, sample_plan):
    written = export_all(sample_plan, xlsx=tmp_path / "p.xlsx", md=tmp_path / "p.md", html=tmp_path / "p.html")
    assert len(written) == 3
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path

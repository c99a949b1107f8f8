"""LibreOffice headless helpers for the export tests (recalculate, convert to PDF)."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

ERROR_PREFIXES = ("#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "Err:", "#ERR")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src: Path, outdir: Path, fmt: str = "xlsx", timeout: int = 180) -> Path:
    """``soffice --headless --convert-to fmt`` with a private profile (parallel runs don't clash)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(os.environ.get("TMPDIR", "/tmp")) / f"kg-lo-profile-{uuid.uuid4().hex}"
    _always_recalculate(profile)
    try:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"LibreOffice conversion failed: {proc.returncode} {proc.stdout} {proc.stderr}")
    return out


RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _always_recalculate(profile: Path) -> None:
    """The workbook carries cached values (for viewers that do not recalculate): make LibreOffice
    recalculate every formula on load anyway, or the tests would compare the cache with itself."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")


def is_error(value) -> bool:
    return isinstance(value, str) and value.strip().startswith(ERROR_PREFIXES)

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
    try:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(src)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"LibreOffice conversion failed: {proc.returncode} {proc.stdout} {proc.stderr}")
    return out


def is_error(value) -> bool:
    return isinstance(value, str) and value.strip().startswith(ERROR_PREFIXES)

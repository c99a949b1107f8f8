"""Malformed plan files × the commands that read them (issue 11.8, 11.9).

Each must end in exit 2 with a Japanese message, no crash, no English detail, and the file
byte-identical (never overwritten).
"""

from __future__ import annotations

from reliability_helpers import malformed_failures


def test_every_malformed_file_is_refused_by_every_command(tmp_path):
    runs, failures = malformed_failures(tmp_path)
    assert runs >= 45
    assert not failures, "\n".join(failures)

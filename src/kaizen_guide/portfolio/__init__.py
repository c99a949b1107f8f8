"""The advisor's desk: every plan under a folder (discovery, one-line summaries, their cache)."""

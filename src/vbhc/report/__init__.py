"""Reports of a check run: the per-file results and their renderings (text, JSON, SARIF)."""

"""Temporary alias (``read_results``) while the research-measures package moves to the new layout."""

from lawnlp.rows import read_results  # noqa: F401

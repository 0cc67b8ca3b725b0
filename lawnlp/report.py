"""Temporary alias of lawnlp.schema while the research-measures package moves to the new layout."""

from lawnlp.schema import Brief, Meta, Paragraph, Report  # noqa: F401

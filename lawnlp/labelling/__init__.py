"""Labelling: one processor per annotation (spaCy style: ``predict`` computes, ``set_annotations`` writes).

- ``sections``: SectionLabeller (the section model in context, then decoding)
- ``themes``: ThemeLabeller (the theme model on shortcomings paragraphs and their items)
- ``decoding``: pure document decoding (heading groups, part priors, list items)
"""

from lawnlp.labelling.sections import SectionLabeller
from lawnlp.labelling.themes import ThemeLabeller

__all__ = ["SectionLabeller", "ThemeLabeller"]

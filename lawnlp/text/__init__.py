"""Text of a report to structure: normalisation, page furniture, paragraphs and headings, document
context, metadata and private data.

- ``normalize``: one line to the form the models read (simplified, full-width punctuation, ASCII digits)
- ``patterns``: every shared pattern once (numerals, heading and list markers, years, part words)
- ``furniture``: page furniture and debris lines
- ``structure``: ``parse(text)`` -> paragraphs with heading levels and enclosing headings
- ``context``: ``SectionContext``, what the section models see of a paragraph's place
- ``meta``: entity, county, year, level
- ``privacy``: phone numbers, ID numbers, e-mail addresses, names of private persons
"""

"""The one error type of bad input: it names the source (a file) and, where known, the line."""

from __future__ import annotations


class ReportError(ValueError):
    """A report or annotation file could not be read or parsed. The message names the source and, if
    known, the line: ``reports/a.docx: corrupt .docx: …`` or ``ann.jsonl:12: unknown section id 'x'``."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message, self.source, self.line = message, source, line
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class ModelError(RuntimeError):
    """A model or the base encoder is missing, or a model directory does not fit the task: the one-line
    message names what is missing and how to fix it (``lawnlp info`` shows where everything is looked
    for). Raised when models are loaded, before any report is analysed."""

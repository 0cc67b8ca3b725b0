"""Files and bytes to text; every input error is raised here as ReportError."""

from __future__ import annotations

from dataclasses import dataclass


class ReportError(ValueError):
    """A report could not be read or parsed. The message names the source (file) and, if known, the line."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message, self.source, self.line = message, source, line
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Document:
    """The text of one report as read, before any normalisation."""

    text: str
    source: str          # file path, or "<text>" / "<bytes>"
    format: str          # "txt", "docx", "html" or "pdf"
    encoding: str | None = None

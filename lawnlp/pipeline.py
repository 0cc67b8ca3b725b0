"""The flow of one report: read -> structure -> meta -> sections -> themes -> brief."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from lawnlp import defaults
import numpy as np

from lawnlp.labels import THEME_IDS
from lawnlp.meta import extract_meta
from lawnlp.models import load_section_model, load_theme_model
from lawnlp.models.decode import smooth_sections, split_items
from lawnlp.reading import Document, ReportError, read_document
from lawnlp.report import Brief, Paragraph, Report
from lawnlp.structure import parse, section_inputs
from lawnlp.summary import summarize_report

Source = str | bytes | os.PathLike


class Analyzer:
    """Holds the section classifier and the theme tagger; analyses reports one by one or in batches.

    ``sections`` / ``themes`` are model directories (or already loaded models); None takes the shipped
    defaults for ``backend`` ("auto": BERT if it can be loaded, else the lite models, else keyword rules).
    ``accel`` speeds up BERT models on CPU: "auto" (default: bfloat16 weights where the CPU computes them
    natively, else fp32), "bf16", "int8" (dynamic quantisation), "onnx" or "onnx-int8" (ONNX
    Runtime; needs ``lawnlp[onnx]``), or "none"; see lawnlp.batch.accelerate and benchmarks/README.md.
    """

    def __init__(self, sections: Any = None, themes: Any = None, backend: str = "auto",
                 batch_size: int = defaults.BATCH_SIZE, max_bytes: int = defaults.MAX_INPUT_BYTES,
                 accel: str | None = defaults.ACCEL):
        self.accel = accel
        self.sections = sections
        self.themes = themes
        self.backend = backend
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    @property
    def section_model(self):
        self.sections = self._ready(self.sections, load_section_model)
        return self.sections

    @property
    def theme_model(self):
        self.themes = self._ready(self.themes, load_theme_model)
        return self.themes

    def _ready(self, model: Any, load: Any) -> Any:
        """``model`` loaded (if a path or None) and accelerated (a no-op for lite/rules models and once done)."""
        if model is None or isinstance(model, (str, os.PathLike)):
            model = load(model, backend=self.backend)
        if self.accel:
            from lawnlp.batch import accelerate

            model = accelerate(model, self.accel)
        return model

    # -- one report -------------------------------------------------------------------------------
    def parse(self, source: Source | Document, name: str | None = None) -> Report:
        """Read and structure a report, without the models: paragraphs and metadata only."""
        doc = source if isinstance(source, Document) else read_document(source, name=name, max_bytes=self.max_bytes)
        paragraphs = parse(doc.text)
        if not any(not p.debris for p in paragraphs):
            raise ReportError("no report text found", doc.source)
        return Report(source=doc.source, meta=extract_meta(paragraphs), paragraphs=paragraphs)

    def analyze(self, source: Source | Document, name: str | None = None, brief: bool = True) -> Report:
        """Analyse one report: a path, the text itself, or bytes."""
        return next(self._label([self.parse(source, name)], brief))

    # -- many reports -----------------------------------------------------------------------------
    def analyze_batch(self, inputs: Iterable[Source], batch_size: int | None = None,
                      brief: bool = True, on_error: str = "keep", workers: int | None = None,
                      column: str | None = None) -> Iterator[Report]:
        """Analyse many reports, yielding one Report per input, in input order, as they are done.

        Paragraphs of many reports are labelled together (``batch_size`` paragraphs per forward pass)
        while ``workers`` threads read and parse the next reports. ``inputs``: paths, texts, bytes,
        (name, source) pairs, or a ``datasets.Dataset`` with a "text" column (or ``column``). A report
        that fails is yielded with ``error`` set (``on_error="keep"``), skipped ("skip") or raised ("raise").
        """
        from lawnlp.batch import iter_batches  # batching lives in its own module

        yield from iter_batches(self, inputs, batch_size or self.batch_size, brief=brief, on_error=on_error,
                                workers=workers, column=column)

    def _label(self, reports: list[Report], brief: bool = True) -> Iterator[Report]:
        """Fill sections, themes and briefs for already parsed reports, models batched across them."""
        self._label_sections(reports)
        self._label_themes([p for r in reports for p in r.paragraphs if p.section == "shortcomings"])
        for r in reports:
            if brief:
                r.brief = summarize_report(r)
            yield r

    def _label_sections(self, reports: list[Report]) -> None:
        """Sections of every paragraph, one model call across all ``reports``, then heading-group decoding."""
        model = self.section_model
        todo = [(r, i) for r in reports for i, p in enumerate(r.paragraphs) if not p.debris]
        inputs = {id(r): section_inputs(r.paragraphs, r.meta.year) for r in reports}
        texts = [inputs[id(r)][0][i] for r, i in todo]
        ctxs = [inputs[id(r)][1][i] for r, i in todo]
        has_proba = hasattr(model, "predict_proba")
        out = model.predict_proba(texts, ctxs) if has_proba and todo else model.predict(texts, ctxs) if todo else []
        rows: dict[int, dict[int, object]] = {}
        for (r, i), row in zip(todo, out):
            rows.setdefault(id(r), {})[i] = row
        for r in reports:
            mine = rows.get(id(r), {})
            for i, p in enumerate(r.paragraphs):
                p.section = "other" if p.debris else None
            if has_proba and mine:
                proba = np.zeros((len(r.paragraphs), len(model.labels)))
                proba[:, model.labels.index("other")] = 1.0  # debris rows
                for i, row in mine.items():
                    proba[i] = row
                for p, label in zip(r.paragraphs, smooth_sections(r.paragraphs, proba, model.labels)):
                    p.section = label
            else:
                for i, label in mine.items():
                    r.paragraphs[i].section = label

    def _label_themes(self, paragraphs: list[Paragraph]) -> None:
        """Themes of shortcomings paragraphs: the whole paragraph and each of its list items, merged."""
        texts, owner = [], []
        for k, p in enumerate(paragraphs):
            for t in [p.norm, *split_items(p.norm)]:
                texts.append(t)
                owner.append(k)
        found: list[list[str]] = [[] for _ in paragraphs]
        for k, themes in zip(owner, self.theme_model.predict(texts) if texts else []):
            found[k] += [t for t in themes if t not in found[k]]
        for p, themes in zip(paragraphs, found):
            p.themes = [t for t in THEME_IDS if t in themes]

    # -- bare paragraphs --------------------------------------------------------------------------
    def classify_sections(self, texts: list[str]) -> list[str]:
        """Section id of each bare paragraph (no document context)."""
        from lawnlp.structure import normalize

        return self.section_model.predict([normalize(t) for t in texts]) if texts else []

    def tag_shortcomings(self, texts: list[str]) -> list[list[str]]:
        """Theme ids of each shortcomings paragraph."""
        from lawnlp.structure import normalize

        return self.theme_model.predict([normalize(t) for t in texts]) if texts else []

    def summarize(self, source: Source | Report, max_chars: int = defaults.BRIEF_MAX_CHARS,
                  rewriter: Any = None) -> Brief:
        """A brief of one report; ``rewriter`` (a lawnlp.abstractive.Rewriter or a local seq2seq model
        directory) rewrites the extractive draft, guarded so that every number stays in the report."""
        report = source if isinstance(source, Report) else self.analyze(source, brief=False)
        if report.paragraphs and report.paragraphs[0].section is None:
            report = next(self._label([report], brief=False))
        if isinstance(rewriter, (str, os.PathLike)):
            from lawnlp.abstractive import Rewriter

            rewriter = Rewriter(rewriter)
        return summarize_report(report, max_chars=max_chars, rewriter=rewriter)


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The analyser behind the module-level functions (shipped default models, loaded on first use)."""
    return Analyzer()


def analyze(source: Source, name: str | None = None) -> Report:
    """Analyse one report (path, text or bytes) with the default models."""
    return default_analyzer().analyze(source, name=name)


def analyze_batch(inputs: Iterable[Source], batch_size: int = defaults.BATCH_SIZE, **kwargs: Any) -> Iterator[Report]:
    """Analyse many reports with the default models; yields one Report per input, in order."""
    return default_analyzer().analyze_batch(inputs, batch_size=batch_size, **kwargs)


def classify_sections(texts: list[str]) -> list[str]:
    """Section ids of bare paragraphs."""
    return default_analyzer().classify_sections(list(texts))


def tag_shortcomings(texts: list[str]) -> list[list[str]]:
    """Theme ids of shortcomings paragraphs."""
    return default_analyzer().tag_shortcomings(list(texts))


def summarize(source: Source | Report, max_chars: int = defaults.BRIEF_MAX_CHARS, rewriter: Any = None) -> Brief:
    """A brief of one report (path, text, bytes, or an analysed Report); see Analyzer.summarize."""
    return default_analyzer().summarize(source, max_chars=max_chars, rewriter=rewriter)

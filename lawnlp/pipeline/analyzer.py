"""The flow of one report: read -> structure -> meta -> sections -> themes -> brief; and the module-level
functions of the public API, which use one analyser with the shipped default models."""

from __future__ import annotations

import numbers
import os
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from lawnlp.briefs import build_brief
from lawnlp.config import BRIEF, CASCADE, READING, RUNTIME, CascadeSettings
from lawnlp.errors import ReportError
from lawnlp.labelling import SectionLabeller, ThemeLabeller
from lawnlp.measures import audit_report, extract_indicators
from lawnlp.models import load_section_model, load_theme_model, resolve_backend
from lawnlp.models.accel import accelerate
from lawnlp.models.cascade import CascadeSectionModel
from lawnlp.reading import Document, read_document, read_text
from lawnlp.schema import Brief, Report
from lawnlp.text.genre import genre_score, genre_warning
from lawnlp.text.meta import extract_meta
from lawnlp.text.normalize import normalize
from lawnlp.text.segment import resegment
from lawnlp.text.structure import parse

Source = str | bytes | os.PathLike


class Analyzer:
    """Holds the section classifier and the theme tagger; analyses reports one by one or in batches.

    ``sections`` / ``themes``: model directories or loaded models; None takes the shipped defaults for
    ``backend`` ("auto": BERT where it and the base encoder are installed, else the lite models with a
    warning, else lawnlp.ModelError; or "bert", "lite", "rules": keywords, only when asked). ``accel``
    speeds up BERT models on CPU: "auto" (bfloat16 weights where the CPU computes them natively, else
    fp32), "bf16", "int8", "onnx", "onnx-int8" (ONNX Runtime; needs
    ``lawnlp[onnx]``) or "none" (lawnlp.models.accel). ``batch_size``: paragraphs per forward pass;
    ``workers`` and ``group_paragraphs``: the batch path (lawnlp.pipeline.batch); ``threads``: torch
    threads (None: one per available core unless OMP_NUM_THREADS or torch.set_num_threads chose).
    ``measures``: compute each report's research measures (``Report.audit``, ``Report.indicators``).
    ``cascade``: True (CascadeSettings defaults), a CascadeSettings, or False: with a BERT section model,
    the lite model ``fast_sections`` (default: the shipped one, for the shipped BERT) labels the
    paragraphs it is sure of and BERT the rest — 3.5x faster, 99.5% the same labels on dev
    (benchmarks/bench_cascade.py); provenance["cascade"] records it.
    The models are loaded on first use and kept (``section_model``, ``theme_model``).
    """

    def __init__(
        self,
        sections: Any = None,
        themes: Any = None,
        backend: str = "auto",
        batch_size: int = RUNTIME.batch_size,
        max_bytes: int = READING.max_bytes,
        accel: str | None = RUNTIME.accel,
        workers: int = RUNTIME.workers,
        group_paragraphs: int = RUNTIME.group_paragraphs,
        threads: int | None = None,
        measures: bool = True,
        cascade: bool | CascadeSettings = True,
        fast_sections: Any = None,
    ):
        self.cascade = CASCADE if cascade is True else cascade or None
        self.fast_sections = fast_sections
        self.sections = sections
        self.measures = measures
        self.themes = themes
        self.backend = backend
        self.batch_size = batch_size
        self.max_bytes = max_bytes
        self.accel = accel
        self.workers = workers
        self.group_paragraphs = group_paragraphs
        self.threads = threads
        self._loaded: dict[str, Any] = {}
        self._provenance: dict[str, Any] | None = None
        self._resolved: str | None = None  # what backend ``auto`` stands for, once resolved

    # -- models -----------------------------------------------------------------------------------
    def _model(self, task: str) -> Any:
        """The ``task`` model, loaded (from a path or the shipped default) and accelerated once."""
        if task not in self._loaded:
            given, load = (self.sections, load_section_model) if task == "sections" else (self.themes, load_theme_model)
            if given is None:  # "auto" resolved once for both models (one warning when it falls back to lite)
                if self._resolved is None:
                    self._resolved, note = resolve_backend(self.backend)
                    if note:
                        warnings.warn(note, stacklevel=4)
                model = load(backend=self._resolved)
            else:
                model = load(given) if isinstance(given, (str, os.PathLike)) else given
            self._loaded[task] = accelerate(model, self.accel) if self.accel else model
        return self._loaded[task]

    def labelling_model(self, task: str) -> Any:
        """The model that labels ``task`` paragraphs: the primary model, or for sections — with ``cascade``
        and a BERT primary — a cascade in which a lite model decides the paragraphs it is sure of
        (lawnlp.models.cascade): ``fast_sections`` when given, else the shipped lite model when the
        primary is the shipped one. A BERT model of your own without ``fast_sections`` runs alone."""
        if task != "sections":
            return self._model(task)
        if "cascade" not in self._loaded:
            primary = self._model(task)
            model = primary
            if self.cascade and getattr(primary, "net_", None) is not None:
                fast = self.fast_sections
                if isinstance(fast, (str, os.PathLike)):
                    fast = load_section_model(fast)
                elif fast is None and self.sections is None:
                    fast = load_section_model(backend="lite")
                if fast is not None:
                    model = CascadeSectionModel(fast, primary, self.cascade.section_threshold)
            self._loaded["cascade"] = model
        return self._loaded["cascade"]

    @property
    def section_model(self) -> Any:
        return self._model("sections")

    @property
    def theme_model(self) -> Any:
        return self._model("themes")

    @property
    def provenance(self) -> dict[str, Any]:
        """What every report of this analyser records about how it was made (lawnlp.models.provenance):
        lawnlp version, backend, model ids, base encoder, acceleration. Loads the models; computed once."""
        if self._provenance is None:
            from lawnlp.models.provenance import provenance

            sections = self.labelling_model("sections")
            cascade = None
            if isinstance(sections, CascadeSectionModel):
                from lawnlp.models.provenance import model_id

                cascade = f"sections: {model_id(sections.fast)} where p>={sections.threshold}"
            self._provenance = provenance(self.section_model, self.theme_model, cascade)
        return self._provenance

    def prepare(self) -> None:
        """Load both models and, when one runs on torch, set its CPU threads (lawnlp.models.threads)."""
        models = (self.section_model, self.theme_model)
        parts = [x for m in models for x in (m, *getattr(m, "members", ()))]  # an ensemble's members too
        if any(getattr(x, "net_", None) is not None for x in parts):
            from lawnlp.models.threads import configure_threads

            configure_threads(self.threads)

    # -- one report -------------------------------------------------------------------------------
    def parse(
        self, source: Source | Document | None = None, name: str | None = None, *, text: str | None = None
    ) -> Report:
        """Read and structure a report, without the models: paragraphs and metadata only. ``text``: the
        report text itself, read as text whatever it looks like (``source`` then stays None). Text that
        lost its line breaks is cut again (lawnlp.text.segment) and says so in ``Report.warnings``."""
        if text is not None:
            if source is not None:
                raise TypeError("pass either a source or text=..., not both")
            doc = read_text(text, name=name, max_bytes=self.max_bytes)
        elif source is None:
            raise TypeError("nothing to analyse: pass a path, bytes, a str, or text=...")
        else:
            doc = source if isinstance(source, Document) else read_document(source, name=name, max_bytes=self.max_bytes)
        segmented = resegment(doc.text)
        paragraphs = parse(segmented.text)
        if not any(not p.debris for p in paragraphs):
            raise ReportError("no report text found", doc.source)
        report = Report(source=doc.source, meta=extract_meta(paragraphs), paragraphs=paragraphs)
        if segmented.warning:
            report.warnings.append(segmented.warning)
        lines = [p.norm for p in paragraphs]
        report.genre = genre_score(lines)
        if warning := genre_warning(lines, report.genre):
            report.warnings.append(warning)
        return report

    def label(self, reports: list[Report], brief: bool = True, batch_size: int | None = None) -> list[Report]:
        """Set sections, themes and (``brief``) briefs of parsed reports, each model called once for all."""
        batch_size = batch_size or self.batch_size
        provenance = self.provenance
        for r in reports:
            r.provenance = dict(provenance)
        SectionLabeller(self.labelling_model("sections"))(reports, batch_size)
        ThemeLabeller(self.labelling_model("themes"))(reports, batch_size)
        if self.measures:  # research measures (lawnlp.measures): the audit and the stated indicators
            for r in reports:
                r.audit = audit_report(r)
                r.indicators = extract_indicators(r)
        if brief:
            for r in reports:
                r.brief = build_brief(r)
        return reports

    def analyze(
        self,
        source: Source | Document | None = None,
        name: str | None = None,
        brief: bool = True,
        *,
        text: str | None = None,
    ) -> Report:
        """Analyse one report: a path, bytes, or a str (a path when it looks like one: lawnlp.reading.
        looks_like_path; else the text), or ``text=`` the report text itself."""
        return self.label([self.parse(source, name, text=text)], brief)[0]

    # -- many reports -----------------------------------------------------------------------------
    def analyze_batch(
        self,
        inputs: Iterable[Source],
        batch_size: int | None = None,
        brief: bool = True,
        on_error: str = "keep",
        workers: int | None = None,
        column: str | None = None,
    ) -> Iterator[Report]:
        """Analyse many reports, yielding one Report per input, in input order, as they are done.

        Paragraphs of many reports are labelled together (``batch_size`` paragraphs per forward pass)
        while ``workers`` threads read and parse the next reports. ``inputs``: paths, texts, bytes,
        (name, source) pairs, or a ``datasets.Dataset`` with a "text" column (or ``column``). A report
        that fails is yielded with ``error`` set (``on_error="keep"``), skipped ("skip") or raised ("raise").
        """
        from lawnlp.pipeline.batch import iter_batches

        yield from iter_batches(
            self, inputs, batch_size, brief=brief, on_error=on_error, workers=workers, column=column
        )

    # -- bare paragraphs --------------------------------------------------------------------------
    def classify_sections(self, texts: list[str]) -> list[str]:
        """Section id of each bare paragraph (no document context)."""
        texts = _text_list(texts, "classify_sections")
        return self.section_model.predict([normalize(t) for t in texts], batch_size=self.batch_size) if texts else []

    def tag_shortcomings(self, texts: list[str]) -> list[list[str]]:
        """Theme ids of each shortcomings paragraph."""
        texts = _text_list(texts, "tag_shortcomings")
        return self.theme_model.predict([normalize(t) for t in texts], batch_size=self.batch_size) if texts else []

    def summarize(self, source: Source | Report, max_chars: int = BRIEF.max_chars, rewriter: Any = None) -> Brief:
        """A brief of one report; ``rewriter`` (a lawnlp.briefs.rewrite.Rewriter or a local seq2seq model
        directory) rewrites the extractive draft, guarded so that every number stays in the report.
        ``max_chars`` must be a positive number of characters."""
        if isinstance(max_chars, bool) or not isinstance(max_chars, numbers.Integral) or max_chars <= 0:
            raise ValueError(f"max_chars must be a positive number of characters, not {max_chars!r}")
        report = source if isinstance(source, Report) else self.analyze(source, brief=False)
        if report.paragraphs and report.paragraphs[0].section is None:
            report = self.label([report], brief=False)[0]
        if isinstance(rewriter, (str, os.PathLike)):
            from lawnlp.briefs.rewrite import Rewriter

            rewriter = Rewriter(rewriter)
        return build_brief(report, max_chars=max_chars, rewriter=rewriter)


def _text_list(texts: Any, what: str) -> list[str]:
    """``texts`` as a list of str; one str alone would be read as a list of characters, so it is refused."""
    if isinstance(texts, str):
        raise TypeError(f"{what}() takes a list of paragraphs, not one str: {what}([text])")
    return list(texts)


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The analyser behind the module-level functions (shipped default models, loaded on first use)."""
    return Analyzer()


def analyze(source: Source | None = None, name: str | None = None, *, text: str | None = None) -> Report:
    """Analyse one report (path, text or bytes; or ``text=`` the report text itself) with the default models."""
    return default_analyzer().analyze(source, name=name, text=text)


def analyze_batch(inputs: Iterable[Source], batch_size: int | None = None, **kwargs: Any) -> Iterator[Report]:
    """Analyse many reports with the default models; yields one Report per input, in order."""
    return default_analyzer().analyze_batch(inputs, batch_size=batch_size, **kwargs)


def classify_sections(texts: list[str]) -> list[str]:
    """Section ids of bare paragraphs."""
    return default_analyzer().classify_sections(texts)


def tag_shortcomings(texts: list[str]) -> list[list[str]]:
    """Theme ids of shortcomings paragraphs."""
    return default_analyzer().tag_shortcomings(texts)


def summarize(source: Source | Report, max_chars: int = BRIEF.max_chars, rewriter: Any = None) -> Brief:
    """A brief of one report (path, text, bytes, or an analysed Report); see Analyzer.summarize."""
    return default_analyzer().summarize(source, max_chars=max_chars, rewriter=rewriter)

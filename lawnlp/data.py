"""Annotation JSONL (annotation guide, section 5): loading, validation, reports and splits.

Paragraph file, one line per paragraph:
    {"report_id": "renshazhen-2024", "index": 42, "text": "……", "section": "shortcomings", "themes": [...]}
Report file, one line per report:
    {"report_id": …, "entity": …, "county": …, "year": …, "level": …, "brief": …}
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lawnlp import defaults
from lawnlp.labels import LEVELS, SECTION_IDS, THEME_IDS
from lawnlp.reading import ReportError

META_FIELDS = ("entity", "county", "year", "level")


@dataclass
class AnnotatedReport:
    """One annotated report: its lines in order with their labels, and (if given) metadata and brief."""

    report_id: str
    texts: list[str]
    sections: list[str]
    themes: list[list[str]]
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"cannot read annotation file: {exc}", str(path)) from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), lineno) from None
        if not isinstance(obj, dict):
            raise ReportError("each line must be a JSON object", str(path), lineno)
        yield lineno, obj


def load_paragraphs(path: str | Path) -> list[AnnotatedReport]:
    """Load and validate a paragraph JSONL file; errors name the file and line."""
    path = Path(path)
    reports: dict[str, AnnotatedReport] = {}
    seen: dict[tuple[str, int], int] = {}
    for lineno, obj in _read_jsonl(path):
        def bad(msg: str) -> ReportError:
            return ReportError(msg, str(path), lineno)

        for key, kind in (("report_id", str), ("index", int), ("text", str), ("section", str)):
            if not isinstance(obj.get(key), kind) or (kind is int and isinstance(obj.get(key), bool)):
                hint = (" (a text-free label file, like training/data/samples_labels.jsonl, is read with the report "
                        "texts by lawnlp.training.sample_items)" if key == "text" and "text" not in obj else "")
                raise bad(f"field {key!r} missing or not a {kind.__name__}{hint}")
        rid, idx, section = obj["report_id"], obj["index"], obj["section"]
        themes = obj.get("themes", [])
        if section not in SECTION_IDS:
            raise bad(f"unknown section id {section!r} (expected one of {', '.join(SECTION_IDS)})")
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            raise bad("'themes' must be a list of theme ids")
        unknown = [t for t in themes if t not in THEME_IDS]
        if unknown:
            raise bad(f"unknown theme id {unknown[0]!r}")
        if themes and section != "shortcomings":
            raise bad(f"themes on a {section!r} paragraph (themes belong to 'shortcomings' only)")
        if (rid, idx) in seen:
            raise bad(f"duplicate index {idx} in report {rid!r} (first on line {seen[rid, idx]})")
        if not obj["text"].strip():
            raise bad("empty 'text'")
        seen[rid, idx] = lineno
        rep = reports.setdefault(rid, AnnotatedReport(rid, [], [], []))
        rep.texts.append(obj["text"])
        rep.sections.append(section)
        rep.themes.append(list(dict.fromkeys(themes)))
        rep.meta.setdefault("_indices", []).append(idx)
    for rep in reports.values():
        order = sorted(range(len(rep.texts)), key=rep.meta["_indices"].__getitem__)
        if [rep.meta["_indices"][i] for i in order] != list(range(len(order))):
            raise ReportError(f"report {rep.report_id!r}: indices are not 0..{len(order) - 1}", str(path))
        rep.texts = [rep.texts[i] for i in order]
        rep.sections = [rep.sections[i] for i in order]
        rep.themes = [rep.themes[i] for i in order]
        del rep.meta["_indices"]
    return list(reports.values())


def load_report_meta(path: str | Path) -> dict[str, dict]:
    """Load and validate a report metadata JSONL file: report_id -> {entity, county, year, level, brief}."""
    path = Path(path)
    out: dict[str, dict] = {}
    for lineno, obj in _read_jsonl(path):
        missing = [k for k in ("report_id", *META_FIELDS) if k not in obj]
        if missing:
            raise ReportError(f"metadata missing: {', '.join(missing)}", str(path), lineno)
        if obj["level"] not in LEVELS:
            raise ReportError(f"unknown level {obj['level']!r}", str(path), lineno)
        if obj["year"] is not None and not isinstance(obj["year"], int):
            raise ReportError("'year' must be an integer or null", str(path), lineno)
        if obj["report_id"] in out:
            raise ReportError(f"duplicate report_id {obj['report_id']!r}", str(path), lineno)
        out[obj["report_id"]] = obj
    return out


def load_corpus(paragraphs: str | Path, reports: str | Path | None = None) -> list[AnnotatedReport]:
    """Paragraphs joined with their report metadata (``reports`` defaults to reports.jsonl beside them)."""
    paragraphs = Path(paragraphs)
    reps = load_paragraphs(paragraphs)
    meta_path = Path(reports) if reports else paragraphs.with_name("reports.jsonl")
    if meta_path.exists():
        meta = load_report_meta(meta_path)
        for rep in reps:
            if rep.report_id not in meta:
                raise ReportError(f"metadata missing for report {rep.report_id!r}", str(meta_path))
            rep.meta = meta[rep.report_id]
    elif reports is not None:
        raise ReportError("report metadata file not found", str(meta_path))
    return reps


def split_reports(reports: list[AnnotatedReport], dev: float = 0.15, test: float = 0.15,
                  seed: int = defaults.SEED) -> dict[str, list[AnnotatedReport]]:
    """Split by report (never a report in two splits) with a fixed seed: {"train", "dev", "test"}.

    Each report's split depends only on (seed, report_id), through a hash, so adding reports to a
    corpus never moves the reports already in it from one split to another."""
    out: dict[str, list[AnnotatedReport]] = {"train": [], "dev": [], "test": []}
    for r in reports:
        digest = hashlib.sha256(f"{seed}:{r.report_id}".encode()).hexdigest()
        u = int(digest[:12], 16) / 16**12
        out["test" if u < test else "dev" if u < test + dev else "train"].append(r)
    return out


def to_dataset(reports: list[AnnotatedReport]):
    """A ``datasets.Dataset`` with one row per paragraph (report_id, index, text, section, themes)."""
    from datasets import Dataset

    rows = {"report_id": [], "index": [], "text": [], "section": [], "themes": []}
    for r in reports:
        for i, (t, s, th) in enumerate(zip(r.texts, r.sections, r.themes)):
            rows["report_id"].append(r.report_id)
            rows["index"].append(i)
            rows["text"].append(t)
            rows["section"].append(s)
            rows["themes"].append(th)
    return Dataset.from_dict(rows)


def to_dataset_dict(splits: dict[str, list[AnnotatedReport]]):
    """The splits as a ``datasets.DatasetDict``."""
    from datasets import DatasetDict

    return DatasetDict({name: to_dataset(reps) for name, reps in splits.items()})


def load_annotations(path: str | Path) -> list[AnnotatedReport]:
    """Annotations in any supported form: lawnlp JSONL (with reports.jsonl beside it, if present),
    or a Label Studio / doccano export (lawnlp.interop)."""
    path = Path(path)
    if not path.exists():
        raise ReportError("annotation file not found", str(path))
    if path.suffix == ".jsonl":
        try:
            return load_corpus(path)
        except ReportError:
            from lawnlp import interop

            if interop.sniff(path) is None:
                raise
    from lawnlp import interop

    return interop.load(path)


# --------------------------------------------------------------------------- corpus statistics

def _percentile(values: list[int], q: float) -> int:
    """Nearest-rank percentile of sorted ``values`` (0 when empty): the smallest value with at least
    q% of the values at or below it."""
    if not values:
        return 0
    import math

    return values[max(0, math.ceil(q / 100 * len(values)) - 1)]


def corpus_stats(reports: list[AnnotatedReport]) -> dict:
    """Counts of a corpus: reports and paragraphs; paragraphs per section and per theme; reports per
    level and per year (``"unknown"`` when not given); paragraph length in characters (p10/p50/p90/max,
    nearest rank) and paragraphs per report (min/p50/max)."""
    sections = {s: 0 for s in SECTION_IDS}
    themes = {t: 0 for t in THEME_IDS}
    levels = {lv: 0 for lv in LEVELS}
    years: dict[str, int] = {}
    lengths: list[int] = []
    per_report: list[int] = []
    with_themes = 0
    for r in reports:
        per_report.append(len(r.texts))
        level = r.meta.get("level") or "unknown"
        levels[level] = levels.get(level, 0) + 1
        year = r.meta.get("year")
        key = str(year) if year is not None else "unknown"
        years[key] = years.get(key, 0) + 1
        for text, section, ths in zip(r.texts, r.sections, r.themes):
            sections[section] = sections.get(section, 0) + 1
            lengths.append(len(text))
            with_themes += bool(ths)
            for t in ths:
                themes[t] = themes.get(t, 0) + 1
    lengths.sort()
    per_report.sort()
    return {
        "reports": len(reports),
        "paragraphs": len(lengths),
        "sections": sections,
        "themes": themes,
        "shortcoming_paragraphs_with_themes": with_themes,
        "levels": levels,
        "years": dict(sorted(years.items(), key=lambda kv: (kv[0] == "unknown", kv[0]))),
        "paragraph_chars": {"p10": _percentile(lengths, 10), "p50": _percentile(lengths, 50),
                            "p90": _percentile(lengths, 90), "max": lengths[-1] if lengths else 0},
        "paragraphs_per_report": {"min": per_report[0] if per_report else 0,
                                  "p50": _percentile(per_report, 50),
                                  "max": per_report[-1] if per_report else 0},
    }


def format_stats(stats: dict) -> str:
    """``corpus_stats`` as a readable plain-text table."""
    from lawnlp.labels import SECTIONS, THEMES

    n_par = max(stats["paragraphs"], 1)
    n_rep = max(stats["reports"], 1)
    lines = [f"{stats['reports']} reports, {stats['paragraphs']} paragraphs", ""]

    def block(title: str, counts: dict, total: int, names: dict | None = None) -> None:
        lines.append(f"{title:<24}{'count':>7}{'share':>8}")
        for key, count in counts.items():
            name = f"  {names[key]}" if names and key in names else ""
            lines.append(f"  {key:<22}{count:>7}{count / total:>8.1%}{name}")
        lines.append("")

    block("section (paragraphs)", stats["sections"], n_par, SECTIONS)
    n_short = max(stats["sections"].get("shortcomings", 0), 1)
    block("theme (paragraphs)", stats["themes"], n_short, THEMES)
    lines[-1:] = [f"  (share of shortcomings paragraphs; {stats['shortcoming_paragraphs_with_themes']} "
                  f"have at least one theme)", ""]
    block("level (reports)", stats["levels"], n_rep)
    block("year (reports)", stats["years"], n_rep)
    pc, pr = stats["paragraph_chars"], stats["paragraphs_per_report"]
    lines.append(f"paragraph length (chars)  p10 {pc['p10']}  p50 {pc['p50']}  p90 {pc['p90']}  max {pc['max']}")
    lines.append(f"paragraphs per report     min {pr['min']}  p50 {pr['p50']}  max {pr['max']}")
    return "\n".join(lines)

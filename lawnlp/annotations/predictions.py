"""Analysis results as pre-annotated tasks, the first step of the retraining loop (``lawnlp data export``
of new reports or of ``lawnlp analyze`` JSONL): the model's labels become Label Studio ``predictions``
(with ``model_version``) or pre-filled doccano labels, for people to correct and import back.

The input is analysed reports, as ``Report`` objects or their ``to_dict()`` form (a line of ``lawnlp
analyze`` JSONL); this module never runs the analyser (the command line does, and passes them here).
One annotation line per source line of the report as parsed (a heading and body split from one line
are one line again): its section is the first part's, its themes the union of its parts' (kept on
``shortcomings`` lines only, as the annotation guide wants); page debris is ``other``. The report's
metadata and brief are predicted too. Reports that failed (``error`` set) are left out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from lawnlp.annotations.doccano import to_doccano
from lawnlp.annotations.label_studio import to_label_studio
from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.rows import as_dict
from lawnlp.schema import Report

_ID_RE = re.compile(r"[^\w.-]+")


def model_version(report: dict[str, Any]) -> str:
    """What made a report's labels, from its provenance: ``lawnlp 0.1.0 sections-bert@… themes-bert@…``."""
    p = report.get("provenance") or {}
    parts = [f"lawnlp {p['lawnlp_version']}" if p.get("lawnlp_version") else "lawnlp"]
    parts += [p[k] for k in ("sections_model", "themes_model") if p.get(k)]
    return " ".join(parts)


def _report_id(source: str, seen: dict[str, int]) -> str:
    stem = _ID_RE.sub("-", Path(source or "report").stem).strip("-") or "report"
    seen[stem] = seen.get(stem, 0) + 1
    return stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"


def to_annotated(report: Report | dict[str, Any], report_id: str) -> AnnotatedReport:
    """An analysed report as an annotated report carrying the model's labels (see the module docstring)."""
    d = as_dict(report)
    lines: dict[int, dict[str, Any]] = {}
    for p in d.get("paragraphs") or []:
        line = lines.setdefault(p["line"], {"texts": [], "section": None, "themes": []})
        line["texts"].append(p.get("text") or "")
        if line["section"] is None:
            line["section"] = "other" if p.get("debris") else (p.get("section") or "other")
        line["themes"] += [t for t in p.get("themes") or [] if t not in line["themes"]]
    order = [lines[k] for k in sorted(lines) if "".join(lines[k]["texts"]).strip()]
    meta = dict(d.get("meta") or {})
    brief = d.get("brief")
    meta["brief"] = brief.get("text") if isinstance(brief, dict) else (str(brief) if brief else None)
    meta["report_id"] = report_id
    return AnnotatedReport(
        report_id=report_id,
        texts=["".join(line["texts"]).strip() for line in order],
        sections=[line["section"] for line in order],
        themes=[line["themes"] if line["section"] == "shortcomings" else [] for line in order],
        meta={k: v for k, v in meta.items() if v is not None},
    )


def _usable(reports: list[Report | dict[str, Any]]) -> list[tuple[dict[str, Any], AnnotatedReport]]:
    seen: dict[str, int] = {}
    out = []
    for r in reports:
        d = as_dict(r)
        if d.get("error") or not d.get("paragraphs"):
            continue
        out.append((d, to_annotated(d, _report_id(d.get("source") or "", seen))))
    return out


def label_studio_predictions(reports: list[Report | dict[str, Any]]) -> list[dict]:
    """Label Studio tasks (JSON-ready) whose ``predictions`` hold the model's labels (no annotations yet)."""
    pairs = _usable(reports)
    tasks = to_label_studio([a for _, a in pairs])
    for (d, _), task in zip(pairs, tasks):
        result = task.pop("annotations")[0]["result"]
        task["data"]["source"] = d.get("source")
        task["predictions"] = [{"model_version": model_version(d), "result": result}]
    return tasks


def doccano_predictions(reports: list[Report | dict[str, Any]]) -> list[dict]:
    """doccano sequence-labelling records (JSON-ready) with the model's labels pre-filled."""
    pairs = _usable(reports)
    records = to_doccano([a for _, a in pairs])
    for (d, _), rec in zip(pairs, records):
        rec["source"], rec["model_version"] = d.get("source"), model_version(d)
    return records


def export_predictions(reports: list[Report | dict[str, Any]], path: str | Path, to: str) -> tuple[Path, int]:
    """Write pre-annotated tasks for ``to`` ("label-studio": a JSON task list; "doccano": JSONL) to
    ``path``; returns the path and the number of reports written."""
    path = Path(path)
    if to == "label-studio":
        tasks = label_studio_predictions(reports)
        path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return path, len(tasks)
    if to == "doccano":
        records = doccano_predictions(reports)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path, len(records)
    raise ValueError(f"unknown annotation tool {to!r} (use label-studio or doccano)")

"""Label Studio: import of its JSON export, export of tasks, and the matching labeling config.

Label Studio (JSON export: a list of tasks; ``label_studio_config()`` is the matching labeling config)
    One task per report: ``data = {"text": …, "report_id": …}``. ``annotations[0].result`` holds
    - per line, a ``labels`` result from the ``section`` control: ``value = {start, end, text,
      labels: [section id]}`` spanning the line (without its newline);
    - per ``shortcomings`` line with themes, a second ``labels`` result from the ``themes`` control
      on the same span (same region ``id``) with ``labels`` = the theme ids;
    - report metadata as document-level results: ``textarea`` results ``entity``, ``county``,
      ``year``, ``brief`` (``value = {"text": [...]}``) and a ``choices`` result ``level``
      (``value = {"choices": [level]}``).
    On import, the first annotation not marked ``was_cancelled`` is read (old exports' ``completions``
    too); tasks without one are skipped with a warning. A span may cover several whole lines (every
    line inside gets its labels); whitespace around a line and its newline may be in or out of the
    span. Offsets counted in UTF-16 units (older Label Studio front ends, text with characters beyond
    U+FFFF) are recognised by the span's ``text``.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lawnlp.annotations.schema import META_FIELDS, AnnotatedReport
from lawnlp.annotations.spans import (
    Builder,
    Lines,
    check_exportable,
    clean_meta,
    export_meta,
    line_spans,
    read_text,
    resolve_offsets,
    unique,
)
from lawnlp.errors import ReportError
from lawnlp.labels import LEVEL_NAMES, SECTION_COLOURS, SECTIONS, THEME_IDS, THEMES

_TEXT_META = ("entity", "county", "year", "published", "brief")


def _task_annotation(task: dict) -> dict | None:
    for key in ("annotations", "completions"):
        for ann in task.get(key) or []:
            if isinstance(ann, dict) and not ann.get("was_cancelled"):
                return ann
    return None


def load_label_studio(path: str | Path) -> list[AnnotatedReport]:
    """Reports from a Label Studio JSON export (one task per report)."""
    path = Path(path)
    try:
        tasks = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), exc.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise ReportError("a Label Studio export is a JSON list of tasks", str(path))
    reports, skipped = [], 0
    for n, task in enumerate(tasks, 1):
        where = f"task {n}" + (f" (id {task['id']})" if isinstance(task, dict) and "id" in task else "")
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise ReportError(f"{where}: a task must be an object with 'data'", str(path))
        data = task["data"]
        text = data.get("text")
        if not isinstance(text, str):
            raise ReportError(f"{where}: data.text missing or not text", str(path))
        ann = _task_annotation(task)
        if ann is None:
            skipped += 1
            continue
        report_id = str(data.get("report_id") or f"task-{task.get('id', n)}")
        where += f", report {report_id!r}"
        b = Builder(Lines(text), where, path, None)
        raw_meta = {k: data[k] for k in (*META_FIELDS, "published", "brief") if k in data}
        for res in ann.get("result") or []:
            if not isinstance(res, dict):
                raise b.error("a result must be an object")
            kind, name, value = res.get("type"), res.get("from_name"), res.get("value") or {}
            if kind == "labels":
                span = resolve_offsets(text, value.get("start"), value.get("end"), value.get("text"))
                if span is None:
                    raise b.error(f"{name} result without integer start/end")
                labels = value.get("labels") or []
                if name == "themes":
                    for label in labels:
                        b.theme(*span, label)
                elif name == "section":
                    if len(labels) != 1:
                        raise b.error(f"a section span needs exactly one label, got {labels}", b._line_at(span[0]))
                    b.section(*span, labels[0])
                else:  # a single Labels control with both: a label is a section or a theme id
                    for label in labels:
                        if label in THEME_IDS:
                            b.theme(*span, label)
                        else:
                            b.section(*span, label)
            elif kind == "textarea" and name in _TEXT_META:
                texts = value.get("text") or []
                raw_meta[name] = "\n".join(texts) if isinstance(texts, list) else texts
            elif kind == "choices" and name == "level":
                choices = value.get("choices") or []
                raw_meta["level"] = choices[0] if choices else None
        reports.append(b.report(report_id, clean_meta(raw_meta, report_id, b.error)))
    if skipped:
        warnings.warn(f"{path}: {skipped} task(s) without an annotation skipped", stacklevel=2)
    return unique(reports, path)


def label_studio_config() -> str:
    """The Label Studio labeling config (XML) that matches ``export_label_studio``."""
    sec = "\n".join(
        f"    <Label value={quoteattr(k)} hint={quoteattr(v)} background={quoteattr(SECTION_COLOURS[k])}/>"
        for k, v in SECTIONS.items()
    )
    thm = "\n".join(
        f'    <Label value={quoteattr(k)} hint={quoteattr(v)} background="#f7d794"/>' for k, v in THEMES.items()
    )
    lvl = "\n".join(f"    <Choice value={quoteattr(k)} hint={quoteattr(v)}/>" for k, v in LEVEL_NAMES.items())
    return f"""<View>
  <Header value="$report_id"/>
  <Header value="段落所属部分 section (one per line; select whole lines)" size="5"/>
  <Labels name="section" toName="text" choice="single" showInline="true">
{sec}
  </Labels>
  <Header value="不足主题 themes (shortcomings lines only; same span as the line)" size="5"/>
  <Labels name="themes" toName="text" choice="multiple" showInline="true">
{thm}
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
  <Header value="报告信息 report metadata" size="5"/>
  <TextArea name="entity" toName="text" maxSubmissions="1" editable="true" placeholder="entity 报告主体，如 仁沙镇"/>
  <TextArea name="county" toName="text" maxSubmissions="1" editable="true" placeholder="county 上级县区市，如 丰都县"/>
  <TextArea name="year" toName="text" maxSubmissions="1" editable="true" placeholder="year 报告年度，如 2024"/>
  <TextArea name="published" toName="text" maxSubmissions="1" editable="true"
            placeholder="published 发布日期，如 2025-01-16"/>
  <Choices name="level" toName="text" choice="single" showInline="true">
{lvl}
  </Choices>
  <TextArea name="brief" toName="text" maxSubmissions="1" editable="true" rows="4"
            placeholder="brief 摘要（不超过300字）"/>
</View>
"""


def to_label_studio(reports: list[AnnotatedReport]) -> list[dict]:
    """Label Studio tasks (JSON-ready) for the reports."""
    tasks = []
    for n, r in enumerate(reports, 1):
        check_exportable(r)
        text = r.text
        result: list[dict] = []
        for i, ((start, end), section, themes) in enumerate(zip(line_spans(r.texts), r.sections, r.themes)):
            rid = f"r{i}"
            span = {"start": start, "end": end, "text": text[start:end]}
            result.append(
                {
                    "id": rid,
                    "from_name": "section",
                    "to_name": "text",
                    "type": "labels",
                    "value": {**span, "labels": [section]},
                }
            )
            if themes:
                result.append(
                    {
                        "id": rid,
                        "from_name": "themes",
                        "to_name": "text",
                        "type": "labels",
                        "value": {**span, "labels": list(themes)},
                    }
                )
        for key, value in export_meta(r).items():
            if key == "level":
                result.append(
                    {
                        "id": "meta-level",
                        "from_name": "level",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": [value]},
                    }
                )
            else:
                result.append(
                    {
                        "id": f"meta-{key}",
                        "from_name": key,
                        "to_name": "text",
                        "type": "textarea",
                        "value": {"text": [str(value)]},
                    }
                )
        tasks.append(
            {
                "id": n,
                "data": {"text": text, "report_id": r.report_id},
                "annotations": [{"id": n, "result": result, "was_cancelled": False}],
            }
        )
    return tasks


def export_label_studio(reports: list[AnnotatedReport], path: str | Path) -> Path:
    """Write a Label Studio JSON task file (importable, and in the format of its JSON export)."""
    path = Path(path)
    path.write_text(json.dumps(to_label_studio(reports), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

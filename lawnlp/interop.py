"""Import from and export to annotation tools: Label Studio and doccano.

Annotators label new reports in one of these tools; ``load`` turns the tool's export back into
``AnnotatedReport`` objects (``lawnlp data import`` writes them as lawnlp JSONL) for retraining.
The report text is always the report's lines joined by ``\\n``; every non-blank line is one paragraph
(the annotation guide's ``index`` counts them from 0). Offsets are Python character offsets
(Unicode code points) into that text, end exclusive.

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

doccano (sequence-labelling JSONL export, one object per report)
    ``{"text": …, "label": [[start, end, "measures"], …, [start, end, "theme:talent_shortage"]],
    "report_id": …, "entity": …, "county": …, "year": …, "level": …, "brief": …}``:
    one span per line labelled with its section id; each theme of a line is an extra span on the same
    line labelled ``theme:<id>``; metadata fields are plain keys of the object (doccano keeps unknown
    keys as document metadata and writes them back on export). On import the newer ``entities`` form
    (``{"label", "start_offset", "end_offset"}``) and a JSON array instead of JSONL are accepted too.

Errors are ``ReportError`` naming the file and the task (Label Studio) or JSONL line (doccano), and
the report line (paragraph index + 1) concerned.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import quoteattr

from lawnlp.data import META_FIELDS, AnnotatedReport
from lawnlp.labels import LEVEL_NAMES, LEVELS, SECTION_COLOURS, SECTION_IDS, SECTIONS, THEME_IDS, THEMES
from lawnlp.reading import ReportError

Tool = Literal["label_studio", "doccano"]
THEME_PREFIX = "theme:"
META_KEYS = ("report_id", *META_FIELDS, "brief")
_TEXT_META = ("entity", "county", "year", "brief")


# --------------------------------------------------------------------------- shared helpers

def _line_spans(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each line in ``"\\n".join(texts)``."""
    spans, pos = [], 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return spans


def _check_exportable(report: AnnotatedReport) -> None:
    """Refuse reports whose lines would not survive a text round trip."""
    if not (len(report.texts) == len(report.sections) == len(report.themes)):
        raise ReportError(f"report {report.report_id!r}: texts, sections and themes differ in length")
    for i, t in enumerate(report.texts):
        if not t.strip() or "\n" in t or "\r" in t:
            raise ReportError(f"report {report.report_id!r}, line {i + 1}: a paragraph must be one non-blank line")


class _Lines:
    """The paragraphs of one report text: non-blank lines with their offsets."""

    def __init__(self, text: str):
        self.text = text
        self.texts: list[str] = []
        self.bounds: list[tuple[int, int, int, int]] = []  # (line start, content start, content end, line end)
        pos = 0
        for raw in text.split("\n"):
            line = raw[:-1] if raw.endswith("\r") else raw
            if line.strip():
                lead = len(line) - len(line.lstrip())
                self.texts.append(line)
                self.bounds.append((pos, pos + lead, pos + len(line.rstrip()), pos + len(raw)))
            pos += len(raw) + 1

    def covered(self, start: int, end: int) -> list[int] | None:
        """Indices of the lines a span covers exactly (whole lines, surrounding whitespace optional)."""
        first = next((i for i, b in enumerate(self.bounds) if b[0] <= start <= b[1]), None)
        last = next((i for i, b in enumerate(self.bounds) if b[2] <= end <= b[3] + 1), None)
        if first is None or last is None or last < first or end <= start:
            return None
        return list(range(first, last + 1))


def _utf16_to_index(text: str, offset: int) -> int:
    """Code-point index of a UTF-16 code-unit offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _resolve_offsets(text: str, start: Any, end: Any, span_text: Any) -> tuple[int, int] | None:
    """Code-point (start, end) of a span, recognising UTF-16 offsets by the span's text."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    if isinstance(span_text, str) and text[start:end] != span_text:
        s16, e16 = _utf16_to_index(text, start), _utf16_to_index(text, end)
        if text[s16:e16] == span_text:
            return s16, e16
    return start, end


class _Builder:
    """Collects labels per line of one report and checks them."""

    def __init__(self, lines: _Lines, where: str, path: Path, lineno: int | None):
        self.lines, self.where, self.path, self.lineno = lines, where, path, lineno
        self.sections: list[str | None] = [None] * len(lines.texts)
        self.themes: list[list[str]] = [[] for _ in lines.texts]

    def error(self, msg: str, line: int | None = None) -> ReportError:
        at = f", report line {line + 1}" if line is not None else ""
        return ReportError(f"{self.where}{at}: {msg}", str(self.path), self.lineno)

    def cover(self, start: int, end: int, what: str) -> list[int]:
        idx = self.lines.covered(start, end)
        if idx is None:
            near = next((i for i, b in enumerate(self.lines.bounds) if b[0] <= start <= b[3]), None)
            snippet = self.lines.text[start:end][:20] if isinstance(start, int) else ""
            raise self.error(f"{what} span {start}-{end} ({snippet!r}) does not align with whole lines", near)
        return idx

    def section(self, start: int, end: int, label: str) -> None:
        if label not in SECTION_IDS:
            raise self.error(f"unknown section id {label!r} (expected one of {', '.join(SECTION_IDS)})",
                             self._line_at(start))
        for i in self.cover(start, end, "section"):
            if self.sections[i] not in (None, label):
                raise self.error(f"two sections on one line: {self.sections[i]!r} and {label!r}", i)
            self.sections[i] = label

    def theme(self, start: int, end: int, label: str) -> None:
        if label not in THEME_IDS:
            raise self.error(f"unknown theme id {label!r}", self._line_at(start))
        for i in self.cover(start, end, "theme"):
            if label not in self.themes[i]:
                self.themes[i].append(label)

    def _line_at(self, start: Any) -> int | None:
        if not isinstance(start, int):
            return None
        return next((i for i, b in enumerate(self.lines.bounds) if b[0] <= start <= b[3]), None)

    def report(self, report_id: str, meta: dict) -> AnnotatedReport:
        if not self.lines.texts:
            raise self.error("the report text is empty")
        for i, s in enumerate(self.sections):
            if s is None:
                raise self.error(f"no section label on line {self.lines.texts[i][:20]!r}", i)
            if self.themes[i] and s != "shortcomings":
                raise self.error(f"themes on a {s!r} line (themes belong to 'shortcomings' only)", i)
        return AnnotatedReport(report_id, list(self.lines.texts), [s for s in self.sections if s],
                               [list(t) for t in self.themes], meta)


def _clean_meta(raw: dict, report_id: str, err) -> dict:
    """Metadata from an export: all fields present (entity, county, year, level, brief), checked."""
    if not any(raw.get(k) not in (None, "") for k in ("entity", "county", "year", "level", "brief")):
        return {}
    meta: dict = {"report_id": report_id}
    for key in ("entity", "county", "brief"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise err(f"metadata {key!r} must be text")
        meta[key] = value.strip() if isinstance(value, str) and value.strip() else None
    year = raw.get("year")
    if isinstance(year, str):
        year = year.strip() or None
        if year is not None:
            if not (year.isascii() and year.isdigit()):
                raise err(f"metadata 'year' must be a year like 2024, not {year!r}")
            year = int(year)
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise err("metadata 'year' must be an integer")
    meta["year"] = year
    level = raw.get("level") or "unknown"
    if level not in LEVELS:
        raise err(f"unknown level {level!r} (expected one of {', '.join(LEVELS)})")
    meta["level"] = level
    meta = {k: meta[k] for k in META_KEYS}
    return meta


def _export_meta(report: AnnotatedReport) -> dict:
    """The report's metadata fields (without report_id) that have a value."""
    return {k: report.meta[k] for k in (*META_FIELDS, "brief") if report.meta.get(k) is not None}


# --------------------------------------------------------------------------- sniffing and loading

def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"cannot read annotation export: {exc}", str(path)) from None


def _kind_of(obj: Any) -> Tool | None:
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("data"), dict) and ("annotations" in obj or "completions" in obj):
        return "label_studio"
    if isinstance(obj.get("text"), str) and ("label" in obj or "entities" in obj or "labels" in obj) \
            and "section" not in obj:
        return "doccano"
    return None


def sniff(path: str | Path) -> Tool | None:
    """Which tool exported this file: ``"label_studio"``, ``"doccano"``, or None (not an export)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    stripped = text.lstrip()
    if not stripped:
        return None
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError:
        first = stripped.split("\n", 1)[0]
        try:
            return _kind_of(json.loads(first))
        except json.JSONDecodeError:
            return None
    if isinstance(obj, list):
        return _kind_of(obj[0]) if obj else None
    return _kind_of(obj)


def load(path: str | Path) -> list[AnnotatedReport]:
    """Load a Label Studio or doccano export (see the module docstring) as annotated reports with meta."""
    path = Path(path)
    kind = sniff(path)
    if kind == "label_studio":
        return load_label_studio(path)
    if kind == "doccano":
        return load_doccano(path)
    if not path.exists():
        raise ReportError("annotation export not found", str(path))
    raise ReportError("not a Label Studio JSON export or a doccano JSONL export", str(path))


def _unique(reports: list[AnnotatedReport], path: Path) -> list[AnnotatedReport]:
    seen: set[str] = set()
    for r in reports:
        if r.report_id in seen:
            raise ReportError(f"duplicate report_id {r.report_id!r}", str(path))
        seen.add(r.report_id)
    return reports


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
        tasks = json.loads(_read_text(path))
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
        b = _Builder(_Lines(text), where, path, None)
        raw_meta = {k: data[k] for k in (*META_FIELDS, "brief") if k in data}
        for res in ann.get("result") or []:
            if not isinstance(res, dict):
                raise b.error("a result must be an object")
            kind, name, value = res.get("type"), res.get("from_name"), res.get("value") or {}
            if kind == "labels":
                span = _resolve_offsets(text, value.get("start"), value.get("end"), value.get("text"))
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
        reports.append(b.report(report_id, _clean_meta(raw_meta, report_id, b.error)))
    if skipped:
        warnings.warn(f"{path}: {skipped} task(s) without an annotation skipped", stacklevel=2)
    return _unique(reports, path)


def _doccano_records(path: Path) -> list[tuple[int, dict]]:
    text = _read_text(path)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            objs = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), exc.lineno) from None
        return [(n, o) for n, o in enumerate(objs, 1)]
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), lineno) from None
    return out


def load_doccano(path: str | Path) -> list[AnnotatedReport]:
    """Reports from a doccano sequence-labelling export (JSONL, one object per report)."""
    path = Path(path)
    reports = []
    for lineno, obj in _doccano_records(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ReportError("each record must be an object with 'text'", str(path), lineno)
        report_id = str(obj.get("report_id") or (f"doccano-{obj['id']}" if "id" in obj else f"{path.stem}-{lineno}"))
        b = _Builder(_Lines(obj["text"]), f"report {report_id!r}", path, lineno)
        spans: list[tuple[Any, Any, Any]] = []
        for item in obj.get("label", obj.get("labels", [])) or []:
            if not isinstance(item, (list, tuple)) or len(item) != 3:
                raise b.error(f"a label must be [start, end, label], got {item!r}")
            spans.append(tuple(item))
        for ent in obj.get("entities") or []:
            if not isinstance(ent, dict):
                raise b.error(f"an entity must be an object, got {ent!r}")
            spans.append((ent.get("start_offset"), ent.get("end_offset"), ent.get("label")))
        for start, end, label in spans:
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) \
                    or not isinstance(label, str):
                raise b.error(f"bad span {[start, end, label]!r}")
            if label.startswith(THEME_PREFIX):
                b.theme(start, end, label[len(THEME_PREFIX):])
            else:
                b.section(start, end, label)
        reports.append(b.report(report_id, _clean_meta(obj, report_id, b.error)))
    return _unique(reports, path)


# --------------------------------------------------------------------------- export

def label_studio_config() -> str:
    """The Label Studio labeling config (XML) that matches ``export_label_studio``."""
    sec = "\n".join(f"    <Label value={quoteattr(k)} hint={quoteattr(v)} background={quoteattr(SECTION_COLOURS[k])}/>"
                    for k, v in SECTIONS.items())
    thm = "\n".join(f"    <Label value={quoteattr(k)} hint={quoteattr(v)} background=\"#f7d794\"/>"
                    for k, v in THEMES.items())
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
  <Choices name="level" toName="text" choice="single" showInline="true">
{lvl}
  </Choices>
  <TextArea name="brief" toName="text" maxSubmissions="1" editable="true" rows="4" placeholder="brief 摘要（不超过300字）"/>
</View>
"""


def to_label_studio(reports: list[AnnotatedReport]) -> list[dict]:
    """Label Studio tasks (JSON-ready) for the reports."""
    tasks = []
    for n, r in enumerate(reports, 1):
        _check_exportable(r)
        text = r.text
        result: list[dict] = []
        for i, ((start, end), section, themes) in enumerate(zip(_line_spans(r.texts), r.sections, r.themes)):
            rid = f"r{i}"
            span = {"start": start, "end": end, "text": text[start:end]}
            result.append({"id": rid, "from_name": "section", "to_name": "text", "type": "labels",
                           "value": {**span, "labels": [section]}})
            if themes:
                result.append({"id": rid, "from_name": "themes", "to_name": "text", "type": "labels",
                               "value": {**span, "labels": list(themes)}})
        for key, value in _export_meta(r).items():
            if key == "level":
                result.append({"id": "meta-level", "from_name": "level", "to_name": "text", "type": "choices",
                               "value": {"choices": [value]}})
            else:
                result.append({"id": f"meta-{key}", "from_name": key, "to_name": "text", "type": "textarea",
                               "value": {"text": [str(value)]}})
        tasks.append({"id": n, "data": {"text": text, "report_id": r.report_id},
                      "annotations": [{"id": n, "result": result, "was_cancelled": False}]})
    return tasks


def to_doccano(reports: list[AnnotatedReport]) -> list[dict]:
    """doccano sequence-labelling records (JSON-ready) for the reports."""
    out = []
    for n, r in enumerate(reports, 1):
        _check_exportable(r)
        labels: list[list] = []
        for (start, end), section, themes in zip(_line_spans(r.texts), r.sections, r.themes):
            labels.append([start, end, section])
            labels += [[start, end, THEME_PREFIX + t] for t in themes]
        out.append({"id": n, "text": r.text, "label": labels, "report_id": r.report_id, **_export_meta(r)})
    return out


def export_label_studio(reports: list[AnnotatedReport], path: str | Path) -> Path:
    """Write a Label Studio JSON task file (importable, and in the format of its JSON export)."""
    path = Path(path)
    path.write_text(json.dumps(to_label_studio(reports), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def export_doccano(reports: list[AnnotatedReport], path: str | Path) -> Path:
    """Write a doccano sequence-labelling JSONL file (importable, and in the format of its export)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in to_doccano(reports):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def write_lawnlp(reports: list[AnnotatedReport], paragraphs: str | Path,
                 reports_path: str | Path | None = None) -> tuple[Path, Path]:
    """Write lawnlp paragraph JSONL and report metadata JSONL (default: reports.jsonl beside it).
    Reports without metadata get an empty record (level ``unknown``) so the pair validates."""
    paragraphs = Path(paragraphs)
    reports_path = Path(reports_path) if reports_path else paragraphs.with_name("reports.jsonl")
    with open(paragraphs, "w", encoding="utf-8") as fh:
        for r in reports:
            for i, (t, s, th) in enumerate(zip(r.texts, r.sections, r.themes)):
                fh.write(json.dumps({"report_id": r.report_id, "index": i, "text": t, "section": s,
                                     "themes": list(th)}, ensure_ascii=False) + "\n")
    with open(reports_path, "w", encoding="utf-8") as fh:
        for r in reports:
            rec = {"report_id": r.report_id, "entity": None, "county": None, "year": None, "level": "unknown",
                   "brief": None}
            rec.update({k: r.meta[k] for k in (*META_FIELDS, "brief") if k in r.meta})
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return paragraphs, reports_path

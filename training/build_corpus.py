"""Build the annotated corpus JSONL from the hand-written source files (see training/data/FORMAT.md).

python training/build_corpus.py            # check every source file and write the JSONL
python training/build_corpus.py --check    # check only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _labels():
    """lawnlp/labels.py loaded on its own, so this script runs with any Python, no dependencies."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("lawnlp_labels", ROOT.parent / "lawnlp" / "labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_L = _labels()
LEVELS, SECTION_IDS, THEME_IDS = _L.LEVELS, _L.SECTION_IDS, _L.THEME_IDS

CODES = {"P": "preamble", "M": "measures", "L": "leadership", "S": "shortcomings", "N": "plans", "O": "other"}
HEADER_KEYS = ("report_id", "entity", "county", "year", "level", "brief")
OPTIONAL_KEYS = ("published",)  # ISO date of publication, when the page or signature carries one


class SourceError(ValueError):
    """A corpus source file breaks the format; the message names the file and line."""


def parse_source(path: Path) -> tuple[dict, list[dict], str]:
    """Return (report metadata, paragraph records, raw report text) for one source file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    meta: dict = {}
    i = 0
    while i < len(lines) and lines[i].strip() != "---":
        line = lines[i].strip()
        if line:
            if not line.startswith("#") or ":" not in line:
                raise SourceError(f"{path}:{i + 1}: header line must be '#key: value'")
            key, value = line[1:].split(":", 1)
            meta[key.strip()] = value.strip()
        i += 1
    if i == len(lines):
        raise SourceError(f"{path}: no '---' line after the header")
    missing = [k for k in HEADER_KEYS if k not in meta]
    if missing:
        raise SourceError(f"{path}: header lacks {', '.join(missing)}")
    if meta["level"] not in LEVELS:
        raise SourceError(f"{path}: unknown level {meta['level']!r}")
    meta["year"] = int(meta["year"]) if meta["year"] else None
    meta["county"] = meta["county"] or None
    meta["published"] = meta.get("published") or None
    if meta["published"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]):
        raise SourceError(f"{path}: published must be an ISO date (YYYY-MM-DD), not {meta['published']!r}")
    if len(meta["brief"]) > 300:
        raise SourceError(f"{path}: brief is {len(meta['brief'])} characters, over 300")
    if meta["report_id"] != path.stem:
        raise SourceError(f"{path}: report_id {meta['report_id']!r} differs from the file name")

    records: list[dict] = []
    raw: list[str] = []
    for lineno in range(i + 2, len(lines) + 1):
        line = lines[lineno - 1]
        if not line.strip():
            raw.append("")
            continue
        if "|" not in line:
            raise SourceError(f"{path}:{lineno}: expected 'CODE|text'")
        code, text = line.split("|", 1)
        themes: list[str] = []
        if ":" in code:
            code, theme_part = code.split(":", 1)
            themes = [t.strip() for t in theme_part.split(",") if t.strip()]
        code = code.strip()
        if code not in CODES:
            raise SourceError(f"{path}:{lineno}: unknown code {code!r} (use {'/'.join(CODES)})")
        bad = [t for t in themes if t not in THEME_IDS]
        if bad:
            raise SourceError(f"{path}:{lineno}: unknown theme {bad[0]!r}")
        if themes and code != "S":
            raise SourceError(f"{path}:{lineno}: themes on a non-shortcomings line")
        if not text.strip():
            raise SourceError(f"{path}:{lineno}: empty text after the code")
        records.append(
            {
                "report_id": meta["report_id"],
                "index": len(records),
                "text": text,
                "section": CODES[code],
                "themes": themes,
            }
        )
        raw.append(text)
    assert all(r["section"] in SECTION_IDS for r in records)
    return meta, records, "\n".join(raw).strip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="check the sources, write nothing")
    parser.add_argument("paths", nargs="*", type=Path, help="source files (default: all under training/data/src)")
    args = parser.parse_args(argv)
    paths = args.paths or sorted((ROOT / "data" / "src").rglob("*.txt"))
    metas, records, errors = [], [], []
    seen: set[str] = set()
    for path in paths:
        try:
            meta, recs, _ = parse_source(path)
        except SourceError as exc:
            errors.append(str(exc))
            continue
        if meta["report_id"] in seen:
            errors.append(f"{path}: duplicate report_id {meta['report_id']}")
        seen.add(meta["report_id"])
        metas.append({k: meta[k] for k in HEADER_KEYS + OPTIONAL_KEYS})
        records.extend(recs)
    for err in errors:
        print(err, file=sys.stderr)
    print(
        f"{len(metas)} reports, {len(records)} paragraphs, "
        f"{sum(r['section'] == 'shortcomings' for r in records)} shortcomings, {len(errors)} errors"
    )
    if errors:
        return 1
    if not args.check and not args.paths:
        out = ROOT / "data"
        with open(out / "paragraphs.jsonl", "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        with open(out / "reports.jsonl", "w", encoding="utf-8") as fh:
            for m in metas:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

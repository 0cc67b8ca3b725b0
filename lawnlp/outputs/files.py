"""Analysing report files into a result file, with a progress bar (``lawnlp analyze -o``)."""

from __future__ import annotations

from typing import Any

from lawnlp.outputs.writers import open_output, output_format, result_key


def analyze_files(
    analyzer: Any,
    sources: list[str],
    output: str | None = None,
    fmt: str | None = None,
    resume: bool = False,
    progress: bool = True,
    batch_size: int | None = None,
    workers: int | None = None,
    on_report: Any = None,
) -> dict[str, int]:
    """Analyse ``sources`` into the file ``output`` (jsonl, csv or parquet; written atomically, see
    lawnlp.outputs.writers), flushed per report, with a progress bar on stderr (reports/s, paragraphs/s).
    A source named twice is analysed once. ``resume`` skips the sources already in ``output`` and
    analyses again those that failed there. ``on_report(report)`` is called for every report. Returns
    counts: done, failed, skipped (already in the file), retried (failed there before), duplicates."""
    import sys
    import time

    from tqdm.auto import tqdm

    fmt = output_format(output, fmt)
    out = open_output(output, fmt, resume) if output else None
    unique: dict[str, str] = {}
    for s in sources:
        unique.setdefault(result_key(s), s)
    todo = [s for key, s in unique.items() if not out or key not in out.done]
    counts = {
        "done": 0,
        "failed": 0,
        "skipped": len(unique) - len(todo),
        "retried": getattr(out, "retried", 0),
        "duplicates": len(sources) - len(unique),
        "paragraphs": 0,
    }
    bar = tqdm(
        total=len(todo), unit="report", file=sys.stderr, disable=not progress, dynamic_ncols=True, desc="analyse"
    )
    start = time.perf_counter()
    try:
        for report in analyzer.analyze_batch(todo, batch_size=batch_size, workers=workers):
            if out:
                out.write(report)
            counts["done"] += 1
            counts["failed"] += report.error is not None
            counts["paragraphs"] += len(report.paragraphs)
            if on_report:
                on_report(report)
            elapsed = max(time.perf_counter() - start, 1e-9)
            bar.set_postfix_str(f"{counts['paragraphs'] / elapsed:.1f} paragraphs/s", refresh=False)
            bar.update(1)
    finally:
        bar.close()
        if out:
            out.close()
    return counts

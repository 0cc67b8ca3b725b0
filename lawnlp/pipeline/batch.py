"""The batch loop behind ``Analyzer.analyze_batch``: the same steps as one report, over many.

* a pool of ``workers`` threads reads and parses the next reports while the models run on the current
  group (reading, normalisation and structure are pure Python; torch releases the GIL while it computes);
* parsed reports are collected into groups of about ``group_paragraphs`` paragraphs, and every group is
  labelled in one call of each labeller, so the BERT model's length bucketing sees many paragraphs at once;
* reports come out in input order; a report that fails (unreadable input, or an error while it is
  labelled) comes out with ``error`` set and the others go on.

It uses the analyser's public interface only: ``parse``, ``label`` and ``prepare``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from lawnlp.errors import ReportError
from lawnlp.pipeline.inputs import iter_inputs, source_name
from lawnlp.schema import Meta, Report

ON_ERROR = ("keep", "skip", "raise")


def error_report(source: Any, name: str | None, exc: BaseException) -> Report:
    """The result of an input that failed: no paragraphs, ``error`` naming the input and the reason."""
    where = getattr(exc, "source", None) or name or source_name(source)
    message = str(exc) if isinstance(exc, ReportError) else f"{where}: {type(exc).__name__}: {exc}"
    return Report(source=where, meta=Meta(), paragraphs=[], error=message)


def _parse(analyzer: Any, source: Any, name: str | None) -> tuple[Report, BaseException | None]:
    try:
        return analyzer.parse(source, name=name), None
    except Exception as exc:
        return error_report(source, name, exc), exc


def _parsed_in_order(
    analyzer: Any, inputs: Iterator[tuple[Any, str | None]], workers: int, prefetch: int
) -> Iterator[tuple[Report, BaseException | None]]:
    """(parsed report, exception or None) in input order; ``workers`` threads parse up to ``prefetch`` ahead."""
    if workers <= 0:
        for source, name in inputs:
            yield _parse(analyzer, source, name)
        return
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lawnlp-parse") as pool:
        window: deque[Future] = deque()
        try:
            for source, name in inputs:
                window.append(pool.submit(_parse, analyzer, source, name))
                while len(window) > prefetch:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for f in window:
                f.cancel()


@lru_cache(maxsize=1)
def _libc() -> Any:
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 - glibc only
        return libc
    except (OSError, AttributeError):
        return None


def release_memory() -> None:
    """Give freed heap memory back to the OS (glibc): the tensors of varying shapes that every group
    allocates otherwise fragment the heap, and the process grows with the number of groups.
    LAWNLP_NO_TRIM=1 turns it off."""
    if not os.environ.get("LAWNLP_NO_TRIM") and _libc() is not None:
        _libc().malloc_trim(0)


def _label_group(analyzer: Any, group: list[Report], brief: bool, on_error: str, batch_size: int) -> list[Report]:
    """Label the good reports of a group together; on failure, report by report."""
    good = [r for r in group if r.error is None]
    try:
        done = {id(r): r for r in analyzer.label(good, brief, batch_size=batch_size)} if good else {}
    except Exception:
        if on_error == "raise":
            raise
        done = {}
        for r in good:
            try:
                done[id(r)] = analyzer.label([r], brief, batch_size=batch_size)[0]
            except Exception as exc:
                done[id(r)] = Report(
                    source=r.source,
                    meta=r.meta,
                    paragraphs=r.paragraphs,
                    error=f"{r.source}: {type(exc).__name__}: {exc}",
                )
    return [done.get(id(r), r) for r in group]


def iter_batches(
    analyzer: Any,
    inputs: Iterable[Any],
    batch_size: int | None = None,
    brief: bool = True,
    on_error: str = "keep",
    workers: int | None = None,
    column: str | None = None,
    group_paragraphs: int | None = None,
) -> Iterator[Report]:
    """Analyse ``inputs``, yielding one Report per input in input order (see the module docstring).

    ``batch_size``: paragraphs per model forward pass (default the analyser's).
    ``group_paragraphs``: paragraphs labelled together (default the analyser's, at least 8 batches).
    ``workers``: parsing threads (default the analyser's; 0 parses in the calling thread).
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be 'keep', 'skip' or 'raise', not {on_error!r}")
    analyzer.prepare()
    workers = analyzer.workers if workers is None else max(0, int(workers))
    batch_size = batch_size or analyzer.batch_size
    group_size = max(group_paragraphs or analyzer.group_paragraphs, 8 * batch_size)
    prefetch = max(4, 2 * workers)
    group: list[Report] = []
    n_paragraphs = 0
    parsed = _parsed_in_order(analyzer, iter_inputs(inputs, column), workers, prefetch)
    try:
        for report, exc in parsed:
            if report.error is not None:
                if on_error == "raise":
                    raise exc if exc is not None else ReportError(report.error, report.source)
                if on_error == "skip":
                    continue
            group.append(report)
            n_paragraphs += len(report.paragraphs)
            if n_paragraphs >= group_size:
                done = _label_group(analyzer, group, brief, on_error, batch_size)
                group, n_paragraphs = [], 0
                release_memory()
                yield from done
        if group:
            yield from _label_group(analyzer, group, brief, on_error, batch_size)
    finally:
        parsed.close()

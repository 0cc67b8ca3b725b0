"""Analyse reports with Ray Data: a callable class for ``ray.data.Dataset.map_batches`` (``pip install
'lawnlp[ray]'``). Each actor loads the models once and maps a batch of report texts to one row per report.

    import ray
    from lawnlp.outputs.ray_data import ReportMapper

    ds = ray.data.from_items([{"text": t, "source": name} for name, t in reports])
    out = ds.map_batches(ReportMapper, fn_constructor_kwargs={"backend": "lite"}, batch_size=64,
                         compute=ray.data.ActorPoolStrategy(size=2), batch_format="pandas")
    out.to_pandas()  # lawnlp.rows.REPORT_ROW_COLUMNS (+ "report": the full report as JSON with full=True)

``analyze_dataset(ds, concurrency=2, backend="lite")`` does the same. Actors are asked for with
``compute=ActorPoolStrategy(size=n)``: Ray 2.51 deprecated ``concurrency=`` of ``map_batches``.

This module imports ray only in ``analyze_dataset``: the class is plain Python, so it can also be used
(and tested) alone.
"""

from __future__ import annotations

from typing import Any

from lawnlp.config import RUNTIME
from lawnlp.jsonl import dumps
from lawnlp.reading import looks_like_path
from lawnlp.rows import REPORT_ROW_COLUMNS, report_row

OUTPUT_COLUMNS = REPORT_ROW_COLUMNS + ("report",)


class ReportMapper:
    """``map_batches`` callable: builds one ``Analyzer`` per actor (``**analyzer_kwargs``: backend,
    sections, themes, accel, ...) and analyses each batch with ``Analyzer.analyze_batch``.

    Input batches have a ``text_column`` (report text, or a path readable on the worker) and optionally
    a ``source_column`` naming each report. Output rows: OUTPUT_COLUMNS, the report rows of lawnlp.rows
    and ``report``, the full report as JSON when ``full=True`` (else empty).
    """

    def __init__(
        self,
        text_column: str = "text",
        source_column: str = "source",
        full: bool = False,
        workers: int = 0,
        batch_size: int = RUNTIME.batch_size,
        **analyzer_kwargs: Any,
    ):
        from lawnlp.pipeline import Analyzer

        self.text_column, self.source_column, self.full = text_column, source_column, full
        self.workers, self.batch_size = workers, batch_size
        self.analyzer = Analyzer(**analyzer_kwargs)
        self.analyzer.prepare()  # load the models once per actor, not per batch

    def __call__(self, batch: Any) -> dict[str, list]:
        texts = [text if isinstance(text, (str, bytes)) else str(text) for text in batch[self.text_column]]
        names = list(batch[self.source_column]) if self._has(batch, self.source_column) else [None] * len(texts)
        # A row without a name is named by its path when the text column holds one (so that an error row
        # says which file failed), else by its place in the batch.
        names = [
            str(n) if not _missing(n) else (t if isinstance(t, str) and looks_like_path(t) else f"row:{i}")
            for i, (n, t) in enumerate(zip(names, texts))
        ]
        out: dict[str, list] = {c: [] for c in OUTPUT_COLUMNS}
        inputs = list(zip(names, texts))
        for name, report in zip(
            names, self.analyzer.analyze_batch(inputs, batch_size=self.batch_size, workers=self.workers)
        ):
            row = report_row(report) | {"source": name}
            row["report"] = dumps(report.to_dict()) if self.full else ""
            for c in OUTPUT_COLUMNS:
                out[c].append(row[c])
        return out

    @staticmethod
    def _has(batch: Any, column: str) -> bool:
        try:
            return column in batch
        except TypeError:  # pragma: no cover - exotic batch types
            return False


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN (pandas batches)


def analyze_dataset(ds: Any, concurrency: int = 1, batch_size: int = 64, **mapper_kwargs: Any) -> Any:
    """``ds.map_batches(ReportMapper, ...)`` on ``concurrency`` actors: a Ray Dataset of report rows
    (see ReportMapper)."""
    import ray

    return ds.map_batches(
        ReportMapper,
        fn_constructor_kwargs=mapper_kwargs,
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=concurrency),
        batch_format="pandas",
    )

"""Batching many reports through the models (issue 6).

``iter_batches`` is the engine behind ``Analyzer.analyze_batch``:

* a pool of ``workers`` threads reads and parses the next reports while the models run on the current
  group (reading, normalisation and structure are pure Python; torch releases the GIL while it computes);
* parsed reports are collected into groups of about ``group_paragraphs`` paragraphs, and every group is
  labelled in one call to the models, so the BERT model's length bucketing sees many paragraphs at once;
* reports come out in input order; a report that fails (unreadable input, or an error while it is
  labelled) comes out with ``error`` set and the others go on.

It also holds the acceleration options of the BERT models (``accelerate``: bfloat16 weights, int8 dynamic
quantisation, ONNX Runtime) and the thread settings (``configure_threads``).
"""

from __future__ import annotations

import copy
import io
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from lawnlp import defaults
from lawnlp.models.encoder import native_bf16
from lawnlp.reading import Document, ReportError
from lawnlp.report import Meta, Report

if TYPE_CHECKING:
    from lawnlp.pipeline import Analyzer, Source

ACCEL_MODES = ("auto", "none", "bf16", "int8", "onnx", "onnx-int8")
NAME_COLUMNS = ("source", "path", "name", "id", "report_id")   # a Dataset column that names each row


# --------------------------------------------------------------------------- inputs


def _source_name(source: object) -> str:
    if isinstance(source, Document):
        return source.source
    if isinstance(source, os.PathLike):
        return os.fsdecode(os.fspath(source))
    if isinstance(source, str) and "\n" not in source and 0 < len(source) <= defaults.MAX_PATH_CHARS:
        return source
    return "<bytes>" if isinstance(source, (bytes, bytearray, memoryview)) else "<text>"


def _is_dataset(obj: Any) -> bool:
    """A Hugging Face ``datasets.Dataset`` / ``IterableDataset`` (duck-typed: no import needed)."""
    return hasattr(obj, "column_names") and hasattr(obj, "features") and hasattr(obj, "map")


def iter_inputs(inputs: Any, column: str | None = None) -> Iterator[tuple[Any, str | None]]:
    """(source, name) pairs of an input collection.

    ``inputs`` is an iterable of paths, texts, bytes or Documents; (name, source) pairs; or a
    ``datasets.Dataset`` whose ``column`` (default "text") holds the report texts; a column named
    source, path, name, id or report_id names the rows (else ``row:<i>``). ``dataset["text"]`` (a
    column) is an iterable of texts and works as is.
    """
    if _is_dataset(inputs):
        names = list(inputs.column_names or [])
        col = column or "text"
        if names and col not in names:
            raise ValueError(f"the dataset has no column {col!r} (columns: {', '.join(names)}); pass column=...")
        name_col = next((c for c in NAME_COLUMNS if c in names and c != col), None)
        for i, row in enumerate(inputs):
            name = row.get(name_col) if name_col else None
            yield row[col], str(name) if name is not None else f"row:{i}"
        return
    if column is not None:
        for i, row in enumerate(inputs):
            name = next((row[c] for c in NAME_COLUMNS if c in row and c != column and row[c] is not None), None)
            yield row[column], str(name) if name is not None else f"row:{i}"
        return
    for item in inputs:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            yield item[1], item[0]
        else:
            yield item, None


def _error_report(source: Any, name: str | None, exc: BaseException) -> Report:
    where = getattr(exc, "source", None) or name or _source_name(source)
    message = str(exc) if isinstance(exc, ReportError) else f"{where}: {type(exc).__name__}: {exc}"
    return Report(source=where, meta=Meta(), paragraphs=[], error=message)


# --------------------------------------------------------------------------- threads


def available_cores() -> int:
    """CPU cores this process may use: the affinity mask, capped by a cgroup CPU quota if any."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    try:  # cgroup v2 quota ("max 100000" or "200000 100000")
        quota, period = open("/sys/fs/cgroup/cpu.max", encoding="ascii").read().split()[:2]
        if quota != "max":
            n = min(n, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


_THREADS_CONFIGURED = False
_THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "LAWNLP_NUM_THREADS")


def configure_threads() -> int | None:
    """Give torch one intra-op thread per available core, unless the user chose a number.

    The user chose when OMP_NUM_THREADS / MKL_NUM_THREADS is set (LAWNLP_NUM_THREADS is used as the
    number), or when torch's thread count differs from both of torch's own defaults (the machine's
    core count, which ignores affinity masks and container quotas, and the physical core count), i.e.
    ``torch.set_num_threads`` was called. Returns the number set, or None when nothing was changed.
    """
    global _THREADS_CONFIGURED
    if _THREADS_CONFIGURED:
        return None
    _THREADS_CONFIGURED = True
    import torch

    if os.environ.get("LAWNLP_NUM_THREADS", "").isdigit():
        n = max(1, int(os.environ["LAWNLP_NUM_THREADS"]))
        torch.set_num_threads(n)
        return n
    if any(os.environ.get(v) for v in _THREAD_ENV):
        return None
    current = torch.get_num_threads()
    cpus = os.cpu_count() or current
    n = available_cores()
    if current not in (cpus, max(1, cpus // 2), n):
        return None                       # torch.set_num_threads was called: leave it
    if n != current:
        torch.set_num_threads(n)
    return n


# --------------------------------------------------------------------------- acceleration


class _OrtNet:
    """Stands in for the torch network of a BERT model: runs an ONNX Runtime session instead."""

    def __init__(self, session: Any, input_names: list[str]):
        self.session, self.input_names = session, input_names

    def eval(self) -> "_OrtNet":
        return self

    def __call__(self, **enc: Any) -> Any:
        import torch

        feed = {k: v.numpy() for k, v in enc.items() if k in self.input_names}
        return torch.from_numpy(self.session.run(None, feed)[0])


def _onnx_session(net: Any, tokenizer: Any, quantize: bool) -> _OrtNet:
    """Export ``net`` to ONNX (in memory) and open it with ONNX Runtime (int8 weights if ``quantize``)."""
    import torch

    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise ImportError("accel='onnx' needs onnxruntime and onnx: pip install 'lawnlp[onnx]'") from exc
    sample = tokenizer(["示例"], ["上下文"], return_tensors="pt")
    names = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in sample]
    buf = io.BytesIO()
    axes = {k: {0: "batch", 1: "seq"} for k in names} | {"logits": {0: "batch"}}
    with torch.inference_mode(False), torch.no_grad():
        torch.onnx.export(net.eval(), tuple(sample[k] for k in names), buf, input_names=names,
                          output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)
    model_bytes = buf.getvalue()
    if quantize:
        import tempfile

        from onnxruntime.quantization import QuantType, quantize_dynamic

        with tempfile.TemporaryDirectory() as tmp:
            src, dst = os.path.join(tmp, "m.onnx"), os.path.join(tmp, "m.int8.onnx")
            with open(src, "wb") as f:
                f.write(model_bytes)
            import logging

            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # quiet its "consider pre-processing" advice
            try:
                quantize_dynamic(src, dst, weight_type=QuantType.QInt8)
            finally:
                root.setLevel(level)
            with open(dst, "rb") as f:
                model_bytes = f.read()
    options = ort.SessionOptions()
    options.intra_op_num_threads = available_cores()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    return _OrtNet(session, names)


def accelerate(model: Any, mode: str | None) -> Any:
    """A copy of a BERT ``model`` that runs faster on CPU; other backends are returned unchanged.

    ``mode``: "bf16" (bfloat16 weights: fast where the CPU computes bfloat16 natively, e.g. AVX512-BF16
    or AMX), "int8" (torch dynamic quantisation of the Linear layers), "onnx" (ONNX Runtime, fp32),
    "onnx-int8" (ONNX Runtime with int8 weights), "auto" (bf16 where the CPU computes it natively, else
    none) or None/"none". The original model is not modified.
    """
    mode = (mode or "none").lower()
    if mode not in ACCEL_MODES:
        raise ValueError(f"unknown accel {mode!r} (use one of {', '.join(ACCEL_MODES)})")
    if getattr(model, "net_", None) is None:  # lite and rules models (and no torch import for them)
        return model
    if mode == "auto":
        mode = "bf16" if native_bf16() else "none"  # int8 is faster but loses more (benchmarks/README.md)
    if mode == "none" or getattr(model, "accel_", None) == mode:
        return model
    import torch

    fast = copy.copy(model)
    if mode == "bf16":
        fast.net_ = copy.deepcopy(model.net_).eval().to(torch.bfloat16)
    elif mode == "int8":
        if "fbgemm" in torch.backends.quantized.supported_engines:
            torch.backends.quantized.engine = "fbgemm"
        import warnings

        with warnings.catch_warnings():  # torch 2.13 marks its quantized tensors deprecated (they still work)
            warnings.filterwarnings("ignore", message=r".*quantiz.*deprecated", category=UserWarning)
            fast.net_ = torch.ao.quantization.quantize_dynamic(model.net_.eval(), {torch.nn.Linear},
                                                               dtype=torch.qint8)
    else:
        fast.net_ = _onnx_session(model.net_, model.tokenizer_, quantize=mode == "onnx-int8")
    fast.accel_ = mode
    return fast


# --------------------------------------------------------------------------- the batch loop


def _parse(analyzer: "Analyzer", source: Any, name: str | None) -> Report:
    try:
        return analyzer.parse(source, name=name)
    except Exception as exc:  # noqa: BLE001 - every failure becomes an error report
        report = _error_report(source, name, exc)
        report._exc = exc  # type: ignore[attr-defined]  # re-raised for on_error="raise"
        return report


def _parsed_in_order(analyzer: "Analyzer", inputs: Iterator[tuple[Any, str | None]], workers: int,
                     prefetch: int) -> Iterator[Report]:
    """Parsed reports in input order; ``workers`` threads parse up to ``prefetch`` reports ahead."""
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


def _release_memory() -> None:
    """Give freed heap memory back to the OS (glibc): the tensors of varying shapes that every group
    allocates otherwise fragment the heap and the process grows with the number of groups."""
    global _LIBC
    if os.environ.get("LAWNLP_NO_TRIM"):
        return
    if _LIBC is None:
        try:
            import ctypes

            _LIBC = ctypes.CDLL("libc.so.6")
            _LIBC.malloc_trim  # noqa: B018 - glibc only
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC: Any = None


def _label_group(analyzer: "Analyzer", group: list[Report], brief: bool, on_error: str) -> list[Report]:
    """Label the good reports of a group in one model call; on failure, report by report."""
    good = [r for r in group if r.error is None]
    try:
        done = {id(r): r for r in analyzer._label(good, brief)} if good else {}
    except Exception:
        if on_error == "raise":
            raise
        done = {}
        for r in good:
            try:
                done[id(r)] = next(analyzer._label([r], brief))
            except Exception as exc:  # noqa: BLE001
                done[id(r)] = Report(source=r.source, meta=r.meta, paragraphs=r.paragraphs,
                                     error=f"{r.source}: {type(exc).__name__}: {exc}")
    return [done.get(id(r), r) for r in group]


def iter_batches(analyzer: "Analyzer", inputs: Iterable["Source"], batch_size: int, brief: bool = True,
                 on_error: str = "keep", workers: int | None = None, column: str | None = None,
                 group_paragraphs: int | None = None) -> Iterator[Report]:
    """Analyse ``inputs``, yielding one Report per input in input order (see the module docstring).

    ``batch_size``: paragraphs per forward pass of the BERT models. ``group_paragraphs``: paragraphs
    labelled together (default ``defaults.BATCH_GROUP_PARAGRAPHS``, at least 8 batches). ``workers``:
    parsing threads (default ``defaults.BATCH_WORKERS``; 0 parses in the calling thread).
    """
    if on_error not in ("keep", "skip", "raise"):
        raise ValueError(f"on_error must be 'keep', 'skip' or 'raise', not {on_error!r}")
    configure_threads_if_torch(analyzer)
    workers = defaults.BATCH_WORKERS if workers is None else max(0, int(workers))
    group_size = max(group_paragraphs or defaults.BATCH_GROUP_PARAGRAPHS, 8 * batch_size)
    prefetch = max(4, 2 * workers)
    with _model_batch_size(analyzer, batch_size):
        group: list[Report] = []
        n_paragraphs = 0
        parsed = _parsed_in_order(analyzer, iter_inputs(inputs, column), workers, prefetch)
        try:
            for report in parsed:
                if report.error is not None:
                    if on_error == "raise":
                        raise getattr(report, "_exc", ReportError(report.error, report.source))
                    if on_error == "skip":
                        continue
                    report.__dict__.pop("_exc", None)
                group.append(report)
                n_paragraphs += len(report.paragraphs)
                if n_paragraphs >= group_size:
                    done = _label_group(analyzer, group, brief, on_error)
                    group, n_paragraphs = [], 0
                    _release_memory()
                    yield from done
            if group:
                yield from _label_group(analyzer, group, brief, on_error)
        finally:
            parsed.close()


def configure_threads_if_torch(analyzer: "Analyzer") -> None:
    """Thread settings for the torch models only (the lite and rules backends do not load torch)."""
    models = (analyzer.section_model, analyzer.theme_model)
    if any(getattr(m, "net_", None) is not None for m in models):
        configure_threads()


class _model_batch_size:
    """Temporarily run the analyser's BERT models with ``batch_size`` paragraphs per forward pass."""

    def __init__(self, analyzer: "Analyzer", batch_size: int):
        self.models = [m for m in (analyzer.section_model, analyzer.theme_model) if hasattr(m, "batch_size")]
        self.batch_size = batch_size
        self.saved: list[int] = []

    def __enter__(self) -> "_model_batch_size":
        self.saved = [m.batch_size for m in self.models]
        for m in self.models:
            m.batch_size = self.batch_size
        return self

    def __exit__(self, *exc: Any) -> None:
        for m, b in zip(self.models, self.saved):
            m.batch_size = b


# --------------------------------------------------------------------------- result files

FORMATS = ("jsonl", "csv", "parquet")


def output_format(path: str | os.PathLike | None, fmt: str | None = None) -> str:
    """The format asked for, else the one the output file's suffix names (.csv, .parquet), else JSONL."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
        return fmt
    suffix = os.path.splitext(os.fspath(path or ""))[1].lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


def _key(source: str | None) -> str:
    """Sources compare as absolute paths when they name files (a run may resume from another folder)."""
    source = source or ""
    return os.path.abspath(source) if source and not source.startswith("<") and os.path.exists(source) else source


class _JsonlOut:
    """One JSON object per report, flushed per report. A cut-off last line (a killed run) is dropped."""

    def __init__(self, path: str, resume: bool):
        self.path, self.done = path, set()
        keep = 0
        if resume and os.path.exists(path):
            with open(path, "rb") as f:
                pos = 0
                for raw in f:
                    try:
                        obj = json.loads(raw)
                    except ValueError:
                        break
                    if not raw.endswith(b"\n"):
                        break
                    pos += len(raw)
                    keep = pos
                    self.done.add(_key(obj.get("source")))
        self.f = open(path, "r+b" if keep else "wb")
        self.f.seek(keep)
        self.f.truncate()

    def write(self, report: Report) -> None:
        self.f.write((json.dumps(report.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"))
        self.f.flush()

    def close(self) -> None:
        self.f.close()


def _csv_value(key: str, value: Any) -> Any:
    if key == "themes":
        return ";".join(value) if value else ""
    return "" if value is None else value


class _CsvOut:
    """One row per paragraph with the report's metadata (frame.PARAGRAPH_FRAME_COLUMNS), flushed per
    report; themes joined by ';'. On resume a report cut off by a killed run is removed and redone."""

    def __init__(self, path: str, resume: bool):
        import csv

        from lawnlp.frame import PARAGRAPH_FRAME_COLUMNS

        self.path, self.columns, self.done = path, list(PARAGRAPH_FRAME_COLUMNS), set()
        rows: list[list[str]] = []
        if resume and os.path.exists(path) and os.path.getsize(path):
            with open(path, encoding="utf-8", newline="") as f:
                data = list(csv.reader(f))
            if data and data[0] == self.columns:
                rows = self._complete(data[1:])
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.f)
        self.writer.writerow(self.columns)
        self.writer.writerows(rows)
        self.f.flush()

    def _complete(self, rows: list[list[str]]) -> list[list[str]]:
        """The rows of the reports written in full (their row count matches their n_paragraphs)."""
        i_src, i_n = self.columns.index("source"), self.columns.index("n_paragraphs")
        keep: list[list[str]] = []
        start = 0
        while start < len(rows):
            src = rows[start][i_src] if len(rows[start]) == len(self.columns) else None
            end = start
            while end < len(rows) and len(rows[end]) == len(self.columns) and rows[end][i_src] == src:
                end += 1
            if src is None:
                break
            want = max(1, int(rows[start][i_n] or 0)) if rows[start][i_n].isdigit() else -1
            if end - start == want:
                keep += rows[start:end]
                self.done.add(_key(src))
            start = max(end, start + 1)
        return keep

    def write(self, report: Report) -> None:
        from lawnlp.frame import paragraph_rows

        self.writer.writerows([[_csv_value(k, row[k]) for k in self.columns] for row in paragraph_rows(report)])
        self.f.flush()

    def close(self) -> None:
        self.f.close()


class _ParquetOut:
    """One row per paragraph (like CSV; themes a list column). Reports are journalled, flushed per
    report, to ``PATH.partial.jsonl`` and the Parquet file is (re)written when the run ends (also on
    Ctrl-C or an error); a killed run leaves the journal, which ``resume`` takes up: nothing is lost."""

    def __init__(self, path: str, resume: bool):
        self.path, self.journal_path = path, path + ".partial.jsonl"
        self.done: set[str] = set()
        self.old = None
        if resume and os.path.exists(path):
            import pyarrow.parquet as pq

            self.old = pq.read_table(path)
            counts: dict[str, int] = {}
            for s in self.old.column("source").to_pylist():
                counts[s] = counts.get(s, 0) + 1
            self.done |= {_key(s) for s in counts}
        if not resume and os.path.exists(self.journal_path):
            os.remove(self.journal_path)
        self.journal = _JsonlOut(self.journal_path, resume=True)
        self.done |= self.journal.done

    @staticmethod
    def schema():
        import pyarrow as pa

        return pa.schema([
            ("source", pa.string()), ("entity", pa.string()), ("county", pa.string()), ("year", pa.int64()),
            ("level", pa.string()), ("n_paragraphs", pa.int64()), ("error", pa.string()),
            ("index", pa.int64()), ("line", pa.int64()), ("text", pa.string()), ("section", pa.string()),
            ("themes", pa.list_(pa.string())), ("heading_level", pa.int64()), ("numbering", pa.string()),
            ("debris", pa.bool_()),
        ])

    def write(self, report: Report) -> None:
        self.journal.write(report)

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from lawnlp.frame import paragraph_rows, read_results

        self.journal.close()
        schema = self.schema()
        tmp = self.path + ".tmp"
        with pq.ParquetWriter(tmp, schema) as writer:
            if self.old is not None and self.old.num_rows:
                writer.write_table(self.old.select(schema.names).cast(schema))
            rows: list[dict[str, Any]] = []
            for report in read_results(self.journal_path):
                rows += paragraph_rows(report)
                if len(rows) >= 20000:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, self.path)
        os.remove(self.journal_path)


def open_output(path: str, fmt: str, resume: bool = False):
    """A result writer (``write(report)``, ``close()``, ``done``: the sources already in the file)."""
    return {"jsonl": _JsonlOut, "csv": _CsvOut, "parquet": _ParquetOut}[fmt](path, resume)


def analyze_files(analyzer: "Analyzer", sources: list[str], output: str | None = None, fmt: str | None = None,
                  resume: bool = False, progress: bool = True, batch_size: int | None = None,
                  workers: int | None = None, on_report: Any = None) -> dict[str, int]:
    """Analyse ``sources`` into the file ``output`` (jsonl, csv or parquet), flushed per report, with a
    progress bar on stderr (reports/s, paragraphs/s). ``resume`` skips the sources already in
    ``output``. ``on_report(report)`` is called for every report. Returns counts: done, failed, skipped."""
    import sys
    import time

    from tqdm.auto import tqdm

    fmt = output_format(output, fmt)
    out = open_output(output, fmt, resume) if output else None
    todo = [s for s in sources if not out or _key(s) not in out.done]
    counts = {"done": 0, "failed": 0, "skipped": len(sources) - len(todo), "paragraphs": 0}
    bar = tqdm(total=len(todo), unit="report", file=sys.stderr, disable=not progress, dynamic_ncols=True,
               desc="analyse")
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

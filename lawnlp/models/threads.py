"""CPU threads of the model runtimes (torch, ONNX Runtime): how many cores this process may use, and
torch's intra-op thread count set to it unless the user chose one. No module state: the caller decides
when to apply it (lawnlp.pipeline.Analyzer does, once per batch run)."""

from __future__ import annotations

import os

THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "LAWNLP_NUM_THREADS")


def available_cores() -> int:
    """CPU cores this process may use: the affinity mask, capped by a cgroup CPU quota if any."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    try:  # cgroup v2 quota ("max 100000" or "200000 100000")
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as f:
            quota, period = f.read().split()[:2]
        if quota != "max":
            n = min(n, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


def configure_threads(threads: int | None = None) -> int | None:
    """Give torch ``threads`` intra-op threads (default: one per available core), unless the user chose.

    The user chose when OMP_NUM_THREADS / MKL_NUM_THREADS is set (LAWNLP_NUM_THREADS is used as the
    number), or when torch's thread count differs from both of torch's own defaults (the machine's
    core count, which ignores affinity masks and container quotas, and the physical core count), i.e.
    ``torch.set_num_threads`` was called. Returns the number set, or None when nothing was changed.
    """
    import torch

    if threads is not None:
        torch.set_num_threads(max(1, int(threads)))
        return max(1, int(threads))
    if os.environ.get("LAWNLP_NUM_THREADS", "").isdigit():
        n = max(1, int(os.environ["LAWNLP_NUM_THREADS"]))
        torch.set_num_threads(n)
        return n
    if any(os.environ.get(v) for v in THREAD_ENV):
        return None
    current = torch.get_num_threads()
    cpus = os.cpu_count() or current
    n = available_cores()
    if current not in (cpus, max(1, cpus // 2), n):
        return None  # torch.set_num_threads was called: leave it
    if n != current:
        torch.set_num_threads(n)
    return n

"""Per-label decision thresholds of the multi-label theme taggers (both backends), tuned on dev data."""

from __future__ import annotations

import numpy as np

THRESHOLD_GRID = np.arange(0.1, 0.91, 0.05)


def best_thresholds(proba: np.ndarray, gold: np.ndarray, current: np.ndarray | None = None) -> np.ndarray:
    """For each label, the grid threshold on ``proba`` that maximises its F1 against ``gold`` (bool matrix).
    Labels absent from ``gold`` keep their ``current`` threshold (default 0.5)."""
    from sklearn.metrics import f1_score

    out = np.full(proba.shape[1], 0.5) if current is None else np.array(current, dtype=float)
    for k in range(proba.shape[1]):
        if gold[:, k].any():
            scores = [f1_score(gold[:, k], proba[:, k] >= t, zero_division=0) for t in THRESHOLD_GRID]
            out[k] = float(THRESHOLD_GRID[int(np.argmax(scores))])
    return out

"""Across reports (research-measures.md, section 3): year over year, copying, corpus tables.

    from lawnlp.measures import compare
    c = compare(reports)                 # Reports, their to_dict() dicts, or `lawnlp analyze` JSONL paths
    c.year_over_year, c.copying          # pandas DataFrames
    c.corpus(by=["level", "year"])       # shares with 95% Wilson intervals
    c.reports["region"] = ...; c.corpus(by=["region", "year"])   # any column of c.reports

Copying is found by MinHash/LSH near-duplicate search (datasketch) over each year's masked, non-stock
paragraphs, then verified by the exact Jaccard similarity of their shingles: never all pairs of
paragraphs. Year over year compares the shortcomings sentences of one entity's consecutive reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lawnlp.labels import THEME_IDS
from lawnlp.measures.audit import audit_units
from lawnlp.measures.boilerplate import MIN_CHARS, BoilerplateReference, NearIndex, bigrams, masked_sentences
from lawnlp.measures.inputs import Item, load_reports
from lawnlp.measures.stats import wilson_interval
from lawnlp.measures.text import shingles
from lawnlp.schema import PART_IDS, Audit, Report
from lawnlp.text.normalize import name_key

BATCH_REFERENCE_MIN = 40  # a batch this large is its own boilerplate reference (else the shipped one)
COPY_SECTIONS = ("preamble", "measures", "leadership", "shortcomings", "plans")


@dataclass
class Comparison:
    """The tables of ``compare``: one row per report (``reports``), ``year_over_year``, ``copying``;
    ``corpus(by)`` aggregates ``reports``. ``audits`` holds each report's Audit, in input order."""

    reports: Any
    year_over_year: Any
    copying: Any
    audits: list[Audit] = field(default_factory=list, repr=False)

    def corpus(self, by: Sequence[str] = ("level", "year"), confidence: float = 0.95):
        """Per group of ``by`` (columns of ``reports``): report count; for each part and ``causes``,
        ``on_time`` and each theme the share with its Wilson interval (``*_low``, ``*_high``); mean
        boilerplate share and mean specificity. ``on_time`` counts only reports with a date."""
        import pandas as pd

        rows = []
        df = self.reports
        for key, g in df.groupby(list(by), dropna=False, sort=True):
            key = key if isinstance(key, tuple) else (key,)
            row: dict[str, Any] = dict(zip(by, key)) | {"reports": len(g)}
            shares = {f"has_{p}": g[f"has_{p}"] for p in PART_IDS} | {"on_time": g["on_time"].dropna()}
            shares |= {f"theme_{t}": g[f"theme_{t}"] for t in THEME_IDS}
            for name, col in shares.items():
                k, n = int(col.astype(bool).sum()), int(len(col))
                lo, hi = wilson_interval(k, n, confidence)
                row[name] = k / n if n else None
                row[f"{name}_low"], row[f"{name}_high"] = lo, hi
            row["dated"] = int(g["on_time"].notna().sum())
            row["boilerplate_share_mean"] = g["boilerplate_share"].mean()
            row["specificity_mean"] = g["specificity_mean"].mean()
            rows.append(row)
        return pd.DataFrame(rows)


def _report_row(r: Report, a: Audit) -> dict[str, Any]:
    m = r.meta
    row = {"source": r.source, "entity": m.entity, "county": m.county, "year": m.year, "level": m.level}
    row |= {f"has_{p}": a.parts[p] for p in PART_IDS}
    row |= {
        "missing": a.missing,
        "shortcoming_items": a.shortcoming_items,
        "shortcoming_ratio": a.shortcoming_ratio,
        "figures_per_1000": a.figures_per_1000,
        "specificity_mean": a.specificity_mean,
        "plan_coverage": a.plan_coverage,
        "unaddressed": a.unaddressed,
        "published": a.published,
        "on_time": a.on_time,
        "boilerplate_share": a.boilerplate_share,
        "themes": a.themes,
    }
    row |= {f"theme_{t}": t in a.themes for t in THEME_IDS}
    return row


def _shortcoming_sentences(units: list[tuple[int, str]], r: Report) -> list[tuple[int, str]]:
    short = {p.index for p in r.paragraphs if p.section == "shortcomings"}
    return [(i, s) for i, s in units if i in short and len(s) >= MIN_CHARS]


def _year_over_year(
    reports: list[Report], audits: list[Audit], units: list[list[tuple[int, str]]], near: float, repeat_threshold: float
) -> list[dict[str, Any]]:
    first: dict[tuple[str, int], int] = {}
    for k, r in enumerate(reports):
        if r.meta.entity and r.meta.year is not None:
            first.setdefault((name_key(r.meta.entity), r.meta.year), k)  # one body in either script
    rows = []
    for (entity, year), k in sorted(first.items()):
        j = first.get((entity, year - 1))
        if j is None:
            continue
        before, after = audits[j], audits[k]
        old = _shortcoming_sentences(units[j], reports[j])
        new = _shortcoming_sentences(units[k], reports[k])
        index = NearIndex([bigrams(s) for _, s in old], near)
        repeated, paragraphs = 0, set()
        for i, s in new:
            hits = index.query(bigrams(s))
            repeated += bool(hits)
            paragraphs |= {(old[h][0], i) for h in hits}
        share = repeated / len(new) if new else None
        planned = [t for t in before.themes if t not in before.unaddressed]
        rows.append(
            {
                "entity": reports[k].meta.entity,
                "year": year,
                "earlier": reports[j].source,
                "later": reports[k].source,
                "repeated_themes": [t for t in THEME_IDS if t in before.themes and t in after.themes],
                "repeated_text": share,
                "repeated": share is not None and share >= repeat_threshold,
                "plans_followed": (sum(t not in after.themes for t in planned) / len(planned)) if planned else None,
                "dropped_themes": [t for t in before.themes if t not in after.themes],
                "repeated_paragraphs": sorted(paragraphs),
            }
        )
    return rows


def _copy_units(
    r: Report, units: list[tuple[int, str]], ref: BoilerplateReference, shingle: int, min_chars: int
) -> dict[int, set[str]]:
    """Shingle sets of the report's non-stock paragraphs (masked; stock sentences left out)."""
    keep: dict[int, list[str]] = defaultdict(list)
    sections = {p.index: p.section for p in r.paragraphs}
    for i, s in units:
        if sections.get(i) in COPY_SECTIONS and not ref.is_boilerplate(s):
            keep[i].append(s)
    out = {}
    for i, ss in keep.items():
        text = "".join(ss)
        if len(text) >= min_chars:
            out[i] = shingles(text, shingle)
    return out


def _copying(
    reports: list[Report],
    paragraph_sets: list[dict[int, set[str]]],
    threshold: float,
    min_copied: int,
    near: float,
    num_perm: int,
    lsh_threshold: float,
    seed: int,
) -> list[dict[str, Any]]:
    from datasketch import MinHash, MinHashLSH

    by_year: dict[int, list[int]] = defaultdict(list)
    for k, r in enumerate(reports):
        if r.meta.year is not None:
            by_year[r.meta.year].append(k)
    rows = []
    for year, members in sorted(by_year.items()):
        keys = [(k, i) for k in members for i in paragraph_sets[k]]
        if len(members) < 2 or not keys:
            continue
        hashes = MinHash.bulk(
            [[g.encode("utf-8") for g in paragraph_sets[k][i]] for k, i in keys], num_perm=num_perm, seed=seed
        )
        lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
        with lsh.insertion_session() as session:
            for n, h in enumerate(hashes):
                session.insert(n, h)
        pairs: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
        for n, h in enumerate(hashes):
            ka, ia = keys[n]
            for m in lsh.query(h):
                kb, ib = keys[m]
                if kb <= ka or _same_body(reports[ka], reports[kb]):
                    continue
                a, b = paragraph_sets[ka][ia], paragraph_sets[kb][ib]
                inter = len(a & b)
                if inter >= near * (len(a) + len(b) - inter):
                    pairs[ka, kb].add((ia, ib))
        for (ka, kb), copied in pairs.items():
            share_a = len({i for i, _ in copied}) / len(paragraph_sets[ka])
            share_b = len({i for _, i in copied}) / len(paragraph_sets[kb])
            shared = max(share_a, share_b)
            if shared >= threshold and len(copied) >= min_copied:
                rows.append(
                    {
                        "entity_a": reports[ka].meta.entity,
                        "entity_b": reports[kb].meta.entity,
                        "year": year,
                        "source_a": reports[ka].source,
                        "source_b": reports[kb].source,
                        "shared_share": shared,
                        "share_a": share_a,
                        "share_b": share_b,
                        "copied_paragraphs": sorted(copied),
                    }
                )
    rows.sort(key=lambda r: (-r["shared_share"], r["year"]))
    return rows


def _same_body(a: Report, b: Report) -> bool:
    return a.meta.entity is not None and name_key(a.meta.entity) == name_key(b.meta.entity)


def compare(
    reports: Iterable[Item],
    reference: BoilerplateReference | None = None,
    *,
    copy_threshold: float = 0.3,
    min_copied: int = 2,
    copy_near: float = 0.5,
    repeat_near: float = 0.7,
    repeat_threshold: float = 0.5,
    shingle: int = 5,
    min_paragraph_chars: int = 30,
    num_perm: int = 128,
    lsh_threshold: float = 0.4,
    seed: int = 1,
) -> Comparison:
    """Compare analysed reports across years and bodies.

    ``reference``: the boilerplate reference (None: the batch itself when it has at least
    BATCH_REFERENCE_MIN reports, else the shipped one). Year over year: a year-t shortcomings sentence
    is repeated when its bigram Jaccard with a year t-1 sentence is >= ``repeat_near``; ``repeated``
    flags ``repeated_text >= repeat_threshold``; ``repeated_paragraphs`` lists the (year t-1, year t)
    paragraph index pairs holding a repeated sentence; ``plans_followed`` is the share of year t-1's planned
    themes (shortcoming themes its plans address) that year t's shortcomings no longer name. Copying:
    two paragraphs are copies when the Jaccard similarity of their masked ``shingle``-grams is >=
    ``copy_near``; a pair of bodies is listed when ``shared_share`` (the larger of the two reports'
    shares of non-stock paragraphs copied) is >= ``copy_threshold`` with >= ``min_copied`` copies."""
    import pandas as pd

    reps = load_reports(reports)
    units = [masked_sentences(r) for r in reps]
    if reference is None:
        reference = (
            BoilerplateReference.from_masked([s for _, s in u] for u in units)
            if len(reps) >= BATCH_REFERENCE_MIN
            else BoilerplateReference.default()
        )
    audits = [audit_units(r, reference, u) for r, u in zip(reps, units)]
    sets = [_copy_units(r, u, reference, shingle, min_paragraph_chars) for r, u in zip(reps, units)]
    yoy = _year_over_year(reps, audits, units, repeat_near, repeat_threshold)
    copies = _copying(reps, sets, copy_threshold, min_copied, copy_near, num_perm, lsh_threshold, seed)
    yoy_cols = [
        "entity",
        "year",
        "earlier",
        "later",
        "repeated_themes",
        "repeated_text",
        "repeated",
        "plans_followed",
        "dropped_themes",
        "repeated_paragraphs",
    ]
    copy_cols = [
        "entity_a",
        "entity_b",
        "year",
        "source_a",
        "source_b",
        "shared_share",
        "share_a",
        "share_b",
        "copied_paragraphs",
    ]
    table = pd.DataFrame([_report_row(r, a) for r, a in zip(reps, audits)])
    if "year" in table:
        table["year"] = table["year"].astype("Int64")
    return Comparison(table, pd.DataFrame(yoy, columns=yoy_cols), pd.DataFrame(copies, columns=copy_cols), audits)

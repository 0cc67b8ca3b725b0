"""Annotation JSONL: validation errors name file and line; splits; datasets; corpus statistics; CLI."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from lawnlp.annotations import (
    AnnotatedReport,
    corpus_stats,
    format_stats,
    load_annotations,
    load_corpus,
    split_reports,
    to_dataset_dict,
)
from lawnlp.cli import main
from lawnlp.errors import ReportError

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "training" / "data" / "paragraphs.jsonl"

LINES = [
    ("某镇2023年法治政府建设工作报告", "other", []),
    ("2023年，某镇坚持以习近平法治思想为指导。现将有关情况报告如下：", "preamble", []),
    ("一、主要举措和成效", "measures", []),
    ("全年调处矛盾纠纷120件。", "measures", []),
    ("二、存在的不足", "shortcomings", []),
    ("一是法治人才不足，干部法治意识不强。", "shortcomings", ["talent_shortage", "cadre_awareness"]),
    ("三、下一步工作安排", "plans", []),
    ("某镇人民政府", "other", []),
]


def para_records(report_id: str = "r1", lines=LINES) -> list[dict]:
    return [
        {"report_id": report_id, "index": i, "text": t, "section": s, "themes": th}
        for i, (t, s, th) in enumerate(lines)
    ]


def meta_record(report_id: str = "r1", **kw) -> dict:
    rec = {
        "report_id": report_id,
        "entity": "某镇",
        "county": "某县",
        "year": 2023,
        "level": "township",
        "brief": "某镇2023年：调处矛盾纠纷120件。",
    }
    rec.update(kw)
    return rec


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    recs = para_records("r1") + para_records("r2")
    write_jsonl(tmp_path / "reports.jsonl", [meta_record("r1"), meta_record("r2", year=None, level="county")])
    return write_jsonl(tmp_path / "paragraphs.jsonl", recs)


def test_valid_corpus_loads(corpus: Path) -> None:
    reports = load_annotations(corpus)
    assert [r.report_id for r in reports] == ["r1", "r2"]
    assert reports[0].texts[5].startswith("一是") and reports[0].themes[5] == ["talent_shortage", "cadre_awareness"]
    assert reports[1].meta["level"] == "county"


# --------------------------------------------------------------------------- validation errors


def _bad(tmp_path: Path, lineno: int, replacement) -> tuple[Path, int]:
    recs: list = para_records()
    recs[lineno - 1] = replacement(recs[lineno - 1])
    write_jsonl(tmp_path / "reports.jsonl", [meta_record()])
    return write_jsonl(tmp_path / "paragraphs.jsonl", recs), lineno


@pytest.mark.parametrize(
    "lineno, change, words",
    [
        (3, lambda r: '{"report_id": "r1", "index": 2, "text": "x"', "bad JSON"),
        (4, lambda r: {**r, "section": "results"}, "unknown section"),
        (6, lambda r: {**r, "themes": ["talent_shortage", "lack_of_money"]}, "unknown theme"),
        (4, lambda r: {**r, "themes": ["resources_weak"]}, "themes on a 'measures'"),
        (5, lambda r: {**r, "index": 3}, "duplicate index"),
        (2, lambda r: {k: v for k, v in r.items() if k != "section"}, "section"),
        (2, lambda r: {k: v for k, v in r.items() if k != "text"}, "text-free label file"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, lineno: int, change, words: str) -> None:
    path, line = _bad(tmp_path, lineno, change)
    with pytest.raises(ReportError) as err:
        load_annotations(path)
    assert err.value.source == str(path) and err.value.line == line
    assert f"{path}:{line}:" in str(err.value) and words in str(err.value)


def test_missing_metadata_names_file_and_line(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "paragraphs.jsonl", para_records("r1") + para_records("r2"))
    bad = {k: v for k, v in meta_record("r2").items() if k != "level"}
    meta = write_jsonl(tmp_path / "reports.jsonl", [meta_record("r1"), bad])
    with pytest.raises(ReportError) as err:
        load_annotations(tmp_path / "paragraphs.jsonl")
    assert err.value.source == str(meta) and err.value.line == 2 and "level" in str(err.value)


def test_report_without_metadata_names_report(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "paragraphs.jsonl", para_records("r1") + para_records("r2"))
    meta = write_jsonl(tmp_path / "reports.jsonl", [meta_record("r1")])
    with pytest.raises(ReportError, match="r2") as err:
        load_annotations(tmp_path / "paragraphs.jsonl")
    assert err.value.source == str(meta)


# --------------------------------------------------------------------------- splits and datasets


def _reports(n: int) -> list[AnnotatedReport]:
    return [
        AnnotatedReport(
            f"rep{i:02d}",
            [t for t, _, _ in LINES],
            [s for _, s, _ in LINES],
            [list(th) for _, _, th in LINES],
            meta_record(f"rep{i:02d}", year=2019 + i % 5),
        )
        for i in range(n)
    ]


def test_split_by_report_fixed_seed() -> None:
    reports = _reports(40)
    a = split_reports(reports, seed=7)
    ids = {k: {r.report_id for r in v} for k, v in a.items()}
    assert sum(len(v) for v in ids.values()) == 40 and set.union(*ids.values()) == {r.report_id for r in reports}
    assert not ids["train"] & ids["dev"] and not ids["train"] & ids["test"] and not ids["dev"] & ids["test"]
    assert 2 <= len(ids["test"]) <= 12 and 2 <= len(ids["dev"]) <= 12  # about 15% each
    again = split_reports(list(reversed(reports)), seed=7)
    assert {k: {r.report_id for r in v} for k, v in again.items()} == ids
    other = split_reports(reports, seed=8)
    assert {r.report_id for r in other["test"]} != ids["test"]


def test_split_is_stable_when_reports_are_added() -> None:
    small, large = split_reports(_reports(40), seed=7), split_reports(_reports(80), seed=7)
    for name in ("train", "dev", "test"):
        assert {r.report_id for r in small[name]} <= {r.report_id for r in large[name]}


def test_to_dataset_dict_columns() -> None:
    dd = to_dataset_dict(split_reports(_reports(10), seed=1))
    assert set(dd) == {"train", "dev", "test"}
    for _name, ds in dd.items():
        assert set(ds.column_names) == {"report_id", "index", "text", "section", "themes"}
        assert len(ds) == len({*ds["report_id"]}) * len(LINES)
    row = dd["train"][5]
    assert (
        row["index"] == 5
        and row["section"] == "shortcomings"
        and row["themes"] == ["talent_shortage", "cadre_awareness"]
    )


# --------------------------------------------------------------------------- statistics


def test_corpus_stats_counts() -> None:
    reports = _reports(3)
    reports[2].meta = {}
    reports[1].texts[0] = "x" * 100
    stats = corpus_stats(reports)
    assert stats["reports"] == 3 and stats["paragraphs"] == 24
    assert stats["sections"] == {
        "preamble": 3,
        "measures": 6,
        "leadership": 0,
        "shortcomings": 6,
        "plans": 3,
        "other": 6,
    }
    assert stats["themes"]["talent_shortage"] == 3 and stats["themes"]["cadre_awareness"] == 3
    assert stats["themes"]["resources_weak"] == 0 and stats["shortcoming_paragraphs_with_themes"] == 3
    assert stats["levels"]["township"] == 2 and stats["levels"]["unknown"] == 1
    assert stats["years"] == {"2019": 1, "2020": 1, "unknown": 1}
    lengths = sorted(len(t) for r in reports for t in r.texts)
    assert stats["paragraph_chars"]["max"] == 100 == lengths[-1]
    assert stats["paragraph_chars"]["p50"] == lengths[11]  # nearest rank: ceil(0.5 * 24) = 12th
    assert stats["paragraph_chars"]["p10"] == lengths[2] and stats["paragraph_chars"]["p90"] == lengths[21]
    assert stats["paragraphs_per_report"] == {"min": 8, "p50": 8, "max": 8}
    table = format_stats(stats)
    assert "3 reports, 24 paragraphs" in table and "shortcomings" in table and "p90" in table
    json.dumps(stats)


def test_corpus_stats_empty() -> None:
    stats = corpus_stats([])
    assert stats["reports"] == 0 and stats["paragraph_chars"]["max"] == 0
    assert format_stats(stats)


# --------------------------------------------------------------------------- CLI


def test_cli_data_validate_ok(corpus: Path, capsys) -> None:
    assert main(["data", "validate", str(corpus)]) == 0
    assert capsys.readouterr().out.strip() == "OK: 2 reports, 16 paragraphs"


def test_cli_data_validate_error(tmp_path: Path, capsys) -> None:
    path, line = _bad(tmp_path, 4, lambda r: {**r, "section": "results"})
    assert main(["data", "validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}:" in err and "unknown section" in err


def test_cli_data_stats_json(corpus: Path, capsys) -> None:
    assert main(["data", "stats", str(corpus), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["reports"] == 2 and stats["levels"]["county"] == 1


def test_cli_export_import_round_trip(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for tool, name in (("label-studio", "ls.json"), ("doccano", "dc.jsonl")):
        assert main(["data", "export", str(corpus), "--to", tool, "-o", str(out / name)]) == 0
        target = out / f"{tool}-paragraphs.jsonl"
        reports_path = out / f"{tool}-reports.jsonl"
        assert main(["data", "import", str(out / name), "-o", str(target), "--reports", str(reports_path)]) == 0
        back = load_corpus(target, reports_path)
        orig = load_corpus(corpus)
        assert [(r.report_id, r.texts, r.sections, r.themes, r.meta) for r in back] == [
            (r.report_id, r.texts, r.sections, r.themes, r.meta) for r in orig
        ]
    # import refuses to overwrite a reports.jsonl it was not told to write
    (out / "reports.jsonl").write_text("", encoding="utf-8")
    assert main(["data", "import", str(out / "dc.jsonl"), "-o", str(out / "new.jsonl")]) == 1
    assert "--force" in capsys.readouterr().err


def test_real_corpus_validates() -> None:
    if not CORPUS.exists():
        pytest.skip("training/data/paragraphs.jsonl not built")
    reports = load_annotations(CORPUS)
    assert reports and all(r.meta for r in reports)


# --------------------------------------------------------------------------- near duplicates


def _near_duplicates():
    spec = importlib.util.spec_from_file_location("near_duplicates", REPO / "training" / "near_duplicates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_near_duplicates(tmp_path: Path, capsys) -> None:
    nd = _near_duplicates()
    shared = "全年共开展法治宣传活动四十五场次，发放宣传资料三千余份，覆盖群众一万余人次。"
    recs = para_records(
        "a",
        [
            (shared, "measures", []),
            ("甲镇独有的一段很长的工作内容描述，包括很多具体的细节和数字一百二十三。", "measures", []),
        ],
    )
    recs += para_records(
        "b",
        [
            (shared, "measures", []),
            ("乙县完全不同的另外一段文字，讲的是行政执法规范化建设和案卷评查工作情况。", "measures", []),
        ],
    )
    recs += para_records(
        "c", [("丙局的内容又是另外一回事，涉及安全生产监管和应急管理培训演练等事项安排。", "plans", [])]
    )
    path = write_jsonl(tmp_path / "p.jsonl", recs)
    result = nd.analyse(nd.read_paragraphs(path))
    assert result["reports"] == 3 and result["paragraphs_with_near_duplicate"] == 2
    assert result["paragraphs_verbatim_shared"] == 2 and result["near_duplicate_share"] == 0.4
    assert result["max_pair"]["a"] == "a" and result["max_pair"]["b"] == "b"
    assert 0.2 < result["max_pair_jaccard"] < 0.6
    assert nd.main([str(path), "--max-pair", "0.9", "--json", str(tmp_path / "o.json")]) == 0
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["reports"] == 3
    assert nd.main([str(path), "--max-pair", "0.1"]) == 1
    assert "max report-pair Jaccard" in capsys.readouterr().out

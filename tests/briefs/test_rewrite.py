"""The optional abstractive path: a tiny randomly initialised seq2seq model (plumbing), and the guard."""

from __future__ import annotations

import pytest

from lawnlp.briefs import build_brief as summarize_report
from lawnlp.briefs.faithfulness import guard_numbers, numbers_not_in
from lawnlp.text.privacy import find_private

from invented_reports import qinghe

SOURCE = "全年调处矛盾纠纷274件，调解成功269件，成功率98.2%。开展普法活动53场次。联系人：李明，电话13812345678。"


def test_guard_keeps_faithful_clauses():
    out = guard_numbers("礼让镇：调处矛盾纠纷274件，开展普法活动53场次。", SOURCE)
    assert out == "礼让镇：调处矛盾纠纷274件，开展普法活动53场次。"


def test_guard_repairs_a_number_with_one_candidate():
    out = guard_numbers("调处矛盾纠纷275件，开展普法活动53场次。", SOURCE)
    assert "调处矛盾纠纷274件" in out and "275" not in out


def test_guard_drops_what_it_cannot_repair():
    out = guard_numbers("审查合同99份，成功率99%，开展普法活动53场次。", SOURCE)
    assert "99" not in out and "开展普法活动53场次" in out
    assert numbers_not_in(out, SOURCE) == []


def test_guard_removes_private_data():
    out = guard_numbers("李明负责联络，电话13812345678，当事人王某某已签字，开展普法活动53场次。", SOURCE)
    assert find_private(out) == [] and "李明" not in out and "13812345678" not in out
    assert "开展普法活动53场次" in out


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    d = tmp_path_factory.mktemp("tiny-seq2seq")
    report = qinghe()
    chars = sorted(set("".join(p.norm for p in report.paragraphs)) | set("0123456789%：，。；、"))
    (d / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars) + "\n", encoding="utf-8"
    )
    tok = transformers.BertTokenizer(str(d / "vocab.txt"))
    tok.save_pretrained(str(d))
    cfg = transformers.BartConfig(
        vocab_size=len(tok),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=512,
        pad_token_id=tok.pad_token_id,
        bos_token_id=tok.cls_token_id,
        eos_token_id=tok.sep_token_id,
        decoder_start_token_id=tok.cls_token_id,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    transformers.BartForConditionalGeneration(cfg).save_pretrained(str(d))
    return d


def test_rewriter_loads_local_checkpoint_and_generates(tiny_model):
    from lawnlp.briefs.rewrite import Rewriter

    rw = Rewriter(tiny_model, device="cpu", max_new_tokens=24)
    out = rw.rewrite("青禾镇2024年：调处矛盾纠纷338件。")
    assert isinstance(out, str) and " " not in out


@pytest.mark.parametrize("max_chars", [100, 300])
def test_summarize_with_rewriter_stays_faithful(tiny_model, max_chars):
    from lawnlp.briefs.rewrite import Rewriter

    report = qinghe()
    source = "\n".join(p.text for p in report.paragraphs)
    brief = summarize_report(
        report, max_chars=max_chars, rewriter=Rewriter(tiny_model, device="cpu", max_new_tokens=48)
    )
    assert 0 < len(brief.text) <= max_chars
    assert numbers_not_in(brief.text, source) == []
    assert find_private(brief.text) == []


def test_rewriter_rejects_missing_dir(tmp_path):
    from lawnlp.briefs.rewrite import Rewriter

    with pytest.raises(FileNotFoundError):
        Rewriter(tmp_path / "nope")

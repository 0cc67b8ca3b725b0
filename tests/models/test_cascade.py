"""lawnlp.models.cascade: the lite model decides the paragraphs it is sure of and only the rest reach the
slow model; repeated inputs are computed once; the Analyzer's default cascade and its provenance."""

from __future__ import annotations

import numpy as np
import pytest

from lawnlp.labels import SECTION_IDS
from lawnlp.models.cascade import CascadeSectionModel, Deduplicated
from lawnlp.text.context import SectionContext


class Fixed:
    """A section model whose probabilities are given per text; records what it was asked."""

    task = "sections"

    def __init__(self, rows: dict[str, dict[str, float]], labels=SECTION_IDS):
        self.rows, self.labels, self.calls = rows, tuple(labels), []

    def predict_proba(self, texts, contexts=None, batch_size=None):
        self.calls.append((list(texts), contexts))
        out = np.full((len(texts), len(self.labels)), 0.0)
        for i, t in enumerate(texts):
            for lab, p in self.rows[t].items():
                out[i, self.labels.index(lab)] = p
        return out

    def predict(self, texts, contexts=None, batch_size=None):
        return [self.labels[k] for k in self.predict_proba(texts, contexts).argmax(axis=1)]


def test_cascade_sends_only_unsure_paragraphs_to_the_slow_model():
    # the fast model keeps its labels in another order: the cascade must map columns, not assume them
    fast = Fixed(
        {"a": {"measures": 0.95, "plans": 0.05}, "b": {"measures": 0.6, "plans": 0.4}, "c": {"plans": 0.9}},
        labels=tuple(reversed(SECTION_IDS)),
    )
    slow = Fixed({"b": {"leadership": 0.7, "measures": 0.3}})
    ctx = [SectionContext(("一、",), ""), SectionContext(("二、",), ""), SectionContext(("三、",), "")]
    cascade = CascadeSectionModel(fast, slow, threshold=0.9)
    assert cascade.predict(["a", "b", "c"], ctx) == ["measures", "leadership", "plans"]
    assert slow.calls == [(["b"], [ctx[1]])]  # only the unsure one, with its own context
    assert cascade.labels == SECTION_IDS
    assert CascadeSectionModel(fast, slow, threshold=1.01).predict(["b"]) == ["leadership"]
    assert cascade.predict([]) == []


def test_deduplicated_computes_each_input_once_and_keeps_the_order():
    model = Fixed({"x": {"measures": 1.0}, "y": {"plans": 1.0}})
    same, other = SectionContext(("一、",), ""), SectionContext(("四、",), "")
    dedup = Deduplicated(model)
    out = dedup.predict(["x", "y", "x", "x"], [same, same, same, other])
    assert out == ["measures", "plans", "measures", "measures"]
    assert model.calls[-1][0] == ["x", "y", "x"]  # "x" in a different context is a different input
    proba = dedup.predict_proba(["y", "y"])
    assert model.calls[-1][0] == ["y"] and proba.shape == (2, len(SECTION_IDS))
    assert dedup.labels == SECTION_IDS and dedup.rows is model.rows  # attributes reach the wrapped model


def test_analyzer_cascades_the_shipped_bert_and_says_so(tiny_models):
    import lawnlp

    shipped = lawnlp.Analyzer(backend="bert", measures=False)
    model = shipped.labelling_model("sections")
    assert isinstance(model, CascadeSectionModel) and model.threshold == lawnlp.config.CASCADE.section_threshold
    assert shipped.provenance["cascade"].startswith("sections: sections-lite@")
    assert lawnlp.Analyzer(backend="bert", cascade=False).provenance["cascade"] is None
    assert lawnlp.Analyzer(backend="lite").provenance["cascade"] is None  # no BERT: nothing to cascade
    sections, themes = tiny_models  # a BERT of one's own runs alone unless given its fast model
    own = lawnlp.Analyzer(sections=sections, themes=themes, measures=False)
    assert own.labelling_model("sections") is own.section_model
    fast = lawnlp.models.load_section_model(backend="lite")
    given = lawnlp.Analyzer(sections=sections, themes=themes, fast_sections=fast, measures=False)
    assert given.labelling_model("sections").fast is fast


@pytest.mark.parametrize("threshold", [0.9])
def test_cascade_agrees_with_bert_alone_on_an_invented_report(threshold):
    import lawnlp

    from invented_reports import QINGHE

    text = "\n".join(line.split("|", 1)[1] for line in QINGHE.splitlines())
    alone = lawnlp.Analyzer(backend="bert", cascade=False, measures=False).analyze(text)
    cascade = lawnlp.Analyzer(backend="bert", cascade=lawnlp.config.CascadeSettings(threshold), measures=False).analyze(
        text
    )
    assert cascade.line_sections() == alone.line_sections()

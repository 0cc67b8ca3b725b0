"""Golden tests: analyze() output and the exact model input strings, for the examples and 21 corpus reports,
with the BERT (fp32), lite and rules backends, as recorded in tests/golden/golden.json.

A change of behaviour that is meant (a rule fixed, a model retrained) is recorded by running
``python tests/golden/build.py`` and reviewing the diff of golden.json in the same commit.
"""

from __future__ import annotations

import json

import pytest

import lawnlp

from golden.build import BACKENDS, OUT, golden_texts, result_record
from golden.inputs import model_inputs

GOLDEN = json.loads(OUT.read_text(encoding="utf-8"))["reports"]
TEXTS = golden_texts()


@pytest.fixture(scope="module")
def analyzers():
    return {b: lawnlp.Analyzer(backend=b, accel="none") for b in BACKENDS}


def test_golden_set_is_complete():
    assert set(TEXTS) == set(GOLDEN)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_model_inputs(analyzers, name):
    assert model_inputs(analyzers["rules"].parse(TEXTS[name], name=name)) == GOLDEN[name]["inputs"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_analyze_output(analyzers, backend):
    for name, text in TEXTS.items():
        got = result_record(analyzers[backend].analyze(text, name=name))
        assert got == GOLDEN[name][backend], name

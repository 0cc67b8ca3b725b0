"""Every setting of the library, as documented dataclasses: the one place a default value is written.

Settings that fitted models learn (brief-ranking weights) are data, not settings: they live in
``lawnlp/briefs/weights.json`` with a note of where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEED = 13  # report splits, training, augmentation: one seed everywhere unless given


@dataclass(frozen=True)
class ReadingSettings:
    """Limits on what the reader accepts (lawnlp.reading)."""

    max_bytes: int = 20 * 1024 * 1024  # a report file (or str/bytes) larger than this is refused
    max_docx_uncompressed: int = 100 * 1024 * 1024  # zip-bomb guard: total uncompressed size of a .docx
    max_docx_ratio: int = 200  # zip-bomb guard: uncompressed/compressed ratio of one member
    max_path_chars: int = 1024  # a str this long or longer (or with a newline) is text, not a path
    max_control_char_share: float = 0.05  # more control characters than this share: binary data


@dataclass(frozen=True)
class SegmentSettings:
    """When a text has lost its line breaks and how it is cut again (lawnlp.text.segment).

    A text is re-segmented when lines of ``long_line_chars`` characters or more, each holding at least
    ``min_inline_headings`` part headings (一、 （一） 第一部分, numbered in order) inside it, make up
    ``run_on_share`` of its characters or more; or when it has at most ``few_lines`` lines holding
    ``few_lines_chars`` characters or more. Pieces longer than ``max_paragraph_chars`` are then cut at
    sentence ends into paragraphs of at least ``paragraph_chars`` characters. (A report that merely runs
    one heading into the next, or lists （一）…（二）… inside a paragraph, is left as it is.)
    """

    long_line_chars: int = 150
    min_inline_headings: int = 2
    run_on_share: float = 0.5
    few_lines: int = 3
    few_lines_chars: int = 200
    max_paragraph_chars: int = 300
    paragraph_chars: int = 120
    title_within: int = 400  # a title ending in 报告 this near the start is cut off the text that follows


@dataclass(frozen=True)
class GenreSettings:
    """The genre check (lawnlp.text.genre): a report scoring below ``threshold`` gets a warning in
    ``Report.warnings`` (the command line prints it, batch rows flag it in ``not_report``, the corpus page
    leaves it out). Only the first ``head_chars`` characters are scored; title cues look at the first
    ``title_lines`` lines of at most ``title_max_chars`` characters."""

    threshold: float = 0.5
    head_chars: int = 3000
    title_lines: int = 8
    title_max_chars: int = 90


@dataclass(frozen=True)
class BertSettings:
    """How a BERT model (lawnlp.models.bert) is built and fine-tuned; stored in its config.json.

    ``trainable_layers``: top encoder layers fine-tuned (-1: all); ``max_length``: tokens per input (the
    paragraph with its context as a sentence pair; clipped to the base's positions); ``patience``: epochs
    without a better dev score before stopping; ``context_dropout``: share of training inputs whose
    document context is left out, so the model also works on bare paragraphs; ``precision``: "auto"
    (bfloat16 autocast where the CPU computes it natively), "bf16" or "fp32".
    """

    base: str = "m3e-small"
    trainable_layers: int = 2
    max_length: int = 256
    epochs: int = 4
    batch_size: int = 16
    lr: float = 1e-4
    head_lr: float = 2e-3
    patience: int = 1
    seed: int = SEED
    context_dropout: float = 0.15
    precision: str = "auto"


# The shipped models' settings (chosen on dev/test of the 241-report corpus; see models/*/README.md).
BERT_SECTIONS = BertSettings(trainable_layers=3, epochs=4, context_dropout=0.3)
BERT_THEMES = BertSettings(trainable_layers=2, epochs=8, patience=2)


@dataclass(frozen=True)
class LiteSettings:
    """The lite backend (lawnlp.models.lite): TF-IDF over words and character bigrams, logistic regression."""

    C: float = 8.0
    min_df: int = 2
    max_features: int = 60000
    seed: int = SEED


@dataclass(frozen=True)
class BriefSettings:
    """How long a brief is and how many items of each part it may hold (lawnlp.briefs)."""

    max_chars: int = 300  # the annotation guide's budget
    min_chars: int = 40  # a shorter brief takes more heading phrases while the report has them
    max_figures: int = 5  # figure phrases (调处矛盾纠纷274件) from the measures part
    min_figures: int = 2  # fewer figures than this: heading phrases (强化组织领导) stand in
    max_measures: int = 5  # heading phrases kept in Brief.measures
    max_themes: int = 6  # shortcoming themes named
    max_plans: int = 4  # plan phrases
    figure_max_chars: int = 22  # a longer figure clause is cut after its last figure, or left out
    plan_max_chars: int = 18  # longest plan phrase
    figures_per_sentence: int = 2  # figure phrases taken from one sentence
    # which part gives way first when the brief is over budget (share of the budget each may fill)
    part_shares: dict[str, float] = field(default_factory=lambda: {"figures": 0.45, "themes": 0.3, "plans": 0.25})


@dataclass(frozen=True)
class RuntimeSettings:
    """How the analyser runs its models (lawnlp.pipeline): explicit arguments of ``Analyzer``."""

    batch_size: int = 32  # paragraphs per model forward pass
    # paragraphs of many reports labelled together (batches cut by exact token length); 2048 against 512:
    # BERT alone 5.6% faster at 1,000 reports (benchmarks/bench_batch.py modes bert, bert-group512)
    group_paragraphs: int = 2048
    workers: int = 1  # threads reading and parsing the next reports while the models run
    accel: str = "auto"  # CPU acceleration of the BERT models (lawnlp.models.accel)


@dataclass(frozen=True)
class CascadeSettings:
    """The confidence cascade (lawnlp.models.cascade): the lite models decide what they are sure of, BERT
    the rest. Chosen on the corpus dev split by benchmarks/bench_cascade.py (never on test).

    ``section_threshold``: the lite section model's top probability from which it decides a paragraph.
    """

    section_threshold: float = 0.9


CASCADE = CascadeSettings()
READING = ReadingSettings()
GENRE = GenreSettings()
SEGMENT = SegmentSettings()
LITE = LiteSettings()
BRIEF = BriefSettings()
RUNTIME = RuntimeSettings()

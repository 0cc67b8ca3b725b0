"""Every tunable default of the library, in one place."""

from __future__ import annotations

# Reading
MAX_INPUT_BYTES = 20 * 1024 * 1024          # refuse report files larger than this
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024   # zip-bomb guard for .docx
MAX_DOCX_RATIO = 200                         # largest allowed uncompressed/compressed ratio per member

# Briefs
BRIEF_MAX_CHARS = 300

# Models
THEME_MAX_SEQ_LENGTH = 256    # tokens per theme-model input (a whole shortcomings paragraph)
MAX_SEQ_LENGTH = 256          # tokens per section-model input (context + paragraph; real paragraphs are long)
BATCH_SIZE = 32               # paragraphs per model forward pass
# How the shipped BERT models are fine-tuned (training.train, `lawnlp train`, training/train_bert.py and
# benchmarks/bench_train.py all start from these; arguments given explicitly win).
BERT_TRAIN_SETTINGS = {
    "sections": {"epochs": 4, "max_length": MAX_SEQ_LENGTH, "batch_size": 16, "trainable_layers": 3,
                 "context_dropout": 0.3},
    "themes": {"epochs": 8, "max_length": THEME_MAX_SEQ_LENGTH, "batch_size": 16, "trainable_layers": 2, "patience": 2},
}
ACCEL = "auto"                # CPU acceleration of the BERT models (lawnlp.batch.accelerate): bf16 where native
SEED = 13

# Reading (text sniffing)
MAX_PATH_CHARS = 1024            # a str longer than this (or with a newline) is report text, not a path
MAX_CONTROL_CHAR_SHARE = 0.05    # more control characters than this share of the text -> binary data

# Briefs (lawnlp.summary): how many items of each part, and how they are ranked (tuned on train/dev).
BRIEF_MAX_FIGURES = 5            # figure phrases (调处矛盾纠纷274件) in the measures part
BRIEF_MIN_FIGURES = 2            # fewer figures than this: heading phrases (强化组织领导) stand in
BRIEF_MAX_MEASURES = 5           # heading phrases kept in Brief.measures
BRIEF_MAX_THEMES = 6             # shortcoming themes named
BRIEF_MAX_PLANS = 4              # plan phrases
BRIEF_FIGURE_MAX_CHARS = 22      # a longer figure clause is cut after its last figure, or left out
BRIEF_PLAN_MAX_CHARS = 18        # longest plan phrase
BRIEF_FIGURES_PER_SENTENCE = 2   # figure phrases taken from one sentence
BRIEF_PART_SHARES = {"figures": 0.45, "themes": 0.3, "plans": 0.25}  # who gives way first when over budget
BRIEF_WEIGHTS = {"plan_centrality": 1.0, "plan_item": 0.5, "plan_heading": 0.3, "plan_later_sentence": 0.3}
# Score of a figure phrase: weights of its features (lawnlp.summary.figure_features), a logistic regression
# fitted on the train split (label: the figure appears in the reference brief), rounded.
BRIEF_FIGURE_WEIGHTS = {
    "centrality": 3.3, "topic": 1.0, "leadership": -0.4, "first_clause": 0.8, "first_sentence": 0.8,
    "position": -2.5, "length": -0.07, "one": -0.8, "rate": -0.35, "tail": -1.4,
}
# Kinds of work briefs report (regex, weight; the weights of all matching kinds add up), same fit.
BRIEF_TOPIC_WEIGHTS = (
    (r"调处|调解|化解.{0,4}纠纷|矛盾纠纷", 2.6),
    (r"普法|法治宣传|宣传活动", 1.8),
    (r"法律明白人", 1.3),
    (r"审查|审核", 1.1),
    (r"合同", 1.2),
    (r"立案|查处|行政处罚|违法", 1.6),
    (r"检查", 1.3),
    (r"学法", 1.0),
    (r"研究法治|专题研究|讲法治课|述法", 1.5),
    (r"复议|诉讼|应诉", 1.1),
    (r"许可|审批", 0.7),
    (r"信访", 0.6),
    (r"罚没|罚款", 2.1),
    (r"办件|政务服务", 0.3),
    (r"培训", -0.7),
    (r"发放|资料", -0.9),
)

# Batch analysis (lawnlp.batch)
BATCH_GROUP_PARAGRAPHS = 512     # paragraphs of many reports labelled together (length-bucketed batches)
BATCH_WORKERS = 1                # threads reading and parsing the next reports while the models run

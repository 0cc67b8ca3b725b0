"""Every tunable default of the library, in one place."""

from __future__ import annotations

# Reading
MAX_INPUT_BYTES = 20 * 1024 * 1024          # refuse report files larger than this
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024   # zip-bomb guard for .docx
MAX_DOCX_RATIO = 200                         # largest allowed uncompressed/compressed ratio per member

# Briefs
BRIEF_MAX_CHARS = 300

# Models
MAX_SEQ_LENGTH = 160          # tokens per model input (context + paragraph)
BATCH_SIZE = 32               # paragraphs per model forward pass
SEED = 13

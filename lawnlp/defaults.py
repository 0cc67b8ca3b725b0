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

# Reading (text sniffing)
MAX_PATH_CHARS = 1024            # a str longer than this (or with a newline) is report text, not a path
MAX_CONTROL_CHAR_SHARE = 0.05    # more control characters than this share of the text -> binary data

"""Optional abstractive rewriting of an extractive brief, behind a faithfulness guard.

``Rewriter(model_dir)`` loads any local Hugging Face seq2seq checkpoint (``AutoModelForSeq2SeqLM`` and
``AutoTokenizer``, local files only, nothing from the hub) and rewrites the extractive draft; use it as
``build_brief(report, rewriter=Rewriter("models/brief-rewriter"))``.

Whatever the model writes goes through ``lawnlp.briefs.faithfulness.guard_numbers(output, source)``: a
clause whose numbers are not in the report is repaired when the report has exactly one figure of the same
wording and unit (调处矛盾纠纷275件 -> 调处矛盾纠纷274件), otherwise dropped; private data is scrubbed.
``build_brief`` keeps the extractive brief when the guarded output is empty or over budget.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_SPACE_RE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


class Rewriter:
    """A local seq2seq model that rewrites a brief draft (CPU or GPU; greedy or beam search)."""

    def __init__(
        self,
        model_dir: str | os.PathLike,
        device: str | None = None,
        max_input_tokens: int = 512,
        max_new_tokens: int = 256,
        num_beams: int = 1,
    ):
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        path = Path(model_dir)
        if not path.is_dir():
            raise FileNotFoundError(f"{path}: not a model directory")
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = AutoModelForSeq2SeqLM.from_pretrained(str(path), local_files_only=True)
        if device is None:
            import torch

            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.device = device
        self.model.to(device).eval()
        self.max_input_tokens = max_input_tokens
        self.max_new_tokens = max_new_tokens
        self.num_beams = num_beams

    def rewrite(self, text: str) -> str:
        """The model's rewrite of ``text`` (spaces between Chinese characters removed)."""
        import torch

        enc = self.tokenizer(text, return_tensors="pt", truncation=True, max_length=self.max_input_tokens)
        enc = {k: v.to(self.device) for k, v in enc.items() if k in ("input_ids", "attention_mask")}
        with torch.no_grad():
            out = self.model.generate(
                **enc, max_new_tokens=self.max_new_tokens, num_beams=self.num_beams, do_sample=False
            )
        decoded = self.tokenizer.decode(out[0], skip_special_tokens=True)
        return _SPACE_RE.sub("", decoded).strip()

"""The network of a BERT model: the base encoder, mean pooling and a linear head (built lazily, so that
importing lawnlp needs no torch)."""

from __future__ import annotations

from pathlib import Path


def build_network(base_dir: Path, n_labels: int, trainable_layers: int, dropout: float = 0.1):
    """Encoder from ``base_dir`` + mean pooling + linear head; only the top ``trainable_layers`` encoder
    layers (all with -1) and the head are trainable."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            level, bars_on = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
            hf_logging.set_verbosity_error()  # the base's unused pooler weights are expected
            hf_logging.disable_progress_bar()  # and its "Loading weights" bar is noise
            try:
                self.encoder = AutoModel.from_pretrained(str(base_dir), add_pooling_layer=False)
            finally:
                hf_logging.set_verbosity(level)
                if bars_on:
                    hf_logging.enable_progress_bar()
            self.dropout = torch.nn.Dropout(dropout)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            out = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(out.dtype)
            pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1)
            return self.head(self.dropout(pooled))

    net = Net()
    layers = net.encoder.encoder.layer
    n_train = len(layers) if trainable_layers < 0 else min(trainable_layers, len(layers))
    for p in net.encoder.parameters():
        p.requires_grad = False
    for layer in layers[len(layers) - n_train :]:
        for p in layer.parameters():
            p.requires_grad = True
    if trainable_layers < 0:
        for p in net.encoder.parameters():
            p.requires_grad = True
    return net

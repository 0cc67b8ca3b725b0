"""Models: the section classifier and the theme tagger, in three backends behind one interface.

- ``base``: the interfaces every backend meets (SectionModel, ThemeModel)
- ``registry``: backends, where the shipped models are (``shipped_dir``), ``load_model`` / ``new_model``;
  ``provenance``: what a result records about the models that made it
- ``bert/``: fine-tuned Chinese BERT (``model``, ``network``, ``trainer``); ``encoder``: the base encoder
- ``lite``: jieba + TF-IDF + logistic regression; ``rules``: keywords
- ``accel``: bfloat16 / int8 / ONNX inference; ``threads``: CPU threads; ``thresholds``; ``cards``
"""

from lawnlp.models.registry import (
    BACKENDS,
    TASKS,
    load_model,
    load_section_model,
    load_theme_model,
    model_backend,
    model_task,
    new_model,
    resolve_backend,
    shipped_dir,
)

__all__ = [
    "BACKENDS",
    "TASKS",
    "load_model",
    "load_section_model",
    "load_theme_model",
    "model_backend",
    "model_task",
    "new_model",
    "resolve_backend",
    "shipped_dir",
]

"""Models: the section classifier and the theme tagger, in three backends behind one interface.

- ``base``: the interfaces every backend meets (SectionModel, ThemeModel)
- ``registry``: backends, shipped model directories, ``load_model`` / ``new_model``
- ``bert/``: fine-tuned Chinese BERT (``model``, ``network``, ``trainer``); ``encoder``: the base encoder
- ``lite``: jieba + TF-IDF + logistic regression; ``rules``: keywords
- ``accel``: bfloat16 / int8 / ONNX inference; ``threads``: CPU threads; ``thresholds``; ``cards``
"""

from lawnlp.models.registry import (
    BACKENDS,
    SHIPPED_DIR,
    TASKS,
    load_model,
    load_section_model,
    load_theme_model,
    model_backend,
    new_model,
)

__all__ = [
    "BACKENDS",
    "SHIPPED_DIR",
    "TASKS",
    "load_model",
    "load_section_model",
    "load_theme_model",
    "model_backend",
    "new_model",
]

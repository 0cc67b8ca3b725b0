"""The BERT backend: ``model`` (inputs, prediction, files), ``network`` (encoder + head), ``trainer``."""

from lawnlp.models.bert.model import BertSectionClassifier, BertThemeTagger

__all__ = ["BertSectionClassifier", "BertThemeTagger"]

"""Compatibility: ``lawnlp.data`` is now ``lawnlp.annotations`` (the README's older import path)."""

from lawnlp.annotations import *  # noqa: F403
from lawnlp.annotations import __all__  # noqa: F401

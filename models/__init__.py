"""The shipped models, installed with lawnlp as the package ``lawnlp.shipped`` (pyproject.toml maps it to
this folder): one directory per ``<task>-<backend>`` (``sections-bert``, ``themes-lite``, ...), each with
its model card (README.md). ``lawnlp.models.registry.shipped_dir`` finds them; ``LAWNLP_MODELS`` points
elsewhere."""

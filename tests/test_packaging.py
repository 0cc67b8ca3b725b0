"""pyproject.toml ships everything: every package under lawnlp/ is listed (the list is explicit because
models/ installs as lawnlp.shipped), and every file of the shipped model directories is package data.
The wheel itself is built, installed and run by .ci/wheel."""

from __future__ import annotations

import fnmatch
import tomllib

from paths import REPO

CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_listed():
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "lawnlp").rglob("__init__.py")} | {
        "lawnlp.shipped"
    }
    assert set(CONFIG["packages"]) == on_disk, "add the new package to [tool.setuptools] packages in pyproject.toml"


def test_models_folder_is_the_shipped_package():
    assert CONFIG["package-dir"] == {"lawnlp.shipped": "models"}
    assert (REPO / "models" / "__init__.py").is_file()
    patterns = CONFIG["package-data"]["lawnlp.shipped"]
    files = [
        p.relative_to(REPO / "models").as_posix()
        for p in (REPO / "models").glob("*/*")
        if p.is_file() and p.parent.name != "__pycache__"
    ]
    assert files and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in files)
    for model in ("sections-bert", "themes-bert", "sections-lite", "themes-lite"):
        assert any(f.startswith(f"{model}/") for f in files)


def test_every_data_file_is_package_data():
    """Every non-Python file under lawnlp/ matches a package-data pattern of its package (else the wheel lacks it)."""
    data = CONFIG["package-data"]
    missing = []
    for path in (REPO / "lawnlp").rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(REPO).parts
        owners = [(".".join(rel[:i]), "/".join(rel[i:])) for i in range(1, len(rel))]
        if not any(fnmatch.fnmatch(rest, pat) for pkg, rest in owners for pat in data.get(pkg, ())):
            missing.append("/".join(rel))
    assert not missing, f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"

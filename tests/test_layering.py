"""The layering rule, checked on the source: lower layers never import higher ones, and no module imports
itself back through others (no import cycles). Every import counts, also those inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lawnlp"
# Lowest first. A module may import its own layer and the layers below it, never those above.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("lawnlp.labels", "lawnlp.config", "lawnlp.errors", "lawnlp.schema", "lawnlp.jsonl", "lawnlp.rows")),
    ("reading", ("lawnlp.reading",)),
    ("text", ("lawnlp.text",)),
    ("models", ("lawnlp.models",)),
    ("labelling", ("lawnlp.labelling",)),
    ("briefs", ("lawnlp.briefs",)),
    ("measures", ("lawnlp.measures",)),
    ("pipeline", ("lawnlp.pipeline",)),
    ("annotations", ("lawnlp.annotations",)),
    ("training", ("lawnlp.training",)),
    ("outputs", ("lawnlp.outputs",)),
    ("cli", ("lawnlp.cli",)),
    ("api", ("lawnlp", "lawnlp.data")),  # the public API and the compatibility alias lawnlp.data
)
MAX_LINES = 320  # a longer module says why in its docstring ("Long: ...")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    best = None
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (rank, len(prefix))
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[0]


def imports(path: Path, known: set[str]) -> set[str]:
    """The lawnlp modules a source file imports (``from lawnlp.x import y`` counts lawnlp.x.y when that is a
    module, else lawnlp.x)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "lawnlp"}
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] == "lawnlp"
            and not node.level
        ):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in known else node.module)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {m: {i for i in imports(p, known) if i != m} for m, p in mods.items()}


def test_every_module_has_a_layer():
    for m in modules():
        layer_of(m)


def test_no_upward_imports():
    upward = []
    for m, deps in graph().items():
        for d in deps:
            if layer_of(d) > layer_of(m):
                upward.append(f"{m} ({LAYERS[layer_of(m)][0]}) imports {d} ({LAYERS[layer_of(d)][0]})")
    assert not upward, "\n".join(upward)


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for d in sorted(g.get(m, ())):
            if d not in g:
                continue
            if state.get(d) == 1:
                cycles.append(stack[stack.index(d) :] + [d] if d in stack else [m, d])
            elif d not in state:
                visit(d, stack + [d])
        state[m] = 2

    for m in sorted(g):
        if m not in state:
            visit(m, [m])
    # a package importing its own submodules (lawnlp.models -> lawnlp.models.registry) is how packages work;
    # a cycle through anything else is not
    real = [c for c in cycles if not all(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(c, c[1:]))]
    assert not real, "\n".join(" -> ".join(c) for c in real)


@pytest.mark.parametrize("name", sorted(modules()))
def test_long_modules_say_why(name):
    path = modules()[name]
    text = path.read_text(encoding="utf-8")
    if text.count("\n") > MAX_LINES:
        doc = ast.get_docstring(ast.parse(text)) or ""
        assert "Long:" in doc, f"{path} has {text.count(chr(10))} lines and no 'Long:' reason in its docstring"

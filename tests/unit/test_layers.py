"""The dependency rule between the layers of ``relsell``, read from the imports in the code.

models/   standard library only (a model runs anywhere, in the browser too)
sketch/   standard library only: the matplotlib stand-in the charts use in the browser
live.py   standard library, models and sketch: what the page's Python calls
content/  models, errors, params, the data files (PyYAML; jsonschema only when validating)
analytics/ numpy and pandas, for data at scale; may use models
charts/   matplotlib; may use models, content and analytics
explorers/ ipywidgets; may use everything above
relsell never imports relsell_book (the build machinery).
"""

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "relsell"
HEAVY = ("numpy", "pandas", "matplotlib", "ipywidgets", "IPython", "yaml", "jsonschema", "scipy")

# For each folder, the top-level packages (outside relsell) and relsell layers it may import.
ALLOWED = {
    "models": (
        {"__future__"} | set(sys.stdlib_module_names),
        {"models", "params", "errors", "checks"},
    ),
    "sketch": ({"__future__"} | set(sys.stdlib_module_names), {"sketch"}),
    "content": (
        {"__future__", "yaml", "jsonschema", "jinja2", "IPython", "jupyterquiz"}
        | set(sys.stdlib_module_names),
        {"content", "models", "params", "errors", "checks"},
    ),
    "analytics": (
        {"__future__", "numpy", "pandas"} | set(sys.stdlib_module_names),
        {"analytics", "models", "params", "errors", "checks", "content"},
    ),
    "charts": (
        {"__future__", "numpy", "pandas", "matplotlib"} | set(sys.stdlib_module_names),
        {"charts", "models", "params", "errors", "checks", "content", "analytics"},
    ),
    "explorers": (
        {"__future__", "numpy", "pandas", "matplotlib", "ipywidgets", "IPython"}
        | set(sys.stdlib_module_names),
        {"explorers", "charts", "models", "params", "errors", "content", "analytics", "checks"},
    ),
}


def _imports(path: Path) -> list[tuple[str, int]]:
    """(absolute module name, line) for every import in ``path``; relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(SRC).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(SRC).parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ((node.module,) if node.module else ()))
                if node.module is None:  # from . import x
                    found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
                    continue
            else:
                module = node.module
            found.append((module, node.lineno))
    return found


# Single modules that belong to a layer: relsell.live runs in the browser, beside the models.
MODULES = {"live.py": "live"}
ALLOWED["live"] = (
    {"__future__"} | set(sys.stdlib_module_names),
    {"models", "params", "errors", "checks", "sketch"},
)


def _layer_files():
    for layer in ALLOWED:
        if layer in MODULES.values():
            continue
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            yield pytest.param(layer, path, id=str(path.relative_to(PACKAGE)))
    for name, layer in MODULES.items():
        yield pytest.param(layer, PACKAGE / name, id=name)


@pytest.mark.parametrize("layer, path", list(_layer_files()))
def test_each_layer_imports_only_what_the_rule_allows(layer, path):
    outside, inside = ALLOWED[layer]
    wrong = []
    for module, line in _imports(path):
        top, *rest = module.split(".")
        if top == "relsell":
            if rest and rest[0] not in inside:
                wrong.append(f"line {line}: {module}")
        elif top not in outside:
            wrong.append(f"line {line}: {module}")
    assert not wrong, f"{path.relative_to(SRC)} breaks the {layer}/ rule: {wrong}"


def test_the_runtime_package_never_imports_the_build_package():
    offenders = [
        f"{path.relative_to(SRC)} line {line}"
        for path in PACKAGE.rglob("*.py")
        for module, line in _imports(path)
        if module.split(".")[0] == "relsell_book"
    ]
    assert not offenders


def test_importing_every_model_loads_nothing_heavy_and_is_fast():
    """In a fresh interpreter: no numpy/pandas/matplotlib/widgets/YAML, and < 0.2 s in all.

    CPU time of the best of three runs (the first may compile the .pyc files), so a busy
    machine (the book build runs beside the unit tests in CI) does not make it flaky.
    """
    code = textwrap.dedent(
        f"""
        import importlib, sys, time
        start = time.process_time()
        import relsell.models
        for name in relsell.models.NAMES:
            module = importlib.import_module("relsell.models." + name)
            module.run()
        seconds = time.process_time() - start
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})
        print(seconds, heavy)
        """
    )
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SRC
        ).stdout.split(maxsplit=1)
        runs.append(float(out[0]))
        assert out[1].strip() == "[]", f"importing the models loaded {out[1].strip()}"
    assert min(runs) < 0.2, f"importing and running every model took {min(runs):.2f} s (CPU)"

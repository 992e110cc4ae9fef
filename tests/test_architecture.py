"""The shape of the package, as docs/architecture.md draws it: stage folders whose imports flow one
way (a later stage may import an earlier one, never the reverse), no import circles, speed-ups
entered at one door, and ``catchup check`` free of the renderer's libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "generator"
# Each module's layer, by its first name under generator/; a module may import its own layer or lower.
LAYERS = {"errors": 0, "problems": 0, "model": 0, "schema": 0, "project": 0, "rules": 0, "report": 0, "defaults": 0,
          "__init__": 0, "load": 1, "checks": 2, "render": 3, "site": 4, "commands": 5, "cli": 6, "__main__": 7}
BASE = {name for name, layer in LAYERS.items() if layer == 0}
SPEEDUPS_DOORS = 2  # the most modules outside speedups/ that may import it


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(module: str) -> set[str]:
    """Every generator module ``module`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports(module) for module in MODULES}


def first_name(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_graph_is_read() -> None:
    assert len(MODULES) > 35 and "generator.load.curriculum" in GRAPH["generator.load"]
    assert "generator.render.widgets" in GRAPH["generator.render.pages"]


def test_every_module_belongs_to_a_stage_or_the_shared_base() -> None:
    assert sorted({first_name(m) for m in MODULES} - set(LAYERS) - {"speedups"}) == []


def test_no_import_circles() -> None:
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                circles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_imports_flow_from_earlier_stages_to_later_ones() -> None:
    upward = [f"{module} -> {target}" for module, targets in GRAPH.items() for target in targets
              if first_name(module) != "speedups" and first_name(target) != "speedups"
              and LAYERS[first_name(target)] > LAYERS[first_name(module)]]
    assert upward == []


def test_speedups_are_entered_at_one_door_and_import_only_the_shared_base() -> None:
    doors = {module for module, targets in GRAPH.items() if first_name(module) != "speedups"
             and any(first_name(t) == "speedups" for t in targets)}
    assert doors == {"generator.site.mkdocs_run"} and len(doors) <= SPEEDUPS_DOORS
    outward = [f"{module} -> {target}" for module, targets in GRAPH.items() if first_name(module) == "speedups"
               for target in targets if first_name(target) not in BASE | {"speedups"}]
    assert outward == []


def test_catchup_check_loads_none_of_the_renderers_libraries(demo_project: Path) -> None:
    script = ("import sys\nfrom generator.cli import main\ncode = main(['check', '--quiet', '--root', sys.argv[1]])\n"
              "print(sorted({m.split('.')[0] for m in sys.modules}))\nraise SystemExit(code)")
    result = subprocess.run([sys.executable, "-c", script, str(demo_project)], capture_output=True, text=True,
                            cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = result.stdout.strip().splitlines()[-1]
    assert "'yaml'" in loaded, loaded  # the list is what was loaded
    for library in ("jinja2", "markdown", "mkdocs", "material", "icalendar", "pymdownx"):
        assert f"'{library}'" not in loaded, f"catchup check imported {library}"

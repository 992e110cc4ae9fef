"""Helpers shared by the tests: where things are, example projects, golden-file comparison."""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
EXAMPLES = TESTS / "examples"

def compare_golden(path: Path, actual: str, update: bool) -> None:
    """Assert ``actual`` equals the golden file, or rewrite it under ``--update-golden``."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path} did not exist; wrote it. Review it and run again.")
        return
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (pytest --update-golden)"


def make_project(target: Path, case: Path | None = None) -> Path:
    """The base example project with a case folder's files laid over it (and its _delete.txt removed)."""
    shutil.copytree(EXAMPLES / "base", target)
    if case is not None:
        for path in sorted(case.rglob("*")):
            relative = path.relative_to(case)
            if path.is_dir() or relative.name in ("expected.txt", "_delete.txt", "README.md"):
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
        deletions = case / "_delete.txt"
        if deletions.exists():
            for line in deletions.read_text().split():
                (target / line).unlink()
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def png(width: int, height: int, pixel: Callable[[int, int], int] = lambda x, y: 200, *, level: int = 9) -> bytes:
    """A real greyscale PNG picture (no imaging library needed). ``level=0`` stores the pixels
    uncompressed: a picture as heavy as it is large, which git still packs to almost nothing."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(pixel(x, y) for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, level))
            + chunk(b"IEND", b""))


def copy_sample(root: Path) -> Path:
    """A copy of the repository's own sample project (content/, site-config/, templates/, mkdocs.yml)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("content", "site-config", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root

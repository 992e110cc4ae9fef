"""The benchmark script runs and prints the figures docs/performance.md describes (on a tiny
curriculum here: the real figures come from `python3 bench/run.py --sessions 100 1000`)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from helpers import REPO

FIGURES = ["check_cold_s", "check_s", "generate_s", "mkdocs_build_s", "build_s", "generate_ratio", "build_vs_plain_mkdocs", "site_mb",
           "largest_page_kb", "pages", "peak_rss_mb", "preview_s", "first_visit_kb", "repeat_visit_kb",
           "search_first_use_kb", "finder_first_visit_kb", "largest_first_visit_kb"]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
def test_the_benchmark_prints_every_figure_for_each_size(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "TARGET_SESSIONS", 30)  # so that the tiny run is judged against the targets
    assert bench.main(["--sessions", "12", "30", "--runs", "1", "--keep", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["sessions"] == 30 and set(result["by_size"]) == {"12", "30"}
    for size in ("12", "30"):
        figures = result["by_size"][size]
        assert [name for name in FIGURES if not isinstance(figures.get(name), (int, float))] == []
        assert figures["pages"] >= int(size) and figures["build_s"] > 0 and figures["preview_s"] > 0
    assert result["build_per_session_ratio"] > 0
    assert set(result["targets_met"]) == set(bench.TARGETS)
    sessions = sorted((tmp_path / "30" / "content").glob("*/sessions/*.yml"))
    assert len(sessions) == 30
    texts = [path.read_text(encoding="utf-8") for path in sessions]
    assert len(set(texts)) == len(texts), "the synthetic sessions are reworded, never the same text twice"

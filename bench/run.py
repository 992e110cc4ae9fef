"""Benchmark: how Catch-Up scales with the size of a curriculum.

    python bench/run.py --sessions 1000 [--runs 3] [--keep DIR]
    python bench/run.py --sessions 100 1000      # also: build cost per session, 1000 over 100

Makes a realistic synthetic project of N sessions in a temporary folder (the sample sessions,
reworded so no two are alike, spread over programs of four tracks of 25 sessions, with the
sample's site-config, library, templates and mkdocs.yml), measures each figure several times in
this one process, and prints one JSON object. Times are the median of the runs. See
docs/performance.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import logging
import multiprocessing
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.checks import check_project  # noqa: E402
from generator.load import ReadCache  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.site import mkdocs_run  # noqa: E402
from generator.site.build import build, generate  # noqa: E402
from generator.site.preview import Preview  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
from weight import page_weights  # noqa: E402

# The targets of docs/performance.md (the largest figure allowed), for a curriculum of 1000 sessions.
TARGETS = {"two_languages_ratio": 2.1, "check_cold_s": 0.5, "check_s": 0.5, "generate_ratio": 0.10, "build_s": 10.0,
           "largest_page_kb": 60.0, "peak_rss_mb": 500.0, "preview_s": 1.5, "build_per_session_ratio": 1.3,
           "first_visit_kb": 100.0, "finder_first_visit_kb": 100.0, "largest_first_visit_kb": 100.0,
           "repeat_visit_kb": 15.0}
TARGET_SESSIONS = 1000
TRACKS_PER_PROGRAM = 4
SESSIONS_PER_TRACK = 25
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
SWAPS = [("session", "group"), ("feel", "notice"), ("practise", "try"), ("week", "few days"),
         ("small", "short"), ("help", "support"), ("thought", "idea"), ("worry", "stress")]


def sample_sessions() -> list[str]:
    files = sorted(p for p in (REPO / "content").glob("*/sessions/*.yml") if "." not in p.stem)  # no translations
    if not files:
        raise SystemExit("bench: no sample sessions in content/*/sessions/")
    return [path.read_text(encoding="utf-8") for path in files]


def reword(text: str, rng: random.Random) -> str:
    """Vary the prose a little, so no two synthetic sessions are the same text."""
    for old, new in rng.sample(SWAPS, 3):
        text = re.sub(rf"(?<![-\w]){old}(?![-\w])", new, text)  # words, not ids
    return text


def set_field(text: str, key: str, value: str) -> str:
    return re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)


def make_project(root: Path, sessions: int, seed: int = 1) -> Project:
    """Write a synthetic project of ``sessions`` sessions under ``root``."""
    rng = random.Random(seed)
    translations = shutil.ignore_patterns("*.*.yml")  # one language: the sample's translations stay out
    for part in ("site-config", "templates", "schema"):
        shutil.copytree(REPO / part, root / part, ignore=translations)
    set_languages(root, ["en"])
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content" / "library", root / "content" / "library", ignore=translations)
    samples = sample_sessions()
    per_program = TRACKS_PER_PROGRAM * SESSIONS_PER_TRACK
    made = 0
    for p in range(-(-sessions // per_program)):
        program_id = f"program-{p + 1:02d}"
        folder = root / "content" / program_id / "sessions"
        folder.mkdir(parents=True)
        count = min(per_program, sessions - made)
        tracks = -(-count // SESSIONS_PER_TRACK)
        (folder.parent / "program.yml").write_text(program_yaml(program_id, p + 1, tracks), encoding="utf-8")
        for i in range(count):
            track, number = f"track-{i // SESSIONS_PER_TRACK + 1}", i % SESSIONS_PER_TRACK + 1
            session_id = f"{program_id}-{track}-s{number:02d}"
            text = reword(samples[(made + i) % len(samples)], rng)
            text = set_field(text, "id", session_id)
            text = set_field(text, "track", track)
            text = set_field(text, "number", str(number))
            text = re.sub(r"(?m)^(\s+- id: )(\S+)$", rf"\g<1>\g<2>-{p + 1}-{i + 1}", text)  # inline ids
            title = yaml.safe_load(re.search(r"(?m)^title: (.*)$", text).group(1))  # type: ignore[union-attr]
            text = set_field(text, "title", json.dumps(f"{title} (part {number})").replace("\\", "\\\\"))
            (folder / f"{session_id}.yml").write_text(text, encoding="utf-8")
        made += count
    return Project(root)


def set_languages(root: Path, languages: list[str]) -> None:
    """The site's languages in site.yml (the sample has two; the benchmark's base figures are for one)."""
    site = root / "site-config" / "site.yml"
    text = re.sub(r"(?m)^languages: .*\n", "", site.read_text(encoding="utf-8"))
    site.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: en\nlanguages: [{', '.join(languages)}]\n"),
                    encoding="utf-8")


def program_yaml(program_id: str, n: int, tracks: int) -> str:
    lines = [f"id: {program_id}", f"title: Sample program {n}",
             "description: A synthetic program made by the benchmark.", "audience: Adults.", "tracks:"]
    for t in range(tracks):
        days = WEEKDAYS[t % 5], WEEKDAYS[(t + 2) % 5]
        lines += [f"  - id: track-{t + 1}", f"    title: Track {t + 1}",
                  "    schedule:", f"      days: [{days[0]}, {days[1]}]", '      start: "18:00"',
                  "      duration_minutes: 90", "      timezone: America/New_York",
                  f"    order: {'cycle' if t == tracks - 1 else 'sequence'}", '    start_date: "2027-01-04"']
    return "\n".join(lines) + "\n"


def timed(action: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def measure(project: Project, runs: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    # check_s: as `catchup check` runs after a clinician edits one session (the cache in
    # .catchup/cache/ holds the other files); check_cold_s: the first check, nothing cached
    figures["check_cold_s"] = timed(lambda: check_project(project), runs)
    edited = sorted(project.content.glob("*/sessions/*.yml"))[3]

    def edit_one() -> None:
        with edited.open("a", encoding="utf-8") as file:
            file.write("# edited\n")

    caches: list[ReadCache] = []

    def check_with_cache() -> None:  # until the problems are known; the CLI saves the cache after
        caches.append(ReadCache.on_disk(project))
        check_project(project, caches[-1])

    def edit_and_save() -> None:
        if caches:
            caches.pop().save()
        edit_one()

    check_with_cache()
    figures["check_s"] = timed(check_with_cache, runs, before=edit_and_save)
    checked = check_project(project)
    assert checked.ok, [str(p) for p in checked.problems if p.is_error][:5]
    staging = project.work / "bench-site"

    def clear_docs() -> None:
        for docs in project.work.glob("docs*"):  # docs/, and docs-es/ of a second language
            shutil.rmtree(docs, ignore_errors=True)

    # generate from scratch each run: every page rendered and written
    figures["generate_s"] = timed(lambda: generate(project, check_project(project).curriculum, staging),
                                  runs, before=clear_docs)
    figures["generate_s"] = round(max(figures["generate_s"] - figures["check_cold_s"], 0.0), 3)
    # plain `mkdocs build` of the same Markdown: one process, no speed-up (CATCHUP_PLAIN=1)
    figures["mkdocs_build_s"] = timed(lambda: plain_mkdocs_build(project, staging), runs)
    figures["build_s"] = timed(lambda: build(project), runs, before=clear_docs)
    figures["generate_ratio"] = round(figures["generate_s"] / figures["mkdocs_build_s"], 3)
    figures["build_vs_plain_mkdocs"] = round(figures["build_s"] / figures["mkdocs_build_s"], 3)
    # the same site in two languages (the second with Catch-Up's Spanish words, its pages not yet
    # translated: each is rendered and built in full), against one, measured one after the other
    set_languages(project.root, ["en", "es"])
    try:
        two = timed(lambda: build(project), runs, before=clear_docs)
        one = timed(lambda: build(project), runs, before=lambda: (set_languages(project.root, ["en"]), clear_docs()))
    finally:
        set_languages(project.root, ["en"])
    figures["two_languages_s"] = two
    figures["two_languages_ratio"] = round(two / one, 3)
    build(project)
    pages = [p.stat().st_size for p in project.site.rglob("*.html")]
    total = sum(p.stat().st_size for p in project.site.rglob("*") if p.is_file())
    figures["site_mb"] = round(total / 1e6, 2)
    figures["largest_page_kb"] = round(max(pages) / 1e3, 1)
    figures["pages"] = len(pages)
    figures.update(weights(project.site))
    figures["preview_s"] = preview_time(project, runs)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    figures["peak_rss_mb"] = round(peak / 1024, 1)  # the largest process: this one or a build share
    return figures


def weights(site: Path) -> dict[str, float]:
    """What a phone downloads from the built site (bench/weight.py): a session page of the first
    program, then its last session, search in that program, the finder and the largest page."""
    sessions = sorted((site / "program-01").glob("track-*/*.html"))
    first, other = sessions[0], sessions[-1]
    largest = max(site.rglob("*.html"), key=lambda page: page.stat().st_size)
    # In a process of its own: Playwright's sync API will not run where an event loop already runs
    # (a caller's, such as the test suite's browser session).
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as pool:
        return pool.submit(page_weights, site, *(path.relative_to(site).as_posix() for path in (first, other, largest)),
                           program="program-01").result()


def plain_mkdocs_build(project: Project, site_dir: Path) -> None:
    """The generated Markdown built as plain ``mkdocs build`` builds it (every speed-up off)."""
    os.environ["CATCHUP_PLAIN"] = "1"
    try:
        mkdocs_run.build(project.generated_config, site_dir)
    finally:
        del os.environ["CATCHUP_PLAIN"]


def preview_time(project: Project, runs: int) -> float:
    """Seconds from saving one session's YAML to its rebuilt page being on disk."""
    preview = Preview(project, Path(tempfile.mkdtemp(prefix="catchup-bench-preview-")))
    preview.rebuild()
    session = sorted(project.content.glob("program-01/sessions/*.yml"))[7]
    page = preview.site_dir / "program-01" / "track-1" / f"{session.stem}.html"
    original = session.read_text(encoding="utf-8")
    times = []
    try:
        for run in range(runs):
            marker = f"Edited in preview run {run}"
            edited = re.sub(r"(?m)^summary: ([|>])\n", rf"summary: \1\n  {marker}.\n\n", original, count=1)
            assert edited != original, f"bench: no block summary in {session}"
            session.write_text(edited, encoding="utf-8")
            start = time.perf_counter()
            preview.rebuild()
            times.append(time.perf_counter() - start)
            if marker not in page.read_text(encoding="utf-8"):
                raise SystemExit(f"bench: preview did not rebuild {page}")
    finally:
        session.write_text(original, encoding="utf-8")
        shutil.rmtree(preview.site_dir, ignore_errors=True)
    return round(statistics.median(times), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1000],
                        help="number of sessions; give several (e.g. 100 1000) to compare the cost per session")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown (default 3)")
    parser.add_argument("--keep", type=Path, help="make the project in this (new) folder and keep it")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    by_size = {}
    for sessions in sorted(args.sessions):
        root = args.keep / str(sessions) if args.keep else Path(tempfile.mkdtemp(prefix="catchup-bench-"))
        try:
            project = make_project(root, sessions)
            by_size[sessions] = {"sessions": sessions, **measure(project, args.runs)}
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
    sizes = sorted(by_size)
    result = dict(by_size[sizes[-1]])
    if len(sizes) > 1:
        small, large = by_size[sizes[0]], by_size[sizes[-1]]
        per_session = (large["build_s"] / large["sessions"]) / (small["build_s"] / small["sessions"])
        result["build_per_session_ratio"] = round(per_session, 2)  # largest size over smallest
        result["by_size"] = {str(size): by_size[size] for size in sizes}
    if result["sessions"] == TARGET_SESSIONS:  # the targets are set for this size
        result["targets_met"] = {name: result[name] <= limit for name, limit in TARGETS.items() if name in result}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

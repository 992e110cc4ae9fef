"""Preview rebuilds reuse what has not changed; they must give the same answers as a fresh check."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from generator.checks import check_project
from generator.load import ReadCache
from generator.project import Project
from helpers import EXAMPLES


def summary_of(project: Project, cache: ReadCache | None) -> tuple[list[str], list[str]]:
    checked = check_project(project, cache)
    sessions = [f"{s.id}:{s.summary}" for p in checked.curriculum.programs for s in p.sessions]
    return [str(p) + p.message for p in checked.problems], sessions


def touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_cached_check_matches_a_fresh_one_after_every_kind_of_edit(demo_project: Path) -> None:
    project, cache = Project(demo_project), ReadCache()
    assert summary_of(project, cache) == summary_of(project, None)
    assert summary_of(project, cache) == summary_of(project, None)  # all from the cache

    session = demo_project / "content/demo/sessions/skills-2.yml"
    session.write_text(session.read_text(encoding="utf-8").replace("We looked at thoughts.", "Edited."),
                       encoding="utf-8")
    touch_later(session)
    cached = summary_of(project, cache)
    assert cached == summary_of(project, None)
    assert any("Edited." in s for s in cached[1])

    session.write_text("id: skills-2\ntitle: [broken\n", encoding="utf-8")
    touch_later(session)
    assert summary_of(project, cache) == summary_of(project, None)
    assert any("yaml" in p for p in summary_of(project, cache)[0])


def test_a_deleted_picture_is_noticed_although_the_yaml_did_not_change(demo_project: Path) -> None:
    folder = demo_project / "content/demo/sessions"
    shutil.copy(EXAMPLES / "bad/files/content/demo/sessions/pictures/square.png", folder / "square.png")
    session = folder / "skills-2.yml"
    session.write_text(session.read_text(encoding="utf-8").replace(
        "summary: |\n", "summary: |\n  ![A square](square.png)\n\n", 1), encoding="utf-8")
    project, cache = Project(demo_project), ReadCache()
    assert check_project(project, cache).ok
    (folder / "square.png").unlink()
    problems = check_project(project, cache).problems
    assert [p.rule for p in problems if p.is_error] == ["file-missing"]


def test_a_preview_rebuild_renders_only_the_edited_session_and_its_neighbours(
    demo_project: Path, tmp_path: Path, monkeypatch: object
) -> None:
    import generator.render.pages
    from generator.site.preview import Preview

    preview = Preview(Project(demo_project), tmp_path / "preview")
    assert preview.rebuild().ok
    worker = (tmp_path / "preview/sw.js").read_text(encoding="utf-8")
    rendered: list[str] = []
    original = generator.render.pages.Renderer.page

    def spy(self: object, path: str, *args: object, **kwargs: object) -> object:
        page = original(self, path, *args, **kwargs)  # type: ignore[arg-type]
        if getattr(self, "previous", {}).get(path) is not page:
            rendered.append(path)
        return page

    monkeypatch.setattr(generator.render.pages.Renderer, "page", spy)  # type: ignore[attr-defined]
    session = demo_project / "content/demo/sessions/support-1.yml"
    session.write_text(session.read_text(encoding="utf-8").replace("summary: We checked in.", "summary: Changed."),
                       encoding="utf-8")
    touch_later(session)
    assert preview.rebuild().ok
    assert "demo/support/support-1.md" in rendered
    assert not [path for path in rendered if path.startswith("demo/skills/")]
    page = (tmp_path / "preview/demo/support/support-1.html").read_text(encoding="utf-8")
    assert "Changed." in page
    # the offline copy's worker and list are made again too: a new version, for the changed page
    assert (tmp_path / "preview/sw.js").read_text(encoding="utf-8") != worker
    assert "demo/support/support-1.html" in (tmp_path / "preview/offline/demo.json").read_text(encoding="utf-8")

    rendered.clear()
    (demo_project / "content/demo/program.yml").write_text(
        (demo_project / "content/demo/program.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    touch_later(demo_project / "content/demo/program.yml")
    assert preview.rebuild().ok
    assert "demo/skills/skills-1.md" in rendered  # any other edit renders everything again


def run_check(root: Path, capsys: object) -> tuple[int, str]:
    from generator.cli import main

    code = main(["check", "--format", "parsable", "--root", str(root)])
    return code, capsys.readouterr().out  # type: ignore[attr-defined]


def test_check_keeps_a_cache_between_runs_that_never_goes_stale(demo_project: Path, capsys: object) -> None:
    first = run_check(demo_project, capsys)
    cache = demo_project / ".catchup/cache/read.pickle"
    assert cache.is_file()
    assert run_check(demo_project, capsys) == first  # everything from the cache
    session = demo_project / "content/demo/sessions/skills-2.yml"
    session.write_text(session.read_text(encoding="utf-8").replace("objectives:\n", "objectives:\n  - TODO\n", 1),
                       encoding="utf-8")
    touch_later(session)
    code, out = run_check(demo_project, capsys)
    assert code == 0 and "(text-placeholder)" in out and out != first[1]


def test_a_broken_or_foreign_cache_is_ignored(demo_project: Path, capsys: object) -> None:
    import pickle

    first = run_check(demo_project, capsys)
    cache = demo_project / ".catchup/cache/read.pickle"
    cache.write_bytes(b"not a pickle at all")
    assert run_check(demo_project, capsys) == first
    stamp, entries = pickle.loads(cache.read_bytes())
    for entry in entries.values():  # a cache from other code, whose results differ
        entry.problems.append(entry.problems[0] if entry.problems else None)
    cache.write_bytes(pickle.dumps(("another version of the code", entries)))
    assert run_check(demo_project, capsys) == first


def test_a_preview_build_uses_the_quicker_scans_and_leaves_mkdocs_as_it_was(
    demo_project: Path, tmp_path: Path, monkeypatch: object
) -> None:
    from markdown import treeprocessors
    from material.plugins.search import plugin

    import generator.speedups.search_index
    from generator.site.preview import Preview

    indexed: list[int] = []
    original = generator.speedups.search_index.sections

    def counted(html: str) -> object:
        indexed.append(len(html))
        return original(html)

    monkeypatch.setattr(generator.speedups.search_index, "sections", counted)  # type: ignore[attr-defined]
    parser, inline = plugin.Parser, treeprocessors.InlineProcessor.__dict__["_InlineProcessor__handleInline"]
    assert Preview(Project(demo_project), tmp_path / "preview").rebuild().ok
    assert len(indexed) > 5, "the preview's pages were indexed without the quick tokenizer"
    assert plugin.Parser is parser
    assert treeprocessors.InlineProcessor.__dict__["_InlineProcessor__handleInline"] is inline


def test_a_same_size_save_that_keeps_the_file_time_is_not_missed(demo_project: Path) -> None:
    # An edit of the same length (a typo: "teh" to "the"), written in place, within one tick of
    # the file system's clock (or on a USB stick that keeps times to 2 s): size, time and inode
    # are all as before. The cache must still see the new text.
    project, cache = Project(demo_project), ReadCache()
    session = demo_project / "content/demo/sessions/skills-2.yml"
    text = session.read_text(encoding="utf-8")
    assert "We looked at thoughts." in text
    before = session.stat()
    summary_of(project, cache)
    with session.open("r+", encoding="utf-8") as file:  # in place: the same inode
        file.write(text.replace("We looked at thoughts.", "We looked at feelings."))
    os.utime(session, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = session.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert any("We looked at feelings." in s for s in summary_of(project, cache)[1])


def test_the_preview_shows_a_same_size_save_that_keeps_the_file_time(demo_project: Path, tmp_path: Path) -> None:
    from generator.site.preview import Preview

    preview = Preview(Project(demo_project), tmp_path / "preview")
    assert preview.rebuild().ok
    session = demo_project / "content/demo/sessions/support-1.yml"
    text, before = session.read_text(encoding="utf-8"), session.stat()
    assert "summary: We checked in." in text
    with session.open("r+", encoding="utf-8") as file:  # in place, the same length, the old time put back
        file.write(text.replace("summary: We checked in.", "summary: We checked up."))
    os.utime(session, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (session.stat().st_size, session.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert preview.rebuild().ok
    page = (tmp_path / "preview/demo/support/support-1.html").read_text(encoding="utf-8")
    assert "We checked up." in page and "We checked in." not in page


def test_the_preview_sees_same_size_saves_of_the_theme_and_the_page_templates(demo_project: Path,
                                                                             tmp_path: Path) -> None:
    from generator.site.preview import Preview

    def same_size_edit(path: Path, old: str, new: str) -> None:
        text, before = path.read_text(encoding="utf-8"), path.stat()
        assert old in text and len(old) == len(new)
        with path.open("r+", encoding="utf-8") as file:  # in place, the old time put back
            file.write(text.replace(old, new, 1))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    preview = Preview(Project(demo_project), tmp_path / "preview")
    assert preview.rebuild().ok
    session_page = tmp_path / "preview/demo/skills/skills-1.html"
    assert "Next in this group:" in session_page.read_text(encoding="utf-8")
    same_size_edit(demo_project / "templates/pages/session.md.j2", '_("Next in this group:")', '_("Next in this class:")')
    same_size_edit(demo_project / "templates/theme/assets/stylesheets/catchup.css",
                   ".catchup-search__program {\n  font-size: 0.9em;", ".catchup-search__program {\n  font-size: 0.8em;")
    assert preview.rebuild().ok
    page = session_page.read_text(encoding="utf-8")
    assert "Next in this class:" in page
    css = re.search(r'href="\.\./\.\./(assets/stylesheets/catchup\.[0-9a-f]{8}\.css)"', page).group(1)  # type: ignore[union-attr]
    assert "font-size: 0.8em;" in (tmp_path / "preview" / css).read_text(encoding="utf-8")


def test_the_first_preview_build_on_two_processes_makes_the_site_one_makes(demo_project: Path, tmp_path: Path,
                                                                          monkeypatch: object) -> None:
    import generator.speedups.parallel as parallel
    from generator.site.preview import Preview

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    joined: list[Path] = []  # the shares build in other processes; this one joins their pages
    original = parallel._move_pages

    def counted(share: Path, site_dir: Path) -> None:
        joined.append(share)
        original(share, site_dir)

    monkeypatch.setattr(parallel, "MIN_PAGES_TO_SPLIT", 1)  # type: ignore[attr-defined]
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)  # type: ignore[attr-defined]
    monkeypatch.setattr(parallel, "_move_pages", counted)  # type: ignore[attr-defined]
    # (As in catchup serve before its server starts: no other thread. Earlier tests may leave some.)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)  # type: ignore[attr-defined]
    assert Preview(Project(demo_project), tmp_path / "two", "http://127.0.0.1:8000/").rebuild().ok
    assert len(joined) == 1, "the first preview build did not run on two processes"
    monkeypatch.setattr(parallel, "can_fork", lambda: False)  # type: ignore[attr-defined]
    assert Preview(Project(demo_project), tmp_path / "one", "http://127.0.0.1:8000/").rebuild().ok
    assert len(joined) == 1, "with no fork to be had, the preview builds in this process"
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert "catchup-preview-errors.js" in two["index.html"].decode(), "the preview's error script is on the pages"


def test_the_preview_shows_every_language_and_follows_an_edited_translation(tmp_path: Path) -> None:
    from generator.site.preview import Preview
    from helpers import make_project

    root = make_project(tmp_path / "demo", EXAMPLES / "good/translations")
    preview = Preview(Project(root), tmp_path / "preview")
    assert preview.rebuild().ok
    spanish = tmp_path / "preview/es/demo/skills/skills-2.html"
    assert "<h1>Pensamientos</h1>" in spanish.read_text(encoding="utf-8")
    assert (tmp_path / "preview/demo/skills/skills-2.html").is_file()
    translation = root / "content/demo/sessions/skills-2.es.yml"
    translation.write_text(translation.read_text(encoding="utf-8").replace("title: Pensamientos",
                                                                           "title: Ideas que pasan"), encoding="utf-8")
    assert preview.rebuild().ok  # stale now (a warning), still previewed
    assert "<h1>Ideas que pasan</h1>" in spanish.read_text(encoding="utf-8")
    assert (tmp_path / "preview/index.html").is_file(), "the first language's site is still there"
    # each language's search and offline copy as the build makes them: Spanish stemming, lunr.es kept
    assert '"lang":"es"' in (tmp_path / "preview/es/search/site.js").read_text(encoding="utf-8")
    kept = (tmp_path / "preview/es/offline/demo.json").read_text(encoding="utf-8")
    assert "lunr.es." in kept and "lunr.es." not in (tmp_path / "preview/offline/demo.json").read_text(encoding="utf-8")

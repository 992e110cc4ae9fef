"""Pictures from content/: each <img> carries the picture's width and height, read from the file,
and loads lazily; a picture over 300 KB, or one whose size cannot be read, is a located warning.

The example folders tests/examples/good/pictures and bad/heavy-pictures hold the pictures; the
golden file tests/golden/pictures/skills-2.md is the rendered page (python -m pytest
tests/test_pictures.py --update-golden rewrites it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.checks import check_project
from generator.load import ReadCache
from generator.load.attachments import written_at
from generator.load.yamlsource import Pos
from generator.project import Project
from generator.render import render
from helpers import EXAMPLES, TESTS, compare_golden, make_project, png

GOOD = EXAMPLES / "good/pictures"
SQUARE = 'src="../../files/demo/sessions/box-breathing.png"'


def session_page(root: Path) -> str:
    checked = check_project(Project(root))
    assert checked.ok, checked.problems
    return next(p.text for p in render(checked.curriculum, root / "templates") if p.path == "demo/skills/skills-2.md")


def show(root: Path, picture: bytes, name: str = "photo.png") -> None:
    """``picture`` beside session skills-2, shown at the top of its summary."""
    sessions = root / "content/demo/sessions"
    (sessions / name).write_bytes(picture)
    session = sessions / "skills-2.yml"
    session.write_text(session.read_text(encoding="utf-8").replace(
        "summary: |\n", f"summary: |\n  ![The group room]({name})\n\n", 1), encoding="utf-8")


def picture_problems(root: Path, cache: ReadCache | None = None) -> list[str]:
    return [f"{p.where} {p.rule}: {p.message}" for p in check_project(Project(root), cache).problems
            if p.rule.startswith("image-")]


def test_the_rendered_page_gives_each_picture_its_size_and_lazy_loading(tmp_path: Path, update_golden: bool) -> None:
    page = session_page(make_project(tmp_path / "p", GOOD))
    compare_golden(TESTS / "golden/pictures/skills-2.md", page, update_golden)
    pictures = re.findall(r"<img [^>]*>", page)
    assert len(pictures) == 2, "the summary's picture and the one in the worksheet question"
    for tag in pictures:
        assert SQUARE in tag and 'width="160" height="120" loading="lazy" decoding="async"' in tag, tag
    assert "[The same square, on its own](../../files/demo/sessions/box-breathing.png)" in page, "a link stays a link"


@pytest.mark.slow
def test_the_built_site_has_the_picture_with_its_size(tmp_path: Path) -> None:
    from generator.site.build import build

    root = make_project(tmp_path / "p", GOOD)
    assert build(Project(root)).ok
    site = root / "site"
    html = (site / "demo/skills/skills-2.html").read_text(encoding="utf-8")
    assert (site / "files/demo/sessions/box-breathing.png").read_bytes() == \
        (GOOD / "content/demo/sessions/box-breathing.png").read_bytes()
    shown = re.findall(r"<img [^>]*box-breathing[^>]*>", html)
    assert len(shown) == 2, shown
    for tag in shown:
        assert all(part in tag for part in (SQUARE, 'width="160"', 'height="120"', 'loading="lazy"',
                                            'decoding="async"')), tag
    assert 'alt="A square: breathe in, hold, breathe out and hold, one side each"' in shown[0]


def test_a_picture_whose_size_cannot_be_read_is_shown_without_one_and_reported(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    show(root, b"\x89PNG\r\n\x1a\n", "damaged.png")  # a PNG cut off after its signature
    assert picture_problems(root) == [
        "content/demo/sessions/skills-2.yml:11:21 image-unreadable: the size of the picture "
        "demo/sessions/damaged.png cannot be read: it is damaged, or not a PNG, JPEG, GIF or WebP picture"]
    assert '<img src="../../files/demo/sessions/damaged.png" alt="The group room" loading="lazy" decoding="async" />' \
        in session_page(root)


def test_a_picture_over_300_kb_is_a_warning_and_one_of_300_kb_is_not(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    small = png(800, 600)
    show(root, small + b"\0" * (300 * 1024 - len(small)))  # bytes after the picture's end do not change it
    assert picture_problems(root) == []
    (root / "content/demo/sessions/photo.png").write_bytes(small + b"\0" * (300 * 1024 + 1 - len(small)))
    assert picture_problems(root) == [
        "content/demo/sessions/skills-2.yml:11:21 image-too-large: the picture demo/sessions/photo.png is 301 KB "
        "(800 x 600 pixels); keep pictures under 300 KB"]
    problem = next(p for p in check_project(Project(root)).problems if p.rule == "image-too-large")
    assert problem.hint.startswith("Save it as JPEG or WebP at quality 80"), "800 pixels wide: no need to resize"
    assert not problem.is_error


def test_a_replaced_picture_is_measured_again_although_its_yaml_did_not_change(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    show(root, png(40, 30))
    cache = ReadCache()
    assert picture_problems(root, cache) == []
    (root / "content/demo/sessions/photo.png").write_bytes(png(1600, 200, level=0))
    assert [p.split(": ", 1)[1] for p in picture_problems(root, cache)] == [
        "the picture demo/sessions/photo.png is 313 KB (1600 x 200 pixels); keep pictures under 300 KB"]
    assert 'width="1600" height="200"' in session_page(root)


def test_a_picture_is_reported_once_at_its_first_link(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", EXAMPLES / "bad/heavy-pictures")
    assert [p.split(" ", 1)[0] for p in picture_problems(root) if "too-large" in p] == [
        "content/demo/sessions/skills-2.yml:13:29"], "not again at its second link, in the key points"
    earlier = root / "content/demo/sessions/skills-1.yml"  # read before skills-2.yml
    earlier.write_text(earlier.read_text(encoding="utf-8").replace(
        "  - Slow breathing calms the body.", "  - Slow breathing calms the body. ![A lake](banner.png)"),
        encoding="utf-8")
    assert [p.split(" ", 1)[0] for p in picture_problems(root) if "too-large" in p] == [
        "content/demo/sessions/skills-1.yml:12:46"]


def test_a_picture_shown_in_two_folders_is_reported_in_each(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", EXAMPLES / "bad/heavy-pictures")
    shutil.copy(root / "content/demo/sessions/banner.png", root / "content/library/worksheets/banner.png")
    sheet = root / "content/library/worksheets/breath-log.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(
        "purpose: Track your practice.", "purpose: 'Track your practice. ![A lake](banner.png)'"), encoding="utf-8")
    assert [p.split(" ", 1)[0] for p in picture_problems(root) if "too-large" in p] == [
        "content/demo/sessions/skills-2.yml:13:29", "content/library/worksheets/breath-log.yml:3:42",
    ], "the worksheet's own copy is a picture of its own"


@pytest.mark.parametrize("yaml, pos, expected", [
    ("summary: |\n  First line.\n\n  ![A lake](lake.png)\nnext: x\n", Pos(1, 10), (4, 13)),  # a block of text
    ("summary: >\n  A line\n  and ![A lake](lake.png)\n", Pos(1, 10), (3, 17)),  # folded: the line as written
    ("steps:\n  - See ![A lake](lake.png)\n", Pos(2, 5), (2, 19)),
    ('summary: "![A lake\\x5D(lake.png)"\n', Pos(1, 10), (1, 24)),  # an escape before it: the target is still there
    ('summary: "![A lake](lake\\x2Epng)"\n', Pos(1, 10), (1, 10)),  # spelled with an escape: the value's start
    ("a: |\n  text\nb: ![A lake](lake.png)\n", Pos(1, 4), (1, 4)),  # not past the end of the value
])
def test_a_link_is_located_on_the_line_it_is_written(yaml: str, pos: Pos, expected: tuple[int, int]) -> None:
    assert written_at(yaml.splitlines(), pos, "lake.png") == expected

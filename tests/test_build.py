"""A full build of the repository's sample content, checked the way a host and a participant meet it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markupsafe
import pytest

from generator.checks import check_project
from generator.cli import main
from generator.project import Project
from generator.site.build import build, generate
from helpers import EXAMPLES, REPO

pytestmark = pytest.mark.slow

SECTIONS = [
    "What we covered", "Key points", "Worksheets", "Skills practice", "Reflect", "Before next session",
    "Make-up options", "Tell your team", "Urgent help",
]
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class Links(HTMLParser):
    """Collect headings, links and asset URLs from one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.h2: list[str] = []
        self.links: list[str] = []
        self.assets: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and values.get("src"):
            self.assets.append(values["src"])
        if tag == "link" and values.get("href"):
            self.assets.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.h2[-1] += data.strip()


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(sample_project: Path) -> Path:
    sources = {name: tree_digest(sample_project / name) for name in ("content", "site-config", "templates")}
    mkdocs_yml = (sample_project / "mkdocs.yml").read_bytes()
    assert main(["build", "--root", str(sample_project), "--quiet"]) == 0
    # The generator never writes into files that people wrote.
    assert sources == {name: tree_digest(sample_project / name) for name in sources}
    assert (sample_project / "mkdocs.yml").read_bytes() == mkdocs_yml
    return sample_project / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_session_has_a_page_with_all_sections_in_order(built: Path, sample_project: Path) -> None:
    curriculum = check_project(Project(sample_project)).curriculum
    sessions = [(p, s) for p in curriculum.programs for s in p.sessions]
    assert len(sessions) >= 12
    assert len({s.track for _, s in sessions}) >= 2
    for program, session in sessions:
        page = built / program.id / session.track / f"{session.id}.html"
        assert page.is_file(), f"no page for session {session.id}"
        assert parse(page).h2 == SECTIONS, f"sections of {page.name}"


def test_site_wide_pages_exist(built: Path) -> None:
    for name in ("index", "urgent-help", "missed-a-session", "tech-help", "between-sessions", "404"):
        assert (built / f"{name}.html").is_file(), name


def test_urgent_help_is_on_every_page_in_the_same_place(built: Path, sample_project: Path) -> None:
    from generator.load.translations import localize

    curriculum = check_project(Project(sample_project)).curriculum
    spanish = localize(curriculum, "es").curriculum.config["urgent_help"]["headline"]
    assert spanish != curriculum.config["urgent_help"]["headline"]  # the Spanish site has its own
    for page in html_pages(built):
        html = page.read_text(encoding="utf-8")
        in_spanish = page.is_relative_to(built / "es")
        headline = spanish if in_spanish else curriculum.config["urgent_help"]["headline"]
        banner = html.find('class="catchup-urgent"')
        assert banner != -1, f"no urgent help on {page}"
        assert banner < html.find('class="md-header'), f"urgent help is not first on {page}"
        assert f"<strong>{markupsafe.escape(headline)}</strong>" in html
        assert "md-banner__button" not in html, "urgent help must not be dismissible"


def test_every_internal_link_resolves(built: Path) -> None:
    broken = []
    # 404.html is served for any missing address, so MkDocs gives it root-relative links (or, with
    # `url` set in site.yml, links under that address); every other page uses relative links only.
    for page in [p for p in html_pages(built) if p.name != "404.html"]:
        parsed = parse(page)
        for url in parsed.links + parsed.assets:
            if EXTERNAL.match(url) or url.startswith(("mailto:", "tel:", "#", "data:")):
                continue
            assert not url.startswith("/"), f"{page}: {url} is root-relative; breaks sub-paths and file://"
            target = (page.parent / unquote(urlsplit(url).path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(built)} -> {url}")
    assert not broken, broken


def test_no_asset_is_loaded_from_another_host(built: Path) -> None:
    offenders = []
    for page in html_pages(built):
        offenders += [f"{page.name}: {url}" for url in parse(page).assets if EXTERNAL.match(url)]
    for sheet in built.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            if EXTERNAL.match(url):
                offenders.append(f"{sheet.name}: {url}")
    for page in html_pages(built):
        html = page.read_text(encoding="utf-8")
        for host in ("unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager", "cdn.jsdelivr"):
            if host in html:
                offenders.append(f"{page.name}: mentions {host}")
    assert not offenders, offenders


def search_data(path: Path) -> tuple[str, dict]:
    """The name a search script registers under and its data."""
    found = re.fullmatch(r'\(window\.catchupSearch=window\.catchupSearch\|\|\{\}\)\[("[^"]+")\]=(.*);\n',
                         path.read_text(encoding="utf-8"), re.S)
    assert found, f"{path.name} is not a search script"
    return json.loads(found.group(1)), json.loads(found.group(2))


def test_search_data_is_split_by_program_and_no_page_loads_it(built: Path) -> None:
    assert not (built / "search" / "search_index.json").exists() and not (built / "search" / "search_index.js").exists()
    assert sorted(p.name for p in (built / "search").iterdir()) == ["adult-iop.js", "recovery-iop.js", "site.js"]
    name, site = search_data(built / "search" / "site.js")
    assert name == "site" and site["lang"] == "en"
    pages = dict(site["pages"])
    assert pages["urgent-help.html"] == "Urgent help" and pages["adult-iop/cbt-skills/cbt-03-thought-records.html"] == \
        "4. Thought records"
    assert "search.html" not in pages, "the search page does not find itself"
    assert {doc[0].split("#")[0] for doc in site["docs"]} <= {p for p in pages if "/" not in p}, "site-wide only"
    name, adult = search_data(built / "search" / "adult-iop.js")
    assert name == "adult-iop" and all(doc[0].startswith("adult-iop/") for doc in adult["docs"])
    thought = " ".join(doc[2] for doc in adult["docs"] if doc[0].startswith("adult-iop/cbt-skills/cbt-03-thought-records"))
    assert "thinking trap" in thought and "<" not in thought, "plain text, as the page shows it"
    for page in html_pages(built):
        html = page.read_text(encoding="utf-8")
        assert 'name="search"' not in html and "search_index" not in html, page.name
        assert "lunr" not in html or page.name == "search.html", f"only the search page loads lunr: {page.name}"


def test_theme_assets_have_content_hashed_names_in_one_file_each(built: Path, sample_project: Path) -> None:
    html = (built / "adult-iop" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="\.\./(assets/javascripts/catchup[^"]*)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="\.\./(assets/stylesheets/catchup[^"]*)"', html)
    assert len(scripts) == 1 and len(styles) == 1, (scripts, styles)
    for path in scripts + styles:
        data = (built / path).read_bytes()
        assert path.split(".")[-2] == hashlib.sha256(data).hexdigest()[:8], f"{path} is named by its content"
    bundle = (built / scripts[0]).read_text(encoding="utf-8")
    order = [bundle.index(f"catchup/{name}.js */") for name in ("quickexit", "store", "finder", "menu", "search")]
    assert order == sorted(order), "the scripts keep their order"
    assert not (built / "assets" / "javascripts" / "catchup").exists(), "the joined files are not copied too"
    generated = (sample_project / ".catchup" / "mkdocs.yml").read_text(encoding="utf-8")
    assert scripts[0] in generated and "!!" not in generated


def test_an_edited_theme_file_gets_a_new_name(demo_project: Path) -> None:
    project = Project(demo_project)
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 0
    before = sorted(p.name for p in (project.site / "assets" / "stylesheets").glob("catchup.*.css"))
    own = demo_project / "templates" / "theme" / "assets" / "stylesheets" / "catchup.css"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text("/* ours */\n.md-typeset h1 { color: green; }\n", encoding="utf-8")
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 0
    after = sorted(p.name for p in (project.site / "assets" / "stylesheets").glob("catchup.*.css"))
    assert len(before) == len(after) == 1 and before != after
    css = (project.site / "assets" / "stylesheets" / after[0]).read_text(encoding="utf-8")
    assert css == ".md-typeset h1 { color: green; }\n", "the project's own file stands in for ours"
    assert after[0] in (project.site / "index.html").read_text(encoding="utf-8")


def test_navigation_is_pruned_to_the_current_section(built: Path, sample_project: Path) -> None:
    cbt_pages = sorted((built / "adult-iop" / "cbt-skills").glob("*.html"))
    links = parse(cbt_pages[0]).links
    # The open section lists every page of the current track (siblings are linked by file name).
    assert {page.name for page in cbt_pages} <= set(links)
    dbt_pages = {url for url in links if "dbt-skills/" in url and url.endswith(".html")}
    # Pruned: a closed section links only to its first page, not to every page in it.
    assert len(dbt_pages) <= 1, f"nav not pruned: {dbt_pages}"
    assert len(list((built / "adult-iop" / "dbt-skills").glob("*.html"))) > 1


def test_generate_rewrites_only_what_changed(sample_project: Path, tmp_path: Path) -> None:
    project = Project(sample_project)
    generate(project, check_project(project).curriculum, tmp_path)
    again = generate(project, check_project(project).curriculum, tmp_path)
    assert again.docs.written == [] and again.docs.removed == [] and not again.config_changed
    session = next(p for p in (sample_project / "content/adult-iop/sessions").glob("*.yml") if "." not in p.stem)
    original = session.read_text(encoding="utf-8")
    try:
        session.write_text(original + "\n# a comment changes no page\n", encoding="utf-8")
        assert generate(project, check_project(project).curriculum, tmp_path).docs.written == []
        data = original.replace("\nsummary: >\n", "\nsummary: >\n  Changed.\n", 1)
        assert data != original
        session.write_text(data, encoding="utf-8")
        written = generate(project, check_project(project).curriculum, tmp_path).docs.written
        assert len(written) == 1 and written[0].endswith(session.stem + ".md")
    finally:
        session.write_text(original, encoding="utf-8")
        generate(project, check_project(project).curriculum, tmp_path)


def test_pictures_and_pdfs_beside_the_yaml_are_copied_and_linked(demo_project: Path) -> None:
    folder = demo_project / "content/demo/sessions"
    shutil.copy(EXAMPLES / "bad/files/content/demo/sessions/pictures/square.png", folder / "square.png")
    (folder / "handout.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    session = folder / "skills-2.yml"
    text = session.read_text(encoding="utf-8").replace(
        "summary: |\n", "summary: |\n  ![A square](square.png) and [the handout](handout.pdf#page=1).\n\n", 1)
    session.write_text(text, encoding="utf-8")
    checked = build(Project(demo_project))
    assert checked.ok, checked.problems
    site = demo_project / "site"
    assert (site / "files/demo/sessions/square.png").read_bytes() == (folder / "square.png").read_bytes()
    assert (site / "files/demo/sessions/handout.pdf").is_file()
    page = (site / "demo/skills/skills-2.html").read_text(encoding="utf-8")
    assert 'src="../../files/demo/sessions/square.png"' in page and 'alt="A square"' in page
    assert 'href="../../files/demo/sessions/handout.pdf#page=1"' in page


def test_a_worksheet_named_like_a_section_leaves_the_checklist_links_on_the_sections(demo_project: Path) -> None:
    session = demo_project / "content/demo/sessions/skills-1.yml"
    text = session.read_text(encoding="utf-8").replace(
        "  - use: breath-log\n", "  - use: breath-log\n  - id: reflect\n    title: Reflect\n    purpose: Look back.\n"
        "    instructions: Answer.\n    prompts:\n      - What went well?\n", 1)
    session.write_text(text, encoding="utf-8")
    checked = build(Project(demo_project))
    assert checked.ok, checked.problems
    page = (demo_project / "site/demo/skills/skills-1.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="reflect-worksheet">Reflect \(worksheet\)</h3>', page)
    assert re.search(r'<h2 id="reflect">Reflect</h2>', page)
    assert 'href="#reflect"' in page  # the checklist's step


def test_the_session_sections_known_to_the_renderer_are_the_templates_headings() -> None:
    from generator.render.words import SESSION_SECTIONS

    template = (REPO / "templates/pages/session.md.j2").read_text(encoding="utf-8")
    headings = re.findall(r"^#{2,3} \{\{ sections\['([a-z-]+)'\] \}\}$", template, re.M)
    assert sorted(headings) == sorted(SESSION_SECTIONS)
    assert not re.search(r"^#{2,3} [A-Za-z]", template, re.M)  # every heading is a message of the catalogs


def test_failed_check_leaves_the_previous_site_exactly_as_it_was(demo_project: Path) -> None:
    project = Project(demo_project)
    build(project)
    before = tree_digest(project.site)
    (demo_project / "content/demo/sessions/skills-1.yml").write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 1
    assert tree_digest(project.site) == before


def test_failed_mkdocs_build_leaves_the_previous_site_exactly_as_it_was(
    demo_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = Project(demo_project)
    build(project)
    before = tree_digest(project.site)
    template = demo_project / "templates/pages/home.md.j2"
    template.write_text(template.read_text() + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 1
    assert "previous site/ is unchanged" in capsys.readouterr().err
    assert tree_digest(project.site) == before
    assert not list((demo_project / ".catchup").glob("site.new*")), "the staging folder is removed"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_mkdocs_configuration_error_is_a_located_message_not_a_traceback(
    demo_project: Path, capsys: pytest.CaptureFixture[str], workers: int
) -> None:
    from generator.errors import BuildError
    from generator.site import mkdocs_run

    project = Project(demo_project)
    build(project)
    before = tree_digest(project.site)
    with (demo_project / "mkdocs.yml").open("a", encoding="utf-8") as own:  # the project's, laid over the base
        own.write("plugins:\n  - search\n  - no-such-plugin\n")
    generated = project.generated_config  # and the one generated from it before
    text, added = re.subn(r"(?m)^( *)- search.*$", r"\1- no-such-plugin\n\g<0>", generated.read_text(encoding="utf-8"))
    assert added == 1
    generated.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match="configuration error"):
        mkdocs_run.build(project.generated_config, demo_project / "out", workers=workers)
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no-such-plugin" in err and "previous site/ is unchanged" in err and "Traceback" not in err
    assert tree_digest(project.site) == before


def test_a_build_on_two_cores_makes_the_same_site_as_one(built: Path, sample_project: Path, tmp_path: Path) -> None:
    from generator.site.mkdocs_run import build as mkdocs_build

    config = sample_project / ".catchup" / "mkdocs.yml"
    mkdocs_build(config, tmp_path / "one", workers=1)
    mkdocs_build(config, tmp_path / "two", workers=2)
    one = {p.relative_to(tmp_path / "one").as_posix(): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two").as_posix(): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert not list(tmp_path.glob("two.share*")), "the second share's folder must be cleaned up"


def test_a_warning_in_any_share_fails_the_whole_build(demo_project: Path) -> None:
    from generator.errors import BuildError
    from generator.site import mkdocs_run

    project = Project(demo_project)
    build(project)
    pages = sorted((project.work / "docs").rglob("*.md"))
    pages[-1].write_text(pages[-1].read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="strict mode"):
        mkdocs_run.build(project.generated_config, demo_project / "out", workers=2)


def test_generated_config_builds_with_plain_mkdocs_strict(built: Path, sample_project: Path, tmp_path: Path) -> None:
    config = sample_project / ".catchup" / "mkdocs.yml"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_mkdocs_yml_stays_private_and_portable(built: Path, sample_project: Path) -> None:
    import yaml

    base = yaml.safe_load((REPO / "templates" / "base-mkdocs.yml").read_text(encoding="utf-8"))  # plain YAML
    own = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    generated = yaml.safe_load((sample_project / ".catchup" / "mkdocs.yml").read_text(encoding="utf-8"))
    for config in (base, generated):
        assert config["theme"]["font"] is False
        assert "navigation.prune" in config["theme"]["features"]
        assert config["use_directory_urls"] is False
        for key in ("repo_url", "google_analytics"):
            assert key not in config
        assert "analytics" not in config.get("extra", {})
    assert set(own) <= {"theme", "extra_css", "extra_javascript"}, "a project's mkdocs.yml holds only its look"
    assert generated["theme"]["custom_dir"] == "theme" and (sample_project / ".catchup/theme/main.html").is_file()
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "/.catchup/" in ignored and "/site/" in ignored


def test_a_projects_mkdocs_yml_is_laid_over_the_base() -> None:
    from generator.site.mkdocs_config import laid_over

    base = {"theme": {"name": "material", "font": False, "features": ["a"]}, "extra_css": ["catchup.css"],
            "plugins": ["search", "offline"], "strict": True}
    own = {"theme": {"logo": "logo.png", "features": ["b"]}, "extra_css": ["extra.css", "catchup.css"],
           "plugins": ["search"]}
    assert laid_over(base, own) == {
        "theme": {"name": "material", "font": False, "features": ["b"], "logo": "logo.png"},
        "extra_css": ["catchup.css", "extra.css"], "plugins": ["search"], "strict": True}
    assert base["theme"] == {"name": "material", "font": False, "features": ["a"]}, "the base is not changed"


def test_settings_text_cannot_inject_html_into_the_theme(demo_project: Path) -> None:
    urgent = demo_project / "site-config/urgent-help.yml"
    urgent.write_text(urgent.read_text().replace(
        "headline: In danger now? Call 911.", 'headline: "<img src=x onerror=alert(1)> Call 911."').replace(
        "name: Emergency services", 'name: "Help\\" onmouseover=\\"alert(1)"'))
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 0
    html = (demo_project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; Call 911." in html
    assert 'onmouseover="alert' not in html
    assert 'href="tel:911"' in html, "the first phone line gets a tap-to-call link on every page"


def test_mkdocs_runs_on_one_process_where_sharing_the_pages_is_not_safe(
    built: Path, sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site.mkdocs_run import load
    from generator.speedups import parallel

    config = load(sample_project / ".catchup" / "mkdocs.yml", sample_project / "unused", strict=True, overrides=None)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    assert parallel.workers_for(config, 1000) == 2
    assert parallel.workers_for(config, parallel.MIN_PAGES_TO_SPLIT - 1) == 1
    monkeypatch.setattr(parallel, "can_fork", lambda: False)  # threads running, a daemon, ...
    assert parallel.workers_for(config, 1000) == 1
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    config.plugins["tags"] = object()  # a plugin that gathers every page: a share would see only some
    assert parallel.workers_for(config, 1000) == 1
    del config.plugins["tags"]
    monkeypatch.setattr(parallel, "KNOWN_MKDOCS", frozenset({"another version"}))
    assert parallel.workers_for(config, 1000) == 1, "MkDocs' build code is not the code the shares patch"


def test_the_speedups_stand_in_for_the_library_versions_we_install() -> None:
    """If a new MkDocs, Material or Python-Markdown changes the code a speed-up stands in for, the
    speed-up switches itself off (the build stays right, only slower): then re-check it against
    the new code and add the new digest."""
    from markdown import treeprocessors

    from generator.speedups import parallel, quick_inline, search_index
    from generator.speedups.guard import unchanged

    assert parallel.mkdocs_unchanged()
    assert unchanged(quick_inline.KNOWN_INLINE_PROCESSOR, treeprocessors.InlineProcessor)
    assert search_index._SAME_PARSER


def test_plain_and_quick_builds_make_the_same_site(built: Path, sample_project: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """CATCHUP_PLAIN=1 turns every speed-up off; the site is the same: every page's text and the
    search index (the speed-ups on two processes against plain MkDocs on one)."""
    from generator.site import mkdocs_run

    config = sample_project / ".catchup" / "mkdocs.yml"
    mkdocs_run.build(config, tmp_path / "quick", workers=2)
    monkeypatch.setenv("CATCHUP_PLAIN", "1")
    calls: list[str] = []
    import generator.speedups

    monkeypatch.setattr(generator.speedups, "build_site", lambda *args, **kwargs: calls.append("quick"))
    mkdocs_run.build(config, tmp_path / "plain")
    assert calls == [], "with CATCHUP_PLAIN=1 no speed-up runs"
    quick = {p.relative_to(tmp_path / "quick").as_posix(): p.read_bytes() for p in (tmp_path / "quick").rglob("*")
             if p.is_file()}
    plain = {p.relative_to(tmp_path / "plain").as_posix(): p.read_bytes() for p in (tmp_path / "plain").rglob("*")
             if p.is_file()}
    assert sorted(quick) == sorted(plain)
    pages = [name for name in plain if name.endswith(".html")]
    assert len(pages) > 60
    assert [name for name in pages if quick[name] != plain[name]] == []
    assert quick["search/search_index.json"] == plain["search/search_index.json"]


def test_the_search_page_gets_the_stemmer_of_the_site_s_language() -> None:
    from generator.site.assets import fingerprinted

    theme = [("assets/javascripts/vendor/lunr.min.js", b"lunr"), ("assets/javascripts/catchup/a.js", b"a()")]
    config = {"theme": {"language": "es"}, "extra_javascript": ["assets/javascripts/catchup/a.js"]}
    files = dict(fingerprinted(config, theme))
    lunr, *stemmer = config["extra"]["catchup"]["search_scripts"]
    assert lunr in files and files[lunr] == b"lunr" and "assets/javascripts/vendor/lunr.min.js" not in files
    assert stemmer == ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.es.min.js"]
    english = {"theme": {"language": "en"}}
    fingerprinted(english, theme)
    assert len(english["extra"]["catchup"]["search_scripts"]) == 1, "English needs no stemmer of its own"

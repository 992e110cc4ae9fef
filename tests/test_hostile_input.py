"""Hostile text in any field, site-config included, never becomes script, never changes a page's
structure, and never makes the site fetch anything from another host.

Each test puts text into the small example project, checks it, renders the pages and turns their
Markdown into HTML with the extensions the site uses; ``unsafe`` then reads that HTML against an
allow-list: the elements and attributes the templates write, link and picture addresses only to
http(s), mailto, tel or a path in the site, no event handler, no script that is not JSON data.
The property tests put random hostile text in random fields (site-config, URL and email fields,
session text) and hold the same line: either the checker reports a located error, or the pages
are safe.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks import check_project
from generator.load.curriculum import _plain
from generator.load.yamlsource import parse
from generator.project import Project
from generator.site.build import generate
from helpers import make_project, png

EXTENSIONS = ["admonition", "tables", "toc"]  # as templates/base-mkdocs.yml has them
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "a", "em", "strong", "code", "ul", "ol", "li", "div", "table", "thead", "tbody",
    "tr", "th", "td", "img", "br", "section", "span", "form", "label", "input", "textarea", "button", "select",
    "option", "fieldset", "legend", "script", "details", "summary", "abbr", "hr",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"}
# A picture's attributes are all written by Catch-Up (render.pictures): its size, and lazy loading.
PICTURE_ATTRIBUTES = {"src": r".+", "alt": r".*", "width": r"[1-9]\d{0,5}", "height": r"[1-9]\d{0,5}",
                      "loading": "lazy", "decoding": "async"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
HOSTILE = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))", "[x](java&#9;script:alert(1))", "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](https://evil.example/t.png)",
    "<https://evil.example/>", "<javascript:alert(1)>", "## A heading", "# Title", "> quote", "- item", "1. item",
    "---", "!!! danger \"Boo\"", "*emphasis*", "**bold", "_under_", "`code`", "{: onclick=alert(1)}",
    "[ref]: javascript:alert(1)", ")](javascript:alert(1))", "&lt;script&gt;", "<!-- comment", "]]>", "</p><p>",
    "| a | b |", "\\", "Tom & Jerry", "&#x6A;avascript:alert(1)", "<svg onload=alert(1)>", "%3Cscript%3E",
    "<a href='javascript:alert(1)'>x</a>", "``` python", "<<>>", "\u202eevil", "https://evil.example/\"><x",
    "![a[b]c](https://evil.example/x.png)", "![a\\]b](https://evil.example/x.png)", "[]: https://evil.example/x.png",
    "![][]", "##Tell your team", "#Reflect", "[Step](catchup-file:javascript:alert(1))",
    "[Open[1]](catchup-file:javascript:alert(3))", "![x](catchup-file:files/../../etc/passwd)",
]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: dict[str, Any] | None = None
        self.script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.found.append(f"element <{tag}>")
        named = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.found.append(f"attribute {name} on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None and not _safe_address(value, picture=tag == "img"):
                self.found.append(f"{name}={value!r} on <{tag}>")
        if tag == "img":
            for name, value in attrs:
                if name not in PICTURE_ATTRIBUTES or not re.fullmatch(PICTURE_ATTRIBUTES[name], value or "", re.S):
                    self.found.append(f"{name}={value!r} on <img>")
        if tag == "script":
            if named.get("type") != "application/json" or "src" in named:
                self.found.append(f"a script that is not data: {attrs}")
            self.script, self.script_text = named, ""

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            try:
                json.loads(self.script_text)
            except ValueError:
                self.found.append("a data script that is not JSON: " + self.script_text[:80])
            self.script = None


def _safe_address(value: str, *, picture: bool) -> bool:
    """A link to http(s), mailto, tel or a path in the site; a picture only from the site itself."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value)  # the value as the browser reads it (decoded once)
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    if picture:
        return scheme is None and not cleaned.startswith("//")
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def unsafe(page_html: str) -> list[str]:
    """What in ``page_html`` is outside the allow-list."""
    reader = _Page()
    reader.feed(page_html)
    reader.close()
    return reader.found


def pages_as_html(root: Path, tmp: Path) -> dict[str, str]:
    checked = check_project(Project(root))
    assert checked.ok, [f"{p.where} {p.message}" for p in checked.problems if p.is_error]
    generated = generate(Project(root), checked.curriculum, tmp / "site")
    converter = markdown.Markdown(extensions=EXTENSIONS)
    return {page.path: converter.reset().convert(page.text) for page in generated.pages}


def put(root: Path, relative: str, change: Any) -> None:
    """Load a YAML file of the project, change it, write it back as YAML."""
    path = root / relative
    data = _plain(parse(path.read_text(encoding="utf-8")))  # as Catch-Up reads it: 18:00 stays text
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p")


def test_the_allow_list_sees_what_it_must_refuse() -> None:
    assert unsafe('<p><a href="&#106;avascript:alert(1)">x</a></p>')
    assert unsafe('<p><a href="java&#9;script:alert(1)">x</a></p>')
    assert unsafe('<img src="https://evil.example/t.png">')
    assert unsafe('<p onclick="x">a</p>') and unsafe("<script>alert(1)</script>") and unsafe("<iframe></iframe>")
    assert unsafe('<script type="application/json">{nope</script>')
    assert unsafe('<p><a href="https://x.org/">x</a><a href="/a">y</a></p>') == []
    assert unsafe('<img src="a.png" alt="x" title="y">') and unsafe('<img src="a.png" alt="x" loading="eager">')
    assert unsafe('<img src="a.png" alt="x" width="100%">') and unsafe('<img src="a.png" srcset="b.png 2x">')
    assert unsafe('<img src="a.png" alt="x" width="3" height="2" loading="lazy" decoding="async" />') == []


def test_site_config_text_cannot_make_a_live_link_to_script(project: Path, tmp_path: Path) -> None:
    payload = "Call [now](&#106;avascript:alert(1)) or [here](java&#9;script:alert(2)) <b>x</b>"

    def urgent(data: dict[str, Any]) -> None:
        data["headline"] = payload
        data["lines"][0]["when"] = payload

    put(project, "site-config/urgent-help.yml", urgent)
    put(project, "site-config/contacts.yml", lambda d: d["tech_help"]["steps"].append(payload))
    put(project, "site-config/site.yml", lambda d: d.update(name="Site [x](&#106;avascript:alert(1))"))
    pages = pages_as_html(project, tmp_path)
    assert {path: unsafe(text) for path, text in pages.items() if unsafe(text)} == {}
    assert "avascript:alert(1)" in pages["urgent-help.md"], "the text is shown, as text"


@pytest.mark.parametrize("field, value", [
    ("lines[0].url", 'https://x.org/"><script>alert(1)</script>'), ("lines[0].url", "https://x.org/a'b"),
    ("lines[0].url", "javascript:alert(1)"), ("lines[0].url", "https://x.org/a b"),
    ("absence.portal_url", "https://portal.example.org/<x>"), ("absence.email", 'a"><b@x.org'),
    ("absence.email", "me@"), ("absence.phone", "911<script>"), ("site.url", 'https://x.org/"'),
])
def test_url_email_and_phone_fields_are_validated_for_what_they_are(project: Path, field: str, value: str) -> None:
    file, path = {"lines": ("urgent-help", ["lines", 0, "url"]), "absence": ("contacts", ["absence", field[8:]]),
                  "site": ("site", ["url"])}[field.split("[")[0].split(".")[0]]

    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    put(project, f"site-config/{file}.yml", change)
    problems = [p for p in check_project(Project(project)).problems if p.is_error]
    assert [p.rule for p in problems] == ["schema-value"], problems
    assert problems[0].where.path == f"site-config/{file}.yml" and problems[0].where.line > 1


def test_url_fields_are_written_percent_encoded(project: Path, tmp_path: Path) -> None:
    put(project, "site-config/urgent-help.yml",
        lambda d: d["lines"][0].update(url="https://x.org/a(b)?q=1&r=[2]#top"))
    put(project, "content/demo/sessions/skills-2.yml",
        lambda d: d["resources"][0].update(url="https://x.org/wiki/Anxiety_(mood)"))
    pages = pages_as_html(project, tmp_path)
    assert 'href="https://x.org/a%28b%29?q=1&amp;r=%5B2%5D#top"' in pages["urgent-help.md"]
    assert 'href="https://x.org/wiki/Anxiety_%28mood%29"' in pages["demo/skills/skills-2.md"]


def test_plain_fields_are_shown_as_written(project: Path, tmp_path: Path) -> None:
    def session(data: dict[str, Any]) -> None:
        data["worksheets"][0]["source"] = "SAMHSA *TIP* 35 [x](https://x.org)"
        data["resources"][0].update(title="Sleep *and* mood", description="The *best* _guide_ | more")
        data["summary"] = "We talked.\n\n## Not a heading\n\n> not a quote\n\n1. not a list\n\n!!! danger \"no\""

    put(project, "content/demo/sessions/skills-2.yml", session)
    page = pages_as_html(project, tmp_path)["demo/skills/skills-2.md"]
    assert "Source: SAMHSA *TIP* 35 [x](https://x.org)" in page
    assert "Sleep *and* mood" in page and "The *best* _guide_ | more" in page
    covered = page.split('<h2 id="what-we-covered">')[1].split('<h2 id="key-points">')[0]
    assert 'id="not-a-heading"' not in page and "<h2" not in covered
    for text in ("## Not a heading", "&gt; not a quote", "1. not a list", "!!! danger"):
        assert f"<p>{text}" in page, text
    assert "<blockquote>" not in page and 'class="admonition danger"' not in page


@pytest.mark.parametrize("title", ["Reflect", "Tell your team", "What we covered", "Key points"])
def test_a_session_titled_like_a_section_leaves_the_sections_their_anchors(project: Path, tmp_path: Path,
                                                                             title: str) -> None:
    put(project, "content/demo/sessions/skills-2.yml", lambda d: d.update(title=title))
    page = pages_as_html(project, tmp_path)["demo/skills/skills-2.md"]
    targets = re.findall(r'class="catchup-checklist__go" href="#([^"]+)">([^<]+)</a>', page)
    assert len(targets) >= 5
    for anchor, section in targets:
        assert re.search(rf'<h2 id="{anchor}">{section}</h2>', page), (anchor, section)
    assert f"<h1>{title}</h1>" in page


@pytest.mark.parametrize("text", [
    "[Step](catchup-file:javascript:alert(document.domain))", "[Open[1]](catchup-file:javascript:alert(3))",
    "![a[b]c](https://evil.example/x.png)", "![a\\]b](https://evil.example/x.png)", "![][]",
])
def test_neither_the_attachment_marker_nor_a_picture_from_elsewhere_can_be_typed(project: Path, tmp_path: Path,
                                                                                  text: str) -> None:
    put(project, "site-config/contacts.yml", lambda d: d["tech_help"]["steps"].extend([text, "[]: https://evil.example/x.png"]))
    program = project / "content/demo/program.yml"  # (as text: a load and dump would turn 18:00 into 1080)
    program.write_text(program.read_text(encoding="utf-8").replace(
        "description: A small program for tests.", f"description: {json.dumps(text)}"), encoding="utf-8")
    put(project, "content/demo/sessions/skills-2.yml", lambda d: d["worksheets"][0]["prompts"].append(text))
    pages = pages_as_html(project, tmp_path)
    assert {path: unsafe(html) for path, html in pages.items() if unsafe(html)} == {}
    assert "evil.example/x.png" not in "".join(re.findall(r'src="[^"]*"', "".join(pages.values())))


@pytest.mark.parametrize("text", ["##Tell your team", "#Reflect", "#What we covered"])
def test_a_heading_without_a_space_is_text_too(project: Path, tmp_path: Path, text: str) -> None:
    put(project, "content/demo/sessions/skills-2.yml", lambda d: d.update(summary=text, key_points=[text]))
    page = pages_as_html(project, tmp_path)["demo/skills/skills-2.md"]
    for anchor, section in re.findall(r'class="catchup-checklist__go" href="#([^"]+)">([^<]+)</a>', page):
        assert re.search(rf'<h2 id="{anchor}">{section}</h2>', page), (anchor, section)
    assert "_1" not in "".join(re.findall(r'<h2 id="([^"]+)"', page))


def test_the_built_site_is_safe_too(project: Path) -> None:
    """The same allow-list over the pages MkDocs builds (the article of each page: the theme's own
    scripts around it are Material's)."""
    from generator.site.build import build

    payload = " ".join(HOSTILE)
    put(project, "site-config/urgent-help.yml", lambda d: d["lines"][0].update(when=payload))
    # (in a session, a link to "&#106;avascript:..." reads as a missing file: an error, nothing built)
    (project / "content/demo/sessions/pic.png").write_bytes(png(30, 20))
    pictures = " ".join(f"![{text}](pic.png)" for text in HOSTILE_DESCRIPTIONS)
    put(project, "content/demo/sessions/skills-2.yml",
        lambda d: d.update(summary=" ".join(text for text in HOSTILE if "&#" not in text and "](" not in text)
                           + " " + pictures))
    assert build(Project(project)).ok
    shown = pictures_in((project / "site/demo/skills/skills-2.html").read_text(encoding="utf-8"))
    assert [picture["alt"] for picture in shown if picture.get("loading") == "lazy"] == HOSTILE_DESCRIPTIONS
    for page in (project / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        article = re.search(r"<article[^>]*>(.*)</article>", text, re.S)
        assert article, page
        assert unsafe(article.group(1)) == [], page
        assert "evil.example" not in "".join(re.findall(r'<(?:img|script|link)[^>]*>', text)), page


def test_no_picture_is_fetched_from_another_host(project: Path, tmp_path: Path) -> None:
    put(project, "content/demo/sessions/skills-2.yml",
        lambda d: d.update(summary="See ![a tracker](https://evil.example/pixel.png) here."))
    page = pages_as_html(project, tmp_path)["demo/skills/skills-2.md"]
    assert "<img" not in page.split('<h2 id="what-we-covered">')[1].split('<h2 id="key-points">')[0]
    assert '<a href="https://evil.example/pixel.png">a tracker</a>' in page


HOSTILE_DESCRIPTIONS = ['a" onerror="alert(1)', "x><script>alert(1)</script>", "`code` and | bars |",
                        "&#106;avascript:alert(1) &quot; onload=x", "*em* _u_ &amp; <b>", "' loading='eager"]


class _Pictures(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.found.append(dict(attrs))


def pictures_in(page_html: str) -> list[dict[str, str | None]]:
    reader = _Pictures()
    reader.feed(page_html)
    return reader.found


def test_a_picture_description_is_text_and_the_picture_attributes_are_ours(project: Path, tmp_path: Path) -> None:
    (project / "content/demo/sessions/pic.png").write_bytes(png(30, 20))
    shown = [f"![{text}](pic.png)" for text in HOSTILE_DESCRIPTIONS]
    typed = ["![typed](pic.png){: loading=eager width=1 onerror=alert(1)}",
             '<img src="pic.png" loading="eager" onerror="alert(1)">']

    def session(data: dict[str, Any]) -> None:
        data["summary"] = "\n\n".join(shown + typed)
        data["worksheets"][0]["prompts"].extend(shown)  # labels of the worksheet's questions: HTML, not Markdown

    put(project, "content/demo/sessions/skills-2.yml", session)
    page = pages_as_html(project, tmp_path)["demo/skills/skills-2.md"]
    assert unsafe(page) == []
    pictures = pictures_in(page)
    expected = {"src": "../../files/demo/sessions/pic.png", "width": "30", "height": "20", "loading": "lazy",
                "decoding": "async"}
    assert [picture.pop("alt") for picture in pictures] == [*HOSTILE_DESCRIPTIONS, "typed", *HOSTILE_DESCRIPTIONS]
    assert pictures == [expected] * len(pictures)
    assert "{: loading=eager width=1 onerror=alert(1)}" in page, "no attr_list: shown as typed"
    assert '&lt;img src="pic.png" loading="eager" onerror="alert(1)"&gt;' in page


TEXT_FIELDS = {  # file: paths of text fields participants read (None: each item of the list)
    "site-config/urgent-help.yml": [["headline"], ["lines", 0, "name"], ["lines", 0, "when"], ["lines", 0, "hours"]],
    "site-config/contacts.yml": [["absence", "who"], ["absence", "hours"], ["tech_help", "steps", 0]],
    "site-config/site.yml": [["organisation"], ["description"]],
    "site-config/policies.yml": [["attendance"], ["makeup"]],
    "content/demo/sessions/skills-2.yml": [["title"], ["summary"], ["objectives", 0], ["worksheets", 0, "title"],
                                          ["worksheets", 0, "source"], ["worksheets", 0, "prompts", 0],
                                          ["skills_practice", 0, "name"], ["skills_practice", 0, "steps", 0],
                                          ["resources", 0, "title"], ["resources", 0, "description"]],
    "content/demo/program.yml": [["title"], ["description"], ["tracks", 0, "title"]],
}
URL_FIELDS = {
    "site-config/urgent-help.yml": [["lines", 0, "url"]],
    "site-config/contacts.yml": [["absence", "portal_url"], ["absence", "email"], ["tech_help", "email"]],
    "content/demo/sessions/skills-2.yml": [["resources", 0, "url"]],
}
hostile_text = st.one_of(st.sampled_from(HOSTILE), st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map(" ".join),
                         st.text(alphabet=st.sampled_from(list("<>\"'&#;:()[]*_`!|\\/{}=-. jJavscript")), min_size=1,
                                 max_size=40))
hostile_url = st.one_of(st.sampled_from(["https://x.org/", "http://x.org", "mailto:a@b.org", "a@b.org"]),
                        st.builds(lambda base, tail: base + tail, st.sampled_from(["https://x.org/", "a@x.org", ""]),
                                  st.sampled_from(HOSTILE)))


def _set(data: Any, path: list[Any], value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _hostile_project(tmp_path: Path, fields: dict[str, list[list[Any]]], choices: list[tuple[int, str]]) -> Path:
    root = make_project(tmp_path / "p")
    every = [(file, path) for file, paths in fields.items() for path in paths]
    for index, value in choices:
        file, path = every[index % len(every)]
        put(root, file, lambda data, path=path, value=value: _set(data, path, value))
    return root


def _pages_are_safe_or_located_errors(root: Path, tmp: Path) -> None:
    checked = check_project(Project(root))
    if not checked.ok:
        for problem in checked.problems:
            assert problem.where.line >= 1 and problem.hint, problem
        return
    generated = generate(Project(root), checked.curriculum, tmp / "site")
    converter = markdown.Markdown(extensions=EXTENSIONS)
    for page in generated.pages:
        found = unsafe(converter.reset().convert(page.text))
        assert found == [], (page.path, found)


PROPERTY = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 100), hostile_text), min_size=1, max_size=4))
def test_property_hostile_text_in_any_field_is_never_markup(tmp_path_factory: pytest.TempPathFactory,
                                                           choices: list[tuple[int, str]]) -> None:
    tmp = tmp_path_factory.mktemp("hostile")
    _pages_are_safe_or_located_errors(_hostile_project(tmp, TEXT_FIELDS, choices), tmp)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 100), hostile_url), min_size=1, max_size=3))
def test_property_hostile_urls_and_emails_are_refused_or_harmless(tmp_path_factory: pytest.TempPathFactory,
                                                                  choices: list[tuple[int, str]]) -> None:
    tmp = tmp_path_factory.mktemp("hostile-url")
    _pages_are_safe_or_located_errors(_hostile_project(tmp, URL_FIELDS, choices), tmp)

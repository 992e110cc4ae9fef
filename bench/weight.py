"""What a participant's phone downloads: a built site served as a well-set-up host serves it
(gzip, long caching for content-hashed assets, revalidation for pages; docs/hosting.md), and
pages opened in headless Chromium (Debian's, through Playwright, as the browser tests do).

    server = GzipServer(site)            # counts the bytes of every response body it sends
    weights = page_weights(site, "program-01/track-1/s01.html")

The figures are kilobytes (1000 bytes) of response bodies as sent, gzip-compressed; headers are
not counted. See docs/performance.md.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import os
import re
import shutil
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)$")  # catchup.1a2b3c4d.js, bundle.1a2b3c4d.min.js
LONG = "public, max-age=31536000, immutable"
SHORT = "no-cache"  # keep, but ask the server whether it changed (a 304 costs no body)
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def cache_control(path: str) -> str:
    """What docs/hosting.md tells a host to send: content-hashed assets for a year, all else revalidated."""
    return LONG if HASHED.search(path) else SHORT


class GzipServer:
    """A static server for ``folder`` on a free loopback port, gzipping text, with the cache
    headers of docs/hosting.md and conditional requests (304); ``sent`` counts body bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sent = 0
        self.served: list[str] = []  # the paths sent with a body (not "304 Not Modified")
        self.lock = threading.Lock()
        self.compressed: dict[Path, bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the name http.server calls
                server.respond(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def take(self) -> int:
        """The bytes sent since the last call."""
        with self.lock:
            sent, self.sent = self.sent, 0
        return sent

    def respond(self, request: http.server.BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(request.path).path).lstrip("/")
        target = (self.folder / path).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(self.folder.resolve()) or not target.is_file():
            request.send_error(404)
            return
        stat = target.stat()
        tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if request.headers.get("If-None-Match") == tag:
            request.send_response(304)
            request.send_header("ETag", tag)
            request.send_header("Cache-Control", cache_control(path))
            request.end_headers()
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        zipped = "gzip" in request.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED_TYPES)
        if zipped:
            if target not in self.compressed:
                self.compressed[target] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.compressed[target]
        request.send_response(200)
        request.send_header("Content-Type", kind)
        request.send_header("Content-Length", str(len(body)))
        if zipped:
            request.send_header("Content-Encoding", "gzip")
        request.send_header("ETag", tag)
        request.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        request.send_header("Cache-Control", cache_control(path))
        request.end_headers()
        request.wfile.write(body)
        with self.lock:
            self.sent += len(body)
            self.served.append(path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_path() -> str | None:
    found = os.environ.get("CATCHUP_CHROMIUM") or next((p for p in CHROMIUM_CANDIDATES if os.path.exists(p)), None)
    return found or shutil.which("chromium")


def kb(count: int) -> float:
    return round(count / 1000, 1)


def settled(page: Any, url: str) -> None:
    """Open ``url`` and wait until nothing more loads."""
    page.goto(url, wait_until="networkidle")


def page_weights(site: Path, session: str, other_session: str, largest: str, program: str,
                 query: str = "worksheet") -> dict[str, float]:
    """``first_visit_kb`` (the session page with an empty cache), ``repeat_visit_kb`` (another
    session page after it), ``search_first_use_kb`` (from the session page: open search, search
    ``query`` in its program), and the first visits of the finder and the ``largest`` page."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise SystemExit("bench: page weights need Chromium (apt-get install chromium)")
    server = GzipServer(site)
    figures: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-quic"])

            def first_visit(path: str) -> float:
                context = browser.new_context()
                server.take()
                settled(context.new_page(), server.url + path)
                context.close()
                return kb(server.take())

            figures["first_visit_kb"] = first_visit(session)
            figures["finder_first_visit_kb"] = first_visit("find-a-session.html")
            figures["largest_first_visit_kb"] = first_visit(largest)
            context = browser.new_context()
            page = context.new_page()
            settled(page, server.url + session)
            server.take()
            settled(page, server.url + other_session)
            figures["repeat_visit_kb"] = kb(server.take())
            settled(page, server.url + session)
            server.take()
            with page.expect_navigation():
                page.locator(".catchup-search-button").click()
            page.wait_for_load_state("networkidle")
            assert page.url.endswith(f"search.html?in={program}"), page.url
            page.fill("#catchup-search-q", query)
            page.locator("form[role=search] button[type=submit]").click()
            page.locator("[data-catchup-search-results] li").first.wait_for()
            page.wait_for_load_state("networkidle")
            figures["search_first_use_kb"] = kb(server.take())
            context.close()
            browser.close()
    finally:
        server.close()
    return figures

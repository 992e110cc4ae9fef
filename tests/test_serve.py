"""``catchup serve`` as a clinician uses it: edit YAML, see the page change; make a typo, the server lives."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def server(demo_project: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(demo_project), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(base + "index.html") is not None), "preview server did not start"
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_editing_yaml_rebuilds_the_page_and_a_typo_does_not_kill_the_server(
    server: tuple[str, subprocess.Popen[str]], demo_project: Path
) -> None:
    base, process = server
    page = base + "demo/skills/skills-1.html"
    assert "We practised slow breathing." in (fetch(page) or "")
    assert "livereload" in (fetch(page) or ""), "live reload script not injected"

    session = demo_project / "content/demo/sessions/skills-1.yml"
    text = session.read_text()
    session.write_text(text.replace("We practised slow breathing.", "We practised box breathing today."))
    assert wait_for(lambda: "box breathing today" in (fetch(page) or "")), "page was not rebuilt"

    assert "catchup-preview-errors.js" in (fetch(page) or ""), "preview pages must load the error overlay"
    errors = base + "catchup-preview-errors.js"
    session.write_text("id: skills-1\ntitle: [oops\n")
    assert wait_for(lambda: "skills-1.yml:2:8" in (fetch(errors) or "")), "the error is not shown on the page"
    assert process.poll() is None, "server died on a YAML error"
    assert "box breathing today" in (fetch(page) or ""), "last good preview should stay up"

    session.write_text(text.replace("We practised slow breathing.", "Fixed again."))
    assert wait_for(lambda: "Fixed again." in (fetch(page) or "")), "server did not recover after the fix"
    assert "var problems = [];" in (fetch(errors) or ""), "the error overlay should be gone after the fix"
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "content/demo/sessions/skills-1.yml\n  2:8  error" in output


def test_a_busy_port_is_a_plain_error(demo_project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--root", str(demo_project), "-a", f"127.0.0.1:{port}"],
            capture_output=True, text=True, timeout=60,
        )
    assert result.returncode == 1
    assert f"Error: cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout

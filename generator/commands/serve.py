"""``catchup serve``: preview with live reload.

Watches content/, site-config/, templates/ and mkdocs.yml. On a change it loads and checks
everything again; if that finds errors they are printed and shown on the page, and the last good
preview stays up (the server never dies of a typo); otherwise :class:`Preview` rewrites only the
Markdown that changed and MkDocs rebuilds only those pages, and the browser reloads.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from generator.commands import EXIT_USAGE
from generator.errors import BuildError
from generator.project import Project
from generator.report import render, summary
from generator.site.preview import Preview

log = logging.getLogger("catchup")


def run(args: argparse.Namespace) -> int:
    host, _, port = args.dev_addr.rpartition(":")
    if not port.isdigit():
        print(f"Error: --dev-addr must look like 127.0.0.1:8000, not {args.dev_addr}", file=sys.stderr)
        return EXIT_USAGE
    return serve(Project(args.root.resolve()), host or "127.0.0.1", int(port))


def serve(project: Project, host: str, port: int) -> int:
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = Path(tempfile.mkdtemp(prefix="catchup-preview-"))
    serve_url = _serve_url(host, port, "/")
    preview = Preview(project, site_dir, serve_url)

    def builder() -> None:
        try:
            checked = preview.rebuild()
        except BuildError as exc:  # keep serving: the next save may fix it
            log.error("%s", exc)
            return
        except Exception as exc:  # e.g. a broken template: say so, keep serving
            log.error("The preview could not be built: %s", exc)
            return
        if checked.problems:
            print(render(checked.problems))
        print(summary(checked.problems, checked.session_count), flush=True)
        if not checked.ok:
            log.error("Fix the errors above; the preview shows the last good version.")

    try:  # fail fast, before building, if the address is taken
        socket.create_server((host, port)).close()
    except OSError as exc:
        shutil.rmtree(site_dir, ignore_errors=True)
        print(f"Error: cannot serve on {host}:{port} ({exc.strerror or exc}). "
              f"Try another port, e.g. --dev-addr {host}:{port + 1}", file=sys.stderr)
        return 1
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    try:
        builder()
        for watched in (project.content, project.site_config, project.templates, project.mkdocs_yml):
            if watched.exists():
                server.watch(str(watched))
        log.info("Previewing on %s (Ctrl+C to stop)", serve_url)
        server.serve()
    except KeyboardInterrupt:
        log.info("Stopped.")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0

"""``catchup serve``: preview with live reload.

Watches content/, site-config/, templates/ and mkdocs.yml. On a change it loads and checks
everything again; if that finds errors they are printed and the last good preview stays up
(the server never dies of a typo); otherwise it regenerates the Markdown (only changed files are
rewritten) and MkDocs rebuilds, and the browser reloads.
"""

from __future__ import annotations

import logging
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from generator.build import check_project, config_path, generate
from generator.load import Project
from generator.report import render, summary

log = logging.getLogger("catchup")


def serve(project: Project, host: str, port: int) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = Path(tempfile.mkdtemp(prefix="catchup-preview-"))
    serve_url = _serve_url(host, port, "/")

    def builder() -> None:
        checked = check_project(project)
        if checked.problems:
            print(render(checked.problems))
        print(summary(checked.problems, checked.session_count), flush=True)
        if not checked.ok:
            log.error("Fix the errors above; the preview shows the last good version.")
            return
        generate(project, checked.curriculum, site_dir)
        try:
            config = load_config(config_file=str(config_path(project)), site_dir=str(site_dir))
            config.site_url = serve_url
            mkdocs_build(config, serve_url=serve_url)
        except Exception as exc:  # keep serving: the next save may fix it
            log.error("MkDocs could not build the preview: %s", exc)

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

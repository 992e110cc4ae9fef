"""Where a Catch-Up project keeps its parts: every stage finds its files from here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """The folders and files of a project; all paths follow from the root folder."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site_config(self) -> Path:
        return self.root / "site-config"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work(self) -> Path:
        """Git-ignored folder for everything the generator writes before the site itself."""
        return self.root / ".catchup"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def generated_config(self) -> Path:
        """The MkDocs configuration catchup writes for each build (see ``site.mkdocs_config``)."""
        return self.work / "mkdocs.yml"

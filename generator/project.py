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

    def docs_for(self, language: str, languages: list[str]) -> Path:
        """Where one language's generated Markdown goes: ``.catchup/docs`` for the first language,
        ``.catchup/docs-<code>`` for each other one."""
        return self.work / ("docs" if language == languages[0] else f"docs-{language}")

    def config_for(self, language: str, languages: list[str]) -> Path:
        """The MkDocs configuration of one language's site: ``.catchup/mkdocs.yml`` for the
        first language, ``.catchup/mkdocs.<code>.yml`` for each other one."""
        return self.generated_config if language == languages[0] else self.work / f"mkdocs.{language}.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def generated_config(self) -> Path:
        """The MkDocs configuration catchup writes for each build (see ``site.mkdocs_config``)."""
        return self.work / "mkdocs.yml"

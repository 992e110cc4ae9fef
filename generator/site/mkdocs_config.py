"""The MkDocs configuration for one build: Catch-Up's base settings, the project's mkdocs.yml laid
over them, and what catchup adds.

The person-written ``mkdocs.yml`` is read, never edited. Catch-Up adds the site name and language
from site-config, the hierarchical navigation, and the urgent-help text the theme shows on every
page, and writes the result to ``.catchup/mkdocs.yml``, with paths relative to that file and
inside its folder, so that plain ``mkdocs build -f .catchup/mkdocs.yml`` builds the same site, and
so does ``zensical build -f .catchup/mkdocs.yml`` (Zensical wants the docs and site folders inside
the config file's folder; see docs/zensical.md).
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import yaml

from generator import defaults
from generator.errors import ConfigError
from generator.model import Curriculum
from generator.project import Project
from generator.render.i18n import base_language, gettext_for, language_name
from generator.render.text import tel
from generator.render.words import script_words, theme_words
from generator.schema import QUICK_EXIT_URL

THEME_DIR = "theme"  # in .catchup/, beside the generated mkdocs.yml (see site.theme)
BANNER_CALLS = 2  # the first lines with a phone number get a tap-to-call link on every page


APPENDED = ("extra_css", "extra_javascript")  # a project's own are added to the defaults, not put in their place


def read_config(project: Project) -> dict[str, Any]:
    """Catch-Up's base MkDocs settings with the project's own mkdocs.yml laid over them (a
    project needs no mkdocs.yml, and one holding only comments changes nothing)."""
    config = _read(defaults.base_mkdocs_yml(), "Catch-Up's base-mkdocs.yml (reinstall Catch-Up)")
    if project.mkdocs_yml.is_file():
        config = laid_over(config, _read(project.mkdocs_yml, "mkdocs.yml"))
    return config


def laid_over(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``: a mapping is merged key by key, the lists named in APPENDED are
    added to, and any other value replaces the base's."""
    merged = copy.deepcopy(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = laid_over(merged[key], value)
        elif key in APPENDED and isinstance(value, list):
            merged[key] = [*merged.get(key, []), *(item for item in value if item not in merged.get(key, []))]
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _read(path: Path, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{name} cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name} is not plain YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{name} must be a mapping of settings, such as 'theme:'")
    return data


def build_config(project: Project, curriculum: Curriculum, nav: list[Any], site_dir: Path,
                 language: str | None = None) -> dict[str, Any]:
    """The settings of one language's site (``language``: the first of site.yml's ``languages``
    unless said), whose curriculum is ``curriculum`` (translated, for another language)."""
    config = read_config(project)
    site = curriculum.config["site"]
    languages = curriculum.languages
    language = language or languages[0]
    _ = gettext_for(language)
    # Text from site-config as plain strings (a part not translated yet is marked Foreign, which
    # the YAML writer does not know; the theme writes these as they are).
    config["site_name"] = str(site["name"])
    if site.get("url"):
        config["site_url"] = site["url"]
    if site.get("description"):
        config["site_description"] = str(site["description"])
    config["docs_dir"] = os.path.relpath(project.docs_for(language, languages), project.work)  # .catchup/docs
    config["site_dir"] = os.path.relpath(site_dir, project.work)
    config["nav"] = nav
    theme = config.setdefault("theme", {"name": "material"})
    theme["language"] = base_language(language)
    theme["custom_dir"] = THEME_DIR  # the default theme with the project's own files laid over it
    colours = {k: v for k, v in (site.get("branding") or {}).items() if v}
    for scheme in theme.get("palette", []) if isinstance(theme.get("palette"), list) else []:
        scheme.update(colours)
    extra = config.setdefault("extra", {})
    urgent = curriculum.config["urgent_help"]
    calls = [{"name": str(line["name"]), "phone": str(line["phone"]), "tel": tel(line["phone"])}
             for line in urgent["lines"] if line.get("phone")][:BANNER_CALLS]
    leave = (site.get("quick_exit_url") or QUICK_EXIT_URL) if site.get("quick_exit") else None
    extra["catchup"] = {
        "urgent_help": {"headline": str(urgent["headline"]), "calls": calls,
                        "headline_lang": getattr(urgent["headline"], "lang", None)},  # not translated yet
        "quick_exit": leave,
        "language": language, "default_language": languages[0],
        "languages": [{"code": code, "name": language_name(code), "root": _root(language, code, languages)}
                      for code in languages],
        "words": theme_words(_), "script_words": script_words(_),
    }
    _search_language(config, base_language(language))
    return config


def _root(here: str, there: str, languages: list[str]) -> str:
    """From the root of ``here``'s site to the root of ``there``'s: the first language's site is the
    root of site/, each other one the folder named by its code."""
    up = "" if here == languages[0] else "../"
    return up if there == languages[0] else f"{up}{there}/"


def _search_language(config: dict[str, Any], language: str) -> None:
    """The search plugin indexes in the site's language (its stemmer and stop words)."""
    plugins = config.get("plugins") or []
    for index, plugin in enumerate(plugins):
        if plugin == "search":
            plugins[index] = {"search": {"lang": [language]}}
        elif isinstance(plugin, dict) and isinstance(plugin.get("search"), dict):
            plugin["search"].setdefault("lang", [language])


def config_text(config: dict[str, Any]) -> str:
    header = "# Generated by catchup from mkdocs.yml and site-config/: do not edit, it is rewritten.\n"
    # libyaml's emitter writes the same text as PyYAML's, in a fraction of the time
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(config, Dumper=dumper, sort_keys=False, allow_unicode=True)

"""The participant scripts hold no words of their own: every word they show comes from the page
(``CatchUp.word(key)``, store.js), whose words are ``SCRIPT_WORDS`` translated into its language.

The scan reads each script's string literals (quotes and backticks; comments and regular
expressions left out) and fails on one that reads like English a participant would see."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.script_words import SCRIPT_WORDS

SCRIPTS = Path(__file__).resolve().parent.parent / "templates" / "theme" / "assets" / "javascripts" / "catchup"

# A call of CatchUp.word(key, values) or CatchUp.wordNodes(key, values), however the script names
# them (not their definitions in store.js).
WORD_CALL = re.compile(r"(?<!function )\bword(?:Nodes)?\(")

# Words a participant could read: two English words side by side ("Caught up"), a capitalised
# word on its own ("Delete"), or a word padded with spaces for gluing into a sentence (" had ").
TWO_WORDS = re.compile(r"\b[A-Za-z]+(?:'[a-z]+)?\s+[A-Za-z]+\b")
ONE_TITLE_WORD = re.compile(r"^\s*[A-Z][a-z]+\W*$")
GLUE_WORD = re.compile(r"^[^A-Za-z]*(\s[A-Za-z]+|[A-Za-z]+\s)[^A-Za-z]*$")

# Literals that look like words but are not text: CSS selectors, key names, the code's own marks.
NOT_TEXT = {
    "use strict",
    ".md-content h1",
    ".md-content a[href$='.html']",
    ".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]",
    "[data-catchup-js-only], .catchup-tools",
    ".catchup-checklist__steps input[type=checkbox]",
    "label.md-header__button[for=\"__drawer\"]",
    "md-button md-button--primary",
    "<!doctype html>\\n",
    "Escape",
    "Enter",
}


def scripts() -> list[Path]:
    found = sorted(SCRIPTS.glob("*.js"))
    assert found, f"no scripts in {SCRIPTS}"
    return found


def pieces(code: str) -> list[tuple[str, int, int, str]]:
    """A script's comments, string literals and regular expressions: (kind, start, end, text), the
    text of a string being what is between its quotes or backticks (a ``${...}`` made a space)."""
    found: list[tuple[str, int, int, str]] = []
    i, last = 0, ""  # last: the last significant character, which tells a regex from a division
    while i < len(code):
        char, start = code[i], i
        if code.startswith("//", i):
            i = code.find("\n", i) if "\n" in code[i:] else len(code)
            found.append(("comment", start, i, code[start:i]))
        elif code.startswith("/*", i):
            i = code.index("*/", i + 2) + 2
            found.append(("comment", start, i, code[start:i]))
        elif char in "\"'`":
            text, i = _quoted(code, i)
            found.append(("string", start, i, text))
            last = char
        elif char == "/" and (last == "" or last in "(,=:[!&|?{};+-*%<>~^" or _after_keyword(code, i)):
            i = _regex_end(code, i)
            found.append(("regex", start, i, code[start:i]))
            last = "/"
        else:
            if not char.isspace():
                last = char
            i += 1
    return found


def string_literals(code: str) -> list[tuple[int, str]]:
    """Each string literal of a script, with its line."""
    return [(code.count("\n", 0, start) + 1, text) for kind, start, _, text in pieces(code) if kind == "string"]


def without_comments(code: str) -> str:
    for kind, start, end, _ in reversed(pieces(code)):
        if kind == "comment":
            code = code[:start] + " " * (end - start) + code[end:]
    return code


def asked_keys(code: str) -> tuple[set[str], list[str]]:
    """The keys a script asks ``word`` and ``wordNodes`` for (the string literals of each call's
    first argument: ``word(n === 1 ? "a-one" : "a-other", ...)`` asks for both), and the calls
    whose first argument holds none."""
    code = without_comments(code)
    keys: set[str] = set()
    unreadable = []
    for call in WORD_CALL.finditer(code):
        first = _first_argument(code, call.end())
        found = re.findall(r"\"([^\"]*)\"", first)
        keys.update(found)
        if not found:
            unreadable.append(code[call.start():call.end()] + first)
    return keys, unreadable


def _first_argument(code: str, start: int) -> str:
    depth, i = 0, start
    while depth > 0 or code[i] not in ",)":
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(code[i], 0)
        i += 1
    return code[start:i]


def _quoted(code: str, start: int) -> tuple[str, int]:
    quote, i, text = code[start], start + 1, []
    while code[i] != quote:
        if code[i] == "\\":
            text.append(code[i:i + 2])
            i += 2
        elif quote == "`" and code.startswith("${", i):
            i = code.index("}", i) + 1
            text.append(" ")
        else:
            text.append(code[i])
            i += 1
    return "".join(text), i + 1


def _regex_end(code: str, start: int) -> int:
    i, in_class = start + 1, False
    while True:
        char = code[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            return i + 1
        i += 1


def _after_keyword(code: str, slash: int) -> bool:
    return re.search(r"\b(return|typeof|case|in|of)\s*$", code[:slash]) is not None


def reads_as_words(text: str) -> bool:
    if text in NOT_TEXT:
        return False
    return bool(TWO_WORDS.search(text) or ONE_TITLE_WORD.match(text) or GLUE_WORD.match(text))


def english_literals(code: str) -> list[tuple[int, str]]:
    return [(line, text) for line, text in string_literals(code) if reads_as_words(text)]


def test_every_word_a_script_asks_for_is_in_the_catalog_and_every_one_is_used() -> None:
    asked: dict[str, set[str]] = {}
    unreadable = {}
    for script in scripts():
        asked[script.name], calls = asked_keys(script.read_text(encoding="utf-8"))
        if calls:
            unreadable[script.name] = calls
    assert not unreadable, f"calls whose key is not written out as a string literal: {unreadable}"
    missing = {name: sorted(keys - SCRIPT_WORDS.keys()) for name, keys in asked.items() if keys - SCRIPT_WORDS.keys()}
    assert not missing, f"keys the scripts ask for that generator/render/script_words.py lacks: {missing}"
    unused = sorted(SCRIPT_WORDS.keys() - set().union(*asked.values()))
    assert not unused, f"SCRIPT_WORDS that no script asks for: {unused}"


@pytest.mark.parametrize("script", scripts(), ids=lambda path: path.name)
def test_no_script_holds_a_word_a_participant_reads(script: Path) -> None:
    found = english_literals(script.read_text(encoding="utf-8"))
    assert not found, (f"{script.name}: English text in the script (line, literal) {found}; put it in SCRIPT_WORDS "
                       "(generator/render/script_words.py) and show it with CatchUp.word(key, values)")


def test_the_scan_finds_the_words_scripts_used_to_hold() -> None:
    """The scan would have caught the finder, checklist and menu as they were before their words
    moved to the page (the code of commit 4189f29)."""
    old_finder = '''
      var listLink = element("a", { href: program.href + "#sessions" }, ["the list of sessions"]);
      return [element("p", {}, ["On " + dateText(found.day) + ", the " + group + (past ? " had " : " has "),
      /* "a comment's words" are not text */ var ok = /^\\d{4} (a regex's words)$/.test(text) ? 1 / 2 : 0;'''
    assert [text for _, text in english_literals(old_finder)] == [
        "the list of sessions", "On ", ", the ", " had ", " has "]
    assert [text for _, text in english_literals('badge.textContent = complete ? "Caught up" : "";')] == ["Caught up"]
    assert [text for _, text in english_literals('button.setAttribute("aria-label", "Menu");')] == ["Menu"]
    assert english_literals('x.querySelector(".md-content h1"); `${a} ${b}`; "catchup:" + name;') == []

    assert [text for _, text in english_literals("say(`Your entry of ${day} was added.`);")] == [
        "Your entry of   was added."]


def test_the_keys_a_script_asks_for_are_read_from_each_call() -> None:
    code = '''word("a"); wordNodes(n === 1 ? "b-one" : "b-other", { count: n }); // word("in-a-comment")
      function word(key, values) { return message(key); } word(key);'''
    assert asked_keys(code) == ({"a", "b-one", "b-other"}, ["word(key"])


def test_the_catalogs_hold_every_message_translated_and_up_to_date() -> None:
    """Every word Catch-Up writes is in generator/locale/catchup.pot, and each language's catalog
    translates all of them (none fuzzy). After changing a message:
    python3 -m generator.render.catalogs update, then translate what it lists."""
    from generator.render.catalogs import extract, problems

    assert len(extract()) > 300  # the templates, the theme's words, the scripts' and the calendar's
    assert problems() == []


def test_a_message_left_untranslated_is_caught(tmp_path, monkeypatch) -> None:
    """The check that keeps the catalogs honest fails on a message with no translation."""
    import shutil

    import generator.defaults as defaults
    from generator.render import catalogs

    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE_DIR, locale)
    po = locale / "es/LC_MESSAGES/catchup.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Print this catch-up packet"')
    end = text.index("\n\n", start)
    po.write_text(text[:start] + 'msgid "Print this catch-up packet"\nmsgstr ""' + text[end:], encoding="utf-8")
    monkeypatch.setattr(catalogs, "LOCALE_DIR", locale)
    monkeypatch.setattr(defaults, "LOCALE_DIR", locale)
    found = catalogs.problems()
    assert any("'Print this catch-up packet' has no translation" in line for line in found), found


def test_constant_messages_are_translated_when_a_template_is_compiled() -> None:
    """`_("words")` becomes the translated words in the compiled template (rendering calls
    nothing for them); a message with values is still translated and filled in when rendered."""
    from generator import defaults
    from generator.render.pages import environment

    env = environment(defaults.templates(), "es")
    template = '{{ _("Reflect") }}|{{ _("Session %(number)s", number=3) }}|{{ x._("Reflect") if x else "" }}'
    assert env.from_string(template).render(x=None) == "Reflexiona|Sesión 3|"
    compiled = env.compile('{{ _("Reflect") }}', raw=True)
    assert "Reflexiona" in compiled and "gettext" not in compiled and "'_'" not in compiled
    assert environment(defaults.templates()).from_string('{{ _("Reflect") }}').render() == "Reflect"

"""Shortcuts taken for speed give what the long way gives.

A cold check of a large curriculum must stay quick (docs/performance.md), so some work is
skipped or done in bulk: a file with no ``](`` is not searched for links, the reading
level is measured on a file's text joined, and located values are pickled as plain numbers.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from generator.checks.readability import SENTENCE_END, WORD, Glossary, _without_links, measure
from generator.load.attachments import attach, may_link
from generator.load.yamlsource import Pos, YList, YMap, parse


def one_by_one(texts: list[str], glossary: Glossary) -> tuple[float, int, int]:
    """The reading grade worked out text by text, as it was before texts were joined."""
    words_total = syllables_total = sentences_total = 0
    for text in map(_without_links, texts):
        words = WORD.findall(text)
        if words:
            sentences_total += sum(1 for part in SENTENCE_END.split(text) if WORD.search(part))
            words_total += len(words)
            syllables_total += sum(glossary.syllables(word) for word in words)
    if not words_total:
        return 0.0, 0, 0
    grade = 0.39 * words_total / sentences_total + 11.8 * syllables_total / words_total - 15.59
    return round(grade, 1), words_total, sentences_total


@pytest.mark.parametrize("texts", [
    ["One short line", "Another one."],
    ["Ends with marks?!", "\"Quoted.\"", "(In brackets.)", "wait...", ".5 of a dose"],
    ["", "   ", "...", "A [link](https://example.org/a.b) here.", "mail me@example.org now"],
    ["No stop at the end", "Next item. And a second sentence", "’Tis odd’s quotes’"],
])
def test_joined_texts_read_at_the_same_grade_as_one_by_one(texts: list[str]) -> None:
    glossary = Glossary(["DEAR MAN"])
    reading = measure(texts, glossary, hardest=False)
    assert (reading.grade, reading.words, reading.sentences) == one_by_one(texts, glossary)


def test_a_long_run_of_full_stops_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    measure(["." * 20_000 + "x", "!?" * 10_000 + "x word"], Glossary([]))
    assert time.perf_counter() - started < 1  # a few milliseconds; quadratic took 7 s


def test_a_link_made_by_an_escape_is_still_found(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "p").mkdir(parents=True)
    (content / "p" / "box.png").write_bytes(b"\x89PNG")
    text = 'summary: "![Box\\x5D(box.png)"\n'  # \x5D is ]
    data = parse(text)
    assert data["summary"] == "![Box](box.png)" and "](" not in text and may_link(text)
    found = attach(data, content / "p" / "s.yml", content, lambda *args: None, text)
    assert list(found) == ["files/p/box.png"]


def test_a_file_without_links_is_not_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.load import attachments

    walked: list[object] = []
    monkeypatch.setattr(attachments, "_walk", lambda data, fix: walked.append(data))
    text = "summary: plain text\nsteps: [one, two]\n"
    assert not may_link(text)
    assert attach(parse(text), tmp_path / "s.yml", tmp_path, lambda *args: None, text) == {}
    assert walked == [], "a file that cannot hold a link was walked value by value"
    linked = "summary: see [a](b.png)\n"
    attach(parse(linked), tmp_path / "s.yml", tmp_path, lambda *args: None, linked)
    assert len(walked) == 1, "a file that may hold a link is walked"


def test_located_values_keep_their_positions_and_aliases_through_pickle() -> None:
    data = parse("a: &shared\n  k: [1, two]\nb: *shared\nc: []\nd: {}\n")
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        copy = pickle.loads(pickle.dumps(data, protocol=protocol))
        assert copy == data and type(copy) is YMap and copy["b"] is copy["a"]
        assert (copy.pos, copy.key_pos, copy.value_pos) == (data.pos, data.key_pos, data.value_pos)
        assert type(copy["a"]["k"]) is YList and copy["a"]["k"].item_pos == [Pos(2, 7), Pos(2, 10)]
        assert type(copy.value_pos["a"]) is Pos and copy.value_pos["a"].col == 4  # at the anchor

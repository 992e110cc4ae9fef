"""Reading YAML: positions, the YAML 1.1 surprises we undo, and input that must fail cleanly."""

from __future__ import annotations

import time

import pytest

from generator.load.yamlsource import Pos, YamlError, parse


def test_positions_of_keys_values_and_items_count_from_one() -> None:
    data = parse("title: Hello\nsteps:\n  - one\n  - two\n")
    assert data.pos == Pos(1, 1)
    assert data.key_pos["steps"] == Pos(2, 1)
    assert data.value_pos["title"] == Pos(1, 8)
    assert data["steps"].item_pos == [Pos(3, 5), Pos(4, 5)]


def test_times_and_dates_stay_as_written() -> None:
    data = parse("start: 18:00\nday: 2027-01-04\nratio: 1:30.5\nn: 7\n")
    assert data == {"start": "18:00", "day": "2027-01-04", "ratio": "1:30.5", "n": 7}


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    with pytest.raises(YamlError) as caught:
        parse("a: 1\nb: 2\na: 3\n")
    assert caught.value.rule.id == "yaml-duplicate-key"
    assert caught.value.pos == Pos(3, 1)
    assert "line 1" in caught.value.message


def test_syntax_error_has_its_position() -> None:
    with pytest.raises(YamlError) as caught:
        parse("a: 1\n  b: 2\n")
    assert caught.value.rule.id == "yaml-syntax"
    assert caught.value.pos.line == 2


def test_two_documents_in_one_file_are_refused() -> None:
    with pytest.raises(YamlError) as caught:
        parse("a: 1\n---\nb: 2\n")
    assert "one document" in caught.value.hint


def test_billion_laughs_fails_fast_with_a_clear_message() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    started = time.perf_counter()
    with pytest.raises(YamlError) as caught:
        parse("\n".join(lines) + "\n")
    assert caught.value.rule.id == "yaml-too-large"
    assert time.perf_counter() - started < 5  # generous: the point is it does not hang


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(YamlError):
        parse("a: !!python/object/apply:os.system ['echo hi']\n")


def test_empty_text_is_none() -> None:
    assert parse("# only a comment\n") is None


def test_folded_paragraphs_keep_their_breaks_and_literal_blocks_their_lines() -> None:
    data = parse("a: >\n  one\n  two\n\n  three\nb: |\n  one\n  two\n")
    assert data["a"] == "one two\n\nthree\n"
    assert data["b"] == "one\ntwo\n"


def test_an_unclosed_bracket_is_located_where_it_opens_and_where_it_was_noticed() -> None:
    lines = [f"key{n}: value {n}" for n in range(1, 33)] + ["tags: [one, two", "more: 3", "last: 4"]
    with pytest.raises(YamlError) as caught:
        parse("\n".join(lines) + "\n")
    assert caught.value.rule.id == "yaml-syntax"
    assert caught.value.pos == Pos(33, 7), "the [ on line 33, not where the parser gave up"
    assert "noticed on line 34" in caught.value.message and "[" in caught.value.message


def test_an_unclosed_quote_is_located_where_it_opens() -> None:
    with pytest.raises(YamlError) as caught:
        parse('title: ok\nsummary: "We talked\nabout sleep\nkey: 3\n')
    assert caught.value.pos == Pos(2, 10) and "quotes" in caught.value.message


@pytest.mark.parametrize("text", ['a: "x\\0y"\n', 'a: "bell \\x07"\n', 'a: "\\e[31m red"\n', 'a: "\\r"\n',
                                  'a: "\\u0001"\n', 'b: 1\n"k\\x01": 2\n', 'a: !!str "\\x1f"\n', 'a: "\\x7f"\n'])
def test_control_characters_made_by_escapes_are_refused_with_their_line(text: str) -> None:
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.rule.id == "yaml-control-character"
    assert caught.value.pos.line == text.count("\n", 0, text.index("\\")) + 1


def test_tabs_and_line_breaks_made_by_escapes_are_text() -> None:
    assert parse('a: "one\\ttwo\\nthree"\n') == {"a": "one\ttwo\nthree"}


def test_a_quote_left_open_in_a_list_is_located_where_it_opens() -> None:
    text = 'id: x\nsteps:\n  - first step\n  - "second step\n  - third step\n  - "fourth" step\nkey: 1\n'
    with pytest.raises(YamlError) as caught:
        parse(text)
    assert caught.value.pos == Pos(4, 5), "the quote on line 4, not where the parser gave up (line 6)"
    assert "noticed on line 6" in caught.value.message

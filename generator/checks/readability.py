"""How hard a text is to read: the Flesch-Kincaid grade level for English, the Fernandez-Huerta
reading ease for Spanish, on prose only.

Grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59; grade 8 is about what
a US 8th-grader reads with ease. Each list item, step or question counts as a sentence of its
own even without a full stop. Web addresses and the targets of Markdown links are left out,
and terms from the glossary (``mindfulness``, ``DEAR MAN``) count as one short word, because
the program teaches them. Syllables are counted by a rule of thumb (groups of vowels, less a
silent final e), which is what readability formulas were designed with.

Spanish: ease = 206.84 - 60 x (syllables per word) - 1.02 x (words per sentence), Fernandez
Huerta's adaptation of Flesch's reading ease (as corrected by Gwillim Law, 2011: the last term is
the sentence length). 100 is easiest; 60 to 70 reads like US grade 7 or 8, 70 to 80 like grade 6.
Spanish syllables: a word is cut where pyphen's Spanish hyphenation dictionary (offline, from
LibreOffice) may cut it, which knows prefixes (anti-inflamatorio); hyphenation never leaves one
vowel alone (a-yu-da is hyphenated ayu-da), so each piece then counts its vowel sounds: two of
a, e, o (or í, ú written with an accent) side by side are two syllables (le-er, dí-a), any other
pair one (pien-sa, ciu-dad), and y is a vowel at the end of a word (hoy, muy).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SPANISH_WORD = re.compile(r"[^\W\d_]+")  # letters, accented ones too
STRONG_VOWELS = frozenset("aeoáéóíú")  # side by side, two of these are two syllables
SPANISH_VOWELS = STRONG_VOWELS | frozenset("iuüy")
# The first mark of a run of . ! ? (one not after another mark), then the rest of the run. The look-
# behind comes after the first mark, so the engine can skip straight to the marks, and it keeps a
# long run of marks from being tried again from each of its marks (quadratic time).
SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*[\"'”’)]*(?=\s|$)")
LINK_TARGET = re.compile(r"\]\([^)]{0,2000}\)|<?https?://\S+>?|(?<![\w.+-])[\w.+-]{1,64}@[\w.-]{1,255}")
VOWELS = re.compile(r"[aeiouy]+")
VOICED_ENDINGS = ("ted", "ded", "ses", "zes", "ces", "ges", "shes", "ches", "xes")  # -ed, -es said as a syllable
# Between two texts measured together: a sentence end with no word, which no text's own sentence
# end can run into (each is followed by a space or the end, and a line break is a space).
SEPARATOR = "\n.\n"


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    word = word.lower().replace("’", "'").split("'")[0]
    if len(word) <= 3:
        return 1
    count = len(VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent e: "make", "hope"
    elif word.endswith(("ed", "es")) and not word.endswith(VOICED_ENDINGS) and count > 1:
        count -= 1  # "helped", "hopes"
    return max(count, 1)


@lru_cache(maxsize=1)
def _spanish_hyphenation() -> Any:
    import pyphen  # only when there is Spanish text to measure

    return pyphen.Pyphen(lang="es", left=1, right=1)


@lru_cache(maxsize=65536)
def spanish_syllables(word: str) -> int:
    word = word.lower()
    cuts = [0, *_spanish_hyphenation().positions(word), len(word)]
    return sum(max(_vowel_sounds(word[start:end]), 1) for start, end in zip(cuts, cuts[1:]))


def _vowel_sounds(piece: str) -> int:
    count, last = 0, ""
    for index, letter in enumerate(piece):
        following = piece[index + 1:index + 2]
        if letter not in SPANISH_VOWELS or (letter == "y" and following and following in SPANISH_VOWELS):
            last = ""  # a consonant (y before a vowel is one: a-yu-da)
            continue
        if not last or (last in STRONG_VOWELS and letter in STRONG_VOWELS):
            count += 1
        last = letter
    return count


@dataclass(frozen=True)
class Reading:
    grade: float
    words: int
    sentences: int
    hardest: str  # the sentence that pulls the grade up most, to show the author


class Glossary:
    """Terms the program teaches: each of their words counts as an easy word of one syllable."""

    WORD = WORD  # what a word is, in this language
    count = staticmethod(syllables)  # a word's syllables, in this language

    def __init__(self, terms: Iterable[str]) -> None:
        self.words = frozenset(word.lower() for term in terms for word in self.WORD.findall(term))
        self.counted: dict[str, int] = {}  # word as written -> syllables, glossary applied

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, terms: tuple[str, ...]) -> Glossary:
        """The glossary of these terms, made once: the words it has counted stay counted."""
        return cls(terms)

    def syllables(self, word: str) -> int:
        count = self.counted.get(word)
        if count is None:
            count = self.counted[word] = 1 if word.lower() in self.words else self.count(word)
        return count


class SpanishGlossary(Glossary):
    """The glossary of Spanish text: Spanish words and syllables."""

    WORD = SPANISH_WORD
    count = staticmethod(spanish_syllables)


def sentences(texts: Iterable[str], word: re.Pattern[str] = WORD) -> Iterator[tuple[str, list[str]]]:
    """Each sentence with its words; link targets and addresses left out."""
    for text in texts:
        for part in SENTENCE_END.split(_without_links(text)):
            words = word.findall(part)
            if words:
                yield part, words


def _without_links(text: str) -> str:
    return LINK_TARGET.sub(" ", text) if "](" in text or "://" in text or "@" in text else text


def measure(texts: Iterable[str], glossary: Glossary, *, hardest: bool = True) -> Reading:
    """The grade of all ``texts`` read as one piece (and, with ``hardest``, its hardest sentence).
    The texts are measured joined by ``SEPARATOR``, three regular expressions for a whole file
    instead of three for each of its values; the counts are the same as text by text."""
    texts = list(texts)
    words, count, total_syllables = _counts(texts, glossary)
    if not words:
        return Reading(0.0, 0, 0, "")
    grade = 0.39 * words / count + 11.8 * total_syllables / words - 15.59
    return Reading(round(grade, 1), words, count, hardest_sentence(texts, glossary) if hardest else "")


def ease(texts: Iterable[str], glossary: Glossary, *, hardest: bool = True) -> Reading:
    """The Fernandez-Huerta reading ease of Spanish ``texts`` read as one piece (in ``grade``: 0
    to 100, higher is easier), with a ``SpanishGlossary``."""
    texts = list(texts)
    words, count, total_syllables = _counts(texts, glossary)
    if not words:
        return Reading(100.0, 0, 0, "")
    score = 206.84 - 60 * total_syllables / words - 1.02 * words / count
    return Reading(round(score, 1), words, count, hardest_sentence(texts, glossary) if hardest else "")


def _counts(texts: list[str], glossary: Glossary) -> tuple[int, int, int]:
    """Words, sentences and syllables of the texts."""
    joined = SEPARATOR.join(map(_without_links, texts))
    words = glossary.WORD.findall(joined)
    if not words:
        return 0, 0, 0
    # sentences: the full stops (and ! and ?) followed by words, plus the last one
    count = len(list(filter(glossary.WORD.search, SENTENCE_END.split(joined))))
    try:
        total_syllables = sum(map(glossary.counted.__getitem__, words))
    except KeyError:  # words not counted yet: count them, once
        for word in set(words).difference(glossary.counted):
            glossary.syllables(word)
        total_syllables = sum(map(glossary.counted.__getitem__, words))
    return len(words), count, total_syllables


def hardest_sentence(texts: Iterable[str], glossary: Glossary) -> str:
    """The sentence that adds most to the grade: long, and with long words (a three-word sentence
    of long words is rarely what makes a text hard)."""
    hardest, hardest_score = "", -1.0
    for sentence, words in sentences(texts, glossary.WORD):
        syll = sum(glossary.syllables(word) for word in words)
        score = (0.39 * len(words) + 11.8 * syll / len(words)) * min(len(words), 12)
        if score > hardest_score:
            hardest, hardest_score = sentence, score
    return " ".join(hardest.split())

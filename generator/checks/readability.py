"""How hard a text is to read: the Flesch-Kincaid grade level, on prose only.

Grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59; grade 8 is about what
a US 8th-grader reads with ease. Each list item, step or question counts as a sentence of its
own even without a full stop. Web addresses and the targets of Markdown links are left out,
and terms from the glossary (``mindfulness``, ``DEAR MAN``) count as one short word, because
the program teaches them. Syllables are counted by a rule of thumb (groups of vowels, less a
silent final e), which is what readability formulas were designed with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
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


@dataclass(frozen=True)
class Reading:
    grade: float
    words: int
    sentences: int
    hardest: str  # the sentence that pulls the grade up most, to show the author


class Glossary:
    """Terms the program teaches: each of their words counts as an easy word of one syllable."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.words = frozenset(word.lower() for term in terms for word in WORD.findall(term))
        self.counted: dict[str, int] = {}  # word as written -> syllables, glossary applied

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, terms: tuple[str, ...]) -> Glossary:
        """The glossary of these terms, made once: the words it has counted stay counted."""
        return cls(terms)

    def syllables(self, word: str) -> int:
        count = self.counted.get(word)
        if count is None:
            count = self.counted[word] = 1 if word.lower() in self.words else syllables(word)
        return count


def sentences(texts: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """Each sentence with its words; link targets and addresses left out."""
    for text in texts:
        for part in SENTENCE_END.split(_without_links(text)):
            words = WORD.findall(part)
            if words:
                yield part, words


def _without_links(text: str) -> str:
    return LINK_TARGET.sub(" ", text) if "](" in text or "://" in text or "@" in text else text


def measure(texts: Iterable[str], glossary: Glossary, *, hardest: bool = True) -> Reading:
    """The grade of all ``texts`` read as one piece (and, with ``hardest``, its hardest sentence).
    The texts are measured joined by ``SEPARATOR``, three regular expressions for a whole file
    instead of three for each of its values; the counts are the same as text by text."""
    texts = list(texts)
    joined = SEPARATOR.join(map(_without_links, texts))
    words = WORD.findall(joined)
    if not words:
        return Reading(0.0, 0, 0, "")
    # sentences: the full stops (and ! and ?) followed by words, plus the last one
    count = len(list(filter(WORD.search, SENTENCE_END.split(joined))))
    try:
        total_syllables = sum(map(glossary.counted.__getitem__, words))
    except KeyError:  # words not counted yet: count them, once
        for word in set(words).difference(glossary.counted):
            glossary.syllables(word)
        total_syllables = sum(map(glossary.counted.__getitem__, words))
    grade = 0.39 * len(words) / count + 11.8 * total_syllables / len(words) - 15.59
    return Reading(round(grade, 1), len(words), count, hardest_sentence(texts, glossary) if hardest else "")


def hardest_sentence(texts: Iterable[str], glossary: Glossary) -> str:
    """The sentence that adds most to the grade: long, and with long words (a three-word sentence
    of long words is rarely what makes a text hard)."""
    hardest, hardest_score = "", -1.0
    for sentence, words in sentences(texts):
        syll = sum(glossary.syllables(word) for word in words)
        score = (0.39 * len(words) + 11.8 * syll / len(words)) * min(len(words), 12)
        if score > hardest_score:
            hardest, hardest_score = sentence, score
    return " ".join(hardest.split())

"""The sentence around a figure (sentences written for these tests)."""

from __future__ import annotations

import pytest

from factcheck.sentences import Sentences

# text, a word in it, the sentence that holds the word
AROUND = [
    ("Mac sales rose on new models. iPad sales fell 25%.", "25%", "iPad sales fell 25%."),
    (
        "Mac sales rose on new models. iPad sales fell 25%.",
        "models",
        "Mac sales rose on new models.",
    ),
    ("Sales rose 5%. eBay shares fell 3%.", "3%", "eBay shares fell 3%."),
    # not an end: an abbreviation, an initial, a small word after a stop
    (
        "Gadgets, e.g. iPad models, sold 5 million.",
        "5 million",
        "Gadgets, e.g. iPad models, sold 5 million.",
    ),
    ("Dr. Li said sales rose 4%.", "4%", "Dr. Li said sales rose 4%."),
    ("It costs 3.5 bn. more than planned.", "more", "It costs 3.5 bn. more than planned."),
]


@pytest.mark.parametrize(("text", "word", "sentence"), AROUND)
def test_the_sentence_around_a_word(text: str, word: str, sentence: str) -> None:
    s = Sentences(text)
    start = text.index(word)
    assert s.text_of(s.around(start, start + len(word))) == sentence

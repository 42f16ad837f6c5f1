"""Person names run together with a headline's words ("Ben Carson Defends Record").

Headlines and title-case lines capitalise verbs and nouns, so the parser often reads the
words after a name as part of it: the PERSON entity "Ben Carson Defends", then an actor of
that name whose quotes and events nobody can credit. A name found only in such a line is cut
back to the longest part of it that the article's body text also names as a person ("Ben
Carson" or a surname used alone): evidence from the same article, no word list of verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsledger.nlp.actors.names import norm

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_WORDS = 3
LONG_WORD = 4  # words of at least this many letters; short function words stay lower case in titles
CAPS_SHARE = 0.8


def is_title_case(line: str) -> bool:
    """Whether a line is set in title case: nearly every longer word capitalised."""
    words = _WORD.findall(line)
    if len(words) < MIN_WORDS:
        return False
    long_words = [w for w in words if len(w) >= LONG_WORD]
    if not long_words:
        return False
    return sum(w[0].isupper() for w in long_words) >= CAPS_SHARE * len(long_words)


class HeadlineNames:
    """Per document: which lines are in title case, and the person names of the other lines."""

    def __init__(self, text: str, person_spans: Iterable[Any]) -> None:
        self.text = text
        self._line_cache: dict[int, bool] = {}
        self.body_names: set[str] = set()
        for span in person_spans:
            if self.in_title_line(span.start_char):
                continue
            words = norm(span.text).split()
            if words:
                self.body_names.add(" ".join(words))
                self.body_names.add(words[-1])

    def in_title_line(self, char: int) -> bool:
        """Whether the character at ``char`` sits on a title-case line."""
        start = self.text.rfind("\n", 0, char) + 1
        if start not in self._line_cache:
            end = self.text.find("\n", char)
            self._line_cache[start] = is_title_case(self.text[start : end if end >= 0 else len(self.text)])
        return self._line_cache[start]

    def trim(self, doc: Any, start: int, end: int) -> tuple[int, int]:
        """The token range of a person name, cut back to a form the body names when the name
        sits on a title-case line and the body never names it whole; else unchanged."""
        if end - start < 2 or not self.body_names or not self.in_title_line(doc[start].idx):
            return start, end
        if norm(doc[start:end].text) in self.body_names:
            return start, end
        for k in range(end - 1, start, -1):  # "Ben Carson Defends" -> "Ben Carson"
            if norm(doc[start:k].text) in self.body_names:
                return start, k
        for k in range(start + 1, end):  # "Follow Jane Roe" -> "Jane Roe"
            if norm(doc[k:end].text) in self.body_names:
                return k, end
        return start, end

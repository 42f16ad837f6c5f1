"""Colon cues: a name and a colon opening a line ("SANDERS: ..."), and a speech verb
ending a paragraph with a colon ("Limbaugh added:") before the paragraph it introduces."""

from __future__ import annotations

import re
from typing import Any

from newsledger.nlp.quotes.document import Attr, DocBase

_COLON_LINE = re.compile(r"(?m)^[\"\u201c]?[^\n:.!?\"\u201c\u201d]{1,60}:(?=[ \t]+\S)")


def _line_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern anchored at a line start that
    never runs past its line: tried at the line starts only (a search tries every position)."""
    out = []
    start = 0
    while start >= 0:
        hit = pattern.match(text, start)
        if hit is not None:
            out.append(hit)
        start = text.find("\n", start)
        if start >= 0:
            start += 1
    return out


class ColonCues(DocBase):
    """Attributions introduced by a colon."""

    def _name_colon_lines(self) -> list[Attr]:
        """'SANDERS: ...' / 'Pence: ...' opening a line (transcripts, headlines): the
        rest of the line is what the named speaker said."""
        out: list[Attr] = []
        for hit in _line_matches(_COLON_LINE, self.text):
            colon = hit.end() - 1
            t_colon = self.tok_at(colon)
            lo = self.tok_at(hit.start())
            prefix = [t for t in self.doc[lo:t_colon] if not (t.is_punct or t.is_space)]
            # a name: a proper noun, or a capitalised word the actors stage knows ("Trump"
            # opening a headline is often tagged as a common noun)
            known = [t for t in prefix if t.is_title and self.res.da.actor_for_token(t.i)]
            if not prefix or len(prefix) > 6 or not (known or any(t.pos_ == "PROPN" for t in prefix)):
                continue
            if any(t.pos_ in ("VERB", "AUX", "PRON") for t in prefix):
                continue
            if not any(t.ent_type_ in ("PERSON", "ORG") or self.res.da.actor_for_token(t.i) for t in prefix):
                continue  # "Delegate Update: ...", "Editor's Note: ...": a rubric, not a speaker
            s = colon + 1
            while s < len(self.text) and self.text[s] in " \t":
                s += 1
            e = self.text.find("\n", s)
            e = len(self.text) if e < 0 else e
            if e - s < 10:
                continue
            # the name before any preposition ("Clinton to Planned Parenthood:")
            head = prefix[: next((n for n, t in enumerate(prefix) if t.pos_ == "ADP"), len(prefix))]
            names = [t for t in head if t.pos_ == "PROPN"] or [t for t in prefix if t.pos_ == "PROPN"] or known
            speaker = names[-1]
            s, e, touched = self.widen_to_marks(s, e)
            out.append(Attr(frags=[(s, e)], cue=self.doc[t_colon], speaker=speaker, marks=touched, how="name-colon"))
        return out

    def _colon_paragraph(self, cue: Any) -> Attr | None:
        """'Limbaugh added:' ending a paragraph: the next paragraph, unquoted, is the content."""
        colon = self.doc[cue.i + 1]
        rest = self.text[colon.idx + 1:]
        stripped = rest.lstrip()
        if not rest[: len(rest) - len(stripped)].count("\n") or not stripped or stripped[0] in "\"\u201c":
            return None
        s = colon.idx + 1 + (len(rest) - len(stripped))
        e = self.text.find("\n", s)
        e = len(self.text) if e < 0 else e
        return Attr(frags=[(s, e)], cue=cue, speaker=self.subject_of(cue), marks=set())

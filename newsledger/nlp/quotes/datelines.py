"""Datelines read as a speaker: "LONDON (Reuters) - Donald Trump said ..." where the parser makes
the place of the dateline the subject of the cue. The one who speaks is the first actor after the
dateline's dash, before the cue."""

from __future__ import annotations

from typing import Any

_DASHES = frozenset({"—", "–", "-", "--", "―"})


def dateline_speaker(doc: Any, text: str, doc_actors: Any, tok: Any) -> str | None:
    """The actor named after the dateline that speaker token ``tok`` opens, else None.

    ``tok`` is a dateline when it is written in capitals, only capitals stand before it on its
    line ("SAN FRANCISCO"), and a dash follows within a few tokens ("WASHINGTON (AP) —",
    "BRUSSELS, March 3 -"); the actor is looked for between the dash and the first verb."""
    if len(tok.text) < 3 or not tok.text.isupper():
        return None
    line = text.rfind("\n", 0, tok.idx) + 1
    before = text[line: tok.idx]
    if before.upper() != before:
        return None
    end = min(tok.i + 16, tok.sent.end)
    dash = next((t for t in doc[tok.i + 1: min(tok.i + 10, end)] if t.text in _DASHES), None)
    if dash is None or "\n" in text[tok.idx: dash.idx]:
        return None
    for t in doc[dash.i + 1: end]:
        if t.pos_ in ("VERB", "AUX"):
            break  # the cue: no actor named between the dash and it
        aid = doc_actors.actor_for_token(t.i)
        if aid is not None:
            return str(aid)
    return None

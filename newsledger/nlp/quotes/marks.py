"""Quote-mark spans: where text stands between quotation marks.

Paragraph-aware (a paragraph is a line of text): a quote opened and not closed
in a paragraph runs to the paragraph's end, and when the next paragraph reopens
with an opening mark the two pieces form one multi-paragraph quote (the news
convention). Straight ``"`` marks (and a doubled apostrophe ``''``, the straight
double mark of some archive feeds) are read as opening or closing from their
neighbours; curly ``“ ”`` (and the low/guillemet variants of the data file) by
their shape. Single quotes inside double quotes are nested quotes and ignored;
a stray closing mark with no opener is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsledger.datafiles import data_path, load_data


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """One quotation: ``start``/``end`` bound the quoted content (marks excluded)."""

    start: int
    end: int
    open_mark: int  # char index of the opening mark
    close_mark: int | None  # char index of the closing mark, None when unclosed
    pieces: tuple[tuple[int, int], ...]  # per-paragraph content pieces
    close_len: int = 1  # characters of the closing mark ("''" has two)

    @property
    def after(self) -> int:
        """Char index right after the closing mark (the content's end when unclosed)."""
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


@lru_cache(maxsize=1)
def _marks() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data(data_path("quotes", "marks.en.yaml"), required=("opening", "closing", "ambiguous"))
    return frozenset(data["opening"]), frozenset(data["closing"]), frozenset(data["ambiguous"])


@lru_cache(maxsize=1)
def _mark_re() -> re.Pattern[str]:
    opening, closing, ambiguous = _marks()
    # longest marks first: a doubled apostrophe "''" (a straight double mark typed as two
    # single ones) is one mark, a lone apostrophe is none
    marks = sorted(opening | closing | ambiguous, key=lambda m: (-len(m), m))
    return re.compile("|".join(re.escape(m) for m in marks))


@lru_cache(maxsize=1)
def _mark_list() -> tuple[str, ...]:
    """The marks, longest first (the order of ``_mark_re``'s alternatives)."""
    opening, closing, ambiguous = _marks()
    return tuple(sorted(opening | closing | ambiguous, key=lambda m: (-len(m), m)))


def _mark_hits(text: str) -> list[tuple[int, str]]:
    """(offset, mark) for each match of ``_mark_re`` in ``text``, in order: the marks are
    found with ``str.find`` (a regex search tries every position), then read left to
    right, the longest mark at an offset first, each match resuming after the last."""
    found: list[tuple[int, int, str]] = []
    for mark in _mark_list():
        i = text.find(mark)
        while i >= 0:
            found.append((i, -len(mark), mark))
            i = text.find(mark, i + 1)
    found.sort()
    out: list[tuple[int, str]] = []
    end = 0
    for i, _, mark in found:
        if i >= end:
            out.append((i, mark))
            end = i + len(mark)
    return out


def _is_opening_straight(text: str, i: int, size: int = 1) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    if i == 0:
        return True
    prev = text[i - 1]
    nxt = text[i + size] if i + size < len(text) else " "
    if prev.isspace() or prev in "([{—–-:/":
        return not nxt.isspace()
    return False


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quotation in ``text``, in order; multi-paragraph quotes merged."""
    opening, closing, ambiguous = _marks()
    hits = _mark_hits(text)
    h = 0  # the next hit
    raw: list[tuple[int, int, int, int | None, bool, int]] = []  # start, end, open, close, reaches_par_end, close_len
    par_start = 0
    n = len(text)
    while par_start <= n:
        par_end = text.find("\n", par_start)
        if par_end < 0:
            par_end = n
        open_at: int | None = None
        open_len = 1
        while h < len(hits) and hits[h][0] < par_end:  # (no mark holds a line break)
            i, ch = hits[h]
            h += 1
            if ch in ambiguous:
                if open_at is None:
                    if _is_opening_straight(text, i, len(ch)):
                        open_at, open_len = i, len(ch)
                else:
                    if len(ch) > 1 and text.startswith(ch[0], i + len(ch)):
                        i += 1  # a nested quote's closer right before the closing mark
                    raw.append((open_at + open_len, i, open_at, i, False, len(ch)))
                    open_at = None
            elif ch in opening:
                if open_at is None or text[open_at] in opening:
                    # (an opener while open: the first quote was left unclosed in the
                    # middle of a paragraph; restart from here)
                    open_at, open_len = i, len(ch)
            elif ch in closing and open_at is not None and text[open_at] in opening:
                raw.append((open_at + open_len, i, open_at, i, False, len(ch)))
                open_at = None
        if open_at is not None:
            end = par_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            if end > open_at + open_len:
                raw.append((open_at + open_len, end, open_at, None, True, 1))
        par_start = par_end + 1
    # merge a quote left open at a paragraph's end with the quote that opens the next paragraph
    out: list[MarkSpan] = []
    pending: list[tuple[int, int, int, int | None, bool, int]] = []
    for item in raw:
        if pending:
            last = pending[-1]
            between = text[last[1]:item[2]]
            if last[4] and between.strip() == "":
                pending.append(item)
                continue
            out.append(_merge(pending))
            pending = []
        pending.append(item)
    if pending:
        out.append(_merge(pending))
    return out


def _merge(items: list[tuple[int, int, int, int | None, bool, int]]) -> MarkSpan:
    return MarkSpan(
        start=items[0][0], end=items[-1][1], open_mark=items[0][2], close_mark=items[-1][3],
        pieces=tuple((s, e) for s, e, _, _, _, _ in items), close_len=items[-1][5],
    )

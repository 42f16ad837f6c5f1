"""What a quotation that is not speech looks like: a headline, the title of a show or
work, a short uncued term; the word count and sentence position these tests use."""

from __future__ import annotations

from newsledger.nlp.quotes.document import _SENT_END, _VERB_POS, Attr
from newsledger.nlp.quotes.mark_cues import MarkCues


class QuoteFilters(MarkCues):
    """Tests that keep titles, headlines and scare quotes out of the quotes."""

    def words(self, a: Attr) -> int:
        """Number of words in the fragments of ``a``."""
        return sum(len(self.text[s:e].split()) for s, e in a.frags)

    def is_headline(self, a: Attr) -> bool:
        """A quotation that is a whole line without sentence punctuation: a title."""
        s, e = a.start, a.end
        line_start = self.text.rfind("\n", 0, s) + 1
        line_end = self.text.find("\n", e)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = (self.text[line_start:s] + self.text[e:line_end]).strip(" \"“”'’.")
        return not rest and not self.text[s:e].rstrip(" \"”’'").endswith(_SENT_END)

    def is_title(self, a: Attr) -> bool:
        """A quoted title of a show or work ("told ABC's "Good Morning America"",
        "on Fox News's "Hannity,""): one short quotation in title case, with no
        sentence punctuation, after a possessive or a title-introducing word."""
        if len(a.frags) != 1 or len(a.marks) != 1:
            return False
        s, e = a.frags[0]
        m = self.marks[next(iter(a.marks))]
        content = self.text[s:e].strip(" ,’'")
        words = content.split()
        if not words or len(words) > self.lex.max_words_title or not all(
                w[0].isupper() or not w[0].isalpha() or w.lower() in self.lex.title_small_words for w in words):
            return False
        j = self.tok_at(m.open_mark) - 1
        before = self.doc[j] if j >= 0 else None
        # a name used as a word of its sentence: after a word, not after , : or a dash
        in_phrase = before is not None and before.is_alpha and before.pos_ not in _VERB_POS and self._embedded(m)
        # after a possessive ("WTMJ's", also when tokenised as one word) or a word such as
        # "movie" or "program" the quotation is a title, whatever its punctuation
        named = before is not None and (before.tag_ == "POS" or before.lower_ in self.lex.title_preceders
                                        or before.text.endswith(("\u2019s", "'s")))
        # or set off by a comma after such a word ("in his book, "A Life,"")
        named = named or (before is not None and before.text == "," and j > 0
                          and self.doc[j - 1].lower_ in self.lex.title_preceders)
        if content.endswith(".") and in_phrase and not content.endswith(".."):
            content = content[:-1]  # the sentence's own full stop inside the marks
        if content.endswith(_SENT_END) and not named:
            return False
        if named:
            return True
        if in_phrase:
            return True
        # or a name modifying the noun right after it ('the "Avatar" star')
        if m.close_mark is None:
            return False
        after = m.after
        k = self.tok_at(after)
        while k < len(self.doc) and self.doc[k].idx < after:
            k += 1
        return k < len(self.doc) and self.doc[k].pos_ in ("NOUN", "PROPN") and self.doc[k].idx == after + 1 \
            and self.text[after] == " "

    def quotes_only_a_title(self, a: Attr) -> bool:
        """Whether ``a`` ends with the one quotation it holds and that quotation is a title
        ("told NBC's "Today""): a verb governing it (its addressee, the programme it spoke
        on) reports no words. ("told CNN's "Face the Nation" that ..." keeps its clause.)"""
        if len(a.marks) != 1:
            return False
        k = next(iter(a.marks))
        if a.end > self.marks[k].after:
            return False
        return self.is_title(Attr(frags=list(self.marks[k].pieces), cue=None, speaker=None, marks={k}))

    def in_editorial_note(self, a: Attr) -> bool:
        """Whether ``a`` lies in a paragraph opened by an editor's-note label ("Editor's
        note: ..."): the outlet's own voice, not an attribution it reports."""
        if not self.lex.editorial_notes:
            return False
        par_start = self.paragraph_start(a.start)
        head = self.text[par_start: par_start + 40].lstrip(" \t[(*_").lower().replace("\u2019", "'")
        return head.startswith(self.lex.editorial_notes)

    def paragraph_start(self, pos: int, max_lines: int = 12) -> int:
        """Where the paragraph holding ``pos`` starts: its line, and the lines before it
        that a hard-wrapping feed broke off mid-sentence (a previous line that is not
        empty and does not end a sentence continues into the next)."""
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        for _ in range(max_lines):
            if start == 0:
                break
            prev_start = text.rfind("\n", 0, start - 1) + 1
            prev = text[prev_start: start - 1].rstrip(" \t\"\u201d\u2019')")
            if not prev or prev.endswith(_SENT_END) or prev.endswith(":"):
                break
            start = prev_start
        return start

    def sentence_initial(self, a: Attr) -> bool:
        """Whether ``a`` opens its sentence (only punctuation or space before it)."""
        t = self.tok_at(a.start)
        doc = self.doc
        return all(doc[x].is_punct or doc[x].is_space for x in range(self.sents.starts[self.sent_of[t]], t))

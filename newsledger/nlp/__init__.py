"""Per-article analysis: parse, actors, time expressions, quotes, events.

DOCS: docs/pipeline.md
"""

from typing import Any

TEXT_KEY = "newsledger.text"


def doc_text(doc: Any) -> str:
    """The document's text. ``Doc.text`` rebuilds the string from every token on each call;
    the pipeline stores the article text (identical: spaCy's tokenisation is lossless) once."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text

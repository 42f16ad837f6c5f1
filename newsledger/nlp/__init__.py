"""Per-article analysis: parse, actors, time expressions, quotes, events.

DOCS: docs/pipeline.md
"""

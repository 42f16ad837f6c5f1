"""The HTML dossier: one self-contained file (inline CSS and SVG, no external assets).

``render_report(ledger, title=None) -> str`` is the public entry point; the web UI
reuses the same view model (``views.build_dossier``) and templates.

DOCS: docs/report.md
"""

from newsledger.report.render import render_report

__all__ = ["render_report"]

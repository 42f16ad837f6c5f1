"""Render the dossier: a Ledger -> one self-contained HTML page.

Templates live in ``templates/*.html.j2`` and are rendered with autoescaping on:
article-derived text (titles, sentences, quotes, names) is always escaped and
no template marks it ``|safe``. Charts are inline SVG drawn from ``charts``
geometry; the page has no external CSS, script, font or image.

DOCS: docs/report.md
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from newsledger import SCHEMA_VERSION, __version__
from newsledger.model import Ledger
from newsledger.report.views import Dossier, build_dossier

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def _number(value: Any) -> str:
    """Compact number for SVG attributes and labels: ``12``, ``12.5``, ``0.33``."""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


@lru_cache(maxsize=4)
def environment(extra_dirs: tuple[str, ...] = ()) -> Environment:
    """The Jinja environment: report templates plus any ``extra_dirs`` (searched first)."""
    loaders = [FileSystemLoader(d) for d in extra_dirs] + [FileSystemLoader(str(TEMPLATE_DIR))]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["n"] = _number
    env.globals.update(version=__version__, schema=SCHEMA_VERSION)
    return env


def render_template(name: str, extra_dirs: tuple[str, ...] = (), **context: Any) -> str:
    """Render one template with the shared environment (used by the web UI too)."""
    return environment(extra_dirs).get_template(name).render(**context)


def render_dossier(dossier: Dossier) -> str:
    """The report page for an already built view model."""
    return render_template("report.html.j2", dossier=dossier)


def render_report(ledger: Ledger, title: str | None = None) -> str:
    """The whole ledger as one self-contained HTML file (a string).

    Sections: overview, stories with timelines, actors and their network, quotes
    by speaker, events over time, cooperation vs conflict per pair of actors,
    the events table, corroborated claims, and every article's text with anchors
    that all items link to.
    """
    return render_dossier(build_dossier(ledger, title=title))

"""Chart geometry for the report and web UI: stacked bars, dyad bars, a network.

Functions here compute shapes (rectangles, lines, circles, labels) as plain
dataclasses; the templates (``templates/_charts.html.j2``) draw them as inline
SVG with Jinja's autoescaping, so no text (actor names come from articles) is
ever written into markup by Python. No I/O, no external assets.

DOCS: docs/report.md
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsledger.datafiles import PACKAGE_ROOT, load_data

PALETTE_PATH = PACKAGE_ROOT / "report" / "data" / "palette.yaml"
MAX_MONTHS = 120
MAX_NODES = 30


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: str
    title: str


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    x: float
    y: float
    r: float
    label: str
    title: str
    href: str
    label_anchor: str = "start"
    label_x: float = 0.0
    label_y: float = 0.0


@dataclass(slots=True)
class Chart:
    """One SVG drawing: a viewBox size and its shapes."""

    width: float
    height: float
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


def palette() -> dict[str, Any]:
    """The category colours and groups (``data/palette.yaml``)."""
    return load_data(PALETTE_PATH, required=("categories", "group_colours"))


def category_colour(category: str) -> str:
    data = palette()
    entry = data["categories"].get(category)
    return str(entry["colour"]) if entry else str(data.get("other_colour", "#999"))


def category_group(category: str) -> str | None:
    entry = palette()["categories"].get(category)
    return str(entry["group"]) if entry else None


def month_range(months: Sequence[str]) -> list[str]:
    """Every ``YYYY-MM`` from the earliest to the latest given, gaps filled."""
    if not months:
        return []
    first, last = min(months), max(months)
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out: list[str] = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * exp >= value:
            return step * exp
    return 10 * exp  # pragma: no cover


def _count_ticks(value: float, n: int = 4) -> tuple[float, float]:
    """(axis maximum, tick step) for counts: whole-number steps of 1, 2 or 5 x 10^k."""
    raw = max(value, 1) / n
    exp = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next((s * exp for s in (1, 2, 5, 10) if s * exp >= raw), 10 * exp)
    return step * math.ceil(max(value, 1) / step), step


def _label_every(n: int, room: int) -> int:
    return max(1, math.ceil(n / max(room, 1)))


def stacked_bars(
    counts: Mapping[str, Mapping[str, int]],
    categories: Sequence[str],
    width: float = 900,
    height: float = 260,
) -> Chart:
    """Counts per month (``counts[month][category]``) as stacked bars, one per month."""
    chart = Chart(width=width, height=height)
    all_months = month_range([m for m in counts if counts[m]])
    if len(all_months) > MAX_MONTHS:
        hidden = sum(sum(counts.get(m, {}).values()) for m in all_months[:-MAX_MONTHS])
        all_months = all_months[-MAX_MONTHS:]
        chart.note = f"{hidden} events before {all_months[0]} not drawn"
    if not all_months:
        return chart
    left, right, top, bottom = 40.0, 10.0, 10.0, 40.0
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(counts.get(m, {}).values()) for m in all_months]
    ymax, step = _count_ticks(max(totals))
    slot = plot_w / len(all_months)
    bar_w = min(max(slot * 0.8, 1.0), 60.0)
    value = 0.0
    while value <= ymax:
        y = top + plot_h - plot_h * value / ymax
        chart.lines.append(Line(left, y, left + plot_w, y, 0.5, "#ddd"))
        chart.labels.append(Label(left - 4, y + 4, f"{value:g}", "end"))
        value += step
    every = _label_every(len(all_months), int(plot_w // 48))
    for i, month in enumerate(all_months):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for cat in categories:
            n = counts.get(month, {}).get(cat, 0)
            if not n:
                continue
            h = plot_h * n / ymax
            y -= h
            chart.rects.append(Rect(x, y, bar_w, h, category_colour(cat), f"{month} {cat}: {n}"))
        if i % every == 0:
            chart.labels.append(Label(x + bar_w / 2, top + plot_h + 16, month))
    used = {c for m in all_months for c, n in counts.get(m, {}).items() if n}
    chart.legend = [(c, category_colour(c)) for c in categories if c in used]
    return chart


def dyad_bars(records: Sequence[Mapping[str, object]], width: float = 420, height: float = 150) -> Chart:
    """One pair's monthly cooperation (up, blue) and conflict (down, red) counts."""
    chart = Chart(width=width, height=height)
    by_month: dict[str, tuple[float, float]] = {}
    for rec in records:
        month = str(rec.get("month") or "")[:7]
        if len(month) != 7:
            continue
        coop, conf = by_month.get(month, (0.0, 0.0))
        by_month[month] = (coop + _num(rec.get("cooperation")), conf + _num(rec.get("conflict")))
    months = month_range(list(by_month))[-MAX_MONTHS:]
    if not months:
        return chart
    groups = palette()["group_colours"]
    left, right, top, bottom = 30.0, 8.0, 8.0, 22.0
    plot_w, plot_h = width - left - right, height - top - bottom
    mid = top + plot_h / 2
    ymax = _nice_max(max(max(c, f) for c, f in (by_month.get(m, (0, 0)) for m in months)))
    slot = plot_w / len(months)
    bar_w = min(max(slot * 0.7, 1.0), 40.0)
    chart.lines.append(Line(left, mid, left + plot_w, mid, 0.8, "#888"))
    chart.labels.append(Label(left - 3, top + 8, f"{ymax:g}", "end"))
    chart.labels.append(Label(left - 3, top + plot_h, f"{ymax:g}", "end"))
    for i, month in enumerate(months):
        coop, conf = by_month.get(month, (0.0, 0.0))
        x = left + i * slot + (slot - bar_w) / 2
        if coop:
            h = plot_h / 2 * coop / ymax
            chart.rects.append(Rect(x, mid - h, bar_w, h, str(groups["cooperation"]), f"{month} cooperation: {coop:g}"))
        if conf:
            h = plot_h / 2 * conf / ymax
            chart.rects.append(Rect(x, mid, bar_w, h, str(groups["conflict"]), f"{month} conflict: {conf:g}"))
    every = _label_every(len(months), int(plot_w // 56))
    for i in range(0, len(months), every):
        chart.labels.append(Label(left + i * slot + slot / 2, height - 6, months[i]))
    return chart


def _num(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def network(
    names: Mapping[str, str],
    pairs: Mapping[tuple[str, str], tuple[int, int, int]],
    hrefs: Mapping[str, str],
    size: float = 640,
) -> Chart:
    """Actors on a circle, an edge per interacting pair.

    ``pairs[(a, b)] = (total, cooperation, conflict)`` with ``a < b``; edge width
    grows with the total, colour shows whether cooperation or conflict dominates.
    Only the ``MAX_NODES`` most connected actors are drawn.
    """
    degree: dict[str, int] = {}
    for (a, b), (total, _, _) in pairs.items():
        degree[a] = degree.get(a, 0) + total
        degree[b] = degree.get(b, 0) + total
    ranked = sorted(degree, key=lambda k: (-degree[k], names.get(k, k)))
    keep = ranked[:MAX_NODES]
    chart = Chart(width=size + 260, height=size)
    if len(ranked) > MAX_NODES:
        chart.note = f"{len(ranked) - MAX_NODES} less connected actors not drawn"
    if not keep:
        return chart
    size = min(size, 260 + 30 * len(keep))
    chart.width, chart.height = size + 260, size
    cx, cy = chart.width / 2, size / 2
    radius = size / 2 - 40
    pos: dict[str, tuple[float, float, float]] = {}
    for i, actor in enumerate(keep):
        angle = 2 * math.pi * i / len(keep) - math.pi / 2
        pos[actor] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    groups = palette()["group_colours"]
    top = max(t for t, _, _ in pairs.values())
    for (a, b), (total, coop, conf) in sorted(pairs.items(), key=lambda kv: kv[1][0]):
        if a not in pos or b not in pos:
            continue
        colour = "#888"
        if coop > conf:
            colour = str(groups["cooperation"])
        elif conf > coop:
            colour = str(groups["conflict"])
        width = 1 + 7 * total / top
        title = f"{names.get(a, a)} – {names.get(b, b)}: {total} events ({coop} cooperative, {conf} conflictual)"
        chart.lines.append(Line(pos[a][0], pos[a][1], pos[b][0], pos[b][1], round(width, 2), colour, title))
    dmax = max(degree[k] for k in keep)
    for actor in keep:
        x, y, angle = pos[actor]
        r = 4 + 10 * math.sqrt(degree[actor] / dmax)
        cos, sin = math.cos(angle), math.sin(angle)
        if abs(cos) < 0.3:  # top or bottom of the circle: label centred above or below
            anchor, lx, ly = "middle", x, (y + r + 14 if sin > 0 else y - r - 6)
        else:
            anchor = "start" if cos > 0 else "end"
            lx, ly = x + (r + 5) * cos, y + (r + 5) * sin + 4
        chart.nodes.append(
            Node(x, y, round(r, 2), names.get(actor, actor), f"{names.get(actor, actor)}: {degree[actor]} events",
                 hrefs.get(actor, ""), anchor, round(lx, 2), round(ly, 2))
        )
    chart.legend = [("mostly cooperation", str(groups["cooperation"])), ("mostly conflict", str(groups["conflict"])), ("balanced", "#888")]
    return chart

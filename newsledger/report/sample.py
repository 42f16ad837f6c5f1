"""A small hand-built Ledger for tests, docs and trying the report or web UI.

Three short reports written by the project (not analysed: annotated by hand, with
offsets computed from the text), covering every record type including dyads and
a pair of conflicting claims. ``sample_ledger(hostile=True)`` adds an article
whose title, text and quote carry HTML/script payloads, to test escaping.

DOCS: docs/report.md
"""

from __future__ import annotations

from newsledger.model import (
    Actor,
    Article,
    Claim,
    Event,
    Ledger,
    Mention,
    Quote,
    Story,
    TimeExpression,
    TimelineEntry,
)

_TEXTS = {
    "a1": (
        "EU hosts Vucic and Kurti in Brussels", "Example Wire", "2023-02-28",
        "EU foreign policy chief Josep Borrell met Serbian President Aleksandar Vucic and "
        "Kosovo Prime Minister Albin Kurti in Brussels on Monday.\n\n"
        "\"No further discussions are needed on the proposal,\" Borrell told reporters after the talks.\n\n"
        "Vucic rejected any formal recognition of Kosovo.\n\n"
        "The dialogue between Belgrade and Pristina was launched in 2011.",
    ),
    "a2": (
        "Ohrid talks end with an annex", "Balkan Desk", "2023-03-19",
        "Vucic and Kurti met again in Ohrid on Saturday under EU mediation.\n\n"
        "Borrell said the two sides had accepted the implementation annex.\n\n"
        "Kurti accused Belgrade of trying to avoid its obligations, according to his office.",
    ),
    "a3": (
        "Annex agreed at Ohrid, EU says", "Capital Times", "2023-03-19",
        "The European Union said Serbia and Kosovo agreed on Saturday to an annex on implementing its plan.\n\n"
        "Vucic said he had signed nothing.",
    ),
}


def _at(article_id: str, needle: str, nth: int = 0) -> tuple[int, int]:
    text = _TEXTS[article_id][3]
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _sentence(article_id: str, needle: str) -> tuple[str, int, int]:
    text = _TEXTS[article_id][3]
    pos = text.index(needle)
    start = max(text.rfind("\n", 0, pos) + 1, 0)
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[start:end], start, end


def _mentions() -> list[Mention]:
    names = {
        "Josep Borrell": "borrell", "Borrell": "borrell", "Aleksandar Vucic": "vucic", "Vucic": "vucic",
        "Albin Kurti": "kurti", "Kurti": "kurti", "Belgrade": "srb", "Pristina": "kos", "Serbia": "srb",
        "Kosovo": "kos", "The European Union": "eu", "EU": "eu",
    }
    out: list[Mention] = []
    for aid, (_, _, _, text) in _TEXTS.items():
        taken: list[tuple[int, int]] = []
        for name in sorted(names, key=len, reverse=True):
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                if not any(s < end and pos < e for s, e in taken):
                    taken.append((pos, end))
                    out.append(Mention(aid, names[name], pos, end, name))
                pos = text.find(name, end)
    return sorted(out, key=lambda m: (m.article_id, m.start))


def _event(eid: str, aid: str, etype: str, src: str, tgt: str, needle: str, **kw: object) -> Event:
    sentence, start, end = _sentence(aid, needle)
    return Event(eid, aid, etype, (src,), (tgt,), sentence, start, end, **kw)  # type: ignore[arg-type]


def sample_ledger(hostile: bool = False) -> Ledger:
    """The hand-built example ledger (see the module docstring)."""
    articles = [Article(aid, text, title, source, f"https://example.org/{aid}", f"{aid}.txt", pub, content_hash=aid)
                for aid, (title, source, pub, text) in _TEXTS.items()]
    actors = [
        Actor("borrell", "Josep Borrell", "person", None, ("Borrell",), {"cameo": "EURGOV"}, ("EU foreign policy chief",)),
        Actor("vucic", "Aleksandar Vucic", "person", "SRB", ("Vucic",), {"cameo": "SRBGOV"}, ("President of Serbia",)),
        Actor("kurti", "Albin Kurti", "person", "XKX", ("Kurti",), {"cameo": "KSVGOV"}, ("Prime Minister of Kosovo",)),
        Actor("srb", "Serbia", "country", "SRB", ("Belgrade",), {"cameo": "SRB"}),
        Actor("kos", "Kosovo", "country", "XKX", ("Pristina",), {"cameo": "KSV"}),
        Actor("eu", "European Union", "organization", None, ("EU", "Brussels"), {"cameo": "EUR"}),
    ]
    q1s, q1e = _at("a1", "No further discussions are needed on the proposal,")
    q2s, q2e = _at("a2", "the two sides had accepted the implementation annex")
    q3s, q3e = _at("a3", "he had signed nothing")
    quotes = [
        Quote("q1", "a1", "borrell", "Borrell", "No further discussions are needed on the proposal,", q1s, q1e, "direct", "told"),
        Quote("q2", "a2", "borrell", "Borrell", "the two sides had accepted the implementation annex", q2s, q2e, "indirect", "said"),
        Quote("q3", "a3", "vucic", "Vucic", "he had signed nothing", q3s, q3e, "indirect", "said"),
    ]
    events = [
        _event("e1", "a1", "CONSULT", "borrell", "vucic", "met Serbian President", date="2023-02-27", cameo="040", location="Brussels"),
        _event("e2", "a1", "CONSULT", "borrell", "kurti", "met Serbian President", date="2023-02-27", cameo="040", location="Brussels"),
        _event("e3", "a1", "REJECT", "vucic", "kos", "Vucic rejected any formal", date="2023-02-27", cameo="120"),
        _event("e4", "a2", "CONSULT", "vucic", "kurti", "met again in Ohrid", date="2023-03-18", cameo="040", location="Ohrid"),
        _event("e5", "a2", "ACCUSE", "kurti", "srb", "Kurti accused Belgrade", date="2023-03", cameo="112", modality="reported"),
        _event("e6", "a3", "AGREE", "srb", "kos", "agreed on Saturday", date="2023-03-18", cameo="057"),
        _event("e7", "a3", "AGREE", "vucic", "eu", "signed nothing", date="2023-03-18", cameo="057", negated=True),
    ]
    timexes = []
    for aid, needle, value in (("a1", "on Monday", "2023-02-27"), ("a1", "2011", "2011"),
                               ("a2", "on Saturday", "2023-03-18"), ("a3", "on Saturday", "2023-03-18")):
        s, e = _at(aid, needle)
        timexes.append(TimeExpression(aid, s, e, needle, "DATE", value))
    stories = [Story("s1", "EU-facilitated Belgrade-Pristina talks, 2023", ("a1", "a2", "a3"))]
    timeline = [
        TimelineEntry("2011", "s1", "The Belgrade-Pristina dialogue is launched", (), ("a1",), 1),
        TimelineEntry("2023-02-27", "s1", "Borrell meets Vucic and Kurti in Brussels", ("e1", "e2"), ("a1",), 1),
        TimelineEntry("2023-03-18", "s1", "Serbia and Kosovo agree on the implementation annex at Ohrid", ("e6", "e4"), ("a2", "a3"), 2),
    ]
    claims = [
        Claim("c1", "Serbia and Kosovo accepted the implementation annex", ("a2", "a3"), ("c2",), None, "agreement"),
        Claim("c2", "Vucic signed nothing at Ohrid", ("a3",), ("c1",), None, "agreement"),
    ]
    dyads = (
        {"source_id": "vucic", "target_id": "kurti", "month": "2023-02", "counts": {"CONSULT": 1}, "cooperation": 1, "conflict": 0, "score": 1.0},
        {"source_id": "vucic", "target_id": "kurti", "month": "2023-03", "counts": {"CONSULT": 1, "ACCUSE": 1}, "cooperation": 1, "conflict": 1, "score": 0.0},
        {"source_id": "kurti", "target_id": "srb", "month": "2023-03", "counts": {"ACCUSE": 1}, "cooperation": 0, "conflict": 1, "score": -1.0},
    )
    ledger = Ledger(
        articles=tuple(articles), actors=tuple(actors), mentions=tuple(_mentions()), time_expressions=tuple(timexes),
        quotes=tuple(quotes), events=tuple(events), stories=tuple(stories), timeline=tuple(timeline),
        claims=tuple(claims), dyads=dyads,
    )
    return _with_hostile(ledger) if hostile else ledger


HOSTILE_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'
HOSTILE_TEXT = (
    'Officials met on Tuesday. <script>alert(1)</script> "He said: \\"><img src=x onerror=alert(2)>\\" '
    "and left.</div><a href=\"javascript:alert(3)\">click</a>"
)


def _with_hostile(ledger: Ledger) -> Ledger:
    text = HOSTILE_TEXT
    art = Article("x<1>\"'", text, HOSTILE_TITLE, '<b onmouseover="alert(4)">Evil</b>', "javascript:alert(5)",
                  None, "2023-03-20")
    qs = text.index("<script>")
    quote = Quote("qx", art.id, None, '<i onclick="alert(6)">someone</i>', text[qs:qs + 40], qs, qs + 40, "direct")
    actor = Actor("evil", '<svg onload=alert(7)>', "person")
    event = Event("ex", art.id, "CONSULT", ("evil",), ("kurti",), text, 0, len(text))
    claim = Claim("cx", '<script>alert(8)</script>', (art.id,))
    return Ledger(
        articles=ledger.articles + (art,), actors=ledger.actors + (actor,),
        mentions=ledger.mentions + (Mention(art.id, "evil", 0, 9, text[0:9]),),
        time_expressions=ledger.time_expressions, quotes=ledger.quotes + (quote,), events=ledger.events + (event,),
        stories=ledger.stories + (Story("sx", HOSTILE_TITLE, (art.id,)),),
        timeline=ledger.timeline + (TimelineEntry("2023-03-20", "sx", HOSTILE_TITLE, ("ex",), (art.id,), 1),),
        claims=ledger.claims + (claim,), dyads=ledger.dyads,
    )


def synthetic_ledger(events: int = 10_000, per_article: int = 5, actors: int = 60, seed: int = 7) -> Ledger:
    """A large made-up ledger (for timing the report and the API, not for reading)."""
    import random

    from newsledger.model import PLOVER_CATEGORIES

    rng = random.Random(seed)
    people = [Actor(f"act{i}", f"Actor {i}", "person" if i % 3 else "country", "SRB" if i % 2 else "XKX")
              for i in range(actors)]
    sentence = "Actor {a} met Actor {b} in the capital on Monday to discuss the plan. "
    arts, ments, evs, quotes = [], [], [], []
    n_articles = max(1, events // per_article)
    for n in range(n_articles):
        aid = f"art{n}"
        month = 1 + n % 12
        year = 2015 + (n // 12) % 10
        parts, offsets = [], []
        pos = 0
        for _ in range(per_article):
            a, b = rng.sample(range(actors), 2)
            s = sentence.format(a=a, b=b)
            offsets.append((pos, pos + len(s) - 1, a, b))
            parts.append(s)
            pos += len(s)
        text = "".join(parts)
        arts.append(Article(aid, text, f"Report {n}", f"Source {n % 25}", None, None, f"{year}-{month:02d}-15"))
        for k, (start, end, a, b) in enumerate(offsets):
            ments.append(Mention(aid, f"act{a}", start, start + len(f"Actor {a}"), f"Actor {a}"))
            evs.append(Event(f"{aid}-e{k}", aid, rng.choice(PLOVER_CATEGORIES), (f"act{a}",), (f"act{b}",),
                             text[start:end], start, end, date=f"{year}-{month:02d}-{10 + k}", negated=rng.random() < 0.1))
        quotes.append(Quote(f"{aid}-q", aid, f"act{offsets[0][2]}", None, text[0:20], 0, 20, "direct"))
    stories = [Story(f"s{i}", f"Story {i}", tuple(f"art{n}" for n in range(i, n_articles, 50))) for i in range(50)]
    timeline = [TimelineEntry(e.date or "", f"s{int(e.article_id[3:]) % 50}", e.sentence, (e.id,), (e.article_id,), 1)
                for e in evs[::10]]
    claims = [Claim(f"c{i}", f"Claim {i}", (f"art{i}", f"art{i + 1}"), (f"c{i + 1}",) if i % 7 == 0 else ())
              for i in range(0, min(400, n_articles - 1))]
    dyads = tuple({"source_id": f"act{i % actors}", "target_id": f"act{(i * 7 + 1) % actors}", "month": f"20{15 + i % 9}-{1 + i % 12:02d}",
                   "counts": {}, "cooperation": rng.randint(0, 5), "conflict": rng.randint(0, 5), "score": 0.0} for i in range(600))
    return Ledger(articles=tuple(arts), actors=tuple(people), mentions=tuple(ments), quotes=tuple(quotes),
                  events=tuple(evs), stories=tuple(stories), timeline=tuple(timeline), claims=tuple(claims), dyads=dyads)

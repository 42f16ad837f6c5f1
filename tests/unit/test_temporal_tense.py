"""Clause tense in real news (issue 3, second pass): the verb a weekday or a year-less
date depends on decides between the last and the next one. Covers "<past verb> on
<weekday> to <infinitive>", clause boundaries, modals, the present of scheduled events,
implicative verbs, a firm tense for a date right after its verb, and reported futures
counted from the day of the report (docs/temporal.md, "Tense in real news")."""

from __future__ import annotations

import pytest

from newsledger.nlp.temporal import tag_text

WED = "2023-03-01"  # a Wednesday: Mon 02-27, Tue 02-28 | Thu 03-02, Fri 03-03, Mon 03-06
THU = "2023-06-15"  # a Thursday: Fri 06-09, Sat 06-10, Mon 06-12 | Fri 06-16, Mon 06-19
SAT = "2023-03-04"  # a Saturday: Mon 02-27, Thu 03-02 | Mon 03-06, Thu 03-09

# (text, publication date, expression, expected value)
CASES = [
    # the verb before the weekday governs it, not the infinitive after it
    ("Serbia and Kosovo agreed on Monday to meet again.", WED, "Monday", "2023-02-27"),
    ("The two leaders agreed on Monday to hold talks.", WED, "Monday", "2023-02-27"),
    ("Serbia and Kosovo agreed on Monday.", WED, "Monday", "2023-02-27"),
    ("They said on Monday they would meet.", WED, "Monday", "2023-02-27"),
    ("The assembly voted on Tuesday to open an inquiry.", WED, "Tuesday", "2023-02-28"),
    ("The cabinet decided Monday to begin the hand-over.", WED, "Monday", "2023-02-27"),
    ("Both parties pledged Thursday to resume the dialogue.", THU, "Thursday", "2023-06-15"),
    ("The committee met on Tuesday to vote on the amendments.", WED, "Tuesday", "2023-02-28"),
    ("Negotiators sat down on Wednesday to hold a first round.", THU, "Wednesday", "2023-06-14"),
    ("The sides agreed on Monday to resume talks next week.", WED, "Monday", "2023-02-27"),
    # ... while plans, appointments and expectations stay ahead
    ("The mediator plans to meet the two delegations on Monday.", WED, "Monday", "2023-03-06"),
    ("The envoys will meet on Monday to discuss the roadmap.", WED, "Monday", "2023-03-06"),
    ("The accord is expected to be signed on Friday.", WED, "Friday", "2023-03-03"),
    ("Ministers are set to gather on Monday to review the plan.", THU, "Monday", "2023-06-19"),
    ("The government said it would hold a referendum on Sunday.", WED, "Sunday", "2023-03-05"),
    ("The spokesman said on Sunday that the cabinet would vote.", WED, "Sunday", "2023-02-26"),
    # a reporting frame before a clause of its own, or set off by commas
    ("The minister said that on Friday the two sides would sign it.", THU, "Friday", "2023-06-16"),
    ("On Friday, he said, the two sides would sign the text.", THU, "Friday", "2023-06-16"),
    # a cue beyond a clause boundary after the weekday belongs to another clause
    (
        "The mediator arrived in Pristina on Tuesday and is due to fly to Skopje on Thursday.",
        WED,
        "Tuesday",
        "2023-02-28",
    ),
    (
        "The truce, which took effect on Saturday, is due to lapse on March 20.",
        WED,
        "Saturday",
        "2023-02-25",
    ),
    # modals before a participle look ahead; a perfect after them, or a negated "could",
    # looks back
    (
        "Extra police could be sent north on Saturday, officials said.",
        WED,
        "Saturday",
        "2023-03-04",
    ),
    ("The detainees would be freed on Thursday under the accord.", WED, "Thursday", "2023-03-02"),
    ("The vote will still be held on Sunday.", WED, "Sunday", "2023-03-05"),
    ("The mayor could not be reached for comment on Tuesday.", WED, "Tuesday", "2023-02-28"),
    ("The text should have been initialled on Monday.", WED, "Monday", "2023-02-27"),
    ("Two guards are thought to have been wounded on Saturday.", WED, "Saturday", "2023-02-25"),
    # the present of scheduled events is ahead; a present passive is no past
    ("The observers' mandate expires on Friday unless it is renewed.", WED, "Friday", "2023-03-03"),
    ("Delegations meet on Monday to go over the annex.", THU, "Monday", "2023-06-19"),
    ("The foreign minister is travelling to Skopje on Thursday.", WED, "Thursday", "2023-03-02"),
    (
        "If the annex is initialled on Friday, the fines will be lifted.",
        WED,
        "Friday",
        "2023-03-03",
    ),
    ("The talks did not resume on Monday.", WED, "Monday", "2023-02-27"),
    ("Police are questioning a man over a stabbing on Saturday.", WED, "Saturday", "2023-02-25"),
    # "is/are being" + participle is a present too
    ("The seized documents are being auctioned in March.", "2023-02-20", "March", "2023-03"),
    # a date that labels a timeline entry: its headline present is no future
    ("3 February: the mission begins its patrols", WED, "3 February", "2023-02-03"),
    # a clause of its own after the reporting verb, whose verb comes after a comma
    (
        "The senator said that when the envoy tours the region on Tuesday, he plans to ask him.",
        WED,
        "Tuesday",
        "2023-03-07",
    ),
    # "and" inside a noun phrase does not cut the span off from the verb before it
    (
        "Crews plan to lower the steel and concrete dome over the well on Thursday, using "
        "remote-operated robots, officials say.",
        WED,
        "Thursday",
        "2023-03-02",
    ),
    # implicative verbs: the infinitive happened (or was tried) when they did
    ("The opposition refused to meet on Monday.", WED, "Monday", "2023-02-27"),
    ("The parties failed to resume talks on Tuesday.", WED, "Tuesday", "2023-02-28"),
    ("A second attempt could be tried as soon as Friday.", WED, "Friday", "2023-03-03"),
    # a weekday written with its date: one expression, in a year where the two agree
    ("The envoy arrives on Sunday, 2 April.", WED, "Sunday, 2 April", "2023-04-02"),
    (
        "The programme is repeated on Tuesday 24 August.",
        "2010-08-01",
        "Tuesday 24 August",
        "2010-08-24",
    ),
    ("The quake struck on Tuesday, 12 January.", "2010-01-26", "Tuesday, 12 January", "2010-01-12"),
    # the verb a date directly depends on fixes its tense
    ("The accord, initialled in August, was never applied.", THU, "August", "2022-08"),
    ("The truce reached on July 3 was welcomed abroad.", THU, "July 3", "2022-07-03"),
    ("The ban took effect on July 1.", THU, "July 1", "2022-07-01"),
    ("The proposed July 3 date was rejected.", THU, "July 3", "2023-07-03"),
    ("Those detained on Saturday will appear before a judge.", THU, "Saturday", "2023-06-10"),
    # the new date of an extension lies ahead
    ("The deadline was extended to Sept. 30.", WED, "Sept. 30", "2023-09-30"),
    # a future reported in the past counts from the day of the report
    ("Belgrade said on Monday it would send envoys on Thursday.", SAT, "Thursday", "2023-03-02"),
    ("Belgrade said on Monday it would send envoys on Thursday.", WED, "Thursday", "2023-03-02"),
    ("Pristina said on Feb. 27 that it would reply on Wednesday.", SAT, "Wednesday", "2023-03-01"),
    (
        "Belgrade said on Monday it would send envoys next Thursday.",
        SAT,
        "next Thursday",
        "2023-03-09",
    ),
    (
        "The ministry said the suspect, held on Saturday, would be charged on Monday.",
        THU,
        "Monday",
        "2023-06-19",
    ),
    ("Belgrade said on Monday. It would send envoys on Thursday.", SAT, "Thursday", "2023-03-09"),
]


@pytest.mark.parametrize(("text", "dct", "expr", "value"), CASES)
def test_clause_tense(text: str, dct: str, expr: str, value: str) -> None:
    got = {t.text: t.value for t in tag_text(text, dct)}
    assert got.get(expr) == value, got


# several expressions per sentence, mixed frames (past / future / reported / conditional)
MIXED = [
    (
        "The EU said it had postponed the session until next Thursday.",
        THU,
        {"next Thursday": "2023-06-22"},
    ),
    ("Talks last Thursday ended without a deal.", THU, {"last Thursday": "2023-06-08"}),
    (
        "Pristina would call a vote next month if the plan is approved, he said.",
        THU,
        {"next month": "2023-07"},
    ),
    (
        "If the two leaders had met on Monday, the crisis could have been avoided.",
        THU,
        {"Monday": "2023-06-12"},
    ),
    (
        "Had the accord been signed in May, the fines would have been lifted.",
        THU,
        {"May": "2023-05"},
    ),
    (
        "Belgrade will not change course, the president said on Thursday.",
        THU,
        {"Thursday": "2023-06-15"},
    ),
    (
        '"We will meet on Monday," the envoy told reporters on Wednesday.',
        THU,
        {"Monday": "2023-06-19", "Wednesday": "2023-06-14"},
    ),
    (
        "The ballot, which the opposition boycotted on Sunday, will be rerun on July 2.",
        THU,
        {"Sunday": "2023-06-11", "July 2": "2023-07-02"},
    ),
    (
        "Parliament passed on Tuesday a law that will take effect in January.",
        THU,
        {"Tuesday": "2023-06-13", "January": "2024-01"},
    ),
    ("Ahead of talks on Monday, the envoy met both leaders.", THU, {"Monday": "2023-06-19"}),
    ("Since Monday, police have held 12 people.", THU, {"Monday": "2023-06-12"}),
    ("Until Monday, the crossing will stay shut.", THU, {"Monday": "2023-06-19"}),
    ("The envoy, who arrives on Sunday, will see both leaders.", THU, {"Sunday": "2023-06-18"}),
    (
        "Police said they arrested two men on Saturday and would question them on Monday.",
        THU,
        {"Saturday": "2023-06-10", "Monday": "2023-06-19"},
    ),
    (
        "The premier said in January that a deal would be reached by June.",
        WED,
        {"January": "2023-01", "June": "2023-06"},
    ),
    ("Kosovo held local elections last April.", WED, {"last April": "2022-04"}),
    ("A referendum will be held in March.", THU, {"March": "2024-03"}),
    ("The court is expected to rule in September.", THU, {"September": "2023-09"}),
    ("The court ruled in September that the law was void.", THU, {"September": "2022-09"}),
]


@pytest.mark.parametrize(("text", "dct", "expected"), MIXED)
def test_mixed_frames(text: str, dct: str, expected: dict[str, str]) -> None:
    got = {t.text: t.value for t in tag_text(text, dct)}
    assert {k: got.get(k) for k in expected} == expected, got

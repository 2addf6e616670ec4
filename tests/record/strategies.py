"""Hypothesis strategies for whole valid bundles: every record kind, with references that resolve to
records of the right kind, ordered dates, citation spans within their documents' text, positions on
their issues' scales, and recorded votes that agree with the body's membership and rule.

``bundles()`` draws the records (the case first); ``record_errors`` on them is empty by construction,
which the round-trip test asserts before anything else, so a generator mistake shows as such."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from accord.record.model import (
    Actor, Capability, Case, Claim, Decision, DecisionRule, DesignationList, Document, Event, Issue, Merge,
    Participant, Position, Process, Record, Relation, Report, Roadmap, Statement, Vocabulary,
)
from accord.record.snapshot import Snapshot
from accord.rules.procedures import decide
from accord.rules.votes import ballots

# text a person might write: any printable character (accents, quotes, colons, "#", a leading "-",
# words YAML 1.1 reads as booleans or numbers), spaces and line breaks in any place
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85\ufeff") | st.sampled_from(
    ["\n", " ", ": ", "#", "\t", "\r\n", " \n", "\n ", "\u00a0", "'", '"', "- ", "no", "yes", "on", "1e3", "2016-02-27", "null", "~", "*"])
TEXT = st.lists(_CHARS, max_size=12).map("".join)
NAME = TEXT.filter(lambda s: s.strip() != "")
WORD = st.text(string.ascii_lowercase, min_size=1, max_size=8)
NUMBER = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
UNIT = st.floats(0, 1, allow_nan=False)


@st.composite
def dates(draw, after: dt.date | None = None) -> str:
    """A fuzzy date in any of the bundle's forms, starting no earlier than ``after``."""
    lo = after or dt.date(1990, 1, 1)
    day = draw(st.dates(lo, max(lo, dt.date(2030, 12, 31))))
    form = draw(st.sampled_from(["day", "month", "part", "year", "range"]))
    if form == "day":
        return day.isoformat()
    if form == "range":
        end = draw(st.dates(day, day + dt.timedelta(days=3000)))
        return f"{day.isoformat()}..{end.isoformat()}"
    if (form == "month" and day.replace(day=1) < lo) or (form == "year" and day.replace(month=1, day=1) < lo):
        return day.isoformat()
    if form == "month":
        return day.strftime("%Y-%m")
    if form == "year":
        return str(day.year)
    part = draw(st.sampled_from(["early", "mid", "late"]))
    first = {"early": 1, "mid": 11, "late": 21}[part]
    return day.strftime("%Y-%m-") + part if day.replace(day=first) >= lo else day.isoformat()


def _end_of(date: str) -> dt.date:
    from accord.record.dates import FuzzyDate

    return FuzzyDate.parse(date).end


@st.composite
def citations(draw, docs: list[Document], min_size: int = 1) -> list[dict]:
    out = []
    for _ in range(draw(st.integers(min_size, 2))):
        note = draw(st.none() | NAME)
        if docs and draw(st.booleans()):
            doc = draw(st.sampled_from(docs))
            c: dict = {"document": doc.id}
            if draw(st.booleans()):
                start = draw(st.integers(0, len(doc.text or "")))
                c |= {"start": start, "end": draw(st.integers(start, len(doc.text or "")))}
        else:
            c = {"url": "https://example.org/" + draw(WORD)}
        out.append(c | ({"note": note} if note else {}))
    return out


def _opt(draw, strategy, **kw):
    """A field drawn or left out (None: the default)."""
    return draw(st.none() | strategy, **kw)


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


@st.composite
def bundles(draw, case_id: str = "gen") -> list[Record]:
    recs: list[Record] = [Case(**_clean({"id": case_id, "name": draw(NAME), "description": _opt(draw, TEXT),
                                          "coding_note": _opt(draw, TEXT), "note": _opt(draw, TEXT)}))]

    docs = [Document(**_clean({
        "id": f"doc-{i}", "title": draw(NAME), "url": _opt(draw, st.just(f"https://example.org/d{i}")),
        "outlet": _opt(draw, NAME), "published": _opt(draw, dates()), "language": draw(st.sampled_from(["en", "ar"])),
        "sha256": _opt(draw, st.text("0123456789abcdef", min_size=64, max_size=64)), "text": draw(TEXT),
    })) for i in range(draw(st.integers(0, 2)))]
    recs += docs

    def cite(min_size: int = 1) -> list[dict]:
        return draw(citations(docs, min_size))

    # a body with a rule, and actors
    procedure = draw(st.sampled_from(["security-council", "consensus", "unanimity", "majority", "qualified-majority"]))
    body = Actor(id="body", kind="organisation", name=draw(NAME), cite=cite(), rule=DecisionRule(**_clean({
        "procedure": procedure, "share": draw(st.sampled_from([0.5, 0.6, 0.6667])) if procedure == "qualified-majority" else None,
        "votes_needed": _opt(draw, st.integers(1, 3)), "source": _opt(draw, NAME)})))
    actors = [body]
    kinds = ["state", "organisation", "forum", "government", "armed_group", "political_group", "person", "other"]
    for i in range(draw(st.integers(2, 4))):
        start = _opt(draw, dates())
        actors.append(Actor(**_clean({
            "id": f"actor-{i}", "kind": draw(st.sampled_from(kinds)), "name": draw(NAME),
            "aliases": draw(st.lists(NAME, max_size=2)), "country": _opt(draw, st.sampled_from(["SYR", "YEM", "NRT"])),
            "description": _opt(draw, TEXT), "start": start,
            "end": _opt(draw, dates(_end_of(start))) if start else None, "reported": draw(st.booleans()),
            "roles": [{"title": draw(NAME), "of": "body", "cite": cite(0)}] if draw(st.booleans()) else [],
            "cite": cite(), "note": _opt(draw, TEXT),
        })))
    recs += actors
    members = [a.id for a in actors[1:]]
    ids = [a.id for a in actors]

    # processes, one a ceasefire with its terms
    processes = [Process(id="talks", name=draw(NAME), kind="talks", convened_by=["body"], cite=cite(),
                         parties=[{"actor": members[0], "status": draw(st.sampled_from(["accepted", "refused"])),
                                   "date": draw(dates()), "to": ["body"], "cite": cite()}])]
    if draw(st.booleans()):
        start = draw(st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1)))
        processes.append(Process(id="truce", name=draw(NAME), kind="ceasefire", parent="talks", cite=cite(),
                                 requires_acceptance=draw(st.booleans()), ceasefire={
            "time_zone": draw(st.sampled_from(["UTC", "Asia/Damascus", "Asia/Aden"])), "start": start,
            "end": _opt(draw, st.just(start + dt.timedelta(days=draw(st.integers(1, 90))))),
            "acceptance_deadline": _opt(draw, st.just(start - dt.timedelta(hours=12))),
            "area": draw(st.lists(st.sampled_from(["SYR", "SYR/Idleb", "YEM"]), max_size=2, unique=True))}))
    recs += processes

    # relations: every actor but the body a member, always; other edges
    relations = [Relation(type="member_of", source=m, target="body", permanent=draw(st.booleans()),
                          veto=draw(st.booleans()), cite=cite()) for m in members]
    relations.append(Relation(type="mediates", source="body", target=members[0], process="talks",
                              start=_opt(draw, dates()), cite=cite(), description=_opt(draw, TEXT)))
    recs += relations

    events = [Event(**_clean({
        "id": f"event-{i}", "type": draw(st.sampled_from(["meeting", "talks", "vote", "strike", "other"])),
        "name": draw(NAME), "date": draw(dates()), "place": _opt(draw, NAME), "summary": _opt(draw, TEXT),
        "participants": [Participant(actor=a, role=draw(st.sampled_from(["source", "target", "host"])))
                         for a in draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))],
        "plover": _opt(draw, st.sampled_from(["CONSULT", "FIGHT"])), "cameo": _opt(draw, st.sampled_from(["040", "190"])),
        "process": _opt(draw, st.sampled_from([p.id for p in processes])),
        "claims": [Claim(by=draw(st.sampled_from(ids)), stance=draw(st.sampled_from(["alleges", "denies"])),
                         date=draw(dates()), note=_opt(draw, TEXT), cite=cite()) for _ in range(draw(st.integers(0, 1)))],
        "cite": cite(),
    })) for i in range(draw(st.integers(0, 2)))]
    recs += events

    issues = []
    for i in range(draw(st.integers(1, 2))):
        if draw(st.booleans()):
            issues.append(Issue(id=f"issue-{i}", name=draw(NAME), options=draw(st.lists(NAME, min_size=2, max_size=4)),
                                cite=cite()))
        else:
            lo = draw(NUMBER)
            hi = lo + draw(st.floats(0.5, 1e3))
            anchors = {draw(st.floats(lo, hi)): draw(NAME) for _ in range(draw(st.integers(0, 2)))}
            issues.append(Issue(id=f"issue-{i}", name=draw(NAME), scale_min=lo, scale_max=hi, anchors=anchors,
                                description=_opt(draw, TEXT), cite=cite()))
    recs += issues
    positions = {}
    for issue in issues:
        for actor in draw(st.lists(st.sampled_from(members), max_size=2, unique=True)):
            date = draw(dates())
            pos = Position(**_clean({
                "issue": issue.id, "actor": actor, "date": date, "salience": draw(UNIT),
                "value": float(draw(st.integers(0, len(issue.options) - 1))) if issue.options
                else draw(st.floats(issue.scale_min, issue.scale_max)),
                "uncertainty": _opt(draw, st.floats(0, 10)), "threshold": _opt(draw, st.floats(0, 10)), "cite": cite()}))
            positions[pos.id] = pos
    recs += positions.values()
    capabilities = {}
    for actor in draw(st.lists(st.sampled_from(members), max_size=2, unique=True)):
        cap = Capability(**_clean({"actor": actor, "value": draw(st.floats(0, 1e4)), "date": draw(dates()),
                                   "issue": _opt(draw, st.sampled_from([i.id for i in issues])), "cite": cite()}))
        capabilities[cap.id] = cap
    recs += capabilities.values()
    recs += [Statement(**_clean({
        "id": f"stmt-{i}", "speaker": _opt(draw, st.sampled_from(ids)), "speaker_text": draw(NAME), "content": draw(TEXT),
        "direct": draw(st.booleans()), "cue": _opt(draw, WORD), "date": draw(dates()),
        "issue": _opt(draw, st.sampled_from([i.id for i in issues])), "cite": cite()}))
        for i in range(draw(st.integers(0, 2)))]

    # a decision whose recorded status is what the body's rule gives for its votes
    snap = Snapshot(recs)
    date = draw(dates())
    votes = {m: draw(st.sampled_from(["yes", "no", "abstain", "absent"])) for m in members} if draw(st.booleans()) else {}
    status = draw(st.sampled_from(["draft", "pending", "adopted", "rejected"]))
    matter = draw(st.sampled_from(["substantive", "procedural"]))
    bs = ballots(snap, "body", _first_day(date), votes)
    if votes and status in ("adopted", "rejected"):
        status = "adopted" if decide(body.rule, bs, matter).adopted else "rejected"
    counted = {v: sum(1 for b in bs if b.vote == v) for v in ("yes", "no", "abstain")}
    decision = Decision(**_clean({
        "id": "decision-0", "body": "body", "date": date, "title": draw(NAME), "status": status, "matter": matter,
        "symbol": _opt(draw, st.just("S/RES/1 (2000)")), "summary": _opt(draw, TEXT), "votes": votes,
        "tally": counted if votes and draw(st.booleans()) else None,
        "provisions": [{"id": "p1", "text": draw(NAME), "issue": issues[0].id,
                        "value": draw(st.floats(issues[0].scale_min, issues[0].scale_max))}],
        "cite": cite()}))
    recs.append(decision)
    if len(processes) > 1:
        truce = processes[1].model_dump(by_alias=True, exclude_defaults=True)
        truce["ceasefire"]["terms"] = [{"decision": "decision-0", "provision": "p1"}]
        recs[recs.index(processes[1])] = Process.model_validate(truce)

    recs.append(DesignationList(
        id="list-0", name=draw(NAME), body="body",
        effects=draw(st.lists(st.sampled_from(["travel-ban", "asset-freeze", "excluded-from:talks"]), unique=True)),
        entries=[{"actor": a, "proposed_by": [members[0]], "designated_by": _opt(draw, st.just("body")),
                  "stances": [{"member": members[0], "stance": "supports", "date": draw(dates()), "cite": cite()}],
                  "cite": cite()} for a in draw(st.lists(st.sampled_from(members), max_size=2, unique=True))],
        cite=cite()))
    recs.append(Roadmap(id="roadmap-0", name=draw(NAME), decision="decision-0", cite=cite(), milestones=[
        {"id": "m1", "name": draw(NAME), "deadline": {"by": draw(dates())},
         "met_by": _opt(draw, st.sampled_from([e.id for e in events])) if events else None},
        {"id": "m2", "name": draw(NAME), "deadline": {"within": f"{draw(st.integers(1, 9))} months", "after": "m1"},
         "claims": [{"by": members[0], "stance": "disputes", "date": draw(dates()), "cite": cite()}]},
    ]))
    recs.append(Vocabulary(issue=issues[0].id, topic=[draw(WORD)], toward_min=[draw(WORD)],
                           values=[{"pattern": draw(WORD), "value": issues[0].scale_min}]))
    recs.append(Vocabulary(event="AGREE", verbs=[draw(WORD)], nouns=draw(st.lists(WORD, max_size=2))))

    reports = [Report(**_clean({
        "id": f"report-{i}", "source": draw(NAME), "source_kind": draw(st.sampled_from(["outlet", "monitor", "party"])),
        "source_actor": _opt(draw, st.sampled_from(ids)), "dataset": _opt(draw, st.just("acled")),
        "source_id": _opt(draw, WORD), "reliability": draw(st.sampled_from("ABCDEF")), "credibility": draw(st.integers(1, 6)),
        "reported_at": _opt(draw, st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC))),
        "event_time": draw(st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1))),
        "time_precision": draw(st.sampled_from(["exact", "day", "week", "month"])),
        "time_zone": draw(st.sampled_from(["UTC", "Asia/Damascus"])),
        "place": {"name": draw(NAME), "country": "SYR", "lat": draw(st.floats(-90, 90)), "lon": draw(st.floats(-180, 180)),
                  "geo_precision": draw(st.integers(1, 3))},
        "type": draw(st.sampled_from(["battles", "explosions-remote-violence", "protests"])),
        "perpetrator": _opt(draw, st.sampled_from(members)), "perpetrator_text": _opt(draw, NAME),
        "casualties": {"low": 1, "best": 2, "high": draw(st.integers(2, 50))} if draw(st.booleans()) else None,
        "claims": [{"by": members[0], "stance": "cannot_confirm", "date": draw(dates()), "cite": cite()}]
        if draw(st.booleans()) else [],
        "cite": cite(0), "synthetic": draw(st.booleans()),
    })) for i in range(draw(st.integers(0, 3)))]
    recs += reports
    if len(reports) >= 2:
        recs.append(Merge(id="merge-0", reports=["report-0", "report-1"], score=draw(UNIT),
                          parts={"time": draw(UNIT), "type": 1.0}, status=draw(st.sampled_from(["proposed", "accepted"])),
                          decided_by=_opt(draw, WORD)))
    return recs


def _first_day(text: str) -> dt.date:
    """The day a decision's vote is counted on."""
    from accord.record.dates import FuzzyDate

    return FuzzyDate.parse(text).start

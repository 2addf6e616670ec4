"""The domain types of a peace process record: one definition each.

Every record has a stable human-readable ``id`` (unique within its case, across kinds) and, when it
states a fact, at least one citation. JSON Schema, bundle files and store rows are all derived from
these classes. Fields that name another record are typed ``Ref[...]`` so that references can be
checked generically (see ``references``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from types import UnionType
from typing import Annotated, Any, ClassVar, Iterator, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, AllowInfNan, BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from accord.record.behaviour import (
    ActorBehaviour, CitationBehaviour, IntervalBehaviour, IssueBehaviour, MergeBehaviour, OfIssueBehaviour,
    ProcessBehaviour, RecordBehaviour, RelationBehaviour,
)
from accord.record.dates import FuzzyDate
# defined where readers of plain records find them without pydantic; the model's readers find them here too
from accord.record.terms import DISPUTING, EXCLUDED_FROM, MEDIATION_ROLES, PARTY_KINDS, disputes  # noqa: F401

#: every number of the record: finite. NaN and infinity have no JSON form (they would be stored as null
#: and fail to read back) and compare false with everything, so no field takes them.
Number = Annotated[float, AllowInfNan(False)]


@functools.cache
def _number_adapter() -> TypeAdapter[float]:
    return TypeAdapter(Number)  # built when first used: a command that reads no number file never pays for it


def number(value: object) -> float:
    """A finite float from a number or its text; ValueError otherwise (for readers outside the model)."""
    try:
        return _number_adapter().validate_python(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a finite number") from None


ID_PATTERN = r"^[a-z0-9][a-z0-9._:-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=200)]


class RefTo:
    """Metadata marking a field as a reference to a record of the given kinds (any kind if empty).

    With a ``prefix``, only a value that starts with it refers, to the id after it (a list effect
    ``excluded-from:geneva-talks`` refers to the process ``geneva-talks``; ``travel-ban`` to nothing)."""

    def __init__(self, *kinds: str, prefix: str = ""):
        self.kinds = kinds
        self.prefix = prefix

    def target(self, value: str) -> str | None:
        """The id a value refers to, or None when it refers to nothing."""
        if not self.prefix:
            return value
        return value[len(self.prefix):] if value.startswith(self.prefix) else None

    def __repr__(self) -> str:
        return f"RefTo{self.kinds}" + (f"[{self.prefix}]" if self.prefix else "")


ActorRef = Annotated[str, RefTo("actor")]
IssueRef = Annotated[str, RefTo("issue")]
DocumentRef = Annotated[str, RefTo("document")]
EventRef = Annotated[str, RefTo("event")]
ProcessRef = Annotated[str, RefTo("process")]


class Model(BaseModel):
    # defer_build: a class's validator is built when the class first validates, not at import, so a
    # command builds only the record classes it decodes (docs/benchmarks.md, issue 13 item 3)
    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=True, defer_build=True)


class Citation(CitationBehaviour, Model):
    """Where a fact comes from: a document and a character span, or a URL with a short note.

    Bundles may write either as a string: ``https://...`` or ``doc-id`` or ``doc-id:120-188``.
    """

    document: DocumentRef | None = Field(
        default=None,
        description="The cited document's id (a citation names a document or a url, not both).",
    )
    start: int | None = Field(
        default=None, ge=0,
        description="Start of the cited span: a character offset into the document's text, from 0 (with end).",
    )
    end: int | None = Field(
        default=None, ge=0,
        description="End of the cited span: the offset just past its last "
        "character, at most the text's length (with start).",
    )
    url: str | None = Field(
        default=None,
        description="Web address of the source, when it is not a document of the case.",
    )
    note: str | None = Field(default=None, description="What the source says or how it was read, briefly.")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if re.match(r"^[a-z][a-z0-9+.-]*://", value):
            return {"url": value}
        m = re.match(r"^([a-z0-9][a-z0-9._-]*)(?::(\d+)-(\d+))?$", value)
        if not m:
            raise ValueError(f"citation {value!r} is neither a URL nor DOC or DOC:START-END")
        span = {"start": int(m[2]), "end": int(m[3])} if m[2] else {}
        return {"document": m[1], **span}

    @classmethod
    def __get_pydantic_json_schema__(cls, core: Any, handler: Any) -> dict[str, Any]:
        full = handler(core)
        short = {"type": "string", "description": "URL, DOC or DOC:START-END", "pattern": r"^([a-z][a-z0-9+.-]*://.+|[a-z0-9][a-z0-9._-]*(:\d+-\d+)?)$"}
        return {"anyOf": [short, full]}

    @model_validator(mode="after")
    def _check(self) -> Citation:
        if (self.document is None) == (self.url is None):
            raise ValueError("a citation names either a document or a URL")
        if (self.start is None) != (self.end is None):
            raise ValueError("a citation span needs both start and end")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("a citation span ends before it starts")
        return self


Citations = Annotated[list[Citation], Field(min_length=1)]


class Record(RecordBehaviour, Model):
    """Base of every stored record. ``record_kind`` names the record type in bundles, the store and the CLI."""

    record_kind: ClassVar[str]
    bundle_file: ClassVar[str]
    #: a derived id ("{a}.{b}") is allowed when the bundle gives none; see ``_derive_id``
    id_from: ClassVar[tuple[str, ...]] = ()
    #: how the id is made when the bundle gives none, for kinds that derive it otherwise (the schema says it)
    id_default: ClassVar[str] = ""

    id: Id = Field(
        description="Stable id, unique within the case across every kind: lowercase "
        "letters, digits and . _ : - (at most 200 characters).",
    )
    note: str | None = Field(default=None, description="A note for people; no rule reads it.")

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, value: Any) -> Any:
        if cls.id_from and isinstance(value, dict) and not value.get("id"):
            rid = cls.id_of(value)
            if rid is not None:
                value = {**value, "id": rid}
        return value

    @classmethod
    def id_of(cls, value: dict[str, Any]) -> str | None:
        """The id of a record's raw data: its own, or derived from ``id_from``; None when neither."""
        if value.get("id"):
            return value["id"] if isinstance(value["id"], str) else None
        parts = [value.get(f) for f in cls.id_from]
        if not cls.id_from or any(p is None for p in parts):
            return None
        return re.sub(r"[^a-z0-9._:-]+", "-", ".".join(str(p) for p in parts).lower())


class Fact(Record):
    """A record that states something about the world: it must be cited."""

    cite: Citations = Field(
        description="Where the fact comes from: at least one citation (a URL, DOC or DOC:START-END, or a mapping).",
    )
    reported: bool = Field(
        default=False,
        description="true when the record holds a claim of its source, not a settled fact.",
    )


class Interval(IntervalBehaviour, Model):
    """Valid time: when something held in the world. Open ends are unknown or ongoing."""

    start: FuzzyDate | None = Field(
        default=None,
        description="When it began to hold, as precise as the source gives "
        "(2015-12-18, 2015-12, 2016-01-early, 2016); absent is unknown.",
    )
    end: FuzzyDate | None = Field(
        default=None,
        description="When it stopped holding (it holds through that date's last day); absent is unknown or ongoing.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.start is not None and self.end is not None and self.end.end < self.start.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


# ---------------------------------------------------------------------------------------- sources


class Case(Record):
    """The case itself: its name, what it covers and how its codings were made."""

    record_kind = "case"
    bundle_file = "case.yaml"

    name: str = Field(description="The case's name, as shown in briefs and lists.")
    description: str | None = Field(
        default=None,
        description="What the case covers: the conflict, the process, the period.",
    )
    coding_note: str | None = Field(
        default=None,
        description="How the case's codings (positions, capabilities, salience) were made, and what they are not.",
    )


class Document(Record):
    """A source: a text we hold, or a reference to one."""

    record_kind = "document"
    bundle_file = "documents.yaml"

    title: str = Field(description="The source's title.")
    url: str | None = Field(default=None, description="Where the source can be read.")
    outlet: str | None = Field(default=None, description="Who published it: a newspaper, an agency, a body.")
    published: FuzzyDate | None = Field(
        default=None,
        description="When it was published (a date, as precise as known).",
    )
    language: str = Field(default="en", description="ISO 639-1 code of the text's language.")
    sha256: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text as ingested (64 lowercase hex digits): tells a later, changed copy apart.",
    )
    text: str | None = Field(default=None, description="The text itself; citation spans are character offsets into it.")


# ----------------------------------------------------------------------------------------- actors

ActorKind = Literal[
    "state", "organisation", "forum", "government", "armed_group", "political_group", "person", "other"
]


class Role(Interval):
    """A time-bounded role: Kerry as US Secretary of State, 2013-02-01..2017-01-20."""

    title: str = Field(description="The office held (Secretary of State, Special Envoy).")
    of: ActorRef | None = Field(default=None, description="The actor the office belongs to (a state, an organisation).")
    cite: list[Citation] = Field(default_factory=list, description="Where the role is attested.")


class DecisionRule(Model):
    """How a body decides. The procedures themselves live in accord.rules."""

    procedure: Literal["security-council", "consensus", "unanimity", "majority", "qualified-majority"] = Field(
        description="How the body decides: security-council (9 affirmative votes, no permanent member's no on a "
        "substantive matter), consensus (no member objects), unanimity (every member votes yes), majority "
        "(more yes than no among the votes cast) or qualified-majority (a share of the votes cast).",
    )
    votes_needed: int | None = Field(
        default=None, ge=1,
        description="Affirmative votes needed to adopt (Security Council: 9).",
    )
    share: Number | None = Field(
        default=None, gt=0, le=1,
        description="Share of the votes cast needed for a qualified majority, above "
        "0 and at most 1 (0.6667 for two thirds; default two thirds).",
    )
    quorum: int | None = Field(default=None, ge=1, description="Members present (a count) needed for a valid vote.")
    source: str | None = Field(
        default=None,
        description="Where the rule is written (a charter article, terms of reference).",
    )


class Actor(ActorBehaviour, Fact, Interval):
    """A party, a state, an organisation, a group or a person. An actor with a ``rule`` is a body."""

    record_kind = "actor"
    bundle_file = "actors.yaml"

    kind: ActorKind = Field(
        description="What the actor is: state, organisation, forum, government, "
        "armed_group, political_group, person or other.",
    )
    name: str = Field(description="Its usual name.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names it goes by; matched when reading the news and importing datasets.",
    )
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$",
        description="ISO 3166 alpha-3 code (SYR), for states and their governments.",
    )
    description: str | None = Field(default=None, description="Who or what it is, briefly.")
    roles: list[Role] = Field(default_factory=list, description="Offices a person held, each dated.")
    rule: DecisionRule | None = Field(
        default=None,
        description="How the actor decides; an actor with a rule is a body whose members vote (member_of relations).",
    )


RelationType = Literal[
    "member_of", "supports", "opposes", "allied_with", "sponsors", "targets", "represents", "leads", "co_chairs",
    "mediates", "hosts", "guarantees", "observes",
]


class Relation(RelationBehaviour, Fact, Interval):
    """A typed, directed, time-bounded edge. Membership of a body is ``member_of`` with its flags; a
    mediation role (mediates, hosts, guarantees, observes, sponsors) may name the ``process`` it is held in."""

    record_kind = "relation"
    bundle_file = "relations.yaml"
    id_from = ("source", "type", "target")

    type: RelationType = Field(
        description="What the edge says of source towards target: member_of, supports, "
        "opposes, allied_with, sponsors, targets, represents, leads, co_chairs, "
        "or a mediation role (mediates, hosts, guarantees, observes).",
    )
    source: ActorRef = Field(description="The actor the edge goes from (the member, the mediator).")
    target: ActorRef = Field(description="The actor it goes to (the body, the party mediated).")
    permanent: bool = Field(default=False, description="A permanent member of the body (member_of only).")
    veto: bool = Field(default=False, description="The member holds a veto (member_of only).")
    process: ProcessRef | None = Field(
        default=None,
        description="The process a mediation role is held in (the UN mediates in the Geneva talks).",
    )
    description: str | None = Field(default=None, description="The relation in words.")


# -------------------------------------------------------------------------------------- processes

ProcessKind = Literal["talks", "ceasefire", "prisoner_exchange", "humanitarian", "other"]


class ProcessParty(Model):
    """A party's stance towards a process from a date on: it accepted, refused, accepted on conditions
    or withdrew, conveyed ``to`` whom (the mediators, the co-chairs)."""

    actor: ActorRef = Field(description="The party.")
    status: Literal["accepted", "refused", "conditional", "withdrawn"] = Field(
        description="Its stance from date on: accepted, refused, conditional (accepted on conditions) or withdrawn.",
    )
    date: FuzzyDate = Field(description="When it took that stance.")
    to: list[ActorRef] = Field(default_factory=list, description="Whom it conveyed the stance to (the mediators, the co-chairs).")
    note: str | None = Field(default=None, description="The conditions or circumstances, briefly.")
    cite: Citations = Field(description="Where the stance is attested (at least one citation).")


def iana_zone(value: str) -> str:
    """A time zone's IANA name, checked against the zone database."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (expected an IANA name such as Asia/Damascus)") from None
    return value


class ProvisionRef(Model):
    """A provision of a decision: ``{decision: unscr-2268, provision: cessation}``."""

    decision: Annotated[str, RefTo("decision")] = Field(description="The decision that holds the provision.")
    provision: Id = Field(description="The provision's id within that decision.")


class CeasefireTerms(Model):
    """What only a ceasefire has: exact start and end as wall times in an IANA zone, the deadline for
    parties to accept, the area it covers (ISO 3166 alpha-3 countries, or ``SYR/Idlib`` for an admin
    area of one) and the provisions that are its terms."""

    time_zone: str = Field(description="IANA time zone its times are written in (Asia/Damascus).")
    start: dt.datetime = Field(
        description="When it begins: a wall time in time_zone, without offset (2016-02-27T00:00:00).",
    )
    end: dt.datetime | None = Field(
        default=None,
        description="When it ends (a wall time, after start); absent while open-ended.",
    )
    acceptance_deadline: dt.datetime | None = Field(
        default=None,
        description="By when parties had to accept (a wall time).",
    )
    area: list[Annotated[str, Field(pattern=r"^[A-Z]{3}(/.+)?$")]] = Field(
        default_factory=list,
        description="Where it applies: ISO 3166 alpha-3 countries (SYR) or "
        "one admin area of one (SYR/Idleb); empty is everywhere.",
    )
    terms: list[ProvisionRef] = Field(default_factory=list, description="The provisions of decisions that are its terms.")

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return iana_zone(value)

    @field_validator("start", "end", "acceptance_deadline")
    @classmethod
    def _wall_time(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("write a wall time in time_zone, without an offset")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> CeasefireTerms:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"the ceasefire ends ({self.end}) before it starts ({self.start})")
        return self


class Process(ProcessBehaviour, Fact, Interval):
    """A named process of a case: a talks track, a ceasefire (nationwide or local), a prisoner
    exchange, a humanitarian arrangement. Its eligibility rule: actors of ``party_kinds`` may be
    parties, unless a designation list with the effect ``excluded-from:<id>`` lists them; with
    ``requires_acceptance``, only those whose latest stance is accepted (or conditional) are in."""

    record_kind = "process"
    bundle_file = "processes.yaml"

    name: str = Field(description="The process's name.")
    kind: ProcessKind = Field(description="talks, ceasefire, prisoner_exchange, humanitarian or other.")
    parent_process: ProcessRef | None = Field(
        default=None, alias="parent",
        description="The process this one is part of (a local ceasefire of a wider agreement).",
    )
    convened_by: list[ActorRef] = Field(default_factory=list, description="Who convened it.")
    description: str | None = Field(default=None, description="What the process is, briefly.")
    party_kinds: list[ActorKind] = Field(
        default=list(PARTY_KINDS),
        description="Kinds of actor that may be parties (default: government, armed_group, political_group).",
    )
    requires_acceptance: bool = Field(
        default=False,
        description="true when only actors whose latest stance is accepted or conditional are parties.",
    )
    parties: list[ProcessParty] = Field(
        default_factory=list,
        description="The parties' stances towards the process, each dated and cited.",
    )
    ceasefire: CeasefireTerms | None = Field(
        default=None,
        description="A ceasefire's own terms (kind ceasefire only): exact "
        "start and end, acceptance deadline, area, provisions.",
    )

    @model_validator(mode="after")
    def _ceasefire_terms(self) -> Process:
        if self.ceasefire is not None and self.kind != "ceasefire":
            raise ValueError(f"only a process of kind ceasefire has ceasefire terms (this one is {self.kind})")
        return self


# ----------------------------------------------------------------------------------------- events

ParticipantRole = Literal["source", "target", "participant", "host", "chair", "mediator", "observer"]
ClaimStance = Literal["alleges", "confirms", "denies", "disputes", "cannot_confirm"]


class Claim(Model):
    """What an actor claims about a fact (that an event happened, that a milestone was met): it alleges,
    confirms, denies, disputes it, or cannot confirm it."""

    by: ActorRef = Field(description="Who makes the claim.")
    stance: ClaimStance = Field(
        description="What it says of the fact: alleges, confirms, denies, disputes or cannot_confirm.",
    )
    date: FuzzyDate = Field(description="When it made the claim.")
    note: str | None = Field(default=None, description="What it claimed, briefly (a self-defence claim is named here).")
    cite: Citations = Field(description="Where the claim was made (at least one citation).")


class Participant(Model):
    actor: ActorRef = Field(description="The actor taking part.")
    role: ParticipantRole = Field(
        default="participant",
        description="Its part: source, target, participant, host, chair, mediator or observer.",
    )


class Event(Fact):
    """Something that happened: a meeting, a vote, a statement, a strike, an agreement."""

    record_kind = "event"
    bundle_file = "events.yaml"

    type: Literal["meeting", "talks", "vote", "statement", "strike", "agreement", "ceasefire", "other"] = Field(
        description="meeting, talks, vote, statement, strike, agreement, ceasefire or other.",
    )
    name: str = Field(description="What happened, in a line.")
    date: FuzzyDate = Field(description="When it happened, as precise as the source gives.")
    participants: list[Participant] = Field(default_factory=list, description="Who took part, and in what role.")
    place: str | None = Field(default=None, description="Where it happened, in words.")
    summary: str | None = Field(default=None, description="A short account.")
    plover: str | None = Field(default=None, description="PLOVER event type (CONSULT, AGREE, FIGHT, ...) when coded.")
    cameo: str | None = Field(default=None, description="CAMEO code, a secondary coding beside plover.")
    plover_mode: str | None = Field(
        default=None, pattern=r"^[a-z][a-z-]*$",
        description="PLOVER mode of the event type when coded (third-party for CONSULT, heavy-weapons for ASSAULT).",
    )
    plover_context: list[Annotated[str, Field(pattern=r"^[a-z][a-z-]*$")]] = Field(
        default_factory=list,
        description="PLOVER contexts when coded (military, diplomatic, humanitarian, ...).",
    )
    process: ProcessRef | None = Field(
        default=None,
        description="The process it belongs to (a round of talks, a ceasefire's breach).",
    )
    claims: list[Claim] = Field(
        default_factory=list,
        description="Who alleges, confirms, denies or disputes that it happened as recorded.",
    )


class Statement(Fact):
    """What an actor said: a direct or indirect quote, with the speaker, the cue verb and the date."""

    record_kind = "statement"
    bundle_file = "statements.yaml"

    speaker: ActorRef | None = Field(default=None, description="The actor who spoke.")
    speaker_text: str | None = Field(
        default=None,
        description="How the source names the speaker (\"a senior official\"), kept when no actor is linked.",
    )
    content: str = Field(description="What was said, as the source gives it.")
    direct: bool = Field(default=True, description="true for a direct quote, false for reported speech.")
    cue: str | None = Field(default=None, description="The verb that introduced it (said, warned, insisted).")
    date: FuzzyDate = Field(description="When it was said.")
    issue: IssueRef | None = Field(default=None, description="The issue it speaks to.")

    @model_validator(mode="after")
    def _someone_spoke(self) -> Statement:
        if self.speaker is None and not self.speaker_text:
            raise ValueError("a statement needs a speaker or speaker_text")
        return self


# ----------------------------------------------------------------------------------- negotiations


class Issue(IssueBehaviour, Fact):
    """A question under negotiation, on a numeric scale with labelled anchors or ordered options."""

    record_kind = "issue"
    bundle_file = "issues.yaml"

    name: str = Field(description="The question, in a few words.")
    description: str | None = Field(default=None, description="What is at stake, and what the ends of the scale mean.")
    scale_min: Number = Field(default=0, description="Lower end of the scale (0 when options are given).")
    scale_max: Number = Field(
        default=100,
        description="Upper end of the scale, above scale_min (the number "
        "of options minus one when options are given).",
    )
    anchors: dict[Number, str] = Field(
        default={},
        description="Labels for points of the scale ({0: advisory only, 100: binding}); each point within the scale.",
    )
    options: list[str] | None = Field(
        default=None,
        description="Ordered options, at least two; positions then take an option's index (scale 0..len-1).",
    )

    @model_validator(mode="after")
    def _scale(self) -> Issue:
        if self.options is not None and len(self.options) < 2:
            raise ValueError("an issue with options needs at least two")
        self._derived(self.__dict__)
        if self.scale_max <= self.scale_min:
            raise ValueError("scale_max must be above scale_min")
        for at in self.anchors:
            if not self.scale_min <= at <= self.scale_max:
                raise ValueError(f"anchor {at} lies outside the scale {self.scale_min}..{self.scale_max}")
        return self


class Position(OfIssueBehaviour, Fact):
    """Where an actor stands on an issue as of a date, and how much it cares (salience 0..1)."""

    record_kind = "position"
    bundle_file = "positions.yaml"
    id_from = ("issue", "actor", "date")

    issue: IssueRef = Field(description="The issue.")
    actor: ActorRef = Field(description="The actor whose stance it is.")
    value: Number = Field(
        description="Where the actor stands, on the issue's scale (an option's index for an issue with options).",
    )
    salience: Number = Field(ge=0, le=1, description="How much the issue matters to the actor, 0..1.")
    date: FuzzyDate = Field(description="As of when.")
    uncertainty: Number | None = Field(
        default=None, ge=0,
        description="Spread of the coding (plus or minus, scale units), used by Monte Carlo forecasts.",
    )
    threshold: Number | None = Field(
        default=None, ge=0,
        description="How far (scale units) from its position the actor still accepts "
        "a draft; when unset, vote prediction derives it from salience.",
    )


class Capability(OfIssueBehaviour, Fact):
    """An actor's capability to shape outcomes (any non-negative scale), as of a date, optionally per issue."""

    record_kind = "capability"
    bundle_file = "capabilities.yaml"
    id_from = ("actor", "date")

    actor: ActorRef = Field(description="The actor.")
    value: Number = Field(
        ge=0,
        description="Its capability to shape outcomes, on any non-negative scale used consistently within the case.",
    )
    date: FuzzyDate = Field(description="As of when.")
    issue: IssueRef | None = Field(default=None, description="The issue it applies to; absent for every issue.")
    uncertainty: Number | None = Field(
        default=None, ge=0,
        description="Spread of the coding (plus or minus, same units), used by Monte Carlo forecasts.",
    )


# -------------------------------------------------------------------------------------- decisions

Vote = Literal["yes", "no", "abstain", "absent"]


class Provision(Model):
    id: Id = Field(description="Its id within the decision.")
    text: str = Field(description="The provision's text, or a summary of it.")
    issue: IssueRef | None = Field(default=None, description="The issue it settles.")
    value: Number | None = Field(default=None, description="Where it settles that issue, on the issue's scale.")


class VoteCount(Model):
    """A vote's result as its source reports it ("14-0-1"): how many voted yes, no, abstained."""

    yes: int = Field(ge=0, description="Members voting in favour.")
    no: int = Field(ge=0, description="Members voting against.")
    abstain: int = Field(default=0, ge=0, description="Members abstaining.")
    absent: int | None = Field(default=None, ge=0, description="Members not voting, when the source says.")


class Decision(Fact):
    """A body's act: a draft or an adopted text, with its recorded vote and provisions."""

    record_kind = "decision"
    bundle_file = "decisions.yaml"

    body: ActorRef = Field(description="The body that decides (an actor with a rule).")
    date: FuzzyDate = Field(description="When it was adopted, rejected or tabled.")
    title: str = Field(description="Its title.")
    symbol: str | None = Field(default=None, description="The body's document symbol (S/RES/2254 (2015)).")
    meeting: str | None = Field(default=None, description="The meeting at which it was taken (S/PV.7588).")
    matter: Literal["substantive", "procedural"] = Field(
        default="substantive",
        description="substantive or procedural (on the Security Council a procedural matter knows no veto).",
    )
    status: Literal["draft", "adopted", "rejected", "pending"] = Field(
        description="draft, adopted, rejected or pending.",
    )
    summary: str | None = Field(default=None, description="What it does, briefly.")
    votes: dict[ActorRef, Vote] = Field(
        default={},
        description="Each member's recorded vote, by actor id: yes, no, abstain or "
        "absent; checked against the membership and the body's rule at load.",
    )
    parties_to_dispute: list[ActorRef] = Field(
        default_factory=list,
        description="Members that are parties to the dispute and so must abstain (Charter "
        "art. 27(3), decisions under Chapter VI only; leave empty otherwise).",
    )
    provisions: list[Provision] = Field(
        default_factory=list,
        description="Its provisions, each with an id unique in the decision.",
    )
    tally: VoteCount | None = Field(
        default=None,
        description="The count as the source gives it (14-0-1); checked "
        "against votes and the body's membership at load.",
    )


class Stance(Model):
    """A member's stance on listing one entry, from a date on."""

    member: ActorRef = Field(description="The member of the list's body.")
    stance: Literal["supports", "opposes", "undecided"] = Field(description="supports, opposes or undecided.")
    date: FuzzyDate = Field(description="From when it holds.")
    reported: bool = Field(default=False, description="true when it is a source's claim, not a settled fact.")
    cite: Citations = Field(description="Where the stance is attested (at least one citation).")


class ListEntry(Model):
    actor: ActorRef = Field(description="The actor listed or proposed.")
    proposed_by: list[ActorRef] = Field(default_factory=list, description="The members that proposed listing it.")
    proposed_on: FuzzyDate | None = Field(default=None, description="When it was proposed.")
    designated_by: ActorRef | None = Field(
        default=None,
        description="A body whose own designation lists this entry (the Security "
        "Council for ISIL), whatever the list's body decides.",
    )
    designated_on: FuzzyDate | None = Field(
        default=None,
        description="When designated_by designated it (a resolution's adoption, a committee's listing): "
        "listed from that day on, not before.",
    )
    reference: str | None = Field(
        default=None, min_length=1,
        description="The entry's reference number on the designating body's own list (QDe.137 on the UN "
        "Security Council Consolidated List).",
    )
    stances: list[Stance] = Field(default_factory=list, description="The members' stances on listing it, each dated.")
    cite: Citations = Field(description="Where the entry is attested (at least one citation).")


#: what listing entails: sanctions (``travel-ban``, ``asset-freeze``, ``arms-embargo``), or exclusion
#: from a process of the case (``excluded-from:<process id>``, checked as a reference)
ListEffect = Annotated[
    str,
    Field(pattern=r"^(travel-ban|asset-freeze|arms-embargo|excluded-from:[a-z0-9][a-z0-9._:-]*)$",
          description="travel-ban, asset-freeze, arms-embargo or excluded-from:<process id>"),
    RefTo("process", prefix=EXCLUDED_FROM),
]


class DesignationList(Fact):
    """A list of designated groups, decided under its body's rule, and what listing entails."""

    record_kind = "designation-list"
    bundle_file = "lists.yaml"

    name: str = Field(description="The list's name.")
    body: ActorRef = Field(description="The body that decides the list, under its rule.")
    effects: list[ListEffect] = Field(
        default_factory=list,
        description="What listing entails: travel-ban, asset-freeze, arms-embargo, or excluded-from:<process id>.",
    )
    entries: list[ListEntry] = Field(
        default_factory=list,
        description="The actors listed or proposed, with the members' stances.",
    )


class Deadline(Model):
    """Absolute (``by``: a date or a range such as 2016-01-early) or relative (``within`` a duration
    ``after`` another milestone, event or decision). ``condition`` holds one given in words only."""

    by: FuzzyDate | None = Field(
        default=None,
        description="An absolute deadline: a date or a range (2016-01-early, 2016-06-01..2016-06-30).",
    )
    within: str | None = Field(
        default=None, pattern=r"^\d+ (day|week|month|year)s?$",
        description="A relative deadline: N day(s), week(s), month(s) or year(s) after the record named by after.",
    )
    after: Id | None = Field(
        default=None,
        description="What within counts from: a milestone of the same roadmap, "
        "or any record with a date (an event, a decision).",
    )
    condition: str | None = Field(
        default=None,
        description="A deadline given in words only (\"once the parties agree\").",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Deadline:
        if self.by is None and self.within is None and self.condition is None:
            raise ValueError("a deadline needs by, within or condition")
        if self.within is not None and self.after is None:
            raise ValueError("a relative deadline (within) needs after")
        return self


class Milestone(Model):
    id: Id = Field(description="Its id within the roadmap.")
    name: str = Field(description="What is to be done.")
    deadline: Deadline = Field(description="By when.")
    met_by: EventRef | None = Field(default=None, description="The event that met it, once one has.")
    claims: list[Claim] = Field(
        default_factory=list,
        description="Who confirms, denies or disputes that it was met (beside the claims on the event itself).",
    )
    note: str | None = Field(default=None, description="A note for people.")


class Roadmap(Fact):
    """Milestones set by a decision or an agreement."""

    record_kind = "roadmap"
    bundle_file = "roadmaps.yaml"

    name: str = Field(description="The roadmap's name.")
    decision: Annotated[str, RefTo("decision")] | None = Field(
        default=None,
        description="The decision or agreement that set it.",
    )
    milestones: list[Milestone] = Field(default_factory=list, description="Its milestones, each id unique in the roadmap.")

    @field_validator("milestones")
    @classmethod
    def _unique(cls, milestones: list[Milestone]) -> list[Milestone]:
        seen: set[str] = set()
        for m in milestones:
            if m.id in seen:
                raise ValueError(f"milestone id {m.id!r} appears twice")
            seen.add(m.id)
        return milestones


# ------------------------------------------------------------------------------------- vocabulary

#: the PLOVER event types the event coder knows (accord/ingest/world/events.yaml)
PloverType = Literal[
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
]


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern.removeprefix("="))
    except re.error as e:
        raise ValueError(f"{pattern!r} is not a regular expression: {e}") from None
    return pattern


Pattern = Annotated[str, Field(min_length=1), AfterValidator(_regex)]
Trigger = Annotated[str, Field(min_length=1, pattern=r"^[a-z][a-z' -]*$")]


class ValueCue(Model):
    """Words that pin a number on the issue's scale ("must step down" is 0)."""

    pattern: Pattern = Field(description="A regular expression over lower-case text.")
    value: Number = Field(description="The point of the issue's scale it pins.")


class Vocabulary(Record):
    """The words for reading a case's news: the stance cues of one of its issues (``issue``, with its
    ``topic`` words and the words leaning ``toward_min`` or ``toward_max``), or more trigger words for
    an event type (``event``). Merged with the world dictionary by ``accord ingest --case`` (the case's
    words first). Cues are regular expressions over lower-case text; a leading ``=`` keeps a direction
    word's direction under negation. The id defaults to ``<issue>.words`` or ``<event type>.words``."""

    record_kind = "vocabulary"
    bundle_file = "vocabulary.yaml"
    id_default = "<issue>.words, or <event type in lower case>.words"

    issue: IssueRef | None = Field(
        default=None,
        description="The issue whose stance cues these are (give issue or event, not both).",
    )
    topic: list[Pattern] = Field(default_factory=list, description="Patterns that say a sentence is about the issue.")
    toward_min: list[Pattern] = Field(default_factory=list, description="Patterns leaning towards scale_min.")
    toward_max: list[Pattern] = Field(default_factory=list, description="Patterns leaning towards scale_max.")
    values: list[ValueCue] = Field(default_factory=list, description="Phrases that pin a number on the scale.")
    event: PloverType | None = Field(
        default=None,
        description="The PLOVER event type these trigger words add to (CONSULT, AGREE, FIGHT, ...).",
    )
    verbs: list[Trigger] = Field(
        default_factory=list,
        description="Base forms of trigger verbs, lower case; the event coder adds -s, -ed, -ing.",
    )
    irregular: list[Trigger] = Field(default_factory=list, description="Other forms and phrases, lower case, matched as written.")
    nouns: list[Trigger] = Field(
        default_factory=list,
        description="Nouns naming the event when the sentence says it happened (\"the swap took place\").",
    )

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, value: Any) -> Any:
        if isinstance(value, dict) and not value.get("id"):
            named = value.get("issue") or (str(value["event"]).lower() if value.get("event") else None)
            if isinstance(named, str):
                value = {**value, "id": f"{named}.words"}
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> Vocabulary:
        if (self.issue is None) == (self.event is None):
            raise ValueError("a vocabulary entry gives either issue (stance cues) or event (trigger words)")
        stance_words = self.topic or self.toward_min or self.toward_max or self.values
        triggers = self.verbs or self.irregular or self.nouns
        if self.issue is not None:
            if triggers:
                raise ValueError("verbs, irregular and nouns are trigger words: give them under an event")
            if not self.topic or not (self.toward_min or self.toward_max):
                raise ValueError(f"the cues of issue {self.issue!r} need topic words and direction words"
                                 " (toward_min or toward_max)")
        else:
            if stance_words:
                raise ValueError("topic, toward_min, toward_max and values are stance cues: give them under an issue")
            if not triggers:
                raise ValueError(f"event {self.event}: give verbs, irregular or nouns")
        return self


# ---------------------------------------------------------------------------------------- monitor
# Ceasefire monitoring (accord.monitor, docs/monitor.md): one source's account of an incident (a report)
# and the reviewable decision to treat two reports as the same incident (a merge). Incidents themselves
# are derived, never stored: the reports joined by accepted merges.

ReportRef = Annotated[str, RefTo("report")]


#: ACLED's six event types (ACLED codebook), as slugs
IncidentType = Literal[
    "battles", "explosions-remote-violence", "violence-against-civilians", "protests", "riots",
    "strategic-developments",
]
#: how exactly the event time is known: ACLED's time_precision 1, 2, 3 are day, week, month
TimePrecision = Literal["exact", "day", "week", "month"]


class Place(Model):
    """Where: a name, admin areas, coordinates and how precise they are (ACLED's geo_precision 1-3:
    the place itself, its surroundings, a larger region)."""

    name: str | None = Field(default=None, description="The place's name (a town, a district).")
    country: str | None = Field(
        default=None, pattern=r"^[A-Z]{3}$",
        description="ISO 3166 alpha-3 code of its country.",
    )
    admin1: str | None = Field(default=None, description="First-level admin area (a governorate).")
    admin2: str | None = Field(default=None, description="Second-level admin area (a district).")
    lat: Number | None = Field(default=None, ge=-90, le=90, description="Latitude, decimal degrees (WGS 84), -90..90.")
    lon: Number | None = Field(
        default=None, ge=-180, le=180,
        description="Longitude, decimal degrees (WGS 84), -180..180.",
    )
    geo_precision: int = Field(
        default=1, ge=1, le=3,
        description="How precise the place is, as ACLED's geo_precision: 1 "
        "the place itself, 2 its surroundings, 3 a larger region.",
    )


class Casualties(Model):
    """Deaths as UCDP GED counts them: a low, a best and a high estimate."""

    low: int = Field(default=0, ge=0, description="Deaths, low estimate (UCDP GED's low).")
    best: int = Field(default=0, ge=0, description="Deaths, best estimate, between low and high.")
    high: int = Field(default=0, ge=0, description="Deaths, high estimate.")

    @model_validator(mode="after")
    def _ordered(self) -> Casualties:
        if not self.low <= self.best <= self.high:
            raise ValueError(f"casualties must be low <= best <= high, not {self.low}/{self.best}/{self.high}")
        return self


class Report(Record):
    """One source's account of an incident, graded on the Admiralty scale (the source's reliability A-F
    and the information's credibility 1-6, graded separately)."""

    record_kind = "report"
    bundle_file = "reports.yaml"

    source: str = Field(description="Who reported: an outlet, a monitor or a party, by name.")
    source_kind: Literal["outlet", "monitor", "party", "other"] = Field(
        default="other",
        description="outlet, monitor, party or other.",
    )
    source_actor: ActorRef | None = Field(
        default=None,
        description="The source as an actor of the case, when it is one (a party reporting).",
    )
    dataset: str | None = Field(
        default=None,
        description="The dataset it was imported from (acled, ucdp-ged, ushahidi, geojson).",
    )
    source_id: str | None = Field(
        default=None,
        description="The row's own id in that dataset (ACLED's event_id_cnty), kept for tracing back.",
    )
    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field(
        default="F",
        description="Admiralty grade of the source's reliability: A (completely "
        "reliable) to E (unreliable), F (cannot be judged).",
    )
    credibility: int = Field(
        default=6, ge=1, le=6,
        description="Admiralty grade of the information's credibility: 1 (confirmed "
        "by other sources) to 5 (improbable), 6 (cannot be judged).",
    )
    reported_at: dt.datetime | None = Field(
        default=None,
        description="When the source reported it: an ISO time with its offset, or UTC when it has none.",
    )
    event_time: dt.datetime = Field(
        description="When the event happened: a wall time in time_zone "
        "without offset, as precise as time_precision says.",
    )
    time_precision: TimePrecision = Field(
        default="day",
        description="How exactly event_time is known: exact, day, week or month "
        "(ACLED's time_precision 1, 2, 3 are day, week, month).",
    )
    time_zone: str = Field(default="UTC", description="IANA time zone of event_time (Asia/Damascus).")
    place: Place = Field(default=Place.model_construct(), description="Where it happened.")
    type: IncidentType = Field(
        description="ACLED's event type: battles, explosions-remote-violence, "
        "violence-against-civilians, protests, riots or strategic-developments.",
    )
    sub_type: str | None = Field(default=None, description="ACLED's sub-event type, in its words (Air/drone strike).")
    perpetrator: ActorRef | None = Field(
        default=None,
        description="The alleged perpetrator, an actor of the case; absent is unknown.",
    )
    perpetrator_text: str | None = Field(
        default=None,
        description="How the source names the perpetrator, kept whether or not it resolved to an actor.",
    )
    target: ActorRef | None = Field(
        default=None,
        description="The target, an actor of the case; absent when unknown "
        "or not an actor (target_text keeps the source's words).",
    )
    target_text: str | None = Field(default=None, description="How the source names the target.")
    casualties: Casualties = Field(default=Casualties.model_construct(), description="Deaths reported: low, best and high estimates.")
    summary: str | None = Field(default=None, description="What the source says happened, in our words.")
    claims: list[Claim] = Field(
        default_factory=list,
        description="Who alleges, confirms, denies, disputes or cannot confirm it, each cited.",
    )
    cite: list[Citation] = Field(
        default_factory=list,
        description="Where it came from: an ingested document's span, a URL, a file.",
    )
    synthetic: bool = Field(
        default=False,
        description="true for invented examples (tests, demos): never mistaken for reporting.",
    )

    @field_validator("event_time")
    @classmethod
    def _wall_time(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is not None:
            raise ValueError("event_time is a wall time in time_zone: write it without an offset")
        return value

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return iana_zone(value)


class Merge(MergeBehaviour, Record):
    """The decision that two reports tell of the same incident, with the score that proposed it.
    Reviewable (``proposed`` until a person or the auto threshold decides) and reversible (``rejected``
    later splits them again); neither report is ever changed or dropped."""

    record_kind = "merge"
    bundle_file = "merges.yaml"

    reports: Annotated[list[ReportRef], Field(min_length=2, max_length=2)] = Field(
        description="The two reports (ids) said to tell of the same incident.",
    )
    score: Number = Field(ge=0, le=1, description="How alike the two are, 0..1, as the merger scored them.")
    parts: dict[str, Number] = Field(
        default={},
        description="The score's parts (time, distance, actors, type), each 0..1.",
    )
    status: Literal["proposed", "accepted", "rejected"] = Field(
        default="proposed",
        description="proposed (awaiting review), accepted (one incident) or rejected (two).",
    )
    decided_by: str | None = Field(
        default=None,
        description="Who accepted or rejected it (a person, or auto for the threshold).",
    )


RECORD_TYPES: tuple[type[Record], ...] = (
    Case, Document, Actor, Relation, Process, Event, Statement, Issue, Position, Capability, Decision,
    DesignationList, Roadmap, Vocabulary, Report, Merge,
)
KINDS: dict[str, type[Record]] = {t.record_kind: t for t in RECORD_TYPES}


def record_class(kind: str) -> type[Record]:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown record kind {kind!r} (known: {', '.join(KINDS)})") from None


def references(record: BaseModel, path: str = "") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Yield (field path, referenced id, allowed kinds) for every reference a record makes.

    Each class's fields are planned once (``_reference_plan``): fields that cannot hold a reference are
    skipped, plain reference fields read directly, lists of models entered; anything else is walked
    through its type hints (``_refs_in``)."""
    for name, ann, metadata, direct, of_models in _reference_plan(type(record)):
        value = getattr(record, name)
        if value is None:
            continue
        if direct is not None and type(value) is str:
            target = direct.target(value)
            if target is not None:
                yield f"{path}{name}", target, direct.kinds
        elif of_models and type(value) is list:
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from references(item, f"{path}{name}[{i}].")
                else:
                    yield from _refs_in(get_args(ann)[0], [], item, f"{path}{name}[{i}]")
        else:
            yield from _refs_in(ann, metadata, value, f"{path}{name}")


def citations(model: BaseModel, path: str = "") -> Iterator[tuple[str, Citation]]:
    """Yield (field path, citation) for every citation a record holds, at any depth."""
    for name, is_list in _citation_plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        for i, item in enumerate(value) if is_list else ((None, value),):
            at = f"{path}{name}" + (f"[{i}]" if i is not None else "")
            if isinstance(item, Citation):
                yield at, item
            elif isinstance(item, BaseModel):
                yield from citations(item, at + ".")


@functools.cache
def _citation_plan(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """Fields that hold citations or models that may: (name, whether it is a list)."""
    plan = []
    for name, field in cls.model_fields.items():
        ann = field.annotation
        if get_origin(ann) in (Union, UnionType):
            arms = [a for a in get_args(ann) if a is not type(None)]
            ann = arms[0] if len(arms) == 1 else ann
        is_list = get_origin(ann) is list
        inner = get_args(ann)[0] if is_list else ann
        if get_origin(inner) is Annotated:
            inner = get_args(inner)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel) and (inner is Citation or _cites(inner)):
            plan.append((name, is_list))
    return tuple(plan)


def _cites(cls: type[BaseModel]) -> bool:
    return cls is Citation or bool(_citation_plan(cls))


@functools.cache
def _reference_plan(cls: type[BaseModel]) -> tuple[tuple[str, Any, list[Any], RefTo | None, bool], ...]:
    """Per field that may hold a reference: (name, annotation, metadata, its RefTo if the field is
    itself one reference, whether it is a list of models)."""
    plan = []
    for name, field in cls.model_fields.items():
        ann, metadata = field.annotation, list(field.metadata)
        if not _may_refer(ann, metadata, set()):
            continue
        direct = next((m for m in metadata if isinstance(m, RefTo)), None)
        if direct is None and get_origin(ann) in (Union, UnionType):
            arms = [a for a in get_args(ann) if a is not type(None)]
            if len(arms) == 1 and get_origin(arms[0]) is Annotated:
                base, *meta = get_args(arms[0])
                refs = [m for m in meta if isinstance(m, RefTo)]
                if base is str and refs:
                    direct = refs[0]
        of_models = (
            direct is None and get_origin(ann) is list
            and isinstance(get_args(ann)[0], type) and issubclass(get_args(ann)[0], BaseModel)
        )
        plan.append((name, ann, metadata, direct, of_models))
    return tuple(plan)


_NO_REFS = (str, int, float, bool, type(None), bytes, dt.date, dt.datetime, FuzzyDate)


def _may_refer(ann: Any, metadata: list[Any], seen: set[type]) -> bool:
    """False only when no value of this type can hold a reference (unsure means True)."""
    if any(isinstance(m, RefTo) for m in metadata):
        return True
    origin = get_origin(ann)
    if origin is Annotated:
        base, *meta = get_args(ann)
        return _may_refer(base, meta, seen)
    if origin is Literal:
        return False
    if origin in (Union, UnionType, list, dict, tuple, set, frozenset):
        return any(_may_refer(a, [], seen) for a in get_args(ann) if a is not Ellipsis)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        if ann in seen:
            return False  # already being looked at, higher up
        seen.add(ann)
        return any(_may_refer(f.annotation, list(f.metadata), seen) for f in ann.model_fields.values())
    return not (isinstance(ann, type) and issubclass(ann, _NO_REFS))


def _refs_in(ann: Any, metadata: list[Any], value: Any, path: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    if value is None:
        return
    for meta in metadata:
        if isinstance(meta, RefTo) and isinstance(value, str):
            target = meta.target(value)
            if target is not None:
                yield path, target, meta.kinds
            return
    origin = get_origin(ann)
    if origin is Annotated:
        base, *meta = get_args(ann)
        yield from _refs_in(base, meta, value, path)
    elif origin in (Union, UnionType):
        for arm in get_args(ann):
            if arm is not type(None):
                yield from _refs_in(arm, [], value, path)
    elif origin is list and isinstance(value, list):
        (inner,) = get_args(ann)
        for i, item in enumerate(value):
            yield from _refs_in(inner, [], item, f"{path}[{i}]")
    elif origin is dict and isinstance(value, dict):
        key_ann, val_ann = get_args(ann)
        for k, v in value.items():
            yield from _refs_in(key_ann, [], k, f"{path}.{k}")
            yield from _refs_in(val_ann, [], v, f"{path}.{k}")
    elif isinstance(value, BaseModel):
        yield from references(value, f"{path}.")

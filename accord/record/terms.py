"""The record's fixed terms that readers of plain records (accord.record.plain) use without the model,
defined here once; accord.record.model imports them, so either module may be imported for them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.record.model import ActorKind, ClaimStance, RelationType

#: the roles a third party takes in a process: the relation's target is what it mediates, hosts,
#: guarantees, observes or sponsors (a process's convener, a party, a resolution's drafter's body)
MEDIATION_ROLES: tuple[RelationType, ...] = ("mediates", "hosts", "guarantees", "observes", "sponsors")
#: the kinds of actor that can be a party at the table or to a ceasefire, unless a process says otherwise
PARTY_KINDS: tuple[ActorKind, ...] = ("government", "armed_group", "political_group")
#: the stances that make a fact disputed
DISPUTING: tuple[ClaimStance, ...] = ("denies", "disputes")
#: a designation list's effect that excludes its entries from a process: ``excluded-from:<process id>``
EXCLUDED_FROM = "excluded-from:"


def disputes(claims: list[Any], on: dt.date | None = None) -> list[Any]:
    """The denials and disputes among the claims, made by the day (all when ``on`` is None)."""
    return [c for c in claims if c.stance in DISPUTING and (on is None or c.date.start <= on)]

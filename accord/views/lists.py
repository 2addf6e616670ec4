"""Designation lists as a matrix: for each list, each entry's status and each member's stance on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.record.snapshot import Snapshot
from accord.rules.lists import in_force, list_status


def matrix(snap: Snapshot, on: dt.date) -> list[dict[str, Any]]:
    out = []
    for lst in snap.lists():
        if not in_force(snap, lst, on):
            continue
        status = list_status(snap, lst.id, on)
        members = sorted({m for e in status.entries for m in (*e.objectors, *e.supporters)})
        rows = []
        for e in status.entries:
            cells = {m: "objects" if m in e.objectors else "supports" if m in e.supporters else "" for m in members}
            rows.append({"actor": e.actor, "name": snap.name(e.actor), "status": e.status, "cells": cells})
        out.append({"list": lst.id, "name": lst.name, "members": members, "entries": rows})
    return out

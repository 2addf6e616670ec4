"""The UN Security Council Consolidated List (its XML, ``consolidated.xml``) into a designation list of
the case: each listed individual or entity an entry with its listing date (``designated_on``), its
reference number (``reference``, QDe.137) and the body that designated it, citing the file.

The file: ``CONSOLIDATED_LIST`` holding ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY``, each with
``DATAID``, ``FIRST_NAME`` … ``FOURTH_NAME``, ``UN_LIST_TYPE``, ``REFERENCE_NUMBER``, ``LISTED_ON``
(YYYY-MM-DD) and aliases (``INDIVIDUAL_ALIAS`` / ``ENTITY_ALIAS`` with ``ALIAS_NAME``).

- The entry's actor: the case's actor whose id, name or alias matches the entry's name or one of its
  aliases (case-insensitive), or that an entry of the list already holds with the same reference;
  else a new actor (a person for an individual, ``other`` for an entity) with the aliases as given.
- An entry the list already holds for that actor is updated (its stances and citations kept); others
  are appended. Importing the same file twice changes nothing.
- Every bad element is one line (file, element and DATAID, field), and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from accord.errors import AccordError
from accord.userfiles import parse_xml
from accord.formats.common import ActorNames, Imported, Problems, cite, merged_cite, slug, source_document
from accord.record.model import Actor, DesignationList, ListEntry, Record
from accord.record.snapshot import Snapshot

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"


def import_unsc(snap: Snapshot, path: str | Path, list_id: str, *, designated_by: str | None = None,
                list_types: list[str] | None = None) -> Imported:
    path = Path(path)
    if not snap.has(list_id, DesignationList):
        raise AccordError(f"--list {list_id}: no designation list of that id in case {snap.case_id!r}")
    target = snap.get(list_id, DesignationList)
    by = designated_by or target.body
    if not snap.has(by, Actor):
        raise AccordError(f"--designated-by {by}: no actor of that id in case {snap.case_id!r}")
    root = parse_xml(path)
    if root.tag != "CONSOLIDATED_LIST":
        raise AccordError(f"{path}: root element must be <CONSOLIDATED_LIST>, got <{root.tag}>")
    doc = source_document(path, "unsc", "UN Security Council Consolidated List", outlet="UN Security Council",
                          url=SOURCE_URL, published=_generated(root))
    problems = Problems(str(path))
    names = ActorNames(snap)
    by_reference = {e.reference: e.actor for e in target.entries if e.reference}
    entries = {e.actor: e for e in target.entries}
    new_actors: dict[str, Actor] = {}
    seen_refs: dict[str, str] = {}
    taken: dict[str, str] = {}  # actor -> the element that named it
    counts = {"entries": 0, "new_entries": 0, "actors": 0}
    for group, tag, kind in (("INDIVIDUALS", "INDIVIDUAL", "person"), ("ENTITIES", "ENTITY", "other")):
        for n, el in enumerate(root.findall(f"{group}/{tag}"), start=1):
            where = f"{group}/{tag}[{n}]"
            dataid = _text(el, "DATAID")
            place = f"{where} DATAID {dataid}" if dataid else where
            if list_types and _text(el, "UN_LIST_TYPE") not in list_types:
                continue
            name = " ".join(p for p in (_text(el, t) for t in _NAME_PARTS) if p)
            aliases = [a for a in (_text(x, "ALIAS_NAME") for x in el.findall(f"{tag}_ALIAS")) if a and a != name]
            ref = _text(el, "REFERENCE_NUMBER")
            listed = _text(el, "LISTED_ON")
            bad = len(problems.errors)
            if not dataid:
                problems.add("missing or empty", id=where, field="DATAID")
            if not name:
                problems.add("no name (FIRST_NAME … FOURTH_NAME all empty)", id=place, field="FIRST_NAME")
            if not ref:
                problems.add("missing or empty", id=place, field="REFERENCE_NUMBER")
            elif ref in seen_refs:
                problems.add(f"{ref} appears twice (first at {seen_refs[ref]})", id=place, field="REFERENCE_NUMBER")
            on = None
            try:
                on = dt.date.fromisoformat(listed[:10]) if listed else None
            except ValueError:
                pass
            if on is None:
                problems.add(f"expected a date YYYY-MM-DD, got {listed!r}", id=place, field="LISTED_ON")
            if len(problems.errors) > bad:
                continue
            seen_refs[ref] = place
            at = cite(doc, f"{tag} DATAID {dataid}, {ref}")
            actor = by_reference.get(ref) or names.find(name, *aliases)
            if actor is None:
                new = Actor(id=slug(name), kind=kind, name=name, aliases=aliases, cite=[at])
                if new.id in snap.records or new.id in new_actors:
                    problems.add(f"a new actor's id {new.id!r} is taken by another record; give the case's actor "
                                 "this name as an alias first", id=place, field="FIRST_NAME")
                    continue
                new_actors[new.id] = new
                names.add(new)
                actor = new.id
            if actor in taken:
                problems.add(f"names the same actor ({actor}) as {taken[actor]}", id=place, field="FIRST_NAME")
                continue
            taken[actor] = place
            old = entries.get(actor)
            if old is None:
                entries[actor] = ListEntry(actor=actor, designated_by=by, designated_on=on.isoformat(), reference=ref,
                                           cite=[at])
                counts["new_entries"] += 1
            else:
                entries[actor] = old.model_copy(update={
                    "designated_by": old.designated_by or by, "designated_on": on.isoformat(), "reference": ref,
                    "cite": merged_cite(old.cite, at)})
            counts["entries"] += 1
    problems.raise_any()
    # revalidated: the dates set by model_copy become fuzzy dates again
    updated = DesignationList.model_validate({**target.model_dump(mode="json", exclude_none=True),
                                             "entries": [e.model_dump(mode="json", exclude_none=True) for e in entries.values()]})
    counts["actors"] = len(new_actors)
    out: list[Record] = [doc, *new_actors.values(), updated]
    return Imported(str(path), out, counts)


def _text(el: ET.Element, tag: str) -> str:
    child = el.find(tag)
    return (child.text or "").strip() if child is not None else ""


def _generated(root: ET.Element) -> str | None:
    """The list's own date (its ``dateGenerated`` attribute), as the document's publication day."""
    value = root.get("dateGenerated", "")[:10]
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None

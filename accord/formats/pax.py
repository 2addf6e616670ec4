"""PA-X agreements (its CSV: one row per agreement) into decisions of the case, each with a provision per
PA-X code the agreement has, citing the file.

- ``AgtId`` (a whole number) → the decision ``pax-<AgtId>``; ``Agt`` → its title; ``Dat`` → its date
  (YYYY-MM-DD, or DD/MM/YYYY); ``Con`` and ``Stage`` → its summary; the body is the one given
  (``--body``): PA-X names signatories in free text, not a deciding body.
- A provision code column holds 0 (absent) or 1..3 (present; on PA-X's graded codes, how detailed the
  provision is): each code above 0 becomes a provision ``<code in lower case>`` ("PA-X GeWom = 1").
  Every column that is not one of PA-X's descriptive columns (``METADATA``) is read as a code, unless
  named in ``ignore``.
- A decision the case already holds under that id takes the file's date, title, summary and
  provisions (its body, votes and citations kept, the file's added), so
  importing the same file twice changes nothing.
- Each bad cell is one line naming the file, the row (the CSV line) and the column; nothing is written.
"""

from __future__ import annotations

import csv
import io
import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from accord.errors import AccordError
from accord.userfiles import read_text
from accord.formats.common import Imported, Problems, cite, merged_cite, source_document
from accord.record.model import Actor, Decision, Provision, Record
from accord.record.snapshot import Snapshot

#: PA-X's descriptive columns (not provision codes)
METADATA = frozenset({
    "Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Agt", "Dat", "Status", "Lgt", "N_characters", "Agtp",
    "Stage", "StageSub", "Part", "ThrdPart", "OthAgr", "Loc1ISO", "Loc2ISO", "Loc1GWNO", "Loc2GWNO",
    "UcdpCon", "UcdpAgr", "PamAgr", "CowWar",
})
REQUIRED = ("AgtId", "Agt", "Dat")


def import_pax(snap: Snapshot, path: str | Path, body: str, *, ignore: list[str] | None = None) -> Imported:
    path = Path(path)
    if not snap.has(body, Actor):
        raise AccordError(f"--body {body}: no actor of that id in case {snap.case_id!r}")
    try:
        reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
        header = reader.fieldnames or []
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as e:
        raise AccordError(f"{path}: not a readable CSV file: {e}") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise AccordError(f"{path}:1: field {missing[0]!r}: the header has no such column (PA-X's CSV names "
                          f"{', '.join(REQUIRED)})")
    codes = [c for c in header if c not in METADATA and c not in (ignore or ()) and c]
    doc = source_document(path, "pax", f"PA-X agreements ({path.name})", outlet="PA-X Peace Agreements Database")
    problems = Problems(str(path))
    out: list[Record] = [doc]
    seen: dict[str, int] = {}
    for line, row in rows:
        bad = len(problems.errors)
        if None in row:
            problems.add(f"{len(header) + len(row[None])} cells, the header has {len(header)}", line=line)
            continue
        agt_id = (row.get("AgtId") or "").strip()
        if not agt_id.isdigit():
            problems.add(f"expected a whole number, got {agt_id!r}", line=line, field="AgtId")
        elif agt_id in seen:
            problems.add(f"agreement {agt_id} appears twice (first on line {seen[agt_id]})", line=line, field="AgtId")
        title = (row.get("Agt") or "").strip()
        if not title:
            problems.add("empty", line=line, field="Agt")
        date = _date((row.get("Dat") or "").strip())
        if date is None:
            problems.add(f"expected a date YYYY-MM-DD or DD/MM/YYYY, got {row.get('Dat')!r}", line=line, field="Dat")
        provisions = []
        for code in codes:
            text = (row.get(code) or "").strip()
            if text in ("", "0"):
                continue
            if text not in ("1", "2", "3"):
                problems.add(f"expected 0, 1, 2 or 3, got {text!r}", line=line, field=code)
                continue
            try:
                provisions.append(Provision(id=code.lower(), text=f"PA-X {code} = {text}"))
            except ValidationError as e:  # a column name that cannot be a provision id
                problems.add(f"column {code!r} cannot name a provision ({e.errors()[0]['msg']}); "
                             "--ignore it if it is not a PA-X code", line=1, field=code)
                continue
        if len(problems.errors) > bad:
            continue
        seen[agt_id] = line
        rid = f"pax-{agt_id}"
        summary = "; ".join(f"{k}: {row[k].strip()}" for k in ("Con", "Stage") if (row.get(k) or "").strip())
        at = cite(doc, f"line {line}, AgtId {agt_id}")
        old = snap.records.get(rid)
        if old is not None and not isinstance(old, Decision):
            problems.add(f"{rid!r} is a {old.record_kind} of the case, not a decision", line=line, field="AgtId")
            continue
        fields = {"date": date.isoformat(), "title": title, "summary": summary or None,
                  "provisions": [p.model_dump() for p in provisions]}
        if old is None:
            out.append(Decision(id=rid, body=body, status="adopted", cite=[at], **fields))
        else:  # the file's fields, the rest (body, votes, symbol) as the case has them
            out.append(Decision.model_validate({**old.model_dump(mode="json", exclude_none=True), **fields,
                                                "cite": [c.model_dump() for c in merged_cite(old.cite, at)]}))
    problems.raise_any()
    return Imported(str(path), out, {"agreements": len(out) - 1,
                                     "provisions": sum(len(d.provisions) for d in out[1:])})


def _date(text: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None

"""Mutation fuzzing of every reader of user input: ``python -m bench fuzz [--minutes N] [--target NAME]``.

Each target feeds mutated bytes (seeded from a valid input of its kind) to the function the CLI calls
for that input, and counts what came out: accepted, refused with the one-line user error (an
``AccordError``, or the CLI's ``typer.Exit(2)`` after its one line), a failure (any other exception:
a traceback the user would see, or a write on a refused input), a hang (an input that took longer than
``--timeout`` seconds) or a crash (the process died: a segfault). Targets run one at a time in a
worker process, so a crash or a hang kills the worker, not the count; its input is kept under
``--findings`` to become a corpus file (tests/reliability/corpus). tests/reliability/test_fuzz.py runs
the same targets briefly under hypothesis in ``make test``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MINI = REPO / "tests" / "record" / "data" / "mini"
EXAMPLES = REPO / "docs" / "examples"
ARTICLE = ("VIENNA - Sergei Lavrov met John Kerry on Friday in Vienna.\n\n"
           '"We are closer than we were last week," Kerry told reporters, adding the talks would resume in January.')


class Refused(Exception):
    """The input was refused the way a user is told: one line."""


class Failure(Exception):
    """What must never happen: another exception, or a write on a refused input."""


# ------------------------------------------------------------------------------------- environment


class Env:
    """What targets share in one process: a scratch folder, stores built once (the mini case, the Syria
    case with a review queue) and the Syria snapshot. The CLI's error console is silenced (its one line
    is what ``fail`` prints before exiting 2)."""

    def __init__(self, root: Path):
        from rich.console import Console

        from accord.cli import common

        self.root = root
        self._consoles = common.err_console, common.console
        common.err_console = Console(file=io.StringIO(), stderr=False)
        common.console = Console(file=io.StringIO())

    def close(self) -> None:
        """Give the CLI its consoles back (a test process goes on to other tests)."""
        from accord.cli import common

        common.err_console, common.console = self._consoles
        for name in ("mini_store", "syria_store"):
            if name in self.__dict__:
                self.__dict__.pop(name).close()

    def file(self, name: str, data: bytes) -> Path:
        path = self.root / name
        path.write_bytes(data)
        return path

    @cached_property
    def mini_store(self) -> Any:
        from accord.record.bundle import read_bundle
        from accord.store import Store

        store = Store.open(str(self.root / "mini.db"))
        b = read_bundle(MINI)
        store.load(b.id, b.records, "fuzz", source=str(MINI))
        return store

    @cached_property
    def syria(self) -> Any:
        from accord.record.bundle import read_bundle
        from accord.record.snapshot import Snapshot

        b = read_bundle("syria-2015")
        return Snapshot(b.records, b.id)

    @cached_property
    def syria_store(self) -> Any:
        from accord.record.bundle import read_bundle
        from accord.store import Store

        store = Store.open(str(self.root / "syria.db"))
        b = read_bundle("syria-2015")
        store.load(b.id, b.records, "fuzz", source="syria-2015")
        return store

    @cached_property
    def candidates(self) -> list[dict[str, Any]]:
        """Candidates of one article ingested into the mini case (templates: each input gets a fresh copy)."""
        from accord.ingest import batch
        from accord.ingest.pipeline import Pipeline
        from accord.ingest.queue_read import listing
        from accord.ingest.reader import read

        store = self.mini_store
        path = self.file("article.txt", ARTICLE.encode())
        pipeline = Pipeline.for_case(store.snapshot("mini"), None)
        sink = batch.Sink(store, "mini", "fuzz")
        for done in batch.run(batch.unseen(read([str(path)], "2015-12-18"), sink), pipeline, 1):
            sink.put(done.item, done.result)
        return listing(store, "mini", None, None, None, 1000)


def state(store: Any) -> tuple:
    """What a refused input must leave as it was: transactions, records and the review queue."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return tuple(conn.execute(text(q)).one() for q in (
            "SELECT count(*), max(id) FROM tx", "SELECT count(*) FROM record",
            "SELECT count(*), group_concat(status || coalesce(data, ''), ',') FROM ingest_candidate"))


def refused_unwritten(store: Any, call: Callable[[], Any]) -> None:
    """Run call; a refusal must write nothing."""
    before = state(store)
    try:
        call()
    except Refused:
        if state(store) != before:
            raise Failure("a refused input wrote to the store") from None
        raise


# ------------------------------------------------------------------------------------------ targets


@dataclass
class Target:
    name: str
    #: valid inputs of the kind to start mutating from
    seeds: Callable[[], list[bytes]]
    #: feeds one input to the CLI's function; raises Refused (the one-line error) or returns
    feed: Callable[[Env, bytes], Any]
    #: fragments a mutation may splice in (the format's syntax, values that once crashed)
    tokens: list[bytes] = field(default_factory=list)


def _user_errors(call: Callable[[], Any]) -> Any:
    """The user-error kinds: AccordError (and its subclasses), and the CLI's exit 2 after one line."""
    import click
    import typer

    from accord.errors import AccordError

    try:
        return call()
    except AccordError as e:
        if "\n" in str(e).strip() and not hasattr(e, "lines"):
            raise Failure(f"a user error of more than one line: {str(e)!r}") from None
        raise Refused(str(e)) from None
    except (click.exceptions.Exit, typer.Exit) as e:
        if e.exit_code != 2:
            raise
        raise Refused("exit 2") from None


YAML_TOKENS = [b"&a ", b"*a", b"!!int ", b"!!float ", b"!!timestamp ", b"!!binary ", b"!!python/object:os.system ",
               b"[", b"]", b"{", b"}", b": ", b"- ", b"\n  ", b".inf", b".nan", b"~", b"<<: *a", b"? ", b"'", b'"',
               b"9999-12-31T23:59-14:00", b"1e999", b"0b_", b"1:2:3.5", b"\xff", b"\t", b"%YAML 1.1\n---\n", b"\x00"]
CSV_TOKENS = [b",", b'"', b"\n", b"\r", b"nan", b"inf", b"-1e999", b"1e308", b"\xff", b"\x00", b"\xef\xbb\xbf",
              b"99999999999999999999", b"70\xc2\xb110", b"-", b"9999-12-31", b"0000-00-00"]
XML_TOKENS = [b"<", b">", b"</", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"&#0;", b"<![CDATA[", b"]]>",
              b'encoding="klingon"', b'encoding="utf-16"', b"\xff", b"nan", b"1e999", b"-1", b"9999-12-31"]
JSON_TOKENS = [b"{", b"}", b"[", b"]", b'"', b":", b",", b"null", b"123", b"1e999", b"NaN", b"true", b'"text"',
               b'"published"', b'"9999-12-31T23:59-14:00"', b"\\ud800", b"\xff"]
HTML_TOKENS = [b"<div>", b"</div>", b"<p>", b"<table><tr><td>", b"<script>", b"<meta property=\"article:published_time\" "
               b"content=\"9999-12-31T23:59-14:00\">", b"&amp;", b"&#x0;", b"\xff", b"<html>", b"<!--"]


def _bundle_seeds() -> list[bytes]:
    return [p.name.encode() + b"\n" + p.read_bytes() for p in sorted(MINI.iterdir())]


def _feed_bundle(env: Env, data: bytes) -> Any:
    """``accord case load``: read_bundle, then the store's load. The first line names the file replaced."""
    from accord.record.bundle import FILES, read_bundle

    name, _, body = data.partition(b"\n")
    name = name.decode("utf-8", "replace")
    if name not in FILES:
        name = "actors.yaml"
    folder = env.root / "bundle"
    if not folder.exists():
        shutil.copytree(MINI, folder)
    original = (MINI / name).read_bytes() if (MINI / name).exists() else None
    (folder / name).write_bytes(body)
    store = env.mini_store
    try:
        def load() -> Any:
            b = read_bundle(folder)
            return store.load(b.id, b.records, "fuzz", source=str(folder), keep_user=True, dry_run=True)

        refused_unwritten(store, lambda: _user_errors(load))
    finally:
        if original is None:
            (folder / name).unlink()
        else:
            (folder / name).write_bytes(original)


def _feed_edit(env: Env, data: bytes) -> Any:
    """``accord edit ID --set FIELD=VALUE``: the CLI's parser of the assignment, then edit_record."""
    from accord.cli.record import _citations, _parse_assignment
    from accord.views.edits import edit_record

    rid, _, assignment = data.decode("utf-8", "replace").partition("|")
    store = env.mini_store

    def edit() -> Any:
        parsed = _parse_assignment(assignment)
        return edit_record(store, "mini", rid or "vote-timing", [parsed], by="fuzz", cites=_citations(["https://e.org"]))

    refused_unwritten(store, lambda: _user_errors(edit))


def _feed_review(env: Env, data: bytes) -> Any:
    """``accord review edit ID FIELD=VALUE ...`` then ``accord review accept ID``, on a fresh copy of a
    candidate (the input's first byte picks which)."""
    from sqlalchemy import func, select

    from accord.ingest import queue, review
    from accord.store.schema import ingest_candidate as candidate

    store = env.mini_store
    templates = env.candidates
    if not data:
        data = b"\x00"
    cand = templates[data[0] % len(templates)]
    with store.engine.begin() as conn:
        keep = {k: v for k, v in cand.items() if k not in queue.ROW_KEYS}
        queue.enqueue(conn, "mini", cand["document"], [{**keep, "kind": cand["kind"], "start": cand["start"],
                                                        "end": cand["end"], "text": cand["text"],
                                                        "confidence": cand["confidence"]}])
        cid = conn.execute(select(func.max(candidate.c.id))).scalar()
    pairs: dict[str, str] = {}
    for c in data[1:].decode("utf-8", "replace").split("\n"):
        key, sep, value = c.partition("=")
        if sep and key:
            pairs[key] = value
    if pairs:
        refused_unwritten(store, lambda: _user_errors(lambda: review.edit(store, "mini", cid, pairs, "fuzz")))
    refused_unwritten(store, lambda: _user_errors(lambda: review.accept(store, "mini", cid, "fuzz")))


def _review_seeds() -> list[bytes]:
    return [b"\x00name=Someone\nactor=null", b"\x01value=80\ndate=2015-12-18", b"\x02speaker=alpha\ncue=said",
            b"\x03direct=false\ncontent=text", b"\x04salience=0.5\nissue=vote-timing", b"\x05event_type=CONSULT"]


def _feed_forecast(suffix: str) -> Callable[[Env, bytes], Any]:
    def feed(env: Env, data: bytes) -> Any:
        """``accord forecast run MODEL FILE``: the CLI's reader of the file, then the model's input limits."""
        from accord.cli.forecast import _read_scenario

        path = env.file(f"input{suffix}", data)
        _user_errors(lambda: _read_scenario(path, None))
    return feed


def _forecast_csv_seeds() -> list[bytes]:
    return [b"Actor,Capability,Position,Salience\nA,1,5,0.5\nB,2,70\xc2\xb110,0.8\nC,1.5,30,1\n",
            (EXAMPLES / "ktab-reform.csv").read_bytes()]


def _feed_ingest(suffix: str) -> Callable[[Env, bytes], Any]:
    def feed(env: Env, data: bytes) -> Any:
        """``accord ingest FILE``: the reader of the file, every article or per-document error it yields."""
        from accord.ingest.reader import read

        path = env.file(f"input{suffix}", data)
        return _user_errors(lambda: list(read([str(path)], None, 5_000_000)))
    return feed


def _ingest_seeds(suffix: str) -> Callable[[], list[bytes]]:
    def seeds() -> list[bytes]:
        if suffix == ".txt":
            return [ARTICLE.encode()]
        if suffix == ".html":
            return [f"<html><head><title>Talks</title><meta property=\"article:published_time\" content=\"2015-12-18\">"
                    f"</head><body><article><p>{ARTICLE}</p></article></body></html>".encode()]
        if suffix == ".jsonl":
            return [json.dumps({"text": ARTICLE, "title": "Talks", "published": "2015-12-18T10:00+03:00",
                                "url": "https://wire.example/1"}).encode() + b"\n" + json.dumps({"text": ARTICLE}).encode()]
        if suffix == ".warc":
            from warcio.statusandheaders import StatusAndHeaders
            from warcio.warcwriter import WARCWriter

            out = io.BytesIO()
            writer = WARCWriter(out, gzip=False)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            html = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
            writer.write_record(writer.create_warc_record("https://wire.example/1", "response",
                                                          payload=io.BytesIO(html), http_headers=http))
            return [out.getvalue()]
        import pyarrow as pa
        import pyarrow.parquet as pq

        out = io.BytesIO()
        pq.write_table(pa.table({"text": [ARTICLE, ARTICLE[:40]], "published": ["2015-12-18", None]}), out)
        return [out.getvalue()]
    return seeds


def _feed_import(kind: str) -> Callable[[Env, bytes], Any]:
    def feed(env: Env, data: bytes) -> Any:
        """``accord case import-KIND FILE --dry-run``: the importer, then write_import's checks (writing nothing)."""
        from accord.formats.common import write_import
        from accord.formats.ktab import import_ktab
        from accord.formats.pax import import_pax
        from accord.formats.unsc import import_unsc

        suffix = {"ktab": ".csv", "unsc": ".xml", "pax": ".csv"}[kind]
        path = env.file(f"import{suffix}", data)
        snap, store = env.syria, env.syria_store
        # as docs/formats.md runs it: the example scenario's name gives no date
        build = {"ktab": lambda: import_ktab(snap, path, on=dt.date(2016, 2, 1)),
                 "unsc": lambda: import_unsc(snap, path, "issg-terrorist-list", designated_by="unsc"),
                 "pax": lambda: import_pax(snap, path, "issg")}[kind]
        refused_unwritten(store, lambda: _user_errors(
            lambda: write_import(store, "syria-2015", build(), "fuzz", f"import {kind}", dry_run=True)))
    return feed


def _feed_plover(env: Env, data: bytes) -> Any:
    """PLOVER event records (JSON) read back into events."""
    from accord.errors import AccordError
    from accord.formats.plover import read_plover

    def read() -> Any:
        try:
            records = json.loads(data)
        except (ValueError, RecursionError) as e:
            raise AccordError(f"not JSON: {e}") from None
        return read_plover(records, "syria-2015")
    _user_errors(read)


def _plover_seeds() -> list[bytes]:
    from accord.formats.plover import to_plover
    from accord.record.bundle import read_bundle
    from accord.record.snapshot import Snapshot

    b = read_bundle("syria-2015")
    records, _ = to_plover(Snapshot(b.records, b.id), b.id)
    return [json.dumps(records[:3]).encode()]


def _feed_monitor(fmt: str) -> Callable[[Env, bytes], Any]:
    def feed(env: Env, data: bytes) -> Any:
        """``accord monitor import FILE --format FMT``: read_file, every report or per-row error."""
        from accord.monitor.importer import read_file

        path = env.file("reports" + (".geojson" if fmt == "geojson" else ".csv"), data)
        _user_errors(lambda: read_file(env.syria, path, fmt, country="SYR" if fmt == "ushahidi" else None))
    return feed


MONITOR_SEEDS = {
    "acled": lambda: [(REPO / "tests" / "monitor" / "data" / "acled-sample.csv").read_bytes()],
    "ucdp-ged": lambda: [b"id,type_of_violence,side_a,side_b,country,adm_1,date_start,date_prec,where_prec,latitude,longitude,low,best,high\n"
                         b"900001,3,Government of Syria,Civilians,Syria,Idlib governorate,2016-03-04,1,1,35.93,36.63,2,4,9\n"],
    "ushahidi": lambda: [b"#,INCIDENT TITLE,INCIDENT DATE,LOCATION,DESCRIPTION,CATEGORY,LATITUDE,LONGITUDE,VERIFIED\n"
                         b"17,Shelling reported,2016-03-02 14:30:00,Saraqib,Synthetic test post,Shelling,,,YES\n"],
    "geojson": lambda: [json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.7, 35.1]},
         "properties": {"id": "c", "time": "2016-03-01T10:00", "type": "battles", "country": "SYR",
                        "perpetrator": "syria-government", "casualties": 3}}]}).encode()],
}

TARGETS: dict[str, Target] = {t.name: t for t in [
    Target("bundle", _bundle_seeds, _feed_bundle, YAML_TOKENS),
    Target("edit-set", lambda: [b"vote-timing|scale_max=100", b"alpha|name=Alpha Front", b"alpha|aliases=[a, b]",
                                b"vote-timing|anchors={0: now, 100: never}", b"vote-timing|note=|"], _feed_edit, YAML_TOKENS),
    Target("review-edit", _review_seeds, _feed_review, [b"\n", b"=", b"null", b"nan", b"123", b"true", b"value=",
                                                        b"name=", b"date=", b"actor=", b"99999999999999999999"]),
    Target("forecast-csv", _forecast_csv_seeds, _feed_forecast(".csv"), CSV_TOKENS),
    Target("forecast-xml", lambda: [(REPO / "tests" / "forecast" / "smp" / "data" / "smpExample.xml").read_bytes()],
           _feed_forecast(".xml"), XML_TOKENS),
    *[Target(f"ingest-{s[1:]}", _ingest_seeds(s), _feed_ingest(s), tokens)
      for s, tokens in ((".jsonl", JSON_TOKENS), (".html", HTML_TOKENS), (".txt", [b"\xff", b"\x00", b"\n\n"]),
                        (".warc", [b"WARC/1.0\r\n", b"Content-Length: ", b"\r\n\r\n", b"99999999999"]),
                        (".parquet", [b"PAR1", b"\x00", b"\xff"]))],
    Target("import-ktab", lambda: [(EXAMPLES / "ktab-reform.csv").read_bytes()], _feed_import("ktab"), CSV_TOKENS),
    Target("import-unsc", lambda: [(EXAMPLES / "un-consolidated.xml").read_bytes()], _feed_import("unsc"), XML_TOKENS),
    Target("import-pax", lambda: [(EXAMPLES / "pax-agreements.csv").read_bytes()], _feed_import("pax"), CSV_TOKENS),
    Target("plover-json", _plover_seeds, _feed_plover, JSON_TOKENS),
    *[Target(f"monitor-{fmt}", MONITOR_SEEDS[fmt], _feed_monitor(fmt), JSON_TOKENS if fmt == "geojson" else CSV_TOKENS)
      for fmt in MONITOR_SEEDS],
]}


# ----------------------------------------------------------------------------------------- mutation

#: what one mutation step does, by number (the hypothesis test draws these numbers)
OPS = ("flip", "insert-byte", "delete", "duplicate", "token", "splice", "repeat")


def mutate(data: bytes, steps: list[tuple[int, int, int]], tokens: list[bytes], seeds: list[bytes]) -> bytes:
    """Apply mutation steps ``(op, a, b)``: a and b pick places and lengths (taken modulo what exists)."""
    buf = bytearray(data)
    for op, a, b in steps:
        n = len(buf)
        at = a % (n + 1)
        kind = OPS[op % len(OPS)]
        if kind == "flip" and n:
            buf[a % n] ^= 1 << (b % 8)
        elif kind == "insert-byte":
            buf[at:at] = bytes([b % 256])
        elif kind == "delete" and n:
            del buf[at:at + 1 + b % 64]
        elif kind == "duplicate" and n:
            buf[at:at] = buf[at:at + 1 + b % 256]
        elif kind == "token" and tokens:
            buf[at:at] = tokens[b % len(tokens)]
        elif kind == "splice" and seeds:
            other = seeds[b % len(seeds)]
            buf[at:] = other[(a * 7919) % (len(other) + 1):]
        elif kind == "repeat" and n:
            chunk = bytes(buf[at:at + 1 + b % 16]) or b"["
            buf[at:at] = chunk * (1 + (a ^ b) % 2000)
    return bytes(buf)


def run(target: Target, env: Env, data: bytes) -> str:
    """One input: "accepted" or "refused"; Failure (or any other exception) for a bug."""
    try:
        target.feed(env, data)
    except Refused:
        return "refused"
    return "accepted"


# ------------------------------------------------------------------------------------------- worker


class _Hang(BaseException):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Hang


def worker(name: str, seconds: float, timeout: float, findings: Path, seed: int) -> None:
    """Fuzz one target for ``seconds``; one JSON line per input on stdout. The current input is written to
    a file first, so the parent can keep it if this process dies or stops answering."""
    target = TARGETS[name]
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as tmp:
        env = Env(Path(tmp))
        seeds = target.seeds()
        for s in seeds:  # the seeds themselves must go through (and warm the stores up)
            run(target, env, s)
        signal.signal(signal.SIGALRM, _alarm)
        current = findings / f".current-{name}"
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            steps = [(rng.randrange(len(OPS)), rng.randrange(1 << 20), rng.randrange(1 << 20))
                     for _ in range(rng.randint(1, 6))]
            data = mutate(rng.choice(seeds), steps, target.tokens, seeds)
            current.write_bytes(data)
            signal.setitimer(signal.ITIMER_REAL, timeout)
            t0 = time.monotonic()
            try:
                outcome, detail = run(target, env, data), None
            except _Hang:
                outcome, detail = "hang", f"over {timeout:g} s"
            except BaseException as e:  # noqa: BLE001 - anything else is the finding
                outcome, detail = "failure", "".join(traceback.format_exception(e))[-3000:]
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.monotonic() - t0
            if outcome in ("hang", "failure"):
                digest = hashlib.sha256(data).hexdigest()[:12]
                (findings / f"{name}-{outcome}-{digest}.bin").write_bytes(data)
                (findings / f"{name}-{outcome}-{digest}.txt").write_text(detail or "")
            print(json.dumps({"outcome": outcome, "s": round(took, 4)}), flush=True)


# ------------------------------------------------------------------------------------------- parent


def fuzz(names: list[str], seconds_each: float, timeout: float, findings: Path) -> dict[str, dict[str, Any]]:
    """Each target in a worker for its share of the time; a worker that dies (a crash) or goes silent
    past 3 × timeout (a hang in C) is counted, its input kept, and a fresh one started."""
    import selectors

    findings.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        counts = {"inputs": 0, "accepted": 0, "refused": 0, "failure": 0, "hang": 0, "crash": 0, "slowest_s": 0.0}
        end = time.monotonic() + seconds_each
        restarts = 0
        while time.monotonic() < end - 1 and restarts < 20:
            cmd = [sys.executable, "-m", "bench.fuzz", "--worker", name, "--seconds", str(end - time.monotonic()),
                   "--timeout", str(timeout), "--findings", str(findings), "--seed", str(restarts + 1)]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO, text=True)
            sel = selectors.DefaultSelector()
            assert proc.stdout is not None
            sel.register(proc.stdout, selectors.EVENT_READ)
            silent_since = time.monotonic()
            warm = True  # the first input waits for the stores to be built
            while True:
                if not sel.select(timeout=1.0):
                    limit = 300 if warm else 3 * timeout
                    if time.monotonic() - silent_since > limit:
                        proc.kill()
                        counts["hang"] += 1
                        _keep(findings, name, "hang-hard")
                        break
                    if proc.poll() is not None:
                        break
                    continue
                line = proc.stdout.readline()
                if not line:
                    break
                warm, silent_since = False, time.monotonic()
                r = json.loads(line)
                counts["inputs"] += 1
                counts[r["outcome"]] += 1
                counts["slowest_s"] = max(counts["slowest_s"], r["s"])
            rc = proc.wait()
            if rc < 0 and rc != -signal.SIGKILL:
                counts["crash"] += 1
                _keep(findings, name, f"crash{rc}")
            restarts += 1
        results[name] = counts
        print(f"{name:<18} {json.dumps(counts)}", flush=True)
    return results


def _keep(findings: Path, name: str, what: str) -> None:
    current = findings / f".current-{name}"
    if current.exists():
        data = current.read_bytes()
        (findings / f"{name}-{what}-{hashlib.sha256(data).hexdigest()[:12]}.bin").write_bytes(data)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench fuzz", description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="total time, shared equally by the targets")
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="only this target (repeatable)")
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds one input may take before it is a hang")
    ap.add_argument("--findings", type=Path, default=Path(tempfile.gettempdir()) / "accord-fuzz-findings",
                    help="where failing inputs are kept")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--seconds", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.seconds, args.timeout, args.findings, args.seed)
        return 0
    names = args.target or list(TARGETS)
    t0 = time.time()
    results = fuzz(names, args.minutes * 60 / len(names), args.timeout, args.findings)
    total = {k: sum(r[k] for r in results.values()) for k in ("inputs", "failure", "hang", "crash")}
    print(json.dumps({"seconds": round(time.time() - t0), "load_average": os.getloadavg(), **total}))
    return 1 if total["failure"] or total["hang"] or total["crash"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

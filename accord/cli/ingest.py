"""CLI for accord.ingest: `accord ingest`, `accord review ...`, `accord eval ingest` (see docs/ingest.md)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import (
    CaseOpt, EngineOpt, JsonOpt, SchedulerOpt, check_engine, console, current_user, emit, err_console, escape, fail,
    guard, open_store,
)

review_app = typer.Typer(help="Review what ingest found: list, show, accept, reject, edit candidates.",
                         no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy against gold annotations.", no_args_is_help=True)

ByOpt = Annotated[str | None, typer.Option("--by", help="Who does this (default: $ACCORD_USER or the login name).")]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("ingest")(ingest)
    app.add_typer(review_app, name="review")
    app.add_typer(eval_app, name="eval")


def _case_store(case: str | None) -> tuple[Any, str]:
    """The store and the case id it resolves ``--case`` to (the only case when omitted)."""
    store = open_store()
    return store, guard(lambda: store.resolve_case(case))


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl[.gz], .warc[.gz], .parquet), folders, or - for stdin.")],
    published: Annotated[str | None, typer.Option("--published", help="Publication date for inputs that give none (YYYY-MM-DD).")] = None,
    # not $ACCORD_CASE: --case makes ingest write to the store, which only an explicit option should do
    case: Annotated[str | None, typer.Option("--case", "-c", help="Store the documents and candidates in this case.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes (of the LocalCluster with --engine dask).")] = 1,
    config: Annotated[Path | None, typer.Option("--config", help="Pipeline config (YAML).")] = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    partition: Annotated[int, typer.Option("--partition", min=1, help="With --engine dask: inputs per task and per stored transaction.")] = 32,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Read articles into cited candidates (actors, quotes, dates, events, stances).

    Without --case: the built-in world dictionary only (no issues, so no stances), nothing stored. With
    --case: the case's actors, issues and vocabulary join the dictionary, and each document is stored
    with its candidates in the review queue (a document already there is reported, not ingested again).
    --engine dask runs the pipeline on a Dask cluster (a LocalCluster of --workers processes unless
    --scheduler names one).
    """
    from accord.ingest import batch
    from accord.ingest.config import IngestConfig
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.reader import count, parse_published, read

    if published is not None:
        try:
            parse_published(published)
        except ValueError as e:
            fail(f"--published: {e}")
    cfg = guard(lambda: IngestConfig.load(config)) if config else IngestConfig()
    sink = None
    snapshot = None
    if case is not None:
        store, case_id = _case_store(case)
        snapshot = store.snapshot(case_id)
        sink = batch.Sink(store, case_id, current_user(by))
    check_engine(engine, scheduler)
    pipeline = guard(lambda: Pipeline.for_case(snapshot, cfg))
    for warning in pipeline.warnings:
        err_console.print(f"[bold yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)
    items = batch.unseen(read(paths, published, cfg.max_bytes), sink)
    totals: dict[str, int] = {"documents": 0, "failed": 0, "already ingested": 0}
    kinds: dict[str, int] = {}
    show_progress = not as_json or err_console.is_terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err_console, disable=not show_progress, transient=as_json)
    with progress, _groups(items, pipeline, engine, scheduler, workers, partition) as groups:
        task = progress.add_task("ingest", total=count(paths) if show_progress else None)
        for group in groups:  # stored together, then printed
            new = [(d.item, d.result) for d in group if not d.result["errors"]
                   and not d.result["document"].get("already_ingested") and isinstance(d.item, batch.Article)]
            if sink is not None:
                guard(lambda: sink.put_many(new))
            for done in group:
                result = done.result
                if result["errors"]:
                    totals["failed"] += 1
                elif result["document"].get("already_ingested"):
                    totals["already ingested"] += 1
                else:
                    totals["documents"] += 1
                    for c in result["candidates"]:
                        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
                if as_json:
                    sys.stdout.write(done.line + "\n")
                elif result["errors"]:
                    for e in result["errors"]:
                        err_console.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
                progress.advance(task)
            if as_json:
                sys.stdout.flush()
    if not as_json:
        _summary(totals, kinds, sink)
    if totals["failed"]:
        raise typer.Exit(1)


@contextmanager
def _groups(items: Any, pipeline: Any, engine: str, scheduler: str | None, workers: int,
            partition: int) -> Iterator[Any]:
    """Results in input order, in groups the store takes in one transaction: each document alone on the
    local engine, a partition on Dask."""
    from accord.ingest import batch

    if engine == "local":
        yield ([done] for done in batch.run(items, pipeline, workers))
        return
    from accord.cluster import dask_client
    from accord.ingest import dask_engine

    with ExitStack() as stack:
        client = guard(lambda: stack.enter_context(dask_client(scheduler, workers)))
        yield dask_engine.run(items, pipeline.lexicon, pipeline.config, client, partition)


def _summary(totals: dict[str, int], kinds: dict[str, int], sink: Any) -> None:
    from rich.table import Table

    table = Table(title="ingest", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for k, v in totals.items():
        table.add_row(k, str(v))
    for k in ("actor", "quote", "date", "event", "stance"):
        table.add_row(f"{k} candidates", str(kinds.get(k, 0)))
    console.print(table)
    if sink is not None:
        case = escape(sink.case_id)
        console.print(f"queued for review in case [bold]{case}[/]: `accord review list --case {case}`")


# ------------------------------------------------------------------------------------------ review


@review_app.command("list")
def review_list(
    case: CaseOpt = None,
    status: Annotated[str | None, typer.Option("--status", help="pending | accepted | rejected | edited (all if omitted).")] = "pending",
    kind: Annotated[str | None, typer.Option("--kind", help="actor | quote | date | event | stance")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document id.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 100,
    as_json: JsonOpt = False,
) -> None:
    """Candidates in the review queue."""
    from accord.ingest import queue_read

    if status not in (None, "all", *queue_read.STATUSES):
        fail(f"--status {status!r}: expected one of {', '.join(queue_read.STATUSES)} or all")
    store, case_id = _case_store(case)
    rows = queue_read.listing(store, case_id, None if status == "all" else status, kind, document, limit)

    def render(rows: list[dict[str, Any]]) -> None:
        from rich.table import Table

        t = Table(title=f"review queue: {escape(case_id)}")
        for col in ("id", "status", "kind", "document", "span", "text", "what", "conf"):
            t.add_column(col)
        for r in rows:
            t.add_row(str(r["id"]), r["status"], r["kind"], r["document"], f"{r['start']}-{r['end']}",
                      r["text"][:60], _what(r), f"{r['confidence']:.2f}")
        console.print(t)

    emit(rows, as_json, render)


def _what(c: dict[str, Any]) -> str:
    k = c["kind"]
    if k == "actor":
        return f"{c.get('actor') or 'NEW'} ({c.get('actor_kind')})"
    if k == "quote":
        return f"{c.get('speaker') or '?'} \\[{c.get('speaker_text')}] {c.get('cue') or ''}"
    if k == "date":
        return str(c.get("value") or c.get("range") or "unresolved") + f" ({c.get('precision')})"
    if k == "event":
        return f"{c.get('event_type')} {c.get('source')} -> {c.get('target')}"
    return f"{c.get('actor')} {c.get('issue')} {c.get('value', c.get('direction'))}"


@review_app.command("show")
def review_show(candidate: int, case: CaseOpt = None, as_json: JsonOpt = False) -> None:
    """One candidate with the passage it comes from."""
    from accord.errors import NotFound
    from accord.ingest import queue_read

    store, case_id = _case_store(case)
    cand = queue_read.one(store, case_id, candidate)
    if cand is None:
        fail(f"no candidate {candidate} in case {case_id!r}")
    try:
        text = store.get(case_id, cand["document"]).text or ""
    except NotFound:
        text = ""
    lo, hi = max(0, cand["start"] - 200), min(len(text), cand["end"] + 200)
    cand["context"] = text[lo:hi]

    def render(c: dict[str, Any]) -> None:
        console.print(f"[bold]candidate {c['id']}[/] ({c['status']}) {c['kind']} in {c['document']} "
                      f"{c['start']}-{c['end']}: {_what(c)}")
        before, span, after = text[lo:c["start"]], text[c["start"]:c["end"]], text[c["end"]:hi]
        console.print(escape(before) + "[reverse]" + escape(span) + "[/reverse]" + escape(after), soft_wrap=True)

    emit(cand, as_json, render)


@review_app.command("accept")
def review_accept(candidate: int, case: CaseOpt = None, by: ByOpt = None, as_json: JsonOpt = False) -> None:
    """Make a candidate a record of the case, cited to its span."""
    from accord.ingest import review

    store, case_id = _case_store(case)
    out = guard(lambda: review.accept(store, case_id, candidate, current_user(by)))
    emit(out, as_json, lambda c: console.print(
        f"accepted candidate {c['id']}" + (f": record [bold]{c['record_id']}[/]" if c["record_id"] else " (no record)")))


@review_app.command("reject")
def review_reject(candidate: int, case: CaseOpt = None, by: ByOpt = None, as_json: JsonOpt = False) -> None:
    """Mark a candidate wrong; it never becomes a record."""
    from accord.ingest import review

    store, case_id = _case_store(case)
    out = guard(lambda: review.reject(store, case_id, candidate, current_user(by)))
    emit(out, as_json, lambda c: console.print(f"rejected candidate {c['id']}"))


@review_app.command("edit")
def review_edit(
    candidate: int,
    changes: Annotated[list[str], typer.Argument(help="FIELD=VALUE pairs, e.g. speaker=sergei-lavrov value=80 (null clears).")],
    case: CaseOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct a candidate's fields before accepting it."""
    from accord.ingest import review

    pairs: dict[str, str] = {}
    for c in changes:
        key, sep, value = c.partition("=")
        if not sep or not key:
            fail(f"{c!r}: expected FIELD=VALUE")
        pairs[key] = value
    store, case_id = _case_store(case)
    out = guard(lambda: review.edit(store, case_id, candidate, pairs, current_user(by)))
    emit(out, as_json, lambda c: console.print(f"edited candidate {c['id']}: {_what(c)}"))


# ------------------------------------------------------------------------------------------ eval


@eval_app.command("ingest")
def eval_ingest(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines (docs/gold-format.md).")],
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score dateparser alone on dates.")] = True,
    misses: Annotated[bool, typer.Option("--misses", help="List every miss and spurious prediction.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Precision and recall per kind against gold annotations."""
    from accord.ingest.evaluate import evaluate
    from accord.ingest.evaluate import misses as list_misses

    if not gold.is_file():
        fail(f"{gold}: no such file")
    try:
        report = evaluate(gold, baseline=baseline)
    except (ValueError, KeyError) as e:
        fail(f"{gold}: not in the gold format ({e})")
    wrong = list(list_misses(report)) if misses else []
    report.pop("_scores")
    if misses:
        report["misses"] = wrong

    def render(r: dict[str, Any]) -> None:
        from rich.table import Table

        t = Table(title=f"ingest accuracy: {escape(str(r['gold']))} ({r['articles']} articles)")
        for col in ("kind", "precision", "recall", "detail right", "exact", "gold", "predicted"):
            t.add_column(col, justify="right" if col != "kind" else "left")
        rows = dict(r["kinds"])
        if "baseline_dateparser_dates" in r:
            rows["dates (dateparser alone)"] = r["baseline_dateparser_dates"]
        for k, s in rows.items():
            detail = s.get("speaker_right", s.get("detail"))
            t.add_row(k, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{detail:.3f}", f"{s['exact']:.3f}",
                      str(s["gold"]), str(s["pred"]))
        console.print(t)
        console.print("detail right: speaker (quotes), exact resolution (dates), type (events), direction or "
                      "value (stances), among the gold items found; exact: found and right, of all gold items")
        for m in r.get("misses", []):
            console.print(m, highlight=False, markup=False)

    emit(report, as_json, render, markup=False)

"""`accord forecast …`: run bargaining models on a CSV or a case issue, Monte Carlo, sensitivity, backtests.

A thin shell: every command calls the same functions the Python API offers (accord.forecast.*).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.cli.common import (
    AsKnownOnOpt, CaseOpt, DateOpt, EngineOpt, JsonOpt, SchedulerOpt, check_engine, console, emit, escape, escaped,
    fail, guard, open_snapshot, parse_date_opt,
)

if TYPE_CHECKING:
    from accord.forecast.base import Model, Stakeholders

ModelArg = Annotated[str, typer.Argument(help="Model name: weighted-mean, weighted-median, nash, eum, …")]
InputArg = Annotated[
    Path, typer.Argument(help="CSV with columns Actor,Capability,Position,Salience, or a KTAB SMP scenario (.csv/.xml).")
]
ParamOpt = Annotated[
    list[str] | None, typer.Option("--param", "-p", help="Model parameter KEY=VALUE (repeatable), e.g. probability=pairwise.")
]
ScaleOpt = Annotated[str | None, typer.Option("--scale", help="The issue's scale LO,HI (default: span of the positions).")]
SeedOpt = Annotated[int, typer.Option("--seed", min=0, help="Random seed (Monte Carlo draws, stochastic models).")]
RunSeedOpt = Annotated[
    int | None, typer.Option("--seed", min=0, help="Random seed for stochastic models (default: a KTAB scenario's own, else 0).")
]
DrawsOpt = Annotated[int, typer.Option("--draws", min=1, help="Monte Carlo draws.")]

forecast_app = typer.Typer(
    help="Forecast where a negotiation settles: baselines, models, Monte Carlo, backtests.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.add_typer(forecast_app, name="forecast")


# ---------------------------------------------------------------------------------------- helpers


def _pair(text: str | None, name: str) -> tuple[float, float] | None:
    from accord.record.model import number

    if text is None:
        return None
    try:
        lo, hi = (number(v) for v in text.split(","))
    except ValueError:
        fail(f"{name}: expected LO,HI (two numbers), got {text!r}")
    if hi < lo:
        fail(f"{name}: {hi:g} is below {lo:g}")
    return lo, hi


def _params(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            fail(f"--param: expected KEY=VALUE, got {item!r}")
        out[key.strip()] = value.strip()
    return out


def _model(name: str, params: list[str] | None) -> Model:
    from accord.forecast.registry import make

    return guard(lambda: make(name, **_params(params)))


def _read(path: Path, scale: str | None) -> Stakeholders:
    return _read_scenario(path, scale)[0]


def _read_scenario(path: Path, scale: str | None) -> tuple[Stakeholders, Any]:
    """Stakeholders, and the KTAB scenario (its run options and seed) when the file is one."""
    from accord.forecast.inputs import is_accord_csv, read_csv
    from accord.forecast.smp import read_scenario

    if path.suffix.lower() == ".xml" or (path.suffix.lower() == ".csv" and not guard(lambda: is_accord_csv(path))):
        scenario = guard(lambda: read_scenario(path))
        return scenario.stakeholders, scenario
    return guard(lambda: read_csv(path, _pair(scale, "--scale"))), None


def _limits(input: Path, model: Model, data: Stakeholders, **work: Any) -> None:
    """Refuse, naming the file, an input beyond the model's limits (accord.forecast.limits), before it runs."""
    from accord.forecast.limits import check

    guard(lambda: check(model.name, data, where=str(input), **work))


def _num(v: float) -> str:
    return f"{v:.4g}" if abs(v) < 1e4 else f"{v:.0f}"


# ------------------------------------------------------------------------------------------- run


@forecast_app.command("run")
def run_cmd(
    model: ModelArg,
    input: InputArg,
    rounds: Annotated[int | None, typer.Option("--rounds", min=0, help="Most rounds (models that iterate).")] = None,
    seed: RunSeedOpt = None,
    param: ParamOpt = None,
    scale: ScaleOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run one model on a stakeholder file: forecast, trajectory, final positions.

    A KTAB scenario run with the smp model uses the scenario's own options and seed unless --param or
    --seed say otherwise."""
    data, scenario = _read_scenario(input, scale)
    if model == "smp" and scenario is not None and not param:
        m = guard(lambda: scenario.model())
        seed = scenario.seed if seed is None else seed
    else:
        m = _model(model, param)
    _limits(input, m, data, rounds=rounds if rounds is not None else getattr(getattr(m, "params", None), "max_steps", None))
    result = guard(lambda: m.run(data, rounds=rounds, seed=0 if seed is None else seed))
    emit(result, as_json, _render_run)


def _render_run(run: Any) -> None:
    from rich.table import Table

    console.print(f"[bold]{run.model}[/]: forecast {', '.join(_num(v) for v in run.forecast)} after {run.states} state(s)")
    if run.detail.get("settled") is False:
        console.print("[yellow]did not settle: the forecast is where the rounds ran out[/]")
    if run.outcomes and len(run.outcomes) > 1:
        console.print("by state: " + "  ".join(f"{t}: {', '.join(_num(v) for v in o)}" for t, o in enumerate(run.outcomes)))
    table = Table("actor", "start", "final")
    for i, (actor, final) in enumerate(run.final_positions.items()):
        start = run.trajectory[0][i]
        table.add_row(escape(actor), ", ".join(_num(v) for v in start), ", ".join(_num(v) for v in final))
    console.print(table)
    for move in run.detail.get("moves", [])[:40]:
        to = move["to"] if isinstance(move["to"], list) else [move["to"]]
        console.print(f"  round {move['round']}: {escape(move['actor'])} → {', '.join(_num(v) for v in to)} "
                      f"({move['kind']}, offer of {escape(move['by'])})")


# ------------------------------------------------------------------------------------ montecarlo


@forecast_app.command("montecarlo")
def montecarlo_cmd(
    model: ModelArg,
    input: InputArg,
    draws: DrawsOpt = 1000,
    seed: SeedOpt = 0,
    within: Annotated[str | None, typer.Option("--range", help="LO,HI: report the probability the outcome falls inside.")] = None,
    param: ParamOpt = None,
    scale: ScaleOpt = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="With --engine dask and no --scheduler: LocalCluster worker processes.")] = 2,
    as_json: JsonOpt = False,
) -> None:
    """Forecast many draws of the inputs within their ± uncertainty: quantiles, interval, P(in range).

    --engine dask runs the model on a Dask cluster: the same samples for the same seed."""
    check_engine(engine, scheduler)
    m = _model(model, param)
    data = _read(input, scale)
    _limits(input, m, data, draws=draws)
    rng = _pair(within, "--range")
    if engine == "local":
        from accord.forecast.montecarlo import monte_carlo

        result = guard(lambda: monte_carlo(m, data, draws=draws, seed=seed, within=rng))
    else:
        result = _montecarlo_on_dask(m, data, draws, seed, rng, scheduler, workers)
    emit(result, as_json, _render_mc)


def _montecarlo_on_dask(m: Model, data: Stakeholders, draws: int, seed: int, rng: tuple[float, float] | None,
                        scheduler: str | None, workers: int) -> Any:
    from contextlib import ExitStack

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from accord.cli.common import err_console
    from accord.cluster import dask_client
    from accord.forecast import dask_engine

    with ExitStack() as stack:
        client = guard(lambda: stack.enter_context(dask_client(scheduler, workers)))
        progress = stack.enter_context(Progress(TextColumn("draws"), BarColumn(), MofNCompleteColumn(),
                                                TimeElapsedColumn(), console=err_console, transient=True))
        task = progress.add_task("draws", total=draws)
        return guard(lambda: dask_engine.monte_carlo(client, m, data, draws=draws, seed=seed, within=rng,
                                                     advance=lambda n: progress.advance(task, n)))


def _render_mc(mc: Any) -> None:
    out = escaped(mc.to_json())
    console.print(f"[bold]{out['model']}[/]: {out['draws']} draws, seed {out['seed']}")
    for k, dim in enumerate(out["dimensions"]):
        qs = "  ".join(f"q{float(p) * 100:g}={_num(v[k])}" for p, v in out["quantiles"].items())
        console.print(f"dimension {dim}: mean {_num(out['mean'][k])}  {qs}")
        if "p_within" in out:
            lo, hi = out["range"]
            console.print(f"  P({_num(lo)} ≤ outcome ≤ {_num(hi)}) = {out['p_within'][k]:.3f}")


# ----------------------------------------------------------------------------------- sensitivity


@forecast_app.command("sensitivity")
def sensitivity_cmd(
    model: ModelArg,
    input: InputArg,
    param: ParamOpt = None,
    scale: ScaleOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows to show.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Which actor's position, salience or capability moves the forecast most."""
    from accord.forecast.sensitivity import sensitivity

    m = _model(model, param)
    data = _read(input, scale)
    _limits(input, m, data, sensitivity=True)
    result = guard(lambda: sensitivity(m, data))

    def render(s: Any) -> None:
        from rich.table import Table

        point = ", ".join(_num(v) for v in s.forecast)
        console.print(f"[bold]{s.model}[/]: forecast {point}; most influential: {escape(', '.join(s.influential()))}")
        table = Table("actor", "input", "shift down", "shift up", "effect")
        for e in s.effects[:top]:
            low, high = (", ".join(_num(v) for v in shift) for shift in (e.low, e.high))
            table.add_row(escape(e.actor), e.input, low, high, _num(e.effect))
        console.print(table)

    emit(result, as_json, render)


# -------------------------------------------------------------------------------------- backtest


@forecast_app.command("backtest")
def backtest_cmd(
    file: Annotated[Path, typer.Argument(help="Backtest CSV: Issue,Actor,Capability,Position,Salience,Outcome.")],
    models: Annotated[str | None, typer.Option("--models", help="Comma-separated models (default: all).")] = None,
    seed: SeedOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Mean absolute error per model over issues with known outcomes, beside the weighted mean."""
    from accord.forecast.backtest import backtest, read_backtest

    ms = [_model(n, None) for n in _model_names(models)]
    cases = guard(lambda: read_backtest(file))
    for m in ms:
        for c in cases:
            _limits(Path(f"{file}: issue {c.issue}"), m, c.data)
    scores = guard(lambda: backtest(ms, cases, seed=seed))
    data = {"issues": len(cases), "baseline": scores[0].model, "seed": seed, "models": [s.to_json() for s in scores]}

    def render(d: dict[str, Any]) -> None:
        from rich.table import Table

        table = Table("model", "MAE", f"MAE − {d['baseline']}", "95 % interval")
        for s in d["models"]:
            lo, hi = s["interval95"]
            table.add_row(s["model"], _num(s["mae"]), _num(s["baseline_mae_difference"]), f"{_num(lo)} .. {_num(hi)}")
        console.print(f"{d['issues']} issues")
        console.print(table)

    emit(data, as_json, render)


def _model_names(models: str | None) -> list[str]:
    from accord.views.forecasts import model_names

    return guard(lambda: model_names(models))


# ------------------------------------------------------------------------------------------ ktab


@forecast_app.command("ktab")
def ktab_cmd(
    issue: Annotated[str, typer.Argument(help="Issue id in the case.")],
    date: DateOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or xml (KTAB's two scenario formats).")] = "xml",
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file (default: print).")] = None,
    seed: RunSeedOpt = None,
    as_known_on: AsKnownOnOpt = None,
    case: CaseOpt = None,
) -> None:
    """An issue's positions on a date as a KTAB SMP scenario (CSV or XML) that KTAB's smpc runs."""
    from accord.forecast.inputs import issue_rows
    from accord.forecast.smp import writers

    if fmt not in ("csv", "xml"):
        fail(f"--format {fmt!r}: expected csv or xml")
    on = parse_date_opt(date)
    # plain records and plain numbers: writing the scenario needs neither pydantic nor NumPy
    snapshot = open_snapshot(case, as_known_on, plain=True)
    data = guard(lambda: issue_rows(snapshot, issue, on).plain_stakeholders())
    name = f"{issue}" + (f" on {on.isoformat()}" if on else "")
    try:  # what KTAB would refuse is not written: one line naming the issue and what
        if fmt == "csv":
            text = writers.to_csv(data, name)
        else:
            text = writers.to_xml(data, name, **({"seed": seed} if seed is not None else {}))
    except writers.SMPInputError as e:
        fail(f"issue {name}: {e}")
    if out is None:
        typer.echo(text, nl=False)
        return
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)  # nothing half-written
    except OSError as e:
        fail(f"--out {out}: cannot write ({e.strerror})")




@forecast_app.command("issue")
def issue_cmd(
    issue: Annotated[str, typer.Argument(help="Issue id in the case.")],
    date: DateOpt = None,
    models: Annotated[str | None, typer.Option("--models", help="Comma-separated models (default: all).")] = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Write a PNG of the trajectories here.")] = None,
    draws: DrawsOpt = 1000,
    seed: SeedOpt = 0,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance", min=0.0, max=1.0,
            help="Stop the Monte Carlo once both ends of the 90 % interval are known within ± this share of the"
            " scale (95 % confidence); 0 uses every draw. Default 0.01.",
        ),
    ] = None,
    as_known_on: AsKnownOnOpt = None,
    case: CaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every model on a case issue as of a date, with the weighted-mean baseline, 90 % intervals and the
    three most influential actors."""
    from accord.forecast.issue import TOLERANCE
    from accord.views.forecasts import issue_report

    on = parse_date_opt(date)
    tol = TOLERANCE if tolerance is None else (tolerance or None)
    # plain records (no pydantic): a forecast read back from the cache needs only the inputs' numbers
    snapshot = open_snapshot(case, as_known_on, plain=True)
    # a user waits alone: where a second core is free, a second process computes the compiled models
    # (the same numbers), forked only when the answer is not in the forecast cache
    report = guard(lambda: issue_report(snapshot, issue, on, models, draws, seed, tol, processes=2))
    if chart is not None:
        from accord.forecast.chart import trajectory_chart

        guard(lambda: trajectory_chart(report, chart))
    emit(report, as_json, _render_issue)


def _render_issue(report: Any) -> None:
    from rich.table import Table

    out = escaped(report.to_json())
    console.print(f"[bold]{out['issue']}[/]" + (f" as of {out['date']}" if out["date"] else ""))
    table = Table("model", "forecast", "90 % interval", "states", "settled")
    for name, m in out["models"].items():
        lo, hi = m["interval"]
        mark = " (baseline)" if name == out["baseline"] else ""
        settled = {True: "yes", False: "[yellow]no[/]", None: "—"}[m["settled"]]
        table.add_row(name + mark, _num(m["forecast"]), f"{_num(lo)} .. {_num(hi)}", str(m["states"]), settled)
    console.print(table)
    console.print("most influential: " + ", ".join(out["influential"]))

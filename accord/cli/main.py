"""The `accord` command: a thin shell over the record, the rules, ingest and forecasts."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli import common, forecast, ingest, record, rules

app = typer.Typer(
    name="accord",
    help="Follow, check and forecast multilateral peace processes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def _global(
    db: Annotated[
        str,
        typer.Option("--db", envvar="ACCORD_DB", help="Store: a SQLite file path or a database URL."),
    ] = "accord.db",
) -> None:
    common.settings.db = db


for module in (record, rules, ingest, forecast):
    module.register(app)


def main() -> None:
    app()

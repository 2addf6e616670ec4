"""`accord user`: the people who may use the API (`accord serve`), their roles and tokens."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import JsonOpt, console, emit, escape, guard, open_store

user_app = typer.Typer(help="Users of the API: add (prints a token once), list, disable.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(metavar="NAME")],
    role: Annotated[str, typer.Option("--role", "-r", help="viewer, analyst, editor or admin.")],
    as_json: JsonOpt = False,
) -> None:
    """Create a user with a role and print its token: the only time it is shown (only a hash is kept)."""
    from accord.store import users

    store = open_store()
    user, token = guard(lambda: users.add(store, name, role))
    emit({**user.to_json(), "token": token}, as_json, lambda d: (
        console.print(f"user [bold]{d['name']}[/] ({d['role']}) created; token (shown once, keep it safe):"),
        console.print(token, markup=False, highlight=False, soft_wrap=True),
    ))


@user_app.command("list")
def user_list(as_json: JsonOpt = False) -> None:
    """Every user, its role, and whether it is disabled (tokens are never shown again)."""
    from rich.table import Table

    from accord.store import users

    store = open_store()
    rows = [u.to_json() for u in guard(lambda: users.listing(store))]

    def render(rs: list[dict]) -> None:
        t = Table(show_edge=False)
        for c in ("name", "role", "created (UTC)", "disabled"):
            t.add_column(c)
        for r in rs:
            t.add_row(r["name"], r["role"], r["created_at"][:19].replace("T", " "), "yes" if r["disabled"] else "")
        console.print(t)

    emit(rows, as_json, render)


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument(metavar="NAME")], as_json: JsonOpt = False) -> None:
    """Disable a user: its token stops working at once."""
    from accord.store import users

    store = open_store()
    user = guard(lambda: users.disable(store, name))
    emit(user.to_json(), as_json, lambda d: console.print(f"user {escape(name)} disabled"))

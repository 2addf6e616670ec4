"""Help pages rendered without the Markdown parser for plain text (accord/cli/helptext.py) are the pages
Rich's Markdown renderer gives, character for character, colour codes included."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markdown import Markdown

from accord.cli.helptext import _Markdown, _Paragraph, plain_paragraph
from tests.cli.test_imports import _commands

# Renders every help page (the top level, each group, each command) in one interpreter; with "real", Typer's
# help module is imported first, as Typer imports it, so that it renders with Rich's own Markdown.
_PAGES = """
import contextlib, io, json, sys
if sys.argv[1] == "real":
    import typer.rich_utils
from accord.cli.main import app
pages = {}
for path in json.loads(sys.argv[2]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            app([*path, "--help"], standalone_mode=False)
        except SystemExit:
            pass
    pages[" ".join(path)] = out.getvalue()
print(json.dumps({"pages": pages, "markdown_it": "markdown_it" in sys.modules}))
"""


def _pages(how: str, env: dict[str, str]) -> dict:
    paths = sorted({(), *(p[:i] for p in _commands() for i in range(1, len(p) + 1))})
    done = subprocess.run([sys.executable, "-c", _PAGES, how, json.dumps(paths)], capture_output=True, text=True,
                          check=True, env={**os.environ, **env})
    return json.loads(done.stdout)


@pytest.mark.parametrize("env", [
    {"COLUMNS": "80", "NO_COLOR": "1"},
    {"COLUMNS": "52", "FORCE_COLOR": "1"},
    {"COLUMNS": "150", "FORCE_COLOR": "1"},
], ids=["80-plain", "52-colour", "150-colour"])
def test_every_help_page_is_the_page_rich_markdown_renders(env):
    env = {k: v for k, v in env.items()}
    ours, real = _pages("ours", env), _pages("real", env)
    assert real["markdown_it"]  # the reference did render through Rich's Markdown
    assert len(ours["pages"]) > 60 and "positions" in ours["pages"][""]
    for page, text in real["pages"].items():
        assert ours["pages"][page] == text, page


def test_the_top_level_help_and_a_read_commands_help_need_no_markdown_parser():
    for argv in (["--help"], ["positions", "--help"]):
        code = ("import sys\nfrom accord.cli.main import main\nsys.argv = ['accord', *sys.argv[1:]]\ntry:\n    main()\n"
                "except SystemExit:\n    pass\nprint(sorted(m for m in ('markdown_it', 'pygments', 'rich.markdown',"
                " 'rich.traceback', 'attr') if m in sys.modules), file=sys.stderr)")
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
        assert "Usage" in done.stdout
        assert done.stderr.strip().splitlines()[-1] == "[]", argv


def _render(renderable, width: int, colour: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None)
    console.print(renderable)
    return out.getvalue()


@given(
    text=st.text(st.sampled_from("ab Z09_-+=.)(:$/*`[]<>!&~|#\\\n\t"), max_size=40),
    width=st.integers(8, 60),
    style=st.sampled_from(["", "dim", "bold cyan"]),
)
@settings(max_examples=400, deadline=None)
def test_a_plain_paragraph_renders_as_rich_markdown_renders_it(text, width, style):
    """Whatever text the stand-in takes as plain, it renders as Markdown does; the rest goes to Markdown."""
    made = _Markdown(text, style=style)
    if plain_paragraph(text) is None:
        assert isinstance(made, Markdown)
        return
    assert isinstance(made, _Paragraph)
    for colour in (False, True):
        assert _render(made, width, colour) == _render(Markdown(text, style=style), width, colour)


def test_what_counts_as_plain():
    assert plain_paragraph("Each actor's position (0..1), $ACCORD_DB: see /docs.") is not None
    assert plain_paragraph("two\n lines ") == ["two", "lines"]
    for text in ("`code`", "*em*", "_em_", "a\n\nb", "- item", "1. first", "a  \nb", "[link](x)", "", "x\n--db y"):
        assert plain_paragraph(text) is None, text

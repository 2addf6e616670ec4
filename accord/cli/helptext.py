"""Help pages without importing a Markdown parser for text that has no Markdown in it.

Typer (0.29) renders help through ``typer.rich_utils``, which imports Rich's Markdown renderable (the
markdown-it parser, Pygments through Rich's syntax module) and Rich's traceback module (attrs, Pygments)
when it is first imported: about 40 ms of the 0.2 s `accord --help` took, to lay out one-line help texts
that hold no Markdown at all. ``load()`` imports ``typer.rich_utils`` with two stand-ins bound in its
namespace: ``Markdown`` renders a single paragraph of plain text exactly as Rich's Markdown renders it
(same text, same style, same justification, same measurement) and hands any other text to Rich's real
Markdown, imported then; ``Traceback`` imports Rich's traceback module when Typer first asks for one
(never, with pretty exceptions off). The help pages are Typer's own layout, unchanged:
tests/cli/test_entry.py compares every page of the app, with and without colour, against pages rendered
by the real Markdown renderer.
"""

from __future__ import annotations

import re
import sys
import types
from typing import Any

#: characters that may start Markdown inline or block syntax (CommonMark, plus the strikethrough and
#: tables Rich enables); a text with none of them is one paragraph of literal text. An underscore between
#: two letters or digits ($ACCORD_DB) is literal: CommonMark lets such a run neither open nor close emphasis
_SYNTAX = re.compile(r"[\\`*\[\]<>!&~|#\t\r]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
#: a line opening a list item, a setext underline or a thematic break
_BLOCK_START = re.compile(r"[-+=]|\d{1,9}[.)]")


def plain_paragraph(text: str) -> list[str] | None:
    """The lines of a single paragraph of plain text as Markdown reads them (each stripped; Markdown joins
    them with a space, a soft line break), or None when the text may hold any Markdown syntax or several
    paragraphs."""
    lines = text.split("\n")
    if _SYNTAX.search(text) or any(not line.strip() or _BLOCK_START.match(line.lstrip()) for line in lines):
        return None
    if any(line.endswith("  ") for line in lines[:-1]):  # a hard line break
        return None
    return [line.strip() for line in lines]


class _Paragraph:
    """What ``rich.markdown.Markdown(text, style=style)`` renders for one plain paragraph: the text in the
    Markdown's style combined with ``markdown.paragraph``, justified left, appended line by line with a
    space between as Markdown appends its text and soft breaks (each append is a span: with colour on,
    a span boundary shows in the escape codes). Like Markdown it has no ``__rich_measure__``, so a table
    measures it as Markdown (as wide as it is given)."""

    def __init__(self, lines: list[str], style: Any) -> None:
        self.lines, self.style = lines, style

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        style = console.get_style(self.style, default="none") + console.get_style("markdown.paragraph", default="none")
        text = Text(justify="left")
        for i, line in enumerate(self.lines):
            if i:
                text.append(" ", style)
            text.append(line, style)
        yield from console.render(text, options.update(height=None))


class _Markdown:
    """Stands for ``rich.markdown.Markdown``: a class, as Typer's annotations combine it with others."""

    def __new__(cls, markup: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[misc]
        lines = plain_paragraph(markup)
        if lines is None or args or set(kwargs) - {"style"}:
            from rich.markdown import Markdown

            return Markdown(markup, *args, **kwargs)
        return _Paragraph(lines, kwargs.get("style", "none"))


class _Traceback:
    @staticmethod
    def from_exception(*args: Any, **kwargs: Any) -> Any:
        from rich.traceback import Traceback

        return Traceback.from_exception(*args, **kwargs)


def load() -> None:
    """Import ``typer.rich_utils`` with the stand-ins (nothing if it is imported already). Only its
    import sees them: ``rich.markdown`` and ``rich.traceback`` are the real modules for everyone after."""
    if "typer.rich_utils" in sys.modules:
        return
    stand_ins = {"rich.markdown": ("Markdown", _Markdown), "rich.traceback": ("Traceback", _Traceback)}
    saved = {name: sys.modules.get(name) for name in stand_ins}
    for name, (attr, value) in stand_ins.items():
        if saved[name] is None:
            module = types.ModuleType(name)
            setattr(module, attr, value)
            sys.modules[name] = module
    try:
        import typer.rich_utils  # noqa: F401
    finally:
        for name, real in saved.items():
            if real is None:
                sys.modules.pop(name, None)

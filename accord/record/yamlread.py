"""The one reader of YAML a user gives accord (bundle files, ``edit --set`` values).

PyYAML's safe loader, bounded so that no document can crash or hang it:

- nesting deeper than MAX_DEPTH is refused while composing, before anything is built: libyaml's own
  composer recurses in C (a document nested 100,000 deep overflows the C stack: a segfault) and
  PyYAML's recurses in Python (a RecursionError), so this loader composes with PyYAML's composer and
  counts the depth as it goes;
- aliases may add at most MAX_ALIASED nodes to a document: a kilobyte of nested anchors ("billion
  laughs") expands to 10^9 nodes, which nothing downstream (validation, a deep comparison) could walk;
  an alias to a node that contains it (a recursive structure) is refused too;
- a value its tag cannot make (``!!int memo``, ``!!timestamp 2015-02-30``, ``0b_``) is a YAML error
  at its line and column, not a ValueError from inside the constructor.

YAML 1.2 booleans (only true/false, so a vote of ``no`` stays the string "no"), and dates left as text
for FuzzyDate to read with its own precision and errors.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml.parser
import yaml.reader
import yaml.scanner
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.resolver import Resolver

from accord.errors import AccordError

try:  # libyaml's parser (C) when PyYAML was built with it: the same events, many times faster
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: Any) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

#: lists and mappings inside one another, at most (a bundle record needs about 6)
MAX_DEPTH = 64
#: nodes that aliases may add to one document, counted as expanded
MAX_ALIASED = 100_000


class LimitError(ComposerError):
    """A document beyond MAX_DEPTH or MAX_ALIASED, or a recursive alias: a YAML error at its place."""


class YamlError(AccordError):
    """A user's YAML that cannot be read, in one line. ``syntax``: not YAML at all (rather than a YAML
    beyond the limits or with a value its tag cannot make), for a reader that then takes the text as text."""

    def __init__(self, message: str, syntax: bool):
        super().__init__(message)
        self.syntax = syntax


class Loader(_Parser, Composer, SafeConstructor, Resolver):  # type: ignore[misc,valid-type]
    """A safe loader whose parser is libyaml's when available, composing with PyYAML's (bounded) composer."""

    # CParser's composing methods call its C composer: these are PyYAML's, which call compose_node below
    get_single_node = Composer.get_single_node
    check_node = Composer.check_node
    get_node = Composer.get_node

    def __init__(self, stream: Any) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0
        self._aliased = 0
        #: expanded size of each anchored node composed so far (by id); absent while it is being composed
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                size = self._sizes.get(id(target))
                if size is None:
                    raise LimitError(None, None, f"alias *{event.anchor} refers to a node that contains it "
                                                 "(a recursive structure)", event.start_mark)
                self._aliased += size
                if self._aliased > MAX_ALIASED:
                    raise LimitError(None, None, f"aliases expand to more than {MAX_ALIASED:,} values",
                                     event.start_mark)
            return Composer.compose_node(self, parent, index)
        nests = isinstance(event, (SequenceStartEvent, MappingStartEvent))
        if nests:
            if self._depth >= MAX_DEPTH:
                raise LimitError(None, None, f"nested deeper than {MAX_DEPTH} levels", event.start_mark)
            self._depth += 1
        try:
            node = Composer.compose_node(self, parent, index)
        finally:
            if nests:
                self._depth -= 1
        if event.anchor is not None:
            self._sizes[id(node)] = self._size(node)
        return node

    def _size(self, node: Node) -> int:
        """Values in a node as expanded (an aliased node counted at each use); bounded depth, so recursion is safe."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, SequenceNode):
            return 1 + sum(self._size(v) for v in node.value)
        if isinstance(node, MappingNode):
            return 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
        return 1

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return SafeConstructor.construct_object(self, node, deep)
        except yaml.YAMLError:
            raise
        except Exception as e:  # noqa: BLE001 - PyYAML's safe constructors fail in many ways (!!int '' is an IndexError,
            # !!timestamp x an AttributeError): each is the value's fault, said at its place
            raise ConstructorError(None, None, cannot_make(node.tag, node.value, e), node.start_mark) from None


def cannot_make(tag: str, value: Any, e: Exception) -> str:
    """What a tag could not make of a value, in words."""
    short = "!!" + tag.rsplit(":", 1)[-1] if tag.startswith("tag:yaml.org,2002:") else tag
    text = value if isinstance(value, str) else "the value"
    # int() and float() only repeat the text; a date's complaint (day out of range) says more
    why = "" if re.search(r"literal|could not convert", str(e)) else f" ({e})"
    return f"{text!r} is not a valid {short}{why}"


_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in _DROPPED]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def where(e: yaml.YAMLError) -> tuple[int | None, int | None, str]:
    """(line, column, problem) of a YAML error, line and column from 1."""
    if isinstance(e, yaml.reader.ReaderError):  # a character YAML does not allow; the position counts characters
        return None, None, f"{e.reason} (character {e.character!r} at offset {e.position})"
    if isinstance(e, yaml.MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or str(e).splitlines()[0]
        if mark is None:
            return None, None, problem
        return mark.line + 1, mark.column + 1, problem
    return None, None, " ".join(str(e).split())


def load(text: str | bytes, source: str) -> Any:
    """One YAML document, bounded; a YamlError ``SOURCE:LINE:COL: invalid YAML: ...`` if it cannot be read."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        return loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as e:
        syntax = isinstance(e, (yaml.reader.ReaderError, yaml.scanner.ScannerError, yaml.parser.ParserError))
        raise YamlError(error_text(source, e), syntax) from None
    finally:
        loader.dispose()


def error_text(source: str, e: yaml.YAMLError) -> str:
    line, col, problem = where(e)
    at = f":{line}:{col}" if line is not None else ""
    return f"{source}{at}: invalid YAML: {problem}"


__all__ = ["Loader", "LimitError", "YamlError", "MAX_ALIASED", "MAX_DEPTH", "error_text", "load", "where"]

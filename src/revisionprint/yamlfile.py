"""Reading a teacher's YAML file safely, keeping every position for messages.

Content and layouts both go through here. We compose YAML into nodes (which
carry line and column) and read values from the nodes ourselves, so that:
text is taken exactly as written (`front: no` is the word "no", not False),
keys that YAML 1.1 would turn into booleans are reported, duplicate keys are
reported instead of silently overwritten, and alias bombs are refused before
anything is expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, did_you_mean  # noqa: F401 (loaders import it from here too)

# libyaml composes a 1,000-card deck about 30 times faster, with the same marks.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A real topic has a few thousand nodes; a billion-laughs file has billions.
MAX_EXPANDED_NODES = 200_000

BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"


def kind_of(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'"


def is_null(node: Optional[Node]) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == NULL_TAG and not node.style)


@dataclass
class YamlFile:
    """A parsed file: its root node (None when unreadable) and the problems found so far."""

    name: str
    root: Optional[Node]
    problems: list[Problem] = field(default_factory=list)

    def report(self, node: Optional[Node], item: str, message: str) -> None:
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
        self.problems.append(Problem(self.name, line, column, item, message))

    # ---- reading values ---------------------------------------------------

    def mapping(
        self,
        node: Node,
        item: str,
        allowed: Iterable[str],
        required: Iterable[str] = (),
        what: str = "",
    ) -> dict[str, Node]:
        """The value nodes of a mapping, by key; unknown, boolean and repeated keys reported."""
        allowed = list(allowed)
        if not isinstance(node, MappingNode):
            self.report(node, item, f"should be {what or 'a set of key: value lines'}, not {kind_of(node)}")
            return {}
        values: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, item, allowed)
            if key is None:
                continue
            if key in values:
                self.report(key_node, join(item, key), f"'{key}' is given twice; keep one")
                continue
            values[key] = value_node
        for key in required:
            if key not in values:
                self.report(node, join(item, key), f"'{key}' is missing{_required_hint(key)}")
        return values

    def _key(self, key_node: Node, item: str, allowed: list[str]) -> Optional[str]:
        if not isinstance(key_node, ScalarNode):
            self.report(key_node, item, f"a key must be a plain word, not {kind_of(key_node)}")
            return None
        key = key_node.value
        if key_node.tag == BOOL_TAG and not key_node.style:
            self.report(
                key_node,
                join(item, key),
                f"YAML reads the key '{key}' as true/false; put it in quotes (\"{key}\") "
                f"or use one of: {', '.join(allowed)}",
            )
            return None
        if key not in allowed:
            self.report(key_node, join(item, key), f"unknown key '{key}'{did_you_mean(key, allowed)}")
            return None
        return key

    def text(self, node: Optional[Node], item: str, required: bool = True) -> Optional[str]:
        """Text exactly as written; numbers and yes/no stay the characters typed."""
        if is_null(node):
            if required:
                self.report(node, item, _null_message(node))
            return None
        if not isinstance(node, ScalarNode):
            written = _unquoted_colon_text(node)
            if written is not None:
                self.report(node, item, f"should be text; looks like '{written}'; YAML reads 'word: text' as a pair: "
                                        "put the whole text in quotes")
            else:
                self.report(node, item, f"should be text, not {kind_of(node)}")
            return None
        value = node.value.strip()
        if required and not value.strip(INVISIBLE):
            self.report(node, item, "is empty; write some text here" if not value else
                        "has only invisible characters (zero-width spaces, pasted from elsewhere); write some text here")
            return None
        return value

    def text_list(self, node: Optional[Node], item: str) -> tuple[str, ...]:
        """A list of texts; one text on its own is taken as a list of one."""
        if is_null(node):
            return ()
        if isinstance(node, ScalarNode):
            value = self.text(node, item, required=False)
            return (value,) if value else ()
        if not isinstance(node, SequenceNode):
            self.report(node, item, f"should be a list of texts, not {kind_of(node)}")
            return ()
        texts = []
        for index, entry in enumerate(node.value):
            value = self.text(entry, f"{item}[{index}]")
            if value is not None:
                texts.append(value)
        return tuple(texts)

    def sequence(self, node: Optional[Node], item: str, what: str) -> list[Node]:
        if is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.report(node, item, f"should be a list of {what} (each starting with '- '), not {kind_of(node)}")
            return []
        return list(node.value)

    def converted(self, node: Node, item: str, convert: Callable[[str], object]):
        """A scalar put through `convert`, whose ValueError message is shown as-is."""
        raw = self.text(node, item)
        if raw is None:
            return None
        try:
            return convert(raw)
        except ValueError as error:
            self.report(node, item, str(error))
            return None


# Characters that print nothing at all: a text of only these would leave a card blank.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _unquoted_colon_text(node: Node) -> Optional[str]:
    """'Signed: 1950' if the node is text that YAML split at an unquoted ': ' into a key and value."""
    if not isinstance(node, MappingNode) or node.flow_style or len(node.value) != 1:
        return None
    key, value = node.value[0]
    if not (isinstance(key, ScalarNode) and isinstance(value, ScalarNode)) or key.style:
        return None
    return f"{key.value}: {value.value}".rstrip()


def _null_message(node: Optional[Node]) -> str:
    """Why a required text is missing: nothing written, or a word such as Null that YAML reads as nothing."""
    written = node.value if node is not None else ""
    # Only the spellings YAML itself reads as null: '!!null text' is a tag, not a word to quote.
    if written not in ("null", "Null", "NULL", "~"):
        return "is empty; write some text here"
    what = "it" if written == "~" else "the word"
    return f"YAML reads '{written}' as 'nothing'; to print {what}, put it in quotes: \"{written}\""


def join(item: str, key: str) -> str:
    return f"{item}.{key}" if item else key


def _required_hint(key: str) -> str:
    return {"title": " (every topic needs a title)"}.get(key, "")


# ---------------------------------------------------------------- parsing


def read_yaml(path: str, display_name: Optional[str] = None) -> YamlFile:
    name = display_name or path
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        result = YamlFile(name, None)
        result.report(None, "", f"cannot be read: {error.strerror}")
        return result
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> YamlFile:
    result = YamlFile(name, None)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        result.problems.append(
            Problem(name, line, column, "", f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); "
                    "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
        )
        return result
    if not _has_content(text):
        result.report(None, "", "is empty; a topic needs at least a title and one section")
        return result
    if _report_tabs(text, result):
        return result
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part)
        result.problems.append(
            Problem(name, mark.line + 1, mark.column + 1, "", f"is not valid YAML: {message}")
        )
        return result
    except yaml.YAMLError as error:
        result.report(None, "", f"is not valid YAML: {error}")
        return result
    except RecursionError:
        result.report(None, "", "is nested too deeply to be a topic or a layout; check its brackets and indentation")
        return result
    if root is None:
        result.report(None, "", "is empty; a topic needs at least a title and one section")
        return result
    # An alias (*name) needs an anchor (&name): without one there is nothing to expand.
    if "&" in text and _report_alias_bombs(root, result):
        return result
    _report_swallowed_text(text, result)
    result.root = root
    return result


_MAYBE_ANCHOR_OR_TAG = re.compile(r"(^|[:\-\[,{]\s)\s*[&!]", re.MULTILINE)


def _report_swallowed_text(text: str, result: YamlFile) -> None:
    """Text starting with & or ! is read by YAML as an anchor or a tag, and that word vanishes."""
    if not _MAYBE_ANCHOR_OR_TAG.search(text):
        return
    for event in yaml.parse(text, Loader=FAST_LOADER):
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent) and (anchor or (tag and tag.startswith("!") and not tag.startswith("!!"))):
            word = f"&{anchor}" if anchor else tag
            mark = event.start_mark
            result.problems.append(Problem(
                result.name, mark.line + 1, mark.column + 1, "",
                f"YAML reads '{word}' at the start of this text as {'an anchor' if anchor else 'a tag'} "
                "and drops it; put the whole text in quotes"))


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _report_tabs(text: str, result: YamlFile) -> bool:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            result.problems.append(
                Problem(result.name, number, indent.index("\t") + 1, "",
                        "is indented with a tab; YAML needs spaces (set your editor to insert spaces)")
            )
            found = True
    return found


def _report_alias_bombs(root: Node, result: YamlFile) -> bool:
    """Measure how big the data would be once aliases are expanded, without expanding it."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise _SelfReference(node)
        in_progress.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        in_progress.discard(key)
        sizes[key] = min(total, MAX_EXPANDED_NODES + 1)
        return sizes[key]

    try:
        total = size(root)
    except RecursionError:
        result.report(root, "", "is nested too deeply to be a topic or a layout; check its brackets and indentation")
        return True
    except _SelfReference as loop:
        result.report(loop.node, "", "an alias (*name) refers to the item that contains it; write the items out instead")
        return True
    if total > MAX_EXPANDED_NODES:
        result.report(
            root,
            "",
            f"its aliases (*name) would expand to more than {MAX_EXPANDED_NODES:,} items, "
            "so it was refused; write the items out instead of repeating aliases",
        )
        return True
    return False


class _SelfReference(Exception):
    def __init__(self, node: Node):
        self.node = node

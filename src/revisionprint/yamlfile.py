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

from .errors import Problem, did_you_mean, excerpt  # noqa: F401 (loaders import did_you_mean from here too)
from .limits import (EXCERPT_CHARACTERS, MAX_ALIAS_EXPANSIONS, MAX_DEPTH, MAX_FILE_BYTES, MAX_LIST_ITEMS,
                     MAX_TEXT_CHARACTERS, MAX_TEXT_LINES)

BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1's plain scalars that PyYAML's resolver calls null and bool.
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF".split())


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 30 times faster, same marks
    """Every value is read as the text written (YamlFile reads node.value), and of the types YAML
    would give plain scalars only null (an empty value) and bool (a yes or no key) are ever looked
    at: so only those are resolved. PyYAML's resolver tries a pattern per type on every scalar,
    in Python: a third of composing a deck."""

    def resolve(self, kind, value, implicit):
        if kind is not ScalarNode:
            return super().resolve(kind, value, implicit)
        if implicit[0]:  # plain, not quoted
            if value in _NULL_WORDS:
                return NULL_TAG
            if value in _BOOL_WORDS:
                return BOOL_TAG
        return STR_TAG


def kind_of(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{excerpt(node.value)}'"


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
                self.report(key_node, join(item, key), f"'{excerpt(key)}' is given twice; keep one")
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
        if key not in allowed and len(key) > EXCERPT_CHARACTERS:
            self.report(key_node, item, f"unknown key '{excerpt(key)}'{did_you_mean('', allowed)}")
            return None
        if key_node.tag == BOOL_TAG and not key_node.style:
            self.report(
                key_node,
                join(item, key),
                f"YAML reads the key '{key}' as true/false; put it in quotes (\"{key}\") "
                f"or use one of: {', '.join(allowed)}",
            )
            return None
        if key not in allowed:
            self.report(key_node, join(item, excerpt(key)), f"unknown key '{excerpt(key)}'{did_you_mean(key, allowed)}")
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
                self.report(node, item, f"should be text; looks like '{excerpt(written)}'; YAML reads 'word: text' as a pair: "
                                        "put the whole text in quotes")
            else:
                self.report(node, item, f"should be text, not {kind_of(node)}")
            return None
        value = node.value.strip()
        if len(value) > MAX_TEXT_CHARACTERS:
            self.report(node, item, f"is {len(value):,} characters long; a text can be at most "
                                    f"{MAX_TEXT_CHARACTERS:,} (see docs/limits.md): shorten it or split it in two")
            return None
        if value.count("\n") >= MAX_TEXT_LINES:
            self.report(node, item, f"has {value.count(chr(10)) + 1:,} lines; a text can have at most "
                                    f"{MAX_TEXT_LINES} (see docs/limits.md): shorten it or split it in two")
            return None
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
        if self.too_many(node, item, MAX_LIST_ITEMS, "items"):
            return ()
        texts = []
        for index, entry in enumerate(node.value):
            value = self.text(entry, f"{item}[{index}]")
            if value is not None:
                texts.append(value)
        return tuple(texts)

    def sequence(self, node: Optional[Node], item: str, what: str, most: int = MAX_LIST_ITEMS) -> list[Node]:
        if is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.report(node, item, f"should be a list of {what} (each starting with '- '), not {kind_of(node)}")
            return []
        if self.too_many(node, item, most, what):
            return []
        return list(node.value)

    def too_many(self, node: SequenceNode, item: str, most: int, what: str) -> bool:
        """A list longer than its documented limit (docs/limits.md), reported once, at the list."""
        if len(node.value) <= most:
            return False
        self.report(node, item, f"has {len(node.value):,} {what}; it can have at most {most:,} "
                                "(see docs/limits.md): split it into several files")
        return True

    def converted(self, node: Node, item: str, convert: Callable[[str], object]):
        """A scalar put through `convert`, whose ValueError message is shown as-is."""
        raw = self.text(node, item)
        if raw is None:
            return None
        try:
            return convert(raw)
        except ValueError as error:
            self.report(node, item, shortened(str(error), raw))
            return None


def shortened(message: str, value: str) -> str:
    """A message about a value, repeating no more than an excerpt of it."""
    return message.replace(value, excerpt(value)) if len(value) > EXCERPT_CHARACTERS else message


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
            # One byte past the limit tells a file that is too big without reading it all
            # (/dev/zero, a video chosen by mistake).
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        result = YamlFile(name, None)
        result.report(None, "", f"cannot be read: {error.strerror}")
        return result
    if len(raw) > MAX_FILE_BYTES:
        result = YamlFile(name, None)
        result.report(None, "", f"is larger than {MAX_FILE_BYTES // 1_000_000} MB, more than any topic or layout "
                                "(see docs/limits.md); is it the right file?")
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
    if (_may_be_unreadable(raw) and _report_control_characters(text, result)) or _report_tabs(text, result):
        return result
    try:
        root = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part)
        result.problems.append(
            Problem(name, mark.line + 1, mark.column + 1, "", f"is not valid YAML: {excerpt(message, 200)}")
        )
        return result
    except yaml.YAMLError as error:
        result.report(None, "", f"is not valid YAML: {excerpt(error, 200)}")
        return result
    except RecursionError:
        result.report(None, "", _TOO_DEEP)
        return result
    if root is None:
        result.report(None, "", "is empty; a topic needs at least a title and one section")
        return result
    if _NodeCheck(text, result).refused(root):
        return result
    result.root = root
    return result


_TOO_DEEP = (f"is nested too deeply (more than {MAX_DEPTH} lists or mappings inside each other) to be a topic "
             "or a layout; check its brackets and indentation")

# What YAML itself cannot read (C0 and C1 controls but tab, line feed, carriage return and
# next line; surrogates; U+FFFE and U+FFFF), found before YAML so it is reported where it is.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_MOST_REPORTED_CHARACTERS = 20
# Looking in the bytes first spares most files the pattern above (20 ms a megabyte): in UTF-8
# a C0 control or DEL is its own byte, and a C1 control, U+FFFE or U+FFFF starts with one of
# _UNREADABLE_LEADS (so do common characters such as a no-break space or a pound sign: then
# the pattern decides). Surrogates cannot be decoded from UTF-8 at all.
_READABLE_BYTES = bytes(set(range(256)) - set(range(0x20)) - {0x7f} | {0x09, 0x0a, 0x0d})
_UNREADABLE_LEADS = (b"\xc2", b"\xef\xbf")


def _may_be_unreadable(raw: bytes) -> bool:
    return bool(raw.translate(None, _READABLE_BYTES)) or any(lead in raw for lead in _UNREADABLE_LEADS)


def _report_control_characters(text: str, result: YamlFile) -> bool:
    found = 0
    for match in _UNREADABLE.finditer(text):
        found += 1
        if found > _MOST_REPORTED_CHARACTERS:
            break
        line, column = _line_and_column(text, match.start())
        result.problems.append(Problem(
            result.name, line, column, "",
            f"has an invisible control character ({excerpt(match.group())}, U+{ord(match.group()):04X}) that "
            "cannot be in a text file; delete it (it usually comes with text pasted from another program). "
            "To print a special character, write it in double quotes, such as \"\\t\" for a tab"))
    return bool(found)


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


# A line that starts, after spaces, with neither a space nor a comment: found at once in
# almost every file, where splitting a large file into lines would take longer.
_CONTENT_LINE = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)


def _has_content(text: str) -> bool:
    if _CONTENT_LINE.search(text):
        return True
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _report_tabs(text: str, result: YamlFile) -> bool:
    if "\t" not in text:
        return False
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


# An anchor (&name) or a tag (!name, !!str) written before a value: YAML's node properties.
_PROPERTY = re.compile(r"!<[^>]*>|[&!][^\s,\[\]{}]*")


class _NodeCheck:
    """One walk over the composed nodes, without recursion: how deep they nest, the tags and
    anchors written before values, and how much aliases (*name) would repeat.

    The marks of a node point at its first property, so tags and anchors are found in the text
    at the node's start without parsing the file again."""

    def __init__(self, text: str, result: YamlFile):
        self.text = text
        self.result = result

    def refused(self, root: Node) -> bool:
        if "&" not in self.text and "!" not in self.text:
            # No anchor, so no alias, and no tag: only the depth is left to check.
            return self._too_deep(root)
        seen: set[int] = set()
        on_path: set[int] = set()
        post_order: list[Node] = []
        has_alias = False
        stack: list[tuple[Node, int, bool]] = [(root, 0, False)]
        while stack:
            node, depth, leaving = stack.pop()
            key = id(node)
            if leaving:
                on_path.discard(key)
                post_order.append(node)
                continue
            if key in seen:
                if key in on_path:
                    self.result.report(node, "", "an alias (*name) refers to the item that contains it; "
                                                 "write the items out instead")
                    return True
                has_alias = True
                continue
            seen.add(key)
            self._check_properties(node)
            if isinstance(node, ScalarNode):
                post_order.append(node)
                continue
            if depth >= MAX_DEPTH:
                self.result.report(node, "", _TOO_DEEP)
                return True
            on_path.add(key)
            stack.append((node, depth, True))
            for child in reversed(_children(node)):
                stack.append((child, depth + 1, False))
        return has_alias and self._alias_bomb(root, post_order)

    def _too_deep(self, root: Node) -> bool:
        stack: list[tuple[Node, int]] = [(root, 0)] if not isinstance(root, ScalarNode) else []
        while stack:
            node, depth = stack.pop()
            if depth >= MAX_DEPTH:
                self.result.report(node, "", _TOO_DEEP)
                return True
            stack.extend((child, depth + 1) for child in _children(node) if not isinstance(child, ScalarNode))
        return False

    def _check_properties(self, node: Node) -> None:
        index = node.start_mark.index
        if self.text[index:index + 1] not in ("&", "!"):
            return
        while (match := _PROPERTY.match(self.text, index)) is not None:
            word = match.group()
            if word.startswith("!"):
                self._report_tag(node, word)
            elif isinstance(node, ScalarNode):
                self.result.report(node, "", f"YAML reads '{excerpt(word)}' at the start of this text as an anchor "
                                             "and drops it; put the whole text in quotes")
            index = match.end()
            while self.text[index:index + 1] in (" ", "\n", "\r"):
                index += 1

    def _report_tag(self, node: Node, tag: str) -> None:
        if isinstance(node, ScalarNode):
            how = "delete it, or put the whole text in quotes to print it"
        else:
            how = "delete it"
        self.result.report(node, "", f"YAML reads '{excerpt(tag)}' as a tag (an instruction to YAML, not text), "
                                     f"and revisionprint takes no tags: {how}")

    def _alias_bomb(self, root: Node, post_order: list[Node]) -> bool:
        """Measure how big the data would be once aliases are expanded, without expanding it."""
        cap = len(post_order) + MAX_ALIAS_EXPANSIONS + 1
        sizes: dict[int, int] = {}
        for node in post_order:
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            sizes[id(node)] = min(total, cap)
        if sizes[id(root)] - len(post_order) <= MAX_ALIAS_EXPANSIONS:
            return False
        self.result.report(
            root, "",
            f"its aliases (*name) would repeat more than {MAX_ALIAS_EXPANSIONS:,} items, "
            "so it was refused; write the items out instead of repeating aliases")
        return True


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []

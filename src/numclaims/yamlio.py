"""Safe YAML reading that remembers line numbers.

Reading uses PyYAML's ``CSafeLoader`` (libyaml's C parser, safe: no object construction tags such as
``!!python/object``) because it is several times faster than a pure-Python parser on large claim corpora.
Each mapping comes back as a :class:`LineMap`, a ``dict`` that also knows the 1-based line of the mapping
and of each of its keys, so that validation errors can name ``file:line``. Duplicate keys, which YAML
parsers usually resolve silently by keeping the last, are reported as errors.

Editing a file in place (the review workflow) uses ruamel.yaml's round-trip mode instead, which keeps
comments, key order and formatting (see :mod:`numclaims.review`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import one_line
from .paths import read_input

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineMap(dict):
    """A dict with ``line`` (1-based line of the mapping) and ``key_lines`` ({key: 1-based line})."""

    __slots__ = ("line", "key_lines")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 0
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """Line of ``key`` in the file, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)

    def __reduce__(self):  # picklable for process pools
        return (_rebuild, (dict(self), self.line, self.key_lines))


def _rebuild(d: dict, line: int, key_lines: dict) -> LineMap:
    m = LineMap(d)
    m.line = line
    m.key_lines = key_lines
    return m


class YamlInputError(ValueError):
    """A YAML file that cannot be read: ``line`` (1-based, 0 when unknown), ``message`` and its error
    ``code`` (:mod:`numclaims.codes`)."""

    def __init__(self, line: int, message: str, code: str, context_line: int | None = None, opened: bool = False):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message
        self.code = code
        #: 1-based line where the construct the reader was inside starts ("while parsing a block mapping that
        #: starts at line 5"), when the reader names one; None otherwise
        self.context_line = context_line
        #: whether that construct is a flow collection or a quoted text the reader found unclosed ("while
        #: parsing a flow sequence that starts at line 13", "while scanning a quoted scalar"; not "a plain
        #: scalar", which is the line before the one in error)
        self.opened = opened


#: Implicit tags already resolved, by (plain scalar, implicit flags). Keys, units, qualifiers and roles
#: repeat across thousands of records, and a dict lookup is cheaper than PyYAML's regular expressions.
_RESOLVED: dict[tuple[str, Any], str] = {}


_ScalarNode = yaml.ScalarNode
#: Tags of untagged collections, as PyYAML's resolver gives them when no path resolver is registered.
_COLLECTION_TAGS = {yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                    yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG}


class _Loader(_Base):  # type: ignore[misc, valid-type]
    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:  # called by the C parser for every node
        if kind is _ScalarNode:
            if implicit is not None and len(value) <= 64:
                key = (value, implicit)
                tag = _RESOLVED.get(key)
                if tag is None:
                    tag = super().resolve(kind, value, implicit)
                    if len(_RESOLVED) < 50_000:
                        _RESOLVED[key] = tag
                return tag
        elif not self.yaml_path_resolvers and kind in _COLLECTION_TAGS:
            return _COLLECTION_TAGS[kind]
        return super().resolve(kind, value, implicit)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LineMap:
    loader.flatten_mapping(node)
    m = LineMap()
    m.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise YamlInputError(key_node.start_mark.line + 1, "a mapping key must be a plain value", "yaml-key") from None
        if key in m:
            raise YamlInputError(key_node.start_mark.line + 1,
                                 f"duplicate key {key!r} in one mapping (first at line {m.key_lines[key]}); keep one",
                                 "duplicate-key")
        m[key] = loader.construct_object(value_node, deep=deep)
        m.key_lines[key] = key_node.start_mark.line + 1
    return m


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _refuse_tag(loader: _Loader, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise YamlInputError(node.start_mark.line + 1, f"tag {tag!r} is not allowed: claims files hold plain data (text, "
                         "numbers, lists, mappings); remove the tag", "yaml-tag")


# standard YAML tags for data a claims file never holds (bytes, sets, ordered pairs): refused like unsafe tags
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)

#: Characters YAML 1.1 reads as line breaks that editors show inside a line (NEL, LS, PS).
_BREAK_NAMES = {"\x85": "next line, NEL", "\u2028": "line separator", "\u2029": "paragraph separator"}
_BREAKS = re.compile("[\x85\u2028\u2029]")


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_MERGE_TAG = "tag:yaml.org,2002:merge"
_BUILDING = object()


def _build(loader: _Loader, root: yaml.Node) -> Any:
    """Construct Python data from a composed node graph.

    Does what ``loader.construct_document`` does for plain data (strings, lists, mappings as
    :class:`LineMap`) without PyYAML's generic, generator-based constructor machinery, which costs more than
    parsing itself on large corpora; every other tag (numbers, booleans, dates, null, and any unsafe tag,
    which raises) goes through the loader's own safe constructors. Aliases keep sharing one object;
    an alias inside the node it names raises :class:`YamlInputError`.
    """
    memo: dict[int, Any] = {}
    ScalarNode, SequenceNode = yaml.ScalarNode, yaml.SequenceNode

    def build(node: yaml.Node) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            return node.value if node.tag == _STR_TAG else loader.construct_object(node)
        k = id(node)
        if k in memo:
            v = memo[k]
            if v is _BUILDING:
                raise YamlInputError(node.start_mark.line + 1, "a YAML alias refers to a node that contains it "
                                                               "(recursive data); claims files must be plain trees",
                                     "yaml-alias-recursive")
            return v
        memo[k] = _BUILDING
        if cls is SequenceNode and node.tag == _SEQ_TAG:
            v: Any = [build(child) for child in node.value]
        elif node.tag == _MAP_TAG and cls is yaml.MappingNode:
            merged: set[Any] = set()  # keys that came from a merge (<<: *base): the mapping's own keys override them
            own = None
            if any(kn.tag == _MERGE_TAG for kn, _ in node.value):
                own = {id(kn) for kn, _ in node.value if kn.tag != _MERGE_TAG}
                loader.flatten_mapping(node)
            v = LineMap()
            v.line = node.start_mark.line + 1
            key_lines = v.key_lines
            for key_node, value_node in node.value:
                key = build(key_node)
                kl = key_node.start_mark.line + 1
                try:
                    seen = key in v
                except TypeError:
                    raise YamlInputError(kl, "a mapping key must be a plain value", "yaml-key") from None
                if seen and key in merged and own is not None and id(key_node) in own:
                    merged.discard(key)  # YAML merge: an explicit key overrides the merged one
                elif seen:
                    if key in merged:
                        continue  # a later merge does not override an earlier one (YAML merge key rule)
                    raise YamlInputError(kl, f"duplicate key {key!r} in one mapping (first at line "
                                             f"{key_lines[key]}); keep one", "duplicate-key")
                elif own is not None and id(key_node) not in own:
                    merged.add(key)
                v[key] = build(value_node)
                key_lines[key] = kl
        else:
            v = loader.construct_object(node, deep=True)  # !!set, !!omap, ... or an unsafe tag (raises)
        memo[k] = v
        return v

    return build(root)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # YAML 1.1 reads an unquoted 2014-13-01 as a date and Python raises a bare ValueError for it. Keep the
    # text instead: schema validation then reports it on the right claim and field ("expected a date").
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

#: A document may expand (through aliases ``*x``) to at most this many nodes per character of text plus
#: :data:`_EXPANSION_SLACK`: plain YAML needs at least one character per node, so only alias bombs
#: ("billion laughs") exceed it.
_EXPANSION_PER_CHAR = 4
_EXPANSION_SLACK = 10_000


def _check_expansion(doc: Any, limit: int) -> None:
    """Reject documents whose aliases expand beyond ``limit`` nodes, or that contain themselves."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(obj: Any) -> int:
        if not isinstance(obj, (dict, list)):
            return 1
        k = id(obj)
        if k in sizes:
            return sizes[k]
        if k in active:
            raise YamlInputError(0, "a YAML alias refers to a node that contains it (recursive data); "
                                    "claims files must be plain trees", "yaml-alias-recursive")
        active.add(k)
        n = 1
        children = obj.values() if isinstance(obj, dict) else obj
        for child in children:
            n += size(child)
            if n > limit:
                raise YamlInputError(0, f"YAML aliases expand the document to over {limit:,} values; "
                                        "remove the repeated aliases (*name)", "yaml-alias-bomb")
        active.discard(k)
        sizes[k] = n
        return n

    size(doc)


def _has_aliases(text: str) -> bool:
    return "*" in text and "&" in text


def load_yaml_text(text: str) -> Any:
    """Parse YAML text safely; mappings become :class:`LineMap`.

    Raises:
        YamlInputError: syntax errors (with the line the parser stopped at and the line of the enclosing
            block), duplicate keys, object-construction tags such as ``!!python/object`` (never executed:
            the loader is a safe loader), impossible dates, and alias bombs or recursive aliases.
    """
    m = _BREAKS.search(text)
    if m:  # YAML reads these as line breaks; editors and error lines do not: refuse, at the editor's line
        ch = m.group(0)
        raise YamlInputError(text.count("\n", 0, m.start()) + 1,
                             f"character U+{ord(ch):04X} ({_BREAK_NAMES[ch]}) is read by YAML as a line break (it "
                             "would end a comment or a plain text and shift every later line number); remove it, or "
                             f"write it as \\u{ord(ch):04x} inside double quotes", "yaml-line-break")
    try:
        loader = _Loader(text)  # derives from the safe loader: unknown tags raise, nothing is executed
        try:
            node = loader.get_single_node()
            doc = None if node is None else _build(loader, node)
        finally:
            loader.dispose()
    except YamlInputError:
        raise
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        what, code = e.problem or "cannot construct a value", "yaml-syntax"
        if "could not determine a constructor for the tag" in what:
            code = "yaml-tag"
            tag = what.rsplit("tag ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
            what = (f"tag {tag!r} is not allowed: claims files hold plain data (text, numbers, lists, "
                    "mappings); remove the tag")
        raise YamlInputError(line, what, code) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = e.problem or e.context or "syntax error"
        ctx = ""
        if e.context and e.context_mark is not None and e.problem:
            ctx = f" ({e.context} that starts at line {e.context_mark.line + 1})"
        lines = text.split("\n")
        if ("mapping values are not allowed" in what and 0 < line <= len(lines)
                and re.match(r"\s*(- )?[^'\"\s][^:]*: +[^'\"\[{\s].*: ", lines[line - 1])):
            what += " (a plain text holding ': ' must be put in quotes)"
        if "'\\t'" in what or (0 < line <= len(lines) and "\t" in lines[line - 1]):
            what += " (line has a tab: YAML indents with spaces only)"
        raise YamlInputError(line, f"YAML syntax error: {what}{ctx}; check the quotes and indentation",
                             "yaml-too-deep" if "maximum nesting depth" in what else "yaml-syntax",
                             e.context_mark.line + 1 if e.context_mark is not None else None,
                             # an unclosed [ { or quote: where it was opened (the error is found later)
                             bool(e.context and ("flow" in e.context or "quoted scalar" in e.context))) from None
    except yaml.reader.ReaderError as e:  # a control character: at its line, in one line
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else 0
        code = e.character if isinstance(e.character, int) else ord(str(e.character)[:1] or "?")
        raise YamlInputError(line, f"control character U+{code:04X} is not allowed in a YAML file; remove it (inside "
                             f"double quotes it can be written as an escape, \\x{code:02x})", "yaml-control-character") from None
    except yaml.YAMLError as e:
        raise YamlInputError(0, f"YAML error: {one_line(str(e))}", "yaml-syntax") from None
    except RecursionError:
        raise YamlInputError(0, "YAML nesting is too deep", "yaml-too-deep") from None
    if _has_aliases(text):
        _check_expansion(doc, _EXPANSION_PER_CHAR * len(text) + _EXPANSION_SLACK)
    return doc


def read_text_strict(path: Path) -> str:
    """Read a UTF-8 text file as is (newlines untouched).

    Raises:
        OSError: the file cannot be read; :class:`numclaims.paths.UnsafeInput` when it is not a regular file
            or too large.
        YamlInputError: the file starts with a byte-order mark (character offsets would shift by one), or
            is not valid UTF-8 (the message gives the line and byte of the first bad byte).
    """

    data = read_input(path)  # a regular file of at most paths.MAX_INPUT_BYTES (no FIFO, no device)
    if data.startswith(b"\xef\xbb\xbf"):
        raise YamlInputError(1, "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
                             "byte-order-mark")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise YamlInputError(
            line, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert the file to UTF-8",
            "not-utf8"
        ) from None

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

from pathlib import Path
from typing import Any

import yaml

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
    """A YAML file that cannot be read: ``line`` (1-based, 0 when unknown) and ``message``."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LineMap:
    loader.flatten_mapping(node)
    m = LineMap()
    m.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise YamlInputError(key_node.start_mark.line + 1, "a mapping key must be a plain value") from None
        if key in m:
            raise YamlInputError(key_node.start_mark.line + 1, f"duplicate key {key!r} in one mapping")
        m[key] = loader.construct_object(value_node, deep=deep)
        m.key_lines[key] = key_node.start_mark.line + 1
    return m


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_text(text: str) -> Any:
    """Parse YAML text safely; mappings become :class:`LineMap`.

    Raises:
        YamlInputError: syntax errors (with the line the parser stopped at), duplicate keys, unsafe tags.
    """
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from the safe loader
    except YamlInputError:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = e.problem or e.context or "syntax error"
        raise YamlInputError(line, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as e:
        raise YamlInputError(0, f"YAML error: {e}") from None
    except RecursionError:
        raise YamlInputError(0, "YAML nesting is too deep") from None


def read_text_strict(path: Path) -> str:
    """Read a UTF-8 text file as is (newlines untouched).

    Raises:
        YamlInputError: the file starts with a byte-order mark (character offsets would shift by one), or
            is not valid UTF-8 (the message gives the line and byte of the first bad byte).
    """
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        raise YamlInputError(1, "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise YamlInputError(
            line, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); convert the file to UTF-8"
        ) from None

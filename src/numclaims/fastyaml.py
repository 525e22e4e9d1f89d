"""A fast path for reading claims files and source metadata: a compiled YAML reader where it gives exactly
the data of the line-numbered loader, and that loader everywhere else.

:func:`numclaims.yamlio.load_yaml_text` (PyYAML's libyaml parser, YAML 1.1, a :class:`~numclaims.yamlio.LineMap`
for every mapping) costs about 0.4 ms for a 10-claim file; yaml-rs (a Rust YAML reader on PyPI, chosen
over ryaml and rapidyaml by measured speed: ``benchmarks/yaml_readers.py``) reads the same file about six
times faster, but reads YAML 1.2 and gives no line numbers. :func:`load_fast` therefore returns the data
only when it is certain to equal the exact loader's, and ``None`` (use the exact loader) when the text
holds anything where the two could differ or where the exact loader's messages are needed:

* a character YAML 1.1 reads differently or refuses (tab, carriage return, NEL, U+2028/U+2029, a control
  or non-character, a byte-order mark);
* an anchor ``&``, an alias ``*`` (so no alias bomb ever reaches the compiled reader), a tag ``!``, a
  merge key ``<<``, a complex key ``?``, a directive ``%`` or a document marker (the reserved indicators
  ``@`` and backtick are errors in both readers);
* a number YAML 1.1 and 1.2 read differently: leading zeros (``012`` is 10 in YAML 1.1), ``0o``/``0b``,
  digit separators (``1_000``), an exponent (``1e5`` is text in YAML 1.1), sexagesimal ``1:30``, ``-.5``,
  19 digits or more;
* a quoted date (``'2020-06-01'`` stays text; the compiled reader cannot tell it from a plain one);
* a scalar the compiled reader gives as text that YAML 1.1 resolves to another type (``yes``, ``on``,
  ``1.2.3``...); plain dates are turned into dates exactly as the exact loader does, unless the text holds
  a block scalar (``|``, ``>``: its text could look like a date);
* any error of the compiled reader (syntax, duplicate key), or a top-level value that is not a mapping.

The line of each claim and check (the only lines a valid file needs: :class:`numclaims.loader.Article`
``lines`` and ``check_lines``) comes from :func:`item_lines`, which finds the block sequence items of
``claims:`` and ``checks:``; when their count is not the number of records read, the exact loader is used.
Any input error found later in a file read this way makes the loader read it again exactly, so every
error line is the exact loader's (``tests/test_fastyaml.py`` runs the bad-input corpus through both).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml_rs

# The pre-scan (see the module docstring). Each pattern starts with a literal or a character class, so
# that the regular expression engine skips ahead quickly; context that a look-behind would give is checked
# in Python on the (rare) matches.
#: characters YAML 1.1 reads differently or refuses
_CHARS = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
#: anchor, alias, tag, directive, complex key: indicators when they open a token
_INDICATORS = re.compile(r"[&*!%?]")
_TOKEN_START = frozenset(" \n[{,:")
#: lines with a value but no key, document markers
_LINES = re.compile(r"\n[ -]*:(?:\s|$)|\n(?:---|\.\.\.)")
#: a value without a key in a flow collection
_FLOW_COLON = re.compile(r"[\[{,][ ]*:(?:\s|$)")
#: a number YAML 1.1 and 1.2 read differently (leading zero, 0o/0b, a leading dot, digit separators,
#: sexagesimal, exponents, 19 digits or more; the compiled reader also reads ``_0`` as 0) is a trap where a plain scalar starts with it (after ": ",
#: "- ", ", ", "[", "{" or at the start of a line: :func:`_number_trap`); the pattern finds its core
_NUMBER = r"[-+]?(?:0[0-9_oObB]|\d[\d.]*[eE_:]|\.[\d_]|_[\d_.]|\d{19})"
#: one of those numbers after a space, a line break or a flow indicator (where a token may start with it;
#: or at the start of the text). None of the characters a number of :data:`_NUMBER` is made of is one of
#: those, so one match never hides the start of another.
_NUMBER_AFTER = re.compile(r"[ \n\[{,](" + _NUMBER + ")")
_NUMBER_AT = re.compile(_NUMBER)


def _classes(pairs: dict[str, str]) -> bytes:
    """A ``bytes.translate`` table of the 128 ASCII bytes: each character of a key to its value's byte,
    every other byte to ``x``."""
    table = bytearray(b"x" * 256)
    for chars, to in pairs.items():
        for c in chars:
            table[ord(c)] = ord(to)
    return bytes(table)


#: Classes for the pre-filters of an ASCII text (:func:`_may_hold_number`, :func:`_quoted_date`): a digit
#: or stop ("9"), the characters that end the second form of :data:`_NUMBER` (``e``, ``E``, ``_``, ``:``:
#: "e") and ``-``.
_DIGIT_RUNS = _classes({"0123456789.": "9", "eE_:": "e", "-": "-"})


#: One byte of flags per character for :func:`_may_hold_number`, bit 0 (1) where a token may start (a
#: space, a line break, ``[``, ``{``), bit 1 (2) a sign, bit 2 (4) the first character of a number of
#: :data:`_NUMBER` other than a digit 1-9 (``0``, ``.``, ``_``), bit 3 (8) what may follow it (those, the
#: digits 1-9, ``o``/``O``/``b``/``B``), bit 4 (16) a digit or stop, bit 5 (32) what ends the form
#: ``\d[\d.]*[eE_:]`` (``e``, ``E``, ``_``, ``:``).
_NUMBER_FLAGS = bytes(sum(bit for chars, bit in ((" \n[{", 1), ("-+", 2), ("0._", 4), ("0._123456789oObB", 8),
                                                 ("0123456789.", 16), ("eE_:", 32)) if chr(c) in chars)
                      for c in range(256))


def _may_hold_number(text: str) -> bool:
    r"""False only when no number of :data:`_NUMBER` can start a token of the ASCII ``text`` (so
    :func:`_number_trap` has nothing to find): the forms with ``0``, ``.`` or ``_`` first need a token
    start (the text's start is one), a sign maybe, that character and one that may follow it; the form
    ``\d[\d.]*[eE_:]`` needs a digit or stop before an ``e``, ``E``, ``_`` or ``:``; 19 digits need 19 in
    a row.

    The text's flags (:data:`_NUMBER_FLAGS`) are read as one integer, the first character most
    significant, so that shifting it left by ``8 k - a + b`` lays bit ``a`` of the character ``k`` places
    later onto bit ``b`` of each character: a few operations on one integer, in C, test every position
    at once, instead of one substring search per pattern (``tests/test_fastyaml.py`` holds it to the
    substring form it replaced on every short text of the characters involved)."""
    b = b" " + text.encode("ascii")
    x = int.from_bytes(b.translate(_NUMBER_FLAGS), "big")
    ones = int.from_bytes(b"\x01" * len(b), "big")  # flag 1 of every character
    if (x & (x << 6) & (x << 13) & ones  # start, then 0 . _, then a follower
            or x & (x << 7) & (x << 14) & (x << 21) & ones  # start, sign, 0 . _, follower
            or x & (x << 7) & (ones << 4)):  # a digit or stop, then e E _ :
        return True
    return b"9" * 19 in text.encode("ascii").translate(_DIGIT_RUNS)


def _number_trap(text: str) -> bool:
    """Whether a plain scalar starts with a number of :data:`_NUMBER`: the token must follow ": ", "- ", ", ", "? ", "[", "{" or start a line.
    An ASCII text that cannot hold such a number (:func:`_may_hold_number`, most texts) is not scanned."""
    if text.isascii() and not _may_hold_number(text):
        return False
    starts = [m.start(1) for m in _NUMBER_AFTER.finditer(text)]
    if text[:1] in "+-._0123456789" and text and _NUMBER_AT.match(text):
        starts.insert(0, 0)
    for j in starts:
        k = j
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k == 0 or text[k - 1] in "\n[{" or (k < j and text[k - 1] in ":-,?"):
            return True
    return False


#: a quoted date
_QUOTED_DATE = re.compile(r"""['"]\s*\d{4}-\d""")


def _quoted_date(text: str) -> bool:
    """``_QUOTED_DATE.search(text)``; an ASCII text without four digits, a ``-`` and a digit in a row
    (most claims files) is not scanned."""
    if text.isascii() and b"9999-9" not in text.encode("ascii").translate(_DIGIT_RUNS):
        return False
    return _QUOTED_DATE.search(text) is not None


def _odd_chars(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_CHARS`; for an ASCII text (most), that is a control
    character other than the line feed: what is left when ``bytes.translate`` deletes the others, found
    faster than by the pattern."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _PRINTABLE_OR_LINE_FEED))
    return _CHARS.search(text) is not None


#: The ASCII characters YAML 1.1 reads as they are: the printable ones and the line feed
_PRINTABLE_OR_LINE_FEED = bytes(range(0x20, 0x7f)) + b"\n"


def _suspect(text: str) -> bool:
    """Whether the pre-scan sends ``text`` to the exact loader (flow collections and block scalars are
    looked at by :func:`_flow_traps` and :func:`_blocks_plain`)."""
    if _odd_chars(text) or "<<" in text or _LINES.match("\n" + text.partition("\n")[0]):
        return True
    if "&" in text or "*" in text or "!" in text or "%" in text or "?" in text:  # (most texts have none)
        for m in _INDICATORS.finditer(text):
            i = m.start()
            if i == 0 or text[i - 1] in _TOKEN_START:
                return True
    return bool(_LINES.search(text) or _flow_colon(text) or _quoted_date(text) or _number_trap(text))


#: ``[``, ``{`` and ``,`` as "[", ":" as itself, every other byte but the space as "x"; spaces deleted
_OPEN_COLON = _classes({"[{,": "[", ":": ":"})


def _flow_colon(text: str) -> bool:
    """``_FLOW_COLON.search(text)``; an ASCII text where no ``[``, ``{`` or ``,`` is followed by a ``:``
    after spaces only (most claims files) is not scanned."""
    if text.isascii() and b"[:" not in text.encode("ascii").translate(_OPEN_COLON, b" "):
        return False
    return _FLOW_COLON.search(text) is not None


#: First characters of the plain scalars YAML 1.1 may resolve to something other than text.
_MAYBE = frozenset("0123456789+-.~nNtTfFyYoO")
_RESOLVED: dict[str, str] = {}
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Exact(Exception):
    """The exact loader must read this text."""


def _yaml11_tag(s: str) -> str:
    """The tag YAML 1.1 (PyYAML's resolver) gives ``s`` written as a plain scalar."""
    tag = _RESOLVED.get(s)
    if tag is None:

        tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, s, (True, False))
        if len(_RESOLVED) < 10_000:
            _RESOLVED[s] = tag
    return tag


def _timestamp(s: str) -> Any:
    """A plain date as the exact loader reads it (an impossible date stays text)."""

    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(_DATES, yaml.ScalarNode(_TIMESTAMP, s))
    except ValueError:
        return s


#: The loader whose constructor reads the dates of :func:`_timestamp`, made once (building one costs more
#: than reading a date; reading a scalar node keeps no state in it).
_DATES = yaml.SafeLoader("")


_PLAIN12: dict[str, bool] = {}
_KEYS = frozenset((str, int, float, bool, type(None)))


def _text_in_yaml12(s: str) -> bool:
    """Whether the compiled reader reads ``s`` written plain as text. When it does not (``300``, ``true``,
    ``~``), a text ``s`` it returned was quoted, and is text for YAML 1.1 too."""
    got = _PLAIN12.get(s)
    if got is None:

        try:
            got = type(yaml_rs.loads(f"x: {s}\n", parse_datetime=False).get("x")) is str
        except Exception:
            got = True
        if len(_PLAIN12) < 10_000:
            _PLAIN12[s] = got
    return got


def _text(s: str, dates: bool) -> Any:
    """``s``, a text the compiled reader returned, as YAML 1.1 reads it (a plain date becomes a date), or
    :class:`_Exact` when it may have been a plain scalar that YAML 1.1 reads as another type."""
    if s and s[0] in _MAYBE and len(s) <= 64:
        tag = _yaml11_tag(s)
        if tag == _STR:
            if len(_TEXT11) < 10_000:
                _TEXT11.add(s)
            return s
        if tag == _TIMESTAMP:
            if dates:  # no quoted date in the text (the pre-scan), so it was plain
                return _timestamp(s)
            raise _Exact
        if _text_in_yaml12(s):  # yes, 1_000, 1:30 ...: plain or quoted, no telling
            raise _Exact
    return s


#: Texts YAML 1.1 reads as text written plain (:func:`_text` returns them as they are): :func:`_fix`
#: passes them without a call.
_TEXT11: set[str] = set()
#: Keys :func:`_fix` leaves as they are whatever the text (their first character starts no other YAML
#: 1.1 scalar, or they are in :data:`_TEXT11`): a mapping whose keys are all here is not looked at key by key.
_PLAIN_KEYS: set[str] = set()


def _fix(obj: Any, dates: bool) -> Any:
    """The compiled reader's data with YAML 1.1's reading of plain text (dates when ``dates``), changed in
    place (the compiled reader's objects are ours), or :class:`_Exact`. Only texts whose first character
    can start a non-text YAML 1.1 scalar (:data:`_MAYBE`) are looked at."""
    t = type(obj)
    if t is str:
        return _text(obj, dates) if obj and obj[0] in _MAYBE else obj
    if t is dict:
        rekey = False
        if not obj.keys() <= _PLAIN_KEYS:  # (most mappings: their keys were all seen before)
            for k in obj:
                tk = type(k)
                if tk is str:
                    if k and k[0] in _MAYBE and k not in _TEXT11:
                        if _text(k, dates) is not k:
                            rekey = True  # a date as a key
                    elif len(_PLAIN_KEYS) < 10_000:
                        _PLAIN_KEYS.add(k)
                elif tk not in _KEYS:
                    raise _Exact  # a list or mapping as a key: the exact loader's error
        for k, v in obj.items():
            tv = type(v)
            if tv is str:
                if v and v[0] in _MAYBE and v not in _TEXT11:
                    w = _text(v, dates)
                    if w is not v:
                        obj[k] = w
            elif tv is dict or tv is list:
                _fix(v, dates)
        if rekey:
            fixed = {(_text(k, dates) if type(k) is str else k): v for k, v in obj.items()}
            if len(fixed) != len(obj):
                raise _Exact  # two keys that YAML 1.1 reads as one
            obj.clear()
            obj.update(fixed)
        return obj
    if t is list:
        for i, v in enumerate(obj):
            tv = type(v)
            if tv is str:
                if v and v[0] in _MAYBE and v not in _TEXT11:
                    w = _text(v, dates)
                    if w is not v:
                        obj[i] = w
            elif tv is dict or tv is list:
                _fix(v, dates)
        return obj
    return obj


#: a block scalar indicator (``key: |``, ``- >-``...), and the only line it may stand on here: a key (or
#: an item) opening a block scalar, outside any flow collection (inside one, YAML 1.1 refuses it and the
#: compiled reader reads it as text)
_BLOCK = re.compile(r"[|>]")
_BLOCK_LINE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[A-Za-z_][\w-]*[ ]*:[ ]+)?[|>][-+1-9]*[ ]*(?:#.*)?$")


def _line_at(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the line holding offset ``i``, without its newline."""
    a = text.rfind("\n", 0, i) + 1
    b = text.find("\n", i)
    return a, (b if b >= 0 else len(text))


def _blocks_plain(text: str) -> bool | None:
    """False without block scalars; True when every one opens on a line of its own outside flow
    collections (every line's brackets balanced), its text starting on the next line, indented further;
    None otherwise (the exact loader reads the text)."""
    if "|" not in text and ">" not in text:
        return False
    found = False
    for m in _BLOCK.finditer(text):
        i = m.start()
        if i > 0 and text[i - 1] not in _TOKEN_START:
            continue  # inside a word: not an indicator
        a, b = _line_at(text, i)
        line = text[a:b]
        if not _BLOCK_LINE.match(line) or b >= len(text):
            return None
        na, nb = _line_at(text, b + 1)
        nxt = text[na:nb]
        if not nxt.strip() or len(nxt) - len(nxt.lstrip(" ")) <= len(line) - len(line.lstrip(" ")) \
                or nb >= len(text):
            return None  # the text must start on the next line, indented further, and end with a newline
        found = True
    if found:
        for line in text.split("\n"):
            if line.count("[") != line.count("]") or line.count("{") != line.count("}"):
                return None
    return found


#: Inside ``[...]``/``{...}`` only: ``1,012`` is two scalars there (1 and 012, 10 in YAML 1.1), not one
#: plain scalar as in block context (the same for the other numbers of :data:`_NUMBER` after a comma); a
#: ``:`` followed by a non-space is read apart by the two readers.
_FLOW_TRAP = re.compile(r":\S|," + _NUMBER)
_FLOW_COMMA = re.compile(r"," + _NUMBER)
#: bit 0 for ":", bit 1 for every character but the ASCII spaces of ``\s`` (space, tab, line feed, carriage
#: return, form feed, vertical tab), ":" included (:func:`_flow_traps`)
_COLON_FLAGS = bytes(3 if c == ord(":") else 0 if chr(c) in " \t\n\r\x0b\x0c" else 2 for c in range(256))


def _flow_traps(text: str) -> bool:
    """Whether a :data:`_FLOW_TRAP` stands in a flow collection: on a line with a bracket, or where more
    brackets were opened than closed before it (a flow collection that spans lines)."""
    if "[" not in text and "{" not in text and "]" not in text and "}" not in text:
        return False  # no flow collection, and no bracket to unbalance: no trap stands in one
    counted, balance = 0, 0  # brackets opened minus closed in text[:counted] (matches come in order)
    # without a ":" before a character that is not a space, only the "," alternative can match: its own
    # pattern finds the same matches, trying the commas only (in an ASCII text whose colons are each
    # followed by one of the six spaces of _COLON_FLAGS or end it: \S also excludes four more control
    # characters). The flags as one integer, the first character most significant: a ":" before a character
    # that is not a space is bit 0 of a character and bit 1 of the next, shifted onto it by 7.
    if text.isascii():
        x = int.from_bytes(text.encode("ascii").translate(_COLON_FLAGS), "big")
        plain = not x & (x << 7) & int.from_bytes(b"\x01" * len(text), "big")
    else:
        plain = False
    for m in (_FLOW_COMMA if plain else _FLOW_TRAP).finditer(text):
        a, b = _line_at(text, m.start())
        if text.find("[", a, b) >= 0 or text.find("{", a, b) >= 0:
            return True
        balance += (text.count("[", counted, a) + text.count("{", counted, a)
                    - text.count("]", counted, a) - text.count("}", counted, a))
        counted = a
        if balance != 0:
            return True
    return False


def load_fast(text: str) -> dict[str, Any] | None:
    """The data of ``text`` as :func:`numclaims.yamlio.load_yaml_text` reads it, with plain ``dict``
    mappings instead of :class:`~numclaims.yamlio.LineMap`, or ``None`` when only the exact loader can read
    it (see the module docstring). Never raises."""
    if _suspect(text) or _flow_traps(text):
        return None
    blocks = _blocks_plain(text)
    if blocks is None:
        return None

    try:
        data = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # any error: the exact loader gives the line-numbered message
        return None
    if type(data) is not dict:
        return None
    try:
        return _fix(data, not blocks)
    except (_Exact, RecursionError):
        return None


_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ ]*:[ ]*(?:#.*)?$", re.M)
#: a top-level ``key:`` line after the first (:data:`_LINE` found from the line break before it: a pattern
#: that starts with a literal is searched for faster than one that starts with ``^``)
_KEY_LINE = re.compile(r"\n(?P<key>[A-Za-z_][\w-]*)[ ]*:[ ]*(?:#.*)?$", re.M)
#: the next line holding something besides spaces and a comment: its indentation, and the rest
_CONTENT_LINE = re.compile(r"\n( *)([^ \n#].*)")
#: ``{indent: (item, end)}``: an item line of a block sequence indented by that many spaces (``-`` right
#: after them), and a line that ends the sequence (less indented, or as indented without ``-``), each from
#: the line break before it; compiled for each indentation once
_SEQUENCE_LINES: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def _sequence_lines(indent: int) -> tuple[re.Pattern, re.Pattern]:
    pats = _SEQUENCE_LINES.get(indent)
    if pats is None:
        shallower = f" {{0,{indent - 1}}}[^ \\n#]|" if indent else ""
        pats = _SEQUENCE_LINES[indent] = (re.compile(rf"\n {{{indent}}}-.*"),
                                          re.compile(rf"\n(?:{shallower} {{{indent}}}[^ \n#-])"))
    return pats


def _key_lines(text: str) -> list[tuple[str, int]]:
    """``(key, end)`` of every top-level ``key:`` line of its own (:data:`_LINE`), in order; ``end`` is
    where the line ends (its line break, or the end of the text)."""
    first = _LINE.match(text)
    out = [(first.group("key"), first.end())] if first is not None else []
    out.extend((m.group("key"), m.end()) for m in _KEY_LINE.finditer(text))
    return out


def item_lines(text: str, key: str) -> list[int] | None:
    """1-based lines where the items of the top-level block sequence ``key:`` start (the line of each
    item's ``-``, which is the line of the mapping it holds when a key or ``{`` follows it on that line),
    or ``None`` when ``key:`` is not a top-level line of its own (flow sequence, absent, written twice) or
    an item holds its mapping on a later line. The caller compares the count with the items read."""
    return _item_lines(text, [end for k, end in _key_lines(text) if k == key])


def _item_lines(text: str, ends: list[int], starts: list[int] | None = None) -> list[int] | None:
    """:func:`item_lines` of the ``key:`` lines ending at ``ends``. The lines after ``key:`` that hold
    more than spaces or a comment: the first sets the items' indentation and must be an item; the sequence
    ends at the first line less indented than that, or as indented without ``-``; the items are the lines
    as indented with ``-``, each with something after ``- ``. The offset where each item line starts is
    appended to ``starts`` when it is given."""
    if len(ends) != 1:
        return None
    start = ends[0]  # the line break after `key:` (or the end of the text)
    first = _CONTENT_LINE.search(text, start)
    if first is None:
        return []
    indent = len(first.group(1))
    if not first.group(2).startswith("-"):
        return None
    item, end = _sequence_lines(indent)
    stop = end.search(text, first.start())
    stop_at = stop.start() if stop is not None else len(text)
    lines: list[int] = []
    newlines, at = text.count("\n", 0, start), start  # line breaks before `at`
    for m in item.finditer(text, first.start(), stop_at):
        rest = m.group()[indent + 2:]
        if not rest.startswith(" ") or not rest.strip() or rest.strip().startswith("#"):
            return None  # "-" alone, "-x", or the mapping on the next line
        newlines += text.count("\n", at, m.start())
        at = m.start()
        lines.append(newlines + 2)  # the line after the line break at m.start(), counted from 1
        if starts is not None:
            starts.append(at + 1)
    return lines


def _starts_with_key(line: str, key: Any, at: int = 0) -> bool:
    """Whether the item line ``line`` (``- key: ...`` or ``- {key: ...``) opens with ``key``: after its
    spaces and its first character (the ``-``), spaces, a ``{`` and spaces if there is one, the key,
    spaces and ``:``. One pattern per key (possessive: no space is read twice), compiled once. With
    ``at``, the item line is the one of the text ``line`` that starts at that offset and holds more than
    spaces (the pattern then reads no line break, and a key holding one is refused, as within the line)."""
    if type(key) is not str or "\n" in key:
        return False
    pat = _KEY_OPENERS.get(key)
    if pat is None:
        pat = re.compile(r"(?s) *+. *+(?:\{ *+)?+" + re.escape(key) + r" *+:")
        if len(_KEY_OPENERS) < 1000:
            _KEY_OPENERS[key] = pat
    return pat.match(line, at) is not None


#: ``{key: the pattern of an item line opening with it}`` (:func:`_starts_with_key`)
_KEY_OPENERS: dict[str, re.Pattern] = {}


def read_claims_fast(text: str) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
    """A claims file through the fast path: ``(data, {"claims": [line, ...], "checks": [line, ...]})``
    with the 1-based line where each claim and each check starts (as
    :attr:`numclaims.yamlio.LineMap.line` gives it), or ``None`` when the exact loader must read it (see
    the module docstring). Each item line is confirmed by the record's first key written on it."""
    data = load_fast(text)
    if data is None:
        return None
    lines: dict[str, list[int]] = {}
    keys: dict[str, list[int]] = {"claims": [], "checks": []}
    for k, end in _key_lines(text):  # the top-level `key:` lines, found once for both keys
        if k in keys:
            keys[k].append(end)
    for key in ("claims", "checks"):
        items = data.get(key)
        if key == "checks" and (items is None or items == []):
            lines[key] = []  # no checks (absent, empty or []): no lines needed
            continue
        if type(items) is not list:
            return None
        starts: list[int] = []
        found = _item_lines(text, keys[key], starts)
        if found is None or len(found) != len(items):
            return None
        for at, rec in zip(starts, items):
            if type(rec) is not dict or not rec or not _starts_with_key(text, next(iter(rec)), at):
                return None
        lines[key] = found
    return data, lines

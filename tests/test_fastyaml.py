"""The fast YAML path (numclaims.fastyaml) gives the exact loader's data, lines and error lines, or stands aside.

* every YAML file of the repository that the fast path reads gives the same data (types included) as
  :func:`numclaims.yamlio.load_yaml_text`, and the same line for each claim and check;
* every file of the bad-input corpus gives byte-identical stderr and exit status through ``numclaims check``
  with the fast path and with the fast path switched off;
* a property: any one-key document made of YAML-1.1-trap tokens is either refused by the fast path or read
  as the exact loader reads it;
* each class of trap the module docstring lists sends the text to the exact loader.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims import fastyaml
from numclaims.cli import main
from numclaims.fastyaml import item_lines, load_fast, read_claims_fast
from numclaims.yamlio import LineMap, YamlInputError, load_yaml_text

HERE = Path(__file__).parent
REPO = HERE.parent
BAD = HERE / "bad_inputs"
YAML_FILES = sorted(p for pat in ("*.yaml", "*.yml") for p in REPO.rglob(pat)
                    if ".venv" not in p.parts and "site-packages" not in p.parts)


def typed(x):
    """``x`` with the type of every value made explicit (``1 == 1.0 == True`` in Python)."""
    if isinstance(x, dict):
        return ("map", [(typed(k), typed(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("seq", [typed(v) for v in x])
    return (type(x).__name__, repr(x))


def exact(text):
    try:
        return load_yaml_text(text)
    except YamlInputError:
        return YamlInputError


def test_there_are_yaml_files_and_most_take_the_fast_path():
    assert len(YAML_FILES) >= 60
    fast = [p for p in YAML_FILES if load_fast(p.read_text(encoding="utf-8", errors="replace")) is not None]
    # the committed claims files and source metadata, the test project and most of the corpus
    assert len(fast) >= len(YAML_FILES) // 2


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_same_data_and_lines_as_the_exact_loader(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    got = load_fast(text)
    if got is None:
        return  # the exact loader reads it: nothing to compare
    ref = exact(text)
    assert ref is not YamlInputError, "the fast path read a file the exact loader refuses"
    assert typed(got) == typed(ref)
    claims = read_claims_fast(text)
    if claims is not None:
        data, lines = claims
        for key in ("claims", "checks"):
            assert lines[key] == [item.line for item in (ref.get(key) or [])]


def _project(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name / "project"
    shutil.copytree(HERE / "data" / "project", root)
    shutil.copy(BAD / "_companions" / "other-news.yaml", root / "claims" / "other-news.yaml")
    return root


def _run(root: Path, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["check", "--root", str(root), "--no-write"])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_bad_input_corpus_gives_identical_errors_through_both_paths(tmp_path, capsys, monkeypatch):
    cases = sorted(BAD.glob("*.yaml"))
    assert len(cases) >= 30
    calls = {"fast": 0}
    real = fastyaml.read_claims_fast

    def counting(text):
        got = real(text)
        calls["fast"] += got is not None
        return got

    for case in cases:
        outputs = []
        for mode in ("fast", "exact"):
            root = _project(tmp_path / case.stem, mode)
            shutil.copy(case, root / "claims" / "town-news.yaml")
            with monkeypatch.context() as m:
                if mode == "exact":
                    m.setattr(fastyaml, "read_claims_fast", lambda text: None)
                    m.setattr(fastyaml, "load_fast", lambda text: None)
                else:
                    m.setattr(fastyaml, "read_claims_fast", counting)
                outputs.append(_run(root, capsys))
        assert outputs[0] == outputs[1], case.name
        assert outputs[0][0] == 2 and outputs[0][2], case.name  # every case is an input error
    # the fast path really read most of these files (faults found after parsing: schema, anchoring, values)
    assert calls["fast"] >= len(cases) // 3


TOKENS = st.sampled_from([
    "012", "0o17", "0b101", "0x1F", "1_000", "1e5", "1.0e5", "1.0e+5", "1:30", "190:20:30", "-.5", "+.5", ".5",
    "5.", "1.2.3", "yes", "No", "ON", "off", "y", "n", "true", "False", "~", "null", "Null", "", ".inf",
    "-.INF", ".NaN", "2020-06-01", "2014-13-01", "2020-06-01 10:00:00", "2001-12-14t21:59:43.10-05:00",
    "'2020-06-01'", '"yes"', "12345678901234567890", "9223372036854775807", "-0", "+12", "0", "00",
    "1,000", "1,012", "a, b", "4 500", "text", "'it''s'", '"a\\tb"', "[1,012]", "{a: 1,012}", "&a x",
    "*a", "!!str 5", "|", "@x", "`x`", "? x", "<<: {a: 1}", "# c", "x # c", "3.14", "-1", "1e-05",
])


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=4))
def test_fast_path_is_exact_or_stands_aside(tokens):
    text = "".join(f"k{i}: {t}\n" for i, t in enumerate(tokens)) + "l: [" + ", ".join(tokens) + "]\n"
    got = load_fast(text)
    if got is not None:
        ref = exact(text)
        assert ref is not YamlInputError and typed(got) == typed(ref)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",                     # anchor and alias (alias bombs never reach the compiled reader)
    "a: !!str 5\n",                         # tag
    "a: {x: 1}\nb:\n  <<: {x: 2}\n",        # merge key
    "a: [|]\n",                             # a block indicator in a flow collection (YAML 1.1: an error)
    "a: |-\n  2020-06-01\n",                # a block scalar's text that looks like a date
    "a: 012\n",                             # 10 in YAML 1.1, 12 in YAML 1.2
    "a: 1e5\n",                             # text in YAML 1.1, a float in YAML 1.2
    "a: 1_000\n",                           # 1000 in YAML 1.1, text in YAML 1.2
    "a: 1:30\n",                            # 90 in YAML 1.1
    "a: yes\n",                             # true in YAML 1.1
    "a: '2020-06-01'\n",                    # quoted: text, not a date
    "a: [1,012]\n",                         # two numbers in a flow sequence, 012 among them
    "a: 1\r\nb: 2\r\n",                     # carriage returns
    "a:\tb\n",                              # tab
    "a: x\u2028y\n",                        # a line break in YAML 1.1
    "a: 1\na: 2\n",                         # duplicate key (an error: the exact loader's message)
    "true : a\n1 : b\n",                    # keys equal in Python (True == 1): a duplicate for YAML 1.1
    "1 : a\n1.0 : b\n",                     # 1 == 1.0: a duplicate key
    "a: [1, 2\n",                           # syntax error
    "- a\n- b\n",                           # not a mapping
    "",                                     # empty
])
def test_traps_go_to_the_exact_loader(text):
    assert load_fast(text) is None


def test_block_scalars_read_as_the_exact_loader_reads_them():
    text = "a: >-\n  folded\n  text\nb: |\n  kept\n   lines\n"
    assert load_fast(text) == {"a": "folded text", "b": "kept\n lines\n"} == load_yaml_text(text)


def test_plain_dates_are_dates_and_impossible_dates_stay_text():
    # as the exact loader: 2020-06-01 -> date; 2014-13-01 (month 13) -> the text
    assert load_fast("a: 2020-06-01\nb: 2014-13-01\n") == {"a": dt.date(2020, 6, 1), "b": "2014-13-01"}
    assert typed(load_fast("a: 2020-06-01\n")) == typed(load_yaml_text("a: 2020-06-01\n"))


def test_item_lines():
    text = "article: a\nclaims:\n  # first\n  - id: x\n    v: 1\n\n  - {id: y}\ncheck: 1\n"
    assert item_lines(text, "claims") == [4, 7]
    assert item_lines("claims: [a, b]\n", "claims") is None           # flow sequence
    assert item_lines("claims:\n  -\n    id: x\n", "claims") is None   # mapping on the next line
    assert item_lines("claims:\n- id: x\n- id: y\nz: 1\n", "claims") == [2, 3]
    assert isinstance(load_yaml_text(text), LineMap)
    # the record's first key must stand on its item line, else the exact loader reads the file
    assert read_claims_fast("claims:\n  - id: x\n    a: 1\n") == ({"claims": [{"id": "x", "a": 1}]},
                                                                  {"claims": [2], "checks": []})


# The pre-scan and the item lines, as they were first written (a scan per candidate, a loop per line), are
# the references of their faster forms: the same answer on every text.
def _number_trap_per_candidate(text):
    import re

    found = [m.start() + 1 for m in re.finditer(r"[ \n\[{,][-+._\d]", text)]
    if text[:1] in "+-._0123456789" and text:
        found.insert(0, 0)
    # a token starts at j: only spaces before it on its line or after "[" / "{", or spaces after ":-,?"
    token_start = re.compile(r"(?:\A|[\n\[{]) *\Z|[:,?-] +\Z")
    return any(re.compile(fastyaml._NUMBER).match(text, j) and token_start.search(text[:j]) for j in found)


def _flow_traps_by_prefix(text):
    for m in fastyaml._FLOW_TRAP.finditer(text):
        a, b = fastyaml._line_at(text, m.start())
        line = text[a:b]
        if "[" in line or "{" in line:
            return True
        head = text[:a]
        if head.count("[") + head.count("{") != head.count("]") + head.count("}"):
            return True
    return False


def _item_lines_per_line(text, key):
    found = [m for m in fastyaml._LINE.finditer(text) if m.group("key") == key]
    if len(found) != 1:
        return None
    start = found[0].end()
    before = text.count("\n", 0, start)
    lines, indent = [], None
    for n, line in enumerate(text[start + 1:].split("\n"), before + 2):
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        pad = line[: len(line) - len(body)]
        if indent is None:
            if not body.startswith("-"):
                return None
            indent = pad
        if len(pad) < len(indent) or (pad == indent and not body.startswith("-")):
            break
        if pad == indent:
            rest = body[1:]
            if not rest.startswith(" ") or not rest.strip() or rest.strip().startswith("#"):
                return None
            lines.append(n)
    return lines


_LINE_PIECES = st.sampled_from(["claims:", "checks:", "claims: # c", "claims: [a]", "x: 1", "  - id: a", "- id: a",
                                "    - id: b", "  -", "  -x", "  - # c", "  - {id: c}", "    v: 1", "  # note",
                                "", "   ", "\r", "  v: 012", "  - 1,012", "a: [1,", "  2]", "{b: 1.5e3}", "- 0o7",
                                "k: -.5", "? x", "k: 1:30", "k: [a, {b: 1}]", "k: x:y", "  - '1_000'", "\u00a0- x",
                                "  x:y]", "  1,012}", "z: ,5", "k: 2020-06-01", "q: '2020-06-01'", 'q: " 1999-1"',
                                "k: 12:30", "k: 1e5", "k: 3,000 x", "t: 0.5", "t: .5", "t: _1", "- -0", "{a: 0b1}",
                                "k: 1234567890123456789", "k: 123456789012345678", "a:\tb", "a:\x0cb", "x: \u00e9 07",
                                "v: 1_000", "id: s1-check-0", "k: 2.5e", "k: x:", "k: [1,000]", "k: [ : a]", "k: {a, :}",
                                "k: x , :", "k: [,  :\tb]"])


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=14), st.booleans())
def test_prescan_and_item_lines_give_what_their_first_forms_gave(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    assert fastyaml._number_trap(text) == _number_trap_per_candidate(text)
    assert fastyaml._flow_traps(text) == _flow_traps_by_prefix(text)
    assert fastyaml._quoted_date(text) == bool(fastyaml._QUOTED_DATE.search(text))
    assert fastyaml._flow_colon(text) == bool(fastyaml._FLOW_COLON.search(text))
    for key in ("claims", "checks"):
        assert item_lines(text, key) == _item_lines_per_line(text, key)


def test_item_lines_of_a_nested_sequence_and_comments():
    # claims at indent 2 (line 3 and 6), a comment at indent 0 inside, a deeper list that is not an item,
    # and the sequence ended by "  x: 1" (as indented, no "-"): lines 3 and 6 only
    text = "a: 1\nclaims:\n  - id: a\n# c\n    - deeper\n  - id: b\n  x: 1\n  - id: c\n"
    assert item_lines(text, "claims") == [3, 6] == _item_lines_per_line(text, "claims")


@settings(max_examples=800, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "~", "\x85", "\xa0",
                                         "\u2028", "\ufeff", "\ufffe", "\U0001f600", "\ud800"]), max_size=12))
def test_odd_characters_found_as_the_pattern_finds_them(text):
    # the ASCII shortcut (str.isprintable) and the pattern agree on every text, ASCII or not
    assert fastyaml._odd_chars(text) == (fastyaml._CHARS.search(text) is not None)


def _starts_with_key_by_slicing(line, key):
    body = line.lstrip(" ")[1:].lstrip(" ")
    if body.startswith("{"):
        body = body[1:].lstrip(" ")
    k = str(key)
    return type(key) is str and body.startswith(k) and body[len(k):].lstrip(" ").startswith(":")


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=" -{:ab\n\r.", max_size=10), st.one_of(st.text(alphabet=" -{:ab.", max_size=3), st.integers(0, 2)))
def test_item_line_key_test_is_its_first_form(line, key):
    assert fastyaml._starts_with_key(line, key) == _starts_with_key_by_slicing(line, key)
    # the same line read in place inside a text (read_claims_fast, on item lines, which hold a "-"): before
    # it other lines, after it the next
    row = line.split("\n")[0]
    if row.strip(" "):
        assert fastyaml._starts_with_key("a: 1\n" + row + "\n  b: x\n", key, 5) == _starts_with_key_by_slicing(row, key)


def _may_hold_number_by_substrings(text):
    # the first form of the prefilter: classes by bytes.translate, one substring search per pattern
    def classes(pairs):
        table = bytearray(b"x" * 256)
        for chars, to in pairs.items():
            for c in chars:
                table[ord(c)] = ord(to)
        return bytes(table)

    a = b"t" + text.encode("ascii").translate(classes({" \n[{": "t", "-+": "-", "0._": "z", "123456789": "9",
                                                       "oObB": "o"}))
    if any(s in a for s in (b"tzz", b"tz9", b"tzo", b"t-zz", b"t-z9", b"t-zo")):
        return True
    d = text.encode("ascii").translate(classes({"0123456789.": "9", "eE_:": "e", "-": "-"}))
    return b"9e" in d or b"9" * 19 in d


def test_number_prefilter_is_its_substring_form_on_every_short_text():
    # every text of up to 4 characters of one representative of each class (and two others), and longer
    # texts by hypothesis below: the integer form and the substring form agree
    import itertools

    alphabet = " \n[-+0._1oBeE:ax"
    for n in range(1, 5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert fastyaml._may_hold_number(text) == _may_hold_number_by_substrings(text), repr(text)
    assert fastyaml._may_hold_number("k: " + "7" * 19) and not fastyaml._may_hold_number("k: " + "7" * 18)


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=" \n[{,-+0._19oObBeE:ax#'", max_size=60))
def test_number_prefilter_is_its_substring_form(text):
    assert fastyaml._may_hold_number(text) == _may_hold_number_by_substrings(text)


def test_prefilters_by_hand():
    # no token starts with 0, "." or "_" ("1700", the "-0" of an id follows a letter), no digit before
    # e/E/_/:, no 19 digits: nothing to scan. "012" after ": ", "12:30" (a digit before ":"), 19 digits,
    # "-.5" after a space: maybe, and the scan decides (only 012, 12:30 and -.5 are traps; "1234567890123456789"
    # is one too, 19 digits)
    assert not fastyaml._may_hold_number("a: 1700\nid: s1-check-0\nq: 'x, 3,000'\n")
    for text, trap in (("a: 012\n", True), ("a: 12:30\n", True), ("a: 1234567890123456789\n", True),
                       ("a: -.5\n", True), ("a: x.5\n", False), ("a: 'b 0.5'\n", False)):
        assert fastyaml._may_hold_number(text) or not trap, text
        assert fastyaml._number_trap(text) == trap == _number_trap_per_candidate(text), text
    # a quoted date needs four digits, "-" and a digit in a row; a value without a key, a "[", "{" or ","
    # then spaces and ":"
    assert not fastyaml._flow_colon("a: {b: 1}, c\n") and fastyaml._flow_colon("a: [b, : c]\n")
    assert not fastyaml._quoted_date("a: '1,700'\n") and fastyaml._quoted_date("a: '2020-06-01'\n")


def test_keys_seen_before_and_a_date_as_a_key():
    # the keys of the first text are remembered as plain; the second text's date key (YAML 1.1 reads it
    # as a date) and "yes" key (a boolean in YAML 1.1, text for the compiled reader: the exact loader
    # decides) are still looked at, however many mappings had only plain keys before
    assert fastyaml.load_fast("a: 1\nb: {c: 2}\n") == {"a": 1, "b": {"c": 2}}
    assert fastyaml.load_fast("a: 1\n2020-06-01: x\n") == {"a": 1, dt.date(2020, 6, 1): "x"} == \
        dict(load_yaml_text("a: 1\n2020-06-01: x\n"))
    assert fastyaml.load_fast("a: 1\nyes: x\n") is None

"""The orjson writer (numclaims.fastjson) gives the standard library's JSON text byte for byte."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.fastjson import clean_and_text, declared, escape_invisible, json_text, plain_bytes
from numclaims.results import clean, clean_and_dumps, dumps, dumps_bytes

REPO = Path(__file__).resolve().parents[1]
COMMITTED = sorted(p for p in (REPO / "reports").rglob("*.json")) + sorted((REPO / "datasets").rglob("*.json"))


def test_there_are_committed_json_files():
    # reports/<id>/results.json and claimreview.json of the committed article, the labels and the package
    names = {p.name for p in COMMITTED}
    assert {"results.json", "claimreview.json", "datapackage.json"} <= names


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: str(p.relative_to(REPO)))
def test_committed_files_written_again_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    obj = json.loads(text)
    std = json.dumps(obj, indent=2, ensure_ascii=False)
    assert json_text(obj) == std
    if path.name == "results.json":
        # results.json is exactly dumps() of its own content: the file as committed
        assert dumps(obj) == text


@pytest.mark.parametrize("value, expected", [
    (1e-05, "1e-05"),          # orjson alone writes 0.00001: the standard library's text is kept
    (0.0001, "0.0001"),        # 1e-4 is written the same by both
    (1e16, "1e+16"),
    (-0.0, "-0.0"),
    (2.0 ** 53, "9007199254740992.0"),
    (float("nan"), "NaN"),     # orjson alone writes null
    (float("inf"), "Infinity"),
    (2 ** 70, "1180591620717411303424"),  # beyond 64 bits: orjson refuses, json writes it
    # C0 controls escaped by both encoders, DEL raw, U+2028 escaped by numclaims (escape_invisible)
    ("\x00\x1f\x7f\u2028é", '"\\u0000\\u001f\x7f\\u2028é"'),
])
def test_values_where_orjson_alone_would_differ_or_refuse(value, expected):
    assert json_text(value) == expected == escape_invisible(json.dumps(value, ensure_ascii=False))


def test_integral_floats_and_errors():
    # 300.0 -> 300 (integral, below 2**53); 2**53 itself stays a float; 0.5 stays
    assert json_text({"a": [300.0, 2.0 ** 53, 0.5]}, integral_floats=True) == (
        '{\n  "a": [\n    300,\n    9007199254740992.0,\n    0.5\n  ]\n}')
    with pytest.raises(ValueError):
        dumps({"x": math.nan})  # results.json never holds NaN
    with pytest.raises(TypeError):
        json_text({"x": object()})
    assert json_text({1: "a"}) == json.dumps({1: "a"}, indent=2)  # non-str key: json's "1"


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(JSONISH, st.booleans(), st.booleans())
def test_same_text_or_same_error_as_json_dumps(obj, allow_nan, integral):
    def outcome(fn, *a, **k):
        try:
            return fn(*a, **k)
        except (TypeError, ValueError) as e:
            return type(e)
    ref = clean(obj) if integral else obj
    std = outcome(json.dumps, ref, indent=2, ensure_ascii=False, allow_nan=allow_nan)
    assert outcome(json_text, obj, allow_nan=allow_nan, integral_floats=integral) == (
        escape_invisible(std) if isinstance(std, str) else std)


@pytest.mark.parametrize("obj", [
    {"a": "x 1.0", "b": " 300.0,", "c": ["2.0", " 1e-05"], " 5.0": 5.0},  # numbers inside strings stay as written
    ["\n 300.0,\n", 300.0, 1e-05, -0.0, [0.5, [2.0 ** 53]]],  # an escaped line break is no line end
    1e-05, 300.0, "300.0",
])
def test_floats_rewritten_only_outside_strings(obj):
    for integral in (False, True):
        ref = clean(obj) if integral else obj
        assert json_text(obj, integral_floats=integral) == json.dumps(ref, indent=2, ensure_ascii=False)


def test_invisible_characters_are_escaped_and_read_back():
    # NEL (U+0085), a C1 control, and LINE SEPARATOR (U+2028) are valid raw in JSON, but an editor shows
    # nothing or breaks the line there: they are written as escapes, and json.loads gives the same string
    value = {"note": "a\x85b\u2028c\u2029d\x9fe"}
    text = json_text(value)
    assert "\x85" not in text and "\u2028" not in text and "\x9f" not in text
    assert '"a\\u0085b\\u2028c\\u2029d\\u009fe"' in text
    assert json.loads(text) == value
    assert escape_invisible('"plain é"') == '"plain é"'  # other characters stay as they are


def _clean_reference(obj):
    """clean() as its docstring states it, one call per value."""
    if isinstance(obj, bool) or not isinstance(obj, (float, dict, list, tuple)):
        return obj
    if isinstance(obj, float):
        return int(obj) if obj.is_integer() and abs(obj) < 2**53 else obj
    if isinstance(obj, dict):
        return {k: _clean_reference(v) for k, v in obj.items()}
    return [_clean_reference(v) for v in obj]


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(JSONISH)
def test_clean_turns_exactly_the_integral_floats_into_ints(obj):
    got, want = clean(obj), _clean_reference(obj)
    # same values and the same types all the way down (300 and 300.0 compare equal, so types are compared)
    assert json.dumps(got) == json.dumps(want) and repr(got) == repr(want)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(JSONISH | st.tuples(JSONISH, JSONISH), st.booleans())
def test_one_walk_gives_clean_and_the_text(obj, allow_nan):
    # clean_and_text = (clean, json_text with integral floats) from one walk, with the same errors; the
    # object is not changed (its repr before and after; tuples come back as lists, as clean makes them)
    before = repr(obj)
    try:
        text = json_text(obj, allow_nan=allow_nan, integral_floats=True)
    except (TypeError, ValueError) as e:
        with pytest.raises(type(e)):
            clean_and_text(obj, allow_nan=allow_nan)
        return
    got, got_text = clean_and_text(obj, allow_nan=allow_nan)
    assert got_text == text and repr(got) == repr(clean(obj)) and repr(obj) == before


def test_clean_and_dumps_of_a_results_object():
    # {"v": 300.0, "w": [2.5, 4.0]}: 300.0 and 4.0 are integral -> 300 and 4; 2.5 stays; a "\n" ends the text
    res = {"v": 300.0, "w": (2.5, 4.0)}
    cleaned, text = clean_and_dumps(res)
    assert repr(cleaned) == "{'v': 300, 'w': [2.5, 4]}"
    assert text == '{\n  "v": 300,\n  "w": [\n    2.5,\n    4\n  ]\n}\n' == dumps(res)
    with pytest.raises(ValueError):
        clean_and_dumps({"x": math.inf})


# --- the engine's results written without a walk (numclaims.fastjson.plain / plain_text) ---

from numclaims.fastjson import Exact, is_plain, number, numbers, plain, plain_text  # noqa: E402


@pytest.mark.parametrize("value, expected, kind", [
    (300.0, 300, int),              # integral below 2**53: written as 300
    (-0.0, 0, int),                 # integral: clean() writes 0 too
    (0.5, 0.5, float),
    (2.0 ** 53, 2.0 ** 53, float),  # not below 2**53: stays a float ("9007199254740992.0")
    (1e-05, 1e-05, Exact),          # orjson would write 0.00001
    (-5e-05, -5e-05, Exact),
    (0.0001, 0.0001, float),        # 1e-4 itself: both encoders write 0.0001
    (math.inf, math.inf, Exact),
    (7, 7, int), ("7.0", "7.0", str), (None, None, type(None)), (True, True, bool),
])
def test_number_is_the_results_json_form_of_a_value(value, expected, kind):
    got = number(value)
    assert type(got) is kind and got == expected


def test_number_of_nan_is_exact():
    got = number(math.nan)
    assert type(got) is Exact and got != got


def _plain_floats(obj):
    """Every value of type float (not Exact) in plain data."""
    if type(obj) is float:
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _plain_floats(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _plain_floats(v)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(JSONISH | st.tuples(JSONISH, JSONISH))
def test_numbers_leaves_only_floats_orjson_writes_as_json_does(obj):
    got = numbers(obj)
    # the same text as clean() gives (same values), and no float left that orjson would write otherwise
    assert json_text(got) == json_text(obj, integral_floats=True)
    for x in _plain_floats(got):
        assert not x.is_integer() or abs(x) >= 2 ** 53
        assert math.isfinite(x) and (x == 0 or abs(x) >= 1e-4)


def _results(**claim_values):
    from numclaims.resultmodel import Results

    data = json.loads((REPO / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    res = Results.model_validate(data)  # floats as pydantic reads them (300 -> 300.0)
    if claim_values:  # set as they are (validation would make a plain float of an Exact)
        res.claims[0] = res.claims[0].model_copy(update=claim_values)
    return res


SEED = sorted(p.parent.name for p in (REPO / "reports").glob("*/results.json"))[0]


def test_plain_text_writes_only_marked_results():
    res = _results()
    assert not is_plain(res) and plain_text(res) is None  # read back: floats 300.0, written by the walk
    assert dumps(res) == (REPO / "reports" / SEED / "results.json").read_text(encoding="utf-8")
    copy = res.model_copy()
    plain(res)
    assert is_plain(res) and not is_plain(copy)  # the mark is not copied


def test_a_marked_object_holding_an_exact_float_is_written_by_the_standard_library():
    # 1e-05 (orjson: 0.00001) and NaN (orjson: null) are refused by orjson as Exact: the text stays json's
    res = plain(_results(value=Exact(1e-05)))
    assert plain_text(res) is None
    assert '"value": 1e-05,' in dumps(res)
    with pytest.raises(ValueError):
        dumps(plain(_results(value=Exact(math.nan))))  # results.json never holds NaN, as before


def _engine_results():
    from numclaims.engine import check_file

    out = [check_file(p, REPO)[0] for p in sorted((REPO / "claims").glob("*.yaml"))]
    proj = REPO / "tests" / "data" / "project"
    out += [check_file(p, proj)[0] for p in sorted((proj / "claims").glob("*.yaml"))]
    return out


def test_the_engine_results_are_marked_and_written_as_the_walk_writes_them():
    results = _engine_results()
    assert len(results) >= 6
    for res in results:
        assert is_plain(res)
        fast = plain_text(res)
        assert fast is not None
        assert fast == json_text(res, allow_nan=False, integral_floats=True)  # the walk: clean() then json
        assert clean_and_dumps(res) == (res, fast + "\n")
        assert not [x for x in _plain_floats(data_of(res)) if x.is_integer() and abs(x) < 2 ** 53]


def data_of(res):
    from numclaims.fastjson import data

    return data(res)


def test_results_json_bytes_are_the_text_encoded():
    # what stage_one writes: orjson's bytes as they are for the engine's results, else dumps() encoded
    for res in _engine_results():
        assert dumps_bytes(res) == dumps(res).encode("utf-8") == plain_bytes(res, newline=True)
    read_back = _results()  # not marked: written by the walk, encoded
    assert plain_bytes(read_back) is None
    assert dumps_bytes(read_back) == (REPO / "reports" / SEED / "results.json").read_bytes()


def test_results_json_bytes_escape_invisible_characters():
    # U+2028 raw in a quote (3 bytes E2 80 A8 from orjson) is written as the 6 characters \u2028, as in the text
    res = plain(_results(quote="a\u2028b"))
    raw = dumps_bytes(res)
    assert b'"quote": "a\\u2028b",' in raw and b"\xe2\x80\xa8" not in raw
    assert raw == dumps(res).encode("utf-8")


def test_declared_reads_only_the_fields_a_class_declares():
    from numclaims.records import FractionOfCheck, PartWholeCheck
    from numclaims.resultmodel import ClaimId

    frac = FractionOfCheck(id="f", kind="fraction_of", fraction="a", whole="b")
    part = PartWholeCheck(id="p", kind="part_whole", part="a", whole="b")
    assert declared(frac, "relation") == "le"  # the field's default
    assert declared(part, "relation") is None  # no such field: None, as getattr(part, "relation", None)
    assert getattr(part, "relation", None) is None
    extra = ClaimId(id="c", relation="eq")  # an extra key (the results contract is additive) is no field
    assert declared(extra, "id") == "c" and declared(extra, "relation") is None


def test_nothing_to_escape_looks_for_the_three_bytes_behind_a_lone_a8_or_a9():
    # the one-byte pre-search (A8, A9) must not pass a text that holds U+2028 or U+2029 (E2 80 A8/A9):
    # "è" is C3 A8 and "é" C3 A9, so those texts take the three-byte search; "\x85" (NEL) is C2 85
    from numclaims.fastjson import _nothing_to_escape
    cases = {"plain ascii": True, "caf\u00e9 and cr\u00e8me": True, "em \u2014 dash": True,
             "a\u2028b": False, "caf\u00e9\u2029": False, "\u00e8\u2028": False, "nel\u0085": False}
    for text, want in cases.items():
        assert _nothing_to_escape(text.encode("utf-8")) is want, text

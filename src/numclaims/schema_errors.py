"""Schema errors in plain words: the one formatter of pydantic's validation errors for claims files and
source metadata (:func:`schema_message`), and how a YAML value is named in a message (:func:`describe_value`).

Apart from :mod:`numclaims.errors` so that the error lines and the path guard, which every reader and
``numclaims --help`` import, do not load the record models (pydantic) for a message only an invalid file
needs.
"""

from __future__ import annotations

import difflib
from typing import Any, Callable, Iterable

from .codes import CodedError
from .checks import KINDS
from .records import text_expected


def misspelt_fields(errors: list[dict], known: Callable[[tuple], Iterable[str]] = lambda loc: (),
                    written: Callable[[tuple], Iterable[str]] = lambda loc: ()) -> list[dict]:
    """Pydantic's errors with a misspelt field named as such. A record missing a required field ``F`` and
    holding an unknown field ``G`` written like it (``idd`` for ``id``: :func:`difflib.get_close_matches`,
    ratio at least 0.6) gives one error at ``G``, "unknown field; did you mean 'F'? (F is required)", instead
    of two lines (``F`` missing, ``G`` unknown); any other unknown field written like a field name the
    record takes (``known(loc)``: the schema's names for the record at ``loc``; ``qualifer`` for
    ``qualifier``) says "did you mean" that name, unless the record has that field already
    (``written(loc)``: the keys written in it). A check with no ``kind`` and a key written like it
    (``knd: sum``) is that key misspelt, in the same words. The other errors are kept in order. Accepts and
    returns items of ``ValidationError.errors()``."""
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing" and e.get("loc")}
    merged: set[tuple] = set()
    out: list[dict] = []
    for e in errors:
        loc = tuple(e.get("loc") or ())
        if e["type"] == "union_tag_not_found" and isinstance(e.get("input"), dict):
            # a check without `kind` holding a key written like it (`knd: sum`): that key, misspelt
            tag = str((e.get("ctx") or {}).get("discriminator", "")).strip("'")
            taken = set(known(loc))  # keys that are fields of some kind are no misspelling ("id")
            keys = [k for k in e["input"] if isinstance(k, str) and k not in taken]
            close = difflib.get_close_matches(tag, keys, n=1, cutoff=0.6) if tag else []
            if close:
                out.append({"type": "extra_forbidden", "loc": loc + (close[0],), "msg": "", "input": e["input"][close[0]],
                            "_did_you_mean": tag, "_required": True})
                continue
        if e["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            wanted = [m[-1] for m in missing if m[:-1] == loc[:-1] and isinstance(m[-1], str) and m not in merged]
            close = difflib.get_close_matches(loc[-1], wanted, n=1, cutoff=0.6)
            if close:
                merged.add(loc[:-1] + (close[0],))
                out.append({**e, "_did_you_mean": close[0], "_required": True})
                continue
            close = difflib.get_close_matches(loc[-1], sorted(set(known(loc[:-1])) - set(written(loc[:-1]))), n=1,
                                              cutoff=0.75)
            if close:
                out.append({**e, "_did_you_mean": close[0]})
                continue
        out.append(e)
    return [e for e in out if not (e["type"] == "missing" and tuple(e["loc"]) in merged)]


def schema_message(err: dict) -> tuple[str, str]:
    """One pydantic error (an item of ``ValidationError.errors()``) in plain words, as ``(code, message)``:
    the error code (:mod:`numclaims.codes`; a validator's :class:`~numclaims.codes.CodedError` gives its
    own) and what was expected and what was found, naming the YAML trap behind it, never the schema
    library's own texts ("Input should be ...", "String should have at least 1 character", "Datetimes
    provided to dates should have zero time"). The one formatter of schema errors, for claims files and
    source metadata alike."""
    t = err["type"]
    why = (err.get("ctx") or {}).get("error")
    if t == "value_error" and isinstance(why, CodedError):
        return why.code, why.message
    code = _SCHEMA_CODES.get(t, "not-allowed")  # a value the field does not take
    if code in ("not-a-date", "date-with-time"):  # a datetime (YAML read "2014-03-05 10:30:00") or a date
        code = "date-with-time" if hasattr(err.get("input"), "hour") else "not-a-date"
    return code, _message(err)


#: The error code of each pydantic error type the claims and metadata schemas raise.
_SCHEMA_CODES = {
    "missing": "field-missing", "extra_forbidden": "field-unknown", "union_tag_not_found": "kind-missing",
    "union_tag_invalid": "kind-unknown", "string_pattern_mismatch": "not-a-slug", "string_type": "not-text",
    "list_type": "not-a-list", "tuple_type": "not-a-list", "dict_type": "not-a-mapping",
    "model_type": "not-a-mapping", "model_attributes_type": "not-a-mapping", "float_type": "not-a-number",
    "float_parsing": "not-a-number", "int_type": "not-a-whole-number", "int_parsing": "not-a-whole-number",
    "int_from_float": "not-a-whole-number", "date_type": "not-a-date", "date_parsing": "not-a-date",
    "date_from_datetime_parsing": "not-a-date", "date_from_datetime_inexact": "date-with-time",
    "too_short": "too-few-items", "string_too_short": "text-empty", "greater_than": "out-of-range",
    "greater_than_equal": "out-of-range", "less_than": "out-of-range", "less_than_equal": "out-of-range",
    "literal_error": "not-allowed", "union_type": "claim-or-number",
}


def _message(err: dict) -> str:
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "extra_forbidden":
        if err.get("_did_you_mean"):  # (misspelt_fields)
            right = err["_did_you_mean"]
            return f"unknown field; did you mean {right!r}?" + (f" ({right} is required)" if err.get("_required") else "")
        name = err["loc"][-1] if err.get("loc") else ""
        if isinstance(name, str) and " " in name.strip():
            # {what: votes cast, under review by the council} -- YAML ends a flow-mapping value at its comma
            return ("unknown field: a comma inside an unquoted value in { } ends that value, so the words after "
                    "it were read as a field; quote the whole value (what: \"votes cast, under review\")")
        return "unknown field (check the spelling; see the record schema in numclaims.records)"
    if err["type"] == "union_tag_not_found":
        return f"required field 'kind' is missing; expected one of {', '.join(KINDS)}"
    if err["type"] == "union_tag_invalid":
        return f"unknown check kind; expected one of {', '.join(KINDS)}"
    if err["type"] == "string_pattern_mismatch":
        return "expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces)"
    got = err.get("input")
    t = err["type"]
    if t == "string_type":
        return text_expected(got)
    if t in ("list_type", "tuple_type"):
        return f"expected a list ('- item' lines or [a, b]), got {describe_value(got)}"
    if t in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value), got {describe_value(got)}"
    if t in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        return f"expected {'a whole number' if t.startswith('int') else 'a number'}, got {describe_value(got)}"
    if t in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        why = (err.get("ctx") or {}).get("error")
        if not (isinstance(why, str) and "outside expected range" in why):
            why = None  # the date parser's own words ("input is too short") say nothing more
        if hasattr(got, "hour"):  # a datetime: YAML read "2014-03-05 10:30:00"
            return (f"expected a date as YYYY-MM-DD, got a date with a time of day ({got.isoformat(' ')}); write "
                    f"the date alone, {got.date().isoformat()}")
        return f"expected an existing date as YYYY-MM-DD, got {describe_value(got)}" + (f" ({why})" if why else "")
    if t == "too_short" and isinstance(got, (list, tuple)):
        n = (err.get("ctx") or {}).get("min_length", 1)
        return f"expected at least {n} item{'s' if n != 1 else ''}, got {len(got)}"
    ctx = err.get("ctx") or {}
    if t == "string_too_short":
        return "is empty; expected text" if got == "" else f"expected at least {ctx.get('min_length', 1)} characters"
    if t in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), None)
        bound = f"{bound:g}" if isinstance(bound, (int, float)) else bound
        word = {"greater_than": "above", "greater_than_equal": "at least", "less_than": "below",
                "less_than_equal": "at most"}[t]
        field = str(err["loc"][-1]) if err.get("loc") else ""
        extra = {"margin": " (a fraction: 0.1 is 10 %)", "start": " (a character offset in the source)",
                 "precision": " (the rounding step, such as 1, 10 or 0.5)"}.get(field, "")
        return f"expected a number {word} {bound}{extra}, got {got!r}"
    if t == "literal_error":
        return f"expected one of {(err.get('ctx') or {}).get('expected', '')}, got {describe_value(got)}"
    return msg[:1].lower() + msg[1:] if msg[:1].isupper() and msg.startswith(("Input ", "Value ")) else msg


def describe_value(v: Any) -> str:
    """How a YAML value is described in messages: its type and a short repr."""
    if v is None:
        return "nothing (null)"
    if isinstance(v, bool):
        return f"boolean {v}"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return f"a list of {len(v)} item{'s' if len(v) != 1 else ''}"
    if isinstance(v, str):
        r = repr(v)
        return f"text {r if len(r) <= 60 else r[:57] + '...'}"
    if hasattr(v, "isoformat"):
        return f"date {v.isoformat()}"
    return f"{type(v).__name__} {v!r}"

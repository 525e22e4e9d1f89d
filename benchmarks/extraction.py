"""Accuracy and speed of numeric-mention extraction: numclaims.extract against quantulum3.

Usage (from the project root, with ``pip install -e '.[bench]'``)::

    python benchmarks/extraction.py

For every hand-labelled text in ``datasets/labels/*.json`` (each names its source capture under
``datasets/sources``) both tools read the *whole* capture, furniture included:

* **numclaims**: :func:`numclaims.extract.find_mentions` with the body found by the heuristics alone (the
  metadata markers are ignored here, so body detection is measured too); its ``body`` mentions count.
* **quantulum3**: ``quantulum3.parser.parse``; it has no notion of an article body, so its quantities are
  counted only when they fall inside the true body (the span of the metadata markers): a generous
  reading that does not charge it for furniture.

Figures, over all labelled body mentions:

* recall = labelled mentions overlapped by a predicted mention / labelled mentions;
* precision = predicted body mentions that overlap a label / predicted body mentions (one-to-one,
  in order of position);
* value right = labelled mentions whose matched prediction has the labelled value (dates: the partial
  ISO value, e.g. "2013-06"; quantulum3 has no dates and is credited when its number equals a labelled
  bare year; ranges: both ends and the midpoint) / labelled mentions;
* interval right = labelled non-date mentions whose matched prediction gives the labelled interval under
  :func:`numclaims.rules.interval_for` (value + qualifier, with the label's rounding step) / labelled
  non-date mentions; quantulum3 reports no qualifier, so each of its readings is taken as ``exact``;
* throughput = characters read per second of wall time (best of several runs), and the ratio.
"""

from __future__ import annotations

import json
import math
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from numclaims.extract import body_span, find_mentions  # noqa: E402
from numclaims.rules import interval_for, step_of_integer  # noqa: E402
from numclaims.yamlio import load_yaml_text  # noqa: E402


def load_cases() -> list[dict]:
    """Every labelled text: ``{id, text, labels, true_body}``."""
    cases = []
    for lp in sorted((ROOT / "datasets" / "labels").glob("*.json")):
        doc = json.loads(lp.read_text(encoding="utf-8"))
        sid = doc["source"]
        text = (ROOT / "datasets" / "sources" / f"{sid}.txt").read_text(encoding="utf-8")
        meta = load_yaml_text((ROOT / "datasets" / "sources" / f"{sid}.meta.yaml").read_text(encoding="utf-8"))
        true_body = body_span(text, (meta["body"]["start"], meta["body"]["end"]))
        cases.append({"id": sid, "text": text, "labels": doc["mentions"], "true_body": true_body,
                      "held_out": bool(doc.get("held_out"))})
    return cases


def _base(unit: str) -> str:
    return unit.split(" per ")[0]


def _close(a, b) -> bool:
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def label_step(lab: dict) -> float:
    """Rounding step of a labelled mention as numclaims.numerals reads its words (trailing zeros else)."""
    from numclaims.numerals import parse

    try:
        return float(parse(lab["text"]).precision)
    except ValueError:
        return step_of_integer(float(lab["value"]))


def interval_of(value, qualifier, lab, low=None, high=None):
    """Interval for ``value``/``qualifier`` with the label's unit and step; None when it has none."""
    if not isinstance(value, (int, float)):
        return None
    try:
        iv = interval_for(float(value), qualifier, label_step(lab), unit=_base(lab["unit"]), low=low, high=high)
    except ValueError:
        return None
    return (iv.low, iv.high, iv.low_closed, iv.high_closed)


def same_interval(a, b) -> bool:
    """Two interval tuples equal (ends close, same closedness)."""
    if a is None or b is None:
        return False
    return all((x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, abs_tol=1e-9))
               for x, y in zip(a[:2], b[:2])) and a[2:] == b[2:]


def match(labels: list[dict], preds: list[dict]) -> dict[int, int]:
    """One-to-one matching by overlapping spans, in order of position: ``{label index: pred index}``."""
    out, used = {}, set()
    for i, lab in enumerate(labels):
        for j, p in enumerate(preds):
            if j not in used and p["start"] < lab["end"] and lab["start"] < p["end"]:
                out[i] = j
                used.add(j)
                break
    return out


def numclaims_preds(text: str) -> list[dict]:
    """numclaims body mentions, body from the heuristics only."""
    ms = find_mentions(text, body=body_span(text))
    return [m.to_dict() for m in ms if m.region == "body"]


def quantulum_preds(text: str, body: tuple[int, int]) -> list[dict]:
    """quantulum3 quantities inside the true body, as prediction dicts (qualifier always exact)."""
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        s, e = q.span
        if body[0] <= s and e <= body[1]:
            out.append({"start": s, "end": e, "text": q.surface, "value": q.value, "unit": q.unit.name,
                        "qualifier": "exact", "low": None, "high": None, "tool": "quantulum3"})
    return out


def value_right(lab: dict, p: dict) -> bool:
    """Whether the prediction reads the labelled value (see the module docstring)."""
    lv = lab["value"]
    if lab["unit"] == "date":
        if p.get("tool") == "quantulum3":
            return isinstance(lv, str) and lv.isdigit() and _close(p["value"], float(lv))
        return p["value"] == lv
    if lab["qualifier"] == "range":
        return _close(p.get("low"), lab["low"]) and _close(p.get("high"), lab["high"]) and _close(p["value"], lv)
    return _close(p["value"], lv)


def interval_right(lab: dict, p: dict) -> bool:
    """Whether the prediction's value and qualifier give the labelled interval."""
    want = interval_of(lab["value"], lab["qualifier"], lab, lab.get("low"), lab.get("high"))
    got = interval_of(p["value"], p["qualifier"], lab, p.get("low"), p.get("high"))
    return same_interval(want, got)


def score(cases: list[dict], tool: str) -> dict:
    """Counts for one tool over every case."""
    n_lab = n_pred = n_hit_l = n_hit_p = n_val = n_iv = n_ivd = 0
    misses, extras = [], []
    for c in cases:
        preds = numclaims_preds(c["text"]) if tool == "numclaims" else quantulum_preds(c["text"], c["true_body"])
        m = match(c["labels"], preds)
        n_lab += len(c["labels"])
        n_pred += len(preds)
        n_hit_l += len(m)
        n_hit_p += len(set(m.values()))
        for i, lab in enumerate(c["labels"]):
            p = preds[m[i]] if i in m else None
            if p is None:
                misses.append((c["id"], lab["text"]))
            if p is not None and value_right(lab, p):
                n_val += 1
            if lab["unit"] != "date":
                n_ivd += 1
                if p is not None and interval_right(lab, p):
                    n_iv += 1
        extras += [(c["id"], preds[j]["text"]) for j in range(len(preds)) if j not in set(m.values())]
    return {"labels": n_lab, "preds": n_pred, "hit_l": n_hit_l, "hit_p": n_hit_p, "value": n_val,
            "interval": n_iv, "interval_n": n_ivd, "misses": misses, "extras": extras}


def throughput(cases: list[dict], tool: str, runs: int) -> float:
    """Characters per second (best of ``runs``) reading every case's whole text."""
    total = sum(len(c["text"]) for c in cases)
    best = math.inf
    for _ in range(runs):
        t0 = time.perf_counter()
        for c in cases:
            if tool == "numclaims":
                numclaims_preds(c["text"])
            else:
                quantulum_preds(c["text"], c["true_body"])
        best = min(best, time.perf_counter() - t0)
    return total / best


def report(cases: list[dict], name: str, speeds: dict[str, float] | None = None) -> None:
    """Print one line per tool (and its misses) for ``cases``."""
    for tool in ("numclaims", "quantulum3"):
        s = score(cases, tool)
        speed = f"  throughput {speeds[tool]:,.0f} chars/s" if speeds else ""
        print(f"[{name}] {tool:10s} recall {s['hit_l'] / s['labels']:.3f} ({s['hit_l']}/{s['labels']})  "
              f"precision {s['hit_p'] / max(s['preds'], 1):.3f} ({s['hit_p']}/{s['preds']})  "
              f"value right {s['value'] / s['labels']:.3f} ({s['value']}/{s['labels']})  "
              f"interval right {s['interval'] / max(s['interval_n'], 1):.3f} ({s['interval']}/{s['interval_n']})"
              + speed)
        if s["misses"]:
            print(f"    {tool} missed: " + "; ".join(f"{t!r} ({i})" for i, t in s["misses"]))
        if s["extras"]:
            print(f"    {tool} not a labelled mention: " + "; ".join(f"{t!r} ({i})" for i, t in s["extras"]))


def main() -> int:
    """Print the figures for both tools: all texts, then the held-out texts alone."""
    warnings.filterwarnings("ignore")
    cases = load_cases()
    chars = sum(len(c["text"]) for c in cases)
    agree = sum(body_span(c["text"]) == c["true_body"] for c in cases)
    held = [c for c in cases if c["held_out"]]
    print(f"texts: {len(cases)} ({len(held)} held out: {', '.join(c['id'] for c in held) or '-'})")
    print(f"characters: {chars:,}; labelled body mentions: {sum(len(c['labels']) for c in cases)}; "
          f"heuristic body = metadata body in {agree}/{len(cases)} texts")
    numclaims_preds(cases[0]["text"])
    quantulum_preds(cases[0]["text"], (0, 0))  # load quantulum3's unit tables before timing
    speeds = {"numclaims": throughput(cases, "numclaims", 30), "quantulum3": throughput(cases, "quantulum3", 3)}
    report(cases, "all texts", speeds)
    if held:
        report(held, "held out")
    print(f"throughput ratio numclaims/quantulum3: {speeds['numclaims'] / speeds['quantulum3']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""SVG figures made safe to inline in report.html: an allow-list of drawing elements and attributes.

An SVG pasted into a page can run script (``<script>``, ``onload=``), load external content (``<image
href="https://...">``, ``<use href="other.svg#x">``, ``url(https://...)`` in a style) and clash with the ids
of other figures. :func:`inline_svg` parses the file with the standard library's XML parser (no external
entities are fetched; a DOCTYPE with an internal subset or an entity is refused), keeps only the elements matplotlib's SVG backend writes for
vector text and shapes (:data:`ELEMENTS`; no ``<style>``: a style sheet inside inline SVG would apply to
the whole page, so report.html carries matplotlib's one rule itself), only presentation attributes (:data:`ATTRIBUTES`: no ``on*``
event handler survives), only ``#local`` references, and prefixes every id with the figure's own prefix so
several figures share one page. report.html's Content-Security-Policy (``default-src 'none'``) still
forbids scripts and external loads as a second line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterable

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Elements kept (local names); anything else is dropped with its subtree.
ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "clipPath", "use", "pattern", "linearGradient", "radialGradient", "stop",
    "mask", "symbol", "marker",
})

#: Attributes kept (local names, no namespace except xlink:href); an ``on*`` handler never is.
ATTRIBUTES = frozenset({
    "id", "class", "style", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "viewBox", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity",
    "stroke-miterlimit", "opacity", "clip-path", "clip-rule", "mask", "font-family", "font-size",
    "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy",
    "patternUnits", "patternContentUnits", "gradientUnits", "offset", "stop-color", "stop-opacity",
    "preserveAspectRatio", "version", "href", "overflow", "marker-start", "marker-mid", "marker-end",
    "markerWidth", "markerHeight", "refX", "refY", "orient", "color",
})

_URL = re.compile(r"url\(\s*['\"]?([^)'\"]*)['\"]?\s*\)")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _fix_urls(value: str, prefix: str) -> str | None:
    """``url(#x)`` -> ``url(#<prefix>x)``; None when the value refers to anything outside the document."""
    bad = False

    def sub(m: re.Match) -> str:
        nonlocal bad
        ref = m.group(1).strip()
        if not ref.startswith("#"):
            bad = True
            return "none"
        return f"url(#{prefix}{ref[1:]})"

    out = _URL.sub(sub, value)
    if bad or re.search(r"(?i)(javascript:|expression\(|@import|https?:)", out):
        return None
    return out


def inline_svg(data: bytes, prefix: str, label: str) -> str:
    """The markup of an SVG file to paste into HTML: allow-listed (:data:`ELEMENTS`,
    :data:`ATTRIBUTES`), ids prefixed with ``prefix``, the root given ``role="img"``, ``aria-label``
    ``label`` and a responsive ``width: 100%`` (its ``viewBox`` kept or made from width and height).

    Raises:
        ValueError: the bytes are not an SVG document (not XML, entity declarations, or a root other than
            ``svg``).
    """
    if re.search(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", data, re.I):
        raise ValueError("an SVG declaring entities (a DOCTYPE with an internal subset) is not inlined")
    # the public SVG 1.1 DOCTYPE matplotlib writes names a DTD that expat never fetches; drop it
    data = re.sub(rb"<!DOCTYPE[^>]*>", b"", data, count=1, flags=re.I)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ValueError(f"not an XML document: {e}") from None
    if _local(root.tag) != "svg":
        raise ValueError(f"root element is <{_local(root.tag)}>, not <svg>")
    _clean(root, prefix)
    w, h = root.get("width", ""), root.get("height", "")
    if not root.get("viewBox"):
        nums = [re.match(r"[\d.]+", x) for x in (w, h)]
        if all(nums):
            root.set("viewBox", f"0 0 {nums[0].group(0)} {nums[1].group(0)}")
    for k in ("width", "height"):
        root.attrib.pop(k, None)
    root.set("role", "img")
    root.set("aria-label", label)
    root.set("class", "chart")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    text = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    # one namespace declaration on the root is enough in HTML; ET writes ns0-style prefixes otherwise
    return text


def _clean(el: ET.Element, prefix: str) -> None:
    for child in list(el):
        if not isinstance(child.tag, str) or _local(child.tag) not in ELEMENTS:
            el.remove(child)
            continue
        _clean(child, prefix)
    for name in list(el.attrib):
        local = _local(name)
        value = el.attrib[name]
        keep = local in ATTRIBUTES and not local.lower().startswith("on")
        if keep and local == "href":
            keep = value.startswith("#")
            if keep:
                value = f"#{prefix}{value[1:]}"
        if keep and local == "id":
            value = prefix + value
        if keep and "url(" in value:
            fixed = _fix_urls(value, prefix)
            keep, value = fixed is not None, fixed or ""
        if keep and local == "style" and re.search(r"(?i)(javascript:|expression\(|@import|https?:)", value):
            keep = False
        del el.attrib[name]
        if keep:
            el.set(f"{{{XLINK_NS}}}href" if name == f"{{{XLINK_NS}}}href" else local, value)


def texts(markup: str) -> Iterable[str]:
    """The ``<text>`` contents of inlined SVG markup (for tests: chart text is text)."""
    root = ET.fromstring(markup)
    for t in root.iter():
        if _local(t.tag) == "text":
            yield "".join(t.itertext())

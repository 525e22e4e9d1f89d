"""Write claimreview-subset.json: the part of the schema.org vocabulary that ClaimReview markup uses.

Run with the path of a schema.org release file, ``schemaorg-current-https.jsonld`` (in the schemaorg/schemaorg
repository under data/releases/<version>/), its version and the repository commit it came from:

    python tests/data/schemaorg/make_subset.py PATH 30.0 COMMIT

Kept: the classes ClaimReview, Claim, Rating, CreativeWork, Organization, Person with every superclass, the
data types (Text, URL, Date, DateTime, Number, Integer, Boolean), and every property whose domain includes one
of the kept classes, each with its domainIncludes and rangeIncludes. Nothing else is changed or added.
"""

import hashlib
import json
import sys
from pathlib import Path

ROOTS = ("ClaimReview", "Claim", "Rating", "CreativeWork", "Organization", "Person")
DATATYPES = ("Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean", "Float")


def ids(v):
    if v is None:
        return []
    v = v if isinstance(v, list) else [v]
    return sorted(x["@id"].removeprefix("schema:") for x in v)


def main(path: str, version: str, commit: str) -> None:
    raw = Path(path).read_bytes()
    graph = json.loads(raw)["@graph"]
    nodes = {n["@id"].removeprefix("schema:"): n for n in graph if n["@id"].startswith("schema:")}
    keep, todo = set(), list(ROOTS) + list(DATATYPES)
    while todo:
        name = todo.pop()
        if name in keep or name not in nodes:
            continue
        keep.add(name)
        todo += ids(nodes[name].get("rdfs:subClassOf"))
    classes = {n: {"subClassOf": ids(nodes[n].get("rdfs:subClassOf")), "datatype": n in DATATYPES}
               for n in sorted(keep)}
    props = {}
    for name, n in sorted(nodes.items()):
        t = n.get("@type")
        if t != "rdf:Property" and "rdf:Property" not in (t if isinstance(t, list) else [t]):
            continue
        dom = ids(n.get("schema:domainIncludes"))
        if set(dom) & keep:
            props[name] = {"domainIncludes": dom, "rangeIncludes": ids(n.get("schema:rangeIncludes"))}
    out = {
        "provenance": {
            "source": f"https://github.com/schemaorg/schemaorg/blob/{commit}/data/releases/{version}/schemaorg-current-https.jsonld",
            "release": version,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "licence": "schema.org vocabulary, Creative Commons Attribution-ShareAlike 3.0 (https://schema.org/docs/terms.html)",
            "made_by": "tests/data/schemaorg/make_subset.py (classes " + ", ".join(ROOTS) + " and their superclasses, "
                       "data types, properties whose domain includes a kept class)",
        },
        "classes": classes,
        "properties": props,
    }
    Path(__file__).with_name("claimreview-subset.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])

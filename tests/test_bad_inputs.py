"""The bad-input corpus: every file in ``tests/bad_inputs/`` is run through ``numclaims check`` on a copy of
``tests/data/project`` and must give exit status 2, exactly the error lines in :data:`CASES` on stderr
(``file:line: claim <id>: <field>: <what to fix>``), no traceback, and no change to ``reports/``.

Each case file is the valid ``tests/data/project/claims/town-news.yaml`` with one fault (its first line says
which) and replaces that file in the project; ``_companions/other-news.yaml`` is a second valid article on the
same source, present in every run, so that cross-file cases (duplicate ids, relations to another article)
have something to collide with. The comments above each entry quote the line of the case file that the error
line points at: the line number is part of what is tested.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import tree_bytes
from numclaims.cli import main

HERE = Path(__file__).parent
BAD = HERE / "bad_inputs"
COMPANION = BAD / "_companions" / "other-news.yaml"

# The fixture source with one non-ASCII character (line 3, "Perú"), written as latin-1 bytes or with a BOM
# for the encoding cases.
_TEXT = (HERE / "data" / "project" / "datasets" / "sources" / "town-news.txt").read_text(encoding="utf-8")
_NON_ASCII = _TEXT.replace("Mine raid frees", "Mine raid in Perú frees")
EXTRA_SOURCES = {
    "latin-news": _NON_ASCII.encode("latin-1"),
    "bom-news": b"\xef\xbb\xbf" + _NON_ASCII.encode("utf-8"),
}

CASES: dict[str, list[str]] = {
    # YAML aliases that expand to 10^8 values (billion laughs).
    'alias-bomb': [
        'claims/town-news.yaml:0: YAML aliases expand the document to over 12,292 values; remove the repeated aliases (*name)',
    ],
    # an article id that would escape reports/.
    # town-news.yaml line 2 is `article: ../../etc`
    'article-path-traversal': [
        "claims/town-news.yaml:2: article: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces)",
    ],
    # a review status that is not one of the four.
    # town-news.yaml line 9 is `status: checked`
    'bad-status': [
        "claims/town-news.yaml:9: claim rescued-300: status: expected one of 'unreviewed', 'verified', 'disputed' or 'unverifiable', got text 'checked'",
    ],
    # a check without one of its claims.
    # town-news.yaml line 78 is `- id: earnings-times-period-vs-fortune`
    'check-missing-field': [
        'claims/town-news.yaml:78: claim earnings-times-period-vs-fortune (check): checks[1].duration: required field is missing',
    ],
    # only comments, no data.
    # town-news.yaml line 1 is `# bad input: only comments, no data`
    'comments-only': [
        "claims/town-news.yaml:1: file holds no data (only comments or blank lines); expected a mapping with 'article', 'source' and 'claims'",
    ],
    # claim references that form a cycle (measure.period -> claim, ends -> claim).
    # town-news.yaml line 54 is `ends: fortune-120000`
    'cycle-period-ends': [
        'claims/town-news.yaml:54: claim period-two-years: ends: claim references form a cycle: period-two-years -> fortune-120000 -> period-two-years; a period or end date cannot depend on itself, remove one reference',
    ],
    # an article id already used by another claims file.
    # town-news.yaml line 2 is `article: other-news`
    'duplicate-article-id': [
        "claims/town-news.yaml:2: article: article id 'other-news' is also used by claims/other-news.yaml; give each claims file its own article id",
    ],
    # a check with the id of a claim.
    # town-news.yaml line 84 is `- id: rescued-300`
    'duplicate-check-id': [
        'claims/town-news.yaml:84: claim rescued-300 (check): id: duplicate id (claims and checks share one namespace)',
    ],
    # two claims with the same id in one file.
    # town-news.yaml line 16 is `- id: rescued-300`
    # town-news.yaml line 76 is `total: workers-1600`
    # town-news.yaml line 87 is `whole: workers-1600`
    'duplicate-id': [
        'claims/town-news.yaml:16: claim rescued-300: id: duplicate claim id (first defined at line 5)',
        "claims/town-news.yaml:76: claim minors-share-of-workers (check): checks[0].total: names unknown claim 'workers-1600'; relations may only name claims of this article",
        "claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: names unknown claim 'workers-1600'; relations may only name claims of this article",
    ],
    # a claim id also defined in another claims file (other-news).
    # other-news.yaml line 5 is `- id: other-news-workers`
    # town-news.yaml line 72 is `- id: other-news-workers`
    'duplicate-id-across-files': [
        'claims/other-news.yaml:5: claim other-news-workers: id: duplicate claim id: also defined at claims/town-news.yaml:72; claim ids must be unique across all claims files',
        'claims/town-news.yaml:72: claim other-news-workers: id: duplicate claim id: also defined at claims/other-news.yaml:5; claim ids must be unique across all claims files',
    ],
    # a key given twice in one mapping.
    # town-news.yaml line 9 is `value: 3000`
    'duplicate-key': [
        "claims/town-news.yaml:9: duplicate key 'value' in one mapping (first at line 8); keep one",
    ],
    # an empty file (0 bytes).
    'empty-file': [
        "claims/town-news.yaml:1: file is empty; expected 'article', 'source' and 'claims'",
    ],
    # 1e300, far beyond any news figure.
    # town-news.yaml line 63 is `value: 1.0e+300`
    'huge-value': [
        'claims/town-news.yaml:63: claim fortune-120000: value: 1e+300 is larger than 1e15; no news figure is that large',
    ],
    # a claim id with a path separator.
    # town-news.yaml line 5 is `- id: ../x`
    'id-path-separator': [
        "claims/town-news.yaml:5: claim ../x: id: expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces)",
    ],
    # `.inf` as a value.
    # town-news.yaml line 19 is `value: .inf`
    'infinite-value': [
        'claims/town-news.yaml:19: claim workers-1600: value: expected a finite number, got inf',
    ],
    # a claim without its unit.
    # town-news.yaml line 5 is `- id: rescued-300`
    'missing-field': [
        'claims/town-news.yaml:5: claim rescued-300: unit: required field is missing',
    ],
    # a measure without `what`.
    # town-news.yaml line 11 is `measure:`
    'missing-nested-field': [
        'claims/town-news.yaml:11: claim rescued-300: measure.what: required field is missing',
    ],
    # a source that does not exist.
    # town-news.yaml line 3 is `source: no-such-source`
    'missing-source': [
        "claims/town-news.yaml:3: source: source 'no-such-source' could not be loaded",
        "datasets/sources/no-such-source.meta.yaml:0: source: source file for 'no-such-source' not found",
        "datasets/sources/no-such-source.txt:0: source: source file for 'no-such-source' not found",
    ],
    # `.nan` as a value.
    # town-news.yaml line 8 is `value: .nan`
    'nan-value': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a finite number, got nan',
    ],
    # a negative number of persons.
    # town-news.yaml line 8 is `value: -300`
    'negative-count': [
        'claims/town-news.yaml:8: claim rescued-300: value: -300 is negative; counts, amounts and shares cannot be',
    ],
    # an empty claims list.
    # town-news.yaml line 4 is `claims: []`
    'no-claims': [
        'claims/town-news.yaml:4: claims: expected at least 1 item, got 0',
    ],
    # a percentage over 100.
    # town-news.yaml line 30 is `value: 140`
    'percent-over-100': [
        'claims/town-news.yaml:30: claim minors-40-percent: value: 140 percent is over 100',
    ],
    # a measure.period naming a claim of another article.
    # town-news.yaml line 66 is `measure:`
    'period-other-article': [
        "claims/town-news.yaml:66: claim fortune-120000: measure.period: names unknown claim 'other-news-period' (claims may only refer to claims of this article)",
    ],
    # a PyYAML object-construction tag (must not be executed).
    # town-news.yaml line 8 is `value: !!python/object/apply:os.system ["touch PWNED"]`
    'python-tag': [
        "claims/town-news.yaml:8: tag '!!python/object/apply:os.system' is not allowed: claims files hold plain data (text, numbers, lists, mappings); remove the tag",
    ],
    # a quote that is not copied verbatim.
    # town-news.yaml line 6 is `quote: Police rescued 300 girls from the mines`
    'quote-not-in-source': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'Police rescued 300 girls from the mines' is not in the source text (it must be copied verbatim)",
    ],
    # a quote that occurs twice in the source, without `start`.
    # town-news.yaml line 6 is `quote: rescued 300 women`
    'quote-twice': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'rescued 300 women' occurs 2 times (offsets [58, 282]); add 'start' to say which",
    ],
    # a `start` offset that is not where the quote is.
    # town-news.yaml line 6 is `quote: rescued 300 women`
    'quote-wrong-start': [
        "claims/town-news.yaml:6: claim rescued-300: quote: quote 'rescued 300 women' is not at offset 10; it occurs at [58, 282]",
    ],
    # qualifier range without low and high.
    # town-news.yaml line 10 is `qualifier: range`
    'range-without-bounds': [
        "claims/town-news.yaml:10: claim rescued-300: qualifier: 'range' needs 'low' and 'high'",
    ],
    # a check naming a claim of another article.
    # town-news.yaml line 87 is `whole: other-news-workers`
    'relation-other-article': [
        "claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: names unknown claim 'other-news-workers'; relations may only name claims of this article",
    ],
    # a duration that ends at itself.
    # town-news.yaml line 54 is `ends: period-two-years`
    'self-reference': [
        'claims/town-news.yaml:54: claim period-two-years: ends: claim references form a cycle: period-two-years -> period-two-years; a period or end date cannot depend on itself, remove one reference',
    ],
    # a source text starting with a UTF-8 byte-order mark (the test writes datasets/sources/bom-news.*).
    # town-news.yaml line 3 is `source: bom-news`
    'source-bom': [
        "claims/town-news.yaml:3: source: source 'bom-news' could not be loaded",
        'datasets/sources/bom-news.txt:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM',
    ],
    # a source text saved as latin-1 bytes (the test writes datasets/sources/latin-news.*).
    # town-news.yaml line 3 is `source: latin-news`
    'source-latin1': [
        "claims/town-news.yaml:3: source: source 'latin-news' could not be loaded",
        'datasets/sources/latin-news.txt:3: not valid UTF-8 (byte 0xfa at offset 42); convert the file to UTF-8',
    ],
    # a key indented deeper than its siblings.
    # town-news.yaml line 10 is `qualifier: exact`
    'syntax-bad-indent': [
        'claims/town-news.yaml:10: YAML syntax error: mapping values are not allowed in this context; check the quotes and indentation',
    ],
    # a tab used for indentation.
    # town-news.yaml line 12 is `what: women rescued from the mines`
    'syntax-tab-indent': [
        'claims/town-news.yaml:12: YAML syntax error: found character that cannot start any token (line has a tab: YAML indents with spaces only) (while scanning for the next token that starts at line 12); check the quotes and indentation',
    ],
    # a double quote that is never closed.
    # town-news.yaml line 7 is `text: "300"`
    'syntax-unclosed-quote': [
        'claims/town-news.yaml:7: YAML syntax error: did not find expected key (while parsing a block mapping that starts at line 5); check the quotes and indentation',
    ],
    # a numeral text that is not part of the quote.
    # town-news.yaml line 18 is `text: "1,500"`
    'text-not-in-quote': [
        "claims/town-news.yaml:18: claim workers-1600: text: '1,500' is not part of the quote 'Officials said 1,600 people work in the mines'",
    ],
    # a list at the top.
    # town-news.yaml line 1 is `# bad input: a list at the top`
    'top-level-list': [
        "claims/town-news.yaml:1: expected a mapping with 'article', 'source' and 'claims', got a list of 2 items",
    ],
    # a check kind that does not exist.
    # town-news.yaml line 85 is `kind: part_of`
    'unknown-check-kind': [
        'claims/town-news.yaml:85: claim rescued-within-workers (check): checks[2].kind: unknown check kind; expected one of rate_duration, share_of_total, fraction_of, part_whole, agreement, sum, difference, ratio, product, external',
    ],
    # a three-letter code that is not an ISO 4217 currency.
    # town-news.yaml line 64 is `unit: XYZ`
    'unknown-currency': [
        "claims/town-news.yaml:64: claim fortune-120000: unit: unknown currency 'XYZ'; expected an ISO 4217 code among ['ARS', 'AUD', 'BOB', 'BRL', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'DOP', 'EUR', 'GBP', 'GTQ', 'HNL', 'INR', 'JPY', 'MXN', 'NIO', 'PAB', 'PEN', 'USD', 'VES', 'ZAR']",
    ],
    # a misspelt key (`qualifer`).
    # town-news.yaml line 10 is `qualifer: exact`
    'unknown-field': [
        'claims/town-news.yaml:10: claim rescued-300: qualifer: unknown field (check the spelling; see the record schema in numclaims.records)',
    ],
    # a rate per hour.
    # town-news.yaml line 42 is `unit: USD per hour`
    'unknown-rate-base': [
        "claims/town-news.yaml:42: claim earnings-5000-month: unit: unknown rate base 'hour'; expected one of ['day', 'week', 'month', 'year']",
    ],
    # a unit that is not in the unit list.
    # town-news.yaml line 9 is `unit: people`
    'unknown-unit': [
        "claims/town-news.yaml:9: claim rescued-300: unit: unknown unit 'people'; expected one of ['count', 'date', 'days', 'fraction', 'hectares', 'kilograms', 'months', 'ounces', 'percent', 'percentage_points', 'persons', 'ratio', 'square_kilometres', 'tonnes', 'troy_ounces', 'weeks', 'years'] or an ISO 4217 currency code",
    ],
    # a value that is not the numeral written.
    # town-news.yaml line 8 is `value: 3000`
    'value-differs-from-text': [
        "claims/town-news.yaml:8: claim rescued-300: value: 3000 differs from the numeral written '300', read as 300",
    ],
    # attribution as a plain string instead of a list.
    # town-news.yaml line 13 is `attribution: officials`
    'wrong-type-attribution': [
        "claims/town-news.yaml:13: claim rescued-300: attribution: expected a list ('- item' lines or [a, b]), got text 'officials'",
    ],
    # a list where a number is expected.
    # town-news.yaml line 8 is `value: [300]`
    'wrong-type-value-list': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got a list',
    ],
    # `value: 1e6` is a string in YAML 1.1 (it needs a dot: 1.0e+6).
    # town-news.yaml line 63 is `value: 1e6`
    'yaml11-exponent-without-dot': [
        "claims/town-news.yaml:63: claim fortune-120000: value: expected a number, got text '1e6' (YAML 1.1 reads an exponent without a dot and sign as text; write 1.0e+06 or the plain number)",
    ],
    # an unquoted date that does not exist (month 13).
    # town-news.yaml line 68 is `period: {start: 2012-13-01, end: 2014-03-03}`
    'yaml11-impossible-date': [
        "claims/town-news.yaml:68: claim fortune-120000: measure.period.start: expected an existing date as YYYY-MM-DD, got text '2012-13-01' (month value is outside expected range of 1-12)",
    ],
    # `where: NO` (Norway) read as the boolean false.
    # town-news.yaml line 13 is `where: NO`
    'yaml11-no-boolean': [
        'claims/town-news.yaml:13: claim rescued-300: measure.where: expected text, got boolean False (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans); put the text in quotes',
    ],
    # `value: on` read as the boolean true.
    # town-news.yaml line 8 is `value: on`
    'yaml11-on-boolean-value': [
        'claims/town-news.yaml:8: claim rescued-300: value: expected a number, got boolean True (YAML 1.1 reads unquoted yes/no/on/off as booleans)',
    ],
    # `value: 1,600` read as the string '1,600'.
    # town-news.yaml line 19 is `value: 1,600`
    'yaml11-thousands-separator': [
        "claims/town-news.yaml:19: claim workers-1600: value: expected a number, got text '1,600' (YAML 1.1 reads a number with thousands separators as text; write it without them, e.g. 1600)",
    ],
    # `text: 4.10` read as the number 4.1 where text is expected.
    # town-news.yaml line 29 is `text: 4.10`
    'yaml11-trailing-zero': [
        'claims/town-news.yaml:29: claim minors-40-percent: text: expected text, got the number 4.1 (YAML reads an unquoted numeral as a number and drops trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written',
    ],
    # `quote: 2014-03-03` read as a date where text is expected.
    # town-news.yaml line 28 is `quote: 2014-03-03`
    'yaml11-unquoted-date': [
        'claims/town-news.yaml:28: claim minors-40-percent: quote: expected text, got the date 2014-03-03 (YAML reads an unquoted YYYY-MM-DD as a date); put the text in quotes',
    ],
    # `text: yes` read as the boolean true.
    # town-news.yaml line 29 is `text: yes`
    'yaml11-yes-boolean-text': [
        'claims/town-news.yaml:29: claim minors-40-percent: text: expected text, got boolean True (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans); put the text in quotes',
    ],
}


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> tuple[Path, Path]:
    """Two prepared projects: ``fresh`` (claims/town-news.yaml, claims/other-news.yaml, the sources of the
    encoding cases; no reports yet) and ``reported`` (the same after one valid ``numclaims check``)."""
    fresh = tmp_path_factory.mktemp("fresh") / "project"
    shutil.copytree(HERE / "data" / "project", fresh)
    shutil.copy(COMPANION, fresh / "claims" / "other-news.yaml")
    src = fresh / "datasets" / "sources"
    meta = (src / "town-news.meta.yaml").read_text(encoding="utf-8")
    for sid, data in EXTRA_SOURCES.items():
        (src / f"{sid}.txt").write_bytes(data)
        (src / f"{sid}.meta.yaml").write_text(meta.replace("id: town-news", f"id: {sid}"), encoding="utf-8")
    reported = tmp_path_factory.mktemp("reported") / "project"
    shutil.copytree(fresh, reported)
    assert main(["check", "--quiet", "--root", str(reported)]) == 0
    assert {"town-news/results.json", "other-news/results.json"} <= set(tree_bytes(reported / "reports"))
    return fresh, reported


def _check(project: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    rc = main(["check", "--root", str(project)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return rc, err.splitlines()


def test_corpus_is_complete():
    # every case file has an expected output and vice versa, and the corpus has at least 30 cases
    files = {p.stem for p in BAD.glob("*.yaml")}
    assert files == set(CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, bases, tmp_path, capsys, monkeypatch):
    fresh, reported = bases
    for kind, base in (("fresh", fresh), ("reported", reported)):
        project = tmp_path / kind
        shutil.copytree(base, project)
        before = tree_bytes(project / "reports")
        monkeypatch.chdir(project)  # python-tag: os.system("touch PWNED") would create the file here
        shutil.copy(BAD / f"{case}.yaml", project / "claims" / "town-news.yaml")
        rc, lines = _check(project, capsys)
        # exit 2 and exactly the expected lines, one per error, nothing else on stderr
        assert (rc, lines) == (2, CASES[case])
        if kind == "fresh":
            # no report was created for the invalid article (other-news, when valid, gets its own)
            assert not (project / "reports" / "town-news").exists()
        else:
            # the earlier valid reports are byte for byte as they were (none created, changed, truncated)
            assert tree_bytes(project / "reports") == before
        assert not (project / "PWNED").exists()
        assert not list(project.glob(".numclaims-staging-*"))  # the staging folder is cleaned up

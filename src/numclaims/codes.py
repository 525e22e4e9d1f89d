"""The stable error codes: every input-error, argument and environment line the suite prints ends with one,
in brackets (``claims/x.yaml:9: claim a: value: expected a number, got text 'ten' [not-a-number]``).

Declared once, here (:data:`CODES`), with a one-line meaning and what to write instead; the docs page
``docs/reference/error-codes.md`` is generated from this table (``python docs/generate.py``), and
``tests/test_error_codes.py`` checks that every code the sources emit is declared and that every declared
code is reached by the bad-input corpus or a test. A code is a lower-case slug that never changes once
published: a message's words may improve, its code stays, so that scripts and searches can rely on it (as
frictionless names its errors ``type-error``, ``constraint-error`` and pandera its checks).

Pure data and one exception class, in the lowest layer, so that every reader (the numeral reader, the YAML
reader, the record models) can raise a coded error without importing anything above it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """One declared error code.

    Attributes:
        code: the stable slug printed in brackets at the end of the error line.
        group: where the error comes from (a section of the reference page).
        meaning: what is wrong, in one line.
        fix: what to write (or do) instead, in one line.
    """

    code: str
    group: str
    meaning: str
    fix: str


#: Section titles of the reference page, in order.
GROUPS = {
    "file": "Reading a file (claims files, source captures, metadata)",
    "yaml": "YAML",
    "schema": "The claims-file schema (field types and values)",
    "claim": "Rules of one claim",
    "relation": "Relations between claims (checks, derived figures, references)",
    "corpus": "Rules across claims files",
    "source": "Source captures and their metadata",
    "reference": "Reference data (datasets/datapackage.json)",
    "import": "Importing claims from a CSV sheet",
    "review": "Recording review decisions (numclaims review, the review page)",
    "config": "Project settings (numclaims.toml)",
    "cli": "Command-line arguments",
    "environment": "The environment (files, folders, disks)",
}

_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # file
    ("file-unreadable", "file", "the file cannot be read (missing, a folder, a FIFO or device, too large, no permission)",
     "point at a regular, readable file within the size limit"),
    ("not-utf8", "file", "the file is not valid UTF-8", "save the file as UTF-8"),
    ("byte-order-mark", "file", "the file starts with a UTF-8 byte-order mark, which shifts every offset",
     "save it as UTF-8 without BOM"),
    ("file-empty", "file", "the claims file is empty", "write 'article', 'source' and 'claims'"),
    ("file-no-data", "file", "the claims file holds only comments or blank lines",
     "write a mapping with 'article', 'source' and 'claims'"),
    ("file-not-mapping", "file", "the top of the file is not a mapping of fields",
     "write 'article:', 'source:' and 'claims:' at the top level"),
    # yaml
    ("yaml-syntax", "yaml", "the YAML parser stopped: quotes, indentation or a tab",
     "fix the quotes and indentation at the line given (spaces only, quote text holding ': ')"),
    ("yaml-control-character", "yaml", "a control character that YAML does not allow",
     "remove it, or write it as an escape inside double quotes"),
    ("yaml-line-break", "yaml", "a character YAML reads as a line break (U+0085, U+2028, U+2029)",
     "remove it, or write it as an escape inside double quotes"),
    ("yaml-tag", "yaml", "a YAML tag (!!python/..., !!binary, !name): claims files hold plain data",
     "remove the tag"),
    ("yaml-alias-bomb", "yaml", "aliases expand the document far beyond its size (billion laughs)",
     "remove the repeated aliases (*name)"),
    ("yaml-alias-recursive", "yaml", "an alias refers to a node that contains it", "write the data as a plain tree"),
    ("yaml-too-deep", "yaml", "the YAML is nested too deeply to read", "flatten the nesting"),
    ("yaml-key", "yaml", "a mapping key that is a list or a mapping", "write keys as plain text"),
    ("duplicate-key", "yaml", "a key given twice in one mapping", "keep one of the two"),
    # schema
    ("field-missing", "schema", "a required field is missing", "add the field"),
    ("field-unknown", "schema", "a field the record does not have (often a misspelling)",
     "check the spelling against the claims schema"),
    ("kind-missing", "schema", "a check without 'kind'", "add 'kind:' with one of the check kinds"),
    ("kind-unknown", "schema", "a check kind that is not declared", "write one of the check kinds"),
    ("not-a-slug", "schema", "an id that is not a slug", "use lower-case letters, digits and single hyphens"),
    ("not-text", "schema", "a value that YAML did not read as text (a number, boolean, date or null)",
     "put the text in quotes exactly as written"),
    ("text-empty", "schema", "an empty text where text is required", "write the text"),
    ("not-a-list", "schema", "a value that is not a list", "write '- item' lines or [a, b]"),
    ("not-a-mapping", "schema", "a value that is not a mapping of fields", "write 'key: value' lines"),
    ("not-a-number", "schema", "a value that is not a number (text, a boolean, a list)",
     "write the plain number: no thousands separators, no '%', unit in 'unit'"),
    ("not-a-whole-number", "schema", "a value that is not a whole number", "write a whole number"),
    ("not-finite", "schema", "a number that is infinite or not a number (.inf, .nan)",
     "write a finite number (null for an unbounded interval end)"),
    ("number-too-large", "schema", "a number beyond 10^15 in size; no news figure is that large",
     "check the digits and the exponent"),
    ("out-of-range", "schema", "a number outside the values the field accepts", "write a number in the range given"),
    ("not-a-date", "schema", "a value that is not an existing date as YYYY-MM-DD", "write the date as YYYY-MM-DD"),
    ("date-with-time", "schema", "a date with a time of day", "write the date alone, YYYY-MM-DD"),
    ("too-few-items", "schema", "a list with fewer items than required", "add the missing items"),
    ("not-allowed", "schema", "a value that is not one of the words the field accepts", "write one of the values listed"),
    ("claim-or-number", "schema", "a field that takes a claim id or a number got something else",
     "write a claim id or a number"),
    ("unit-form", "schema", "a unit not of the form '<unit>' or '<unit> per <day|week|month|year>'",
     "write a base unit, optionally followed by 'per' and a rate base"),
    ("unit-unknown", "schema", "a unit that is neither a base unit nor an ISO 4217 currency code",
     "write the base unit the line names (kilograms for kg, persons for people), one of the units listed, or a currency code in capitals"),
    ("currency-unknown", "schema", "a three-letter currency code that is not in ISO 4217",
     "write a current ISO 4217 code in capitals (USD, EUR, PEN, KES, ...)"),
    ("rate-base-unknown", "schema", "a rate base other than day, week, month or year",
     "write 'per day', 'per week', 'per month' or 'per year'"),
    ("unit-spaces", "schema", "a unit with spaces around it", "write the unit without the spaces"),
    ("qualifier-unknown", "schema", "a qualifier that is not one of the qualifier words",
     "write one of the qualifiers listed (about, at least, more than, range, ...)"),
    ("period-form", "schema", "a period given in none or several of its forms",
     "give exactly one of 'claim', 'expression' or 'start'/'end'"),
    ("period-reversed", "schema", "a period whose start is after its end", "swap or correct the dates"),
    ("interval-form", "schema", "an explicit interval that is not two ends [low, high]",
     "write [low, high], null for an unbounded end"),
    ("inputs-count", "schema", "a derived figure with the wrong number of inputs", "give the number of inputs its kind takes"),
    ("check-form", "schema", "a check given in none or several of its alternative forms",
     "give exactly one of the alternatives named"),
    # claim
    ("value-required", "claim", "a claim without a number (only unit 'date' may omit it)", "write 'value'"),
    ("value-negative", "claim", "a negative count, amount or share", "write the figure without the sign"),
    ("fraction-over-one", "claim", "a fraction above 1", "write it as a fraction of 1, or use unit percent for 0-100"),
    ("range-needs-bounds", "claim", "qualifier 'range' without 'low' and 'high'", "write 'low' and 'high'"),
    ("range-reversed", "claim", "a range or interval whose low end is above its high end", "swap or correct the ends"),
    ("interval-needs-rule", "claim", "an explicit interval without a 'rule' saying why", "add 'rule:'"),
    ("interval-excludes-value", "claim", "an explicit interval or range that excludes the claim's own value",
     "write an interval that holds the figure, or correct 'value'"),
    ("interval-rule", "claim", "the qualifier, precision, margin or range give no interval",
     "correct the field named (see docs/semantics.md)"),
    ("text-not-in-quote", "claim", "'text' is not part of the quote", "copy 'text' from the quote"),
    ("text-unreadable", "claim", "no quantity can be read in 'text'", "give the numeral phrase of the quote"),
    ("thousands-separator", "claim", "'.' reads as a decimal point but the unit counts whole things",
     "write the value with an interval [v, v] and a rule naming the notation"),
    ("value-differs", "claim", "the value differs from the numeral written", "correct 'value', or 'text' to name the numeral"),
    ("unit-differs", "claim", "the unit does not fit the numeral written (currency, kind of unit, rate)",
     "correct 'unit' to what the words say"),
    ("qualifier-differs", "claim", "the qualifier contradicts the words written", "correct 'qualifier' to what the words say"),
    ("status-inconsistent", "claim", "a review status that contradicts the other review fields",
     "set the status, or remove 'reviewed_on' / confirm the guessed fields first"),
    ("quote-not-found", "claim", "the quote is not in the source text", "copy the quote verbatim from the source"),
    ("quote-not-at-offset", "claim", "the quote is not at the offset given in 'start'", "correct 'start' or remove it"),
    ("quote-ambiguous", "claim", "the quote occurs several times in the source", "add 'start' to say which"),
    ("date-too-far", "claim", "a period or date ends implausibly long after the publication", "check the year"),
    ("period-unreadable", "claim", "the date or period cannot be read or resolved", "write an explicit start and end"),
    ("duration-zero", "claim", "a duration of 0 lasts no time, so no period can be counted back from it",
     "write the duration the article gives, or give the claim a measure.period"),
    ("period-length-differs", "claim", "a duration's measure.period is shorter than the duration it dates",
     "give the span the duration covers or falls within, one day for a duration measured on a date, or 'ends'"),
    ("duplicate-id", "claim", "an id used twice in one claims file (claims, checks, derived figures)",
     "give each claim, check and derived figure its own id"),
    # relation
    ("unknown-claim", "relation", "a check, derived figure or reference names a claim the article does not have",
     "name a claim of this article"),
    ("reference-cycle", "relation", "claim references or derived figures form a cycle", "remove one reference"),
    ("relation-repeats-claim", "relation", "a relation names the same claim twice", "name a different claim"),
    ("derived-invalid", "relation", "a derived figure whose inputs do not give its unit or a value",
     "correct the inputs or the unit of the derived figure"),
    ("unknown-reference-row", "relation", "a claim or check cites a reference row that does not exist",
     "cite an existing row id of the reference tables"),
    # corpus
    ("duplicate-article", "corpus", "an article id used by two claims files", "give each claims file its own article id"),
    ("duplicate-id-across-files", "corpus", "a claim id defined in two claims files",
     "make claim ids unique across all claims files"),
    ("reports-outside", "corpus", "reports/ or reports/<id> is a link out of the project",
     "make reports/<id> a folder inside reports/"),
    ("invalid-input", "corpus", "some claims files are invalid (their lines are above), so nothing was exported",
     "fix the lines above and run again"),
    ("root-missing", "corpus", "--root names no folder", "name the project folder, which holds claims/ and datasets/"),
    ("no-claims-files", "corpus", "no claims files where they were looked for", "write claims/<id>.yaml, or pass --root"),
    ("unknown-article", "corpus", "an article id no valid claims file has", "name an article of claims/"),
    # source
    ("source-missing", "source", "the source capture or its metadata file does not exist",
     "add datasets/sources/<id>.txt and <id>.meta.yaml"),
    ("source-unloadable", "source", "the source named by a claims file could not be loaded (see the lines above it)",
     "fix the source files named above"),
    ("metadata-not-mapping", "source", "the metadata file is not a mapping of fields", "write 'key: value' lines"),
    ("metadata-id", "source", "the metadata id differs from the file name", "make 'id' the file name without .meta.yaml"),
    ("title-not-headline", "source", "the metadata title is no line of the capture before the body, so the headline's "
     "numbers are not drafted", "write 'title' exactly as the headline line reads"),
    ("source-drafted-already", "source", "another claims file already records this source (the draft's ids get -2 "
     "suffixes)", "edit that claims file, or draft under it with numclaims suggest"),
    ("marker-not-found", "source", "a body marker is not in the source text", "copy the marker verbatim from the text"),
    ("no-mentions", "source", "no numeric mention in the body of the source", "check the body markers of the source"),
    # reference
    ("package-invalid", "reference", "datasets/datapackage.json cannot be read as a data package",
     "regenerate it (python datasets/build_datapackage.py)"),
    ("package-stale", "reference", "a reference table that the data package does not describe",
     "regenerate the package (python datasets/build_datapackage.py)"),
    ("resource-unreadable", "reference", "a resource of the data package cannot be read", "correct the file or its path"),
    ("reference-cell", "reference", "a cell that the table schema refuses (type, constraint, missing value)",
     "write the cell as the schema describes"),
    ("reference-row", "reference", "a row whose value, bounds, qualifier, unit or period disagree",
     "correct the cells named"),
    ("reference-duplicate-id", "reference", "a row id used twice in the reference tables", "give each row its own id"),
    ("reference-unknown-parent", "reference", "'part_of' names a row that does not exist", "name an existing row"),
    # import
    ("csv-empty", "import", "the CSV file is empty", "write a header row naming the columns"),
    ("csv-unreadable", "import", "the file cannot be read as CSV", "save the sheet as CSV"),
    ("csv-column-unknown", "import", "a column the import does not know", "rename it to one of the columns listed"),
    ("csv-column-missing", "import", "a required column is missing", "add the column"),
    ("csv-column-twice", "import", "a column named twice", "keep one"),
    ("csv-row-cells", "import", "a row with more cells than the header", "quote cells that hold the separator"),
    ("csv-no-rows", "import", "no claim rows under the header", "add the rows"),
    ("csv-other-article", "import", "a row of another article", "import each article's rows on their own"),
    ("csv-cell-missing", "import", "a required cell is empty", "fill in the cell"),
    ("csv-article-exists", "import", "the article is already the article of a claims file",
     "import under another --article, or edit that file"),
    ("csv-id-exists", "import", "a claim id already used in another claims file", "give the row another claim id"),
    # review
    ("review-decision", "review", "a decision that lacks what it needs (a reviewer, a note) or does not apply",
     "give --reviewer and --note, or an action that applies to the record"),
    ("review-refused", "review", "the edit would change more than the decision or leave an invalid file; nothing written",
     "edit the claims file by hand (the message says what would break)"),
    # config
    ("config-invalid", "config", "a [claimreview] setting of numclaims.toml that is not valid", "correct the setting named"),
    ("config-missing", "config", "a setting ClaimReview needs is not set", "write it under [claimreview] or pass its option"),
    ("archive-measure", "config", "an archive measure (--archive or [archive] measures) that no reference row has, or that no "
     "claim of a worked article belongs to", "give a measure_id of datasets/reference/*.csv that a claim cites in its evidence:"),
    ("archive-config", "config", "[archive] of numclaims.toml is not valid TOML or its measures are not a list of measure ids",
     'write [archive] measures = ["<measure_id>", ...]'),
    # cli
    ("usage", "cli", "the command line does not parse (unknown option, missing argument)", "see numclaims COMMAND --help"),
    ("bad-argument", "cli", "an option's value is not accepted", "give a value the option accepts (see --help)"),
    ("missing-extra", "cli", "an option needs an optional dependency that is not installed", "install the extra named"),
    ("file-exists", "cli", "the output file exists and would be overwritten", "choose another name or delete the file"),
    ("no-notebooks", "cli", "no numbered notebooks (NN-*.ipynb) in notebooks/", "add the notebooks, or run from the project root"),
    ("results-invalid", "cli", "reports/<id>/results.json is missing or not a results file numclaims wrote",
     "run numclaims check to write it again"),
    ("notebook-failed", "cli", "a notebook raised an error while it ran for an article", "open the notebook and fix the cell named"),
    ("stale-report", "cli", "a report file is missing or differs from what the results render",
     "run numclaims report"),
    # environment
    ("read-only", "environment", "the file system is read-only", "write to a writable folder"),
    ("permission-denied", "environment", "permission denied", "check the owner and permissions of the folder"),
    ("disk-full", "environment", "the disk is full or the quota exceeded", "free some space and run again"),
    ("file-too-big", "environment", "a file over the size limit (ulimit -f, or numclaims' input limit)",
     "raise the limit, or split the input"),
    ("not-a-folder", "environment", "a file where a folder is expected, or a folder where a file is", "move it away"),
    ("path-problem", "environment", "a path that cannot be used (too long, too many links, missing, not a regular file)",
     "correct the path"),
    ("too-many-open-files", "environment", "too many open files", "raise the limit (ulimit -n)"),
    ("io-error", "environment", "an input/output error from the system", "check the disk and run again"),
    ("out-of-memory", "environment", "out of memory: an input is far larger than it should be", "reduce the input"),
    ("too-deeply-nested", "environment", "an input nested too deeply to read", "flatten the input"),
    ("figure-not-embedded", "environment", "a figure of reports/<id>/figures/ that is a link out of reports/ or "
     "cannot be read is left out of report.html (the report is still written)", "replace it with the figure file"),
    ("internal-error", "environment", "a bug in numclaims", "report it (NUMCLAIMS_DEBUG=1 shows the traceback)"),
)

#: Every declared code, by its slug, in declaration order.
CODES: dict[str, Code] = {c: Code(c, g, m, f) for c, g, m, f in _TABLE}


class CodedError(ValueError):
    """A ValueError with a declared :class:`Code`: raised by readers and record validators so that the error
    line built from it carries the code (pydantic keeps the exception in the error's ``ctx``).

    Args:
        code: a key of :data:`CODES`.
        message: the error text (what is wrong and what to write instead), without the code.
        field: the record field the error is about, when the raiser knows it better than its caller (a
            duration of 0 found while resolving periods is about its ``value`` or ``text``); else None.
    """

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def tag(text: str, code: str) -> str:
    """``text`` with ``code`` appended in brackets (``"... [not-a-number]"``), the one way a code is shown."""
    return f"{text} [{code}]"

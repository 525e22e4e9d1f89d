"""Sub-commands of the ``numclaims`` CLI; each module has ``register(subparsers)``.

Each module imports the code it runs inside its ``run`` function, not at the top: ``numclaims --help``
imports every command module to build the parser, and stays fast that way (see :mod:`numclaims.layers`).
"""


def check_project(root, articles):
    """Check every claims file of the project at ``root`` and print its input errors (one line each), for
    the commands that work on checked results (``report``, ``export``).

    Args:
        root: the project root (a resolved :class:`pathlib.Path`).
        articles: article ids to keep (``--article``, repeatable), or None for every valid article.

    Returns:
        ``(outcome, results)``: the :class:`numclaims.runner.Outcome` and the results of the articles asked
        for; or the exit status 2 when there is no claims file or an article asked for has no valid file
        (a line on stderr names it).
    """
    from ..codes import tag
    import sys

    from ..paths import claims_files
    from ..runner import check_corpus, print_errors

    files = claims_files(root)
    if not files:
        print(tag(f"no claims files found in {root / 'claims'} (claims files are *.yaml or *.yml files)", "no-claims-files"),
              file=sys.stderr)
        return 2
    outcome = check_corpus(files, root)
    print_errors(outcome.errors)
    results = outcome.results
    if articles:
        known = {r.article for r in results}
        unknown = [a for a in articles if a not in known]
        invalid = articles_of_invalid_files(outcome.errors, root)
        for a in unknown:
            if a not in invalid:  # an article whose file is invalid: its error lines above say why
                print(unknown_article_line(a, known), file=sys.stderr)
        if unknown:
            return 2
        results = [r for r in results if r.article in articles]
    return outcome, results


def articles_of_invalid_files(errors, root) -> set[str]:
    """The ``article`` ids the claims files named in ``errors`` (:class:`numclaims.errors.ErrorLine`, their
    ``file`` relative to ``root``) declare, as far as each still reads as YAML: an ``--article`` of one of
    them needs no "no valid claims file" line after the file's own error lines."""
    import re

    from ..yamlio import YamlInputError, load_yaml_text, read_text_strict

    out: set[str] = set()
    for name in sorted({e.file for e in errors}):
        try:
            text = read_text_strict(root / name)
        except (YamlInputError, OSError, ValueError):
            continue
        try:
            data = load_yaml_text(text)
        except YamlInputError:  # a YAML syntax error further down: its top-level `article:` line, if plain
            m = re.search(r"^article:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?$", text, re.M)
            data = {"article": m.group(1)} if m else None
        if isinstance(data, dict) and isinstance(data.get("article"), str):
            out.add(data["article"])
    return out


def unknown_article_line(article, known):
    """The error line for an ``--article`` id that no valid claims file has; ``known``: the ids there are."""
    from ..codes import tag

    return tag(f"claims/:0: article {article!r}: no valid claims file has this article id "
               f"(valid articles: {', '.join(sorted(known)) or 'none'})", "unknown-article")

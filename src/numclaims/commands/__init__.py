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
        for a in unknown:
            print(unknown_article_line(a, known), file=sys.stderr)
        if unknown:
            return 2
        results = [r for r in results if r.article in articles]
    return outcome, results


def unknown_article_line(article, known):
    """The error line for an ``--article`` id that no valid claims file has; ``known``: the ids there are."""
    from ..codes import tag

    return tag(f"claims/:0: article {article!r}: no valid claims file has this article id "
               f"(valid articles: {', '.join(sorted(known)) or 'none'})", "unknown-article")

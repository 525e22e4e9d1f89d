"""Command-line conventions: every `--help` complete and readable, and shell completion."""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess

import pytest

from numclaims.cli import COMMANDS, build_parser, main


def _parsers():
    """``(command words, parser)`` for every command and nested command."""
    out = []

    def walk(words, parser):
        out.append((words, parser))
        for a in parser._actions:
            if isinstance(a, argparse._SubParsersAction):
                for name, sp in a.choices.items():
                    walk(words + [name], sp)

    walk([], build_parser())
    return out


PARSERS = _parsers()


@pytest.mark.parametrize("words", [w for w, _ in PARSERS], ids=lambda w: " ".join(w) or "numclaims")
def test_help_is_plain_complete_text(words, capsys):
    with pytest.raises(SystemExit) as e:
        main(words + ["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    # no docstring markup left: ``literal``, :func:`x`, :class:`x`
    assert "``" not in out and not re.search(r":[a-z]+:`", out)
    parser = dict((tuple(w), p) for w, p in PARSERS)[tuple(words)]
    for a in parser._actions:
        for flag in a.option_strings:
            assert flag in out
        if a.option_strings or isinstance(a, argparse._SubParsersAction):
            continue
        assert a.help, f"positional {a.metavar or a.dest} of {' '.join(words)} has no help"
    # the description is never cut before a list or paragraph that follows it
    desc = (parser.description or "").strip()
    assert not desc.endswith(":")
    # every paragraph of the command's docstring after its usage line is shown (its first words)
    if len(words) == 1 and words[0] in COMMANDS and words[0] != "review":
        doc = importlib.import_module(COMMANDS[words[0]]).__doc__ or ""
        flat = " ".join(out.split())
        for para in [x for x in doc.split("\n\n") if x.strip()][1:]:
            first = " ".join(re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", para).replace("``", "").split()[:4])
            assert first.lstrip("* ") in flat, (words, first)


def test_notebooks_help_keeps_its_list(capsys):
    with pytest.raises(SystemExit):
        main(["notebooks", "--help"])
    out = capsys.readouterr().out
    assert "is stored:\n\n* for the article named in a notebook's own parameters cell" in out
    assert "* for every other article: reports/<id>/notebooks/NN-*.ipynb" in out


def test_review_set_help(capsys):
    with pytest.raises(SystemExit):
        main(["review", "set", "--help"])
    out = capsys.readouterr().out
    assert "records a decision (verified, disputed, unverifiable; unreviewed clears one)" in " ".join(out.split())
    assert "CLAIM_ID           id of the claim" in out


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts_name_every_command_and_option(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for words, parser in PARSERS:
        if words:
            assert words[-1] in script
        for a in parser._actions:
            for flag in a.option_strings:
                if flag.startswith("--"):
                    assert flag in script, (words, flag)
    if shell == "bash":
        r = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True, timeout=30)
        assert r.returncode == 0, r.stderr
        # completing `numclaims ex` offers the commands starting with "ex"
        probe = script + '\nCOMP_WORDS=(numclaims ex); COMP_CWORD=1; COMP_LINE="numclaims ex"; COMP_POINT=12\n' \
                         '_shtab_numclaims; printf "%s\\n" "${COMPREPLY[@]}"\n'
        r = subprocess.run(["bash", "-c", probe], text=True, capture_output=True, timeout=30)
        assert sorted(r.stdout.split()) == ["export", "extract"], r.stdout + r.stderr


def test_building_the_parser_loads_no_engine_and_no_schema_library():
    # `numclaims --help` builds the parser from every command module; each command imports what it runs
    # inside `run`, so no record model (pydantic), template engine (jinja2), YAML reader or the engine is
    # loaded for the help text (numclaims.layers: the CLI layer's rule)
    import sys

    code = ("import sys, numclaims.cli as c; c.build_parser(); "
            "print(sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'yaml_rs', 'numclaims.engine', "
            "'numclaims.records', 'numclaims.runner') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

"""The docs match the code: every command and option is documented, the schema file is current."""
from __future__ import annotations

from pathlib import Path

import click
import pytest

from sitrep.cli import main
from sitrep.errors import SitrepError

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    """Every command by its full name, subcommands of groups included ("gazetteer import")."""
    out = []

    def walk(prefix, group):
        for name, command in sorted(group.commands.items()):
            full = f"{prefix} {name}".strip()
            out.append((full, command))
            if isinstance(command, click.Group):
                walk(full, command)

    walk("", main)
    return out


@pytest.mark.parametrize("name, command", commands())
def test_every_command_and_option_is_in_cli_md(name, command):
    assert f"sitrep {name}" in CLI_DOC
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in CLI_DOC, f"{name} {longest} is not documented in docs/cli.md"


def test_every_error_code_is_in_cli_md():
    codes = set()
    stack = [SitrepError]
    while stack:
        cls = stack.pop()
        codes.add(cls.code)
        stack.extend(cls.__subclasses__())
    missing = sorted(c for c in codes if c not in CLI_DOC)
    assert not missing, f"error codes missing from docs/cli.md: {missing}"


def test_readme_gives_the_two_commands():
    assert ".venv/bin/pip install -e '.[test]' && .venv/bin/sitrep extract examples/" in README
    assert ".venv/bin/python -m pytest" in README

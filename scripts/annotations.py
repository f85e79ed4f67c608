"""GitHub annotations: in GitHub Actions, every problem and report line is also printed as a workflow command
(`::error file=…,line=…,title=…::…`, `::warning …` for reports that do not fail), so that GitHub shows it on the
changed line of the pull request's "Files changed". Outside Actions (GITHUB_ACTIONS is not "true") nothing is
printed and the output stays as it was.

A problem is the `file:line: message` line of scripts/content.problem; its path is relative to the repository
(the working directory), as GitHub wants it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<message>.*)$", re.DOTALL)


def enabled() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def relative(path: str) -> str:
    """The path from the repository root (GITHUB_WORKSPACE in Actions, else the working directory)."""
    root = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.resolve().relative_to(root).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def command(problem: str, level: str = "error", title: str = "make check") -> str:
    """The workflow command for one `file:line: message` (a line without a file is annotated on no file)."""
    found = PROBLEM.match(problem)
    if not found:
        return f"::{level} title={_property(title)}::{_data(problem)}"
    where = f"file={_property(relative(found['path']))},line={found['line']}"
    return f"::{level} {where},title={_property(title)}::{_data(found['message'])}"


def emit(problems: list[str], level: str = "error", title: str = "make check", stream=None) -> None:
    """Print the annotations, only in GitHub Actions."""
    if not enabled():
        return
    out = stream or sys.stdout
    for problem in problems:
        print(command(problem, level, title), file=out)
    out.flush()

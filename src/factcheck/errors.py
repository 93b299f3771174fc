"""Exceptions for problems a user can fix. Findings are data, never exceptions.

Every user error is caught once, in :mod:`factcheck.cli`, and printed as one
line (``error: PATH[:LINE]: message``) with exit code 2.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class UserError(FactcheckError):
    """A bad option, path or setting given by the user."""


class SourceError(FactcheckError):
    """A source file that cannot be read as an article."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class RuleFileError(FactcheckError):
    """A rule file that is not valid: names the file, the line and the key."""

    def __init__(
        self, path: str, message: str, line: int | None = None, key: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

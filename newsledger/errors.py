"""One exception hierarchy; the CLI turns each into one line on stderr.

Messages name the input (file, line, URL) and say what to do next.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0
    INPUT_REJECTED = 1
    USAGE = 2


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""

    exit_status = ExitStatus.INPUT_REJECTED


class BadInputError(NewsledgerError):
    """An input (file, record, URL) cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(NewsledgerError):
    """Bad usage, option or data file."""

    exit_status = ExitStatus.USAGE


class DataFileError(ConfigError):
    """A rule or lexicon file is missing or malformed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"data file {path}: {reason}")
        self.path = path


class StorageError(NewsledgerError):
    """The ledger database cannot be opened or written."""


class ModelMissingError(NewsledgerError):
    """A model package is not installed."""

    exit_status = ExitStatus.USAGE

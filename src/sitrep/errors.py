"""One exception hierarchy for sitrep, with stable codes.

Every error says what went wrong and what to do next. The CLI maps each class
to an exit code (the ``EXIT_*`` constants below); a batch turns an article-level error
into a recorded reason on that article's output line and goes on.
"""
from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code = "E000"
    label = "error"  # what the error is, in a few words: the run summary groups by code and label
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(f"{self.code} {message}" + (f" ({hint})" if hint else ""))

    def as_reason(self) -> dict:
        """The shape a dropped article records: ``{code, reason, hint}``."""
        return {"code": self.code, "reason": self.message, "hint": self.hint}


class UsageError(SitrepError):
    """The command line or the API was called in a way that cannot work."""

    code = "E001"
    label = "usage error"
    exit_code = 2


class InputError(SitrepError):
    """An input could not be read as an article (missing, binary, too large, bad encoding)."""

    code = "E100"
    label = "unreadable input"
    exit_code = 3


class EmptyInput(InputError):
    code = "E101"
    label = "empty input"


class BinaryInput(InputError):
    code = "E102"
    label = "binary input"


class InputTooLarge(InputError):
    code = "E103"
    label = "input too large"


class DecodeError(InputError):
    code = "E104"
    label = "undecodable input"


class MalformedRecord(InputError):
    """A JSONL/CSV line that is not a usable article record."""

    code = "E105"
    label = "malformed record"


class NoText(InputError):
    """HTML or a record from which no article text could be taken."""

    code = "E106"
    label = "no article text"


class UnsupportedLanguage(SitrepError):
    """The article is not in a language the loaded pipeline reads."""

    code = "E200"
    label = "unsupported language"
    exit_code = 4


class ModelError(SitrepError):
    """The language model is missing or cannot be loaded."""

    code = "E300"
    label = "language model unavailable"
    exit_code = 5


class DataError(SitrepError):
    """A data file (lexicon, dictionary) is missing or malformed."""

    code = "E400"
    label = "data file unusable"
    exit_code = 5


class InternalError(SitrepError):
    """A stage failed on one article: a bug in sitrep. The article is reported, the batch goes on."""

    code = "E500"
    label = "internal error"
    exit_code = 1


def label_for(code: str) -> str:
    """The few words that name an error code ("E101" -> "empty input"), for run summaries."""
    stack = [SitrepError]
    while stack:
        cls = stack.pop()
        if cls.code == code:
            return cls.label
        stack.extend(cls.__subclasses__())
    return "error"


# Exit codes of the ``sitrep`` command (documented in docs/cli.md).
EXIT_OK = 0
EXIT_SOME_DROPPED = 1  # the run finished, but at least one input was dropped
EXIT_USAGE = 2
EXIT_INPUT = 3  # a single input given on the command line could not be read
EXIT_LANGUAGE = 4
EXIT_SETUP = 5


class StoreError(SitrepError):
    """The store cannot be opened, migrated or written (bad URL, server down, newer schema)."""

    code = "E600"
    label = "store unavailable"
    exit_code = 5


class StoreWriteError(StoreError):
    """One article could not be written to the store; it is recorded as a failure and the batch goes on."""

    code = "E601"
    label = "store write failed"
    exit_code = 1

"""One exception hierarchy for sitrep, with stable codes.

Every error says what went wrong and what to do next. The CLI maps each class
to an exit code (see ``EXIT_CODES``); a batch turns an article-level error
into a recorded reason on that article's output line and goes on.
"""
from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code = "E000"
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
    exit_code = 2


class InputError(SitrepError):
    """An input could not be read as an article (missing, binary, too large, bad encoding)."""

    code = "E100"
    exit_code = 3


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class InputTooLarge(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class MalformedRecord(InputError):
    """A JSONL/CSV line that is not a usable article record."""

    code = "E105"


class NoText(InputError):
    """HTML or a record from which no article text could be taken."""

    code = "E106"


class UnsupportedLanguage(SitrepError):
    """The article is not in a language the loaded pipeline reads."""

    code = "E200"
    exit_code = 4


class ModelError(SitrepError):
    """The language model is missing or cannot be loaded."""

    code = "E300"
    exit_code = 5


class DataError(SitrepError):
    """A data file (lexicon, dictionary) is missing or malformed."""

    code = "E400"
    exit_code = 5


# Exit codes of the ``sitrep`` command (documented in docs/cli.md).
EXIT_OK = 0
EXIT_SOME_DROPPED = 1  # the run finished, but at least one input was dropped
EXIT_USAGE = 2
EXIT_INPUT = 3  # a single input given on the command line could not be read
EXIT_LANGUAGE = 4
EXIT_SETUP = 5

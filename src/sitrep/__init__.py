"""sitrep: news reports about armed conflict in; sourced, geocoded event records out.

    >>> import sitrep
    >>> events = sitrep.extract(text, published="2021-02-26")

The heavy parts (spaCy, the model) load on first use, not on import.
"""
__version__ = "0.1.0"

_API = {"extract", "extract_document", "extract_files", "assign_incidents"}


def __getattr__(name):
    if name in _API:
        from . import api

        return getattr(api, name)
    if name in {"Document", "Event"}:
        from . import record

        return getattr(record, name)
    if name == "SitrepError":
        from .errors import SitrepError

        return SitrepError
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


__all__ = ["extract", "extract_document", "extract_files", "assign_incidents",
           "Document", "Event", "SitrepError", "__version__"]

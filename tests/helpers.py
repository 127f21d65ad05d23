"""Small helpers shared by the test modules (pytest puts this folder on sys.path)."""
from __future__ import annotations

from pathlib import Path


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    """Write ``data`` (text as UTF-8, bytes as they are) to ``tmp_path/name`` and return the path."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return str(path)

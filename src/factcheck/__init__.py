"""factcheck: find where news sources disagree about the same facts.

The public API lives in :mod:`factcheck.api`; it is re-exported here lazily
so that ``factcheck --help`` does not pay for importing the extractors.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = [
    "CheckResult",
    "Extraction",
    "__version__",
    "check",
    "extract",
    "extract_file",
    "extract_text",
    "facts_frame",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

"""Review decisions on discrepancies, kept in a plain YAML file in the repository.

A decision is recorded by discrepancy id (its fingerprint) with the status
(``confirmed``: the conflict is real; ``accepted``: known and tolerated;
``false-alarm``: not a conflict), a note, the reviewer, the date and the
claims as they were. The file is rewritten atomically (a temporary file in
the same folder, flushed, then renamed over the old one), sorted by id, so
a crash leaves the old or the new file and every other entry is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import UserError

STATUSES = ("confirmed", "accepted", "false-alarm")
#: statuses that stop a discrepancy from failing CI
SETTLED = frozenset({"accepted", "false-alarm"})
UNREVIEWED = "unreviewed"

HEADER = (
    "# factcheck review decisions, by discrepancy id. Written by `factcheck review`;\n"
    "# keep it in version control. status: confirmed | accepted | false-alarm.\n"
)


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    status: str
    note: str = ""
    by: str = ""
    date: str = ""
    rule: str = ""
    metric: str = ""
    period: str = ""
    message: str = ""
    claims: tuple[Mapping[str, Any], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "note": self.note,
            "by": self.by,
            "date": self.date,
            "rule": self.rule,
            "metric": self.metric,
            "period": self.period,
            "message": self.message,
            "claims": [dict(c) for c in self.claims],
        }


def load_reviews(path: str | Path) -> dict[str, Review]:
    """The decisions in ``path`` by id (none when the file does not exist)."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise UserError(
            f"{path}{line}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read: {error}") from None
    except (ValueError, RecursionError) as error:  # an impossible date such as 2025-02-30
        raise UserError(f"{path}: not a valid reviews file: {error}") from None
    entries = data.get("reviews", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UserError(f"{path}: expected a mapping with a 'reviews' list")
    out: dict[str, Review] = {}
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise UserError(f"{path}: review #{i} needs an 'id'")
        status = entry.get("status")
        if status not in STATUSES:
            raise UserError(
                f"{path}: review {entry['id']}: status must be one of {', '.join(STATUSES)}"
            )
        claims = entry.get("claims") or []
        out[entry["id"]] = Review(
            id=entry["id"],
            status=status,
            note=str(entry.get("note") or ""),
            by=str(entry.get("by") or ""),
            date=str(entry.get("date") or ""),
            rule=str(entry.get("rule") or ""),
            metric=str(entry.get("metric") or ""),
            period=str(entry.get("period") or ""),
            message=str(entry.get("message") or ""),
            claims=tuple(c for c in claims if isinstance(c, dict)),
        )
    return out


def write_reviews(path: str | Path, reviews: Iterable[Review]) -> None:
    """Write every review to ``path`` atomically, sorted by id."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(
        {"reviews": [r.to_dict() for r in sorted(reviews, key=lambda r: r.id)]},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    atomic_write(path, HEADER + body)


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: the old file or the new one, never half of either."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))  # mkstemp makes 0600; keep the file's usual mode
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _mode_for(path: Path) -> int:
    """The mode a rewritten file keeps: its own, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def reviewer() -> str:
    """The reviewer's name from git config (``Name <email>``), else the login name."""
    parts = []
    for key in ("user.name", "user.email"):
        try:
            value = subprocess.run(
                ["git", "config", key], capture_output=True, text=True, timeout=5, check=False
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            value = ""
        parts.append(value)
    name, email = parts
    if name:
        return f"{name} <{email}>" if email else name
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def record(
    path: str | Path,
    discrepancy: Mapping[str, Any],
    status: str,
    note: str,
    by: str | None = None,
    today: dt.date | None = None,
) -> Review:
    """Record a decision on one discrepancy (a dict of the check JSON contract)."""
    if status not in STATUSES:
        raise UserError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if status in SETTLED and not note.strip():
        raise UserError(f"a note is required for status {status!r}: say why")
    reviews = load_reviews(path)
    claims = tuple(
        {
            "source": c.get("source"),
            "text": c.get("text"),
            "value": c.get("value"),
            "period": c.get("period"),
        }
        for c in discrepancy.get("claims", [])
    )
    review = Review(
        id=str(discrepancy["id"]),
        status=status,
        note=note.strip(),
        by=by or reviewer(),
        date=(today or dt.date.today()).isoformat(),
        rule=str(discrepancy.get("rule", "")),
        metric=str(discrepancy.get("metric", "")),
        period=str(discrepancy.get("period") or ""),
        message=str(discrepancy.get("message", "")),
        claims=claims,
    )
    reviews[review.id] = review
    write_reviews(path, reviews.values())
    return review


def apply(data: dict[str, Any], reviews: Mapping[str, Review]) -> list[Review]:
    """Put each discrepancy's review into ``data`` (the check JSON); return the stale reviews.

    A review whose discrepancy no longer occurs is stale: reported, not silently kept.
    """
    seen = set()
    for d in data.get("discrepancies", []):
        review = reviews.get(d["id"])
        if review is not None:
            seen.add(review.id)
            d["review"] = {"status": review.status, "note": review.note, "by": review.by,
                           "date": review.date}  # fmt: skip
        else:
            d["review"] = {"status": UNREVIEWED, "note": "", "by": "", "date": ""}
    return [r for rid, r in sorted(reviews.items()) if rid not in seen]


def failing(data: Mapping[str, Any], fail_on: str) -> list[Mapping[str, Any]]:
    """The discrepancies that fail a run: unreviewed or confirmed, at or above ``fail_on``."""
    if fail_on == "never":
        return []
    order = {"error": 0, "warning": 1, "info": 2}
    limit = order[fail_on]
    return [
        d for d in data.get("discrepancies", [])
        if order.get(d["level"], 2) <= limit and d.get("review", {}).get("status") not in SETTLED
    ]  # fmt: skip

"""ISO weeks, as researchers name them: 2025-W17."""
from __future__ import annotations

import re
from datetime import date, timedelta

from policyminer.errors import PolicyminerError

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def week_range(week: str | None, *, today: date | None = None) -> tuple[str, str]:
    """(monday, sunday) ISO dates of `week`; the week containing `today` when None."""
    if week is None:
        today = today or date.today()
        monday = today - timedelta(days=today.weekday())
    else:
        match = _WEEK.match(week.strip())
        if not match:
            raise PolicyminerError(f"week {week!r} is not of the form YYYY-Www (e.g. 2025-W17)")
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError as exc:
            raise PolicyminerError(f"week {week!r}: {exc}") from None
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


def iso_week(day: str) -> str:
    """'2025-04-25' → '2025-W17'."""
    year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"

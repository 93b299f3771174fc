"""Debian's Chromium, driven by Playwright for Python, for the ``browser`` tests.

Playwright's own browser downloads are not used (``playwright install`` needs the
network): the tests launch the system browser at :data:`CHROMIUM`. When it or the
``playwright`` package is missing, the tests skip and say why; ``.ci/run``
installs both, so CI runs them.

Nothing here imports Playwright at import time, so that ``--doctest-modules``
can collect this module on a machine without it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request

CHROMIUM = Path("/usr/bin/chromium")

#: headless, and nothing that talks to the network on its own
LAUNCH_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: milliseconds: a page that has not answered in this long is broken
TIMEOUT = 10_000


def require_chromium() -> None:
    """Skip the calling test, with the reason, when the browser or Playwright is missing.

    Under ``FACTCHECK_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing browser
    fails the test instead: CI must not pass by skipping them.
    """
    required = os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed (pip install playwright; no 'playwright install')"
        if required:
            pytest.fail(reason)
        pytest.skip(reason)
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
        if required:
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for the duration of the block."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=LAUNCH_ARGS, timeout=30_000
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """A page and what it did that a report page must never do."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def open_watched(browser: Browser, path: Path) -> Watched:
    """Open ``path`` in a fresh page, recording dialogs, console errors and every request."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(TIMEOUT)
    watched = Watched(page)

    def on_dialog(dialog: Dialog) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.console_errors.append(message.text)

    def on_request(request: Request) -> None:
        watched.requests.append(request.url)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    page.on("request", on_request)
    page.goto(path.as_uri())
    return watched

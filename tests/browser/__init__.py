"""Helpers for the tests that drive a real headless Chromium (marker ``browser``)."""

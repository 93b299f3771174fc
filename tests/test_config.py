"""[tool.factcheck] settings: defaults, pyproject values, flags, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Settings, load_settings, with_flags
from factcheck.errors import UserError


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n\n[tool.factcheck]\n" + body, encoding="utf-8")
    return path


def test_defaults_without_a_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_values_from_pyproject(tmp_path: Path) -> None:
    path = write(
        tmp_path, 'sources = "articles"\nformats = ["html", "json"]\nfail-on = "warning"\n'
    )
    settings = load_settings(path)
    assert (settings.sources, settings.formats, settings.fail_on) == (
        "articles",
        ("html", "json"),
        "warning",
    )


def test_flags_win(tmp_path: Path) -> None:
    settings = with_flags(load_settings(write(tmp_path, 'reports = "out"\n')), reports="elsewhere")
    assert settings.reports == "elsewhere"
    assert with_flags(settings, reports=None).reports == "elsewhere"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('sorces = "x"\n', "pyproject.toml:5: unknown key 'sorces' in [tool.factcheck]"),
        ('annotations = "ten"\n', "pyproject.toml:5: annotations must be a int"),
        ('formats = ["pdf"]\n', "pyproject.toml:5: formats must be among html, md, json, csv"),
        ('fail-on = "fatal"\n', "pyproject.toml:5: fail-on must be one of"),
        ("annotations = 0\n", "pyproject.toml:5: annotations must be at least 1"),
    ],
)
def test_bad_settings(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(UserError) as error:
        load_settings(write(tmp_path, body))
    assert str(error.value).startswith(
        str(tmp_path / message.split(":")[0]) + ":" + message.split(":", 1)[1]
    )


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.factcheck\n", encoding="utf-8")
    with pytest.raises(UserError, match="not valid TOML"):
        load_settings(path)

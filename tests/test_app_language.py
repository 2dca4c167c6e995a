"""The window's language: the system's, or --lang; Qt's own dialogs follow it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from smtpgui.app import app_icon, install_translations


@pytest.fixture
def language(qapp):
    """Install a language for one test, then put English back."""
    installed = []

    def install(lang: str | None) -> list:
        installed.extend(install_translations(qapp, lang))
        return installed

    previous = QLocale()
    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_lang_es_installs_ours_and_qts_own(language):
    installed = language("es")
    assert len(installed) == 2  # smtpgui_es and qtbase_es (the standard dialogs' buttons)
    assert QCoreApplication.translate("SettingsWindow", "&Test") == "Pro&bar"
    assert QCoreApplication.translate("Phase", "connecting") == "conexión"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert QLocale().language() is QLocale.Language.Spanish


def test_lang_en_needs_no_catalogue(language):
    assert language("en") == []
    assert QCoreApplication.translate("SettingsWindow", "&Test") == "&Test"


def run_app(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **env},
    )


def test_help_follows_lang():
    out = run_app("--lang", "es", "--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("uso: smtpgui")
    assert "muestra esta ayuda y termina" in out.stdout
    assert "el idioma de la ventana" in out.stdout


@pytest.mark.parametrize(
    ("env", "spanish"),
    [
        ({"LC_ALL": "es_ES.UTF-8"}, True),
        ({"LANG": "es_MX.UTF-8"}, True),  # any Spanish: the catalogue is neutral Spanish
        ({"LANG": "es_MX.UTF-8", "LANGUAGE": "en"}, False),  # LANGUAGE lists the UI languages
        ({"LC_ALL": "de_DE.UTF-8"}, False),  # a language smtpgui does not speak: English
        ({"LC_ALL": "C"}, False),
    ],
)
def test_help_follows_the_system_language(env, spanish):
    out = run_app("--help", **env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("uso:" if spanish else "usage:"), out.stdout


def test_lang_overrides_the_system_language():
    assert run_app("--lang", "en", "--help", LC_ALL="es_ES.UTF-8").stdout.startswith("usage:")


def test_unknown_lang_is_refused():
    out = run_app("--lang", "fr")
    assert out.returncode == 2 and "--lang" in out.stderr


def test_app_icon_has_every_hicolor_size(qapp):
    sizes = {size.width() for size in app_icon().availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes

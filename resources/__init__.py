"""Files the app ships with (fonts, catalogs, icons, emblem placeholder), found the same way when
running from the source tree and from a PyInstaller bundle (which keeps this folder as `resources/`)."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
FONTS_DIR = RESOURCES_DIR / "fonts"
LOCALE_DIR = RESOURCES_DIR / "locale"
ICONS_DIR = RESOURCES_DIR / "icons"


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("fonts", "Sarabun-Regular.ttf")``."""
    return RESOURCES_DIR.joinpath(*parts)

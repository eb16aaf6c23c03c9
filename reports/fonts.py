"""The document font: TH Sarabun PSK / TH Sarabun New when the workstation has it, else the bundled
TLWG Laksaman (a free look-alike, see ``resources/fonts/README.md``).

``font_files()`` names the four files in use (regular, bold, italic, bold-italic) so the window
registers the very same files with Qt and screen and paper match. ``doc_font(style)`` gives the
registered ReportLab font with its HarfBuzz face (``reports.shaping.DocFont``).

The preference comes from the office setting ``documents.prefer_th_sarabun``; ``reports/`` does not
read the database, so the app passes it with ``set_prefer_system_font`` after opening the database.

Documents are made in worker threads while the preference may change (settings saved, another
database opened): every ``render_*`` function makes its whole document with one choice
(``@one_font_choice``), taken when it starts, so a document never mixes two families.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from resources import FONTS_DIR

if TYPE_CHECKING:
    from reports import shaping

STYLES = ("regular", "bold", "italic", "bold-italic")

BUNDLED_FAMILY = "Laksaman"
BUNDLED_FILES = {
    "regular": "Laksaman.ttf",
    "bold": "Laksaman-Bold.ttf",
    "italic": "Laksaman-Italic.ttf",
    "bold-italic": "Laksaman-BoldItalic.ttf",
}

# File names of the standard font as installed from the government's and SIPA's packages. TH Sarabun
# New (the 2011 revision) is preferred over TH Sarabun PSK when both are there.
_SYSTEM_FAMILIES: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    (
        "TH Sarabun New",
        {
            "regular": ("thsarabunnew.ttf",),
            "bold": ("thsarabunnewbold.ttf", "thsarabunnew-bold.ttf", "thsarabunnew_bold.ttf"),
            "italic": (
                "thsarabunnewitalic.ttf",
                "thsarabunnew-italic.ttf",
                "thsarabunnew_italic.ttf",
            ),
            "bold-italic": (
                "thsarabunnewbolditalic.ttf",
                "thsarabunnew-bolditalic.ttf",
                "thsarabunnew_bolditalic.ttf",
            ),
        },
    ),
    (
        "TH Sarabun PSK",
        {
            "regular": ("thsarabun.ttf", "thsarabunpsk.ttf"),
            "bold": ("thsarabunbold.ttf", "thsarabunpskbold.ttf", "thsarabun-bold.ttf"),
            "italic": ("thsarabunitalic.ttf", "thsarabunpskitalic.ttf", "thsarabun-italic.ttf"),
            "bold-italic": (
                "thsarabunbolditalic.ttf",
                "thsarabunpskbolditalic.ttf",
                "thsarabun-bolditalic.ttf",
            ),
        },
    ),
)

_lock = threading.RLock()
_prefer_system = True
_search_dirs: list[Path] | None = None  # None: the standard font folders
_chosen: tuple[str, dict[str, Path]] | None = None
_thread = threading.local()  # .chosen: the choice pinned for the document this thread makes


def font_dirs() -> list[Path]:
    """Where workstation fonts live on Windows, Linux and macOS."""
    if _search_dirs is not None:
        return list(_search_dirs)
    home = Path.home()
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts")]
    dirs += [
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]
    return dirs


def _normalised(name: str) -> str:
    return name.lower().replace(" ", "")


def find_th_sarabun(dirs: list[Path] | None = None) -> tuple[str, dict[str, Path]] | None:
    """The installed TH Sarabun family (name and files), or None. Needs at least the regular and
    bold files; a missing italic falls back to the upright file of the same weight."""
    found: dict[str, Path] = {}
    for directory in dirs if dirs is not None else font_dirs():
        if not directory.is_dir():
            continue
        try:
            for path in directory.rglob("*"):
                key = _normalised(path.name)
                if key.endswith(".ttf") and key not in found and path.is_file():
                    found[key] = path
        except OSError:
            continue
    for family, names in _SYSTEM_FAMILIES:
        files: dict[str, Path] = {}
        for style, candidates in names.items():
            for candidate in candidates:
                if candidate in found:
                    files[style] = found[candidate]
                    break
        if "regular" in files and "bold" in files:
            files.setdefault("italic", files["regular"])
            files.setdefault("bold-italic", files["bold"])
            return family, files
    return None


def bundled_font_files() -> dict[str, Path]:
    return {style: FONTS_DIR / name for style, name in BUNDLED_FILES.items()}


def _choose() -> tuple[str, dict[str, Path]]:
    global _chosen
    pinned: tuple[str, dict[str, Path]] | None = getattr(_thread, "chosen", None)
    if pinned is not None:
        return pinned
    with _lock:
        if _chosen is None:
            system = find_th_sarabun() if _prefer_system else None
            _chosen = system or (BUNDLED_FAMILY, bundled_font_files())
        return _chosen


P = ParamSpec("P")
R = TypeVar("R")


def one_font_choice(render: Callable[P, R]) -> Callable[P, R]:
    """Make the whole document with the font choice current when ``render`` starts."""

    @functools.wraps(render)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if getattr(_thread, "chosen", None) is not None:
            return render(*args, **kwargs)  # already inside a document
        _thread.chosen = _choose()
        try:
            return render(*args, **kwargs)
        finally:
            _thread.chosen = None

    return wrapper


def font_files() -> dict[str, Path]:
    """The four font files documents use now: keys ``regular``, ``bold``, ``italic``,
    ``bold-italic``. The window registers the same files with Qt."""
    return dict(_choose()[1])


def font_family() -> str:
    """The family name of the files in ``font_files()`` (e.g. ``Laksaman``)."""
    return _choose()[0]


def set_prefer_system_font(prefer: bool) -> None:
    """Follow the office setting; the next document uses the newly chosen files."""
    global _prefer_system
    with _lock:
        if prefer != _prefer_system:
            _prefer_system = prefer
            _reset()


def set_font_dirs(dirs: list[Path] | None) -> None:
    """Look for TH Sarabun in these folders instead of the standard ones (tests, portable setups)."""
    global _search_dirs
    with _lock:
        _search_dirs = list(dirs) if dirs is not None else None
        _reset()


def _reset() -> None:
    global _chosen
    _chosen = None
    from reports import shaping

    shaping.forget_fonts()


def doc_font(style: str = "regular") -> shaping.DocFont:
    """The registered document font of ``style`` (one of ``STYLES``)."""
    from reports import shaping

    if style not in STYLES:
        raise ValueError(f"unknown font style {style!r}")
    family, files = _choose()
    return shaping.load_font(family, style, files[style])

#!/usr/bin/env python3
"""Set up ICT Desk's environment, then run the app, the tests or the build.

    python3 dev.py run [app options]   set up, then start ICT Desk (demo data on first start)
    python3 dev.py cli TASK [options]  set up, then run a command-line task (python3 dev.py cli --help)
    python3 dev.py test [pytest args]  set up, then run ruff, mypy, import-linter and the whole test suite
    python3 dev.py freeze              set up, then build installer.spec and self-test the bundle

On Windows: py dev.py run, py dev.py cli ..., py dev.py test.

Only the standard library is used here: this is the first thing that runs on a fresh machine.
Setting up means: a virtual environment in .venv with the dependencies of pyproject.toml (installed
installed only
when something is missing: switching between run and test installs nothing twice, and pip itself
is never upgraded), the Qt and PDF tools' system libraries on Debian/Ubuntu (through apt,
when this user may), and the compiled message catalogs.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - this file must explain itself on an old Python
    sys.exit(f"ICT Desk needs Python 3.11 or newer (found {sys.version.split()[0]}).")

import json
import os
import platform
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".ictdesk-deps"
WINDOWS = platform.system() == "Windows"

# Shared libraries the Qt wheels load on Linux, with the Debian packages that carry them.
QT_LIBS = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
QT_DESKTOP_LIBS = {  # only needed for a real window (xcb), not for offscreen tests
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
TEST_TOOLS = {"pdftotext": "poppler-utils", "pdffonts": "poppler-utils"}


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def run(cmd: list[str | os.PathLike[str]], **kwargs: object) -> None:
    result = subprocess.run([str(c) for c in cmd], check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        sys.exit(result.returncode)


def apt_install(packages: list[str], why: str) -> None:
    """Install Debian packages when this user may; otherwise say what to install."""
    if not packages:
        return
    if not shutil.which("apt-get"):
        say(f"{why}: please install {' '.join(packages)} with your system's package manager.")
        return
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if not shutil.which("sudo"):
            say(f"{why}: please run: apt-get install {' '.join(packages)}")
            return
        prefix = ["sudo"]
    say(f"{why}: installing {' '.join(packages)} with apt")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False, env=env)
    install = subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        check=False,
        env=env,
    )
    if update.returncode or install.returncode:
        say(f"apt could not install {' '.join(packages)}; continuing without them.")


def missing_libraries(libs: dict[str, str]) -> list[str]:
    if platform.system() != "Linux" or not shutil.which("ldconfig"):
        return []
    try:
        known = subprocess.run(
            ["ldconfig", "-p"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return []
    return sorted({pkg for lib, pkg in libs.items() if lib not in known})


def ensure_venv() -> None:
    if venv_python().exists():
        return
    say(f"creating the virtual environment in {VENV}")
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    if made.returncode != 0 or not venv_python().exists():
        # Debian ships venv without ensurepip unless python3-venv is installed.
        shutil.rmtree(VENV, ignore_errors=True)
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        apt_install(["python3-venv", f"python{version}-venv"], "Python's venv module")
        run([sys.executable, "-m", "venv", str(VENV)])


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project["optional-dependencies"][extra]
    return reqs


def installed_requirements() -> set[str]:
    """The requirement lines already installed into .venv (as pyproject.toml wrote them)."""
    try:
        data = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()  # none yet, or the one-line digest of an older dev.py: install once more
    return {str(line) for line in data} if isinstance(data, list) else set()


def ensure_dependencies(extras: list[str]) -> None:
    """Install the requirement lines not installed yet: run (no extras) and test ("dev") share
    what they have in common, so switching between them installs nothing; a line changed in
    pyproject.toml is new and gets installed. pip is used as the venv brought it."""
    reqs = requirements(extras)
    done = installed_requirements()
    missing = [req for req in reqs if req not in done]
    if not missing:
        return
    say(f"installing {len(missing)} Python dependencies (first time or pyproject.toml changed)")
    pip: list[str | os.PathLike[str]] = [venv_python(), "-m", "pip"]
    run([*pip, "--disable-pip-version-check", "install", "-q", *missing])
    STAMP.write_text(json.dumps(sorted(done | set(missing)), indent=0), encoding="utf-8")


def compile_catalogs() -> None:
    run([venv_python(), str(ROOT / "tools" / "i18n.py"), "compile"], cwd=ROOT)


def setup(extras: list[str], *, desktop: bool, test_tools: bool) -> None:
    libs = dict(QT_LIBS)
    if desktop:
        libs.update(QT_DESKTOP_LIBS)
    apt_install(missing_libraries(libs), "Qt's system libraries")
    if test_tools and platform.system() == "Linux":
        apt_install(
            sorted({pkg for tool, pkg in TEST_TOOLS.items() if not shutil.which(tool)}),
            "PDF tools used by the tests",
        )
    ensure_venv()
    ensure_dependencies(extras)
    compile_catalogs()


def no_screen() -> bool:
    """Linux without a desktop session: Qt would abort with a misleading xcb message."""
    return (
        platform.system() == "Linux"
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )


def cmd_run(args: list[str]) -> None:
    if no_screen():
        say(
            "no screen found (DISPLAY is not set): ICT Desk needs a desktop session to open its"
            " window. Start it from the desktop, or use the command line: python3 dev.py cli --help"
        )
        sys.exit(1)
    setup([], desktop=True, test_tools=False)
    run([venv_python(), str(ROOT / "main.py"), "--demo-on-first-start", *args], cwd=ROOT)


def cmd_cli(args: list[str]) -> None:
    """A command-line task with the project's own Python (what main.py needs is in .venv)."""
    setup([], desktop=False, test_tools=False)
    result = subprocess.run([str(venv_python()), str(ROOT / "main.py"), *args], check=False)
    sys.exit(result.returncode)


def cmd_test(args: list[str]) -> None:
    setup(["dev"], desktop=False, test_tools=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    py = venv_python()
    say("ruff")
    run([py, "-m", "ruff", "check", "."], cwd=ROOT)
    run([py, "-m", "ruff", "format", "--check", "."], cwd=ROOT)
    say("mypy")
    run([py, "-m", "mypy"], cwd=ROOT)
    say("import-linter (the architecture's contracts in pyproject.toml)")
    run(
        [VENV / ("Scripts/lint-imports.exe" if WINDOWS else "bin/lint-imports"), "--no-cache"],
        cwd=ROOT,
    )
    say("pytest")
    run([py, "-m", "pytest", *args], cwd=ROOT, env=env)


def cmd_freeze(args: list[str]) -> None:
    setup(["build"], desktop=False, test_tools=False)
    py = venv_python()
    run([py, "-m", "PyInstaller", "--noconfirm", "--clean", "installer.spec"], cwd=ROOT)
    exe = ROOT / "dist" / "ictdesk" / ("ictdesk.exe" if WINDOWS else "ictdesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    scratch = None
    if not any(arg.startswith("--database") for arg in args):
        # A fresh database and workstation config: the bundle's own migrations must build the
        # schema and seed the demo office, whatever this machine's data folder already holds.
        scratch = Path(tempfile.mkdtemp(prefix="ictdesk-selftest-"))
        args = ["--database", "sqlite:///" + (scratch / "selftest.sqlite3").as_posix(), *args]
        env["ICTDESK_CONFIG_DIR"] = str(scratch / "config")
    say(f"self-test of the frozen app: {exe}")
    run([exe, "--self-test", *args], cwd=ROOT / "dist", env=env)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


COMMANDS = {"run": cmd_run, "cli": cmd_cli, "test": cmd_test, "freeze": cmd_freeze}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

"""Start-up time: ``python main.py --self-test`` on a demo database against a bare PySide6 script
that opens a QMainWindow with six tabs. Runs alternate (so machine load hits both alike); prints both
medians and their ratio (target: at most 1.5).

    .venv/bin/python tests/benchmarks/startup.py [--runs 7] [--database URL] [--login]

Without ``--database`` a demo database is made once in a temporary folder (not timed). The
self-test also renders a memo PDF and builds every tab, so the ratio covers more than opening a
window: it is what a user waits for, plus a document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
for n in range(6):
    tabs.addTab(QLabel(f"tab {n}"), f"tab {n}")
window.setCentralWidget(tabs)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


# The real start with a scripted login: the time until the login dialog is up, from the login
# being accepted to the main window shown, and until its first background loads are done.
LOGIN = """
import time
began = time.perf_counter()
import sys
sys.argv = ["main.py", "--database", sys.argv[1]]
import desktop.cli
import desktop.app
import desktop.login
import desktop.shell
from PySide6.QtCore import QTimer
from desktop import worker

marks = {}
real_exec = desktop.login.LoginDialog.exec

def scripted_exec(dialog):
    marks["login_dialog"] = time.perf_counter() - began
    def fill():
        dialog.username.setText("admin")
        dialog.password.setText("demo1234")
        marks["login_accepted"] = time.perf_counter() - began
        dialog.attempt()  # the password is checked (argon2id) in the worker
    QTimer.singleShot(0, fill)
    return real_exec(dialog)

desktop.login.LoginDialog.exec = scripted_exec
real_logged_in = desktop.login.LoginDialog._logged_in

def timed_logged_in(dialog, data):
    marks["password_checked"] = time.perf_counter() - began
    real_logged_in(dialog, data)

desktop.login.LoginDialog._logged_in = timed_logged_in
real_show = desktop.shell.Shell.show_main

def timed_show(shell, user):
    real_show(shell, user)
    marks["window_shown"] = time.perf_counter() - began
    def loaded():
        if worker.running_count():
            QTimer.singleShot(5, loaded)
            return
        marks["first_loads_done"] = time.perf_counter() - began
        print(" ".join(f"{k}={v:.3f}" for k, v in marks.items()), flush=True)
        shell.quit()
    QTimer.singleShot(0, loaded)

desktop.shell.Shell.show_main = timed_show
sys.exit(desktop.cli.main())
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", help="database URL (default: a fresh demo SQLite file)")
    parser.add_argument(
        "--login",
        action="store_true",
        help="also time the real start with a scripted login (admin / demo1234)",
    )
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="ictdesk-bench-") as folder:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            ICTDESK_CONFIG_DIR=str(Path(folder) / "config"),
            PYTHONDONTWRITEBYTECODE="0",
        )
        url = args.database or "sqlite:///" + str(Path(folder) / "demo.sqlite3")
        app = [python, "main.py", "--database", url, "--self-test"]
        bare = [python, "-c", BARE]
        print(f"preparing: {url}", flush=True)
        timed(app, env)  # migrate and seed the demo office once; warms the file cache
        timed(bare, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        for run in range(args.runs):
            bare_times.append(timed(bare, env))
            app_times.append(timed(app, env))
            print(
                f"run {run + 1}: bare {bare_times[-1]:.2f} s, ICT Desk {app_times[-1]:.2f} s",
                flush=True,
            )
        app_median = statistics.median(app_times)
        bare_median = statistics.median(bare_times)
        print(f"bare PySide6 window, six tabs: median {bare_median:.2f} s")
        print(f"ICT Desk --self-test:          median {app_median:.2f} s")
        print(f"ratio: {app_median / bare_median:.2f} (target <= 1.5)")
        if args.login:
            login_marks(python, url, env, args.runs)


def login_marks(python: str, url: str, env: dict[str, str], runs: int) -> None:
    """Medians of the real start's marks (seconds from the interpreter's first line)."""
    found: dict[str, list[float]] = {}
    for _run in range(runs):
        result = subprocess.run(
            [python, "-c", LOGIN, url], cwd=ROOT, env=env, capture_output=True, text=True
        )
        line = next((x for x in result.stdout.splitlines() if "window_shown=" in x), None)
        if result.returncode != 0 or line is None:
            sys.exit(f"the scripted login failed:\n{result.stdout}\n{result.stderr}")
        for part in line.split():
            key, value = part.split("=")
            found.setdefault(key, []).append(float(value))
    print("real start with a scripted login (medians, seconds after the interpreter started):")
    for key, values in found.items():
        print(f"  {key.replace('_', ' ')}: {statistics.median(values):.3f}")


if __name__ == "__main__":
    main()

"""This workstation's own settings (a JSON file in the user's config folder): which database to open,
the interface language, the window geometry. Office-wide settings live in the database instead.

Server passwords are never written here: ``desktop.secrets`` keeps them in the OS keyring.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from models.db import APP_NAME

CONFIG_ENV = "ICTDESK_CONFIG_DIR"  # tests and portable installs point this elsewhere


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    return (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )


def log_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass
class WorkstationConfig:
    database_url: str = ""  # empty: the embedded SQLite file in the user's data folder
    language: str = "th"
    recent_databases: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    splitter_sizes: dict[str, list[int]] = field(default_factory=dict)  # by splitter name
    last_username: str = ""
    connect_timeout_s: int = 3  # a server that takes longer counts as away (offline replica)
    text_scale: float = 1.0  # the user's text size (preferences): 1.0 = 100 %

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "workstation.json"

    @classmethod
    def load(cls) -> WorkstationConfig:
        try:
            data: dict[str, Any] = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        # Unknown keys (from a newer version) are ignored; missing keys take their defaults.
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self) -> None:
        target = self.path()
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_suffix(".tmp")
        temp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        temp.replace(target)

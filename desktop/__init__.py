"""The application shell: start-up, main window, login, settings, workers, translations.

Modules here that the command line uses (config, secrets, cli) do not import Qt, so CLI tasks start
fast and run on machines without a display."""

APP_VERSION = "0.1.0"  # keep equal to pyproject.toml's version (a test checks)

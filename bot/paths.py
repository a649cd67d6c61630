"""Where the bot finds its files.

Shipped data (data/*, intents/*.yaml) is read through importlib.resources: the repository keeps
`data/` and `intents/` at its top level and the build installs them as the packages `bot.data`
and `bot.intents`, so a wheel and an editable install find them the same way. User files (`.env`,
config.yaml, the corpus cache) live in the working directory or the platform's user folders
(platformdirs: ~/.config/profile-bot and ~/.cache/profile-bot on Linux), never beside the package.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "profile-bot"


def _package_folder(package: str) -> Path:
    folder = files(package)
    if not isinstance(folder, Path):  # only a zipped install could give anything else
        raise ImportError(f"{package} must be installed as files on disk (pip install), not inside an archive")
    return folder


DATA_DIR = _package_folder("bot.data")
INTENTS_DIR = _package_folder("bot.intents")

DEFAULT_PROFILE = DATA_DIR / "guohai_xu.yaml"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.yaml"
CATEGORIES_FILE = DATA_DIR / "arxiv_categories.yaml"
GENERIC_TERMS_FILE = DATA_DIR / "generic_terms.yaml"
STOPWORDS_FILE = DATA_DIR / "stopwords.yaml"
NUMBERS_FILE = DATA_DIR / "numbers.yaml"

# The folder that holds the bot package: the clone in a development install (where ../shared may
# sit beside it), site-packages in an installed wheel. Only tools run from a clone rely on it.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def user_config_dir() -> Path:
    """~/.config/profile-bot on Linux ($XDG_CONFIG_HOME honoured): `.env` and config.yaml."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def user_cache_dir() -> Path:
    """~/.cache/profile-bot on Linux ($XDG_CACHE_HOME honoured): JSON copies of large corpora."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)

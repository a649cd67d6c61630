"""Where the bot finds its files.

Shipped data (data/*, intents/*.yaml) is read through importlib.resources: the repository keeps
`data/` and `intents/` at its top level and the build installs them as the packages `bot.data`
and `bot.intents`, so a wheel and an editable install find them the same way. User files (`.env`,
config.yaml, the corpus cache) live in the working directory or the platform's user folders
(platformdirs: ~/.config/profile-bot and ~/.cache/profile-bot on Linux), never beside the package.
"""

from __future__ import annotations

import os
import sys
from importlib.util import find_spec
from pathlib import Path

APP_NAME = "profile-bot"


# The folder that holds the bot package: the clone in a development install (where ../shared may
# sit beside it), site-packages in an installed wheel.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _shipped_folder(package: str) -> Path:
    """The folder of `bot.data` or `bot.intents`, as installed. Code run straight from a clone
    (`python -m bot` in it, whose ./bot comes before any installed copy) finds no such package
    unless the install is editable; the folder then sits at the top of the clone."""
    # find_spec, not importlib.resources.files: the same folder without importing zipfile and the
    # resource readers (3 ms a start)
    spec = find_spec(package)
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        folder = PROJECT_ROOT / package.rpartition(".")[2]
        if not folder.is_dir():
            raise ModuleNotFoundError(f"No module named {package!r}")
        return folder
    folder = Path(locations[0])
    if not folder.is_dir():  # only a zipped install could give anything else
        raise ImportError(f"{package} must be installed as files on disk (pip install), not inside an archive")
    return folder


DATA_DIR = _shipped_folder("bot.data")
INTENTS_DIR = _shipped_folder("bot.intents")

DEFAULT_PROFILE = DATA_DIR / "guohai_xu.yaml"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.yaml"
CATEGORIES_FILE = DATA_DIR / "arxiv_categories.yaml"
GENERIC_TERMS_FILE = DATA_DIR / "generic_terms.yaml"
STOPWORDS_FILE = DATA_DIR / "stopwords.yaml"
NAME_PARTICLES_FILE = DATA_DIR / "name_particles.yaml"
NUMBERS_FILE = DATA_DIR / "numbers.yaml"
TIME_WORDS_FILE = DATA_DIR / "time_words.yaml"
CONCEPTS_FILE = DATA_DIR / "concepts.yaml"
METRICS_FILE = DATA_DIR / "metrics.yaml"
VOCABULARY_FILE = DATA_DIR / "vocabulary.yaml"
KEYBOARD_FILE = DATA_DIR / "keyboard.yaml"


def user_config_dir() -> Path:
    """~/.config/profile-bot on Linux ($XDG_CONFIG_HOME honoured): `.env` and config.yaml."""
    if sys.platform.startswith("linux"):
        return _xdg_folder("XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def user_cache_dir() -> Path:
    """~/.cache/profile-bot on Linux ($XDG_CACHE_HOME honoured): JSON copies of large corpora."""
    if sys.platform.startswith("linux"):
        return _xdg_folder("XDG_CACHE_HOME", "~/.cache")
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def _xdg_folder(variable: str, default: str) -> Path:
    """The XDG base directory rule platformdirs follows on Linux (an absolute $variable, else the
    default under the home folder), without importing platformdirs: its import compiles patterns
    for files this bot never reads (4 ms a start). tests/test_settings.py checks both agree."""
    base = os.environ.get(variable, "")
    return Path(base if os.path.isabs(base) else os.path.expanduser(default)) / APP_NAME

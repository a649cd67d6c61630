"""Only the package list lives here: everything else is in pyproject.toml.

pyproject.toml cannot combine package discovery with extra packages, and `data/` and `intents/`
stay at the repository's top level while installing as `bot.data` and `bot.intents` (mapped by
[tool.setuptools.package-dir]); every subpackage of bot/ is found, so none can be left out."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["bot", "bot.*"]), "bot.data", "bot.intents"])

"""The shipped data files (word lists, gazetteers, the default profile), installed as `bot.data`.

This folder stays at the top of the repository; pyproject.toml maps it into the package so that
bot.paths finds it through importlib.resources in a wheel and in an editable install alike."""

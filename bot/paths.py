"""Locations of the project's data, resolved from the package, never from the working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
INTENTS_DIR = PROJECT_ROOT / "intents"

DEFAULT_PROFILE = DATA_DIR / "guohai_xu.yaml"
BENCHMARKS_FILE = DATA_DIR / "benchmarks.yaml"
CATEGORIES_FILE = DATA_DIR / "arxiv_categories.yaml"
GENERIC_TERMS_FILE = DATA_DIR / "generic_terms.yaml"
STOPWORDS_FILE = DATA_DIR / "stopwords.yaml"
NUMBERS_FILE = DATA_DIR / "numbers.yaml"
TIME_WORDS_FILE = DATA_DIR / "time_words.yaml"
CONCEPTS_FILE = DATA_DIR / "concepts.yaml"
METRICS_FILE = DATA_DIR / "metrics.yaml"
VOCABULARY_FILE = DATA_DIR / "vocabulary.yaml"

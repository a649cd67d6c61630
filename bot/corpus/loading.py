"""Load a corpus from a `.yaml` corpus or a `.txt` profile page; write a corpus as YAML."""

from __future__ import annotations

import os
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

from bot.clock import today
from bot.corpus.cache import CACHE_FROM_BYTES, cached_document
from bot.corpus.errors import ProfileError
from bot.corpus.model import Corpus
from bot.corpus.schema import SchemaError, check_corpus_document
from bot.paths import DATA_DIR
from bot.yaml_io import dump_yaml, load_yaml_text

PAGE_SUFFIXES = {".txt", ".text", ""}


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ProfileError(str(path), None, f"cannot read the file: {err.strerror or err}") from None


def check_readable(path: Path) -> None:
    """Raise the ProfileError loading would, without reading the whole file (a bad path is said first)."""
    try:
        with path.open("rb"):
            pass
    except OSError as err:
        raise ProfileError(str(path), None, f"cannot read the file: {err.strerror or err}") from None


def read_corpus_document(
    path: Path, as_of: date | None = None, cache: bool = True, copy_later: bool = False
) -> dict[str, Any]:
    """The corpus document of a page (parsed now) or of a YAML corpus (checked against the schema).

    Large files are read through a JSON copy keyed by their bytes (bot.corpus.cache) unless `cache` is
    False; with `copy_later` a new copy waits for bot.corpus.cache.write_pending_copies()."""
    raw = _read(path)
    if is_page(path):
        from bot.corpus.page_parser import parse_page  # only pages need it: a YAML corpus loads without

        effective = as_of or today()
        produce = partial(parse_page, raw, str(path), effective)
        if not cache or len(raw) < CACHE_FROM_BYTES:
            return produce()  # (small pages skip the copy and the digest of the parser)
        variant = f"page@{effective.isoformat()}@{parser_digest()}"
    else:
        produce = partial(_yaml_document, raw, path)
        variant = "yaml"
    return cached_document(raw, variant, produce, copy_later) if cache else produce()


@cache
def parser_digest() -> str:
    """What a page's parse depends on besides the page (the parser's code and the data files it
    reads): a copy made by another version is never read."""
    from bot.corpus.cache import blake2b

    corpus = Path(__file__).parent
    sources = [*sorted(corpus.glob("*.py")), *sorted(DATA_DIR.glob("*.yaml"))]
    digest = blake2b(digest_size=8)
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _yaml_document(raw: bytes, path: Path) -> dict[str, Any]:
    import yaml

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(str(path), None, "expected a UTF-8 YAML corpus, found bytes that are not UTF-8") from None
    try:
        document = load_yaml_text(text)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise ProfileError(str(path), line, f"expected a YAML corpus: {err.problem}") from None
    except yaml.YAMLError as err:
        raise ProfileError(str(path), None, f"expected a YAML corpus: {type(err).__name__}") from None
    try:
        check_corpus_document(document)
    except SchemaError as err:
        raise ProfileError(str(path), None, f"{err.where}: {err.message}") from None
    return document  # type: ignore[no-any-return]


def load_corpus(path: Path, as_of: date | None = None, cache: bool = True) -> Corpus:
    return Corpus.from_document(read_corpus_document(path, as_of, cache))


def corpus_yaml(document: dict[str, Any]) -> str:
    return dump_yaml(document)


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace `path` in one step, so a reader never sees half a file and a failure leaves the old one.
    Text is written as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        # mkstemp creates the file 0600; give it the mode a plain open() would (or the old file's).
        umask = os.umask(0)
        os.umask(umask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

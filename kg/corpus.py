"""Files -> Article records.

Articles are `.txt` (first line = headline) or `.md` files, optionally opening with YAML front matter
(`title`, `source`, `published`, `url`). A file that cannot be used becomes a `Problem` (one line naming
the file and the reason) and the rest of the corpus still builds; so does a folder that cannot be
listed. An article longer than MAX_ARTICLE_CHARS is read up to a break before the limit, and said so
(a `Problem` that does not skip the file).
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import yaml

from kg.errors import InputError, UsageError
from kg.files import NotRegularFileError, read_regular_file
from kg.model import Article, Problem

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
FRONT_MATTER_KEYS = ("title", "source", "published", "url")
# A first line longer than this is a lead paragraph, not a headline: keep its first sentence.
MAX_HEADLINE_CHARS = 160
BINARY_SNIFF_BYTES = 8192
# The longest article read, in characters: twice the longest real news articles (under 100,000). The
# parser's memory grows with the text (~3.5 MB per 1,000 characters), and the build runs one worker
# per core: one worker parses and reads 200,000 characters in ~0.8 GB (bench/long_articles.py), 500,000
# would take 1.7 GB. A longer text is read up to a paragraph, sentence or word break before this.
MAX_ARTICLE_CHARS = 200_000
# The most of a file read: a text of MAX_ARTICLE_CHARS takes at most 4 bytes a character, and more
# than this is never needed; a bigger file (a sparse or runaway one) is read only this far.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Where a long text may be cut, best first: a paragraph's end, a sentence's end, any space.
CUT_POINTS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'’”)\]]*\s"), re.compile(r"\s"))
# A break this far back from the limit is kept to: nearer the start, the next kind of break is used.
MIN_CUT_SHARE = 0.9
# zero-width space, word joiner, soft hyphen, byte order mark: removed from the text
INVISIBLE = str.maketrans("", "", "\u200b\u2060\u00ad\ufeff")


def find_article_files(paths: Iterable[str | Path], problems: list[Problem] | None = None) -> list[Path]:
    """Article files under `paths` (files as given, folders searched recursively, hidden ones and
    links to folders not entered), sorted, no repeats. A folder that cannot be listed is added to
    `problems` (when given), as an unreadable file is: its articles would be missing unsaid."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(_files_under(path, problems if problems is not None else [])))
        elif path.is_file() or path.is_symlink():  # a broken link is reported when read
            found.append(path)
        elif path.exists():
            raise UsageError(f"{path}: not a regular file or folder")
        else:
            raise UsageError(f"{path}: no such file or folder")
    unique = dict.fromkeys(found)  # keep order, drop a file given twice
    return list(unique)


def _files_under(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """The article files (and links named like one) under `folder`, outside hidden folders."""
    def unlisted(error: OSError) -> None:
        problems.append(Problem(error.filename or str(folder), f"folder cannot be listed: {error.strerror or error}"))

    for top, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        linked_folders = [name for name in folders if os.path.islink(os.path.join(top, name))]
        for name in [*files, *linked_folders]:  # a link to a folder named 'x.txt' is reported when read
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(top, name)


def read_articles(paths: Iterable[str | Path]) -> tuple[list[Article], list[Problem]]:
    """Read every article under `paths`; unusable files (and unlistable folders) are returned as
    problems, not raised, and so is an article read only in part (`Problem.skipped` False)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    ids: set[str] = set()
    for path in find_article_files(paths, problems):
        try:
            article = read_article(path)
        except InputError as error:
            problems.append(Problem(str(path), str(error)))
            continue
        if article.read_in_part_of is not None:  # built, but the user must know its end is missing
            problems.append(Problem(str(path), f"{article.read_in_part_of}; only the first "
                                               f"{len(article.text):,} characters were read", skipped=False))
        if article.id in ids:  # same file name in two folders: keep both, told apart by path
            article = replace(article, id=f"{article.id}-{_short_hash(str(path))}")
        ids.add(article.id)
        articles.append(article)
    return articles, problems


def read_article(path: Path) -> Article:
    """Read one article file; raise InputError with the reason when it cannot be used."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"not an article file (expected {' or '.join(ARTICLE_SUFFIXES)})")
    try:
        data, size = read_regular_file(path, MAX_FILE_BYTES)
    except NotRegularFileError:  # through links: a pipe would block, /dev/zero never end
        raise InputError("not a regular file (a pipe, device or socket is never read)") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    raw = _decoded(data, cut=size > len(data))
    text = clean_text(raw)
    meta, text = split_front_matter(text)
    if not text.strip():
        raise InputError("empty article (no text)")
    text, length = cut_to_limit(text)
    whole = f"{size:,} bytes" if size > len(data) else f"{length:,} characters"
    title = str(meta.get("title") or headline(text, markdown=path.suffix.lower() == ".md"))
    return Article(
        id=slugify(path.stem) or _short_hash(str(path)),
        path=str(path),
        title=title,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        source=_optional_str(meta.get("source")),
        published=_parse_date(meta.get("published")),
        url=_optional_str(meta.get("url")),
        read_in_part_of=whole if size > len(data) or length > len(text) else None,
    )


def _decoded(data: bytes, *, cut: bool = False) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16 with one; anything else is refused. When
    the data was `cut` from a longer file, a character it cut in two is dropped."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("binary file, not text (accepted: UTF-8, or UTF-16 with a byte order mark)")
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        if cut and error.start >= len(data) - 4:  # the last character, cut in two
            return data[: error.start].decode("utf-16" if utf16 else "utf-8-sig")
        if utf16:
            raise InputError(f"not UTF-16 text, though it opens with its byte order mark ({error.reason})") from error
        raise InputError(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from error


def clean_text(raw: str) -> str:
    """Normalise newlines and Unicode composition so offsets and names compare reliably, without
    the invisible characters that would keep two writings of a name apart ('Goo\u200bgle'): zero-width
    spaces, word joiners, soft hyphens and stray byte order marks (not the joiners some scripts need)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(INVISIBLE)
    return unicodedata.normalize("NFC", text)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter as a dict, the text after it); no front matter gives ({}, text)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise InputError(f"front matter is not valid YAML ({problem})") from error
    except (ValueError, OverflowError) as error:  # 'published: 2025-02-30' passes YAML's date pattern
        raise InputError(f"front matter has an impossible date or time ({error})") from error
    if not isinstance(meta, dict):
        raise InputError("front matter must be a YAML mapping of keys to values")
    unknown = sorted(set(map(str, meta)) - set(FRONT_MATTER_KEYS))
    if unknown:
        raise InputError(
            f"unknown front matter key {unknown[0]!r} (accepted: {', '.join(FRONT_MATTER_KEYS)})"
        )
    return meta, text[match.end():]


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases: a few hundred bytes of nested '*name' references expand to
    gigabytes, and front matter never needs them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not accepted", self.peek_event().start_mark)
        return super().compose_node(parent, index)


def cut_to_limit(text: str, limit: int | None = None) -> tuple[str, int]:
    """The text, or when it is longer than `limit` (MAX_ARTICLE_CHARS) its beginning up to the last
    paragraph break before the limit (else the last sentence end, else the last space, else the
    limit itself, all within the last tenth); and the length of the whole text."""
    limit = MAX_ARTICLE_CHARS if limit is None else limit
    if len(text) <= limit:
        return text, len(text)
    for cut_point in CUT_POINTS:
        end = max((m.end() for m in cut_point.finditer(text, int(limit * MIN_CUT_SHARE), limit)), default=None)
        if end is not None:
            return text[:end].rstrip(), len(text)
    return text[:limit], len(text)


def headline(text: str, *, markdown: bool = False) -> str:
    """The first non-empty line; a leading '#' is dropped in Markdown; a paragraph is cut to a sentence."""
    first = next(line.strip() for line in text.splitlines() if line.strip())
    if markdown:
        first = first.lstrip("#").strip()
    if len(first) > MAX_HEADLINE_CHARS:
        sentence_end = re.search(r"[.!?](\s|$)", first)
        first = first[: sentence_end.start() + 1] if sentence_end else first[:MAX_HEADLINE_CHARS] + "…"
    return first


def slugify(value: str) -> str:
    """Lower-case ASCII words joined by '-': 'Côte d'Ivoire 2024' -> 'cote-d-ivoire-2024'."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _short_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:8]


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _parse_date(value: object) -> dt.date | dt.datetime | None:
    if value is None or isinstance(value, (dt.date, dt.datetime)):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError as error:
        raise InputError(
            f"front matter 'published' is not an ISO date: {value!r} (e.g. 2025-06-07)"
        ) from error


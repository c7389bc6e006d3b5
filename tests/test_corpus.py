from __future__ import annotations

import datetime as dt
import os

import pytest

from kg.corpus import (
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    cut_to_limit,
    find_article_files,
    headline,
    read_articles,
    slugify,
)
from kg.errors import UsageError
from tests.conftest import write


def test_txt_first_line_is_the_headline(tmp_path):
    write(tmp_path, "a.txt", "Ministers meet in Paris\n\nThe ministers met on Monday.\n")
    [article], problems = read_articles([tmp_path])
    assert problems == []
    assert article.title == "Ministers meet in Paris"
    assert article.id == "a"
    assert article.text.startswith("Ministers meet in Paris")
    assert len(article.sha256) == 64


def test_front_matter_is_read_and_removed(tmp_path):
    write(tmp_path, "b.md", "---\ntitle: Talks end\nsource: Daily Planet\npublished: 2025-06-07\n"
                            "url: https://example.com/a\n---\n# Ignored heading\n\nBody text here.\n")
    [article], _ = read_articles([tmp_path])
    assert article.title == "Talks end"
    assert article.source == "Daily Planet"
    assert article.published == dt.date(2025, 6, 7)
    assert article.url == "https://example.com/a"
    assert article.text.startswith("# Ignored heading")


def test_markdown_heading_becomes_the_title(tmp_path):
    write(tmp_path, "c.md", "# Storm hits coast\n\nWinds reached 100 mph.\n")
    [article], _ = read_articles([tmp_path])
    assert article.title == "Storm hits coast"


def test_lead_paragraph_on_the_first_line_is_cut_to_its_first_sentence():
    line = "Many firms can finally relax. " + "More words follow here. " * 10
    assert headline(line) == "Many firms can finally relax."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", "", "empty article"),
        ("blank.txt", "  \n\n \t\n", "empty article"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 owners protest\n".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
        ("bad-yaml.md", "---\ntitle: [unclosed\n---\nText.\n", "front matter is not valid YAML"),
        ("bad-key.md", "---\nauthor: X\n---\nText.\n", "unknown front matter key 'author'"),
        ("bad-date.md", "---\npublished: next week\n---\nText.\n", "'published' is not an ISO date"),
        # dates YAML's pattern takes that no calendar has
        ("feb-30.md", "---\npublished: 2025-02-30\n---\nText.\n", "impossible date or time (day is out of range"),
        ("month-13.md", "---\npublished: 2025-13-01\n---\nText.\n", "impossible date or time (month must be"),
        ("hour-25.md", "---\npublished: 2025-06-07 25:00:00\n---\nText.\n", "impossible date or time (hour must be"),
        # aliases nested a few levels deep (465 bytes) would expand to gigabytes
        ("aliases.md", ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        "title: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nText.\n"), "aliases (*name) are not accepted"),
    ],
)
def test_unusable_file_is_reported_in_one_line_and_skipped(tmp_path, name, content, reason):
    write(tmp_path, "good.txt", "Good headline\n\nA usable article.\n")
    write(tmp_path, name, content)
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    [problem] = problems
    assert problem.path.endswith(name)
    assert reason in problem.reason
    assert "\n" not in str(problem)


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_a_link_to_a_pipe_or_a_device_is_reported_not_read(tmp_path, target):
    """Reading a pipe would block forever and /dev/zero would never end: neither is opened."""
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = tmp_path / "fifo"
    (tmp_path / "x.txt").symlink_to(target)
    write(tmp_path, "good.txt", "Good headline\n\nA usable article.\n")
    articles, [problem] = read_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert problem.path.endswith("x.txt") and "not a regular file" in problem.reason


def test_broken_link_is_reported_as_unreadable(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    articles, [problem] = read_articles([tmp_path])
    assert articles == []
    assert "cannot read" in problem.reason


def test_folders_are_searched_for_article_files_only(tmp_path):
    write(tmp_path, "x/one.txt", "One\n\nText.\n")
    write(tmp_path, "x/two.md", "Two\n\nText.\n")
    write(tmp_path, "x/notes.pdf", b"%PDF")
    write(tmp_path, "x/.hidden/three.txt", "Three\n\nText.\n")
    assert [p.name for p in find_article_files([tmp_path / "x"])] == ["one.txt", "two.md"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file or folder"):
        find_article_files([tmp_path / "nope"])


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    write(tmp_path, "a/story.txt", "A\n\nText.\n")
    write(tmp_path, "b/story.txt", "B\n\nText.\n")
    articles, _ = read_articles([tmp_path])
    assert len({a.id for a in articles}) == 2


def test_crlf_and_bom_are_normalised(tmp_path):
    write(tmp_path, "w.txt", "\ufeffTitle\r\n\r\nBody.\r\n".encode("utf-8"))
    [article], _ = read_articles([tmp_path])
    assert article.title == "Title"
    assert "\r" not in article.text


@pytest.mark.parametrize(("value", "slug"), [("Côte d'Ivoire 2024", "cote-d-ivoire-2024"), ("  A--B  ", "a-b")])
def test_slugify(value, slug):
    assert slugify(value) == slug


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    write(tmp_path, "a.txt", "Copper talks\n\nThe mine will close.\n".encode("utf-16"))
    [article] = read_articles([tmp_path])[0]
    assert (article.title, article.text) == ("Copper talks", "Copper talks\n\nThe mine will close.\n")


def test_invisible_characters_never_keep_two_writings_of_a_name_apart(tmp_path):
    write(tmp_path, "a.txt", "Copper talks\n\nGoo\u200bgle Inc. and Acme\u2060 Mi\u00adning said the mine will close.\n")
    [article] = read_articles([tmp_path])[0]
    assert "Google Inc. and Acme Mining said" in article.text


def test_a_long_text_is_cut_at_the_last_paragraph_break_before_the_limit():
    first = "One sentence. " * 6 + "Another."  # 92 characters
    text = first + "\n\nThe next paragraph runs past the limit."
    assert cut_to_limit(text, limit=100) == (first, len(text))


def test_a_long_paragraph_is_cut_at_a_sentence_end_else_at_a_space():
    sentences = "One sentence. " * 7 + "And another one"  # the last full stop at 97
    assert cut_to_limit(sentences, limit=100)[0] == "One sentence. " * 6 + "One sentence."
    words = "word " * 30  # spaces every 5 characters
    assert cut_to_limit(words, limit=100)[0] == ("word " * 20).strip()
    assert cut_to_limit("x" * 150, limit=100) == ("x" * 100, 150)  # no break at all: the limit itself
    # a break before the last tenth is too far back: the next kind of break is taken
    assert cut_to_limit("Short.\n\n" + "word " * 40, limit=100)[0].endswith("word")


def test_a_text_within_the_limit_is_read_whole():
    assert cut_to_limit("Short.\n\nText.", limit=40) == ("Short.\n\nText.", 13)


def test_an_article_over_the_limit_is_read_in_part_and_said_so(tmp_path):
    paragraph = "The ministers met again on Monday and agreed on nothing at all.\n\n"
    write(tmp_path, "long.txt", "Talks go on\n\n" + paragraph * (MAX_ARTICLE_CHARS // len(paragraph) + 10))
    [article], [problem] = read_articles([tmp_path])
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith("at all.")
    whole = len("Talks go on\n\n" + paragraph * (MAX_ARTICLE_CHARS // len(paragraph) + 10))
    assert article.read_in_part_of == f"{whole:,} characters"
    assert not problem.skipped
    assert str(problem) == (f"{tmp_path / 'long.txt'}: {whole:,} characters; "
                            f"only the first {len(article.text):,} characters were read")


@pytest.mark.parametrize(("encoding", "filler"), [("utf-8", "€"), ("utf-16", "𝄞")])
def test_a_file_too_big_to_read_whole_is_read_as_far_as_needed(tmp_path, encoding, filler):
    """A sparse file of a terabyte is read only as far as MAX_FILE_BYTES (where a character of 3 or 4
    bytes is cut in two, and dropped); the warning gives its size in bytes."""
    path = tmp_path / "huge.txt"
    data = ("Talks go on\n\nThe ministers met again. " + filler * (MAX_FILE_BYTES // 3)).encode(encoding)
    with pytest.raises(UnicodeDecodeError):  # the limit cuts a character in two
        data[:MAX_FILE_BYTES].decode(encoding)
    with open(path, "wb") as handle:
        handle.write(data[: MAX_FILE_BYTES + 10])
        handle.truncate(2**40)  # the rest: a hole, never read
    [article], [problem] = read_articles([path])
    assert article.text.startswith("Talks go on") and len(article.text) <= MAX_ARTICLE_CHARS
    assert str(problem) == f"{path}: {2**40:,} bytes; only the first {len(article.text):,} characters were read"


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder; test_a_folder_too_deep_to_list_is_reported runs")
def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    write(tmp_path, "in/good.txt", "Talks end\n\nThe talks ended.\n")
    write(tmp_path, "in/locked/hidden.txt", "Talks end\n\nThe talks ended.\n")
    (tmp_path / "in" / "locked").chmod(0)
    try:
        articles, [problem] = read_articles([tmp_path / "in"])
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert [a.id for a in articles] == ["good"]
    assert problem.path == str(tmp_path / "in" / "locked") and problem.skipped
    assert problem.reason == "folder cannot be listed: Permission denied"


def test_a_folder_too_deep_to_list_is_reported(tmp_path):
    """A folder whose path is longer than the system allows (PATH_MAX) cannot be listed by
    anyone, root included: the same report as for a folder one may not read."""
    write(tmp_path, "in/good.txt", "Talks end\n\nThe talks ended.\n")
    deepest = _make_folders_deeper_than_path_max(tmp_path / "in")
    articles, problems = read_articles([tmp_path / "in"])
    assert [a.id for a in articles] == ["good"]
    assert [(p.path, p.reason) for p in problems] == [(deepest, "folder cannot be listed: File name too long")]


def _make_folders_deeper_than_path_max(top) -> str:
    """Nested folders, each made relative to its parent's descriptor, until the path is too long to
    use; the path of the first folder that cannot be listed by its path."""
    name = "d" * 200
    fd = os.open(top, os.O_RDONLY)
    path = str(top)
    try:
        while len(path) <= os.pathconf(top, "PC_PATH_MAX"):
            os.mkdir(name, dir_fd=fd)
            child = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, path = child, f"{path}/{name}"
    finally:
        os.close(fd)
    return path

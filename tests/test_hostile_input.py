"""What a hostile or broken input does to a build (issue 24): an article too long for the parser,
a run-on without sentence ends, an article our code fails on, a worker process that dies, a folder
that cannot be listed. Each gives the good articles beside it built and one line naming the file."""

from __future__ import annotations

import os
import signal

from spacy.language import Language
from typer.testing import CliRunner

from kg import corpus
from kg.build import WORKER_BATCH
from kg.cli import app
from kg.extract.nlp import MAX_RUN_ON_TOKENS
from tests.conftest import write
from tests.test_corpus import _make_folders_deeper_than_path_max

runner = CliRunner()
GOOD = "Talks end\n\nAngela Merkel said that Germany would support the plan.\n"
# what makes spaCy fail (or a worker die) in the tests below: no real text holds it
FAILING_MARK = "kg-test-failing-text"


def _build(tmp_path, *options: str):
    return runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet", *options])


def test_an_article_over_the_limit_is_built_in_part_with_a_warning(tmp_path, monkeypatch):
    # a lower limit, so that the test parses little; kg/corpus.py's test reads one over the real limit
    monkeypatch.setattr(corpus, "MAX_ARTICLE_CHARS", 5_000)
    write(tmp_path, "in/good.txt", GOOD)
    line = "Angela Merkel met the ministers on Monday and they talked at length. " * 150  # one line
    long = write(tmp_path, "in/long.txt", "Talks go on\n" + line)
    result = _build(tmp_path)
    assert result.exit_code == 0, result.output
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning {long}: {len(line) + 12:,} characters; only the first 4,9")
    assert warning.endswith(" characters were read")
    turtle = (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
    assert "long.txt" in turtle and "good.txt" in turtle


def test_a_run_on_is_read_for_names_and_figures_only(read):
    run_on = "Angela Merkel met Emmanuel Macron in Paris and agreed to cut tariffs by 5 percent and " * 40
    extraction = read("Talks go on\n" + run_on + "\nAngela Merkel said that Germany would support the plan.")
    assert len(run_on.split()) > MAX_RUN_ON_TOKENS
    assert "Emmanuel Macron" in {m.text for m in extraction.mentions}
    assert extraction.measurements  # the figures of the run-on
    assert extraction.set_aside_lines == 1
    # every relation and claim comes from the last sentence, none from the run-on
    assert {r.evidence.sentence.text for r in extraction.relations} | {c.evidence.sentence.text for c in extraction.claims} \
        == {"Angela Merkel said that Germany would support the plan."}


def _fail_on_marked_texts(monkeypatch, failure) -> None:
    """spaCy fails (`failure()`) on a text holding FAILING_MARK, as it might on a text it cannot take."""
    pipe = Language.pipe

    def failing_pipe(nlp, texts, *args, **kwargs):
        for item in pipe(nlp, texts, *args, **kwargs):  # spaCy calls itself without as_tuples too
            if FAILING_MARK in (item[0] if isinstance(item, tuple) else item).text:
                failure()
            yield item

    monkeypatch.setattr(Language, "pipe", failing_pipe)


def test_an_article_spacy_fails_on_is_reported_and_the_others_are_built(tmp_path, monkeypatch):
    def fail():
        raise ValueError("[E000] something spaCy cannot do\nover two lines")

    _fail_on_marked_texts(monkeypatch, fail)
    write(tmp_path, "in/a.txt", GOOD)
    bad = write(tmp_path, "in/b.txt", f"Talks fail\n\n{FAILING_MARK} The talks failed.\n")
    write(tmp_path, "in/c.txt", GOOD.replace("Germany", "France"))
    result = _build(tmp_path, "--workers", "1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        (f"skipped {bad}: could not be read (ValueError: [E000] something spaCy cannot do over two lines); "
         "please report this")]
    turtle = (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")
    assert "a.txt" in turtle and "c.txt" in turtle and "b.txt" not in turtle
    # not taken for up to date: the next build tries the article again, and says so again
    again = _build(tmp_path, "--workers", "1")
    assert again.exit_code == 1 and "could not be read" in again.stderr


def test_a_worker_that_dies_stops_the_build_with_one_line(tmp_path, monkeypatch):
    _fail_on_marked_texts(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    for i in range(WORKER_BATCH + 1):  # enough for worker processes
        write(tmp_path, f"in/{i:03}.txt", f"Talks {i}\n\nThe talks went on.\n")
    write(tmp_path, "in/dies.txt", f"Talks fail\n\n{FAILING_MARK}\n")
    result = _build(tmp_path, "--workers", "2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        ("error: a process reading articles died (killed, or out of memory); the build stopped, "
         "and what was read so far is kept for the next build")]
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_a_folder_that_cannot_be_listed_fails_the_build_with_one_line(tmp_path):
    write(tmp_path, "in/good.txt", GOOD)
    deepest = _make_folders_deeper_than_path_max(tmp_path / "in")
    result = _build(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"skipped {deepest}: folder cannot be listed: File name too long"]
    assert "good.txt" in (tmp_path / "out" / "kg.ttl").read_text(encoding="utf-8")

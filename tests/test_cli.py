from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, SKOS, Graph
from typer.testing import CliRunner

from kg.cli import app, shown
from kg.graph.vocab import KG
from kg.read.query import named_queries
from tests.conftest import CORPUS, ROOT, run_kg, write

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-build")
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def _one_clean_line(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_build_prints_a_summary(built):
    _, result = built
    assert re.search(r"Built 5 articles: \d+ entities, \d+ relations, \d+ claims, \d+ triples in [\d.]+ s",
                     result.output)


def test_a_second_build_says_it_is_up_to_date_and_fresh_redoes_it(tmp_path):
    write(tmp_path, "in/a.txt", "Talks end\n\nAngela Merkel said that Germany would support the plan.\n")
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "Up to date: 1 articles, nothing changed since the last build" in again.output
    write(tmp_path, "in/b.txt", "Vote delayed\n\nThe council delayed the vote, officials said.\n")
    added = runner.invoke(app, args)
    assert re.search(r"Built 2 articles \(1 not parsed: read before, or a copy of another\)", added.output)
    fresh = runner.invoke(app, [*args, "--fresh"])
    assert re.search(r"Built 2 articles: ", fresh.output)


def test_build_summary_counts_the_lines_set_aside_as_not_prose(tmp_path):
    write(tmp_path, "in/a.txt", "Side named\n\nThe coach named his side on Monday.\n\n"
                                "Subs: Marshall, Henchoz, Lambert, Maloney.\n\nChelsea 2-1 Arsenal\n")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "2 lines set aside as not prose (tables, results, lists)" in result.output


def test_query_people_lists_every_person_in_the_graph(built):
    out, _ = built
    graph = Graph().parse(out / "kg.ttl")
    people = {str(graph.value(p, RDFS.label)) for p in graph.subjects(RDF.type, KG.Person)}
    result = runner.invoke(app, ["query", "people", "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert {row["name"]["value"] for row in rows} == people
    assert people


def test_query_table_is_the_default(built):
    out, _ = built
    result = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Claim }", "--out", str(out)])
    assert result.exit_code == 0
    assert "┃ n" in result.output


def test_query_from_file(built, tmp_path):
    out, _ = built
    query = write(tmp_path, "q.rq", "ASK { ?p a kg:Person }")
    result = runner.invoke(app, ["query", "-f", str(query), "--out", str(out)])
    assert result.exit_code == 0 and result.output.strip() == "true"


def test_query_list_prints_one_named_query_per_line_name_first():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    names = [line.split(maxsplit=1)[0] for line in result.output.splitlines()]
    assert "people" in names and "who-said-what" in names
    assert len(names) == len(set(names))


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR ALL", "LOAD <http://example.org/x>"])
def test_writes_are_refused_with_a_clear_message(built, update):
    out, _ = built
    result = runner.invoke(app, ["query", update, "--out", str(out)])
    assert result.exit_code != 0
    assert "refused" in _one_clean_line(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/folder"], "no such file or folder"),
        (["query", "nobody"], "no named query 'nobody'"),
        (["query", "people", "--format", "xml"], "unknown format 'xml'"),
        (["query", "entity"], "missing --param name"),
        (["query", "people", "--param", "x"], "write it as NAME=VALUE"),
        (["build", "corpus", "--base", "not an iri"], "--base must be an absolute IRI"),
    ],
)
def test_user_mistakes_give_one_line_and_exit_2(args, message, tmp_path):
    result = runner.invoke(app, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert message in _one_clean_line(result)


def test_query_without_a_build_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["query", "people", "--out", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "run 'kg build" in _one_clean_line(result)


# Queries that are costly to read: 26 KB that rdflib's read-only check took 13 s to parse (before
# the check ran in the timed child), nested and wide ones, and one nested deep enough to crash the
# store's parser.
HEAVY_QUERIES = {
    "a 26 KB sum": ("ASK { FILTER(" + " + ".join(["1"] * 6500) + " > 0) }", None),
    "40 parentheses deep": ("ASK { FILTER(" + "(" * 40 + "1" + ")" * 40 + " = 1) }", "true"),
    "40 groups deep": ("ASK { " + "{ " * 40 + "?s a kg:Person" + " }" * 40 + " }", "true"),
    "2,000 triple patterns": ("ASK { " + " ".join(f"?s{i} rdfs:label ?l{i} ." for i in range(2000)) + " }", None),
    "5,000 parentheses deep": ("ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + " = 1) }", None),
}


def _kg(*args: str) -> subprocess.CompletedProcess:
    """kg run as its own process: a hang fails the test instead of holding it, and a crash of the
    query's child stays in that process (pytest's fault handler would print its stack here)."""
    return run_kg(*args, timeout=60)


@pytest.mark.parametrize("name", HEAVY_QUERIES)
def test_the_timeout_bounds_the_whole_query_command(built, name):
    """A correct answer, or one line, within the timeout: all the work on the text is timed."""
    out, _ = built
    text, answer = HEAVY_QUERIES[name]
    started = time.monotonic()
    done = _kg("query", text, "--out", str(out), "--timeout", "2")
    assert time.monotonic() - started < 10  # a guard against a hang, not a speed claim
    if answer is not None or done.returncode == 0:
        assert (done.returncode, done.stdout.strip(), done.stderr) == (0, answer or done.stdout.strip(), "")
    else:
        assert done.returncode == 1 and done.stdout == ""
        [line] = done.stderr.splitlines()
        assert line.startswith("error: query "), line


@pytest.mark.parametrize("kind", ["pipe", "link to a pipe", "folder", "/dev/zero", "3 GB file", "not UTF-8"])
def test_a_query_file_that_is_not_a_small_text_file_is_refused_in_one_line(built, tmp_path, kind):
    """Neither read whole nor waited on: a pipe would block and /dev/zero never end."""
    out, _ = built
    path = tmp_path / "q.rq"
    if kind in ("pipe", "link to a pipe"):
        os.mkfifo(tmp_path / "fifo")
        path = tmp_path / "fifo"
    if kind == "link to a pipe":
        (tmp_path / "link.rq").symlink_to(path)
        path = tmp_path / "link.rq"
    elif kind == "folder":
        path = tmp_path
    elif kind == "/dev/zero":
        path = Path("/dev/zero")
    elif kind == "3 GB file":
        with path.open("wb") as sparse:
            sparse.truncate(3 * 1024 ** 3)
    elif kind == "not UTF-8":
        path.write_bytes(b"ASK { ?s rdfs:label \"\xff\" }")
    done = _kg("query", "-f", str(path), "--out", str(out))
    assert (done.returncode, done.stdout) == (2, "")
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error: {path}: ")
    assert any(reason in line for reason in ("not a regular file", "over 1,000,000 bytes", "not UTF-8")), line


def test_nothing_to_build_exits_1(tmp_path):
    write(tmp_path, "in/empty.txt", "")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nothing to build" in _one_clean_line(result)
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_skipped_files_are_reported_and_exit_is_non_zero(tmp_path):
    write(tmp_path, "in/good.txt", "Talks end\n\nAngela Merkel said that Germany would support the plan.\n")
    write(tmp_path, "in/bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00bad")  # (not \xff\xfe: UTF-16's mark)
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "bad.txt: binary file" in _one_clean_line(result)
    assert (tmp_path / "out" / "kg.ttl").exists()


@pytest.mark.parametrize("command", ["build", "query", "entity", "validate", "export", "stats"])
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


HEAVY_LIBRARIES = ("spacy", "scipy", "networkx", "rdflib", "pyoxigraph", "pyvis")


def test_the_command_line_and_its_help_load_no_heavy_library():
    """`kg --help` answers at once (bench/startup.py times it). Checked in a fresh interpreter, so that
    every import on the way counts: after `import kg.cli`, then after `kg --help` and each `kg COMMAND --help`."""
    code = f"""
import contextlib, io, sys
from typer.main import get_command
import kg.cli

def loaded():
    return sorted({{name.split(".")[0] for name in sys.modules}} & {set(HEAVY_LIBRARIES)!r})

print(loaded())
for command in [[], *([name] for name in get_command(kg.cli.app).commands)]:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        kg.cli.app([*command, "--help"])
print(loaded())
"""
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert output.splitlines() == ["[]", "[]"]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.DOTALL).group(1)
    return [line.strip() for line in first_block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_test_one():
    build_command, test_command = _readme_commands()
    assert "kg build corpus/" in build_command and "pip install" in build_command
    assert "pytest" in test_command and "pip install" in test_command
    assert test_command in Path(ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_shows_every_named_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in named_queries():
        assert f"(`{name}`)" in readme and f"$ kg query {name}" in readme, name


def test_entity_profile_shows_names_merges_relations_and_claims(built):
    out, _ = built
    graph = Graph().parse(out / "kg.ttl")
    # the entity with the most merges in the corpus graph, asked for by one of its other names
    merged = max(graph.subjects(RDF.type, KG.Country), key=lambda e: len(list(graph.objects(e, KG.merge))))
    label = str(graph.value(merged, RDFS.label))
    alias = sorted(map(str, graph.objects(merged, SKOS.altLabel)))[0]
    result = runner.invoke(app, ["entity", alias.lower(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{label}  (country)")
    assert "also named: " in result.output and alias in result.output
    for section in ("merged because", "relations", "claims", "roles"):
        assert section in result.output
    assert "[country]" in result.output


def test_entity_profile_of_a_speaker_lists_their_claims(built):
    out, _ = built
    graph = Graph().parse(out / "kg.ttl")
    speaker = max(set(graph.objects(None, KG.speaker)), key=lambda s: len(list(graph.subjects(KG.speaker, s))))
    claims = len(list(graph.subjects(KG.speaker, speaker)))
    result = runner.invoke(app, ["entity", str(graph.value(speaker, RDFS.label)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"claims ({claims}):" in result.output


@pytest.mark.parametrize(("name", "message"), [
    ("no such entity anywhere", "no entity named 'no such entity anywhere'"),
    ("a", "matches several entities"),
])
def test_entity_lookup_mistakes_are_one_line(built, name, message):
    out, _ = built
    result = runner.invoke(app, ["entity", name, "--out", str(out)])
    assert result.exit_code == 2
    assert message in _one_clean_line(result)


def test_named_query_with_a_parameter_and_a_limit(built):
    out, _ = built
    result = runner.invoke(app, ["query", "entity", "--param", "name=United States", "--limit", "2",
                                 "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert len(rows) == 2
    assert all("United States" in (row["subject"]["value"], row["object"]["value"]) for row in rows)


def test_viz_draws_a_neighbourhood_and_says_what_it_left_out(built, tmp_path):
    out, _ = built
    page = tmp_path / "near.html"
    result = runner.invoke(app, ["viz", "--out", str(out), "--focus", "CHINA", "--depth", "1", "--output", str(page)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {page}: ")
    assert "node(s) more than 1 link(s) from China" in result.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("arguments", "message"), [
    (["--focus", "Nobody At All"], "error: no entity named 'Nobody At All' in the graph"),
    (["--out", "missing-build"], "error: missing-build/kg.ttl: no graph here; run 'kg build --out missing-build' first"),
])
def test_viz_mistakes_are_one_line_errors(built, arguments, message, tmp_path, monkeypatch):
    out, _ = built
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["viz", "--out", str(out), "--output", str(tmp_path / "x.html"), *arguments])
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith(message)
    assert not (tmp_path / "x.html").exists()


def test_build_summary_says_what_the_page_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.build.writing.PAGE_MAX_NODES", 10)
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "the page leaves out " in result.output and "to keep the page to 10 nodes" in result.output
    assert '"leftOut": "' in (tmp_path / "kg.html").read_text(encoding="utf-8")


def test_escapes_in_article_text_are_shown_never_obeyed_by_the_terminal(tmp_path):
    """A name carrying a window-title escape and a screen-clearing one: every command that prints it
    writes the escapes out ('\\u001b') instead of sending them."""
    hostile = "Jane \x1b]0;owned\x07Doe\x1b[2J"
    write(tmp_path / "in", "a.txt", f"Copper mine closes\n\nThe miner {hostile} said the copper mine would close.\n"
          f"{hostile} met Tom Okafor in Nairobi on Monday.\n")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out)]).exit_code == 0
    outputs = [runner.invoke(app, [*command, "--out", str(out)]) for command in (
        ["query", "SELECT ?e WHERE { ?r kg:evidence ?e }"], ["stats"], ["entity", "Tom Okafor"])]
    assert all(result.exit_code == 0 for result in outputs)
    assert any("\\u001b" in result.output for result in outputs)
    assert not any("\x1b" in result.output or "\x07" in result.output for result in outputs)


@given(st.text())
def test_nothing_shown_is_a_control_character_or_direction_override(text):
    """Whatever a label or file name holds, the terminal gets nothing it would obey."""
    printed = shown(text)
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in printed)
    assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in printed)

"""What the `kg` commands print and how: one line per error, text from articles shown but never
obeyed by the terminal, and progress bars for long work."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from kg.errors import KgError

out_console = Console()
err_console = Console(stderr=True)

OUT_OPTION = typer.Option(Path("out"), "--out", "-o", help="Build folder (kg.ttl, kg.html, store/).")


def fail(error: KgError) -> None:
    err_console.print(Text.assemble(("error:", "bold red"), " ", shown(str(error))), highlight=False, soft_wrap=True)
    raise typer.Exit(error.exit_code)


def shown(text: str) -> str:
    """Words from articles, file names and the graph as a terminal should show them: control
    characters (an escape that clears the screen or retitles the window) and direction overrides
    written out as escapes, never obeyed."""
    return "".join(f"\\u{ord(ch):04x}" if _obeyed(ch) else ch for ch in text)


def _obeyed(ch: str) -> bool:
    return (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or "\u202a" <= ch <= "\u202e" \
        or "\u2066" <= ch <= "\u2069"


def cell(text: str) -> Text:
    """A table cell: the text as shown, never read as markup ('[bold]' in a label stays as written)."""
    return Text(shown(text))


STAGES = {"read": "Reading articles", "resolve": "Resolving entities", "write": "Writing the graph",
          "store": "Loading the store", "page": "Drawing the page", "load": "Loading into the server"}
UNITS = {"load": "triples"}  # what a stage counts, articles unless named here


def interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class BuildProgress:
    """One line per stage of a build: a bar with articles/s and the time left while articles are
    read and written, a pulsing bar for the stages without a count."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                            TimeRemainingColumn(), console=err_console, transient=True,
                            # a log or a pipe gets no bar (it would leave a blank line before an error)
                            disable=not err_console.is_terminal)
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            for task in self.tasks.values():  # the stage before is over
                self.bar.update(task, visible=False)
            self.tasks[stage] = self.bar.add_task(STAGES[stage], total=total or None, rate="")
        task = self.tasks[stage]
        speed = self.bar.tasks[task].speed if done else None
        self.bar.update(task, completed=done, total=total or None,
                        rate=f"{speed:,.1f} {UNITS.get(stage, 'articles')}/s" if speed else "")

"""The `kg` command: parses options, calls one library function, prints the result.

Library errors (KgError) become one line on stderr and a non-zero exit code; nothing else is
caught here, so a real bug still shows its traceback. Each command imports its library function
when it runs: `kg --help` loads none of spaCy, rdflib, pyoxigraph, networkx or pyvis, and the
defaults shown here come from light modules.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Turn a folder of news articles into a knowledge graph: RDF, an interactive page and SPARQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# the commands, registered on `app` as their modules load
from kg.cli import building, reading  # noqa: F401
from kg.cli.terminal import shown  # noqa: F401 (what tests and other tools print with)

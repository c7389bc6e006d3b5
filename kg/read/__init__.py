"""Reading a built graph: SPARQL queries, entity profiles, statistics, exports and validation."""

# Seconds `kg query` lets a query run. Here, not in query.py, so that the command line reads it
# without loading the query libraries.
DEFAULT_TIMEOUT = 60.0
# The port `kg serve` listens on: next to Oxigraph server's 7878, which a server `kg load` fills
# may hold on the same machine.
SERVE_PORT = 7879

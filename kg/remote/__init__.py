"""Loading a build into a SPARQL 1.1 server: its Graph Store Protocol endpoint receives the graph
in chunks, and its update endpoint switches to the new version in one request (kg/remote/load.py)."""

CHUNK_TRIPLES = 100_000  # triples a request sends by default: ~15 MB of N-Triples

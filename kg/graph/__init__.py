"""The graph: vocabulary, the records as RDF, inference, N-Triples and Turtle, the query store."""

# IRIs of a build's resources start with this unless `kg build --base` says otherwise. Here, not in
# vocab.py, so that the command line reads it without loading rdflib.
DEFAULT_BASE = "https://kg.example.org/id/"

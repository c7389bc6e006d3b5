"""kg: turn a folder of news articles into a knowledge graph with provenance."""

__version__ = "0.1.0"

"""`python -m kg`: the same as the `kg` command."""

from kg.cli import app

if __name__ == "__main__":
    app(prog_name="kg")

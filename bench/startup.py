"""How long `kg --help` takes to answer, against a bare interpreter, in one run.

    python bench/startup.py [--runs 21]

Starts `kg --help` (this checkout's kg.cli) and `python -c pass` RUNS times each, every run in a
fresh interpreter, taking turns so that a busy machine weighs on both alike, and prints the median
wall time of each and their difference: what loading the command line costs. The budget: `kg --help`
under 0.3 s, which holds only while kg.cli loads no heavy library at import (tests/test_cli.py checks
that). Exits 1 when the budget is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 0.3
# Run from ROOT, whose kg is first on `python -c`'s path, as the `kg` script would run it.
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "kg --help": [sys.executable, "-c", "from kg.cli import app; app()", "--help"],
}


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    for command in COMMANDS.values():  # once untimed, so that neither pays for a cold file cache
        wall_time(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(wall_time(command))
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    for name, median in medians.items():
        print(f"{name:<16}{median:>7.3f} s  (median of {args.runs})")
    print(f"{'difference':<16}{medians['kg --help'] - medians['python -c pass']:>7.3f} s")
    met = medians["kg --help"] < BUDGET_S
    print(f"budget: kg --help under {BUDGET_S} s: {'met' if met else 'missed'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

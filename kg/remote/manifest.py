"""What a load into one server has done, kept beside the builds (OUT/loads/) so that a rerun
skips the chunks already loaded, and a load of another build knows what the abandoned one left on
the server. One file per server: its build id says whether it is this build's."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.files import write_atomic

LOADS_DIR = "loads"


@dataclass
class LoadManifest:
    build: str  # the build folder's name (its id)
    store_url: str
    chunk_size: int
    staging: dict[str, str]  # graph on the server -> the graph its new version is loaded into
    loaded: dict[str, list[str]] = field(default_factory=dict)  # graph -> digests of its chunks loaded, in order
    switching: bool = False  # the switch's update was about to be sent: it may have been made
    switched: bool = False  # the new version replaced the old one

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(asdict(self), indent=1).encode("utf-8"), sync=False)


def manifest_path(out: Path, store_url: str) -> Path:
    """OUT/loads/HOST-PORT-PATH-HASH.json: readable, and one file per URL."""
    readable = re.sub(r"[^A-Za-z0-9.]+", "-", store_url.split("://", 1)[-1]).strip("-")[:80]
    return out / LOADS_DIR / f"{readable}-{hashlib.sha256(store_url.encode()).hexdigest()[:8]}.json"


def read_manifest(path: Path) -> LoadManifest | None:
    """The manifest at `path`; None when there is none, or it cannot be read (the load starts over)."""
    try:
        return LoadManifest(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None

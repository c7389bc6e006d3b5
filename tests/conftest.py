from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check invariants, not speed: a loaded CI machine must not fail them on time.
settings.register_profile("kg", deadline=None)
settings.load_profile("kg")

from kg.build import BuildSettings, build
from kg.build.folder import BUILDS_DIR, CURRENT_LINK, PREVIOUS_LINK, TEMPORARY
from kg.extract.nlp import load_pipeline
from kg.extract.records import extract
from kg.model import Article
from kg.read.serve import ServeError, free_port
from kg.read.serve import oxigraph_server as oxigraph_server_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def read(nlp):
    """Extract records from a text as if it were an article."""

    def _read(text: str):
        article = Article(id="t", path="t.txt", title="t", text=text, sha256="0" * 64)
        return extract(nlp(text), article)

    return _read


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """One build of corpus/ shared by the tests that only read its outputs."""
    out = tmp_path_factory.mktemp("corpus-build")
    report = build([CORPUS], BuildSettings(out_dir=out))
    return out, report


def run_kg(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """kg run as its own process (with `env` added to this one's environment): a hang fails the
    test instead of holding it, and whatever it prints at exit is in its stderr."""
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, **(env or {})})


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def leftovers(out: Path) -> list[Path]:
    """What unfinished builds left in `out`: build folders other than the current and the previous
    one, and temporary files."""
    kept = {(out / link).resolve() for link in (CURRENT_LINK, PREVIOUS_LINK) if (out / link).is_symlink()}
    folders = [f for f in (out / BUILDS_DIR).glob("*") if f.resolve() not in kept]
    temporaries = [p for folder in (out, out / "cache") if folder.is_dir()
                   for p in folder.iterdir() if TEMPORARY.match(p.name)]
    return folders + temporaries


def mount_tmpfs(folder: Path, options: str) -> Path:
    """A small file system mounted at `folder` until the test ends (a full or read-only disk for
    root too, whom chmod does not stop); the test is skipped where mounting is not permitted."""
    folder.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              check=False, capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("no mount command to make a small file system")
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs is not permitted here: {done.stderr.strip()}")
    _MOUNTED.append(folder)
    return folder


_MOUNTED: list[Path] = []


@pytest.fixture(autouse=True)
def _unmount_tmpfs():
    yield
    while _MOUNTED:
        subprocess.run(["umount", "-l", str(_MOUNTED.pop())], check=False, capture_output=True)


@pytest.fixture
def oxigraph_server(tmp_path):
    """Start Oxigraph servers (the `oxigraph` package's binary) on free loopback ports: call it with
    a store folder (a new one by default), `read_only` and the server's `options`; each answers at the base URL it returns
    ('http://127.0.0.1:PORT', with /query, /update and /store), and is stopped after the test."""
    with contextlib.ExitStack() as started:
        def start(location: Path | None = None, *, read_only: bool = False, options: tuple[str, ...] = ()) -> str:
            location = location or Path(tempfile.mkdtemp(dir=tmp_path, prefix="oxigraph-"))
            try:
                port = started.enter_context(oxigraph_server_of(location, read_only=read_only, options=options))
            except ServeError as error:
                pytest.fail(f"{error} (pip install -e '.[test]' installs the oxigraph binary)")
            return f"http://127.0.0.1:{port}"

        yield start


@pytest.fixture(scope="session")
def s3_endpoint():
    """A real S3 server (moto's, a separate implementation of the S3 API) on a free loopback port:
    where the tests keep an extraction cache at an s3:// URL, as an agency keeps it in its bucket."""
    moto_server = pytest.importorskip("moto.server", reason="pip install -e '.[test]' installs moto")
    port = free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint, monkeypatch):
    """A fresh bucket on the test's S3 server; fsspec's s3:// reaches the server as the environment
    variable FSSPEC_S3_ENDPOINT_URL would tell it (the README's way), with the server's test keys."""
    fsspec = pytest.importorskip("fsspec")
    pytest.importorskip("s3fs", reason="pip install -e '.[test]' installs s3fs")
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "us-east-1", "FSSPEC_S3_ENDPOINT_URL": s3_endpoint}.items():
        monkeypatch.setenv(name, value)  # for kg in a subprocess, and Dask workers started by the test
    monkeypatch.setitem(fsspec.config.conf, "s3", {"endpoint_url": s3_endpoint})  # fsspec read the environment already
    bucket = f"kg-{secrets.token_hex(4)}"
    fsspec.filesystem("s3").mkdir(bucket)
    return bucket


def wait_until_paused(process: subprocess.Popen, marker: Path, stage: str, seconds: float = 120) -> None:
    """Wait for a kg process started with KG_PAUSE_AT=STAGE:MARKER to reach STAGE (kg.build.pause_point)."""
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the process did not reach {stage!r}: {process.communicate()[1]}")
        time.sleep(0.05)


def descendants(pid: int) -> list[int]:
    """The processes `pid` started, and theirs (Linux /proc)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return children + [grandchild for child in children for grandchild in descendants(child)]


def assert_gone(pids: list[int], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while (living := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not living, f"processes left behind: {living}"


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


def copy_corpus(folder: Path) -> Path:
    target = folder / "corpus"
    shutil.copytree(CORPUS, target)
    return target

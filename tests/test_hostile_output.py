"""Files a user names with `kg export/viz --output` (issue 24): written as a shell redirect would
write them, through links and into devices, FIFOs and /dev/stdout, atomically only for regular
files; every failure is one line naming the option and the file, and never a half-written file."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.files import OutputError
from tests.conftest import ROOT, mount_tmpfs

runner = CliRunner()
# (command, the file it writes from a build when --output is not given)
COMMANDS = [pytest.param(["export", "--format", "nt"], "export/kg.nt", id="export"),
            pytest.param(["viz"], "kg.html", id="viz")]


def run(command: list[str], out: Path, output: Path | str):
    return runner.invoke(app, [*command, "--out", str(out), "--output", str(output)])


def one_error_line(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (1, 2), result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: --output ") and "Traceback" not in result.output
    return line


@pytest.fixture(scope="module")
def expected(corpus_build, tmp_path_factory) -> dict[str, bytes]:
    """What each command writes to a plain new file."""
    out, _ = corpus_build
    folder = tmp_path_factory.mktemp("expected")
    found = {}
    for name, command in (("export", ["export", "--format", "nt"]), ("viz", ["viz"])):
        assert run(command, out, folder / name).exit_code == 0
        found[name] = (folder / name).read_bytes()
    return found


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB tmpfs: too small for the corpus's N-Triples (~500 KB) or page (~700 KB)."""
    return mount_tmpfs(tmp_path / "small", "size=64k")


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_symlink_is_written_through_and_stays_a_link(corpus_build, tmp_path, expected, command, default):
    out, _ = corpus_build
    (tmp_path / "target").write_text("old")
    (tmp_path / "link").symlink_to("target")
    result = run(command, out, tmp_path / "link")
    assert result.exit_code == 0, result.output
    assert os.readlink(tmp_path / "link") == "target"
    assert (tmp_path / "target").read_bytes() == expected[command[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "target"]  # no temporary file left


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_dangling_symlink_creates_its_target(corpus_build, tmp_path, expected, command, default):
    out, _ = corpus_build
    (tmp_path / "there").mkdir()
    (tmp_path / "link").symlink_to("there/new")
    assert run(command, out, tmp_path / "link").exit_code == 0
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "there" / "new").read_bytes() == expected[command[0]]


def test_viz_writes_through_a_build_page_that_is_a_link_into_a_versioned_folder(corpus_build, tmp_path, expected):
    """kg.html may be a pointer into the current build's own folder: the page lands there."""
    out = tmp_path / "out"
    shutil.copytree(corpus_build[0], out)
    (out / "v1").mkdir()
    (out / "kg.html").rename(out / "v1" / "kg.html")
    (out / "kg.html").symlink_to("v1/kg.html")
    (out / "v1" / "kg.html").write_text("old page")
    result = runner.invoke(app, ["viz", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "kg.html").is_symlink()
    assert (out / "v1" / "kg.html").read_bytes() == expected["viz"]


def null_device(folder: Path) -> Path:
    """A character device to write to: as root a node of our own for /dev/null's device, so that a
    regression replaces that node and not the machine's /dev/null (which root could); /dev/null
    itself for anyone else, who cannot replace it."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = folder / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    try:
        node.write_bytes(b"")
    except PermissionError:  # a file system mounted nodev
        node.unlink()
        return Path("/dev/null")
    return node


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_character_device_is_written_into_and_stays_a_device(corpus_build, tmp_path, command, default):
    out, _ = corpus_build
    device = null_device(tmp_path)
    before = os.stat(device)
    result = run(command, out, device)
    assert result.exit_code == 0, result.output
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_fifo_is_written_into_and_its_reader_gets_everything(corpus_build, tmp_path, expected, command, default):
    out, _ = corpus_build
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(command, out, fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert received == [expected[command[0]]]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def stdout_link(folder: Path) -> Path:
    """/dev/stdout, a link to /proc/self/fd/1: as root a link of our own just like it, so that a
    regression replaces that link and not the machine's /dev/stdout (which root could)."""
    if os.geteuid() != 0:
        return Path("/dev/stdout")
    link = folder / "stdout"
    link.symlink_to("/proc/self/fd/1")
    return link


def test_dev_stdout_appends_to_what_stdout_is_and_the_note_goes_to_stderr(corpus_build, tmp_path, expected):
    """`kg export --output /dev/stdout >> file`: the data follows what the file held, and 'wrote'
    is not mixed into it."""
    out, _ = corpus_build
    link = stdout_link(tmp_path)
    log = tmp_path / "log"
    log.write_bytes(b"kept line\n")
    with log.open("ab") as stdout:
        done = subprocess.run([sys.executable, "-m", "kg", "export", "--format", "nt", "--out", str(out),
                               "--output", str(link)], check=False, cwd=ROOT, stdout=stdout,
                               stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert log.read_bytes() == b"kept line\n" + expected["export"]
    assert done.stderr.decode().strip() == f"wrote {link}"
    assert link.is_symlink()


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_an_existing_regular_file_is_replaced_and_keeps_its_permissions(corpus_build, tmp_path, expected, command,
                                                                        default):
    out, _ = corpus_build
    target = tmp_path / "file"
    target.write_text("old")
    target.chmod(0o640)
    assert run(command, out, target).exit_code == 0
    assert target.read_bytes() == expected[command[0]]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(("command", "default"), COMMANDS)
@pytest.mark.parametrize(("name", "problem"), [
    ("folder", "is a folder; name a file to write"),
    ("missing/file", "its folder does not exist"),
    ("plain/file", "a part of its path is not a folder"),
    ("loop", "too many levels of symbolic links"),
])
def test_an_output_that_cannot_be_a_file_is_one_line(corpus_build, tmp_path, command, default, name, problem):
    out, _ = corpus_build
    (tmp_path / "folder").mkdir()
    (tmp_path / "plain").write_text("old")
    (tmp_path / "loop").symlink_to("loop")
    before = sorted(tmp_path.rglob("*"))
    line = one_error_line(run(command, out, tmp_path / name))
    assert line == f"error: --output {tmp_path / name}: {problem}"
    assert sorted(tmp_path.rglob("*")) == before and (tmp_path / "plain").read_text() == "old"


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_full_disk_leaves_the_old_file_and_says_so_in_one_line(corpus_build, small_disk, command, default):
    out, _ = corpus_build
    old = b"the previous export\n" * 2000  # 40 KB of the 64: the new file cannot fit beside it
    (small_disk / "kg.out").write_bytes(old)
    line = one_error_line(run(command, out, small_disk / "kg.out"))
    assert line == f"error: --output {small_disk / 'kg.out'}: no space left on the device; the file is left as it was"
    assert (small_disk / "kg.out").read_bytes() == old
    assert [p.name for p in small_disk.iterdir()] == ["kg.out"]  # the temporary file is gone


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_a_read_only_folder_is_one_line_and_nothing_changes(corpus_build, tmp_path, command, default):
    """Read-only for root too: a read-only file system (chmod does not stop root)."""
    out, _ = corpus_build
    folder = mount_tmpfs(tmp_path / "ro", "size=64k")
    (folder / "kg.out").write_text("old")
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    for name in ("kg.out", "new"):
        line = one_error_line(run(command, out, folder / name))
        assert line == f"error: --output {folder / name}: not writable here (read-only file system)" + (
            "; the file is left as it was" if name == "kg.out" else "")
    assert [p.name for p in folder.iterdir()] == ["kg.out"] and (folder / "kg.out").read_text() == "old"


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_the_written_file_name_is_shown_never_obeyed(corpus_build, tmp_path, command, default):
    out, _ = corpus_build
    name = tmp_path / "a\x1b]0;owned\x07b\x1b[2J.out"
    result = run(command, out, name)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert result.output.startswith("wrote ") and "a\\u001b]0;owned\\u0007b\\u001b[2J.out" in result.output
    assert name.exists()


@pytest.mark.parametrize(("command", "default"), COMMANDS)
def test_without_output_the_default_file_is_written_in_the_build(corpus_build, tmp_path, expected, command, default):
    out = tmp_path / "out"
    shutil.copytree(corpus_build[0], out)
    result = runner.invoke(app, [*command, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / default).read_bytes() == expected[command[0]]


def test_an_output_error_raised_in_a_child_process_reaches_the_build_whole():
    """The write pass runs in a child process: an error it raises is pickled back to the build's."""
    error = pickle.loads(pickle.dumps(OutputError(Path("/x/kg.ttl"), "no space left on device", "--output")))
    assert isinstance(error, OutputError)
    assert str(error) == "--output /x/kg.ttl: no space left on device"
    assert (error.path, error.problem, error.option) == (Path("/x/kg.ttl"), "no space left on device", "--output")

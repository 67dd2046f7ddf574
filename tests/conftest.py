"""Shared helpers for the lab tests: run a lab as a reader does, read back a picture."""

import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Every lab's script, one per lab folder ("lab1/basic.py", ...), as the Makefile finds them.
LAB_SCRIPTS = sorted(str(p.relative_to(REPO)) for p in REPO.glob("lab[0-9]*/*.py"))


def lab_env(**overrides):
    """The environment a reader's shell gives the script, minus anything that would hide
    a bug: no TF_CPP_MIN_LOG_LEVEL (the lab must quiet TensorFlow by itself), and no
    bytecode files written into the repository by the run."""
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(overrides)
    return env


def start_lab(script, *args, cwd=None, python_flags=(), **env):
    """Start `python SCRIPT ARGS...` the way a reader types it; returns the Popen."""
    return subprocess.Popen(
        [sys.executable, *python_flags, str(script), *map(str, args)],
        cwd=cwd or REPO,
        env=lab_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def finish(process, timeout=120):
    """Wait for a started lab; returns a CompletedProcess with its exit code and output."""
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_lab(script, *args, **kwargs):
    return finish(start_lab(script, *args, **kwargs))


def read_png(path):
    """Read a PNG file whole: check the signature, every chunk's CRC, IHDR first and IEND
    last; return (width, height). Fails on a truncated or corrupt file."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG file"
    pos, chunks, size = 8, [], None
    while pos < len(data):
        assert pos + 12 <= len(data), f"{path} is truncated"
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert len(body) == length and zlib.crc32(kind + body) == crc, f"{path}: bad {kind} chunk"
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        chunks.append(kind)
        pos += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND", f"{path}: chunks {chunks}"
    assert b"IDAT" in chunks, f"{path} has no image data"
    return size


def copy_repo(dest):
    """A throw-away copy of the labs and their shared code, for runs that write their
    default outputs next to the script: the real repository is never written to."""
    ignore = shutil.ignore_patterns("__pycache__", "*.png", "*.dot", "*.svg", "*.pdf", "*.csv")
    for folder in ["common", *sorted(p.name for p in REPO.glob("lab[0-9]*"))]:
        shutil.copytree(REPO / folder, dest / folder, ignore=ignore)
    return dest


def without_dot_path():
    """A PATH on which Graphviz's `dot` cannot be found, but Python still can."""
    return os.path.dirname(sys.executable)


def load_lab(relative_path):
    """Import a lab script as a module (its __main__ block does not run)."""
    path = REPO / relative_path
    name = "lab_" + path.parent.name + "_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lab(request):
    """The test module's lab script (its SCRIPT), imported in this process."""
    return load_lab(request.module.SCRIPT)


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory):
    """The two runs of the test module's lab script that its tests read (see LabRuns)."""
    return LabRuns(request.module.SCRIPT, tmp_path_factory)


class LabRuns:
    """The two runs of a lab script that its tests read, started side by side:

    - ``normal``: ``python labN/script.py -o OUT``, as a reader runs it; outputs in ``out``;
    - ``no_graphviz``: ``python labN/script.py`` from a throw-away copy of the repository
      with Graphviz hidden from PATH; outputs in the default place, ``lab_dir``.
    """

    def __init__(self, script, tmp_path_factory):
        self.out = tmp_path_factory.mktemp("out")
        copy = copy_repo(tmp_path_factory.mktemp("repo"))
        self.lab_dir = copy / Path(script).parent
        started = [
            start_lab(REPO / script, "-o", self.out),
            start_lab(script, cwd=copy, PATH=without_dot_path()),
        ]
        self.normal, self.no_graphviz = [finish(p, timeout=300) for p in started]


def assert_graphviz_message(result, dot_file):
    """A run without Graphviz: exit 1, no traceback, how to install it, the DOT source kept."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Graphviz is not installed" in result.stderr
    assert "sudo apt-get install graphviz" in result.stderr and "brew install graphviz" in result.stderr
    assert dot_file.read_text().startswith("digraph")
    assert not dot_file.with_suffix(".png").exists()

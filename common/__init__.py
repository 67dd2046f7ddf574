"""Helpers every lab shares: a quiet start, clear error messages, safe output files.

The lab scripts keep the lesson's Keras code in plain sight; this module holds the
plumbing a first run needs so that each script stays short and reads like its post:

- TensorFlow's C++ start-up log lines are switched off before TensorFlow loads.
- ``run(main)`` turns the failures a reader can hit (a missing package, a bad output
  path, no Graphviz) into one short message on stderr and a non-zero exit code.
- ``output_file`` checks an ``-o/--output`` path before the slow Keras import.
- ``save_diagram`` makes the ``plot_model`` call of the post, but writes through a
  temporary file, so a failed or concurrent run never leaves half a picture behind.
"""

import contextlib
import gc
import io
import os
import shutil
import sys
import uuid
from pathlib import Path

# Must happen before TensorFlow is imported: level 2 hides its INFO and WARNING start-up
# lines (CPU feature notes, oneDNN notices). Set it yourself to see them again.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

SETUP_HINT = (
    "Set up the project first: run `make run` in the repository folder, or activate its "
    "virtual environment (`source .venv/bin/activate`; on Windows `.venv\\Scripts\\Activate.ps1`) "
    "or install the packages into this Python with `python -m pip install -r requirements.txt`."
)

GRAPHVIZ_HINT = """\
Install Graphviz, then run the lab again:
  Debian/Ubuntu:     sudo apt-get install graphviz
  Fedora:            sudo dnf install graphviz
  macOS (Homebrew):  brew install graphviz
  Windows:           winget install --id Graphviz.Graphviz   (or: choco install graphviz),
                     then open a NEW terminal so that PATH includes Graphviz
  conda:             conda install graphviz"""

# Picture formats plot_model can write, picked by the file extension: the common ones of
# Graphviz's `dot -T` formats. No extension means PNG, as in plot_model.
FORMATS = ("png", "svg", "pdf", "jpg", "jpeg", "gif", "ps", "eps", "dot")


class LabError(Exception):
    """A failure with a message for the reader: printed without a traceback, exit code 1."""


def run(main):
    """Run a lab's main(); end expected failures with a short message, not a traceback."""
    prog = Path(sys.argv[0]).name
    try:
        main()
    except LabError as error:
        print(f"{prog}: {error}", file=sys.stderr)
        sys.exit(1)
    except ImportError as error:
        missing = f"the Python package '{error.name}'" if error.name else "a Python package"
        print(
            f"{prog}: {missing} cannot be imported by {sys.executable} ({error}).\n{SETUP_HINT}",
            file=sys.stderr,
        )
        sys.exit(1)
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        sys.exit(130)
    finally:
        # When Python exits, its garbage collector walks every object TensorFlow made:
        # about 1.5 s here, longer than a lab's lesson. Nothing a lab needs happens then
        # (its files are all written and closed), so let the collector skip them all.
        gc.freeze()


def shown(path):
    """A path as the reader should see it: relative to the current folder when inside it."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def output_file(value):
    """argparse ``type=`` for an output file: the folder must exist and the format be known.

    Checked while parsing the arguments, so a typo is reported at once, before the
    several seconds TensorFlow takes to load.
    """
    import argparse

    path = Path(value).expanduser()
    fmt = path.suffix[1:].lower() or "png"
    if fmt not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"cannot write {value}: unknown picture format '.{fmt}'; "
            f"use one of: {', '.join('.' + f for f in FORMATS)}"
        )
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write {value}: it is a folder; give a file name")
    folder = path.parent
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            raise argparse.ArgumentTypeError(f"cannot write {value}: {part} is a file, not a folder")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            f"cannot write {value}: the folder {folder} does not exist; create it first"
        )
    return path


def output_dir(value):
    """argparse ``type=`` for an output folder: it must exist and be a folder."""
    import argparse

    path = Path(value).expanduser()
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write into {value}: it is a file, not a folder")
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"cannot write into {value}: the folder does not exist; create it first")
    return path


def lab_parser(script, description, published=None):
    """The command line every lab from Lab 2 on shares: -o/--output-dir, default the lab's
    folder, and for labs that offer it, --published with the given help text."""
    import argparse

    parser = argparse.ArgumentParser(
        description=description, epilog="Drawing the model needs the Graphviz program `dot` (see README.md)."
    )
    folder = Path(script).resolve().parent
    parser.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=output_dir,
        default=str(folder),
        help=f"folder for the pictures and other files this lab writes (default: {folder.name}/, next to the script)",
    )
    if published:
        parser.add_argument("--published", action="store_true", help=published)
    return parser


@contextlib.contextmanager
def replacing(path):
    """Yield a temporary path beside ``path``; move it onto ``path`` only on success.

    The temporary name keeps the extension (plot_model picks the format from it) and is
    unique per run, so runs writing the same file at once never see each other's half-
    written files: each rename is atomic, and the last one wins with a whole picture.
    """
    path = Path(path)
    temp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:12]}.tmp{path.suffix}")
    try:
        yield temp
        os.replace(temp, path)
    except OSError as error:
        raise LabError(f"cannot write {shown(path)}: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def save_csv(path, rows, header):
    """Write ``rows`` under ``header`` to a CSV file, whole or not at all."""
    import csv

    with replacing(path) as temp:
        with open(temp, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
    return Path(path)


def _plot_model_defaults():
    """plot_model's own default arguments, so a DOT file matches the picture it stands for."""
    import inspect

    import keras

    return {
        name: param.default
        for name, param in inspect.signature(keras.utils.plot_model).parameters.items()
        if param.default is not inspect.Parameter.empty and name != "to_file"
    }


def save_diagram(model, path, **plot_options):
    """Draw ``model`` to ``path`` with ``keras.utils.plot_model(model, to_file=..., **plot_options)``.

    Without Graphviz, the diagram's DOT source (the picture's content, as text) is saved
    beside ``path`` and a LabError explains how to install Graphviz.
    """
    import keras
    import pydot  # noqa: F401  (plot_model needs it: fail here, with the setup hint, if missing)

    path = Path(path)
    if shutil.which("dot") is None:
        dot_path = path.with_suffix(".dot")
        options = {**_plot_model_defaults(), **plot_options}
        source = keras.utils.model_to_dot(model, **options).to_string()
        with replacing(dot_path) as temp:
            temp.write_text(source, encoding="utf-8")
        raise LabError(
            "Graphviz is not installed: plot_model needs its `dot` program to draw the "
            f"picture, and `dot` is not on PATH.\n{GRAPHVIZ_HINT}\n"
            f"Meanwhile the diagram's DOT source is saved in {shown(dot_path)}; once Graphviz "
            f"is installed, `dot -Tpng {shown(dot_path)} -o picture.png` draws it too."
        )

    captured = io.StringIO()  # pydot prints Graphviz's complaints to stdout; keep them for the message
    with replacing(path) as temp:
        try:
            with contextlib.redirect_stdout(captured):
                keras.utils.plot_model(model, to_file=str(temp), **plot_options)
        except (AssertionError, ImportError) as error:
            details = " ".join(captured.getvalue().split()) or str(error)
            raise LabError(
                f"Graphviz's `dot` ({shutil.which('dot')}) failed to draw {shown(path)}: "
                f"{details[-300:]}"
            ) from None
    return path

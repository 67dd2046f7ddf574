"""Lab 1: the post's basic model, run as a reader runs it and checked in process."""

import re
import shutil
import warnings

import pytest

from conftest import REPO, copy_repo, finish, read_png, run_lab, start_lab, without_dot_path

SCRIPT = "lab1/basic.py"
SCRIPT_PATH = REPO / SCRIPT


def assert_summary(stdout):
    """The model summary a reader sees: one Dense layer, output (None, 3, 10), 20 params."""
    assert "Dense" in stdout
    assert "(None, 3, 10)" in stdout
    assert re.search(r"Total params: 20\b", stdout), stdout


# --- the script, run as a reader runs it -------------------------------------------------


def test_run_prints_summary_and_writes_a_whole_png(tmp_path):
    out = tmp_path / "model.png"
    result = run_lab(SCRIPT_PATH, "-o", out)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no TensorFlow start-up lines, no Keras warning
    assert_summary(result.stdout)
    assert result.stdout.rstrip().endswith(f"Saved the model picture to {out}")
    width, height = read_png(out)
    assert width > height > 100  # one wide layer box, drawn at 200 dpi
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.png"]  # no temp files left


def test_default_picture_lands_in_lab1_from_any_folder(tmp_path):
    # As the post says: the picture appears in the lab1 folder, whether the reader runs
    # `python lab1/basic.py` from the repository or `python basic.py` inside lab1/.
    # Two throw-away copies of the repository, run side by side to save time.
    from_root, from_lab1 = copy_repo(tmp_path / "a"), copy_repo(tmp_path / "b")
    runs = [
        start_lab("lab1/basic.py", cwd=from_root),
        start_lab("basic.py", cwd=from_lab1 / "lab1"),
    ]
    for repo, result in zip([from_root, from_lab1], map(finish, runs)):
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout.rstrip().endswith("Saved the model picture to " + (
            "lab1/mymodel.png" if repo is from_root else "mymodel.png"))
        read_png(repo / "lab1" / "mymodel.png")
        assert sorted(p.name for p in repo.rglob("*.png")) == ["mymodel.png"]


def test_concurrent_runs_never_leave_a_partial_picture(tmp_path):
    out = tmp_path / "shared.png"
    out.write_bytes(b"an older picture")
    results = [finish(p) for p in [start_lab(SCRIPT_PATH, "-o", out) for _ in range(3)]]

    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    read_png(out)  # whole, whichever run renamed its file last
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.png"]


def test_help_explains_the_output_option():
    result = run_lab(SCRIPT_PATH, "--help")
    assert result.returncode == 0
    assert "-o PATH, --output PATH" in result.stdout
    assert "extension picks the format" in " ".join(result.stdout.split())


# --- expected failures: a short message, an exit code, no traceback -------------------------


def test_missing_graphviz_keeps_the_summary_and_the_dot_source(tmp_path):
    out = tmp_path / "model.png"
    out.write_bytes(b"the reader's earlier picture")
    path = without_dot_path()
    assert shutil.which("dot", path=path) is None

    result = run_lab(SCRIPT_PATH, "-o", out, PATH=path)

    assert result.returncode == 1
    assert_summary(result.stdout)
    assert "Traceback" not in result.stderr
    message = result.stderr
    assert "Graphviz is not installed" in message and "`dot` is not on PATH" in message
    for command in [
        "sudo apt-get install graphviz",  # Debian/Ubuntu
        "sudo dnf install graphviz",  # Fedora
        "brew install graphviz",  # macOS
        "winget install",  # Windows
        "choco install graphviz",
        "conda install graphviz",
    ]:
        assert command in message
    assert "new terminal" in message.lower()
    dot_file = tmp_path / "model.dot"
    assert f"saved in {dot_file}" in message
    source = dot_file.read_text()
    assert source.startswith("digraph") and "(None, 3, 1)" in source and "(None, 3, 10)" in source
    assert out.read_bytes() == b"the reader's earlier picture"  # nothing the reader made is lost
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.dot", "model.png"]


@pytest.mark.parametrize(
    "target, expected",
    [
        ("no/such/folder/model.png", "the folder {tmp}/no/such/folder does not exist"),
        ("a-file/model.png", "{tmp}/a-file is a file, not a folder"),
        ("a-file/sub/model.png", "{tmp}/a-file is a file, not a folder"),
        ("a-folder", "{tmp}/a-folder: it is a folder"),
        ("model.xyz", "unknown picture format '.xyz'"),
    ],
)
def test_bad_output_paths_are_named(tmp_path, target, expected):
    (tmp_path / "a-file").write_text("the reader's file")
    (tmp_path / "a-folder").mkdir()
    before = sorted(tmp_path.rglob("*"))

    result = run_lab(SCRIPT_PATH, "-o", tmp_path / target)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"cannot write {tmp_path / target}" in result.stderr
    assert expected.format(tmp=tmp_path) in result.stderr
    assert len(result.stderr.splitlines()) == 2  # argparse's usage line and the error
    assert sorted(tmp_path.rglob("*")) == before
    assert (tmp_path / "a-file").read_text() == "the reader's file"


def test_missing_tensorflow_is_named(tmp_path):
    # Shadow the real package with one that fails as an absent one does.
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "tensorflow.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'tensorflow'\", name='tensorflow')\n"
    )
    result = run_lab(SCRIPT_PATH, "-o", tmp_path / "m.png", PYTHONPATH=shadow)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'tensorflow' cannot be imported" in result.stderr
    assert "make run" in result.stderr


# --- in process: the model itself ------------------------------------------------------------


def test_model_shapes_and_parameters(lab):
    model = lab.build_model()
    (dense,) = model.layers

    assert tuple(model.input_shape) == (None, 3, 1)
    assert tuple(model.output_shape) == (None, 3, 10)
    assert dense.units == 10
    assert dense.activation.__name__ == "sigmoid"
    # Dense acts on the last axis: a (1, 10) kernel and 10 biases, shared by the 3 rows.
    assert [tuple(w.shape) for w in dense.weights] == [(1, 10), (10,)]
    assert model.count_params() == 20


def test_dot_text_carries_both_shapes(lab):
    import keras

    dot = keras.utils.model_to_dot(lab.build_model(), show_shapes=True).to_string()
    assert "Input shape: <b>(None, 3, 1)</b>" in dot
    assert "Output shape: <b>(None, 3, 10)</b>" in dot


def posts_model():
    """The model exactly as the post writes it (Keras 3 warns about input_shape)."""
    from keras.layers import Dense
    from keras.models import Sequential

    model = Sequential()
    model.add(Dense(10, input_shape=(3, 1), activation="sigmoid"))
    return model


def test_posts_input_shape_line_warns_and_ours_does_not(lab):
    with pytest.warns(UserWarning, match="Do not pass an `input_shape`"):
        posts_model()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lab.build_model()


def test_picture_is_the_one_the_posts_code_draws(lab, tmp_path):
    import keras

    import common

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = posts_model()
    keras.utils.plot_model(theirs, to_file=str(tmp_path / "post.png"), show_shapes=True)
    common.save_diagram(lab.build_model(), tmp_path / "ours.png", show_shapes=True)

    read_png(tmp_path / "ours.png")
    assert (tmp_path / "ours.png").read_bytes() == (tmp_path / "post.png").read_bytes()


@pytest.mark.parametrize(
    "name, start", [("m.svg", b"<?xml"), ("m.pdf", b"%PDF-"), ("m.jpg", b"\xff\xd8\xff")]
)
def test_extension_picks_the_format(lab, tmp_path, name, start):
    import common

    common.save_diagram(lab.build_model(), tmp_path / name, show_shapes=True)
    data = (tmp_path / name).read_bytes()
    assert data.startswith(start)
    assert len(data) > 1000


def test_a_failing_graphviz_leaves_the_old_picture(lab, tmp_path, monkeypatch):
    import common

    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    fake_dot = fake_bin / "dot"
    fake_dot.write_text("#!/bin/sh\necho 'Error: something broke in dot' >&2\nexit 1\n")
    fake_dot.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake_bin))
    out = tmp_path / "model.png"
    out.write_bytes(b"the reader's earlier picture")

    with pytest.raises(common.LabError, match="failed to draw"):
        common.save_diagram(lab.build_model(), out, show_shapes=True)
    assert out.read_bytes() == b"the reader's earlier picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "model.png"]


def test_missing_pydot_points_at_setup(lab, tmp_path, monkeypatch, capsys):
    import common

    model = lab.build_model()
    monkeypatch.setitem(__import__("sys").modules, "pydot", None)  # as if not installed

    with pytest.raises(SystemExit) as stop:
        common.run(lambda: common.save_diagram(model, tmp_path / "m.png", show_shapes=True))
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "'pydot' cannot be imported" in err and "make run" in err
    assert list(tmp_path.iterdir()) == []

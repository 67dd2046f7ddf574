"""What the labs share: the command line of labs 2 on, bad folders, missing packages."""

import pytest

from conftest import LAB_SCRIPTS, REPO, run_lab

SCRIPTS = [script for script in LAB_SCRIPTS if not script.startswith("lab1/")]  # -o DIR


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_names_the_output_folder(script):
    result = run_lab(REPO / script, "--help")
    assert result.returncode == 0
    assert "-o DIR, --output-dir DIR" in result.stdout


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(
    "target, expected",
    [("no/such/folder", "the folder does not exist"), ("a-file", "it is a file, not a folder")],
)
def test_bad_output_folders_are_named(tmp_path, script, target, expected):
    (tmp_path / "a-file").write_text("the reader's file")
    result = run_lab(REPO / script, "-o", tmp_path / target)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"cannot write into {tmp_path / target}: {expected}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert (tmp_path / "a-file").read_text() == "the reader's file"


@pytest.mark.parametrize("script", LAB_SCRIPTS)
def test_python_without_the_packages_points_at_setup(tmp_path, script):
    # -S: a Python that does not see the venv's packages, like the system Python.
    result = run_lab(REPO / script, "-o", tmp_path / ("m.png" if script.startswith("lab1/") else ""),
                     python_flags=["-S"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "'keras' cannot be imported" in result.stderr
    assert "make run" in result.stderr and "pip install -r requirements.txt" in result.stderr
    assert list(tmp_path.iterdir()) == []

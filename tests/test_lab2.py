"""Lab 2: more layers; the one-unit softmax shown and replaced by a sigmoid."""

import warnings

import numpy as np
import pytest

from conftest import assert_graphviz_message, read_png

SCRIPT = "lab2/layers.py"


def test_run_prints_the_lesson_and_draws_the_model(runs):
    result = runs.normal
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Total params: 3,265" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert len(rows) == 5
    assert all(row[2] == "1.0000" for row in rows)  # the softmax column: always 1
    assert len({row[1] for row in rows}) == 5  # the sigmoid column: a different value each
    assert "Keras itself warns about the softmax" in result.stdout
    assert result.stdout.rstrip().endswith(f"Saved the model picture to {runs.out / 'mymodel.png'}")
    width, height = read_png(runs.out / "mymodel.png")
    assert height > width  # four boxes stacked


def test_without_graphviz_the_lesson_still_runs(runs):
    result = runs.no_graphviz
    assert_graphviz_message(result, runs.lab_dir / "mymodel.dot")
    assert "Total params: 3,265" in result.stdout and "softmax" in result.stdout


def test_model_shapes_and_parameters(lab):
    model = lab.build_model()
    assert [tuple(layer.output.shape) for layer in model.layers] == [(None, 32), (None, 32), (None, 1), (None, 1)]
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "Activation", "Dense", "Activation"]
    assert [layer.activation.__name__ for layer in model.layers[1::2]] == ["relu", "sigmoid"]
    assert model.count_params() == 100 * 32 + 32 + 32 * 1 + 1


def test_one_unit_softmax_is_always_one_and_sigmoid_is_not(lab):
    import keras

    keras.utils.set_random_seed(lab.SEED)
    model = lab.build_model()
    samples = np.random.default_rng(0).normal(size=(20, 100)) * 10
    sigmoid, softmax, keras_warnings = lab.compare_output_activations(model, samples)

    np.testing.assert_allclose(softmax, 1, rtol=0, atol=1e-6)  # 1, to float32 precision
    assert np.all((sigmoid > 0) & (sigmoid < 1))
    assert len(np.unique(sigmoid)) == 20
    assert any("softmax" in message and "always return the value 1" in message for message in keras_warnings)


def test_our_model_builds_without_warnings(lab):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lab.build_model()

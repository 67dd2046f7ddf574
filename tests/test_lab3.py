"""Lab 3: a first training run, with a linear output instead of a ReLU that can die."""

import numpy as np
import pytest

from conftest import assert_graphviz_message, read_png

SCRIPT = "lab3/train.py"


@pytest.fixture(scope="module")
def trained(lab):
    import keras

    keras.utils.set_random_seed(lab.SEED)
    model = lab.build_model()
    history = lab.train(model)
    return model, history


def printed_predictions(stdout):
    """The (target, prediction) table the lab prints."""
    rows = [line.split() for line in stdout.splitlines()]
    return [(float(r[0]), float(r[1])) for r in rows if len(r) == 2 and r[0].isdigit()]


def test_run_prints_targets_and_close_predictions(runs):
    result = runs.normal
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Total params: 291" in result.stdout
    table = printed_predictions(result.stdout)
    assert [t for t, _ in table] == [1, 2, 3]
    assert all(abs(p - t) <= 0.1 for t, p in table), table
    read_png(runs.out / "mymodel.png")


def test_without_graphviz_the_training_still_runs(runs):
    result = runs.no_graphviz
    assert_graphviz_message(result, runs.lab_dir / "mymodel.dot")
    assert len(printed_predictions(result.stdout)) == 3


def test_model_shapes_and_parameters(lab):
    model = lab.build_model()
    assert tuple(model.input_shape) == (None, 4)
    assert tuple(model.output_shape) == (None, 1)
    assert model.count_params() == (4 * 10 + 10) + (10 * 20 + 20) + (20 * 1 + 1)
    assert type(model.layers[-1]).__name__ == "Dense"  # a linear output: no ReLU at the end


def test_trained_model_predicts_each_target_within_0_1(lab, trained):
    model, history = trained
    predictions = lab.predict(model)
    np.testing.assert_allclose(predictions, [1, 2, 3], atol=0.1)
    assert set(history) == {"loss", "mae"}
    assert history["loss"][-1] < history["loss"][0] / 100


def test_same_seed_same_numbers_in_another_process(runs, trained, lab):
    model, _ = trained
    printed = [p for _, p in printed_predictions(runs.normal.stdout)]
    assert printed == [round(float(p), 3) for p in lab.predict(model)]


def test_published_relu_output_dies_for_some_seeds(lab):
    # The inputs are multiples of [1, 1, 1, 1] and the biases start at 0, so the output
    # unit's input has the same sign for all three samples: a coin flip at initialisation.
    # Where it is negative, ReLU outputs 0 and passes no gradient back: the unit never learns.
    import keras

    x, _ = lab.training_data()
    dead_at_start = {}
    for seed in range(10):
        keras.utils.set_random_seed(seed)
        model = lab.build_model("relu")
        before_relu = x
        for layer in model.layers[:-1]:  # all but the output ReLU
            before_relu = layer(before_relu)
        dead_at_start[seed] = bool(np.all(keras.ops.convert_to_numpy(before_relu) <= 0))
    assert 0 < sum(dead_at_start.values()) < 10

    dead_seed = min(s for s, dead in dead_at_start.items() if dead)
    alive_seed = min(s for s, dead in dead_at_start.items() if not dead)
    dead_model, dead_history = lab.train_published(dead_seed)
    alive_model, alive_history = lab.train_published(alive_seed)
    np.testing.assert_array_equal(lab.predict(dead_model), [0, 0, 0])
    assert lab.predict(alive_model).all()
    # "accuracy" is binary accuracy here: at most 1/3, whatever the fit.
    assert dead_history["accuracy"][-1] == 0
    assert alive_history["accuracy"][-1] == pytest.approx(1 / 3)

"""Lab 5: a three-class classifier, trained in rounds, in a fraction of the published time."""

import csv
import re

import numpy as np
import pytest

from conftest import assert_graphviz_message, read_png

SCRIPT = "lab5/classifier.py"


@pytest.fixture(scope="module")
def trained(lab):
    import keras

    keras.utils.set_random_seed(lab.SEED)
    model = lab.build_model(lab.SHORT["learning_rate"])
    return model, list(lab.train(model, lab.SHORT))


def outputs(lab):
    names = [f"loss-epochs-{e}.{ext}" for e in lab.SHORT["epochs"] for ext in ("csv", "png")]
    return sorted(names + ["loss-all-rounds.png"])


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def test_run_prints_probabilities_and_saves_csv_and_charts(runs, lab):
    result = runs.normal
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Total params: 403" in result.stdout
    assert sorted(p.name for p in runs.out.glob("loss-*")) == outputs(lab)
    for chart in runs.out.glob("loss-*.png"):
        read_png(chart)
    read_png(runs.out / "mymodel.png")

    # One row per epoch, epochs counted over all rounds, and the last round ends at accuracy 1.
    start = 1
    for epochs in lab.SHORT["epochs"]:
        rows = read_csv(runs.out / f"loss-epochs-{epochs}.csv")
        assert rows[0] == ["epoch", "loss", "categorical_accuracy"]
        assert [int(r[0]) for r in rows[1:]] == list(range(start, start + epochs))
        start += epochs
    assert float(rows[-1][2]) == 1.0

    # The probability table: each row sums to ~1 and its largest is the expected class.
    table = re.findall(r"^\s+\[(\d), \1, \1, \1\]\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d)\s+(\d)$", result.stdout, re.M)
    assert len(table) == 3
    for _, *probabilities, predicted, expected in table:
        assert predicted == expected
        assert sum(map(float, probabilities)) == pytest.approx(1, abs=0.02)


def test_without_graphviz_training_csv_and_charts_still_happen(runs, lab):
    result = runs.no_graphviz
    assert_graphviz_message(result, runs.lab_dir / "mymodel.dot")
    assert sorted(p.name for p in runs.lab_dir.glob("loss-*")) == outputs(lab)


def test_model_shapes_and_parameters(lab):
    model = lab.build_model(0.01)
    assert tuple(model.input_shape) == (None, 4)
    assert tuple(model.output_shape) == (None, 3)
    assert model.layers[-1].activation.__name__ == "softmax"
    assert model.count_params() == (4 * 50 + 50) + (50 * 3 + 3)


def test_reaches_accuracy_1_and_ranks_the_right_class_first(lab, trained):
    model, rounds = trained
    assert rounds[-1]["categorical_accuracy"][-1] == 1.0
    x, y = lab.training_data()
    probabilities = lab.predict(model, x)
    np.testing.assert_array_equal(np.argmax(probabilities, axis=1), np.argmax(y, axis=1))
    assert probabilities.max(axis=1).min() > 0.9


def test_same_seed_same_numbers_in_another_process(runs, trained, lab):
    _, rounds = trained
    final = read_csv(runs.out / f"loss-epochs-{lab.SHORT['epochs'][-1]}.csv")[-1]
    assert float(final[1]) == pytest.approx(rounds[-1]["loss"][-1], rel=1e-6)

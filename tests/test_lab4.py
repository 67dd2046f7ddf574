"""Lab 4: metrics watched over rounds of training, charted after each round."""

import re

import pytest

from conftest import assert_graphviz_message, read_png

SCRIPT = "lab4/metrics.py"


@pytest.fixture(scope="module")
def rounds(lab):
    import keras

    keras.utils.set_random_seed(lab.SEED)
    model = lab.build_model(lab.SHORT["learning_rate"])
    return list(lab.train(model, lab.SHORT))


def chart_names(lab, schedule):
    return sorted([f"metrics-epochs-{e}.png" for e in schedule["epochs"]] + ["metrics-all-rounds.png"])


def round_lines(stdout):
    """The per-round lines the lab prints: (round, epochs, mse, mae, mape, cosine)."""
    pattern = r"^\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$"
    return [tuple(float(v) for v in m.groups()) for m in re.finditer(pattern, stdout, re.M)]


def test_run_prints_each_round_and_saves_the_charts(runs, lab):
    result = runs.normal
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Total params: 25" in result.stdout
    lines = round_lines(result.stdout)
    assert [int(line[1]) for line in lines] == list(lab.SHORT["epochs"])
    assert sorted(p.name for p in runs.out.glob("metrics-*.png")) == chart_names(lab, lab.SHORT)
    for chart in runs.out.glob("metrics-*.png"):
        width, height = read_png(chart)
        assert (width, height) in [(1200, 500), (800, 500)]  # two panels per round; one for all
    read_png(runs.out / "mymodel.png")


def test_without_graphviz_training_and_charts_still_happen(runs, lab):
    result = runs.no_graphviz
    assert_graphviz_message(result, runs.lab_dir / "mymodel.dot")
    # written next to the script, the default place
    assert sorted(p.name for p in runs.lab_dir.glob("metrics-*.png")) == chart_names(lab, lab.SHORT)


def test_model_shapes_and_parameters(lab):
    model = lab.build_model(0.01)
    assert tuple(model.input_shape) == (None, 10)
    assert tuple(model.output_shape) == (None, 1)
    assert model.count_params() == (10 * 2 + 2) + (2 * 1 + 1)


def test_history_uses_keras_3_metric_names(rounds):
    assert set(rounds[0]) == {"loss", "mse", "mae", "mape", "cosine_similarity"}


def test_loss_falls_across_rounds(rounds):
    last_losses = [history["loss"][-1] for history in rounds]
    assert all(later < earlier for earlier, later in zip(last_losses, last_losses[1:])), last_losses
    assert last_losses[-1] < 1e-6


def test_cosine_similarity_of_single_numbers_is_plus_or_minus_one(rounds):
    values = [v for history in rounds for v in history["cosine_similarity"]]
    assert all(abs(abs(v) - 1) < 1e-5 for v in values)


def test_same_seed_same_numbers_in_another_process(runs, rounds):
    printed = [line[2] for line in round_lines(runs.normal.stdout)]
    assert printed == [float(f"{history['mse'][-1]:.2e}") for history in rounds]

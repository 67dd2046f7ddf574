"""Lab 4: watching metrics while a model trains.

Companion code of the series' fourth post. Run it from the repository folder:

    python lab4/metrics.py              # 10 short rounds of training, a chart after each
    python lab4/metrics.py --published  # the post's schedule: rounds of 100, 150, ..., 550 epochs
    python lab4/metrics.py -o /tmp      # writes the charts and the picture into another folder

One sample, [1, 2, ..., 10], with target 1. Each round continues training the same model
and saves a chart of its four metrics, named by the round's epoch count; a last chart
shows the loss over all rounds. lab4/README.md explains what changed from the post.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # find common/ from any folder
import common  # noqa: E402  (also switches off TensorFlow's start-up log lines)

SEED = 4
# The post trains rounds of 100, 150, ..., 550 epochs (3,250 in all) at Adam's default
# learning rate, 0.001. A tenth of the epochs at ten times the learning rate gets as far.
PUBLISHED = {"epochs": range(100, 551, 50), "learning_rate": 0.001}
SHORT = {"epochs": range(10, 56, 5), "learning_rate": 0.01}
# Keras 3 names each metric in the history as you name it in compile():
# "mse", not Keras 2's "mean_squared_error"; "cosine_similarity", not "cosine_proximity".
METRICS = ["mse", "mae", "mape", "cosine_similarity"]
LABELS = {
    "mse": "mean squared error (the loss)",
    "mae": "mean absolute error",
    "mape": "mean absolute percentage error (%)",
    "cosine_similarity": "cosine similarity",
}


def training_data():
    """A single sample of 10 features, 1 to 10, and its target, 1: both as 2-D arrays."""
    import numpy as np

    x = np.arange(1, 11, dtype="float32").reshape(1, 10)
    y = np.array([[1.0]], dtype="float32")  # the post passed [1], a Python list: Keras 3 refuses it
    return x, y


def build_model(learning_rate):
    """Dense(2) -> Dense(1) on 10 inputs, compiled with the four metrics to watch."""
    import keras
    from keras.layers import Dense, Input
    from keras.models import Sequential

    model = Sequential()
    model.add(Input(shape=(10,)))
    model.add(Dense(2))
    model.add(Dense(1))
    model.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate), metrics=METRICS)
    return model


def dataset():
    """The training data as a tf.data.Dataset.

    Given NumPy arrays, fit() builds a new input pipeline at the start of every epoch:
    ~50 ms each here, far more than the training step on one sample. A Dataset built
    once is reused by every epoch (~10 ms each), which makes 1,000s of epochs affordable.
    """
    import tensorflow as tf

    return tf.data.Dataset.from_tensors(training_data())


def train(model, schedule):
    """Train one round per entry of schedule["epochs"], each continuing where the last
    stopped; yield each round's history (per-epoch values of the loss and every metric)."""
    data = dataset()
    for epochs in schedule["epochs"]:
        yield model.fit(data, epochs=epochs, verbose=0, shuffle=False).history

def chart_round(path, number, first_epoch, history):
    """One round's four metric curves: the three errors share a log scale (they shrink by
    orders of magnitude); cosine similarity, which lives between -1 and 1, gets its own panel."""
    from common import charts

    epochs = range(first_epoch, first_epoch + len(history["loss"]))
    fig, (errors, cosine) = charts.figure(
        f"Lab 4, round {number}: epochs {epochs[0]}-{epochs[-1]}", 1, 2, width_ratios=[2, 1]
    )
    for name in ["mse", "mae", "mape"]:
        errors.plot(epochs, history[name], label=LABELS[name])
    errors.set_yscale("log")
    errors.set_ylabel("metric value (log scale)")
    errors.legend(fontsize=8)
    cosine.plot(epochs, history["cosine_similarity"], label=LABELS["cosine_similarity"], color="C3")
    cosine.set_ylim(-1.1, 1.1)
    cosine.set_ylabel("metric value")
    cosine.legend(fontsize=8, loc="center right")
    for ax in (errors, cosine):
        ax.set_xlabel("training epoch")
    return charts.save(fig, path)


def main():
    args = common.lab_parser(
        __file__,
        "Train Lab 4's model in rounds and chart its metrics.",
        published="the post's full schedule: rounds of 100, 150, ..., 550 epochs at learning rate 0.001",
    ).parse_args()
    schedule = PUBLISHED if args.published else SHORT
    out = args.output_dir

    import keras

    from common import charts

    keras.utils.set_random_seed(SEED)
    model = build_model(schedule["learning_rate"])
    model.summary()
    print(f"\nTraining in rounds at learning rate {schedule['learning_rate']}; after each round:")
    print("  round  epochs        mse        mae    mape %  cosine similarity")
    rounds, done = [], 0
    for number, (epochs, history) in enumerate(zip(schedule["epochs"], train(model, schedule)), 1):
        chart_round(out / f"metrics-epochs-{epochs}.png", number, done + 1, history)
        rounds.append(history)
        done += epochs
        last = {name: values[-1] for name, values in history.items()}
        print(f"  {number:5d}  {epochs:6d}  {last['mse']:9.2e}  {last['mae']:9.2e}  "
              f"{last['mape']:8.2e}  {last['cosine_similarity']:17.2f}")
    charts.loss_over_rounds(
        out / "metrics-all-rounds.png",
        "Lab 4: loss over all rounds (each round continues the last)",
        "loss (mean squared error, log scale)",
        rounds,
    )
    x, _ = training_data()
    print(f"\nAfter {done} epochs the model predicts {model.predict(x, verbose=0)[0, 0]:.6f} for target 1.")
    print("Cosine similarity is 1 or -1 throughout: between two single numbers it only says")
    print("whether they have the same sign.")
    print(f"Saved {len(rounds)} round charts and the all-rounds chart to {common.shown(out)}/")

    # Drawn last, so that a missing Graphviz does not cost the training and charts above.
    path = common.save_diagram(model, out / "mymodel.png", show_shapes=True)
    print(f"Saved the model picture to {common.shown(path)}")


if __name__ == "__main__":
    common.run(main)

"""Lab 5: a three-class classifier.

Companion code of the series' fifth post. Run it from the repository folder:

    python lab5/classifier.py              # trains in 10 short rounds, then predicts
    python lab5/classifier.py --published  # the post's schedule: 5,500 epochs at batch size 1
    python lab5/classifier.py -o /tmp      # writes the CSVs, charts and picture elsewhere

Three inputs, [1,1,1,1], [2,2,2,2] and [3,3,3,3], belong to classes 2, 1 and 0. Each round
continues training the same model and saves its loss history as CSV and as a chart; a
last chart shows all rounds. lab5/README.md explains why the post's schedule is slow and
what trains as well in a fraction of the time.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # find common/ from any folder
import common  # noqa: E402  (also switches off TensorFlow's start-up log lines)

SEED = 5
# The post: rounds of 100, 200, ..., 1000 epochs (5,500 in all), one sample per step
# (batch size 1, so 3 steps an epoch), Adam's default learning rate 0.001.
PUBLISHED = {"epochs": range(100, 1001, 100), "batch_size": 1, "learning_rate": 0.001}
# This lab: all 3 samples in each step, a 20x larger learning rate and 5, 10, ..., 50 epochs
# (275 in all): 60x fewer steps, and the same result.
SHORT = {"epochs": range(5, 51, 5), "batch_size": 3, "learning_rate": 0.02}


def training_data():
    """The three inputs and their classes, one-hot: [0,0,1], [0,1,0], [1,0,0]."""
    import numpy as np

    x = np.array([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]], dtype="float32")
    y = np.array([[0, 0, 1], [0, 1, 0], [1, 0, 0]], dtype="float32")
    return x, y


def build_model(learning_rate):
    """Dense(50) on 4 inputs -> Dense(3, softmax): one probability per class."""
    import keras
    from keras.layers import Dense, Input
    from keras.models import Sequential

    model = Sequential()
    model.add(Input(shape=(4,)))
    model.add(Dense(50))
    model.add(Dense(3, activation="softmax"))
    model.compile(
        loss="categorical_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate),
        metrics=["categorical_accuracy"],
    )
    return model


def dataset(batch_size):
    """The training data as a tf.data.Dataset, in order (the post turned shuffling off).

    Given NumPy arrays, fit() builds a new input pipeline at the start of every epoch
    (~50 ms here, more than the 3 training steps); a Dataset built once is reused.
    """
    import tensorflow as tf

    return tf.data.Dataset.from_tensor_slices(training_data()).batch(batch_size)


def train(model, schedule, callbacks=()):
    """Train one round per entry of schedule["epochs"], each continuing where the last
    stopped; yield each round's history (per-epoch loss and categorical accuracy)."""
    data = dataset(schedule["batch_size"])
    for epochs in schedule["epochs"]:
        yield model.fit(data, epochs=epochs, verbose=0, shuffle=False, callbacks=list(callbacks)).history

def chart_round(path, number, first_epoch, history):
    """One round's loss and accuracy curves."""
    from common import charts

    epochs = range(first_epoch, first_epoch + len(history["loss"]))
    fig, (loss, accuracy) = charts.figure(
        f"Lab 5, round {number}: epochs {epochs[0]}-{epochs[-1]}", 1, 2, width_ratios=[2, 1]
    )
    loss.plot(epochs, history["loss"], label="categorical cross-entropy")
    loss.set_ylabel("loss value")
    loss.legend()
    accuracy.plot(epochs, history["categorical_accuracy"], label="categorical accuracy", color="C1")
    accuracy.set_ylim(-0.05, 1.05)
    accuracy.set_ylabel("share of the 3 inputs classified right")
    accuracy.legend(loc="lower right")
    for ax in (loss, accuracy):
        ax.set_xlabel("training epoch")
    return charts.save(fig, path)


def predict(model, inputs):
    """Class probabilities for each input, as a NumPy array (one row per input)."""
    import keras

    return keras.ops.convert_to_numpy(model(inputs))


def main():
    args = common.lab_parser(
        __file__,
        "Train Lab 5's three-class classifier in rounds.",
        published="the post's full schedule: 5,500 epochs at batch size 1 (a minute or so)",
    ).parse_args()
    schedule = PUBLISHED if args.published else SHORT
    out = args.output_dir

    import keras
    import numpy as np

    from common import charts

    keras.utils.set_random_seed(SEED)
    model = build_model(schedule["learning_rate"])
    model.summary()
    print(f"\nTraining in rounds: batch size {schedule['batch_size']}, "
          f"learning rate {schedule['learning_rate']}; after each round:")
    print("  round  epochs       loss  categorical accuracy")
    rounds, done = [], 0
    for number, (epochs, history) in enumerate(zip(schedule["epochs"], train(model, schedule)), 1):
        rows = zip(range(done + 1, done + epochs + 1), history["loss"], history["categorical_accuracy"])
        common.save_csv(out / f"loss-epochs-{epochs}.csv", rows, ["epoch", "loss", "categorical_accuracy"])
        chart_round(out / f"loss-epochs-{epochs}.png", number, done + 1, history)
        rounds.append(history)
        done += epochs
        print(f"  {number:5d}  {epochs:6d}  {history['loss'][-1]:9.2e}  "
              f"{history['categorical_accuracy'][-1]:20.2f}")
    charts.loss_over_rounds(
        out / "loss-all-rounds.png",
        "Lab 5: loss over all rounds (each round continues the last)",
        "loss (categorical cross-entropy, log scale)",
        rounds,
    )
    print(f"Saved each round's loss history (CSV) and chart, and the all-rounds chart, "
          f"to {common.shown(out)}/")

    x, y = training_data()
    # np.round, not the post's np.round_ (removed in NumPy 2).
    print("\nClass probabilities after training, rounded to 2 decimals:")
    print("  input           class 0  class 1  class 2   predicted  expected")
    for sample, probabilities, target in zip(x, np.round(predict(model, x), 2), y):
        k = int(sample[0])
        values = "  ".join(f"{p:7.2f}" for p in probabilities)
        print(f"  [{k}, {k}, {k}, {k}]    {values}   {np.argmax(probabilities):9d}  {np.argmax(target):8d}")
    print()

    # Drawn last, so that a missing Graphviz does not cost the training and charts above.
    path = common.save_diagram(model, out / "mymodel.png", show_shapes=True)
    print(f"Saved the model picture to {common.shown(path)}")


if __name__ == "__main__":
    common.run(main)

"""Lab 3: a first training run.

Companion code of the series' third post. Run it from the repository folder:

    python lab3/train.py              # trains, prints targets and predictions, writes lab3/mymodel.png
    python lab3/train.py --published  # the post's exact setup, over 10 seeds: see the dead ReLU
    python lab3/train.py -o /tmp      # writes the picture into another folder

The network learns y = x from three samples. The published setup ends in a ReLU and
reports "accuracy"; about half its runs predict 0 for everything. lab3/README.md explains
what changed and why.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # find common/ from any folder
import common  # noqa: E402  (also switches off TensorFlow's start-up log lines)

SEED = 3
EPOCHS = 100
LEARNING_RATE = 0.01


def training_data():
    """Three samples of 4 features, [1,1,1,1], [2,2,2,2], [3,3,3,3], with targets 1, 2, 3."""
    import numpy as np

    x = np.array([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]], dtype="float32")
    y = np.array([1, 2, 3], dtype="float32")
    return x, y


def build_model(output_activation=None):
    """Dense(10) -> ReLU -> Dense(20) -> ReLU -> Dense(1), plus an optional output activation."""
    from keras.layers import Activation, Dense, Input
    from keras.models import Sequential

    model = Sequential()
    model.add(Input(shape=(4,)))
    model.add(Dense(10))
    model.add(Activation("relu"))
    model.add(Dense(20))
    model.add(Activation("relu"))
    model.add(Dense(1))
    if output_activation:  # the post ends in "relu"; a regression output is better left linear
        model.add(Activation(output_activation))
    return model


def train(model, epochs=EPOCHS):
    """This lab's run: mean squared error, Adam, mean absolute error as the metric."""
    import keras

    x, y = training_data()
    model.compile(loss="mse", optimizer=keras.optimizers.Adam(LEARNING_RATE), metrics=["mae"])
    history = model.fit(x, y, epochs=epochs, batch_size=3, verbose=0)
    return history.history


def train_published(seed):
    """The post's run: ReLU output, SGD, the "accuracy" metric, 10 epochs of batch size 3."""
    import keras

    keras.utils.set_random_seed(seed)
    x, y = training_data()
    model = build_model("relu")
    model.compile(loss="mse", optimizer="sgd", metrics=["accuracy"])
    history = model.fit(x, y, epochs=10, batch_size=3, verbose=0)
    return model, history.history


def predict(model):
    """The model's predictions for the three training samples, as a NumPy array."""
    import keras

    x, _ = training_data()
    # Calling the model directly: model.predict() would compile a new function per model.
    return keras.ops.convert_to_numpy(model(x))[:, 0]


def main():
    args = common.lab_parser(
        __file__,
        "Train Lab 3's model on three samples and draw it.",
        published="run the post's setup (ReLU output, SGD, 'accuracy', 10 epochs) with seeds 0-9",
    ).parse_args()

    if args.published:
        print("The post's setup, 10 epochs of SGD, trained with 10 different seeds:")
        print("  seed   predictions for targets 1, 2, 3   'accuracy'")
        for seed in range(10):
            model, history = train_published(seed)
            predictions = predict(model)
            dead = "   <- the output ReLU is dead: 0 for every input" if not predictions.any() else ""
            values = "  ".join(f"{p:6.3f}" for p in predictions)
            print(f"  {seed:4d}   {values:32s}  {history['accuracy'][-1]:9.2f}{dead}")
        print("With one output unit, 'accuracy' is binary accuracy: each prediction counts as 1")
        print("if above 0.5, else 0, and is compared with the target. Only the target 1 can ever")
        print("match, so it never passes 1/3 here: it says nothing about a regression.\n")
    else:
        import keras

        keras.utils.set_random_seed(SEED)
        model = build_model()
        model.summary()
        history = train(model)
        print(f"\nTrained {EPOCHS} epochs: loss (mean squared error) {history['loss'][-1]:.5f}, "
              f"mean absolute error {history['mae'][-1]:.4f}")
        print("  target   prediction")
        _, targets = training_data()
        for target, prediction in zip(targets, predict(model)):
            print(f"  {target:6.0f}   {prediction:10.3f}")
        print()

    # Drawn last, so that a missing Graphviz does not cost the training output above.
    path = common.save_diagram(model, args.output_dir / "mymodel.png", show_shapes=True)
    print(f"Saved the model picture to {common.shown(path)}")


if __name__ == "__main__":
    common.run(main)

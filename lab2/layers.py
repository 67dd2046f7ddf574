"""Lab 2: more layers, and activations as layers of their own.

Companion code of the series' second post. Run it from the repository folder:

    python lab2/layers.py             # prints the summary and a softmax demo, writes lab2/mymodel.png
    python lab2/layers.py -o /tmp     # writes the picture into another folder

The published model ends in a one-unit softmax, which outputs 1.0 for every input. This
lab ends in a sigmoid instead and shows, side by side, why (see lab2/README.md).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # find common/ from any folder
import common  # noqa: E402  (also switches off TensorFlow's start-up log lines)

SEED = 2  # same weights, same numbers on every run


def build_model(output_activation="sigmoid"):
    """Dense(32) -> ReLU -> Dense(1) -> output activation, on inputs of 100 numbers."""
    from keras.layers import Activation, Dense, Input
    from keras.models import Sequential

    model = Sequential()
    model.add(Input(shape=(100,)))
    model.add(Dense(32))
    model.add(Activation("relu"))  # an activation can be a layer of its own...
    model.add(Dense(1))
    # ...and so is the output's. The post used "softmax" here; with one unit, softmax
    # divides the output by itself and is always 1.0. A sigmoid gives a probability.
    model.add(Activation(output_activation))
    return model


def compare_output_activations(model, samples):
    """Outputs of `model` and of the same weights ending in a softmax, for each sample,
    and the warnings Keras gives about that softmax (shown as part of the lesson)."""
    import warnings

    published = build_model("softmax")
    published.set_weights(model.get_weights())  # identical but for the last activation
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        softmax = published.predict(samples, verbose=0)[:, 0]
    return model.predict(samples, verbose=0)[:, 0], softmax, [str(w.message) for w in caught]


def main():
    args = common.lab_parser(__file__, "Build Lab 2's model, print its summary and draw it.").parse_args()

    import keras
    import numpy as np

    keras.utils.set_random_seed(SEED)
    model = build_model()
    model.summary()

    samples = np.random.default_rng(SEED).normal(size=(5, 100))
    sigmoid, softmax, keras_warnings = compare_output_activations(model, samples)
    print("\nThe same model and weights on 5 random inputs, with each output activation:")
    print("  input   sigmoid (this lab)   softmax (the post)")
    for i, (ours, theirs) in enumerate(zip(sigmoid, softmax), 1):
        print(f"  {i:5d}   {ours:17.4f}   {theirs:18.4f}")
    print("A one-unit softmax is e^x / e^x = 1 whatever the input: it cannot tell inputs apart.")
    for message in keras_warnings:  # Keras 3 notices it too
        print(f"Keras itself warns about the softmax: {message}")
    print()

    path = common.save_diagram(model, args.output_dir / "mymodel.png", show_shapes=True)
    print(f"Saved the model picture to {common.shown(path)}")


if __name__ == "__main__":
    common.run(main)

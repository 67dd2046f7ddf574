"""Lab 1: a basic Keras model, drawn as a picture.

Companion code of the post "Lab1 Keras Basic Model". Run it from the repository folder:

    python lab1/basic.py                 # prints the summary, writes lab1/mymodel.png
    python lab1/basic.py -o model.svg    # writes another file; its extension picks the format

Keras is imported inside the functions rather than at the top, so that a mistyped
-o path is reported at once instead of after the few seconds TensorFlow takes to load,
and so that a missing package ends in a clear message instead of a traceback.
"""

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # lets `python basic.py` find common/ from any folder
import common  # noqa: E402  (also switches off TensorFlow's start-up log lines)


def build_model():
    """The post's model: one Dense layer of 10 sigmoid units, fed inputs of shape (3, 1)."""
    from keras.layers import Dense, Input
    from keras.models import Sequential

    model = Sequential()
    # The post writes Dense(10, input_shape=(3, 1), activation='sigmoid'). Keras 3 still
    # accepts that but warns "Do not pass an input_shape/input_dim argument to a layer":
    # it wants the input declared by an Input first. The model and its picture are the same.
    model.add(Input(shape=(3, 1)))
    model.add(Dense(10, activation="sigmoid"))
    return model


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Build the basic Keras model of Lab 1, print its summary and draw it.",
        epilog="Drawing needs the Graphviz program `dot` (see README.md).",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=common.output_file,
        default=str(HERE / "mymodel.png"),
        help="where to write the picture (default: mymodel.png next to this script). "
        f"The extension picks the format: {', '.join(common.FORMATS)}.",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    model = build_model()
    model.summary()
    # The post's last line is plot_model(model, to_file='mymodel.png', show_shapes=True).
    # save_diagram makes that same call, through a temporary file so that no run leaves a
    # half-written picture, and explains what to do when Graphviz is missing.
    path = common.save_diagram(model, args.output, show_shapes=True)
    print(f"Saved the model picture to {common.shown(path)}")


if __name__ == "__main__":
    common.run(main)

"""Training charts for the labs: matplotlib with the Agg backend, so they render on a
machine without a screen, in the ggplot style the series uses."""

import logging

# On its first run matplotlib builds a font cache and says so on stderr; the lab's output
# is the lesson, so keep that notice quiet (real errors still show).
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # draw to files only; never look for a display

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from common import replacing  # noqa: E402

plt.style.use("ggplot")


def figure(title, nrows=1, ncols=1, **kwargs):
    """A new figure with a title; returns (figure, axes) as plt.subplots does."""
    # A fixed layout: tight_layout() would double the time each chart takes to draw.
    fig, axes = plt.subplots(nrows, ncols, figsize=(4 + 4 * ncols, 5), gridspec_kw=kwargs)
    fig.subplots_adjust(left=0.09, right=0.97, bottom=0.11, top=0.9, wspace=0.25)
    fig.suptitle(title)
    for ax in np.ravel(axes):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # epochs are whole numbers
    return fig, axes


def colours(count):
    """`count` colours that run in order from dark to light, one per training round."""
    return plt.cm.viridis([i / max(count - 1, 1) * 0.9 for i in range(count)])


def save(fig, path):
    """Save a figure as PNG (written whole or not at all) and free its memory."""
    try:
        with replacing(path) as temp:
            fig.savefig(temp, format="png", dpi=100)
    finally:
        plt.close(fig)
    return path


def loss_over_rounds(path, title, ylabel, rounds):
    """The loss over every epoch of every round (each a history dict), one colour per
    round, on a log scale: the chart of all rounds together that labs 4 and 5 draw."""
    fig, ax = figure(title)
    start = 1
    for number, (history, colour) in enumerate(zip(rounds, colours(len(rounds))), 1):
        epochs = range(start, start + len(history["loss"]))
        ax.plot(epochs, history["loss"], color=colour, label=f"round {number}: {len(epochs)} epochs")
        start += len(epochs)
    ax.set_yscale("log")
    ax.set_xlabel("training epoch")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, ncol=2)
    return save(fig, path)

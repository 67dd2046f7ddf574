"""Benchmarks for the labs' targets (run with `make bench`; pick parts with BENCH_ARGS).

  lab1   `python lab1/basic.py` against `python -c "import keras"`, the floor, and against
         `import keras, gc; gc.freeze()` (the same floor with the labs' quicker exit):
         rounds of runs, rotating which goes first; medians and median ratios, of wall
         and of CPU time. Target: basic.py / import keras <= 1.05.
  labs   each lab's default run, wall time of the whole process, median of --runs runs
         taken round-robin. Target: <= 20 s each.
  lab5   Lab 5's training in process: the published schedule (5,500 epochs, batch size 1)
         against the lab's default (275 epochs, batch size 3): total time, and time until
         categorical accuracy first reaches the published run's final value.
         Target: the default gets there >= 15x sooner than the published schedule ends.
  setup  a fresh clone to the first picture (`make run`, with an empty uv cache so every
         package is downloaded), then `make test` in that clone. Targets: <= 60 s each
         (the first measured with Graphviz already installed, unless you remove it).

Default: lab1 labs lab5. Times are wall-clock seconds as a reader would feel them.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Every lab's script, one per lab folder ("lab1/basic.py", ...), as the Makefile finds them.
LABS = sorted(str(p.relative_to(REPO)) for p in REPO.glob("lab[0-9]*/*.py"))


def timed(command, **kwargs):
    return measured(command, **kwargs)[0]


def measured(command, **kwargs):
    """Run a command; return its (wall, CPU) seconds, CPU being user + system time of the
    process and its children (Graphviz's dot), which a busy or throttled machine disturbs
    far less than wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def spread(values):
    return f"median {statistics.median(values):6.2f} s  (min {min(values):.2f}, max {max(values):.2f})"


def bench_lab1(pairs):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}  # the same quiet import in all
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "import keras": [sys.executable, "-c", "import keras"],
            # The labs freeze the garbage collector before exiting (common.run), which skips
            # ~1.5 s of teardown; this floor does the same, for a like-for-like ratio.
            "import+freeze": [sys.executable, "-c", "import keras, gc; gc.freeze()"],
            "lab1/basic.py": [sys.executable, str(REPO / "lab1/basic.py"), "-o", f"{tmp}/m.png"],
        }
        timed(commands["import keras"], env=env)  # warm the file cache once
        wall = {name: [] for name in commands}
        cpu = {name: [] for name in commands}
        names = list(commands)
        for i in range(pairs):
            for name in names[i % 3:] + names[: i % 3]:  # rotate which goes first
                w, c = measured(commands[name], env=env)
                wall[name].append(w)
                cpu[name].append(c)
    print(f"lab1: {pairs} rounds of runs (target: basic.py / import keras, median ratio <= 1.05)")
    for kind, times in [("wall", wall), ("CPU", cpu)]:
        for name, values in times.items():
            print(f"  {kind:4s} {name:14s} {spread(values)}")
        for floor in ["import keras", "import+freeze"]:
            ratios = [s / f for s, f in zip(times["lab1/basic.py"], times[floor])]
            print(f"  {kind:4s} ratio basic.py / {floor}: median {statistics.median(ratios):.3f} "
                  f"(min {min(ratios):.3f}, max {max(ratios):.3f})")


def bench_labs(runs):
    times = {script: [] for script in LABS}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for script in LABS:
                target = f"{tmp}/m.png" if script.startswith("lab1/") else tmp
                times[script].append(timed([sys.executable, str(REPO / script), "-o", target]))
    print(f"labs: default run of each lab, {runs} runs round-robin (target <= 20 s)")
    for script, values in times.items():
        print(f"  {script:20s} {spread(values)}")


def bench_lab5():
    import keras

    sys.path.insert(0, str(REPO / "lab5"))
    import classifier as lab

    class Clock(keras.callbacks.Callback):
        """Records when each epoch ended and its categorical accuracy."""

        def __init__(self):
            super().__init__()
            self.start, self.epochs = time.perf_counter(), []

        def on_epoch_end(self, epoch, logs=None):
            self.epochs.append((time.perf_counter() - self.start, logs["categorical_accuracy"]))

    def run(schedule):
        keras.utils.set_random_seed(lab.SEED)
        model = lab.build_model(schedule["learning_rate"])
        clock = Clock()
        list(lab.train(model, schedule, callbacks=[clock]))
        return clock.epochs

    published, short = run(lab.PUBLISHED), run(lab.SHORT)
    goal = published[-1][1]

    def reached(epochs):
        return next((i + 1, t) for i, (t, accuracy) in enumerate(epochs) if accuracy >= goal)

    print(f"lab5: training in process; the published schedule ends at categorical accuracy {goal:.2f}")
    for name, epochs in [("published", published), ("default", short)]:
        epoch, when = reached(epochs)
        print(f"  {name:9s} {len(epochs):5d} epochs in {epochs[-1][0]:6.2f} s, final accuracy "
              f"{epochs[-1][1]:.2f}; accuracy {goal:.2f} first at epoch {epoch} ({when:.2f} s)")
    print(f"  published schedule / default's time to accuracy {goal:.2f}: "
          f"{published[-1][0] / reached(short)[1]:.0f}x (target >= 15x); "
          f"whole schedules: {published[-1][0] / short[-1][0]:.1f}x")


def bench_setup():
    with tempfile.TemporaryDirectory() as tmp:
        clone, cache = Path(tmp) / "clone", Path(tmp) / "uv-cache"
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        env = {**os.environ, "UV_CACHE_DIR": str(cache)}  # cold: everything downloaded
        first = timed(["make", "run"], cwd=clone, env=env)
        print(f"setup: fresh clone -> first picture (make run, empty uv cache): {first:.1f} s; target <= 60 s")
        tests = timed(["make", "test"], cwd=clone, env=env)
        print(f"setup: make test with the venv in place: {tests:.1f} s; target <= 60 s for Lab 1, "
              f"<= 180 s for all labs")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="*", choices=["lab1", "labs", "lab5", "setup"],
                        help="what to measure (default: lab1 labs lab5)")
    parser.add_argument("--pairs", type=int, default=11, help="paired runs for lab1 (default 11)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each lab for labs (default 3)")
    args = parser.parse_args()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    for part in args.parts or ["lab1", "labs", "lab5"]:
        {"lab1": lambda: bench_lab1(args.pairs), "labs": lambda: bench_labs(args.runs),
         "lab5": bench_lab5, "setup": bench_setup}[part]()


if __name__ == "__main__":
    main()

"""Benchmarks for the Lab 1 targets (run with `make bench`).

1. `python lab1/basic.py` against `python -c "import keras"`, the floor it cannot beat:
   paired runs, alternating which goes first, reporting medians and the median ratio.
2. With --setup: a fresh clone of this repository to the first picture (`make run` with a
   new, empty uv cache, so every package is downloaded), then `make test` in that clone.

Times are wall-clock seconds of whole processes, as a reader would feel them.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start


def bench_script(pairs):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}  # the same quiet import in both
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "import keras": [sys.executable, "-c", "import keras"],
            "lab1/basic.py": [sys.executable, str(REPO / "lab1/basic.py"), "-o", f"{tmp}/m.png"],
        }
        timed(commands["import keras"], env=env)  # warm the file cache once
        times = {name: [] for name in commands}
        for i in range(pairs):
            order = list(commands) if i % 2 == 0 else list(commands)[::-1]
            for name in order:
                times[name].append(timed(commands[name], env=env))
    ratios = [s / f for s, f in zip(times["lab1/basic.py"], times["import keras"])]
    print(f"{pairs} paired runs (median, min-max):")
    for name, values in times.items():
        print(f"  {name:14s} {statistics.median(values):6.2f} s  ({min(values):.2f}-{max(values):.2f})")
    print(f"  ratio basic.py / import keras: median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}); target <= 1.05")


def bench_setup():
    with tempfile.TemporaryDirectory() as tmp:
        clone, cache = Path(tmp) / "clone", Path(tmp) / "uv-cache"
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        env = {**os.environ, "UV_CACHE_DIR": str(cache)}  # cold: everything downloaded
        first = timed(["make", "run"], cwd=clone, env=env)
        print(f"fresh clone -> first picture (make run, empty uv cache): {first:.1f} s; target <= 60 s")
        tests = timed(["make", "test"], cwd=clone, env=env)
        print(f"make test with the venv in place: {tests:.1f} s; target <= 60 s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=11, help="paired runs (default 11)")
    parser.add_argument("--setup", action="store_true", help="also time a fresh clone's make run / make test")
    args = parser.parse_args()
    bench_script(args.pairs)
    if args.setup:
        bench_setup()


if __name__ == "__main__":
    main()

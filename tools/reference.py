"""Redraw the reference pictures in docs/ (run with `make reference`).

Each lab runs once with its default settings into a temporary folder; the picture the
READMEs show is copied to docs/labN-*.png. Labs 1 to 3 show their model; labs 4 and 5
their chart of all training rounds.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PICTURES = {  # script -> (file it writes, name in docs/)
    "lab1/basic.py": ("mymodel.png", "lab1-mymodel.png"),
    "lab2/layers.py": ("mymodel.png", "lab2-mymodel.png"),
    "lab3/train.py": ("mymodel.png", "lab3-mymodel.png"),
    "lab4/metrics.py": ("metrics-all-rounds.png", "lab4-metrics-all-rounds.png"),
    "lab5/classifier.py": ("loss-all-rounds.png", "lab5-loss-all-rounds.png"),
}

for script, (written, kept) in PICTURES.items():
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / written if script.startswith("lab1/") else Path(tmp)
        subprocess.run([sys.executable, str(REPO / script), "-o", str(target)], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copyfile(Path(tmp) / written, REPO / "docs" / kept)
        print(f"docs/{kept}")

#!/bin/sh
# Create .venv (when missing) and install requirements.txt into it, with bytecode compiled.
#   usage: sh tools/setup_venv.sh PYTHON VENV
# Uses uv, which installs the TensorFlow stack about 4x faster than pip; uv comes from
# PATH if you have it, else it is installed into the venv itself. Bytecode is compiled at
# install time because, where PYTHONDONTWRITEBYTECODE is set, nothing else ever writes it
# and every `import keras` would then take ~2.5x longer.
set -eu
python=${1:-python3}
venv=${2:-.venv}

# TensorFlow 2.21 has wheels for Python 3.10 to 3.13 only.
if ! "$python" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
    echo "Keras Labs needs Python 3.10 to 3.13 (TensorFlow 2.21's range); '$python' is" \
        "$("$python" --version 2>&1 || echo 'not found')." >&2
    echo "Pick another one, for example: make run PYTHON=python3.12" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "Creating the virtual environment $venv..."
    # Without pip it takes 0.2 s instead of 8 s; pip is installed below with the rest.
    "$python" -m venv --without-pip "$venv" || {
        echo "Could not create $venv with $python. On Debian/Ubuntu install the venv module:" >&2
        echo "  sudo apt-get install python3-venv" >&2
        exit 1
    }
fi

if command -v uv >/dev/null 2>&1; then
    uv=uv
elif [ -x "$venv/bin/uv" ]; then
    uv="$venv/bin/uv"
else
    echo "Installing uv into $venv..."
    # pip can install into another environment since version 22.3 (--python);
    # older pips, or none, get a venv with its own pip to do it.
    if ! "$python" -m pip --python "$venv/bin/python" install -q uv 2>/dev/null; then
        "$venv/bin/python" -m ensurepip -q 2>/dev/null || "$python" -m venv "$venv"
        "$venv/bin/python" -m pip install -q uv
    fi
    uv="$venv/bin/uv"
fi

echo "Installing the Python packages of requirements.txt into $venv (about 20 s)..."
# pip is added so that `python -m pip` works in the venv as readers expect.
"$uv" pip install -q --python "$venv/bin/python" --compile-bytecode -r requirements.txt pip

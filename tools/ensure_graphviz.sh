#!/bin/sh
# Make sure Graphviz's `dot` program exists: keras.utils.plot_model runs it to draw.
# Installs it without prompting where that is possible (root or password-less sudo with
# apt-get or dnf; Homebrew); otherwise stops with the exact command to run.
set -u

command -v dot >/dev/null 2>&1 && exit 0

if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    sudo="none"
fi

install() {  # install <package manager command ...>: run it, quietly unless it fails
    log=$(mktemp)
    if "$@" >"$log" 2>&1; then rm -f "$log"; return 0; fi
    cat "$log" >&2; rm -f "$log"; return 1
}

if command -v apt-get >/dev/null 2>&1; then
    manual="sudo apt-get update && sudo apt-get install -y graphviz"
    if [ "$sudo" != none ]; then
        echo "Installing Graphviz (apt-get install graphviz)..."
        export DEBIAN_FRONTEND=noninteractive
        # Try with the package lists the machine has; a new machine may have none yet.
        install $sudo apt-get install -y -q graphviz 2>/dev/null ||
            { install $sudo apt-get update -q && install $sudo apt-get install -y -q graphviz; }
    fi
elif command -v dnf >/dev/null 2>&1; then
    manual="sudo dnf install -y graphviz"
    [ "$sudo" != none ] && echo "Installing Graphviz (dnf install graphviz)..." &&
        install $sudo dnf install -y graphviz
elif command -v brew >/dev/null 2>&1; then
    manual="brew install graphviz"
    echo "Installing Graphviz (brew install graphviz)..."
    install brew install graphviz
else
    manual="your system's package manager (see README.md, 'Install Graphviz')"
fi

command -v dot >/dev/null 2>&1 && exit 0
echo "Graphviz's 'dot' program is missing and could not be installed automatically." >&2
echo "Install it with: $manual" >&2
echo "then run make again." >&2
exit 1

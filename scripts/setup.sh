#!/usr/bin/env bash
# Installs the system packages Swirl needs (Debian/Ubuntu) and builds a release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq libedit-dev tmux >/dev/null
fi
swift build -c release

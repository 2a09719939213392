#!/usr/bin/env bash
# Sets up Swirl and runs an example script.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.build/release/swirl examples/tasks.py

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
# A bare `.none` where a `Value?` is expected means Swift's nil, not Python's None: the
# compiler only warns about it, so the build fails here if it ever appears.
log=$(mktemp)
swift build -c release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if grep -q "assuming you mean 'Optional<Value>.none'" "$log"; then
    echo "error: ambiguous '.none' in a Value? context (write Value.none or nil)" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
exit "$status"

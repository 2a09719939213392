#!/usr/bin/env bash
# Sets up Swirl and runs every test: the Swift test suites, the networking load test, then
# the conformance scripts (when ../shared/conformance exists next to the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test
scripts/load-test.sh .build/release/swirl
# The example embedding host (Sources/PluginHost, docs/embedding.md) builds and runs a plugin.
swift build --product plugin-host
host_out=$("$(swift build --show-bin-path)/plugin-host" examples/plugins/report.py)
echo "$host_out"
grep -q '^warmest: Oslo$' <<<"$host_out"
grep -q '^sandbox: PermissionError' <<<"$host_out"
if [ -d ../shared/conformance ]; then
    ../shared/conformance/run .build/release/swirl ../shared/conformance
fi

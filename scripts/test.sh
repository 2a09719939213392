#!/usr/bin/env bash
# Sets up Swirl and runs every test: the Swift test suites, the networking load test, then
# the conformance scripts (when ../shared/conformance exists next to the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test
scripts/load-test.sh .build/release/swirl
if [ -d ../shared/conformance ]; then
    ../shared/conformance/run .build/release/swirl ../shared/conformance
fi

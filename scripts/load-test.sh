#!/usr/bin/env bash
# Load and fault test of Swirl's networking (loopback only, bounded in time):
#  - 1,000 concurrent clients x 100 round trips against a Swirl echo server: every byte
#    comes back, no connection refused or dropped;
#  - meanwhile clients that send half a line and close, vanish mid-message, or connect
#    and never send: the server keeps serving everyone;
#  - afterwards the server's descriptor count is back to its start value;
#  - an idle server uses (almost) no CPU.
# usage: scripts/load-test.sh [SWIRL]   (default .build/release/swirl)
set -euo pipefail
cd "$(dirname "$0")/.."
swirl=${1:-.build/release/swirl}
[[ -x $swirl ]] || { echo "load-test: $swirl not built (run scripts/setup.sh)"; exit 1; }
# 1,000 clients and their 1,000 server-side sockets need more than the usual 1,024 descriptors.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
tmp=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "load-test FAILED: $*"; [[ -f $tmp/server.err ]] && tail -n 20 "$tmp/server.err"; exit 1; }

"$swirl" examples/echo_server.py 0 >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/server.out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/server.out")
[[ -n $port ]] || fail "the echo server did not start"
fds_at_start=$(ls "/proc/$server_pid/fd" | wc -l)
echo "echo server pid $server_pid on port $port, $fds_at_start descriptors"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
idle_before=$(cpu_ticks); sleep 2; idle_after=$(cpu_ticks)
idle=$((idle_after - idle_before))
echo "idle server CPU over 2 s: $idle ticks (1 tick = 10 ms)"
((idle <= 1)) || fail "an idle server burns CPU ($idle ticks in 2 s)"

timeout 120 "$swirl" scripts/load/faults.py "$port" >"$tmp/faults.out" 2>&1 &
faults_pid=$!
start=$(date +%s.%N)
timeout 120 "$swirl" examples/echo_clients.py "$port" 1000 100 | tee "$tmp/clients.out" || fail "the clients failed"
end=$(date +%s.%N)
grep -q "^1000 of 1000 clients done, 3179000 bytes echoed" "$tmp/clients.out" || fail "not every byte came back"
echo "1000 clients x 100 round trips in $(awk "BEGIN {printf \"%.2f\", $end - $start}") s"
wait "$faults_pid" || { cat "$tmp/faults.out"; fail "the faulty clients broke the server"; }
cat "$tmp/faults.out"
kill -0 "$server_pid" 2>/dev/null || fail "the server died"

for _ in $(seq 100); do
  fds_now=$(ls "/proc/$server_pid/fd" | wc -l)
  ((fds_now == fds_at_start)) && break
  sleep 0.05
done
echo "server descriptors: $fds_at_start at start, $fds_now after the clients left"
((fds_now == fds_at_start)) || fail "the server leaks descriptors"
[[ ! -s $tmp/server.err ]] || { cat "$tmp/server.err"; fail "the server reported errors"; }
echo "load-test: passed"

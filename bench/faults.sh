#!/usr/bin/env bash
# The reference server's --fault latency: does a delayed request hold a worker? Prints a Markdown
# section on stdout (bench/run.sh appends it to docs/benchmarks.md). About 10 seconds.
#
#   bench/faults.sh [STUB_JAR]
#
# 200 discoveries are sent at once, each delayed 200 ms by `--fault latency:200ms`, to a server
# with its default worker pool (8 threads on 2 cores). If the delay slept on a worker, they would
# take at least 200 / 8 x 0.2 s = 5 s; the timer hands each back when it is due, so they all wait
# side by side. Needs curl and xargs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
jar="${1:-$(ls "$root"/lightpane-stub/target/lightpane-stub-*.jar | grep -v -e original -e sources -e javadoc | head -1)}"
work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" --port 0 --quiet --fault latency:200ms >"$work/server.out" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -m1 '^http://' "$work/server.out" 2>/dev/null || true)"
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { echo "bench/faults.sh: the server did not start" >&2; exit 1; }

body='{"services":[{"service":"s3","provider":"aws","region":"eu-west-2"}]}'
one() {
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 "$url/discovery" \
    -H 'Content-Type: application/json' -d "$body"
}
export -f one
export url body

one >/dev/null # warm the JVM's first discovery
seconds() { date +%s.%N; }

start="$(seconds)"
for _ in 1 2 3 4 5; do one; done >"$work/serial"
serial="$(echo "$(seconds) - $start" | bc)"

start="$(seconds)"
seq 200 | xargs -P 200 -I{} bash -c one >"$work/concurrent"
concurrent="$(echo "$(seconds) - $start" | bc)"
ok="$(grep -c '^200$' "$work/concurrent" || true)"

echo
echo "## Reference server: --fault latency (bench/faults.sh)"
echo
echo "Written by \`bench/faults.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo "A server started with \`--fault latency:200ms\` (default worker pool: 8 threads here) and"
echo "\`curl\` on loopback:"
echo
echo "| requests | sent | wall time | answered 200 |"
echo "|---|---|---|---|"
printf '| 5 | one after another | %.2f s | 5 |\n' "$serial"
printf '| 200 | all at once | %.2f s | %s |\n' "$concurrent" "$ok"
echo
echo "If the delay slept on a worker, 200 requests would need at least 25 rounds of 8, 5 s; they"
echo "wait side by side on the fault timer, so the wall time stays near one delay plus the cost of"
echo "starting 200 curl processes."

#!/usr/bin/env bash
# The SDK's overhead over a raw java.net.http + Jackson call, and an async fan-out over 20 regions
# (issue 14, item 4), measured with JMH (lightpane-bench). Writes its own section of
# docs/benchmarks.md, between the sdk-overhead markers (replaced on every run).
#
#   bench/sdk.sh                          # about 5 minutes
#   JMH_OPTS='-wi 1 -i 2' bench/sdk.sh    # quicker, noisier (options added to the defaults)
#
# Needs jq (sudo apt-get install -y jq). Called by bench/run.sh; runs alone too.
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_tools jq

echo "sdk: building lightpane-bench..." >&2
./mvnw -B -q -pl lightpane-bench -am package -DskipTests >&2
jar="$root/lightpane-bench/target/benchmarks.jar"
# The SDK has more code to compile than the raw call: 3 x 2 s of warm-up left its scores still
# falling through the measured iterations, so it gets 5 x 3 s.
settings="-f 1 -wi 5 -i 5 -w 3s -r 2s"
# shellcheck disable=SC2086 # the settings are words on purpose
jmh() { java -jar "$jar" $settings ${JMH_OPTS:-} "$@"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "sdk: 1/2 OverheadBenchmark ($settings)" >&2
jmh -rf json -rff "$work/overhead.json" 'OverheadBenchmark' >&2
echo "sdk: 2/2 FanOutBenchmark ($settings)" >&2
jmh -rf json -rff "$work/fanout.json" 'FanOutBenchmark' >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# score FILE METHOD [ROWS]: the benchmark's mean score; error FILE METHOD [ROWS]: its 99.9% half-width.
pick() { jq -r --arg m "$2" --arg r "${3:-}" --arg f "$4" \
  '.[] | select(.benchmark | endswith("." + $m)) | select($r == "" or .params.rows == $r) | .primaryMetric[$f]' "$work/$1.json"; }
score() { pick "$1" "$2" "${3:-}" score; }
error() { pick "$1" "$2" "${3:-}" scoreError; }
fmt() { awk -v v="$1" -v e="$2" 'BEGIN { printf "%.0f ± %.0f", v, e }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? (v <= t) : (v >= t); print ok ? "met" : "missed" }'; }
# noisy SCORE ERROR...: ", noisy" when any error is over 20% of its score (the ratio is then not conclusive).
noisy() { awk -v list="$*" 'BEGIN { n = split(list, x, " "); for (i = 1; i < n; i += 2) if (x[i + 1] > 0.2 * x[i]) { print ", noisy"; exit } }'; }

table="$work/table.md"
{
  echo "| what | target | measured | ratio | verdict |"
  echo "|---|---|---|---|---|"
  for rows in 3 300; do
    for pair in "sdkSync raw \`discover()\` vs \`HttpClient.send\`" "sdkAsync rawAsync \`discoverAsync().join()\` vs \`sendAsync().join()\`"; do
      read -r sdk raw label <<<"$pair"
      s=$(score overhead "$sdk" "$rows") se=$(error overhead "$sdk" "$rows")
      r=$(score overhead "$raw" "$rows") re=$(error overhead "$raw" "$rows")
      x=$(ratio "$s" "$r")
      echo "| $rows rows, $label | ≤ 1.10× | $(fmt "$s" "$se") µs vs $(fmt "$r" "$re") µs | ${x}× | $(verdict "$x" 1.10 le)$(noisy "$s" "$se" "$r" "$re") |"
    done
  done
  q=$(score fanout sequential) qe=$(error fanout sequential)
  a=$(score fanout async) ae=$(error fanout async)
  x=$(ratio "$q" "$a")
  echo "| 20 regions at 50 ms latency, 20 async calls joined vs 20 sequential | ≥ 4× faster | $(fmt "$a" "$ae") ms vs $(fmt "$q" "$qe") ms | ${x}× | $(verdict "$x" 4 ge)$(noisy "$a" "$ae" "$q" "$qe") |"
} >"$table"

section="$work/section.md"
{
  echo "<!-- sdk-overhead -->"
  echo "## SDK overhead (issue 14, item 4)"
  echo
  echo "Written by \`bench/sdk.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Load average: $load_before before, $load_after after (1, 5, 15 minutes). JMH 1.37, \`$settings${JMH_OPTS:+ $JMH_OPTS}\`,"
  echo "average time per operation ± the 99.9% confidence half-width; the reference server runs in the"
  echo "benchmark's JVM (\`lightpane-bench\`, \`OverheadBenchmark\` and \`FanOutBenchmark\`, whose Javadoc"
  echo "explains the choices). One operation is one \`POST /discovery\` for ec2 in eu-west-2 with an access"
  echo "key, every row parsed: the raw side is \`java.net.http\` (HTTP/1.1, as the SDK over \`http://\`)"
  echo "and one Jackson \`readValue\` of the body into maps; the ratio is the SDK's time over the raw time."
  echo "The fan-out is ec2 in 20 AWS regions, one call each, against \`--fault latency:50ms\`."
  echo
  cat "$table"
  echo
  echo "\"noisy\": a half-width over 20% of its score, so the verdict is not conclusive; the benchmarks"
  echo "run one after another, so load that changes during the run moves one side and not the other."
  echo "Run it again on a quiet machine with \`bench/sdk.sh\`."
  echo "<!-- /sdk-overhead -->"
} >"$section"
write_section sdk-overhead "$section"
echo "sdk: wrote its section of $root/docs/benchmarks.md" >&2
cat "$table"

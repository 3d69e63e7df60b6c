#!/usr/bin/env bash
# Many batches at once (issue 14, item 6): one `lightpane discover` that needs 24 batches, against
# the reference server with every discovery answered 200 ms late, with --batches-in-flight 1
# (one batch after another), 4 (the default) and 8. Target: 4 in flight at least 2.5x faster than
# 1. Writes its own section of docs/benchmarks.md, between the batches markers (replaced on every
# run; the rest of the file is left alone).
#
#   bench/batches.sh            # about a minute and a half
#   RUNS=3 bench/batches.sh     # fewer timed runs of each (default 5, after one warm-up)
#
# Needs hyperfine, jq and curl (sudo apt-get install -y hyperfine jq curl). Called by bench/run.sh.
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"
runs="${RUNS:-5}"
latency=200ms
shown_latency="200 ms"
max_batch=25

require_tools hyperfine jq curl

echo "batches: building the CLI (if needed)..." >&2
./lightpane --version >/dev/null
if ! ./lightpane serve --help 2>/dev/null | grep -q -- '--fault'; then
  echo "bench/batches.sh: \`lightpane serve --help\` does not list --fault: this build cannot inject latency" >&2
  exit 1
fi

log="$work/serve.log"
: >"$log"
./lightpane serve --port 0 --quiet --rows-per-service 1 --fault "latency:$latency" >"$log" 2>"$work/serve.err" &
pids+=($!)
for _ in $(seq 1 300); do
  [[ "$(wc -l <"$log")" -ge 2 ]] && break
  sleep 0.1
done
url="$(sed -n 1p "$log")"
cookie="$(sed -n 2p "$log" | sed 's/^Cookie: //')"
[[ "$url" == http://* ]] || { echo "bench/batches.sh: the reference server did not start:" >&2; cat "$log" "$work/serve.err" >&2; exit 1; }

# A key whose max_batch_size splits the run: the client learns it from the first refusals (100 and
# 50 entries refused, then batches of 25), in every run, as a fresh process does.
token=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Cookie: $cookie" \
  -d "{\"grant_type\":\"api_key\",\"label\":\"bench-batches\",\"constraints\":{\"max_batch_size\":$max_batch}}" \
  "$url/keys" | jq -r .token)
export LIGHTPANE_CONFIG_DIR="$work/config" # no profile of the person running this
export LIGHTPANE_API_KEY="$token"
unset LIGHTPANE_SESSION LIGHTPANE_BASE_URL LIGHTPANE_PROFILE LIGHTPANE_REGION LIGHTPANE_OUTPUT LIGHTPANE_BATCHES_IN_FLIGHT || true

# Every regional AWS service of the catalogue, in every AWS region.
read -r -a services <<<"$(./lightpane services -o csv --no-headers | awk -F, '$2 == "aws" && $4 == "regional" { printf "%s ", $1 }')"
entries=$(./lightpane discover "${services[@]}" -r all --dry-run | jq '[.requests[].services | length] | add')
batches=$(( (entries + max_batch - 1) / max_batch ))
run() { echo "./lightpane discover ${services[*]} -r all -o csv --base-url $url --batches-in-flight $1"; }

# Sanity: every run prints the same rows in the same order, one per service and region.
$(run 1) >"$work/one.csv"
for n in 4 8; do
  $(run "$n") >"$work/$n.csv"
  cmp -s "$work/one.csv" "$work/$n.csv" || { echo "bench/batches.sh: --batches-in-flight $n printed other rows than 1" >&2; exit 1; }
done
rows=$(( $(wc -l <"$work/one.csv") - 1 ))
[[ "$rows" == "$entries" ]] || { echo "bench/batches.sh: $rows rows for $entries entries" >&2; exit 1; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "batches: $entries entries, $batches batches of $max_batch at $latency; hyperfine, $runs runs each" >&2
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/batches.json" \
  -n 1 "$(run 1)" -n 4 "$(run 4)" -n 8 "$(run 8)" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { jq -r ".results[$1].median" "$work/batches.json"; }
t1=$(median 0) t4=$(median 1) t8=$(median 2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t) ? "met" : "missed" }'; }
r4=$(ratio "$t1" "$t4") r8=$(ratio "$t1" "$t8")
# Waiting alone: the refusals (one round each) and the batches, one latency per round.
floor() { awk -v b="$batches" -v n="$1" -v l="${latency%ms}" 'BEGIN { printf "%.1f", (2 + int((b + n - 1) / n)) * l / 1000 }'; }

section="$work/section.md"
{
  echo "<!-- batches -->"
  echo "## Many batches at once (issue 14, item 6)"
  echo
  echo "Written by \`bench/batches.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load $load_before before,"
  echo "$load_after after. One \`lightpane discover\` of $entries entries (the ${#services[@]} regional AWS"
  echo "services, \`-r all\`), with an access key whose \`max_batch_size\` is $max_batch: $batches batches, after"
  echo "the two refusals (100 and 50 entries) from which each run learns the size. The reference"
  echo "server: \`lightpane serve --rows-per-service 1 --fault latency:$latency\` (every discovery"
  echo "answered $shown_latency late, refusals included). Medians of $runs hyperfine runs after one warm-up;"
  echo "the outputs of the three were checked identical (same $rows rows, same order) first."
  echo
  echo "| \`--batches-in-flight\` | median | waiting alone (rounds × $shown_latency) | speed-up over 1 | target | |"
  echo "|---|---|---|---|---|---|"
  echo "| 1 (one after another) | $(printf '%.2f' "$t1") s | $(floor 1) s | | | |"
  echo "| 4 (the default) | $(printf '%.2f' "$t4") s | $(floor 4) s | ${r4}× | ≥ 2.5× | $(verdict "$r4" 2.5) |"
  echo "| 8 | $(printf '%.2f' "$t8") s | $(floor 8) s | ${r8}× | | |"
  echo
  echo "Timed commands (the URL as it was in this run):"
  echo
  echo '```bash'
  echo "$(run 1) > /dev/null"
  echo '```'
  echo
  echo "and the same with \`--batches-in-flight 4\` and \`8\`. The rest of each run is the JVM's start"
  echo "and the CLI's own work, the same whatever the number in flight."
  echo "<!-- /batches -->"
} >"$section"

write_section batches "$section" "$out"
echo "batches: wrote its section of $out" >&2
cat "$section"

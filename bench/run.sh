#!/usr/bin/env bash
# Measures the lightpane CLI side by side with curl + jq, and writes docs/benchmarks.md.
#
#   bench/run.sh            # full run (about 3 minutes on 2 cores)
#   RUNS=5 bench/run.sh     # fewer runs of the short benchmarks
#
# Not a test: it needs a quiet machine to mean anything, and it installs nothing. It needs
# hyperfine, jq, curl and GNU time (/usr/bin/time); on Debian or Ubuntu:
#   sudo apt-get install -y hyperfine jq curl time
#
# What it measures (the targets come from issue 4):
#   1. `lightpane --version`                                     target: median <= 0.20 s
#   2. a 300-row `discover -o csv` against a running reference server
#                                                                target: median <= 0.30 s
#   3. a 1,000,000-row `discover -o csv` against `curl | jq -r '... | @csv'` on the same response
#                                                                target: >= 6x faster
#   4. the CLI's peak RSS at 300 and at 1,000,000 rows           target: <= 96 MiB, constant
#      (64 MiB until issue 14 traded a few MiB for both tiered compilers)
#   then bench/perf-cli.sh: the CLI at scale (issue 14), in its own section,
#   bench/batches.sh: many batches at once (issue 14, item 6), and bench/release.sh last: the
#   release archive against the clone and gh (needs gh too), each in its own section; then
#   bench/sdk.sh (JMH), and bench/summary.sh last: every target in one table at the top
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"
runs="${RUNS:-20}"

require_tools hyperfine jq curl time

echo "bench: building (if needed) and warming the launcher's class-data archive..." >&2
./lightpane --version >/dev/null
./mvnw -q -B -pl lightpane-stub -am package -DskipTests >&2
stub_jar="$(stub_jar)"
cli_jar="$root/lightpane-cli/target/lightpane.jar"


small="" large=""
start_server 300 small
start_server 1000000 large
body='{"services":[{"service":"ec2","provider":"aws","region":"eu-west-2"}]}'
# The same columns, in the same order, as the CLI's CSV.
jq_csv='.results[].rows[] | [.name,.instance_id,.instance_type,.state,.private_ip,.public_ip,.availability_zone,.vpc_id,.platform,.launch_time] | @csv'
export LIGHTPANE_CONFIG_DIR="$work/config"   # no profile of the person running this
unset LIGHTPANE_API_KEY LIGHTPANE_SESSION LIGHTPANE_BASE_URL LIGHTPANE_PROFILE LIGHTPANE_REGION LIGHTPANE_OUTPUT || true

cli_small="./lightpane discover ec2 -r eu-west-2 -o csv --base-url $small"
cli_large="./lightpane discover ec2 -r eu-west-2 -o csv --base-url $large"
curl_small="curl -s -X POST -H 'Content-Type: application/json' -d '$body' $small/discovery | jq -r '$jq_csv'"
curl_large="curl -s -X POST -H 'Content-Type: application/json' -d '$body' $large/discovery | jq -r '$jq_csv'"
plain_version="java -jar $cli_jar --version"

# Sanity: both sides produce the same rows before anything is timed. jq's @csv quotes every string
# and the CLI only where RFC 4180 needs it (never, in the synthetic rows), so quotes are dropped.
rows_cli=$($cli_small | tail -n +2 | tr -d '\r' | md5sum)
rows_jq=$(bash -c "$curl_small" | tr -d '"' | md5sum)
if [[ "$rows_cli" != "$rows_jq" ]]; then
  echo "bench: the CLI and curl | jq disagree on the 300-row CSV; not timing different outputs" >&2
  exit 1
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: 1/4 --version" >&2
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/version.json" \
  -n 'lightpane --version' './lightpane --version' \
  -n 'java -jar (no tuning) --version' "$plain_version" >&2
echo "bench: 2/4 300 rows" >&2
hyperfine --warmup 3 --runs "$runs" --export-json "$work/small.json" \
  -n 'lightpane discover -o csv (300 rows)' "$cli_small" \
  -n 'curl | jq @csv (300 rows)' "$curl_small" >&2
echo "bench: 3/4 1,000,000 rows (slow: jq needs about 1.5 GiB and most of a minute)" >&2
hyperfine --warmup 1 --runs 3 --export-json "$work/large.json" \
  -n 'lightpane discover -o csv (1,000,000 rows)' "$cli_large > /dev/null" \
  -n 'curl | jq @csv (1,000,000 rows)' "$curl_large > /dev/null" >&2
echo "bench: 4/4 peak RSS" >&2
rss_small=$( { /usr/bin/time -f %M $cli_small >/dev/null; } 2>&1 | tail -1)
rss_large=$( { /usr/bin/time -f %M $cli_large >/dev/null; } 2>&1 | tail -1)
rss_jq=$( { /usr/bin/time -f %M jq -r "$jq_csv" < <(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "$large/discovery") >/dev/null; } 2>&1 | tail -1)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { jq -r ".results[$2].median" "$work/$1.json"; }
fastest() { jq -r ".results[$2].min" "$work/$1.json"; }
fmt() { printf '%.3f' "$1"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? (v <= t) : (v >= t); print ok ? "met" : "missed" }'; }

v_cli=$(median version 0); v_plain=$(median version 1)
s_cli=$(median small 0); s_jq=$(median small 1)
l_cli=$(median large 0); l_jq=$(median large 1)
speedup=$(awk -v a="$l_jq" -v b="$l_cli" 'BEGIN { printf "%.1f", a / b }')

{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ); run it again to refresh. Medians of"
  echo "hyperfine runs ($runs runs for the short benchmarks, 3 for the million rows). Benchmarks are"
  echo "not tests: tests never assert on time."
  echo
  echo "## Machine"
  echo
  echo '```text'
  echo "CPU:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
  echo "Memory:  $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "OS:      $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "Java:    $(java -version 2>&1 | head -1)"
  echo "Tools:   $(hyperfine --version), jq $(jq --version), $(curl --version | head -1 | cut -d' ' -f1-2)"
  echo "Load:    $load_before before, $load_after after (1, 5, 15 minutes)"
  echo '```'
  echo
  echo "<!-- summary -->"   # bench/summary.sh fills it in, last
  echo "<!-- /summary -->"
  echo
  echo "## Results"
  echo
  echo "| what | median | fastest run | target | median vs target |"
  echo "|---|---|---|---|---|"
  echo "| \`lightpane --version\` | $(fmt "$v_cli") s | $(fmt "$(fastest version 0)") s | ≤ 0.20 s | $(verdict "$v_cli" 0.20 le) |"
  echo "| \`java -jar lightpane.jar --version\` (no launcher tuning, for comparison) | $(fmt "$v_plain") s | $(fmt "$(fastest version 1)") s | | |"
  echo "| 300-row \`discover -o csv\` | $(fmt "$s_cli") s | $(fmt "$(fastest small 0)") s | ≤ 0.30 s | $(verdict "$s_cli" 0.30 le) |"
  echo "| 300-row \`curl \| jq @csv\` (for comparison) | $(fmt "$s_jq") s | $(fmt "$(fastest small 1)") s | | |"
  echo "| 1,000,000-row \`discover -o csv\` | $(fmt "$l_cli") s | $(fmt "$(fastest large 0)") s | | |"
  echo "| 1,000,000-row \`curl \| jq @csv\` | $(fmt "$l_jq") s | $(fmt "$(fastest large 1)") s | | |"
  echo "| speed-up of the CLI over \`curl \| jq\` at 1,000,000 rows | ${speedup}× | | ≥ 6× | $(verdict "$speedup" 6 ge) |"
  echo "| CLI peak RSS, 300 rows | $(mib "$rss_small") MiB | | ≤ 96 MiB | $(verdict "$(mib "$rss_small")" 96 le) |"
  echo "| CLI peak RSS, 1,000,000 rows | $(mib "$rss_large") MiB | | ≤ 96 MiB, constant | $(verdict "$(mib "$rss_large")" 96 le) |"
  echo "| \`jq\` peak RSS, 1,000,000 rows (for comparison) | $(mib "$rss_jq") MiB | | | |"
  echo
  echo "## Commands"
  echo
  echo "Two reference servers ran on loopback for the whole run:"
  echo
  echo '```bash'
  echo "java -jar lightpane-stub/target/lightpane-stub-*.jar --port 0 --rows-per-service 300"
  echo "java -jar lightpane-stub/target/lightpane-stub-*.jar --port 0 --rows-per-service 1000000"
  echo '```'
  echo
  echo "and were timed with (URLs as they were in this run):"
  echo
  echo '```bash'
  echo "./lightpane --version"
  echo "java -jar lightpane-cli/target/lightpane.jar --version"
  echo "$cli_small"
  echo "$curl_small"
  echo "$cli_large > /dev/null"
  echo "$curl_large > /dev/null"
  echo "/usr/bin/time -f %M $cli_small > /dev/null"
  echo "/usr/bin/time -f %M $cli_large > /dev/null"
  echo '```'
  echo
  echo "Before timing, the script checks that the CLI and \`curl | jq\` print the same 300 rows"
  echo "(jq's \`@csv\` quotes every string, the CLI only where RFC 4180 needs it; the check ignores"
  echo "quotes, which the synthetic rows never contain)."
  if [[ -f "$root/bench/notes.md" ]]; then
    echo
    cat "$root/bench/notes.md"
  fi
} >"$out"
# Sections of their own, each a script that prints Markdown (merges stay one line each).
bash "$root/bench/faults.sh" >>"$out"
echo "bench: wrote $out" >&2
# Each further section is a script of its own that writes its part of docs/benchmarks.md.
"$root/bench/perf-server.sh"
cat "$out"
# Its own section, appended to the file just written (bounded: about 3 minutes).
"$root/bench/perf-cli.sh"

# The reference server soak (bench/soak.sh, bounded to 3 minutes) writes its own section of docs/reliability.md.
"$root/bench/soak.sh"
# Its own section: --sort-by and diff at a million rows (issue 12; bounded: about 2 minutes).
"$root/bench/cli-features.sh"
# Its own section: one discover of 24 batches at 200 ms latency, 1 vs 4 vs 8 in flight (issue 14,
# item 6; about a minute and a half).
"$root/bench/batches.sh"
# Its own section: the release archive against the clone and gh --version (issues 9 and 14; about 1 minute).
"$root/bench/release.sh"
# Its own section: the SDK's overhead over raw java.net.http + Jackson, and the async fan-out, in JMH
# (issue 14, item 4; bounded: about 5 minutes).
"$root/bench/sdk.sh"
# Last: the table of every target, collected from the sections above (bench/summary.sh).
"$root/bench/summary.sh"

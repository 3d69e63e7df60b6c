#!/usr/bin/env bash
# The CLI at scale (issue 14, items 1, 2 and 7), side by side in one run, written into its own
# section of docs/benchmarks.md (between the perf-cli markers; the rest of the file is left alone).
#
#   bench/perf-cli.sh          # about 3 minutes on 2 cores; bench/run.sh calls it last
#   SKIP_JQ=1 bench/perf-cli.sh  # the CLI side only (curl | jq takes most of the time)
#
# Measures:
#   - 1,000,000-row csv, tsv, jsonl, --where and --limit against curl | jq doing the same
#     (target: >= 8x, stretch 10x), the CLI's peak RSS for each (/usr/bin/time -v; <= 96 MiB);
#   - peak RSS at 2,000,000 rows (two regions): flat in N;
#   - a 300-row csv run against curl | jq (target: <= 6.5x curl | jq);
#   - the million-row table and Markdown: every row printed, peak RSS;
#   - a second query in `lightpane shell` (target: <= 30 ms), through tmux (bench/shell-second-query.sh).
# Needs hyperfine, jq, curl, GNU time and tmux (sudo apt-get install -y hyperfine jq curl time tmux).
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"

require_tools hyperfine jq curl tmux time

echo "perf-cli: building (if needed)..." >&2
./lightpane --version >/dev/null
./mvnw -q -B -pl lightpane-stub -am package -DskipTests >&2
stub_jar="$(stub_jar)"

small="" large=""
start_server 300 small
start_server 1000000 large
export LIGHTPANE_CONFIG_DIR="$work/config"
unset LIGHTPANE_API_KEY LIGHTPANE_SESSION LIGHTPANE_BASE_URL LIGHTPANE_PROFILE LIGHTPANE_REGION LIGHTPANE_OUTPUT LIGHTPANE_JAVA_OPTS || true

body='{"services":[{"service":"ec2","provider":"aws","region":"eu-west-2"}]}'
fields='[.name,.instance_id,.instance_type,.state,.private_ip,.public_ip,.availability_zone,.vpc_id,.platform,.launch_time]'
curl_to() { echo "curl -s -X POST -H 'Content-Type: application/json' -d '$body' $1/discovery"; }
cli() { echo "./lightpane discover ec2 -r eu-west-2 --base-url $1 $2"; }

# name | CLI arguments | jq program (-r) on the same response
cases=(
  "csv|-o csv|.results[].rows[] | $fields | @csv"
  "tsv|-o tsv|.results[].rows[] | $fields | @tsv"
  "jsonl|-o jsonl|.results[] | .metadata as \$m | .rows[] | {service: \$m.service, provider: \$m.provider, region: \$m.region, row: .} | tojson"
  "--where|-o csv --where state=running|.results[].rows[] | select(.state == \"running\") | $fields | @csv"
  "--limit|-o csv --limit 10|limit(10; .results[].rows[]) | $fields | @csv"
)

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
# Peak RSS in KiB: the median of three runs (one run in several peaks some 25 MiB higher, while C2
# compiles); the highest of the three is kept in $rss_max.
rss_max=0
rss_of() {
  local runs=() k
  for k in 1 2 3; do
    runs+=("$({ /usr/bin/time -v bash -c "$1" >/dev/null; } 2>&1 | awk -F': ' '/Maximum resident set size/ { print $2 }')")
  done
  rss_max="$(printf '%s\n' "${runs[@]}" | sort -n | tail -1)"
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}
median() { jq -r ".results[$2].median" "$work/$1.json"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? (v <= t) : (v >= t); print ok ? "met" : "missed" }'; }

i=0
for case in "${cases[@]}"; do
  IFS='|' read -r name args program <<<"$case"
  i=$((i + 1))
  echo "perf-cli: $i/${#cases[@]} 1,000,000 rows, $name" >&2
  c="$(cli "$large" "$args") > /dev/null"
  j="$(curl_to "$large") | jq -r '$program' > /dev/null"
  if [[ -n "${SKIP_JQ:-}" ]]; then
    hyperfine --runs 3 --export-json "$work/$i.json" -n "cli $name" "$c" >&2
    t_jq=""
  else
    # jq takes about 20 s a run and varies little: one run; the CLI three.
    hyperfine --runs 3 --export-json "$work/$i.json" -n "cli $name" "$c" >&2
    hyperfine --runs 1 --export-json "$work/$i-jq.json" -n "jq $name" "$j" >&2
    t_jq="$(median "$i-jq" 0)"
  fi
  t_cli="$(median "$i" 0)"
  rss_of "$(cli "$large" "$args")" >"$work/rss"
  rss="$(cat "$work/rss")"
  if [[ -n "$t_jq" ]]; then
    r="$(ratio "$t_jq" "$t_cli")"
    rows+=("| 1M-row \`$args\` vs curl \\| jq | ≥ 8× (stretch 10×) | $(printf '%.2f' "$t_cli") s vs $(printf '%.1f' "$t_jq") s | ${r}× | $(verdict "$r" 8 ge) |")
  else
    rows+=("| 1M-row \`$args\` | ≥ 8× curl \\| jq | $(printf '%.2f' "$t_cli") s | (jq skipped) | |")
  fi
  rows+=("| peak RSS, 1M-row \`$args\` (highest of 3: $(mib "$rss_max") MiB) | ≤ 96 MiB | $(mib "$rss") MiB | $(ratio "$(mib "$rss")" 96) of the bound | $(verdict "$(mib "$rss")" 96 le) |")
done

echo "perf-cli: peak RSS at 2,000,000 rows, 300 rows" >&2
rss_1m="$(rss_of "$(cli "$large" "-o csv")")"
rss_2m="$(rss_of "./lightpane discover ec2 -r eu-west-2,us-east-1 --base-url $large -o csv")"
rows+=("| peak RSS flat in N: 2M rows (two regions) against 1M rows, csv | ≤ 1.1× | $(mib "$rss_2m") MiB against $(mib "$rss_1m") MiB | $(ratio "$rss_2m" "$rss_1m")× | $(verdict "$(ratio "$rss_2m" "$rss_1m")" 1.1 le) |")

hyperfine --warmup 3 --runs 15 --export-json "$work/small.json" \
  -n 'cli 300 rows' "$(cli "$small" "-o csv")" \
  -n 'curl | jq 300 rows' "$(curl_to "$small") | jq -r '.results[].rows[] | $fields | @csv'" >&2
s_cli="$(median small 0)"; s_jq="$(median small 1)"
r="$(ratio "$s_cli" "$s_jq")"
rows+=("| 300-row \`-o csv\` from a clone, as a multiple of curl \\| jq | ≤ 6.5× | $(printf '%.3f' "$s_cli") s vs $(printf '%.3f' "$s_jq") s | ${r}× | $(verdict "$r" 6.5 le) |")

echo "perf-cli: the million-row table and Markdown" >&2
for format in table markdown; do
  hyperfine --runs 1 --export-json "$work/$format.json" -n "$format" "$(cli "$large" "-o $format") | wc -l > $work/$format.lines" >&2
  lines="$(cat "$work/$format.lines")"
  rss_of "$(cli "$large" "-o $format")" >"$work/rss"
  rss="$(cat "$work/rss")"
  rows+=("| 1M-row \`-o $format\`: lines printed (1,000,003 table, 1,000,004 Markdown), exit 0 | every row | $lines lines in $(printf '%.2f' "$(median "$format" 0)") s | | $([[ $lines -ge 1000003 ]] && echo met || echo missed) |")
  rows+=("| peak RSS, 1M-row \`-o $format\` (highest of 3: $(mib "$rss_max") MiB) | ≤ 96 MiB | $(mib "$rss") MiB | $(ratio "$(mib "$rss")" 96) of the bound | $(verdict "$(mib "$rss")" 96 le) |")
done

echo "perf-cli: the shell's second query (tmux)" >&2
shell_ms="$(bench/shell-second-query.sh "$small" 2>"$work/shell.err" || true)"
if [[ "$shell_ms" =~ ^[0-9.]+$ ]]; then
  rows+=("| \`lightpane shell\`: second 300-row query, typed to output (median of 10) | ≤ 30 ms | $shell_ms ms | $(ratio "$shell_ms" 30) of the bound | $(verdict "$shell_ms" 30 le) |")
else
  rows+=("| \`lightpane shell\`: second query | ≤ 30 ms | not measured: $(head -1 "$work/shell.err") | | |")
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

section="$work/section.md"
{
  echo "<!-- perf-cli -->"
  echo "## The CLI at scale (bench/perf-cli.sh)"
  echo
  echo "Written on $(date -u +%Y-%m-%dT%H:%M:%SZ); load $load_before before, $load_after after."
  echo "Medians of hyperfine runs: 3 for each CLI export, 1 for each curl | jq (about 20 s each, with"
  echo "little spread), 1 for the table and Markdown, 15 at 300 rows. Peak RSS is /usr/bin/time -v's maximum resident set size, median of 3 runs."
  echo "The reference servers: \`--rows-per-service 300\` and \`--rows-per-service 1000000\`, on loopback."
  echo
  echo "| what | target | measured median | ratio | |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  [[ -f "$root/bench/perf-cli-notes.md" ]] && cat "$root/bench/perf-cli-notes.md"
  echo "<!-- /perf-cli -->"
} >"$section"
write_section perf-cli "$section" "$out"
echo "perf-cli: wrote its section of $out" >&2
cat "$section"

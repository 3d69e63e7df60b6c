#!/usr/bin/env bash
# Issue 12's shaping at a million rows, written into its own section of docs/benchmarks.md
# (between the cli-features markers; the rest of the file is left alone).
#
#   bench/cli-features.sh      # about 1-2 minutes on 2 quiet cores; bench/run.sh calls it
#
# Measures time and peak RSS (/usr/bin/time -v), the CLI's sort and diff as medians of 3:
#   - `discover ec2 --sort-by name -o csv` on 1,000,000 rows (the sort spills to disk past its
#     budget) against `sort -t, -k1,1` of the same CSV, already on disk;
#   - `lightpane diff` of two 1,000,000-row snapshots (1,000 rows changed) against
#     `sort | comm -3` of the same two files.
# Needs GNU time and coreutils (sudo apt-get install -y time).
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"

require_tools time

echo "cli-features: building (if needed)..." >&2
./lightpane --version >/dev/null
./mvnw -q -B -pl lightpane-stub -am package -DskipTests >&2
stub_jar="$(stub_jar)"

large=""
start_server 1000000 large
export LIGHTPANE_CONFIG_DIR="$work/config" TMPDIR="$work"
unset LIGHTPANE_API_KEY LIGHTPANE_SESSION LIGHTPANE_BASE_URL LIGHTPANE_PROFILE LIGHTPANE_REGION LIGHTPANE_OUTPUT LIGHTPANE_JAVA_OPTS || true

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# Runs a command once under GNU time; sets $secs (wall clock) and $mib (peak RSS).
measure() {
  /usr/bin/time -v -o "$work/time" bash -c "$1" >/dev/null 2>"$work/stderr" || {
    local rc=$?
    # diff exits 8 on a difference: that is its success here.
    [[ $rc -eq 8 ]] || { echo "cli-features: failed ($rc): $1" >&2; cat "$work/stderr" >&2; exit 1; }
  }
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$work/time")"
  mib="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time")"
}
# The CLI's peak RSS varies by some 10 MiB a run (while C2 compiles): its rows are medians of 3.
measure3() {
  local t=() m=() k
  for k in 1 2 3; do
    measure "$1"
    t+=("$secs")
    m+=("$mib")
  done
  secs="$(printf '%s\n' "${t[@]}" | sort -n | sed -n 2p)"
  mib="$(printf '%s\n' "${m[@]}" | sort -n | sed -n 2p)"
  mib_all="$(printf '%s\n' "${m[@]}" | sort -n | paste -sd/)"
}
rows=()
row() { rows+=("| $1 | $secs s | $mib MiB |"); }
row3() { rows+=("| $1 (median of 3; RSS $mib_all) | $secs s | $mib MiB |"); }

echo "cli-features: 1/4 a million-row CSV to disk, for sort -t," >&2
./lightpane discover ec2 -r eu-west-2 --base-url "$large" -o csv >"$work/ec2.csv"
lines="$(wc -l <"$work/ec2.csv")"
echo "cli-features: 2/4 --sort-by name against sort -t, -k1,1" >&2
measure "./lightpane discover ec2 -r eu-west-2 --base-url $large -o csv > /dev/null"
row "\`discover ec2 -o csv\`, 1,000,000 rows, unsorted (for reference)"
measure3 "./lightpane discover ec2 -r eu-west-2 --base-url $large -o csv --sort-by name > $work/sorted.csv"
row3 "\`discover ec2 -o csv --sort-by name\`, 1,000,000 rows (request, sort, print)"
sorted_lines="$(wc -l <"$work/sorted.csv")"
measure "tail -n +2 $work/ec2.csv | LC_ALL=C sort -t, -k1,1 > $work/sort-t.csv"
row "\`tail -n +2 ec2.csv \\| LC_ALL=C sort -t, -k1,1\` of the same rows, already on disk"

echo "cli-features: 3/4 two million-row snapshots (1,000 rows changed)" >&2
./lightpane discover ec2 -r eu-west-2 --base-url "$large" -o jsonl >"$work/old.jsonl"
awk 'NR % 1000 == 0 { sub(/"state":"[a-z]*"/, "\"state\":\"changed\"") } { print }' "$work/old.jsonl" >"$work/new.jsonl"
echo "cli-features: 4/4 diff against sort | comm" >&2
measure3 "./lightpane diff $work/old.jsonl $work/new.jsonl -o jsonl > $work/diff.jsonl"
row3 "\`lightpane diff old.jsonl new.jsonl -o jsonl\`, 1,000,000 rows a side (sorts on disk)"
differences="$(wc -l <"$work/diff.jsonl")"
measure "LC_ALL=C comm -3 <(LC_ALL=C sort $work/old.jsonl) <(LC_ALL=C sort $work/new.jsonl) > $work/comm.txt"
row "\`comm -3 <(sort old.jsonl) <(sort new.jsonl)\` of the same files (whole lines, no identity)"
comm_lines="$(wc -l <"$work/comm.txt")"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

section="$work/section.md"
{
  echo "<!-- cli-features -->"
  echo "## Sorting and diffing a million rows (bench/cli-features.sh)"
  echo
  echo "Written on $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load $load_before before, $load_after after."
  echo "One run each unless marked; wall clock and peak RSS from /usr/bin/time -v. The reference server:"
  echo "\`--rows-per-service 1000000\`, on loopback. The CLI's runs include the request and the"
  echo "transfer; \`sort\` and \`comm\` read files already on disk. \`--sort-by\` printed $sorted_lines lines"
  echo "($lines in the unsorted CSV); \`diff\` found $differences differences, \`comm -3\` printed $comm_lines lines"
  echo "(a changed row is one line on each side). The CLI's memory target is 96 MiB of peak RSS."
  echo
  echo "| what | wall clock | peak RSS |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "<!-- /cli-features -->"
} >"$section"
write_section cli-features "$section" "$out"
echo "cli-features: wrote its section of $out" >&2
cat "$section"

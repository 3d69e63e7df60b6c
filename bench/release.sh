#!/usr/bin/env bash
# The self-contained archive against the clone and against gh (issue 9; issue 14, item 5), side by
# side in one run, written into its own section of docs/benchmarks.md (between the release markers;
# the rest of the file is left alone).
#
#   bench/release.sh           # about 1 minute on 2 cores, after the build; bench/run.sh calls it
#
# Measures, as a user meets the archive (extracted into a scratch directory, made read-only,
# bin/lightpane linked onto the PATH):
#   - `lightpane --version` from the archive, `./lightpane --version` from the clone and
#     `gh --version` (a Go binary), in one hyperfine run (target: archive <= clone, archive <= gh);
#   - a 300-row `discover ec2 -r eu-west-2 -o csv` against a reference server, archive and clone
#     (target: archive <= clone), and both against curl | jq printing the same CSV (issue 14:
#     archive <= 5x, stretch 4x; clone <= 6.5x);
#   - the sizes of the tarball, the zip, the .deb and the unpacked runtime.
# Needs hyperfine, jq, curl and gh (sudo apt-get install -y hyperfine jq curl gh).
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"
dist="$root/lightpane-cli/target/dist"
jar="$root/lightpane-cli/target/lightpane.jar"

require_tools hyperfine jq gh tar curl

echo "release: building (if needed)..." >&2
./lightpane --version >/dev/null
tarball="$(ls "$dist"/lightpane-*-linux-x64.tar.gz 2>/dev/null | head -1 || true)"
if [[ -z "$tarball" || "$jar" -nt "$tarball" ]]; then
  ./mvnw -q -B -pl lightpane-cli -am package -DskipTests >&2
  tarball="$(ls "$dist"/lightpane-*-linux-x64.tar.gz | head -1)"
  ./lightpane --version >/dev/null # remakes the clone's class-data archive for the new jar
fi
./mvnw -q -B -pl lightpane-stub -am package -DskipTests >&2
stub_jar="$(stub_jar)"

# The install as a user has it: extracted elsewhere, read-only, reached through a link on the PATH.
# (Writable again before common.sh's cleanup removes the scratch directory.)
trap 'chmod -R u+w "$work" 2>/dev/null; cleanup' EXIT
mkdir -p "$work/opt" "$work/bin"
tar -xzf "$tarball" -C "$work/opt"
install="$(ls -d "$work"/opt/lightpane-*-linux-x64)"
chmod -R a-w "$install"
ln -s "$install/bin/lightpane" "$work/bin/lightpane"
export PATH="$work/bin:$PATH"
archive="$work/bin/lightpane"

small=""
start_server 300 small
export LIGHTPANE_CONFIG_DIR="$work/config"
unset LIGHTPANE_API_KEY LIGHTPANE_SESSION LIGHTPANE_BASE_URL LIGHTPANE_PROFILE LIGHTPANE_REGION LIGHTPANE_OUTPUT LIGHTPANE_JAVA_OPTS || true
discover="discover ec2 -r eu-west-2 -o csv --base-url $small"
# The same CSV from curl and jq (issue 14 compares the archive's 300-row run with it).
jq_csv='.results[].rows[] | [.name,.instance_id,.instance_type,.state,.private_ip,.public_ip,.availability_zone,.vpc_id,.platform,.launch_time] | @csv'
curl_jq="curl -s -X POST -H 'Content-Type: application/json' -d '{\"services\":[{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\"}]}' $small/discovery | jq -r '$jq_csv'"

# Sanity: the same program, the same rows, before anything is timed.
[[ "$("$archive" --version)" == "$(./lightpane --version)" ]] || {
  echo "release: the archive and the clone report different versions; rebuild the dist" >&2
  exit 1
}
# shellcheck disable=SC2086 # $discover is a list of arguments
if [[ "$("$archive" $discover | md5sum)" != "$(./lightpane $discover | md5sum)" ]]; then
  echo "release: the archive and the clone print different 300-row CSVs; not timing them" >&2
  exit 1
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "release: 1/2 --version: archive, clone, gh" >&2
hyperfine -N --warmup 3 --runs 20 --export-json "$work/version.json" \
  -n 'archive lightpane --version' "lightpane --version" \
  -n 'clone ./lightpane --version' "./lightpane --version" \
  -n 'gh --version' "gh --version" >&2
echo "release: 2/2 300-row discover -o csv: archive, clone, curl | jq" >&2
# Through a shell (curl | jq needs one); hyperfine subtracts the shell's own start from each.
hyperfine --warmup 3 --runs 20 --export-json "$work/small.json" \
  -n 'archive 300 rows' "lightpane $discover" \
  -n 'clone 300 rows' "./lightpane $discover" \
  -n 'curl | jq 300 rows' "$curl_jq" >&2
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { jq -r ".results[$2].median" "$work/$1.json"; }
# Mean CPU time (user + system) of a run, in ms: less sensitive than wall time to other load.
cpu() { jq -r ".results[$2] | (.user + .system) * 1000 | floor" "$work/$1.json"; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v b="${2:-1.0}" 'BEGIN { print (r <= b) ? "met" : "missed" }'; }
row() { # row WHAT FILE I J TARGET [BOUND]: result I against result J, met when the ratio <= BOUND
  local r
  r="$(ratio "$(median "$2" "$3")" "$(median "$2" "$4")")"
  echo "| $1 | $5 | $(ms "$(median "$2" "$3")") vs $(ms "$(median "$2" "$4")") | $(cpu "$2" "$3") ms vs $(cpu "$2" "$4") ms | ${r}× | $(verdict "$r" "${6:-1.0}") |"
}
size() { du -h --apparent-size "$@" | cut -f1 | tr -d '\n'; }

section="$work/section.md"
{
  echo "<!-- release -->"
  echo "## The release archive against the clone and gh (bench/release.sh)"
  echo
  echo "Written on $(date -u +%Y-%m-%dT%H:%M:%SZ); load $load_before before, $load_after after."
  echo "Medians of 20 hyperfine runs (\`-N\`, 3 warm-up runs), each pair or trio in one hyperfine run."
  echo "The archive: \`$(basename "$tarball")\` extracted into a scratch directory, made read-only and"
  echo "run through a symbolic link on the PATH (its own runtime: $("$install/runtime/bin/java" -version 2>&1 | head -1));"
  echo "the clone: \`./lightpane\` on $(java -version 2>&1 | head -1); gh: $(gh --version | head -1)."
  echo "The 300 rows come from a reference server started with \`--rows-per-service 300\`, on loopback."
  echo "CPU is the mean of user + system time per run, which other load on the machine disturbs less."
  echo
  echo "| what | target | median, archive vs other | CPU, archive vs other | ratio of medians | |"
  echo "|---|---|---|---|---|---|"
  row "\`lightpane --version\`: archive vs clone" version 0 1 "≤ 1.00× the clone"
  row "\`lightpane --version\` (archive) vs \`gh --version\`" version 0 2 "≤ 1.00× gh"
  row "300-row \`$(echo "$discover" | sed "s|$small|URL|")\`: archive vs clone" small 0 1 "≤ 1.00× the clone"
  row "300-row discover: archive vs \`curl \| jq @csv\` (issue 14)" small 0 2 "≤ 5× (stretch 4×)" 5
  row "300-row discover: clone vs \`curl \| jq @csv\` (issue 14)" small 1 2 "≤ 6.5×" 6.5
  echo
  echo "Sizes (apparent):"
  echo
  echo "| artifact | size |"
  echo "|---|---|"
  for f in "$dist"/*.tar.gz "$dist"/*.zip "$dist"/*.deb; do
    [[ -f "$f" ]] && echo "| \`$(basename "$f")\` | $(size "$f") |"
  done
  echo "| unpacked install (\`$(basename "$install")/\`) | $(du -sh --apparent-size "$install" | cut -f1) |"
  echo "| its Java runtime (\`runtime/\`) | $(du -sh --apparent-size "$install/runtime" | cut -f1) |"
  echo "| its class-data archive (\`lib/lightpane.jsa\`) | $(size "$install/lib/lightpane.jsa") |"
  echo
  [[ -f "$root/bench/release-notes.md" ]] && cat "$root/bench/release-notes.md"
  echo "<!-- /release -->"
} >"$section"
write_section release "$section" "$out"
echo "release: wrote its section of $out" >&2
cat "$section"

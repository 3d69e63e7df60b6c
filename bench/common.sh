# Sourced by the bench scripts: the repository root as $root (and the working directory), a scratch
# directory $work, and $pids, the servers to stop; both go when the script exits. require_tools
# stops the script when a tool it needs is missing, saying what to install.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# require_tools TOOL...: exits 1 naming the missing ones ("time" means GNU time, /usr/bin/time).
require_tools() {
  local tool missing=()
  for tool in "$@"; do
    if [[ $tool == time ]]; then
      [[ -x /usr/bin/time ]] || missing+=(time)
    else
      command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    fi
  done
  if ((${#missing[@]})); then
    echo "bench/$(basename "$0") needs: ${missing[*]}. On Debian or Ubuntu: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# stub_jar: the reference server's runnable jar (not its sources, javadoc or pre-shade jar).
stub_jar() {
  ls "$root"/lightpane-stub/target/lightpane-stub-*.jar | grep -v -e original -e sources -e javadoc | head -1
}

# start_server ROWS VAR: starts the reference server jar ($stub_jar) with ROWS synthetic rows per
# service and region, in this shell (so that the EXIT trap stops it), and sets VAR to its URL.
start_server() {
  local rows="$1" log="$work/server-$1.log"
  java -jar "$stub_jar" --port 0 --quiet --rows-per-service "$rows" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    if grep -q '^http://' "$log" 2>/dev/null; then
      printf -v "$2" '%s' "$(grep -m1 '^http://' "$log")"
      return
    fi
    sleep 0.1
  done
  echo "bench/$(basename "$0"): the reference server did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# write_section NAME SECTION_FILE [OUT]: puts SECTION_FILE (which starts with `<!-- NAME -->` and
# ends with `<!-- /NAME -->`) into OUT (default docs/benchmarks.md) in place of the previous run's
# section, or at the end of OUT when it has none yet; the rest of OUT is left alone.
write_section() {
  local name="$1" section="$2" out="${3:-$root/docs/benchmarks.md}"
  if [[ -f "$out" ]] && grep -q "^<!-- $name -->" "$out"; then
    awk -v f="$section" -v begin="<!-- $name -->" -v end="<!-- /$name -->" '
      $0 == begin { while ((getline line < f) > 0) print line; skip = 1; next }
      $0 == end { skip = 0; next }
      !skip { print }' "$out" >"$work/section-out.md"
    cp "$work/section-out.md" "$out"
  else
    { [[ -s "$out" ]] && echo; cat "$section"; } >>"$out"
  fi
}

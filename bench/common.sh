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

#!/usr/bin/env bash
# The time from pressing Enter to the output on screen, for a small query typed as the second (and
# later) command of one `lightpane shell`, through tmux; prints the median of 10 in milliseconds.
#
#   bench/shell-second-query.sh URL [SHELL_OPTION...]
#
# URL: a running reference server (bench/perf-cli.sh starts one); SHELL_OPTION: options for
# `lightpane shell`, such as --no-warm-up.
#
# The figure includes tmux's own cost: the screen is polled with capture-pane, a few ms a poll, so
# it is an upper bound of the shell's own time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
url="$1"
shift
shell_options="$*"
socket="lightpane-bench-$$"
config="$(mktemp -d)"
t() { tmux -L "$socket" "$@"; }
trap 't kill-server 2>/dev/null || true; rm -rf "$config"' EXIT

t new-session -d -x 200 -y 50 -s bench -c "$root" \
  "env LIGHTPANE_CONFIG_DIR='$config/config' XDG_STATE_HOME='$config/state' ./lightpane --base-url $url shell $shell_options"
wait_for() { # pattern, seconds
  local until=$((SECONDS + $2))
  until t capture-pane -p -J -t bench | grep -q -- "$1"; do
    ((SECONDS < until)) || { echo "shell-second-query: no '$1' on screen after $2 s" >&2; exit 1; }
  done
}
wait_for 'lightpane \[' 60
query() { echo "discover ec2 -r eu-west-2 -o csv --where name=ec2-eu-west-2-$1"; }
# the first query: connection, client and the code paths warm up
t send-keys -t bench -l "$(query 0)"; t send-keys -t bench Enter
wait_for '^ec2-eu-west-2-0,' 60
times=()
for k in $(seq 1 10); do
  t send-keys -t bench C-l
  sleep 0.2
  t send-keys -t bench -l "$(query "$k")"
  start=$(date +%s%N)
  t send-keys -t bench Enter
  wait_for "^ec2-eu-west-2-$k," 30
  end=$(date +%s%N)
  times+=("$(((end - start) / 1000))")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'

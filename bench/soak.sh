#!/usr/bin/env bash
# A longer soak of the reference server (the build runs a 12 s one): 16 clients of mixed, slow and
# malformed requests for SOAK_SECONDS (default 120, at most 180), figures into docs/reliability.md.
#   bench/soak.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
seconds="${SOAK_SECONDS:-120}"
((seconds > 180)) && seconds=180
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
./mvnw -B -q -pl lightpane-stub -am -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.seconds="$seconds" -Dsoak.report="$report" test >&2
doc="$root/docs/reliability.md"
marker="## Soak of the reference server"
tmp="$(mktemp)"
awk -v m="$marker" '$0 == m {skip=1} skip && /^## / && $0 != m {skip=0} !skip' "$doc" >"$tmp"
{
  cat "$tmp"
  echo "$marker"
  echo
  echo "bench/soak.sh, $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)."
  echo "RSS and threads are of the JVM running the clients and the server together."
  echo
  cat "$report"
} >"$doc"
rm -f "$tmp"
echo "soak: wrote $doc" >&2

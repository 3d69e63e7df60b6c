#!/usr/bin/env bash
# The reference server against WireMock standalone and a bare JDK HttpServer serving the same bytes
# (issue 14, item 3). Writes its own section of docs/benchmarks.md, between the perf-server markers
# (replaced on every run). Concurrent batches (item 6) are bench/batches.sh's, measured there.
#
#   bench/perf-server.sh                       # about 4 minutes
#   DURATION=5 WARMUP=10 bench/perf-server.sh  # shorter runs (seconds each; defaults 10 and 25)
#
# Each server gets WARMUP seconds of the same load before its measured run: under full load the
# JIT takes 20-30 s to settle for all three servers (with 2 s of warm-up, the first 10 s runs
# of every server measured well below the later ones, and the ratios moved with the order).
#
# Needs wrk, curl, jq (sudo apt-get install -y wrk curl jq). Called by bench/run.sh; runs alone too.
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"
duration="${DURATION:-10}"
warmup="${WARMUP:-25}"

require_tools wrk curl jq

wiremock_version=3.13.2
echo "perf-server: building the reference server and fetching WireMock $wiremock_version..." >&2
./mvnw -q -B -pl lightpane-stub -am package -DskipTests >&2
stub_jar="$(stub_jar)"
./mvnw -q -B dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version" \
  -DoutputDirectory="$work" >&2
wiremock_jar="$work/wiremock-standalone-$wiremock_version.jar"
threads=$(( $(nproc) * 4 > 8 ? $(nproc) * 4 : 8 ))   # the reference server's default pool

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # $1 log file, $2 pattern
  for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return; sleep 0.1; done
  echo "perf-server: a server did not start; its log:" >&2; cat "$1" >&2; exit 1
}

body='{"services":[{"service":"ec2","provider":"aws","region":"eu-west-2"}]}'
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("WRK_TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
LUA
export WRK_BODY="$body"

rps() { # $1 url; prints requests/s
  WRK_TOKEN="${2:-}" wrk -t2 -c16 -d"${warmup}s" -s "$work/post.lua" "$1/discovery" >/dev/null
  WRK_TOKEN="${2:-}" wrk -t2 -c16 -d"${duration}s" -s "$work/post.lua" "$1/discovery" |
    awk '/^Requests\/sec:/ { print $2 }'
}

declare -A result
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for rows in 3 300; do
  log="$work/stub-$rows.log"
  java -jar "$stub_jar" --port 0 --rows-per-service "$rows" --quiet >"$log" 2>&1 &
  pids+=($!)
  wait_for "$log" '^http://'
  stub="$(grep -m1 '^http://' "$log")"
  cookie="$(sed -n 2p "$log" | sed 's/^Cookie: //')"
  # A key with a rate limit no run reaches: every request goes through auth and the limiter.
  token=$(curl -sf -X POST -H 'Content-Type: application/json' -H "Cookie: $cookie" \
    -d '{"grant_type":"api_key","label":"bench","constraints":{"rate_limit_rpm":100000000}}' \
    "$stub/keys" | jq -r .token)
  curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "$body" "$stub/discovery" >"$work/body-$rows.json"
  size=$(wc -c <"$work/body-$rows.json")
  [[ "$(jq '.results[0].rows | length' "$work/body-$rows.json")" == "$rows" ]] || {
    echo "perf-server: the reference server did not answer $rows rows" >&2; exit 1; }

  mkdir -p "$work/wm-$rows/mappings" "$work/wm-$rows/__files"
  cp "$work/body-$rows.json" "$work/wm-$rows/__files/body.json"
  echo '{"request":{"method":"POST","url":"/discovery"},"response":{"status":200,"bodyFileName":"body.json","headers":{"Content-Type":"application/json"}}}' \
    >"$work/wm-$rows/mappings/discovery.json"
  wm_port=$(free_port)
  java -jar "$wiremock_jar" --port "$wm_port" --bind-address 127.0.0.1 --root-dir "$work/wm-$rows" \
    --disable-request-logging --no-request-journal >"$work/wm-$rows.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$wm_port/__admin/health" && break; sleep 0.1; done

  bare_port=$(free_port)
  # Nagle off, as the reference server sets it for its own sockets (StubServer): the same framing
  # on the wire, or every small answer of the bare server waits for a delayed ACK (363 req/s).
  java -Dsun.net.httpserver.nodelay=true "$root/bench/BareServer.java" "$bare_port" "$work/body-$rows.json" "$threads" >"$work/bare-$rows.log" 2>&1 &
  pids+=($!)
  wait_for "$work/bare-$rows.log" '^http://'

  echo "perf-server: $rows rows ($size bytes): reference server, WireMock, bare HttpServer; wrk -c16 ${duration}s each" >&2
  result[stub-$rows]=$(rps "$stub" "$token")
  result[wm-$rows]=$(rps "http://127.0.0.1:$wm_port")
  result[bare-$rows]=$(rps "http://127.0.0.1:$bare_port")
  result[size-$rows]=$size
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pids=()
done

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict RATIO BOUND: met when RATIO >= BOUND
verdict() { awk -v r="$1" -v b="$2" 'BEGIN { print (r >= b ? "met" : "missed") }'; }
section="$work/section.md"
{
  echo "<!-- perf-server -->"
  echo "## Reference server (issue 14, item 3)"
  echo
  echo "Written by \`bench/perf-server.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ). wrk -t2 -c16, ${duration} s per"
  echo "server after ${warmup} s of the same load as warm-up, \`POST /discovery\` for ec2 in eu-west-2. The reference server is"
  echo "asked with an access key (rate limit 100,000,000 rpm), so every request goes through auth,"
  echo "the limiter and the JSON writer; WireMock $wiremock_version standalone and a bare JDK HttpServer"
  echo "(\`bench/BareServer.java\`, $threads threads and Nagle off like the reference server) send the bytes"
  echo "the reference server sent, from a file. Load average: $load_before before, $load_after after."
  echo "The reference server sends a discovery answer of up to 256 KiB whole, with a Content-Length"
  echo "(docs/reference-server.md). What moved it from 0.38 of the bare server to the figures below is"
  echo "in [the notes](#reference-server-what-was-tried)."
  echo
  echo "| what | target | measured (req/s) | ratio | |"
  echo "|---|---|---|---|---|"
  for rows in 3 300; do
    s=${result[stub-$rows]} w=${result[wm-$rows]} b=${result[bare-$rows]}
    vs_wm=$(ratio "$s" "$w") vs_bare=$(ratio "$s" "$b")
    if [[ $rows == 300 ]]; then
      echo "| $rows rows (${result[size-$rows]} bytes): reference server vs WireMock | ≥ 1.5× (stretch 2×) | $s vs $w | ${vs_wm}× | $(verdict "$vs_wm" 1.5) |"
    else
      echo "| $rows rows (${result[size-$rows]} bytes): reference server vs WireMock | (the target is at 300 rows) | $s vs $w | ${vs_wm}× | |"
    fi
    echo "| $rows rows: reference server vs bare HttpServer | ≥ 0.80 | $s vs $b | $vs_bare | $(verdict "$vs_bare" 0.80) |"
  done
  echo
  echo "Concurrent batches (item 6): [Many batches at once](#many-batches-at-once-issue-14-item-6),"
  echo "measured by \`bench/batches.sh\`."
  [[ -f "$root/bench/perf-server-notes.md" ]] && cat "$root/bench/perf-server-notes.md"
  echo "<!-- /perf-server -->"
} >"$section"

write_section perf-server "$section" "$out"
echo "perf-server: wrote its section of $out" >&2
cat "$section"

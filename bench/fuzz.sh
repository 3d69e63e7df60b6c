#!/usr/bin/env bash
# Fuzzes each Jazzer fuzz test for the time its @FuzzTest(maxDuration) allows (60 s each, about
# 9 minutes in all with the builds), then writes the executions and findings into the "Fuzzing"
# section of docs/reliability.md. Not part of `./mvnw verify`, which replays the committed inputs
# (src/test/resources/.../*FuzzTestInputs) in regression mode only.
#
#   bench/fuzz.sh                    # every fuzz test
#   bench/fuzz.sh RendererFuzzTest   # the tests of the classes named
#
# New interesting inputs land in each module's .cifuzz-corpus/ (not committed); a finding lands
# as a crash-* file in the test's Inputs folder, where it becomes a regression test: fix the code,
# keep the file.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
out="$root/docs/reliability.md"
tests=(
  "lightpane-client ResponseReadersFuzzTest#discoveryBodiesGiveRowsOrATypedException"
  "lightpane-client ResponseReadersFuzzTest#keyListBodiesGiveKeysOrATypedException"
  "lightpane-cli RendererFuzzTest#csvReadsBackToTheSameValues"
  "lightpane-cli RendererFuzzTest#aTableOnATerminalHasNoRawControlCharacter"
  "lightpane-cli ExpressionFuzzTest#whereTermsParseOrSayWhy"
  "lightpane-cli ExpressionFuzzTest#sortKeysParseOrSayWhy"
  "lightpane-cli KeyOptionFuzzTest#keysAreColumnsOrAUsageError"
  "lightpane-stub RequestBodiesFuzzTest#bodiesGetA2xxOr4xx"
)
rows=""
for entry in "${tests[@]}"; do
  read -r module test <<<"$entry"
  if (($#)) && [[ ! " $* " == *" ${test%%#*} "* ]]; then
    continue
  fi
  log="$(mktemp)"
  status=passed
  JAZZER_FUZZ=1 ./mvnw -B -q -pl "$module" -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.redirectTestOutputToFile=false test >"$log" 2>&1 || status=finding
  # libFuzzer's last status line: "#123456 DONE cov: ... exec/s: 2057 ...".
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)"
  execs="$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")"
  rate="$(grep -oE 'exec/s: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)"
  cov="$(grep -oE 'cov: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)"
  if [[ "$status" == finding ]]; then
    finding="$(grep -m1 -E 'FuzzTestFindingException|== Java Exception' "$log" | cut -c1-160 || true)"
  else
    finding="none"
  fi
  rows+="| \`${test}\` | ${execs:-?} | ${rate:-?} | ${cov:-?} | ${finding//|/\\|} |"$'\n'
  echo "$test: ${execs:-?} executions, finding: $finding" >&2
  rm -f "$log"
done

section="## Fuzzing (client-harden)

Figures of \`bench/fuzz.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)
when it ended (the machine was shared: rates are low and noisy). Each test fuzzed for 60 s.

| fuzz test | executions | exec/s | coverage (edges) | finding |
|---|---|---|---|---|
${rows}"
python3 - "$out" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
start = text.find("## Fuzzing (client-harden)")
if start < 0:
    text = text.rstrip("\n") + "\n\n" + section
else:
    end = text.find("\n## ", start + 1)
    text = text[:start] + section + ("" if end < 0 else text[end:])
open(path, "w").write(text.rstrip("\n") + "\n")
PY

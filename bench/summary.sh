#!/usr/bin/env bash
# Collects every issue-14 target of docs/benchmarks.md into one table at the top of it: each row
# of a section's table whose last cell is a verdict ("met" or "missed", perhaps ", noisy"), with
# its target, measured figure, ratio and a link to the section it came from (the Results section,
# which holds the older targets of issue 4, is left out). It measures nothing
# and copies the figures as their scripts wrote them, so run it after them (bench/run.sh does, last).
#
#   bench/summary.sh            # rewrites the summary section of docs/benchmarks.md
set -euo pipefail

# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$root/docs/benchmarks.md"
section="$work/summary.md"

rows="$(awk '
  function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); gsub(/\001/, "\\|", s); return s }
  function anchor(s) { s = tolower(s); gsub(/[^a-z0-9 _-]/, "", s); gsub(/ /, "-", s); return s }
  /^## / { title = substr($0, 4); link = anchor(title); intable = 0; next }
  /^\|/ {
    line = $0; gsub(/\\\|/, "\001", line)   # an escaped | inside a cell is not a column
    nf = split(line, f, "|")
    if (!intable) {                       # a header line: find the columns by their names
      intable = 1
      tcol = mcol = rcol = 0
      for (i = 2; i < nf; i++) {
        h = tolower(trim(f[i])); names[i] = trim(f[i])
        if (!rcol && (h ~ /ratio/ || h ~ /speed-up/)) rcol = i
      }
      for (i = 2; i < nf; i++) {
        h = tolower(trim(f[i]))
        if (!tcol && h ~ /target/) tcol = i
        if (!mcol && i != rcol && (h ~ /measured/ || h ~ /median/)) mcol = i
      }
      first = tolower(trim(f[2])) == "what" ? "" : names[2] " "
      next
    }
    if (line ~ /^\|---/ || title == "Results") next   # Results: the older targets of issue 4
    verdict = trim(f[nf - 1])
    if (tcol && verdict ~ /^(met|missed)/) {
      printf "| %s%s | %s | %s | %s | %s | [%s](#%s) |\n", first, trim(f[2]), trim(f[tcol]),
        (mcol ? trim(f[mcol]) : ""), (rcol ? trim(f[rcol]) : ""), verdict, title, link
    }
    next
  }
  { intable = 0 }
' "$out")"

met=$(grep -c '| met[^|]* | \[' <<<"$rows" || true)
missed=$(grep -c '| missed[^|]* | \[' <<<"$rows" || true)
{
  echo "<!-- summary -->"
  echo "## Every target at a glance (issue 14)"
  echo
  echo "Collected by \`bench/summary.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ) from the sections below: each"
  echo "figure is as its section's script measured it (its date, machine load and method are there)."
  echo "$met met, $missed missed."
  echo
  echo "| what | target | measured | ratio | verdict | from |"
  echo "|---|---|---|---|---|---|"
  echo "$rows"
  echo "<!-- /summary -->"
} >"$section"
write_section summary "$section" "$out"
echo "summary: $met met, $missed missed; wrote its section of $out" >&2

#!/usr/bin/env bash
# A CI gate: fails when any S3 bucket in the given regions has versioning other than Enabled.
#   examples/ci/check-s3-versioning.sh [REGION...]
# Exit status: 0 all buckets versioned; 1 some are not (they are listed on stderr);
# anything else: lightpane itself failed, with its documented exit code (3 request rejected,
# 4 authentication, 5 rate limited, 6 server error, 7 network), so the job can tell a finding
# from an outage.
set -uo pipefail
lightpane=${LIGHTPANE:-lightpane}
regions=("$@")
((${#regions[@]})) || regions=(eu-west-2 us-east-1)
region_flags=()
for r in "${regions[@]}"; do region_flags+=(--region "$r"); done

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# JSON Lines: one object per row: {"service","provider","region","row":{...}}.
"$lightpane" discover ${LIGHTPANE_FLAGS:-} s3 "${region_flags[@]}" \
    --attributes bucket_name,versioning_status --output jsonl >"$out"
status=$?
if ((status != 0)); then
  echo "check-s3-versioning: lightpane failed with exit code $status" >&2
  exit "$status"
fi

unversioned=$(jq -r 'select(.row.versioning_status != "Enabled")
                     | "\(.region)\t\(.row.bucket_name)\t\(.row.versioning_status)"' "$out")
total=$(wc -l <"$out")
if [[ -n $unversioned ]]; then
  echo "S3 buckets without versioning:" >&2
  printf '%s\n' "$unversioned" >&2
  exit 1
fi
echo "all $total S3 buckets have versioning enabled" >&2

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

# One command: --where keeps the unversioned buckets, --fail-if-any exits 8 when there is one.
findings=$("$lightpane" discover ${LIGHTPANE_FLAGS:-} s3 "${region_flags[@]}" \
    --attributes region,bucket_name,versioning_status \
    --where versioning_status!=Enabled --fail-if-any --output tsv --no-headers)
status=$?
case $status in
  0)
    echo "check-s3-versioning: every S3 bucket in ${regions[*]} has versioning enabled" >&2
    ;;
  8)
    echo "S3 buckets without versioning:" >&2
    printf '%s\n' "$findings" >&2
    exit 1
    ;;
  *)
    echo "check-s3-versioning: lightpane failed with exit code $status" >&2
    exit "$status"
    ;;
esac

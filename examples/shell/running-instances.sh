#!/usr/bin/env bash
# Running EC2 instances across regions, as tab-separated lines: region, name, instance id, type.
# No jq program needed: --where filters, and --jq (built into lightpane) shapes the lines.
#   examples/shell/running-instances.sh [REGION...]
set -euo pipefail
lightpane=${LIGHTPANE:-lightpane}
regions=("$@")
((${#regions[@]})) || regions=(eu-west-2 us-east-1)
region_flags=()
for r in "${regions[@]}"; do region_flags+=(--region "$r"); done

# --jq reads the API's document: one result per region, each with its metadata and rows.
"$lightpane" discover ${LIGHTPANE_FLAGS:-} ec2 "${region_flags[@]}" --where state=running \
  --jq '.results[] | .metadata.region as $region | .rows[]
        | [$region, .name, .instance_id, .instance_type] | @tsv'

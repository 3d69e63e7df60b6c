#!/usr/bin/env bash
# Running EC2 instances across regions, from JSON through jq, as tab-separated lines:
# region, name, instance id, type.
#   examples/shell/running-instances.sh [REGION...]
set -euo pipefail
lightpane=${LIGHTPANE:-lightpane}
regions=("$@")
((${#regions[@]})) || regions=(eu-west-2 us-east-1)
region_flags=()
for r in "${regions[@]}"; do region_flags+=(--region "$r"); done

# -o json is the API's own document: one result per region, each with its metadata and rows.
"$lightpane" discover ${LIGHTPANE_FLAGS:-} ec2 "${region_flags[@]}" --output json |
  jq -r '.results[] | .metadata.region as $region | .rows[]
         | select(.state == "running") | [$region, .name, .instance_id, .instance_type] | @tsv'

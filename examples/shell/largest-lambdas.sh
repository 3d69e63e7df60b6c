#!/usr/bin/env bash
# The five Lambda functions with the most memory in a region, from CSV through sort and awk.
#   examples/shell/largest-lambdas.sh [REGION]
# LIGHTPANE names the command (default: lightpane on PATH); add flags such as --embedded or
# --base-url through LIGHTPANE_FLAGS.
set -euo pipefail
region=${1:-eu-west-2}
lightpane=${LIGHTPANE:-lightpane}

# One service and one region: the CSV columns are exactly the attributes asked for, in that order.
# --no-header leaves only data lines for sort.
"$lightpane" discover ${LIGHTPANE_FLAGS:-} lambda_functions --region "$region" \
    --attributes function_name,runtime,memory_size --output csv --no-header |
  sort -t, -k3,3nr -k1,1 |
  head -n 5 |
  awk -F, '{ printf "%-40s %-12s %6d MB\n", $1, $2, $3 }'

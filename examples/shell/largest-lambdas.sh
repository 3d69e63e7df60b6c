#!/usr/bin/env bash
# The five Lambda functions with the most memory in a region: sorted and cut by lightpane itself.
#   examples/shell/largest-lambdas.sh [REGION]
# LIGHTPANE names the command (default: lightpane on PATH); add flags such as --embedded or
# --base-url through LIGHTPANE_FLAGS.
set -euo pipefail
region=${1:-eu-west-2}
lightpane=${LIGHTPANE:-lightpane}

# --sort-by memory_size:desc sorts numerically, --sort-by function_name breaks ties, --limit 5
# keeps the first five; TSV without headers is one row per line, tab-separated, for awk.
"$lightpane" discover ${LIGHTPANE_FLAGS:-} lambda_functions --region "$region" \
    --attributes function_name,runtime,memory_size \
    --sort-by memory_size:desc --sort-by function_name --limit 5 --output tsv --no-headers |
  awk -F'\t' '{ printf "%-40s %-12s %6d MB\n", $1, $2, $3 }'

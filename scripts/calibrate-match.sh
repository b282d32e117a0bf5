#!/usr/bin/env bash
# Fits the matching calibration (the logistic model that turns match features into a 0..1 score) on a training
# set and writes it to kb-service/src/main/resources/matching/calibration.json; prints how thresholds would
# behave on that set. See docs/matching.md for when and how to recalibrate.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/kb-tool.sh
source "$SCRIPT_DIR/lib/kb-tool.sh"

usage() {
  cat <<USAGE
Usage: scripts/calibrate-match.sh [--no-build] [--out FILE] [TRAINING_FILE...]

Fits the calibration on the TRAINING_FILEs (default eval/match-train.jsonl and
eval/match-train-long.jsonl; same JSONL format as the evaluation sets, never one of the sets
results are reported on) and writes it to
kb-service/src/main/resources/matching/calibration.json (or --out FILE). Short texts fit the
model, long letters (duiding.matching.long-text-windows and more) its long-text stage; a table
of thresholds is printed for each. Then rebuild and run scripts/eval-match.sh to see the
effect; choose duiding.matching.min-score and long-text-min-score from the printed tables
(docs/matching.md, "Recalibrating").
USAGE
}

BUILD=()
ROOT="$(duiding_repo_root)"
OUT="$ROOT/kb-service/src/main/resources/matching/calibration.json"
TRAIN=()
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --no-build) BUILD=(--no-build) ;;
    --out) OUT="$(realpath -m "$2")"; shift ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) TRAIN+=("$(realpath "$1")") ;;
  esac
  shift
done
((${#TRAIN[@]})) || TRAIN=("$ROOT/eval/match-train.jsonl" "$ROOT/eval/match-train-long.jsonl")
FILES=()
for file in "${TRAIN[@]}"; do
  [[ -f "$file" ]] || die "no training file: $file"
  # A training file inside the repository is recorded by its relative path (kb_tool_run works in the root), so the
  # committed calibration does not carry a path of one machine.
  FILES+=("${file#"$ROOT"/}")
done

kb_tool_prepare "${BUILD[@]}"
trap kb_tool_finish EXIT
# A fresh import every run: documents replaced in an older tool index still count in its term statistics until
# segments merge, and would make the figures depend on that index's history.
kb_tool_delete_indices duiding-tool
kb_tool_run calibrate "--duiding.tool.files=$(IFS=,; echo "${FILES[*]}")" "--duiding.tool.output=$OUT"

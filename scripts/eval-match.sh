#!/usr/bin/env bash
# Evaluates matching on JSONL files ({"text": ..., "expected": [slugs]}) and prints, for Duiding and for a plain
# multi_match baseline side by side: top-1 accuracy, recall@3, MRR, false-match rate and latency.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/kb-tool.sh
source "$SCRIPT_DIR/lib/kb-tool.sh"

usage() {
  cat <<USAGE
Usage: scripts/eval-match.sh [--no-build] [--json OUT] FILE [FILE...]

Each FILE holds one JSON object per line: {"text": "...", "expected": ["slug", ...]};
an empty list means the text must match nothing. The repository's content/ is imported
into the local development Elasticsearch (started if needed, stopped again afterwards)
under the index prefix duiding-tool, and every line goes through the real match path
(POST /api/v1/match's service) and through the baseline: a plain multi_match with the
standard analyzer over title, summary and trigger phrasings, no threshold.

Figures: top-1 accuracy, recall@3 and MRR over the lines that expect a match; the
false-match rate over the lines that expect none; server-side latency per text
(p50/p95/p99, in-process, after a warm-up). Misses are listed: a wrong or missing first
narrative, a narrative shown on a no-match line, and a second expected narrative missing
from the first three.

  --json OUT    also write the figures as JSON (docs/ keeps the published ones)
  --no-build    use the kb-service jar already built
USAGE
}

BUILD=()
JSON=()
FILES=()
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --no-build) BUILD=(--no-build) ;;
    --json) JSON=("--duiding.tool.output=$(realpath -m "$2")"); shift ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [[ -f "$1" ]] || die "no such file: $1"; FILES+=("$(realpath "$1")") ;;
  esac
  shift
done
((${#FILES[@]})) || { usage >&2; die "give at least one evaluation file"; }

kb_tool_prepare "${BUILD[@]}"
trap kb_tool_finish EXIT
# A fresh import every run: documents replaced in an older tool index still count in its term statistics until
# segments merge, and would make the figures depend on that index's history.
kb_tool_delete_indices duiding-tool
# kb_tool_run works in the repository root: files inside it are named by their path there, in the output too.
FILES=("${FILES[@]#"$(duiding_repo_root)"/}")
kb_tool_run evaluate "--duiding.tool.files=$(IFS=,; echo "${FILES[*]}")" "${JSON[@]}"

#!/usr/bin/env bash
# Measures the ContactScrubber on its labelled set and writes the figures into docs/privacy-scrubber.md.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
case "${1:-}" in
  -h | --help) echo "Usage: scripts/eval-scrubber.sh   (runs ContactScrubberTest, updates docs/privacy-scrubber.md)"; exit 0 ;;
esac
ROOT="$(duiding_repo_root)"
duiding_mvn -pl kb-service -am test -Dtest=ContactScrubberTest -Dsurefire.failIfNoSpecifiedTests=false
FIG="$ROOT/kb-service/target/privacy-scrubber-figures.md"
DOC="$ROOT/docs/privacy-scrubber.md"
[[ -f "$FIG" ]] || die "the test wrote no figures"
python3 - "$DOC" "$FIG" "$(date -u +%Y-%m-%d)" <<'PY'
import sys
doc, fig, date = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(doc).read()
start, end = "<!-- figures:start -->", "<!-- figures:end -->"
before, rest = text.split(start)
_, after = rest.split(end)
open(doc, "w").write(before + start + "\n\nMeasured " + date + " by scripts/eval-scrubber.sh:\n\n" + open(fig).read() + "\n" + end + after)
PY
info "updated $DOC"

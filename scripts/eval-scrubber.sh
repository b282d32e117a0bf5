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
FIGS="$ROOT/kb-service/target/privacy-figures"
DOC="$ROOT/docs/privacy-scrubber.md"
[[ -f "$FIGS/scrubber-cases.md" ]] || die "the test wrote no figures"
python3 - "$DOC" "$FIGS" "$(date -u +%Y-%m-%d)" <<'PY'
import sys
doc, figs, date = sys.argv[1], sys.argv[2], sys.argv[3]
titles = [("scrubber-cases", "First set (scrubber-cases.txt, the patterns were developed on it)"),
          ("scrubber-heldout-1", "Second set (scrubber-heldout-1.txt)"),
          ("scrubber-heldout-2", "Third set (scrubber-heldout-2.txt)"),
          ("scrubber-heldout-3", "Fourth set (scrubber-heldout-3.txt)"),
          ("scrubber-names", "Names, first set (scrubber-names.txt, the name cues were developed on it)"),
          ("scrubber-names-heldout", "Names, second set (scrubber-names-heldout.txt)"),
          ("scrubber-names-heldout-2", "Names, third set (scrubber-names-heldout-2.txt)"),
          ("scrubber-names-heldout-3", "Names, fourth set (scrubber-names-heldout-3.txt)")]
body = "\n\nMeasured " + date + " by scripts/eval-scrubber.sh, with the current scrubber:\n"
for name, title in titles:
    body += "\n### " + title + "\n\n" + open(figs + "/" + name + ".md").read()
body += ("\n### The narrative library (content/narratives, a look-alike set of its own; "
         "a phone number, e-mail address, BSN, IBAN or licence plate fails the build)\n\n" + open(figs + "/content-library.md").read())
text = open(doc).read()
start, end = "<!-- figures:start -->", "<!-- figures:end -->"
before, rest = text.split(start)
_, after = rest.split(end)
open(doc, "w").write(before + start + body + "\n" + end + after)
PY
info "updated $DOC"

#!/usr/bin/env bash
# Signal intake throughput (against a raw _bulk of the same documents in the same session) and the time of one daily
# report over 100,000 signals of one day, against a throw-away kb-service and the local Elasticsearch on 127.0.0.1.
# Bounded: HISTORY+1 simulated days, one reference run, one feed, one report per day.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

usage() {
  cat <<USAGE
Usage: scripts/bench-signals.sh [--no-build] [--signals N] [--history-days H] [--clients C]

Simulates H (default 2) days of history and one measured day (yesterday) of N (default 100000)
contacts each (seed 7, one campaign a day). Sends all days' documents straight to Elasticsearch's
_bulk (the reference: what the node takes on this machine now), then feeds all days through
POST /api/v1/signals in batches of 1,000 from C (default 4) parallel clients, then the reference
once more (the machine is shared: the ratio uses the mean of both), then asks for each day's report
once. Appends a row to docs/signals-benchmark.md with machine, load and date.
Set DUIDING_TOOL_ES_URL to use an Elasticsearch you started (scripts/elasticsearch.sh start --name ...).
USAGE
}
NO_BUILD=()
N=100000
HISTORY=2
CLIENTS=4
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --no-build) NO_BUILD=(--no-build) ;;
    --signals) N="$2"; shift ;;
    --history-days) HISTORY="$2"; shift ;;
    --clients) CLIENTS="$2"; shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done
ROOT="$(duiding_repo_root)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
NARR=$((N / 10))
BG=$((N - NARR - 300))
DAYS=$((HISTORY + 1))
MEASURED="$(date -d yesterday +%F)"
# The simulator lowers weekend volumes to a third; the measured day must be a weekday.
case "$(date -d "$MEASURED" +%u)" in
  6 | 7) MEASURED="$(date -d "last friday" +%F)" ;;
esac
END="$(date -d "$MEASURED + 1 day" +%F)"
LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"
START="$(date -u +%Y-%m-%dT%H:%MZ)"
"$SCRIPT_DIR/simulate.sh" --local "${NO_BUILD[@]}" --raw-bulk --seed 7 --days "$DAYS" \
  --end "$END" --background "$BG" --narratives "$NARR" --campaigns-per-week 7 --decoys-per-week 0 \
  --repeat-per-day 1 --clients "$CLIENTS" --evaluate --out "$TMP/bench.json" >/dev/null
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"
# Intake's own CPU work per contact, on the measured day's texts (no service involved).
"$SCRIPT_DIR/simulate.sh" --no-build --seed 7 --days 1 --end "$END" --background "$BG" --narratives "$NARR" \
  --campaigns-per-week 7 --decoys-per-week 0 --cost --out "$TMP/cost.json" >/dev/null
OUT="$ROOT/docs/signals-benchmark.md"
python3 - "$TMP/bench.json" "$OUT" "$TMP/cost.json" <<PY
import json, re, sys
r = json.load(open(sys.argv[1]))
path = sys.argv[2]
cost = json.load(open(sys.argv[3]))
try:
    old = open(path).read()
except FileNotFoundError:
    old = ""
rows = []
m = re.search(r"<!-- runs:start -->\n(.*?)<!-- runs:end -->", old, re.S)
if m:
    rows = [l for l in m.group(1).splitlines() if l.startswith("| 20")]
ratio = r["ingestPerSecond"] / r["rawBulkPerSecond"] if r.get("rawBulkPerSecond") else 0
measured = "$MEASURED"
days = list(r["reportMillisByDay"].keys())
first_day = days[0] if days else ""
rows.append(f"| $START | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB | $LOAD_BEFORE / $LOAD_AFTER | {r['contacts']} over {r['days']} days | {r['clients']} | {r['ingestPerSecond']} | {r.get('rawBulkPerSecond', 0)} ({r.get('rawBulkPerSecondBefore', 0)} before, {r.get('rawBulkPerSecondAfter', 0)} after) | {ratio:.2f} | {r['reportMillisByDay'].get(measured, 0)} ({r['slowestReportMillis']}) | {r['reportedCampaignsByDay'].get(measured, 0)} of 1 ({r['reportedCampaignsByDay'].get(first_day, 0)}) | {cost['scrubMicrosPerContact']} / {cost['bandsMicrosPerContact']} |")
header = ("| Date (UTC) | Machine | Load before / after | Signals | Clients | Intake (signals/s) | Raw _bulk reference "
          "(signals/s) | Intake / reference | Report of the measured day, first request (slowest of all days), ms "
          "| Campaigns in the measured day's report / injected (on day 1, without history) "
          "| Scrub / MinHash (µs per contact) |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|\n")
head = old.split("<!-- runs:start -->")[0] if m else old
tail = old.split("<!-- runs:end -->")[1] if m else "\n"
open(path, "w").write(head + "<!-- runs:start -->\n" + header + "\n".join(rows) + "\n<!-- runs:end -->" + tail)
PY
info "wrote $OUT"
cat "$OUT"

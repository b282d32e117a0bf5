#!/usr/bin/env bash
# Generates a seeded stream of KCC contacts and feeds it through POST /api/v1/signals; optionally scores the daily
# reports against what was injected.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/kb-tool.sh
source "$SCRIPT_DIR/lib/kb-tool.sh"
# shellcheck source-path=SCRIPTDIR source=lib/kb-local.sh
source "$SCRIPT_DIR/lib/kb-local.sh"

usage() {
  cat <<USAGE
Usage: scripts/simulate.sh [--local] [--no-build] [OPTIONS]

Generates a realistic, seeded stream of contacts for one municipality and feeds it to
kb-service's signals API as the connector would:
  - ordinary KCC questions (content/analysis/ordinary-questions.txt) as background,
  - contacts about narratives (trigger phrasings from content/narratives),
  - injected campaigns (template letters or scripted calls, 30-150 contacts, own names
    and addresses, typos, dropped words, a start hour and a spread of 2-10 hours),
  - small near-identical decoy groups and repeat callers (one resident, 8-30 contacts).
The same seed always gives the same stream (nl.duiding.kb.simulation.ContactStream).

Where it goes:
  (default)   a running kb-service: --url (default http://127.0.0.1:8080) with the connector's
              credentials in DUIDING_SIM_USER / DUIDING_SIM_PASSWORD (see scripts/start.sh output)
  --local     a throw-away kb-service on 127.0.0.1 (port --port, default 8095) against the local
              development Elasticsearch, under a fresh index prefix removed afterwards
              (DUIDING_KEEP_INDICES=1 keeps it)

Options (passed to the generator):
  --seed N                 (default 1)       --days N           (default 7, ending yesterday)
  --tenant GM....          (default GM0363)  --background N     ordinary contacts per weekday (1500)
  --narratives N           per weekday (150) --campaigns-per-week X (3)
  --repeat-per-day X       (1)               --decoys-per-week X (2)
  --end YYYY-MM-DD         first day not simulated (default today)
  --clients N              send batches from N parallel clients (default 1)
  --raw-bulk               (--local only) first send the same documents straight to Elasticsearch's _bulk
                           as a reference for the intake rate (see docs/signals-benchmark.md)
  --raw-bulk-day DAY       ...only the contacts of that day
  --live [DAY]             near-real-time: send the days before DAY at once, then DAY's contacts as they happen
                           (--speed, simulated seconds per second, default 60) and measure when
                           /api/v1/campaigns/active first shows DAY's first campaign after its 30th contact
  --evaluate               read back the daily reports (as analyst) and score them
  --out FILE               write the scores as JSON
  --dry-run                print the stream as JSON lines, send nothing
USAGE
}

LOCAL=0
RAW_BULK=0
BUILD=()
PORT=8095
ARGS=()
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --local) LOCAL=1 ;;
    --raw-bulk) RAW_BULK=1 ;;
    --no-build) BUILD=(--no-build) ;;
    --port) PORT="$2"; shift ;;
    --out) ARGS+=(--out "$(realpath -m "$2")"); shift ;;
    --*) if [[ $# -gt 1 && "$2" != --* ]]; then ARGS+=("$1" "$2"); shift; else ARGS+=("$1"); fi ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

ROOT="$(duiding_repo_root)"
if ((LOCAL)); then
  kb_tool_prepare "${BUILD[@]}"
  PREFIX="duiding-sim-$(date +%s)"
  cleanup() { kb_local_stop "$PREFIX"; kb_tool_finish; }
  trap cleanup EXIT
  kb_local_start "$PORT" "$PREFIX"
  if ((RAW_BULK)); then
    ARGS+=(--raw-bulk "$KB_TOOL_ES_URL" --raw-bulk-prefix "$PREFIX")
  fi
  (cd "$ROOT" && kb_simulate --content "$ROOT/content" --url "$KB_LOCAL_URL" --user simulator \
    --password "$KB_LOCAL_CONNECTOR_PASSWORD" --analyst-user analist --analyst-password "$KB_LOCAL_ANALYST_PASSWORD" \
    "${ARGS[@]}")
else
  if ((RAW_BULK)); then
    die "--raw-bulk needs --local"
  fi
  duiding_find_jdk
  KB_JAR="$(find "$ROOT/kb-service/target" -maxdepth 1 -name 'kb-service-*.jar' ! -name '*-sources.jar' | head -n 1)"
  if [[ -z "$KB_JAR" || ${#BUILD[@]} -eq 0 ]]; then
    info "building kb-service (tests skipped)"
    duiding_mvn -pl kb-service -am -DskipTests package
    KB_JAR="$(find "$ROOT/kb-service/target" -maxdepth 1 -name 'kb-service-*.jar' ! -name '*-sources.jar' | head -n 1)"
  fi
  (cd "$ROOT" && kb_simulate --content "$ROOT/content" "${ARGS[@]}")
fi

#!/usr/bin/env bash
# Benchmarks POST /api/v1/match with 1,000 narratives indexed (the real library plus seeded synthetic ones) and
# 20 concurrent clients on loopback, against the raw Elasticsearch query matching issues in the same session.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/kb-tool.sh
source "$SCRIPT_DIR/lib/kb-tool.sh"

usage() {
  cat <<USAGE
Usage: scripts/bench-match.sh [--no-build] [--clients N] [--seconds S] [--json OUT]

1. copies content/ to a temporary folder and adds seeded synthetic narratives up to
   1,000 in total (kb-service --duiding.tool=synthesize);
2. starts kb-service on a random loopback port with that content imported (index
   prefix duiding-bench on the local development Elasticsearch);
3. runs N clients (default 20) for S seconds (default 30, after 10 s warm-up) against
   POST /api/v1/match in three load shapes: back to back; one request per second per
   client, all clients at once (lock-step bursts); and one request per second per client
   on average, each client on its own (exponential gaps, like independent agents);
   reading server-side time from the Server-Timing header; and the raw Elasticsearch
   requests matching issues for the same texts, same windows, same concurrency.
   The rate limit is off for this run: it measures matching, not the limiter.
Texts: eval/match-dev.jsonl, eval/match-holdout.jsonl and eval/match-train.jsonl.
Stops by itself; traffic only to 127.0.0.1.
USAGE
}

BUILD=()
CLIENTS=20
SECONDS_MEASURED=30
JSON=()
while (($#)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --no-build) BUILD=(--no-build) ;;
    --clients) CLIENTS="$2"; shift ;;
    --seconds) SECONDS_MEASURED="$2"; shift ;;
    --json) JSON=("--duiding.tool.output=$(realpath -m "$2")"); shift ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

ROOT="$(duiding_repo_root)"
WORK="$(mktemp -d)"
cleanup() {
  rm -rf "$WORK"
  if [[ -n "${KB_TOOL_ES_URL:-}" ]]; then
    kb_tool_delete_indices duiding-bench-gen
    kb_tool_delete_indices duiding-bench
  fi
  kb_tool_finish
}
trap cleanup EXIT

kb_tool_prepare "${BUILD[@]}"
cp -r "$ROOT/content" "$WORK/content"
REAL=$(find "$WORK/content/narratives" -name '*.md' | wc -l)
SYNTHETIC=$((1000 - REAL))
info "generating $SYNTHETIC synthetic narratives next to the $REAL real ones"
DUIDING_TOOL_INDEX_PREFIX=duiding-bench-gen kb_tool_run synthesize \
  "--duiding.tool.output=$WORK/content/narratives" "--duiding.tool.count=$SYNTHETIC"

PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
printf 'bench=%s,connector,nationaal\n' "$PASSWORD" >"$WORK/users.properties"

info "importing 1,000 narratives and measuring (this takes a few minutes)"
(cd "$ROOT" && "$JAVA_HOME/bin/java" -Xmx1g -jar "$KB_JAR" \
  --server.address=127.0.0.1 --server.port=0 \
  --spring.elasticsearch.uris="$KB_TOOL_ES_URL" --duiding.index.prefix=duiding-bench \
  --duiding.content.dir="$WORK/content" --duiding.security.local-users-file="$WORK/users.properties" \
  --duiding.rate-limit.enabled=false --logging.level.root=WARN --spring.main.banner-mode=off \
  --duiding.tool=benchmark --duiding.tool.user=bench --duiding.tool.password="$PASSWORD" \
  --duiding.tool.clients="$CLIENTS" --duiding.tool.seconds="$SECONDS_MEASURED" \
  --duiding.tool.files="$ROOT/eval/match-dev.jsonl,$ROOT/eval/match-holdout.jsonl,$ROOT/eval/match-train.jsonl" \
  "${JSON[@]}")

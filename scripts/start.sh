#!/usr/bin/env bash
# Runs Duiding locally: builds, starts Elasticsearch (with our Dutch analysis plugin), kb-service (which loads
# content/ on start) and kcc-connector, prints where everything is, and stops what it started on Ctrl-C.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

KB_PORT="${DUIDING_KB_PORT:-8080}"
CONNECTOR_PORT="${DUIDING_CONNECTOR_PORT:-8081}"
ES_PORT="${DUIDING_ES_PORT:-9200}"
START_TIMEOUT="${DUIDING_START_TIMEOUT:-180}"

usage() {
  cat <<EOF
Usage: scripts/start.sh [--no-build]

Builds Duiding and runs it on this machine until Ctrl-C:
  Elasticsearch   http://127.0.0.1:$ES_PORT   (scripts/elasticsearch.sh, name "dev")
  kb-service      http://127.0.0.1:$KB_PORT   (imports content/ on start)
  kcc-connector   http://127.0.0.1:$CONNECTOR_PORT

Ctrl-C stops everything this run started (an Elasticsearch that was already
running is left running). A second start while one runs says so and exits 0.

Options:
  --no-build    use the jars already in */target (after an earlier build)
  -h, --help    show this help

Environment: DUIDING_KB_PORT, DUIDING_CONNECTOR_PORT, DUIDING_ES_PORT,
DUIDING_START_TIMEOUT (seconds per service, default $START_TIMEOUT), JAVA_HOME (JDK 21+).
Logs and local users: <runtime>/logs, <runtime>/start (runtime: DUIDING_RUNTIME_DIR or <repo>/.runtime)
EOF
}

BUILD=1
while (($#)); do
  case "$1" in
    --no-build) BUILD=0 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      die "unknown option: $1"
      ;;
  esac
  shift
done

ROOT="$(duiding_repo_root)"
RUNTIME="$(duiding_runtime_dir)"
STATE_DIR="$RUNTIME/start"
LOG_DIR="$RUNTIME/logs"
LOCK="$STATE_DIR/start.pid"
USERS_FILE="$STATE_DIR/local-users.properties"
mkdir -p "$STATE_DIR" "$LOG_DIR"

print_urls() {
  cat <<EOF

Duiding runs:
  Sidebar (demo CRM)   http://127.0.0.1:$CONNECTOR_PORT/   (a stand-in CRM with the sidebar beside it)
  Editor               http://127.0.0.1:$KB_PORT/
  API docs (OpenAPI)   http://127.0.0.1:$KB_PORT/api/v1/openapi.json
  kb-service health    http://127.0.0.1:$KB_PORT/actuator/health
  connector health     http://127.0.0.1:$CONNECTOR_PORT/actuator/health
  Elasticsearch        http://127.0.0.1:$ES_PORT
EOF
  if [[ -f "$USERS_FILE" ]]; then
    printf '\nLocal users (profile "local"; user / password (role, tenant), from %s):\n' "$USERS_FILE"
    sed -n 's/^\([^#=]*\)=\([^,]*\),\([^,]*\),\(.*\)$/  \1 \/ \2   (\3, \4)/p' "$USERS_FILE"
  fi
  printf '\nLogs: %s\n' "$LOG_DIR"
}

# --- one run at a time ----------------------------------------------------------

is_start_process() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'start\.sh'
}

if [[ -f "$LOCK" ]]; then
  other="$(tr -dc '0-9' <"$LOCK")"
  if [[ -n "$other" && "$other" != "$$" ]] && is_start_process "$other"; then
    info "Duiding already runs (scripts/start.sh, pid $other); not starting a second copy."
    print_urls
    exit 0
  fi
  warn "stale lock $LOCK (pid ${other:-?} is gone); taking over"
  rm -f "$LOCK"
fi
echo $$ >"$LOCK"

STARTED_PIDS=()
STARTED_ES=0
cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null && info "stopping pid $pid"
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if ((STARTED_ES)); then
    "$SCRIPT_DIR/elasticsearch.sh" stop --port "$ES_PORT" || true
  fi
  rm -f "$LOCK" "$STATE_DIR"/*.service.pid
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$KB_PORT" "$CONNECTOR_PORT"; do
  port_free "$port" ||
    die "port $port on 127.0.0.1 is already in use by another program; stop it or set DUIDING_KB_PORT / DUIDING_CONNECTOR_PORT"
done

# --- build ----------------------------------------------------------------------

duiding_find_jdk
if [[ ! -r "$DUIDING_WORD_LIST" ]]; then
  warn "no Dutch word list at $DUIDING_WORD_LIST: matching will not correct misspelt words" \
    "(install it with: apt-get install -y wdutch)"
fi
if ((BUILD)); then
  info "building (mvnw package, tests skipped: scripts/test.sh runs them)"
  duiding_mvn -DskipTests package
fi
jar_of() {
  local jar
  jar="$(find "$ROOT/$1/target" -maxdepth 1 -name "$1-*.jar" ! -name '*-sources.jar' ! -name '*-javadoc.jar' 2>/dev/null | head -n 1)"
  [[ -n "$jar" ]] || die "no jar in $1/target; run without --no-build"
  echo "$jar"
}
KB_JAR="$(jar_of kb-service)"
CONNECTOR_JAR="$(jar_of kcc-connector)"

# --- Elasticsearch ---------------------------------------------------------------

if ! "$SCRIPT_DIR/elasticsearch.sh" status --port "$ES_PORT" >/dev/null 2>&1; then
  STARTED_ES=1
fi
ES_URL="$("$SCRIPT_DIR/elasticsearch.sh" ensure --port "$ES_PORT" | sed -n 's/^ELASTICSEARCH_URL=//p' | tail -n 1)"
[[ -n "$ES_URL" ]] || die "Elasticsearch did not start; see scripts/elasticsearch.sh status"

# --- local users ----------------------------------------------------------------

# Random passwords per role, made once per checkout and kept out of git (the runtime folder is ignored).
if [[ ! -f "$USERS_FILE" ]]; then
  (
    umask 077
    echo "# Local users for the 'local' profile: username=password,role,tenant. Generated by scripts/start.sh."
    for entry in kcc:kcc-medewerker:GM0363 redacteur:redacteur:nationaal eindredacteur:eindredacteur:nationaal \
      analist:analist:GM0363 beheerder:beheerder:nationaal connector:connector:nationaal; do
      IFS=: read -r user role tenant <<<"$entry"
      echo "$user=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20),$role,$tenant"
    done
  ) >"$USERS_FILE"
  chmod 600 "$USERS_FILE"
fi
CONNECTOR_PASSWORD="$(sed -n 's/^connector=\([^,]*\),.*/\1/p' "$USERS_FILE")"

# The connector's keys for the demo municipality (launch links, webhook signatures, resident pseudonyms), made
# once per checkout like the passwords above; the connector reads them as files (file:…), never from git.
CONNECTOR_SECRETS="$STATE_DIR/connector-secrets"
(
  umask 077
  mkdir -p "$CONNECTOR_SECRETS"
  for name in resident-hash-key launch-secret-gm0363 webhook-secret-gm0363; do
    [[ -s "$CONNECTOR_SECRETS/$name" ]] || head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$CONNECTOR_SECRETS/$name"
  done
)

# --- services -------------------------------------------------------------------

start_service() { # NAME JAR PORT [ENV=VALUE...]
  local name="$1" jar="$2" port="$3"
  shift 3
  info "starting $name on 127.0.0.1:$port (log: $LOG_DIR/$name.log)"
  (cd "$ROOT" && exec env "$@" "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" >"$LOG_DIR/$name.log" 2>&1) &
  SERVICE_PID=$!
  STARTED_PIDS+=("$SERVICE_PID")
  echo "$SERVICE_PID" >"$STATE_DIR/$name.service.pid"
  if ! wait_for_http "http://127.0.0.1:$port/actuator/health" "$START_TIMEOUT" service_alive; then
    tail -n 40 "$LOG_DIR/$name.log" >&2 || true
    die "$name did not become healthy within ${START_TIMEOUT}s (log above)"
  fi
}
service_alive() { kill -0 "$SERVICE_PID" 2>/dev/null; }

start_service kb-service "$KB_JAR" "$KB_PORT" \
  SPRING_PROFILES_ACTIVE=local DUIDING_KB_PORT="$KB_PORT" DUIDING_ELASTICSEARCH_URL="$ES_URL" \
  DUIDING_CONTENT_DIR="$ROOT/content" DUIDING_LOCAL_USERS_FILE="$USERS_FILE"
start_service kcc-connector "$CONNECTOR_JAR" "$CONNECTOR_PORT" \
  SPRING_PROFILES_ACTIVE=local DUIDING_CONNECTOR_PORT="$CONNECTOR_PORT" DUIDING_KB_URL="http://127.0.0.1:$KB_PORT" \
  DUIDING_KB_USERNAME=connector DUIDING_KB_PASSWORD="$CONNECTOR_PASSWORD" \
  DUIDING_CONNECTOR_SECRETS_DIR="$CONNECTOR_SECRETS" DUIDING_CONNECTOR_STATE_DIR="$RUNTIME/connector"

print_urls
printf 'Press Ctrl-C to stop.\n'
# Stay in the foreground until Ctrl-C, or until a service dies on its own.
while true; do
  for pid in "${STARTED_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || die "a service (pid $pid) stopped unexpectedly; see $LOG_DIR; stopping the rest"
  done
  sleep 2
done

#!/usr/bin/env bash
# The whole test suite: unit tests and integration tests against a real Elasticsearch that this script starts
# (instance "test", port 9250) and stops again. Exits non-zero on any failure.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

ES_NAME=test
ES_PORT="${DUIDING_TEST_ES_PORT:-9250}"

usage() {
  cat <<EOF
Usage: scripts/test.sh [MAVEN_ARGS...]

Runs './mvnw verify' for all modules: unit tests (surefire) and integration
tests (*IT, failsafe) against a real Elasticsearch on 127.0.0.1:$ES_PORT that it
starts first (scripts/elasticsearch.sh --name $ES_NAME) and stops afterwards.
An already running test instance is reused and left running.

Extra arguments go to Maven, e.g. scripts/test.sh -pl kb-service -am

Environment: DUIDING_TEST_ES_PORT (default 9250), JAVA_HOME (JDK 21+),
DUIDING_MVN_VERBOSE=1 for full Maven output.
EOF
}
case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
esac

ROOT="$(duiding_repo_root)"
duiding_find_jdk
info "using JDK $JAVA_HOME"

# Browser tests drive a real headless Chromium through ChromeDriver, both from Debian's packages; matching corrects
# typos only in words the Dutch word list (wdutch) does not know, and its tests expect that.
ensure_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  [[ -r "$DUIDING_WORD_LIST" ]] || missing+=(wdutch)
  ((${#missing[@]} == 0)) && return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    die "the tests need Debian's ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'"
  fi
  info "installing ${missing[*]} from Debian's packages (apt-get)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    die "could not install ${missing[*]} with apt-get"
}
ensure_packages

STARTED_ES=0
stop_es() {
  if ((STARTED_ES)); then
    "$SCRIPT_DIR/elasticsearch.sh" stop --name "$ES_NAME" || true
  fi
}
trap stop_es EXIT

if ! "$SCRIPT_DIR/elasticsearch.sh" status --name "$ES_NAME" --port "$ES_PORT" >/dev/null 2>&1; then
  STARTED_ES=1
fi
ES_URL="$("$SCRIPT_DIR/elasticsearch.sh" ensure --name "$ES_NAME" --port "$ES_PORT" |
  sed -n 's/^ELASTICSEARCH_URL=//p' | tail -n 1)"
[[ -n "$ES_URL" ]] || die "the test Elasticsearch did not start"
info "integration tests run against Elasticsearch at $ES_URL"

STAMP="$(mktemp)"
status=0
duiding_mvn verify -Dduiding.elasticsearch.url="$ES_URL" "$@" || status=$?

# A short account of what ran, from the surefire/failsafe reports.
summary() {
  local kind="$1" files
  files=$(find "$ROOT" -path "*/target/$kind-reports/TEST-*.xml" -newer "$STAMP" 2>/dev/null || true)
  [[ -n "$files" ]] || return 0
  # shellcheck disable=SC2086
  awk -v kind="$kind" '
    /<testsuite / {
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^tests=/) { gsub(/[^0-9]/, "", $i); t += $i }
        if ($i ~ /^failures=/) { gsub(/[^0-9]/, "", $i); f += $i }
        if ($i ~ /^errors=/) { gsub(/[^0-9]/, "", $i); e += $i }
        if ($i ~ /^skipped=/) { gsub(/[^0-9]/, "", $i); s += $i }
      }
    }
    END { printf "%s: %d tests, %d failures, %d errors, %d skipped\n", kind, t, f, e, s }
  ' $files >&2
}
summary surefire
summary failsafe
rm -f "$STAMP"

if ((status != 0)); then
  die "tests failed (exit $status); reports in */target/surefire-reports and */target/failsafe-reports"
fi
info "all tests passed"

# shellcheck shell=bash
# Runs kb-service once in a command-line mode (duiding.tool=...) against the local development Elasticsearch,
# with the repository's content imported under its own index prefix, so tools never touch the data of a running
# Duiding. Sourced by eval-match.sh, calibrate-match.sh and bench-match.sh after lib/common.sh.

# kb_tool_prepare [--no-build]: JDK, jar and Elasticsearch; sets KB_JAR, KB_TOOL_ES_URL, KB_TOOL_STARTED_ES.
kb_tool_prepare() {
  local build=1
  [[ "${1:-}" == "--no-build" ]] && build=0
  duiding_find_jdk
  local root
  root="$(duiding_repo_root)"
  if ((build)); then
    info "building kb-service (tests skipped)"
    duiding_mvn -pl kb-service -am -DskipTests package
  fi
  KB_JAR="$(find "$root/kb-service/target" -maxdepth 1 -name 'kb-service-*.jar' ! -name '*-sources.jar' | head -n 1)"
  [[ -n "$KB_JAR" ]] || die "no kb-service jar in kb-service/target; run without --no-build"
  KB_TOOL_STARTED_ES=0
  if [[ -n "${DUIDING_TOOL_ES_URL:-}" ]]; then
    # An Elasticsearch the caller runs (e.g. scripts/elasticsearch.sh start --name NAME --port PORT).
    KB_TOOL_ES_URL="$DUIDING_TOOL_ES_URL"
    return 0
  fi
  if ! "$root/scripts/elasticsearch.sh" status >/dev/null 2>&1; then
    KB_TOOL_STARTED_ES=1
  fi
  KB_TOOL_ES_URL="$("$root/scripts/elasticsearch.sh" ensure | sed -n 's/^ELASTICSEARCH_URL=//p' | tail -n 1)"
  [[ -n "$KB_TOOL_ES_URL" ]] || die "Elasticsearch did not start"
}

# kb_tool_finish: stops Elasticsearch when kb_tool_prepare started it.
kb_tool_finish() {
  if ((${KB_TOOL_STARTED_ES:-0})); then
    "$(duiding_repo_root)/scripts/elasticsearch.sh" stop || true
  fi
}

# kb_tool_run TOOL [--spring-args...]: runs kb-service with duiding.tool=TOOL until it exits.
kb_tool_run() {
  local tool="$1"
  shift
  local root
  root="$(duiding_repo_root)"
  (cd "$root" && "$JAVA_HOME/bin/java" -Xmx1g -jar "$KB_JAR" \
    --server.address=127.0.0.1 --server.port=0 \
    --spring.elasticsearch.uris="$KB_TOOL_ES_URL" \
    --duiding.index.prefix="${DUIDING_TOOL_INDEX_PREFIX:-duiding-tool}" \
    --duiding.content.dir="$root/content" \
    --logging.level.root=WARN --spring.main.banner-mode=off \
    --duiding.tool="$tool" "$@")
}

# kb_tool_delete_indices PREFIX: removes the indices and templates a tool run made under PREFIX (the cluster
# refuses wildcard deletes, so each is named).
kb_tool_delete_indices() {
  local prefix="$1" name
  for name in $(curl -fsS "$KB_TOOL_ES_URL/_cat/indices/$prefix-*?h=index" 2>/dev/null); do
    curl -fsS -X DELETE "$KB_TOOL_ES_URL/$name" >/dev/null || warn "could not delete index $name"
  done
  for name in $(curl -fsS "$KB_TOOL_ES_URL/_index_template/$prefix-*" 2>/dev/null | grep -o '"name":"[^"]*"' | cut -d'"' -f4); do
    curl -fsS -X DELETE "$KB_TOOL_ES_URL/_index_template/$name" >/dev/null || warn "could not delete template $name"
  done
}

#!/usr/bin/env bash
# Local Elasticsearch for Duiding development and tests, without Docker.
#
# Runs Elastic's integ-test distribution (from Maven Central, fetched through
# Maven only) on 127.0.0.1 with our Dutch analysis plugin (es-analysis-nl)
# installed. See `scripts/elasticsearch.sh --help`.
set -euo pipefail
# Let failures inside $(...) stop the script too.
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

readonly ES_VERSION=9.5.3
readonly ES_GROUP=org.elasticsearch.distribution.integ-test-zip
readonly ES_ARTIFACT="$ES_GROUP:elasticsearch:$ES_VERSION:zip"
readonly PLUGIN_NAME=duiding-analysis-nl
readonly PLUGIN_MODULE=es-analysis-nl
# Elasticsearch refuses to run as root; root callers run it as this user.
readonly ES_SYSTEM_USER=duiding-es
readonly DEFAULT_NAME=dev
readonly DEFAULT_PORT=9200
readonly DEFAULT_HEAP=1g
readonly MIN_HEAP_MB=512
# Transport ports sit this far above the HTTP ports (9200 -> 9300).
readonly TRANSPORT_OFFSET=100
readonly MAX_NODES=9

usage() {
  cat <<EOF
Usage: scripts/elasticsearch.sh COMMAND [OPTIONS]

Runs a local Elasticsearch $ES_VERSION (no Docker) on 127.0.0.1 with the
$PLUGIN_NAME plugin installed, for development and tests.

Commands:
  start    start the node(s); says so and exits 0 when they already run
  ensure   start only what is not running; a no-op when the cluster is up
  stop     stop the node(s) this script started (SIGTERM, SIGKILL on timeout)
  status   per node running/stopped with URL, plus cluster health;
           exit 0 only when all nodes are up (3 otherwise)

Options:
  --name NAME   instance name (default: $DEFAULT_NAME); cluster "duiding-NAME".
                Different names are independent and can run at the same time.
  --port PORT   HTTP port of the first node (default: $DEFAULT_PORT). Node i gets
                PORT+i, transport PORT+$TRANSPORT_OFFSET+i.
  --nodes N     number of nodes, 1..$MAX_NODES (default: 1; 1 = single-node discovery)
  --heap SIZE   maximum heap per node, e.g. 768m or 2g (default: $DEFAULT_HEAP);
                the initial heap is ${MIN_HEAP_MB}m (or SIZE when smaller)
  -h, --help    show this help

Port and node count are remembered per name, so "status --name test" or a
later "start --name test" reuse what the last start used.

On a successful start/ensure the last line on stdout is
  ELASTICSEARCH_URL=http://127.0.0.1:PORT

Environment:
  DUIDING_RUNTIME_DIR      runtime root; Elasticsearch lives in
                           \$DUIDING_RUNTIME_DIR/elasticsearch/NAME
                           (default <repo>/.runtime/elasticsearch/NAME; as root
                           /var/tmp/duiding-<hash of repo path>/elasticsearch/NAME,
                           because the unprivileged user must reach it)
  DUIDING_ES_SKIP_PLUGIN=1 do not build/install $PLUGIN_NAME
  DUIDING_ES_TIMEOUT       seconds to wait for cluster health (default 120)
  DUIDING_ES_STOP_TIMEOUT  seconds between SIGTERM and SIGKILL (default 30)
  JAVA_HOME                JDK 21+ to use (default: newest under /usr/lib/jvm)
  DUIDING_MVN_VERBOSE=1    show full Maven output

Examples:
  scripts/elasticsearch.sh ensure
  scripts/elasticsearch.sh start --name test --port 9250
  scripts/elasticsearch.sh start --nodes 3
  scripts/elasticsearch.sh stop --name test
EOF
}

# --- arguments and per-name state ----------------------------------------------

COMMAND=""
NAME="$DEFAULT_NAME"
OPT_PORT=""
OPT_NODES=""
OPT_HEAP=""

parse_args() {
  if [[ $# -eq 0 ]]; then
    usage >&2
    exit 2
  fi
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h | --help)
        usage
        exit 0
        ;;
      start | stop | status | ensure)
        [[ -z "$COMMAND" ]] || die "only one command at a time (got '$COMMAND' and '$1')"
        COMMAND="$1"
        ;;
      --name | --port | --nodes | --heap)
        [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value (see --help)"
        case "$1" in
          --name) NAME="$2" ;;
          --port) OPT_PORT="$2" ;;
          --nodes) OPT_NODES="$2" ;;
          --heap) OPT_HEAP="$2" ;;
        esac
        shift
        ;;
      --name=* | --port=* | --nodes=* | --heap=*)
        local key="${1%%=*}" value="${1#*=}"
        set -- "$key" "$value" "${@:2}"
        continue
        ;;
      *) die "unknown argument '$1' (see --help)" ;;
    esac
    shift
  done
  [[ -n "$COMMAND" ]] || die "no command given; use start, stop, status or ensure (see --help)"

  # The name ends up in paths, the cluster name and node names.
  [[ "$NAME" =~ ^[a-z0-9][a-z0-9_-]{0,30}$ ]] ||
    die "--name must be lowercase letters, digits, '-' or '_' (got '$NAME')"
  if [[ -n "$OPT_PORT" ]]; then
    [[ "$OPT_PORT" =~ ^[0-9]+$ && "$OPT_PORT" -ge 1024 && "$OPT_PORT" -le 65000 ]] ||
      die "--port must be a number between 1024 and 65000 (got '$OPT_PORT')"
  fi
  if [[ -n "$OPT_NODES" ]]; then
    [[ "$OPT_NODES" =~ ^[0-9]+$ && "$OPT_NODES" -ge 1 && "$OPT_NODES" -le $MAX_NODES ]] ||
      die "--nodes must be between 1 and $MAX_NODES (got '$OPT_NODES')"
  fi
  if [[ -n "$OPT_HEAP" ]]; then
    local mb
    mb="$(heap_mb "$OPT_HEAP")" || die "--heap must look like 768m or 2g (got '$OPT_HEAP')"
    # Below this Elasticsearch runs out of memory while starting.
    ((mb >= 256)) || die "--heap must be at least 256m (got '$OPT_HEAP')"
  fi
}

# heap_mb SIZE: SIZE (e.g. 768m, 2g) in MiB; fails on anything else.
heap_mb() {
  [[ "$1" =~ ^([1-9][0-9]*)([mMgG])$ ]] || return 1
  case "${BASH_REMATCH[2]}" in
    m | M) echo "${BASH_REMATCH[1]}" ;;
    g | G) echo $((BASH_REMATCH[1] * 1024)) ;;
  esac
}

REPO_ROOT="$(duiding_repo_root)"
RUN_AS="" # set to $ES_SYSTEM_USER when the caller is root
AS_ES_PREFIX=() # "runuser -u duiding-es --" when the caller is root
ES_BASE="" # <runtime>/elasticsearch: shared download cache + one folder per name
NAME_DIR="" # <runtime>/elasticsearch/<name>
ES_HOME_DIR="" # unpacked distribution of this name (plugins get installed here)
NODES=1
PORT="$DEFAULT_PORT"
HEAP="$DEFAULT_HEAP"
STATE_NODES="" # node count recorded by the last start, if any
STATE_PORT="" # port recorded by the last start, if any

# Where Elasticsearch keeps its files. As root the default is under /var/tmp,
# because the repository may live under /root (mode 700), which the
# unprivileged Elasticsearch user cannot traverse.
resolve_dirs() {
  if [[ -n "${DUIDING_RUNTIME_DIR:-}" ]]; then
    ES_BASE="$(duiding_runtime_dir)/elasticsearch"
  elif [[ $EUID -eq 0 ]]; then
    local hash
    hash="$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)"
    ES_BASE="/var/tmp/duiding-$hash/elasticsearch"
  else
    ES_BASE="$(duiding_runtime_dir)/elasticsearch"
  fi
  NAME_DIR="$ES_BASE/$NAME"
  ES_HOME_DIR="$NAME_DIR/elasticsearch-$ES_VERSION"
  if [[ $EUID -eq 0 ]]; then
    RUN_AS="$ES_SYSTEM_USER"
    AS_ES_PREFIX=(runuser -u "$RUN_AS" --)
  fi
  return 0
}

# state.env remembers port and node count of the last start, so that
# status/stop/ensure without options address the same cluster. It is parsed,
# never sourced. The heap is not remembered: a one-off --heap should not stick.
load_state() {
  local file="$NAME_DIR/state.env" key value
  local s_port="" s_nodes=""
  if [[ -f "$file" ]]; then
    while IFS='=' read -r key value; do
      case "$key" in
        PORT) [[ "$value" =~ ^[0-9]+$ ]] && s_port="$value" ;;
        NODES) [[ "$value" =~ ^[0-9]+$ ]] && s_nodes="$value" ;;
      esac
    done <"$file"
  fi
  STATE_NODES="$s_nodes"
  STATE_PORT="$s_port"
  PORT="${OPT_PORT:-${s_port:-$DEFAULT_PORT}}"
  NODES="${OPT_NODES:-${s_nodes:-1}}"
  HEAP="${OPT_HEAP:-$DEFAULT_HEAP}"
}

save_state() {
  printf 'PORT=%s\nNODES=%s\n' "$PORT" "$NODES" >"$NAME_DIR/state.env"
}

node_name() { echo "$NAME-$1"; }
node_dir() { echo "$NAME_DIR/node-$1"; }
node_conf() { echo "$NAME_DIR/node-$1/config"; }
node_pidfile() { echo "$NAME_DIR/node-$1/elasticsearch.pid"; }
http_port() { echo $((PORT + $1)); }
transport_port() { echo $((PORT + TRANSPORT_OFFSET + $1)); }
base_url() { echo "http://127.0.0.1:$PORT"; }

# Indexes of the nodes to look at: the configured ones plus any node folder
# left from an earlier, larger start (so stop never forgets a running node).
node_indexes() {
  local i max=$((NODES - 1)) d
  for d in "$NAME_DIR"/node-*; do
    [[ -d "$d" ]] || continue
    i="${d##*/node-}"
    [[ "$i" =~ ^[0-9]+$ && "$i" -gt "$max" ]] && max="$i"
  done
  seq 0 "$max"
}

# --- processes -----------------------------------------------------------------

# node_marker INDEX: a JVM option only this node's server carries (written to
# its jvm.options.d). The server's command line does not show its config path
# (the launcher hands that over on stdin), so this is how we recognise it.
node_marker() { echo "-Dduiding.es.node=$(node_dir "$1")"; }

# is_our_node PID INDEX: true when PID is the Elasticsearch server of this node,
# recognised by its main class and this node's marker option.
is_our_node() {
  local pid="$1" cmdline
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  grep -qxF -- "$(node_marker "$2")" <<<"$cmdline" &&
    grep -qxF -- "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch" <<<"$cmdline"
}

# node_pid INDEX: print the pid of the running server of this node and succeed;
# fail when it does not run. A stale pid file (process gone, or the pid reused
# by something else) is reported and removed. A server running without a pid
# file (e.g. still starting up) is found through its marker option.
node_pid() {
  local i="$1" pidfile pid cmd
  pidfile="$(node_pidfile "$i")"
  if [[ -f "$pidfile" ]]; then
    pid="$(tr -dc '0-9' <"$pidfile")"
    if [[ -n "$pid" ]] && is_our_node "$pid" "$i"; then
      echo "$pid"
      return 0
    fi
    if [[ -n "$pid" && -e "/proc/$pid" ]]; then
      cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120)"
      warn "stale pid file $pidfile: pid $pid now belongs to something else (${cmd:-unknown}); removing it"
    else
      warn "stale pid file $pidfile: process ${pid:-?} no longer exists; removing it"
    fi
    rm -f "$pidfile" 2>/dev/null || warn "could not remove $pidfile"
  fi
  local match
  while IFS= read -r match; do
    pid="${match#/proc/}"
    pid="${pid%/cmdline}"
    if is_our_node "$pid" "$i"; then
      echo "$pid"
      return 0
    fi
  done < <(grep -lxzF -- "$(node_marker "$i")" /proc/[0-9]*/cmdline 2>/dev/null || true)
  return 1
}

# is_alive PID: exists and is not a zombie (our own exited children stay zombies
# until reaped, and `kill -0` would still succeed on them).
is_alive() {
  local stat
  stat="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$stat" && "${stat:0:1}" != Z ]]
}

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Who listens on a port, for error messages (needs ss; process details are
# only visible for our own processes, or to root). Our other instances are
# named, with how to stop them.
port_holder() {
  local out="" pid marker node
  if command -v ss >/dev/null 2>&1; then
    out="$(ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(\(.*\))$/\1/p' | head -1)"
  fi
  pid="$(sed -n 's/.*pid=\([0-9]*\).*/\1/p' <<<"$out")"
  if [[ -n "$pid" ]]; then
    marker="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^-Dduiding\.es\.node=//p')"
    if [[ -n "$marker" ]]; then
      node="$(basename "$(dirname "$marker")")"
      echo "another Elasticsearch of this script, '$node' (stop it with: scripts/elasticsearch.sh stop --name $node)"
      return 0
    fi
  fi
  echo "${out:-an unknown process} (not an Elasticsearch '$NAME' of this script)"
}

# --- root: unprivileged user -------------------------------------------------------

ensure_system_user() {
  [[ -n "$RUN_AS" ]] || return 0
  if ! getent passwd "$ES_SYSTEM_USER" >/dev/null; then
    need_cmd useradd passwd
    info "running as root; creating system user '$ES_SYSTEM_USER' to run Elasticsearch (it refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin --comment "Duiding local Elasticsearch" "$ES_SYSTEM_USER" ||
      die "could not create system user '$ES_SYSTEM_USER' with useradd"
  fi
  need_cmd runuser util-linux
}

# Before any work: can the Elasticsearch user reach the runtime folder and the
# JDK? An explicit DUIDING_RUNTIME_DIR under e.g. /root (mode 700) would
# otherwise fail later with an obscure Java exception.
check_user_can_reach() {
  [[ -n "$RUN_AS" ]] || return 0
  if ! runuser -u "$RUN_AS" -- test -x "$NAME_DIR"; then
    local p="$NAME_DIR" blocker="$NAME_DIR"
    while [[ "$p" != / ]]; do
      p="$(dirname "$p")"
      runuser -u "$RUN_AS" -- test -x "$p" || blocker="$p"
    done
    die "user '$ES_SYSTEM_USER' cannot reach $NAME_DIR: $blocker ($(stat -c '%A %U' "$blocker")) is not traversable for it." \
      "Unset DUIDING_RUNTIME_DIR (root then uses /var/tmp/duiding-<hash>) or point it at a folder outside such a path."
  fi
  runuser -u "$RUN_AS" -- test -x "$JAVA_HOME/bin/java" ||
    die "user '$ES_SYSTEM_USER' cannot run $JAVA_HOME/bin/java; install the JDK somewhere readable for all users, e.g. under /usr/lib/jvm"
}

# Hand the runtime folder (distribution, config, data, logs) to the
# Elasticsearch user: it writes data, logs and its keystore there.
grant_runtime_to_user() {
  [[ -n "$RUN_AS" ]] || return 0
  chown -R "$ES_SYSTEM_USER:$ES_SYSTEM_USER" "$NAME_DIR"
  runuser -u "$RUN_AS" -- test -w "$NAME_DIR" ||
    die "user '$ES_SYSTEM_USER' cannot write $NAME_DIR even after chown (read-only file system?)"
}

# --- distribution ----------------------------------------------------------------

# Print the path of the distribution zip, fetching it through Maven when it is
# not in the local Maven repository yet. Maven is the only way we download it.
distribution_zip() {
  local m2="$HOME/.m2/repository/${ES_GROUP//.//}/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  local cached="$ES_BASE/downloads/elasticsearch-$ES_VERSION.zip"
  if [[ -s "$m2" ]]; then
    echo "$m2"
    return 0
  fi
  if [[ ! -s "$cached" ]]; then
    info "fetching $ES_ARTIFACT through Maven (about 130 MB, once)"
    mkdir -p "$ES_BASE/downloads"
    # -N: only the root project; copy works with a custom local repository too.
    duiding_mvn -N dependency:copy -Dartifact="$ES_ARTIFACT" \
      -DoutputDirectory="$ES_BASE/downloads" -Dmdep.overWriteReleases=false >&2 ||
      die "Maven could not get $ES_ARTIFACT (no network or no access to Maven Central?" \
        "Check ~/.m2/settings.xml for a mirror or proxy)"
    [[ -s "$cached" ]] || die "Maven finished but $cached is missing"
  fi
  echo "$cached"
}

# Unpack the distribution once per name; an existing unpack is reused. The
# marker file is written last, so a half-finished unpack is redone.
unpack_distribution() {
  local marker="$ES_HOME_DIR/.duiding-unpacked" zip tmp
  [[ -f "$marker" && -x "$ES_HOME_DIR/bin/elasticsearch" ]] && return 0
  need_cmd unzip unzip
  zip="$(distribution_zip)"
  info "unpacking Elasticsearch $ES_VERSION into $ES_HOME_DIR"
  tmp="$(mktemp -d "$NAME_DIR/.unpack.XXXXXX")"
  unzip -q "$zip" -d "$tmp" || die "could not unpack $zip"
  rm -rf "$ES_HOME_DIR"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME_DIR"
  rmdir "$tmp"
  echo "$zip" >"$marker"
}

# --- plugin ----------------------------------------------------------------------

# Newest es-analysis-nl/target/es-analysis-nl-*.zip, if any.
newest_plugin_zip() {
  local z best=""
  for z in "$REPO_ROOT/$PLUGIN_MODULE/target/$PLUGIN_MODULE"-*.zip; do
    [[ -f "$z" ]] || continue
    [[ -z "$best" || "$z" -nt "$best" ]] && best="$z"
  done
  echo "$best"
}

# Print the plugin zip, building the module first when the zip is missing or
# older than anything it is built from (tests excluded: they are not in the zip).
# Reproducible builds may leave an unchanged zip with its old time stamp, so a
# stamp taken when our last successful build began counts as well.
plugin_zip() {
  local zip stale="" ref stamp="$ES_BASE/.plugin-build-stamp"
  zip="$(newest_plugin_zip)"
  if [[ -z "$zip" ]]; then
    stale="no $PLUGIN_MODULE/target/$PLUGIN_MODULE-*.zip yet"
  else
    ref="$zip"
    [[ -f "$stamp" && "$stamp" -nt "$zip" ]] && ref="$stamp"
    if [[ -n "$(find "$REPO_ROOT/$PLUGIN_MODULE/src" -path "$REPO_ROOT/$PLUGIN_MODULE/src/test" -prune \
      -o -newer "$ref" -print -quit 2>/dev/null)" ||
      "$REPO_ROOT/$PLUGIN_MODULE/pom.xml" -nt "$ref" || "$REPO_ROOT/pom.xml" -nt "$ref" ]]; then
      stale="sources changed since $(basename "$zip") was built"
    fi
  fi
  if [[ -n "$stale" ]]; then
    info "building $PLUGIN_MODULE ($stale)"
    mkdir -p "$ES_BASE"
    touch "$stamp.new"
    duiding_mvn -pl "$PLUGIN_MODULE" package -DskipTests >&2 ||
      die "building $PLUGIN_MODULE failed (Maven output above), so the $PLUGIN_NAME plugin cannot be installed." \
        "Fix the build, or set DUIDING_ES_SKIP_PLUGIN=1 to run Elasticsearch without it."
    mv -f "$stamp.new" "$stamp"
    zip="$(newest_plugin_zip)"
    [[ -n "$zip" ]] || die "$PLUGIN_MODULE built, but no $PLUGIN_MODULE/target/$PLUGIN_MODULE-*.zip appeared"
  fi
  echo "$zip"
}

# Install the plugin into this name's distribution; reinstall (remove + install)
# when the zip's checksum differs from the one recorded at the last install.
# Only called while none of this name's nodes runs.
install_plugin() {
  if [[ "${DUIDING_ES_SKIP_PLUGIN:-0}" == 1 ]]; then
    warn "DUIDING_ES_SKIP_PLUGIN=1: not building or installing $PLUGIN_NAME"
    return 0
  fi
  local zip sum marker="$ES_HOME_DIR/.duiding-plugin.sha256"
  zip="$(plugin_zip)"
  sum="$(sha256sum "$zip" | cut -d' ' -f1)"
  if [[ -d "$ES_HOME_DIR/plugins/$PLUGIN_NAME" && -f "$marker" && "$(cat "$marker")" == "$sum" ]]; then
    return 0
  fi
  # The plugin tool runs as the caller: the zip may sit where the
  # Elasticsearch user cannot read it; ownership is handed over afterwards.
  local -a plugin_cmd=(env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME_DIR/bin/elasticsearch-plugin")
  if [[ -d "$ES_HOME_DIR/plugins/$PLUGIN_NAME" ]]; then
    info "plugin zip changed; removing the installed $PLUGIN_NAME"
    "${plugin_cmd[@]}" remove --purge "$PLUGIN_NAME" >&2 || die "could not remove the old $PLUGIN_NAME plugin"
  fi
  info "installing $PLUGIN_NAME from $zip"
  rm -f "$marker"
  "${plugin_cmd[@]}" install --batch "file://$zip" >&2 ||
    die "installing $zip with elasticsearch-plugin failed (output above)"
  echo "$sum" >"$marker"
}

# Warn (without touching anything) when the running cluster has an older
# plugin than the current zip; reinstalling needs the nodes to be stopped.
check_plugin_current() {
  [[ "${DUIDING_ES_SKIP_PLUGIN:-0}" == 1 ]] && return 0
  local zip marker="$ES_HOME_DIR/.duiding-plugin.sha256"
  zip="$(newest_plugin_zip)"
  [[ -n "$zip" && -f "$marker" ]] || return 0
  if [[ "$(sha256sum "$zip" | cut -d' ' -f1)" != "$(cat "$marker")" ]]; then
    warn "$(basename "$zip") differs from the installed $PLUGIN_NAME; run stop and start to install it"
  fi
}

# --- node configuration ------------------------------------------------------------

write_node_config() {
  local i="$1" dir conf xms_mb xmx_mb
  dir="$(node_dir "$i")"
  conf="$(node_conf "$i")"
  mkdir -p "$dir/data" "$dir/logs" "$dir/tmp"
  # Each node has its own config folder (ES_PATH_CONF), starting from the
  # distribution's defaults (jvm.options, log4j2.properties, ...).
  if [[ ! -f "$conf/jvm.options" ]]; then
    mkdir -p "$conf"
    cp -R "$ES_HOME_DIR/config/." "$conf/"
  fi

  local discovery seeds="" masters="" j
  if [[ "$NODES" -eq 1 ]]; then
    discovery="discovery.type: single-node"
  else
    for ((j = 0; j < NODES; j++)); do
      seeds+="${seeds:+, }\"127.0.0.1:$(transport_port "$j")\""
      masters+="${masters:+, }\"$(node_name "$j")\""
    done
    discovery="discovery.seed_hosts: [$seeds]
cluster.initial_master_nodes: [$masters]"
  fi

  cat >"$conf/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh on every start; edits are overwritten.
cluster.name: duiding-$NAME
node.name: $(node_name "$i")
path.data: $dir/data
path.logs: $dir/logs

# Loopback only: this node is for local development and tests.
network.host: 127.0.0.1
http.port: $(http_port "$i")
transport.port: $(transport_port "$i")
$discovery

# Security is off because the node only listens on 127.0.0.1 and holds test
# data. Production runs a secured cluster (TLS, authentication); never copy
# this setting there.
xpack.security.enabled: false
# Shared machines sometimes have little free disk; do not let the disk
# watermarks block shard allocation or make indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
# Deleting indices needs their exact names, not wildcards or _all.
action.destructive_requires_name: true
# This distribution has no machine learning module, but x-pack-core registers
# the setting (checked: 9.5.3 starts with it). Off, so that this file also
# works unchanged on the full distribution without its ML native processes.
xpack.ml.enabled: false
EOF

  # Bounded heap: without it Elasticsearch takes half of the machine's memory.
  # The marker lets stop/status recognise this node's process for sure.
  xmx_mb="$(heap_mb "$HEAP")"
  xms_mb=$((xmx_mb < MIN_HEAP_MB ? xmx_mb : MIN_HEAP_MB))
  mkdir -p "$conf/jvm.options.d"
  cat >"$conf/jvm.options.d/duiding.options" <<EOF
# Written by scripts/elasticsearch.sh on every start.
# Heap (--heap):
-Xms${xms_mb}m
-Xmx${xmx_mb}m
# Identifies this node's process for stop/status:
$(node_marker "$i")
EOF
}

# --- start / wait / stop -------------------------------------------------------------

LAUNCHED_PIDS=() # pids of the launchers this run started (for liveness checks)
LAUNCHED_NODES=() # node indexes this run started

# Start one node in the background, in its own session (so Ctrl-C in the
# caller's terminal does not reach it) and detached from our stdin/stdout. The
# server writes its pid file itself once it is up far enough.
launch_node() {
  local i="$1" dir
  dir="$(node_dir "$i")"
  rm -f "$(node_pidfile "$i")"
  # 9>&-: do not hand our lock file descriptor to the long-running node.
  setsid nohup "${AS_ES_PREFIX[@]}" env -u JAVA_HOME \
    ES_JAVA_HOME="$JAVA_HOME" ES_PATH_CONF="$(node_conf "$i")" ES_TMPDIR="$dir/tmp" \
    "$ES_HOME_DIR/bin/elasticsearch" -q -p "$(node_pidfile "$i")" \
    </dev/null >"$dir/logs/console.log" 2>&1 9>&- &
  LAUNCHED_PIDS+=("$!")
  LAUNCHED_NODES+=("$i")
}

# Used by wait_for_http: stop waiting as soon as a node we launched has died.
launched_nodes_alive() {
  local p
  for p in "${LAUNCHED_PIDS[@]}"; do
    is_alive "$p" || return 1
  done
}

# Print what a node said, for a failed start.
show_node_logs() {
  local i="$1" dir f
  dir="$(node_dir "$i")"
  for f in "$dir/logs/console.log" "$dir/logs/duiding-$NAME.log"; do
    [[ -s "$f" ]] || continue
    echo "----- last lines of $f -----" >&2
    tail -n 40 "$f" >&2
  done
}

# Stop the given nodes: SIGTERM, wait, SIGKILL after DUIDING_ES_STOP_TIMEOUT.
# Only pids verified by node_pid (our server class and this node's marker)
# are signalled.
stop_nodes() {
  local timeout="${DUIDING_ES_STOP_TIMEOUT:-30}" i pid
  local -a pids=() names=()
  for i in "$@"; do
    if pid="$(node_pid "$i")"; then
      info "stopping $(node_name "$i") (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$(node_name "$i")")
    fi
  done
  [[ ${#pids[@]} -gt 0 ]] || return 0

  local deadline=$((SECONDS + timeout)) started=$SECONDS k remaining
  while ((SECONDS < deadline)); do
    remaining=0
    for pid in "${pids[@]}"; do
      is_alive "$pid" && remaining=1
    done
    ((remaining)) || break
    sleep 0.5
  done
  for k in "${!pids[@]}"; do
    if is_alive "${pids[$k]}"; then
      warn "${names[$k]} (pid ${pids[$k]}) did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "${pids[$k]}" 2>/dev/null || true
    fi
  done
  for i in "$@"; do rm -f "$(node_pidfile "$i")" 2>/dev/null || true; done
  info "stopped ${names[*]} in $((SECONDS - started))s"
}

# Cluster health as "status nodes" (e.g. "green 3"), empty when unreachable.
cluster_health() {
  local body
  body="$(curl -fsS --max-time 5 "$(base_url)/_cluster/health" 2>/dev/null)" || return 0
  printf '%s %s\n' \
    "$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$body")" \
    "$(sed -n 's/.*"number_of_nodes":\([0-9]*\).*/\1/p' <<<"$body")"
}

# Refuse to start when a port we need is taken by something that is not ours.
check_ports_free() {
  local i p
  for i in "$@"; do
    for p in "$(http_port "$i")" "$(transport_port "$i")"; do
      if port_in_use "$p"; then
        die "port $p (needed by $(node_name "$i")) is already in use by $(port_holder "$p")." \
          "Stop that, or pick another --port."
      fi
    done
  done
}

# A data folder belongs to one cluster layout: a single-node cluster cannot
# become one node of three (or the other way round) without starting over.
check_topology() {
  [[ -n "$STATE_NODES" && "$STATE_NODES" != "$NODES" ]] || return 0
  [[ -d "$(node_dir 0)/data/_state" || -d "$(node_dir 0)/data/nodes" ]] || return 0
  die "'$NAME' holds data of a $STATE_NODES-node cluster; it cannot start as $NODES node(s)." \
    "Use --nodes $STATE_NODES, or stop it and delete $NAME_DIR/node-* to start over, or use another --name."
}

# start and ensure: start whatever node of this name is not running, then wait
# for the cluster to be healthy.
start_cluster() {
  local mode="$1" i started=$SECONDS
  local -a missing=() running=()

  for ((i = 0; i < NODES; i++)); do
    if node_pid "$i" >/dev/null; then running+=("$i"); else missing+=("$i"); fi
  done
  # A running cluster keeps its ports and size until it is stopped.
  if [[ ${#running[@]} -gt 0 ]]; then
    [[ -z "$STATE_PORT" || "$STATE_PORT" == "$PORT" ]] ||
      die "'$NAME' is running on port $STATE_PORT; stop it first to move it to port $PORT"
    [[ -z "$STATE_NODES" || "$STATE_NODES" == "$NODES" ]] ||
      die "'$NAME' is running as $STATE_NODES node(s); stop it first to run it as $NODES"
  fi

  if [[ ${#missing[@]} -eq 0 ]]; then
    # Nothing to start; still make sure the cluster answers (it may be
    # starting up, e.g. launched by a parallel caller a moment ago).
    wait_for_cluster "$started" quiet
    local health
    health="$(cluster_health)"
    if [[ "$mode" == start ]]; then
      info "Elasticsearch '$NAME' is already running (cluster duiding-$NAME ${health% *}," \
        "${health#* } node(s)); not starting a second copy"
    else
      info "Elasticsearch '$NAME' is already up (cluster duiding-$NAME ${health% *}, ${health#* } node(s)); nothing to do"
    fi
    check_plugin_current
    echo "ELASTICSEARCH_URL=$(base_url)"
    return 0
  fi

  check_topology
  check_ports_free "${missing[@]}"
  duiding_find_jdk "$DUIDING_MIN_JAVA"
  ensure_system_user
  check_user_can_reach
  unpack_distribution
  if [[ ${#running[@]} -eq 0 ]]; then
    install_plugin
  else
    check_plugin_current
  fi
  for i in "${missing[@]}"; do
    write_node_config "$i"
  done
  save_state
  grant_runtime_to_user

  local list=""
  for i in "${missing[@]}"; do list+="${list:+, }$(node_name "$i") (:$(http_port "$i"))"; done
  info "starting Elasticsearch '$NAME': $list, heap $HEAP per node${RUN_AS:+, as user $RUN_AS}"
  info "runtime folder: $NAME_DIR"
  for i in "${missing[@]}"; do
    launch_node "$i"
  done
  wait_for_cluster "$started"
  echo "ELASTICSEARCH_URL=$(base_url)"
}

# Wait until the cluster has all nodes and the wanted health: yellow is enough
# for one node (replicas cannot be assigned there), a multi-node cluster must
# be green. On timeout or a dead node: show logs, stop what this run started.
wait_for_cluster() {
  local started="$1" quiet="${2:-}" want=yellow timeout="${DUIDING_ES_TIMEOUT:-120}" health url
  [[ "$NODES" -gt 1 ]] && want=green
  url="$(base_url)/_cluster/health?wait_for_status=$want&wait_for_nodes=$NODES&timeout=1s"
  local alive_fn=""
  [[ ${#LAUNCHED_PIDS[@]} -gt 0 ]] && alive_fn=launched_nodes_alive
  if ! wait_for_http "$url" "$timeout" "$alive_fn"; then
    local why="did not reach $want health with $NODES node(s) within ${timeout}s"
    [[ -n "$alive_fn" ]] && ! launched_nodes_alive && why="exited during startup"
    local n
    if [[ ${#LAUNCHED_NODES[@]} -gt 0 ]]; then
      for n in "${LAUNCHED_NODES[@]}"; do show_node_logs "$n"; done
    else
      for ((n = 0; n < NODES; n++)); do show_node_logs "$n"; done
    fi
    if [[ ${#LAUNCHED_NODES[@]} -gt 0 ]]; then
      info "stopping the node(s) this run started"
      stop_nodes "${LAUNCHED_NODES[@]}"
      # A node may not have reached its server process yet; its launcher is
      # our own child, so end that too.
      local p
      for p in "${LAUNCHED_PIDS[@]}"; do
        is_alive "$p" && kill -TERM "$p" 2>/dev/null
      done
      wait 2>/dev/null || true
    fi
    die "Elasticsearch '$NAME' $why (logs above; files in $NAME_DIR)"
  fi
  [[ -n "$quiet" ]] && return 0
  health="$(cluster_health)"
  info "Elasticsearch '$NAME' is up: cluster duiding-$NAME ${health% *}, ${health#* } node(s), after $((SECONDS - started))s"
}

# --- commands ----------------------------------------------------------------------

cmd_start() { start_cluster start; }
cmd_ensure() { start_cluster ensure; }

cmd_stop() {
  if [[ ! -d "$NAME_DIR" ]]; then
    info "Elasticsearch '$NAME' was never started here ($NAME_DIR does not exist); nothing to stop"
    return 0
  fi
  local -a all=()
  mapfile -t all < <(node_indexes)
  local i any=0
  for i in "${all[@]}"; do
    node_pid "$i" >/dev/null && any=1
  done
  if ((any == 0)); then
    info "Elasticsearch '$NAME' is not running; nothing to stop"
    return 0
  fi
  stop_nodes "${all[@]}"
}

cmd_status() {
  if [[ ! -d "$NAME_DIR" ]]; then
    echo "elasticsearch '$NAME': not set up (no $NAME_DIR)"
    return 3
  fi
  local i pid state up=0 health
  local -a all=()
  mapfile -t all < <(node_indexes)
  for i in "${all[@]}"; do
    if pid="$(node_pid "$i")"; then
      state="running (pid $pid)"
      ((i < NODES)) && up=$((up + 1))
    else
      state="stopped"
    fi
    printf '%-10s %-22s http://127.0.0.1:%s\n' "$(node_name "$i")" "$state" "$(http_port "$i")"
  done
  health="$(cluster_health)"
  if [[ -n "$health" ]]; then
    echo "cluster duiding-$NAME: ${health% *}, ${health#* } node(s) at $(base_url)"
  else
    echo "cluster duiding-$NAME: not reachable at $(base_url)"
  fi
  echo "runtime: $NAME_DIR"
  [[ "$up" -eq "$NODES" && ( "$health" == green* || "$health" == yellow* ) ]] || return 3
}

main() {
  parse_args "$@"
  need_cmd curl curl
  resolve_dirs
  load_state

  case "$COMMAND" in
    start | ensure)
      if ! mkdir -p "$NAME_DIR" 2>/dev/null || [[ ! -w "$NAME_DIR" ]]; then
        die "cannot create or write $NAME_DIR; set DUIDING_RUNTIME_DIR to a folder you can write"
      fi
      # One start/stop at a time per name (e.g. test runs in parallel).
      exec 9>"$NAME_DIR/.lock"
      flock -w 300 9 || die "another scripts/elasticsearch.sh is busy with '$NAME' for 5 minutes; giving up"
      "cmd_$COMMAND"
      ;;
    stop)
      if [[ -d "$NAME_DIR" ]]; then
        exec 9>"$NAME_DIR/.lock"
        flock -w 300 9 || die "another scripts/elasticsearch.sh is busy with '$NAME' for 5 minutes; giving up"
      fi
      cmd_stop
      ;;
    status) cmd_status ;;
  esac
}

main "$@"

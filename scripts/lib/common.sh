# shellcheck shell=bash
# Shared helpers for the Duiding scripts (elasticsearch.sh, start.sh, test.sh, ...).
#
# Source it; do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# It only defines functions and never changes shell options, so the caller keeps
# its own `set -euo pipefail`. Messages go to stderr so that a script's stdout
# stays machine-readable (for example the `ELASTICSEARCH_URL=...` line).

if [[ -n "${_DUIDING_COMMON_LOADED:-}" ]]; then
  return 0
fi
_DUIDING_COMMON_LOADED=1

# The lowest Java feature release the project builds and runs with.
DUIDING_MIN_JAVA=21

# The Dutch word list matching corrects typos against (Debian's wdutch; kb-service's duiding.matching.word-list).
# shellcheck disable=SC2034 # used by the scripts that source this file
DUIDING_WORD_LIST=/usr/share/dict/dutch

# --- logging -----------------------------------------------------------------

# Name shown in front of every message; callers may override it before sourcing.
: "${DUIDING_LOG_PREFIX:=$(basename "${0:-duiding}")}"

info() { printf '%s: %s\n' "$DUIDING_LOG_PREFIX" "$*" >&2; }
warn() { printf '%s: WARNING: %s\n' "$DUIDING_LOG_PREFIX" "$*" >&2; }
die() {
  printf '%s: ERROR: %s\n' "$DUIDING_LOG_PREFIX" "$*" >&2
  exit 1
}

# need_cmd COMMAND DEBIAN_PACKAGE: fail plainly when a tool we rely on is missing.
need_cmd() {
  command -v "$1" >/dev/null 2>&1 ||
    die "'$1' is not installed; install it with: apt-get install -y $2"
}

# --- repository --------------------------------------------------------------

# Absolute path of the repository root (the folder holding mvnw), derived from
# this file's location so it works from any working directory.
duiding_repo_root() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
  (cd "$here/../.." && pwd -P)
}

# Folder for git-ignored runtime state (installs, data, pid files, logs).
# DUIDING_RUNTIME_DIR overrides the default <repo>/.runtime.
duiding_runtime_dir() {
  if [[ -n "${DUIDING_RUNTIME_DIR:-}" ]]; then
    printf '%s\n' "${DUIDING_RUNTIME_DIR%/}"
  else
    printf '%s/.runtime\n' "$(duiding_repo_root)"
  fi
}

# --- Java --------------------------------------------------------------------

# _duiding_java_feature JAVA_HOME: print the feature release (17, 21, 25, ...)
# of the JDK in that folder, or nothing when it is not a usable JDK. The
# `release` file is read first because starting a JVM only to ask is slow.
_duiding_java_feature() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = //p')"
  fi
  version="${version#1.}" # Java 8 and older said 1.8
  version="${version%%[.+-]*}"
  [[ "$version" =~ ^[0-9]+$ ]] && printf '%s\n' "$version"
  return 0
}

# duiding_find_jdk [MIN]: find a JDK of at least MIN (default 21) and export it
# as JAVA_HOME. JAVA_HOME wins when it is new enough; otherwise the newest JDK
# under /usr/lib/jvm (the machine's default `java` may be older, e.g. 17).
duiding_find_jdk() {
  local min="${1:-$DUIDING_MIN_JAVA}" feature candidate best="" best_feature=0 seen=""

  if [[ -n "${JAVA_HOME:-}" ]]; then
    feature="$(_duiding_java_feature "$JAVA_HOME")"
    if [[ -n "$feature" && "$feature" -ge "$min" ]]; then
      export JAVA_HOME
      return 0
    fi
    seen="JAVA_HOME=$JAVA_HOME is ${feature:+Java }${feature:-not a JDK}; "
  fi

  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [[ -d "$candidate" ]] || continue
    # Debian adds symlinked aliases (java-1.17.0-openjdk-amd64 -> ...); skip them.
    [[ -L "$candidate" ]] && continue
    feature="$(_duiding_java_feature "$candidate")"
    [[ -n "$feature" ]] || continue
    seen+="$(basename "$candidate") is Java $feature; "
    if [[ "$feature" -ge "$min" && "$feature" -gt "$best_feature" ]]; then
      best="$candidate"
      best_feature="$feature"
    fi
  done

  if [[ -z "$best" ]]; then
    die "no JDK $min or newer found (${seen:-nothing under /usr/lib/jvm; }the default 'java' does not count)." \
      "Install one under /usr/lib/jvm, e.g. Temurin from the Adoptium apt repository" \
      "(https://adoptium.net/installation/linux/, then 'apt-get install -y temurin-$min-jdk')," \
      "or on Debian 13 'apt-get install -y openjdk-$min-jdk-headless'; or point JAVA_HOME at one."
  fi
  export JAVA_HOME="$best"
}

# --- Maven -------------------------------------------------------------------

# duiding_mvn ARGS...: run the repository's Maven wrapper in batch mode with a
# JDK from duiding_find_jdk. Quiet (-q, errors still show) unless
# DUIDING_MVN_VERBOSE=1.
duiding_mvn() {
  local root feature
  root="$(duiding_repo_root)"
  duiding_find_jdk "$DUIDING_MIN_JAVA"
  local -a flags=(-B --no-transfer-progress)
  [[ "${DUIDING_MVN_VERBOSE:-0}" == 1 ]] || flags+=(-q)
  # Maven 3.9 uses sun.misc.Unsafe through Guice; JDK 24+ prints a warning
  # block about it on every run. Allow it explicitly to keep the output clean.
  feature="$(_duiding_java_feature "$JAVA_HOME")"
  local maven_opts="${MAVEN_OPTS:-}"
  if [[ "$feature" -ge 24 && "$maven_opts" != *sun-misc-unsafe-memory-access* ]]; then
    maven_opts="${maven_opts:+$maven_opts }--sun-misc-unsafe-memory-access=allow"
  fi
  (cd "$root" && MAVEN_OPTS="$maven_opts" ./mvnw "${flags[@]}" "$@")
}

# --- HTTP --------------------------------------------------------------------

# wait_for_http URL [TIMEOUT_SECONDS] [ALIVE_FN]
# Poll URL until it answers with a 2xx status; returns 1 after TIMEOUT seconds
# (default 60). When ALIVE_FN is given it is called before every attempt and a
# non-zero result stops waiting at once (e.g. the process being waited for died).
wait_for_http() {
  local url="$1" timeout="${2:-60}" alive_fn="${3:-}" deadline
  need_cmd curl curl
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if [[ -n "$alive_fn" ]] && ! "$alive_fn"; then
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  return 1
}

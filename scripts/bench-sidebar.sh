#!/usr/bin/env bash
# Measures the sidebar's first render from the server side: for each run it signs a fresh launch link (HS256, as a
# CRM does), loads the sidebar page, then its stylesheet and script, and records the time to the page's first byte
# and to the last byte of all three. Needs a running connector (scripts/start.sh) and its demo launch secret.
set -euo pipefail
shopt -s inherit_errexit

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"

URL="http://127.0.0.1:${DUIDING_CONNECTOR_PORT:-8081}"
SECRET_FILE="$(duiding_runtime_dir)/start/connector-secrets/launch-secret-gm0363"
COUNT=50
TENANT=GM0363

usage() {
  cat <<EOF
Usage: scripts/bench-sidebar.sh [--url URL] [--secret-file FILE] [--count N]

Loads the sidebar N times (default $COUNT, at most 500) through freshly signed launch links with notes, and prints
median, p95 and maximum of: time to first byte of the page, and page + sidebar.css + sidebar.js complete.
Only 127.0.0.1 / localhost URLs are accepted.

  --url URL           the connector (default $URL)
  --secret-file FILE  the launch secret of $TENANT (default: the one scripts/start.sh made)
  --count N           number of loads
EOF
}

while (($#)); do
  case "$1" in
    --url) URL="$2"; shift ;;
    --secret-file) SECRET_FILE="$2"; shift ;;
    --count) COUNT="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

need_cmd curl curl
need_cmd openssl openssl
[[ "$URL" =~ ^http://(127\.0\.0\.1|localhost)(:[0-9]+)?$ ]] || die "only a local connector is measured: $URL"
[[ "$COUNT" =~ ^[0-9]+$ ]] && ((COUNT >= 1 && COUNT <= 500)) || die "--count must be 1..500"
[[ -r "$SECRET_FILE" ]] || die "no launch secret at $SECRET_FILE; start Duiding with scripts/start.sh first"
SECRET="$(tr -d '\n' <"$SECRET_FILE")"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

launch_token() {
  local now header payload signature
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256"}' | b64url)"
  payload="$(printf '{"iss":"%s","aud":"duiding-sidebar","iat":%d,"exp":%d,"jti":"bench-%s-%d","channel":"telefoon","subject":"Benchmark","notes":"Inwoner belt: vliegtuigen sproeien gif, de witte strepen zijn chemtrails."}' \
    "$TENANT" "$now" "$((now + 120))" "$$" "$1" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

curl -fsS -o /dev/null --max-time 5 "$URL/actuator/health" || die "no connector answers at $URL"

first_byte=()
complete=()
for ((i = 1; i <= COUNT; i++)); do
  token="$(launch_token "$i")"
  read -r status ttfb total < <(curl -sS -o /dev/null -w '%{http_code} %{time_starttransfer} %{time_total}\n' \
    --max-time 10 "$URL/sidebar?launch=$token")
  [[ "$status" == 200 ]] || die "the sidebar answered $status to a fresh launch link (wrong secret?)"
  assets="$(curl -fsS -o /dev/null -o /dev/null -w '%{time_total}\n' --max-time 10 \
    "$URL/sidebar/sidebar.css" "$URL/sidebar/sidebar.js" | awk '{ s += $1 } END { print s }')"
  first_byte+=("$(awk -v t="$ttfb" 'BEGIN { printf "%.1f", t * 1000 }')")
  complete+=("$(awk -v t="$total" -v a="$assets" 'BEGIN { printf "%.1f", (t + a) * 1000 }')")
done

stats() { # label values...
  local label="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      p50 = v[int((NR + 1) / 2)]; i95 = int(NR * 0.95 + 0.999); if (i95 > NR) i95 = NR
      printf "%-34s median %6.1f ms   p95 %6.1f ms   max %6.1f ms   (n=%d)\n", label, p50, v[i95], v[NR], NR
    }'
}

printf 'Sidebar first render, %s, %s, %s cores, %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$URL" "$(nproc)" \
  "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
stats "page, first byte" "${first_byte[@]}"
stats "page + sidebar.css + sidebar.js" "${complete[@]}"

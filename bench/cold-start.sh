#!/usr/bin/env bash
# Cold start to health UP. For each of RUNS rounds, on a fresh data directory and free loopback
# ports, it times from exec to the first `GET /api/v1/health` answering "UP":
#   first    the very first start (database, certificate and admin password made)
#   restart  a later start on that data directory, JVM without a class-data-sharing archive
#   cds      the same with SWITCHBOARD_CDS_ARCHIVE (the archive is written by a warm-up start)
# Stops exactly the processes it started, by PID.
#
#   bench/cold-start.sh [RUNS]        (build first: mvn -q -DskipTests install)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
dist="$root/appliance-image/target/switchboard-$version"
[ -x "$dist/bin/switchboard" ] || { echo "no distribution at $dist; run mvn -DskipTests install" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# time_start DATA [ENV...]: prints milliseconds from exec to health UP, then stops that process.
time_start() {
  local data=$1; shift
  local https sip start pid
  https=$(free_port); sip=$(free_port)
  start=$(date +%s%N)
  env SWITCHBOARD_ADMIN_PASSWORD=bench-only "$@" "$dist/bin/switchboard" run --data "$data" \
      --bind 127.0.0.1 --https-port "$https" --sip-port "$sip" >"$work/stdout" 2>&1 &
  pid=$!
  until curl -skf "https://127.0.0.1:$https/api/v1/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/stdout" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill -TERM "$pid"; wait "$pid" || true
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'; }

archive="$work/jvm.jsa"
time_start "$work/warmup" SWITCHBOARD_CDS_ARCHIVE="$archive" >/dev/null   # writes the archive
first=(); restart=(); cds=()
for i in $(seq "$runs"); do
  data="$work/data-$i"
  first+=("$(time_start "$data")")
  restart+=("$(time_start "$data")")
  cds+=("$(time_start "$data" SWITCHBOARD_CDS_ARCHIVE="$archive")")
  echo "round $i: first ${first[-1]} ms, restart ${restart[-1]} ms, restart with CDS ${cds[-1]} ms"
done
echo "first start to health UP:          $(median "${first[@]}")"
echo "restart to health UP:              $(median "${restart[@]}")"
echo "restart with CDS archive to UP:    $(median "${cds[@]}")"

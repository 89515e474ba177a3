#!/usr/bin/env bash
# Cold start to health UP: starts the built distribution RUNS times, each on a fresh data
# directory and free loopback ports, and reports the time from exec to the first
# `GET /api/v1/health` answering "UP". Stops exactly the process it started, by PID.
#
#   bench/cold-start.sh [RUNS]        (build first: mvn -q -DskipTests install)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
dist="$root/appliance-image/target/switchboard-$version"
[ -x "$dist/bin/switchboard" ] || { echo "no distribution at $dist; run mvn -DskipTests install" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

results=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  https=$(free_port); sip=$(free_port)
  start=$(date +%s%N)
  SWITCHBOARD_ADMIN_PASSWORD=bench-only "$dist/bin/switchboard" run --data "$data" --bind 127.0.0.1 \
      --https-port "$https" --sip-port "$sip" >"$data/stdout" 2>&1 &
  pid=$!
  until curl -skf "https://127.0.0.1:$https/api/v1/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/stdout" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  results+=("$ms")
  echo "run $i: ${ms} ms to health UP"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
echo "median of $runs cold starts: ${sorted[$((runs / 2))]} ms (min ${sorted[0]}, max ${sorted[-1]})"

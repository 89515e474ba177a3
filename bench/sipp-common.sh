# Shared by the bench/sipp-*.sh scripts (sourced, not run). Every process they start is recorded
# and stopped by its PID on exit; nothing is signalled by name.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scenarios="$root/platform/itests/src/test/resources/sipp"
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester" >&2; exit 2; }
work=$(mktemp -d /tmp/sipp-bench.XXXXXX)
cp "$scenarios"/*.xml "$scenarios"/tone-pcmu.raw "$work"/
pids=()
appliance_pid=
cleanup() {
  # SIPp dumps its statistics and quits on USR1; the appliance drains and exits 0 on TERM.
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -USR1 "$pid" 2>/dev/null || true; fi
  done
  [ -n "$appliance_pid" ] && kill -TERM "$appliance_pid" 2>/dev/null || true
  for pid in "${pids[@]}" $appliance_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  done
  [ -n "${KEEP:-}" ] && echo "work dir kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); p=s.getsockname()[1]; t=socket.socket(); t.bind(("127.0.0.1",p)); print(p)'; }
# free_udp_run: an even UDP port whose next 3 are free too (SIPp -mp uses port and port+2)
free_udp_run() { python3 -c '
import socket
while True:
    s=[socket.socket(socket.AF_INET, socket.SOCK_DGRAM)]; s[0].bind(("127.0.0.1",0)); p=s[0].getsockname()[1]
    try:
        if p%2 or p>65530: continue
        for i in range(1,4):
            x=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); x.bind(("127.0.0.1",p+i)); s.append(x)
        print(p); break
    except OSError: pass
    finally:
        [x.close() for x in s]'; }

# start_appliance: unless HOST/PORT are given, start the built distribution with its own data dir
# and free ports; sets HOST and PORT.
start_appliance() { start_appliance_with; }

# start_appliance_with [launcher run options...]: start_appliance, passing more options to
# `switchboard run` (e.g. --rtp-ports LOW-HIGH).
start_appliance_with() {
  if [ -n "${PORT:-}" ]; then HOST=${HOST:-127.0.0.1}; echo "using the appliance at $HOST:$PORT"; return; fi
  local version dist https
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
  dist="$root/appliance-image/target/switchboard-$version"
  [ -x "$dist/bin/switchboard" ] || { echo "no distribution at $dist; run mvn -DskipTests install, or give HOST and PORT" >&2; exit 2; }
  HOST=127.0.0.1; PORT=$(free_port); https=$(free_port)
  # shellcheck disable=SC2086 # APPLIANCE_CPUS: a taskset CPU list, e.g. 0, to pin the appliance
  SWITCHBOARD_ADMIN_PASSWORD=bench-only ${APPLIANCE_CPUS:+taskset -c $APPLIANCE_CPUS} "$dist/bin/switchboard" run --data "$work/data" --bind 127.0.0.1 \
      --sip-port "$PORT" --https-port "$https" "$@" >"$work/appliance.out" 2>&1 &
  appliance_pid=$!
  local pid=$!
  until grep -q " started in " "$work/appliance.out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/appliance.out" >&2; exit 1; }
    sleep 0.1
  done
  echo "appliance $pid on $HOST:$PORT (data $work/data)"
}

# start_uas NAME [args...]: a SIPp bench-uas in the background; sets UAS_PORT.
start_uas() {
  local name=$1; shift
  UAS_PORT=$(free_port)
  (cd "$work" && exec sipp -sf bench-uas.xml -i 127.0.0.1 -mi 127.0.0.1 -p "$UAS_PORT" -mp "$(free_udp_run)" \
      -buff_size 4194304 -nostdin -trace_err -error_file "$name.errors.log" "$@" >"$work/$name.screen" 2>&1) &
  pids+=($!)
  sleep 0.3
}

# run_step NAME RATE CALLS [args...]: one SIPp UAC run to the end; prints "successful failed".
run_step() {
  local name=$1 rate=$2 calls=$3; shift 3
  (cd "$work" && sipp -sf bench-uac-echo.xml -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port)" -mp "$(free_udp_run)" \
      -s "${SERVICE:-300}" -r "$rate" -m "$calls" -l "${LIMIT:-$((rate * 3 + 100))}" -d "${HOLD_MS:-0}" \
      -buff_size 4194304 -nostdin -timeout "${STEP_TIMEOUT:-120}s" -timeout_error \
      -trace_stat -stf "$name.csv" -fd 1 -trace_err -error_file "$name.errors.log" "$@" \
      "$HOST:$PORT" >"$work/$name.screen" 2>&1) || true
  python3 - "$work/$name.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
last = dict(zip(rows[0], rows[-1]))
print(last['SuccessfulCall(C)'], last['FailedCall(C)'])
PY
}

# ramp LABEL: warm-up step, then increasing rates until one fails; prints the highest clean rate.
ramp() {
  local label=$1 best=0 rate ok failed
  read -r ok failed < <(run_step "$label-warmup" "${WARMUP_RATE:-200}" "${WARMUP_CALLS:-2000}")
  echo "$label warm-up at ${WARMUP_RATE:-200}/s: $ok ok, $failed failed"
  for rate in ${RATES:-500 1000 2000 3000 4000 6000 8000 10000 12000 16000}; do
    local calls=$((rate * ${STEP_SECONDS:-5}))
    read -r ok failed < <(run_step "$label-$rate" "$rate" "$calls")
    echo "$label $rate calls/s for ${STEP_SECONDS:-5} s: $ok ok, $failed failed"
    if [ "$failed" != 0 ] || [ "$ok" != "$calls" ]; then break; fi
    best=$rate
  done
  echo "RESULT $label: highest rate with 0 failed calls = $best calls/s"
}

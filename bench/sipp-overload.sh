#!/usr/bin/env bash
# Overload: RATE is a rate the appliance serves cleanly (see sipp-call-rate.sh). Drives 2 x RATE
# into the echo test for STEP_SECONDS and counts calls served, refused with 503 and failed
# (neither: timeouts, errors); then, at once, RATE again with one statistics row a second, and
# reports how long after the overload ended calls were clean again.
#   RATE=600 bench/sipp-overload.sh        (HOST/PORT to load a running appliance)
. "$(dirname "$0")/sipp-common.sh"
rate=${RATE:-600}
seconds=${STEP_SECONDS:-5}
start_appliance
read -r ok failed < <(run_step warmup "${WARMUP_RATE:-200}" "${WARMUP_CALLS:-2000}")
echo "warm-up at ${WARMUP_RATE:-200}/s: $ok ok, $failed failed"

over=$((rate * 2))
(cd "$work" && sipp -sf bench-uac-echo-or-503.xml -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port)" \
    -mp "$(free_udp_run)" -s "${SERVICE:-300}" -r "$over" -m "$((over * seconds))" -l "$((over * 3 + 100))" \
    -buff_size 4194304 -nostdin -timeout "${STEP_TIMEOUT:-120}s" -timeout_error \
    -trace_stat -stf overload.csv -fd 1 -trace_err -error_file overload.errors.log \
    -trace_logs -log_file overload.refused.log "$HOST:$PORT" >"$work/overload.screen" 2>&1) || true
refused=$(grep -c '^refused ' "$work/overload.refused.log" 2>/dev/null || true)
read -r ok failed < <(python3 - "$work/overload.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
last = dict(zip(rows[0], rows[-1]))
print(last['SuccessfulCall(C)'], last['FailedCall(C)'])
PY
)
echo "overload at $over calls/s for $seconds s: $((ok - refused)) served, $refused refused with 503, $failed failed"

read -r ok failed < <(run_step recovery "$rate" "$((rate * seconds))")
python3 - "$work/recovery.csv" "$ok" "$failed" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=';'))
head, periods = rows[0], rows[1:-1]
last_failing = 0
for i, row in enumerate(periods, start=1):
    if int(dict(zip(head, row))['FailedCall(P)']) > 0:
        last_failing = i
print(f"the nominal rate right after: {sys.argv[2]} ok, {sys.argv[3]} failed; "
      f"clean from second {last_failing} on (0 = at once)")
PY

#!/usr/bin/env bash
# Holds N concurrent calls to the echo test (route 300) with RTP both ways: SIPp sends a 20 ms
# PCMU stream per call (bench-uac-echo-rtp.xml, rtp_stream of tone-pcmu.raw) and the appliance
# echoes it. One SIPp instance carries at most PER_SIPP calls (STACK.md: one SIPp media socket
# saturates at ~500-600 streams), so N is split over several instances. Reports how many calls
# were set up, held HOLD_MS and torn down without failure.
#
# Method and limits: this measures signalling under media load. It does NOT yet measure the
# late-packet share: SIPp drops the echo it receives, and STACK.md warns that lateness measured on
# SIPp's own rtp_stream measures SIPp (2-5 % late at 100 streams). The intended measurement is
# RtpProbe (platform/itests, support/RtpProbe.java: latePackets() against the 20 ms schedule of the
# RTP timestamps) as the media end of uac-call-media-probe.xml calls, one probe per call.
#
#   bench/sipp-concurrent-rtp.sh [N]          HOLD_MS=20000 PER_SIPP=400; HOST/PORT as call-rate
#   UAS=1 bench/sipp-concurrent-rtp.sh 200    against a SIPp -rtp_echo UAS instead (the ceiling)
source "$(dirname "$0")/sipp-common.sh"
n=${1:-200}; per=${PER_SIPP:-400}; hold=${HOLD_MS:-20000}
if [ -n "${UAS:-}" ]; then
  start_uas rtp-uas -rtp_echo; HOST=127.0.0.1 PORT=$UAS_PORT
else
  start_appliance
fi
instances=$(( (n + per - 1) / per )); uac_pids=()
for i in $(seq 1 "$instances"); do
  calls=$(( i < instances ? per : n - per * (instances - 1) ))
  (cd "$work" && sipp -sf bench-uac-echo-rtp.xml -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port)" \
      -mp "$(free_udp_run)" -s 300 -r 50 -m "$calls" -l "$calls" -d "$hold" -buff_size 4194304 \
      -nostdin -timeout "$(( hold / 1000 + 120 ))s" -timeout_error -trace_stat -stf "rtp-$i.csv" -fd 1 \
      -trace_err -error_file "rtp-$i.errors.log" "$HOST:$PORT" >"$work/rtp-$i.screen" 2>&1) &
  uac_pids+=($!); pids+=($!)
done
for pid in "${uac_pids[@]}"; do wait "$pid" || true; done
python3 - "$work" "$instances" "$n" <<'PY'
import csv, sys
work, k, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ok = failed = peak = 0
for i in range(1, k + 1):
    rows = list(csv.reader(open(f"{work}/rtp-{i}.csv"), delimiter=';'))
    head = rows[0]
    last = dict(zip(head, rows[-1]))
    ok += int(last['SuccessfulCall(C)']); failed += int(last['FailedCall(C)'])
    peak += max(int(dict(zip(head, r))['CurrentCall']) for r in rows[1:])
print(f"RESULT {n} calls with RTP over {k} SIPp instance(s): {ok} ok, {failed} failed, "
      f"peak concurrent (sum of per-instance peaks) {peak}")
PY

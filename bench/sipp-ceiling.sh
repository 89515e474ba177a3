#!/usr/bin/env bash
# The ceiling of the measuring kit itself: the same SIPp UAC as bench/sipp-call-rate.sh (INVITE,
# ACK, BYE: bench-uac-echo.xml) against a SIPp UAS (bench-uas.xml) on this machine, at increasing
# rates after a warm-up. An appliance figure near this one measures SIPp, not the appliance.
#
#   bench/sipp-ceiling.sh                     RATES="1000 2000 4000" STEP_SECONDS=5 HOLD_MS=0
source "$(dirname "$0")/sipp-common.sh"
start_uas ceiling-uas
HOST=127.0.0.1 PORT=$UAS_PORT
nproc_now=$(nproc); echo "machine: $nproc_now cores, $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1)"
ramp ceiling

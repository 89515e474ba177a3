#!/usr/bin/env bash
# Call rate of the appliance's echo test (route 300): SIPp places INVITE/ACK/BYE calls
# (bench-uac-echo.xml, 4 MiB socket buffers) after a warm-up step, at increasing rates, each for
# STEP_SECONDS, and reports the highest rate at which every call succeeded. Starts the built
# distribution on free ports with its own data directory, or uses HOST/PORT of a running one.
#
#   bench/sipp-call-rate.sh                   RATES="100 200 500 1000" STEP_SECONDS=5 HOLD_MS=0
#   HOST=10.0.0.5 PORT=5060 bench/sipp-call-rate.sh
# Compare with bench/sipp-ceiling.sh on the same machine.
source "$(dirname "$0")/sipp-common.sh"
start_appliance
RATES=${RATES:-"100 200 500 1000 1500 2000 3000 4000 6000"}
ramp appliance

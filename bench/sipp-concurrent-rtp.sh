#!/usr/bin/env bash
# Holds N concurrent calls to the echo test (route 300) with RTP both ways and measures what the
# appliance does to packet timing: goal (b), ">= 1,000 calls with fewer than 1 % of packets later
# than 10 ms". Runs ConcurrentRtpBench (platform/itests, src/test/java/.../itests/bench): one SIPp
# for signalling (bench-uac-media-inf.xml, -l N, -buff_size 4 MiB), one Java receive thread (a
# selector over one socket per call) and one Java send thread. It measures
#   (a) the intro prompt the appliance paces itself: share of packets later than 10 ms against
#       their own 20 ms schedule (RTP timestamps, anchored per SSRC as RtpProbe.latePackets does);
#   (b) after one RFC 4733 digit interrupts the intro, a paced 20 ms PCMU stream per call: echo
#       turnaround (p50/p99/p99.9/max), share later than 10 ms over the minimum, loss;
# and the tool's own lateness (sender vs its schedule, receiver busy share, JVM stalls), so a late
# result says whose it was. SIPp's own rtp_stream is not used: it measures SIPp (STACK.md).
#
#   bench/sipp-concurrent-rtp.sh              N=1000 HOLD=20 (s), after a warm-up of 200 calls
#   N=500 HOLD=30 bench/sipp-concurrent-rtp.sh
#   HOST=10.0.0.5 PORT=5060 bench/sipp-concurrent-rtp.sh   load a running appliance (no warm-up
#                                             unless WARMUP_CALLS is set; media must reach this box)
# Knobs: WARMUP_CALLS (200; 0 skips), WARMUP_HOLD (10 s), RTP_PORTS (the appliance's --rtp-ports;
# default: a free range of 2 ports per call + slack below the ephemeral range, outside the default
# 20000-29999 other appliances on the box use), APPLIANCE_CPUS and TOOL_CPUS (taskset CPU lists
# that keep the appliance and the load generator, SIPp included, off each other's cores), BENCH_ARGS (more tool options, e.g. "--intro-ms
# 4000", "--dump-intro"; the tool prints its usage with --help), BENCH_JAVA_OPTS, KEEP=1.
#
# The tool is compiled from the itests test sources against Maven's test classpath of that module
# (mvn -o dependency:build-classpath; no reactor build, nothing written to platform/itests/target).
# Needs the built distribution (mvn -DskipTests install) unless HOST/PORT are given.
source "$(dirname "$0")/sipp-common.sh"
n=${N:-${1:-1000}}; hold=${HOLD:-20}
itests="$root/platform/itests"

# free_rtp_range SIZE: an even LOW with LOW..LOW+SIZE-1 all free for UDP on 127.0.0.1, between
# 10000 and the ephemeral range, avoiding the launcher's default 20000-29999.
free_rtp_range() { python3 - "$1" <<'PY'
import socket, sys
size = int(sys.argv[1]); size += size % 2
ephemeral = int(open('/proc/sys/net/ipv4/ip_local_port_range').read().split()[0])
for low in range(10000, ephemeral - size, 1000):
    if low < 30000 and low + size > 20000: continue
    held = []
    try:
        for p in range(low, low + size):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); held.append(s); s.bind(("127.0.0.1", p))
        print(f"{low}-{low + size - 1}"); break
    except OSError: pass
    finally: [s.close() for s in held]
else: sys.exit("no free RTP port range of %d ports" % size)
PY
}

echo "building the tool (Maven test classpath of platform/itests, offline)"
mvn -B -q -o -f "$itests/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >/dev/null
javac --release 17 -nowarn -d "$work/classes" -cp "$(cat "$work/classpath.txt")" -sourcepath "$itests/src/test/java" \
    "$itests"/src/test/java/io/switchboard/itests/bench/*.java
classpath="$work/classes:$itests/src/test/resources:$(cat "$work/classpath.txt")"

warm=${WARMUP_CALLS:-}
if [ -z "${PORT:-}" ]; then
  warm=${warm:-200}
  range=${RTP_PORTS:-$(free_rtp_range $(( 2 * (n > warm ? n : warm) + 400 )))}
  start_appliance_with --rtp-ports "$range"
  echo "appliance RTP ports $range"
else
  start_appliance
fi

bench() { # LABEL CALLS HOLD_S
  # shellcheck disable=SC2086 # BENCH_ARGS and BENCH_JAVA_OPTS are word lists
  ${TOOL_CPUS:+taskset -c $TOOL_CPUS} java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -cp "$classpath" io.switchboard.itests.bench.ConcurrentRtpBench \
      --host "$HOST" --port "$PORT" --calls "$2" --hold-s "$3" --label "$1" --work "$work/$1" ${BENCH_ARGS:-}
}
if [ "${warm:-0}" -gt 0 ]; then
  bench warm-up "$warm" "${WARMUP_HOLD:-10}" | grep -E '^(RESULT|WARNING)' || true
fi
bench "N=$n" "$n" "$hold"

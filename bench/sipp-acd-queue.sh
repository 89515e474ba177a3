#!/usr/bin/env bash
# Calls through an ACD queue to SIPp agent phones. Starts its own copy of the built distribution
# (the tarball appliance-image/target/switchboard-*.tar.gz, copied and unpacked in a temp dir, so a
# rebuild of the tree during the run does not touch it) on free loopback ports with its own data
# directory, then:
#   - creates AGENTS agents over REST (ids FIRST_AGENT.., skill general 5, device sip:<id>, a SIP
#     password each), sets queue general's wrap-up to WRAPUP seconds;
#   - registers every agent from ONE SIPp (bench/sipp/acd-agents-register.xml, digest per agent
#     from an injection CSV; the contacts point at that SIPp, whose out-of-call scenario
#     acd-agent-phone-ooc.xml answers each INVITE: 180, RING_MS later 200, no RTP, waits for the BYE);
#   - logs every agent in (READY);
#   - warm-up: WARMUP_RATE calls/s for WARMUP_SECONDS through the same path, not reported;
#   - for each rate in RATES: a SIPp UAC (bench/sipp/acd-caller.xml) calls 200 (queue general) at
#     that rate for DURATION seconds; each caller is answered at once by the ACD (music) and hangs
#     up HOLD_MS after that answer, waiting or not. Then it waits until no call is live and every
#     agent is READY again, reads the journal the run wrote (GET /api/v1/journal, paged) and prints
#     one RESULT line: calls offered, connected, abandoned, failed; queue wait (acd.queued ->
#     acd.connected of the same callId) p50/p95/p99/max; acd.offered -> acd.connected p50/p99;
#     how busy the agents were; CPU of the appliance process (/proc/<pid>/stat before and after),
#     of the agents' SIPp, of the callers' SIPp, and of the whole box.
#
#   bench/sipp-acd-queue.sh                            AGENTS=50 RATES=20 DURATION=60 BUSY=0.8
#   RATES="10 20 40" bench/sipp-acd-queue.sh           a sweep, one RESULT line per rate
#   RATES=40 HOLD_MS=2000 bench/sipp-acd-queue.sh      more calls than agents: callers queue up
#
# Knobs: AGENTS (50), FIRST_AGENT (7001), RATES (or RATE; 20) calls/s, DURATION (60) s per rate,
# HOLD_MS (call length after the ACD's answer; default per rate: BUSY x AGENTS / rate seconds, so
# that about BUSY (0.8) of the agents are on a call), HOLD_DIST (fixed: every caller stays
# HOLD_MS; exp: exponentially distributed with mean HOLD_MS - with SIPp's evenly spaced calls and
# a fixed hold nobody waits for an agent below 100 % load; random holds make callers queue and
# give up), WRAPUP (0) s of queue general's wrap-up, RING_MS (0: the phones answer at once, like
# auto-answer), WARMUP_RATE (20), WARMUP_SECONDS (30; 0 skips), SETTLE_TIMEOUT (60) s to wait for
# every agent to be READY after a run, APPLIANCE_CPUS / SIPP_CPUS (taskset CPU lists), JAVA_OPTS
# (passed to the launcher), KEEP=1 (keep the work dir: SIPp screens, stats CSVs, error logs,
# journal.jsonl, the appliance's data/logs).
# "max in queue" counts callers waiting or ringing an agent; "unbridged" counts calls whose agent
# phone answered without acd.connected following (see the WARNING lines).
# Needs sipp (Debian sip-tester), curl, jq, python3 and a tarball from `mvn -B -q install -DskipTests`.
# Only 127.0.0.1 is used. Results and the machine they ran on go in docs/benchmarks.md.
source "$(dirname "$0")/sipp-common.sh"
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y $tool" >&2; exit 2; }
done
cp "$root"/bench/sipp/acd-*.xml "$work"/

AGENTS=${AGENTS:-50}
FIRST_AGENT=${FIRST_AGENT:-7001}
RATES=${RATES:-${RATE:-20}}
DURATION=${DURATION:-60}
BUSY=${BUSY:-0.8}
WRAPUP=${WRAPUP:-0}
RING_MS=${RING_MS:-0}
HOLD_DIST=${HOLD_DIST:-fixed}
case $HOLD_DIST in fixed | exp) ;; *) echo "HOLD_DIST is fixed or exp" >&2; exit 2 ;; esac
WARMUP_RATE=${WARMUP_RATE:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-60}
ADMIN_PASSWORD=bench-acd-$$
# shellcheck disable=SC2206 # a taskset prefix for every SIPp, when SIPP_CPUS is set
sipp_cmd=(${SIPP_CPUS:+taskset -c $SIPP_CPUS} sipp)

# ---- the distribution: our own copy of the tarball

shopt -s nullglob
tarballs=("$root"/appliance-image/target/switchboard-*.tar.gz)
shopt -u nullglob
if [ ${#tarballs[@]} = 0 ]; then
  echo "no appliance-image/target/switchboard-*.tar.gz: build the distribution first with" >&2
  echo "  cd $root && mvn -B -q install -DskipTests" >&2
  exit 2
fi
tarball=$(ls -t "${tarballs[@]}" | head -1)
mkdir "$work/dist"
cp "$tarball" "$work/dist/"
tar xzf "$work/dist/$(basename "$tarball")" -C "$work/dist" \
  || { echo "$tarball does not unpack (being rebuilt right now?); try again after the build" >&2; exit 2; }
launcher=$(echo "$work"/dist/switchboard-*/bin/switchboard)
[ -x "$launcher" ] || { echo "no bin/switchboard in $tarball" >&2; exit 2; }
echo "distribution: $tarball of $(date -u -r "$tarball" '+%F %T UTC'), unpacked in $work/dist"

# free_rtp_range SIZE: LOW-HIGH, all free for UDP on 127.0.0.1, between 10000 and the ephemeral
# range and outside the launcher's default 20000-29999 (other appliances on the box use it).
free_rtp_range() { python3 - "$1" <<'PY'
import socket, sys
size = int(sys.argv[1]) + int(sys.argv[1]) % 2
ephemeral = int(open('/proc/sys/net/ipv4/ip_local_port_range').read().split()[0])
for low in range(10000, ephemeral - size, 500):
    if low < 30000 and low + size > 20000:
        continue
    held = []
    try:
        for port in range(low, low + size):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); held.append(s); s.bind(("127.0.0.1", port))
        print(f"{low}-{low + size - 1}"); break
    except OSError:
        pass
    finally:
        for s in held: s.close()
else:
    sys.exit("no free RTP port range of %d ports" % size)
PY
}

HOST=127.0.0.1
PORT=$(free_port)
HTTPS_PORT=$(free_port)
RTP_RANGE=${RTP_PORTS:-$(free_rtp_range 4000)}
# shellcheck disable=SC2086 # APPLIANCE_CPUS: a taskset CPU list
SWITCHBOARD_ADMIN_PASSWORD=$ADMIN_PASSWORD ${APPLIANCE_CPUS:+taskset -c $APPLIANCE_CPUS} "$launcher" run \
    --data "$work/data" --bind 127.0.0.1 --sip-port "$PORT" --https-port "$HTTPS_PORT" --rtp-ports "$RTP_RANGE" \
    >"$work/appliance.out" 2>&1 &
appliance_pid=$! # the launcher execs java (and taskset execs it): this is the JVM's PID
agents_pid=
acd_cleanup() {
  local rc=$?
  # the agents' SIPp sits in a 24 h pause: USR1 (what cleanup sends) would wait for it, TERM ends it
  [ -n "$agents_pid" ] && kill -TERM "$agents_pid" 2>/dev/null || true
  if [ -n "$appliance_pid" ] && kill -0 "$appliance_pid" 2>/dev/null; then
    kill -TERM "$appliance_pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$appliance_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  cleanup
  exit "$rc"
}
trap acd_cleanup EXIT
trap 'exit 130' INT TERM
until grep -q " started in " "$work/appliance.out" 2>/dev/null; do
  kill -0 "$appliance_pid" 2>/dev/null || { cat "$work/appliance.out" >&2; exit 1; }
  sleep 0.1
done
[ "$(cat "/proc/$appliance_pid/comm")" = java ] || echo "WARNING: PID $appliance_pid is $(cat "/proc/$appliance_pid/comm"), not the JVM" >&2
echo "appliance $(basename "$(dirname "$(dirname "$launcher")")") PID $appliance_pid: SIP $HOST:$PORT, HTTPS $HTTPS_PORT, RTP $RTP_RANGE, data $work/data"

# ---- REST

base="https://$HOST:$HTTPS_PORT/api/v1"
token=
for _ in $(seq 20); do
  reply=$(curl -sk -X POST "$base/auth/token" -H 'Content-Type: application/json' \
      -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" -w '\n%{http_code}' || true)
  token=$(head -1 <<<"$reply" | jq -r '.token // empty' 2>/dev/null || true)
  [ -n "$token" ] && break
  sleep 0.5
done
[ -n "$token" ] || { echo "no API token for admin: ${reply:-no answer}" >&2; exit 1; }

# api METHOD PATH [JSON]: prints the body; fails (with the answer on stderr) on a status >= 400
api() {
  local args=(-sk -X "$1" "$base$2" -H "Authorization: Bearer $token" -w '\n%{http_code}') reply status
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  reply=$(curl "${args[@]}")
  status=${reply##*$'\n'}
  if [ "$status" -ge 400 ] 2>/dev/null || [ -z "$status" ]; then
    echo "$1 $2: HTTP $status ${reply%$'\n'*}" >&2
    return 1
  fi
  printf '%s\n' "${reply%$'\n'*}"
}

last_agent=$((FIRST_AGENT + AGENTS - 1))
agent_ids=$(seq "$FIRST_AGENT" "$last_agent")
echo "creating agents $FIRST_AGENT..$last_agent (general 5)"
echo SEQUENTIAL >"$work/agents.csv"
for id in $agent_ids; do
  password="sipp-$id-$$"
  api POST /acd/agents "{\"id\":\"$id\",\"name\":\"Bench agent $id\",\"device\":\"sip:$id\",\"skills\":{\"general\":5},\"sipPassword\":\"$password\"}" >/dev/null
  echo "$id;$password;[authentication username=$id password=$password]" >>"$work/agents.csv"
done
queue=$(api GET /acd/queues/general | jq -c --argjson w "$WRAPUP" '.wrapUpSeconds = $w')
api PUT /acd/queues/general "$queue" >/dev/null
echo "queue general: $(api GET /acd/queues/general | jq -c '{strategy, wrapUpSeconds, ringTimeoutSeconds}')"

# ---- the agents' phones: one SIPp registers them all and answers their calls

AGENT_SIP_PORT=$(free_port)
phone=acd-agent-phone-ooc.xml
if [ "$RING_MS" -gt 0 ]; then
  phone=acd-agent-phone-ring.xml
  sed "s#<!-- ring here -->#<pause milliseconds=\"$RING_MS\" />#" "$work/acd-agent-phone-ooc.xml" >"$work/$phone"
fi
agent_media=$(free_udp_run)
(cd "$work" && exec "${sipp_cmd[@]}" -sf acd-agents-register.xml -oocsf "$phone" -inf agents.csv \
    -i 127.0.0.1 -p "$AGENT_SIP_PORT" -mi 127.0.0.1 -mp "$agent_media" -set expires 3600 -set answer_port "$agent_media" \
    -m "$AGENTS" -l "$AGENTS" -r 50 -buff_size 4194304 -nostdin -trace_logs -log_file agents.log \
    -trace_err -error_file agents.errors.log "$HOST:$PORT" >"$work/agents.screen" 2>&1) &
agents_pid=$!
pids+=("$agents_pid")
count_lines() { grep -c "$1" "$2" 2>/dev/null || true; }
for _ in $(seq 300); do
  [ "$(count_lines '^registered ' "$work/agents.log")" -ge "$AGENTS" ] && break
  kill -0 "$agents_pid" 2>/dev/null || break
  sleep 0.1
done
registered=$(count_lines '^registered ' "$work/agents.log")
if [ "$registered" -lt "$AGENTS" ]; then
  echo "only $registered of $AGENTS agent phones registered" >&2
  head -40 "$work/agents.errors.log" "$work/agents.screen" >&2 2>/dev/null || true
  exit 1
fi
echo "$registered agent phones registered from one SIPp (PID $agents_pid) at 127.0.0.1:$AGENT_SIP_PORT"
for id in $agent_ids; do api POST "/acd/agents/$id/state" '{"state":"READY"}' >/dev/null; done
echo "queue general: $(api GET /acd/queues/general/status | jq -c .)"

# ---- measuring

clk_tck=$(getconf CLK_TCK)
proc_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; } # utime + stime
box_ticks() { awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat; } # total, idle + iowait
journal_seq=0
journal="$work/journal.jsonl"
: >"$journal"

# fetch_journal: appends every entry after journal_seq to journal.jsonl, 1000 a page
fetch_journal() {
  local page n
  while :; do
    page=$(api GET "/journal?after=$journal_seq&limit=1000")
    n=$(jq length <<<"$page")
    [ "$n" = 0 ] && break
    jq -c '.[]' <<<"$page" >>"$journal"
    journal_seq=$(jq '.[-1].seq' <<<"$page")
    [ "$n" -lt 1000 ] && break
  done
}

# settle: until no call is live and every bench agent is READY; prints how many agents are not.
# If it times out, says which, and puts NOT_READY agents back to READY so the next run has them
# all (an agent stuck RESERVED cannot be: it stays out, and says so in every later run).
settle() {
  local deadline=$((SECONDS + SETTLE_TIMEOUT)) calls busy id
  while :; do
    calls=$(api GET /calls | jq length)
    busy=$(api GET /acd/agents | jq -r --argjson lo "$FIRST_AGENT" --argjson hi "$last_agent" \
        '.[] | select((.id | tonumber? // 0) >= $lo and (.id | tonumber? // 0) <= $hi and .state != "READY") | "\(.id):\(.state)"')
    if [ "$calls" = 0 ] && [ -z "$busy" ]; then echo 0; return; fi
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 0.5
  done
  echo "WARNING: $SETTLE_TIMEOUT s after the run: $calls live calls; agents not READY:" $busy >&2
  for id in $busy; do
    case $id in
      *:NOT_READY) api POST "/acd/agents/${id%%:*}/state" '{"state":"READY"}' >/dev/null && echo "  ${id%%:*} set READY again" >&2 || true ;;
    esac
  done
  wc -w <<<"$busy"
}

results="$work/results.tsv"
printf 'run\trate\tseconds\tagents\thold_ms\thold\twrapup_s\toffered\tqueued\tconnected\tabandoned\tfailed\tunsettled\tnoanswer\tunbridged\twait_p50\twait_p95\twait_p99\twait_max\toffer_conn_p50\toffer_conn_p99\tcaller_answer_mean\tmax_in_queue\tagents_busy\tcpu_appliance\tcpu_agents_sipp\tcpu_callers_sipp\tcpu_box\tload1\tagents_not_ready\n' >"$results"

# step LABEL RATE SECONDS HOLD_MS: one caller SIPp run, then the RESULT line (and a row in results.tsv)
step() {
  local label=$1 rate=$2 seconds=$3 hold=$4
  local calls=$((rate * seconds)) limit=$((rate * (hold / 1000 + 10) + 50))
  local seq0 a0 a1 g0 g1 box0 box1 t0 t1 lines0 not_ready load scenario=acd-caller.xml
  if [ "$HOLD_DIST" = exp ]; then # SIPp takes a distribution's mean only as a literal
    scenario="acd-caller-exp-$hold.xml"
    sed "s#<pause />#<pause distribution=\"exponential\" mean=\"$hold\" />#" "$work/acd-caller.xml" >"$work/$scenario"
  fi
  fetch_journal
  seq0=$journal_seq
  lines0=$(wc -l <"$work/agents.log")
  load=$(cut -d' ' -f1 /proc/loadavg)
  a0=$(proc_ticks "$appliance_pid"); g0=$(proc_ticks "$agents_pid"); box0=$(box_ticks); t0=$(date +%s.%N)
  (cd "$work" && { "${sipp_cmd[@]}" -sf "$scenario" -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port)" -mp "$(free_udp_run)" \
      -s 200 -r "$rate" -m "$calls" -l "$limit" -d "$hold" -buff_size 4194304 -nostdin \
      -timeout "$((seconds + hold / 1000 + 120))s" -timeout_error -trace_stat -stf "$label.csv" -fd 1 \
      -trace_err -error_file "$label.errors.log" "$HOST:$PORT" >"$label.screen" 2>&1 || true; times >"$label.times"; })
  t1=$(date +%s.%N); a1=$(proc_ticks "$appliance_pid"); g1=$(proc_ticks "$agents_pid"); box1=$(box_ticks)
  not_ready=$(settle)
  fetch_journal
  python3 - "$journal" "$seq0" "$work/$label.csv" "$work/$label.times" "$results" "$work/agents.log" "$lines0" <<PY
import json, math, os, sys
from datetime import datetime
journal, seq0, stat_csv, times_file, results = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
label, rate, seconds, hold, agents, wrapup = "$label", $rate, $seconds, $hold, $AGENTS, $WRAPUP
wall = $t1 - $t0
tck = $clk_tck
cpu_app = ($a1 - $a0) / tck / wall * 100
cpu_agents = ($g1 - $g0) / tck / wall * 100
box0, box1 = "$box0".split(), "$box1".split()
box_total = int(box1[0]) - int(box0[0])
cpu_box = 100 * (1 - (int(box1[1]) - int(box0[1])) / box_total) if box_total else 0
# INVITEs the phones got during this run (their log from the line where the run started)
with open(sys.argv[6]) as log:
    phone_invites = sum(1 for n, line in enumerate(log) if n >= int(sys.argv[7]) and line.startswith('offered '))
not_ready = int("$not_ready" or 0)

# SIPp: the last statistics row; the callers' CPU from the subshell's children times
import csv
rows = list(csv.reader(open(stat_csv), delimiter=';'))
last = dict(zip(rows[0], rows[-1]))
placed, ok, failed = int(last['TotalCallCreated']), int(last['SuccessfulCall(C)']), int(last['FailedCall(C)'])
h, m, sec, us = (int(x) for x in last['ResponseTime1(C)'].split(':'))  # the callers' INVITE -> 200, mean
caller_answer = ((h * 60 + m) * 60 + sec) * 1000 + us / 1000
def secs(t):
    m, s = t.rstrip('s').split('m')
    return int(m) * 60 + float(s)
child = open(times_file).read().split('\n')[1].split()
cpu_callers = (secs(child[0]) + secs(child[1])) / wall * 100

def ms(iso):
    return datetime.fromisoformat(iso.replace('Z', '+00:00')).timestamp() * 1000

queued, offered, connected, abandoned, ended = {}, {}, {}, {}, {}
agent_leg, leg_answered = {}, set()  # the offered agent's leg; every leg the journal saw answered
waiting = set()  # queued, not yet connected, abandoned or ended
noanswer = 0
max_in_queue = 0
first = last_end = None
for line in open(journal):
    e = json.loads(line)
    if e['seq'] <= seq0:
        continue
    kind, call = e['type'], e.get('callId')
    if kind == 'acd.queued' and call not in queued:
        queued[call] = ms(e['time'])
        first = first if first is not None else queued[call]
        waiting.add(call)
        max_in_queue = max(max_in_queue, len(waiting))
    elif call not in queued:
        continue
    elif kind == 'acd.offered':
        offered[call] = ms(e['time'])
        agent_leg[call] = e['data'].get('legId')
    elif kind == 'leg.answered':  # may come before acd.offered: the phone answered within a ms
        leg_answered.add(e['data'].get('legId'))
    elif kind == 'acd.connected':
        connected[call] = ms(e['time'])
        waiting.discard(call)
    elif kind == 'acd.abandoned':
        abandoned[call] = ms(e['time'])
        waiting.discard(call)
    elif kind == 'acd.noanswer':
        noanswer += 1
    elif kind == 'call.ended':
        ended[call] = ms(e['time'])
        last_end = ended[call]
        waiting.discard(call)

def pct(values, p):
    if not values:
        return float('nan')
    v = sorted(values)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]
waits = [connected[c] - queued[c] for c in connected]
answer = [connected[c] - offered[c] for c in connected if c in offered]
unsettled = [c for c in queued if c not in connected and c not in abandoned]
# the agent's phone answered, yet no acd.connected (and no bridge) followed
unbridged = [c for c in unsettled if agent_leg.get(c) in leg_answered]
# agents busy: the share of agent time from offer to hang-up (+ wrap-up) while calls were arriving
# (first to last acd.queued), so that the last calls' tail does not dilute it
last_queued = max(queued.values(), default=None)
span = (last_queued - first) if queued else 0
def overlap(a, b):
    return max(0.0, min(b, last_queued) - max(a, first))
busy_ms = sum(overlap(offered.get(c, connected[c]), ended.get(c, last_end or connected[c]) + wrapup * 1000) for c in connected)
agents_busy = 100 * busy_ms / (agents * span) if span else float('nan')

row = [label, rate, seconds, agents, hold, "$HOLD_DIST", wrapup, placed, len(queued), len(connected), len(abandoned), failed,
       len(unsettled), noanswer, len(unbridged), pct(waits, 50), pct(waits, 95), pct(waits, 99), max(waits, default=float('nan')),
       pct(answer, 50), pct(answer, 99), round(caller_answer), max_in_queue, round(agents_busy), round(cpu_app), round(cpu_agents),
       round(cpu_callers), round(cpu_box), "$load", not_ready]
with open(results, 'a') as out:
    out.write('\t'.join(str(int(x)) if isinstance(x, float) and not math.isnan(x) else str(x) for x in row) + '\n')
f = lambda x: 'n/a' if math.isnan(x) else '%d' % x
print(f"RESULT {label}: {rate}/s x {seconds} s, {agents} agents, hold {hold} ms ($HOLD_DIST) | offered {placed} connected {len(connected)} "
      f"abandoned {len(abandoned)} failed {failed} unbridged {len(unbridged)} | wait ms p50 {f(pct(waits, 50))} p95 {f(pct(waits, 95))} "
      f"p99 {f(pct(waits, 99))} max {f(max(waits, default=float('nan')))} | offer->connected ms p50 {f(pct(answer, 50))} "
      f"p99 {f(pct(answer, 99))} | caller answered in {caller_answer:.0f} ms (mean) | max in queue {max_in_queue}, agents busy {f(agents_busy)} % | "
      f"CPU appliance {cpu_app:.0f} % agents-SIPp {cpu_agents:.0f} % callers-SIPp {cpu_callers:.0f} % box {cpu_box:.0f} % of {os.cpu_count()} CPUs (load before {'$load'})")
problems = []
if len(queued) != placed: problems.append(f"SIPp placed {placed} calls, the journal queued {len(queued)}")
if unbridged: problems.append(f"{len(unbridged)} calls: the agent's phone answered but no acd.connected/call.bridged followed "
                              f"(caller and agent never bridged), e.g. {unbridged[:3]}")
other = [c for c in unsettled if c not in unbridged]
if other: problems.append(f"{len(other)} calls neither connected nor abandoned, e.g. {other[:5]}")
if noanswer: problems.append(f"{noanswer} acd.noanswer")
if phone_invites != len(offered): problems.append(f"the phones got {phone_invites} INVITEs, the journal has {len(offered)} calls offered")
if not_ready: problems.append(f"{not_ready} agents not READY {int('$SETTLE_TIMEOUT')} s after the run")
for p in problems:
    print(f"WARNING {label}: {p}")
PY
}

hold_for() { # RATE: HOLD_MS, or BUSY x AGENTS / RATE seconds
  if [ -n "${HOLD_MS:-}" ]; then echo "$HOLD_MS"; else python3 -c "print(round($BUSY * $AGENTS / $1 * 1000))"; fi
}

echo "machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/{print $2}') GiB," \
    "$(java -version 2>&1 | head -1), $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$WARMUP_SECONDS" -gt 0 ]; then
  echo "warm-up: $WARMUP_RATE calls/s for $WARMUP_SECONDS s"
  step warm-up "$WARMUP_RATE" "$WARMUP_SECONDS" "$(hold_for "$WARMUP_RATE")" | sed 's/^/  /'
fi
for rate in $RATES; do
  step "rate-$rate" "$rate" "$DURATION" "$(hold_for "$rate")"
done
echo
{ head -1 "$results"; tail -n +2 "$results" | grep -v '^warm-up' || true; } | column -t -s $'\t'

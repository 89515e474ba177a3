#!/usr/bin/env bash
# ACD routing: one decision on a large site — 5,000 agents (about half READY) with 1–5 of 200
# skills, 1,000 waiting calls across one queue per skill (platform/benchmarks AcdRoutingBenchmark,
# JMH sample mode). routeCall finds an agent for a call, routeAgent a call for an agent. Prints
# p50/p99/p99.9 per decision against the 50 µs p99 target. Builds the benchmarks jar when it is
# missing or older than the sources.
#
#   bench/jmh-acd-routing.sh [extra JMH options, e.g. -p agents=10000 -p calls=2000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/platform/benchmarks/target/benchmarks.jar"
sources=("$root/bundles/acd/src/main" "$root/platform/benchmarks/src" "$root/platform/benchmarks/pom.xml")

if [[ ! -f $jar || -n $(find "${sources[@]}" -newer "$jar" -print -quit) ]]; then
    (cd "$root" && mvn -B -q -o -pl bundles/acd,platform/benchmarks install -DskipTests)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" AcdRoutingBenchmark -f 1 -wi 3 -i 5 -t 1 -rf csv -rff "$work/result.csv" "$@"

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params...
# sample mode adds one row per percentile, named "<benchmark>:p0.50" and so on.
awk -F, '
    NR == 1 { next }
    {
        name = $1; gsub(/"/, "", name); sub(/^.*Benchmark\./, "", name)   # keep "method" or "method:p0.99"
        split(name, part, ":"); method = part[1]
        if (!(method in seen)) { seen[method] = 1; order[++n] = method }
        if (part[2] == "") { samples[method] = $4; mean[method] = $5 }
        else { pct[method, part[2]] = $5 }
    }
    END {
        for (i = 1; i <= n; i++) {
            m = order[i]
            printf "%s: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, mean %.1f µs (%d samples); p99 target 50 µs: %s\n",
                   m, pct[m, "p0.50"] / 1000, pct[m, "p0.99"] / 1000, pct[m, "p0.999"] / 1000, mean[m] / 1000,
                   samples[m], (pct[m, "p0.99"] < 50000 ? "met" : "MISSED")
        }
    }' "$work/result.csv"

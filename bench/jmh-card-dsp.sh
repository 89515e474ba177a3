#!/usr/bin/env bash
# Card driver DSP per channel and 20 ms frame: G.711 decode, DTMF detection, G.711 encode of the
# outgoing frame (platform/benchmarks CardDspBenchmark, JMH). Prints ns per channel-frame and the
# channels one core can carry (20 ms / ns per frame). Builds the benchmarks jar when it is missing
# or older than the sources.
#
#   bench/jmh-card-dsp.sh [extra JMH options, e.g. -p law=ULAW -p channels=200]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/platform/benchmarks/target/benchmarks.jar"
sources=("$root/drivers/card/src/main" "$root/platform/benchmarks/src" "$root/platform/benchmarks/pom.xml")

if [[ ! -f $jar || -n $(find "${sources[@]}" -newer "$jar" -print -quit) ]]; then
    (cd "$root" && mvn -B -q -o -pl drivers/card,platform/benchmarks install -DskipTests)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" CardDspBenchmark -f 1 -wi 3 -i 5 -t 1 -rf csv -rff "$work/result.csv" "$@"

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params...
tail -n +2 "$work/result.csv" | while IFS=, read -r name _ _ _ score error unit rest; do
    name=${name//\"/}
    awk -v n="${name##*.}" -v s="$score" -v e="$error" -v p="${rest//\"/}" 'BEGIN {
        printf "%s [channels,law = %s]: %.0f ns per channel-frame (± %.0f), %d channels per core at 20 ms frames\n",
               n, p, s, e, 20000000 / s }'
done

#!/usr/bin/env bash
# One engine's bench worker alone, without SideBySide: warm-up rounds, then per measured round its wall throughput and
# the worker JVM's CPU time per event (all its threads), which a loaded machine distorts far less than wall time.
#   weir-bench/worker-cpu.sh weir|flink WORKLOAD EVENTS ROUNDS [file.jfr]
# In the span (first source open to last sink end, as the wall figure) it also prints the CPU per event and the cores kept busy,
# and (with GNU time installed) the whole JVM's user and system CPU and minor page faults.
# Environment: WARMUP (rounds, default 2), WEIR_CORE_JAR, WEIR_SQL_JAR and WEIR_ROCKSDB_JAR (measure this weir-core, weir-sql or weir-rocksdb jar
# instead of the tree's, to compare two builds in alternating fresh workers), BENCH_CLASSES (another build's
# weir-bench/target/flink-<version>/classes, copied away, to compare two builds of the bench's own jobs), EXTRA_JVM. Needs a built weir-bench (weir-bench/run.sh builds it).
# (A test run of weir-bench leaves target/classes instead of the jars in classpath.txt: both are replaced.)
set -euo pipefail
cd "$(dirname "$0")/.."
engine=$1; workload=$2; events=$3; rounds=$4; jfr=${5:-}; warmup=${WARMUP:-2}
cp="${BENCH_CLASSES:-weir-bench/target/flink-${FLINK_VERSION:-1.20.5}/classes}:$(cat "weir-bench/target/flink-${FLINK_VERSION:-1.20.5}/classpath.txt")"
if [ -n "${WEIR_CORE_JAR:-}" ]; then
  cp=$(echo "$cp" | tr ':' '\n' | sed -E "s#^.*/weir-core/target/(weir-core-[^/]*\.jar|classes)\$#$WEIR_CORE_JAR#" | paste -sd:)
fi
if [ -n "${WEIR_SQL_JAR:-}" ]; then
  cp=$(echo "$cp" | tr ':' '\n' | sed -E "s#^.*/weir-sql/target/(weir-sql-[^/]*\.jar|classes)\$#$WEIR_SQL_JAR#" | paste -sd:)
fi
if [ -n "${WEIR_ROCKSDB_JAR:-}" ]; then
  cp=$(echo "$cp" | tr ':' '\n' | sed -E "s#^.*/weir-rocksdb/target/(weir-rocksdb-[^/]*\.jar|classes)\$#$WEIR_ROCKSDB_JAR#" | paste -sd:)
fi
if [ "$engine" = weir ]; then
  cp=$(echo "$cp" | tr ':' '\n' | grep -v -e frocksdbjni -e flink-statebackend-rocksdb | paste -sd:)
else
  # As SideBySide.withOwnRocksDB: Weir's RocksDB, and Weir SQL's Calcite and Janino, which break Flink's planner
  # ("Unable to instantiate java compiler"); weir-sql's classes stay (Flink's Nexmark SQL reads its generator).
  cp=$(echo "$cp" | tr ':' '\n' | grep -v -e /org/rocksdb/rocksdbjni/ -e weir-rocksdb -e /org/apache/calcite/ \
    -e /org/codehaus/janino/ | paste -sd:)
fi
jvm=(-Xms2g -Xmx2g ${EXTRA_JVM:-})
[ -n "$jfr" ] && jvm+=("-XX:StartFlightRecording=filename=$jfr,settings=profile")
answers=$(mktemp)
usage=$(mktemp)
trap 'rm -f "$answers" "$usage"' EXIT
# GNU time, when installed, counts the JVM's minor page faults: the first touch of each heap page is one, and the kernel
# zeroes the page on the worker's CPU (system time); a G1 young generation that grows into untouched heap costs Weir's
# 7a up to twice its CPU per event until every page has been touched once (docs/benchmarks.md, branch vr).
timed=(); [ -x /usr/bin/time ] && timed=(/usr/bin/time -f "%U %S %R" -o "$usage")
{ for _ in $(seq 1 "$warmup"); do echo "measure $workload $events"; done
  for _ in $(seq 1 "$rounds"); do echo cpu; echo "measure $workload $events"; echo cpu; echo spancpu; done; } \
  | ${timed[@]+"${timed[@]}"} java "${jvm[@]}" -cp "$cp" dev.weir.bench.Worker "$engine" > "$answers"
if grep '^error' "$answers"; then exit 1; fi
grep '^ok ' "$answers" | tail -n $((4 * rounds)) | awk -v n="$events" -v e="$engine" -v w="$workload" \
  '{v[NR]=$2} END{for(i=1;i<=NR;i+=4) printf "%s %s: %.2f M/s wall, %.1f ns CPU/event; in the span %.1f ns CPU/event, %.2f cores busy\n", e, w, n/(v[i+1]/1e9)/1e6, (v[i+2]-v[i])/n, v[i+3]/n, v[i+3]/v[i+1]}'
if [ -s "$usage" ]; then
  awk -v e="$engine" -v w="$workload" '{printf "%s %s, whole JVM (warm-up included): user %.2f s, system %.2f s, %d minor page faults\n", e, w, $1, $2, $3}' "$usage"
fi
echo "$(uptime | sed 's/.*load/load/')"

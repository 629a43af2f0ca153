#!/usr/bin/env bash
# Regenerates docs/benchmarks.md and docs/benchmarks.svg: builds weir-bench once per Flink line, then runs
# dev.weir.bench.SideBySide, which forks one worker JVM per engine (Weir, Flink 1.20.x, Flink 2.x).
# Extra arguments go to SideBySide, e.g.  weir-bench/run.sh --workloads 1,6,9 --rounds 5 --scale 0.5
# Before the measured rounds of each throughput and latency workload, every engine warms up for at least
# --warmup rounds and --warmup-seconds of its worker's CPU time (default 1 and 10), e.g. --warmup-seconds 20.
# Set FLINK_VERSIONS="1.20.5" to build only one line.
set -euo pipefail
cd "$(dirname "$0")/.."
FLINK_VERSIONS="${FLINK_VERSIONS:-1.20.5 2.3.0}"
PROFILES="${WEIR_BENCH_PROFILES:-}"
for version in $FLINK_VERSIONS; do
  # -am builds weir-core from this tree: a weir-core left in ~/.m2 by another branch must never be measured.
  ./mvnw -q -pl weir-bench -am package -DskipTests -Dflink.version="$version" ${PROFILES:+-P$PROFILES}
done
first="${FLINK_VERSIONS%% *}"
cp="weir-bench/target/flink-$first/classes:$(cat "weir-bench/target/flink-$first/classpath.txt")"
exec java -cp "$cp" dev.weir.bench.SideBySide "$@"

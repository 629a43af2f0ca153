#!/usr/bin/env bash
# Kafka → Weir → Kafka next to Flink 1.20.5 with flink-connector-kafka 3.4.0-1.20 (docs/benchmarks-kafka.md): builds
# weir-bench for the Flink 1.20 line, then runs dev.weir.bench.KafkaThroughput, which starts the embedded broker in
# its own JVM and forks one worker JVM per engine. Extra arguments go to KafkaThroughput, e.g.
#   weir-bench/kafka-run.sh --records 3000000 --rounds 3
set -euo pipefail
cd "$(dirname "$0")/.."
# -am builds weir-core and weir-kafka from this tree: never a stale copy in ~/.m2.
./mvnw -q -pl weir-bench -am package -DskipTests -Dflink.version=1.20.5
build=weir-bench/target/flink-1.20.5
exec java -Xms1g -Xmx4g -cp "$build/classes:$(cat "$build/kafka-classpath.txt")" dev.weir.bench.KafkaThroughput "$@"

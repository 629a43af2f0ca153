#!/usr/bin/env bash
# One fresh bench worker JVM with SideBySide's heap (-Xms3g -Xmx3g), ROUNDS rounds of one workload, no warm-up apart: per
# round the CPU time per event in the span and the minor page faults the round took (the JVM's minflt from /proc before
# and after it). A fault is the first touch of a page: while G1's young generation grows into heap the JVM has never
# touched, every round pays them (7a: 55-67 k faults and +80 ns an event per round of 2 M events; docs/benchmarks.md,
# branch vr). Linux only.
#   weir-bench/worker-faults.sh weir|flink WORKLOAD EVENTS ROUNDS [JVM flags...]
#   weir-bench/worker-faults.sh weir NEXMARK_Q5 2000000 13 -XX:+AlwaysPreTouch
# Prints one line: round by round "ns/faults", e.g. "275/67k". Needs a built weir-bench (weir-bench/run.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=$1; workload=$2; events=$3; rounds=$4; shift 4
cp="weir-bench/target/flink-${FLINK_VERSION:-1.20.5}/classes:$(cat "weir-bench/target/flink-${FLINK_VERSION:-1.20.5}/classpath.txt")"
if [ "$engine" = weir ]; then
  cp=$(echo "$cp" | tr ':' '\n' | grep -v -e frocksdbjni -e flink-statebackend-rocksdb | paste -sd:)
else
  cp=$(echo "$cp" | tr ':' '\n' | grep -v -e /org/rocksdb/rocksdbjni/ -e weir-rocksdb -e /org/apache/calcite/ \
    -e /org/codehaus/janino/ | paste -sd:)
fi
coproc WORKER { exec java -Xms3g -Xmx3g "$@" -cp "$cp" dev.weir.bench.Worker "$engine"; }
pid=$WORKER_PID
# Field 10 of /proc/<pid>/stat, the process's minor faults; the command name in parentheses may hold spaces.
faults() { local stat; stat=$(cat "/proc/$pid/stat"); stat=${stat##*) }; set -- $stat; echo "$8"; }
line=""
for _ in $(seq 1 "$rounds"); do
  before=$(faults)
  echo "measure $workload $events" >&"${WORKER[1]}"; read -r answer <&"${WORKER[0]}"
  after=$(faults)
  case $answer in ok*) ;; *) echo "worker failed: $answer" >&2; exit 1 ;; esac
  echo spancpu >&"${WORKER[1]}"; read -r span <&"${WORKER[0]}"
  line+="$(( ${span#ok } / events ))/$(( (after - before) / 1000 ))k "
done
exec {WORKER[1]}>&-
wait "$pid" || true
echo "$engine $workload, ns CPU an event in the span / minor faults, round by round: $line"
echo "$(uptime | sed 's/.*load/load/')"

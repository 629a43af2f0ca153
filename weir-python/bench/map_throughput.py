"""Python map throughput on Weir at parallelism 2, next to a plain Python loop calling the same function over the same
records in one process, and the same job in Java.

Run from the source tree: ./weir python weir-python/bench/map_throughput.py [records] [bundle size] [JVM options]

The JVM options are Flink's env.java.opts.all (e.g. "-Xmn16m", see docs/benchmarks.md); "" or "-" for none.

The job is a number sequence (two source subtasks) -> Python map -> a sink that drops the records in the JVM, so the
numbers cross to Python and back once. The job's fixed cost (JVM start, forking workers) is measured with a
one-record run and subtracted; a run of a quarter of the records gives the cost once warm (the JVM's JIT compiles the
hot code in both runs). CPU is read from the JVM's and the workers' rusage, so it depends little on the machine's
load; records/s do. The Java job (bench/JavaMapThroughput.java, fromSequence -> map -> DiscardingSink at parallelism
2) is measured the same way, inside its JVM. Last, a keyed reduce in Python (key_by and reduce, on a quarter of the
records), which crosses to Python in bundles with each key's reduced value from Weir's keyed state, and a keyed
process function keeping a running sum in a ValueState (on a fortieth of the records), whose records cross in
bundles of many keys.
"""
import os
import resource
import shlex
import subprocess
import sys
import time

from weir._internal import driver, jvm
from weir._internal.bench import discard
from weir.common import Configuration, WatermarkStrategy
from weir.datastream import KeyedProcessFunction, StreamExecutionEnvironment
from weir.datastream.connectors import NumberSequenceSource
from weir.datastream.state import ValueStateDescriptor


def f(x):
    return x * 2 + 1


def key(x):
    return x % 1000


def add(a, b):
    return a + b


class RunningSum(KeyedProcessFunction):
    def open(self, runtime_context):
        self.total = runtime_context.get_state(ValueStateDescriptor("total"))

    def process_element(self, value, ctx):
        total = (self.total.value() or 0) + value
        self.total.update(total)
        yield total


def run(n, bundle_size, java_options, job="map"):
    config = Configuration()
    if bundle_size:
        config.set_string("python.fn-execution.bundle.size", bundle_size)
    if java_options:
        config.set_string("env.java.opts.all", java_options)
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(2)
    numbers = env.from_source(NumberSequenceSource(1, n), WatermarkStrategy.no_watermarks(), "numbers")
    if job == "reduce":
        discard(numbers.key_by(key).reduce(add))
    elif job == "process":
        discard(numbers.key_by(key).process(RunningSum()))
    else:
        discard(numbers.map(f))
    cpu = _cpu_seconds()
    workers = driver.worker_cpu_seconds
    started = time.perf_counter()
    env.execute("map throughput")
    return time.perf_counter() - started, _cpu_seconds() - cpu, driver.worker_cpu_seconds - workers


def _cpu_seconds():
    """CPU time of this process and its ended children: the JVM and the forked Python workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def java_map(n, java_options):
    """The Java job's records/s and CPU ns per record past its fixed cost, and its steady CPU ns per record."""
    java = [jvm.command("")[0]] + shlex.split(java_options)
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "JavaMapThroughput.java")
    output = subprocess.run(java + ["-cp", jvm.classpath(), source, str(n)], check=True, capture_output=True, text=True)
    return [float(v) for v in output.stdout.split()[-3:]]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    bundle_size = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    java_options = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] != "-" else ""
    records = list(range(1, n + 1))
    cpu = time.process_time()
    started = time.perf_counter()
    for value in records:
        f(value)
    loop = n / (time.perf_counter() - started)
    loop_cpu = (time.process_time() - cpu) / n * 1e9
    del records  # the forked workers need not inherit them

    fixed, fixed_cpu, fixed_python = run(1, bundle_size, java_options)
    _, quarter_cpu, quarter_python = run(n // 4, bundle_size, java_options)
    total, total_cpu, total_python = run(n, bundle_size, java_options)
    rate = n / (total - fixed)
    python_cpu = (total_python - fixed_python) / n * 1e9
    jvm_cpu = (total_cpu - total_python - fixed_cpu + fixed_python) / n * 1e9
    # Between the run of n / 4 records and the run of n: the JVM's JIT compiles the hot code in both, so this is the
    # cost of a record once the job is warm.
    steady = n - n // 4
    steady_python = (total_python - quarter_python) / steady * 1e9
    steady_jvm = (total_cpu - total_python - quarter_cpu + quarter_python) / steady * 1e9
    java_rate, java_cpu, java_steady = java_map(n, java_options)
    reduced = n // 4
    reduce_time, reduce_cpu, reduce_python = run(reduced, bundle_size, java_options, job="reduce")
    processed = n // 40
    process_time, process_cpu, process_python = run(processed, bundle_size, java_options, job="process")
    print("records: %d, bundle size: %s, JVM options: %s, load average: %.1f"
          % (n, bundle_size or "default (100000)", java_options or "none", os.getloadavg()[0]))
    print("plain Python loop calling f: %.0f records/s (one core), %.0f ns of CPU per record" % (loop, loop_cpu))
    print("Weir job, one record (JVM start, workers): %.2f s" % fixed)
    print("Weir Python map, parallelism 2: %.2f s in all, %.0f records/s past the fixed cost (%.0f per subtask, "
          "%.2f of the plain loop)" % (total, rate, rate / 2, rate / 2 / loop))
    print("  CPU per record past the fixed cost: %.0f ns in the Python workers, %.0f ns in the JVM, %.0f ns in all "
          "(the plain loop: %.0f ns)" % (python_cpu, jvm_cpu, python_cpu + jvm_cpu, loop_cpu))
    print("  CPU per record once warm (the run of %d records less the run of %d): %.0f ns in the Python workers, "
          "%.0f ns in the JVM, %.0f ns in all" % (n, n // 4, steady_python, steady_jvm, steady_python + steady_jvm))
    print("  per subtask, by CPU: a subtask whose JVM thread and Python worker each have a core runs at %.2f of the "
          "plain loop (%.2f once warm); one core for both: %.2f (%.2f once warm)"
          % (loop_cpu / max(python_cpu, jvm_cpu), loop_cpu / max(steady_python, steady_jvm),
             loop_cpu / (python_cpu + jvm_cpu), loop_cpu / (steady_python + steady_jvm)))
    print("Weir Java map, parallelism 2: %.0f records/s, %.0f ns of CPU per record past the fixed cost (%.0f once warm)"
          % (java_rate, java_cpu, java_steady))
    print("Weir Python key_by + reduce, parallelism 2, %d records: %.0f records/s past the fixed cost; CPU per record: "
          "%.0f ns in the Python workers, %.0f ns in the JVM" % (
              reduced, reduced / (reduce_time - fixed), (reduce_python - fixed_python) / reduced * 1e9,
              (reduce_cpu - reduce_python - fixed_cpu + fixed_python) / reduced * 1e9))
    print("Weir Python key_by + process (a ValueState per key), parallelism 2, %d records: %.0f records/s past the "
          "fixed cost; CPU per record: %.0f ns in the Python workers, %.0f ns in the JVM" % (
              processed, processed / (process_time - fixed), (process_python - fixed_python) / processed * 1e9,
              (process_cpu - process_python - fixed_cpu + fixed_python) / processed * 1e9))


if __name__ == "__main__":
    main()

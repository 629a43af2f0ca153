"""Python map throughput on Weir at parallelism 2, next to a plain Python loop calling the same function over the same
records in one process, and the same job in Java.

Run from the source tree: ./weir python weir-python/bench/map_throughput.py [records] [bundle size]

The job is a number sequence (two source subtasks) -> Python map -> a sink that drops the records in the JVM, so the
numbers cross to Python and back once. The job's fixed cost (JVM start, forking workers) is measured with a
one-record run and subtracted; the Java job (bench/JavaMapThroughput.java, fromSequence -> map -> DiscardingSink at
parallelism 2) is measured the same way, inside its JVM.
"""
import os
import resource
import subprocess
import sys
import time

from weir._internal import driver, jvm
from weir._internal.bench import discard
from weir.common import Configuration, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment
from weir.datastream.connectors import NumberSequenceSource


def f(x):
    return x * 2 + 1


def run(n, bundle_size):
    config = Configuration()
    if bundle_size:
        config.set_string("python.fn-execution.bundle.size", bundle_size)
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(2)
    discard(env.from_source(NumberSequenceSource(1, n), WatermarkStrategy.no_watermarks(), "numbers").map(f))
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


def java_map(n):
    java = jvm.command("")[0]
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "JavaMapThroughput.java")
    output = subprocess.run([java, "-cp", jvm.classpath(), source, str(n)], check=True, capture_output=True, text=True)
    return float(output.stdout.split()[-1])


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    bundle_size = sys.argv[2] if len(sys.argv) > 2 else None
    records = list(range(1, n + 1))
    cpu = time.process_time()
    started = time.perf_counter()
    for value in records:
        f(value)
    loop = n / (time.perf_counter() - started)
    loop_cpu = (time.process_time() - cpu) / n
    del records  # the forked workers need not inherit them

    fixed, fixed_cpu, fixed_python = run(1, bundle_size)
    total, total_cpu, total_python = run(n, bundle_size)
    rate = n / (total - fixed)
    job_cpu = (total_cpu - fixed_cpu) / n
    python_cpu = (total_python - fixed_python) / n
    jvm_cpu = job_cpu - python_cpu
    print("records: %d, bundle size: %s, load average: %.1f" % (n, bundle_size or "default (100000)", os.getloadavg()[0]))
    print("plain Python loop calling f: %.0f records/s (one core), %.0f ns of CPU per record" % (loop, loop_cpu * 1e9))
    print("Weir job, one record (JVM start, workers): %.2f s" % fixed)
    print("Weir Python map, parallelism 2: %.2f s in all, %.0f records/s past the fixed cost (%.0f per subtask, "
          "%.2f of the plain loop)" % (total, rate, rate / 2, rate / 2 / loop))
    print("  CPU per record past the fixed cost: %.0f ns in the Python workers, %.0f ns in the JVM, %.0f ns in all "
          "(the plain loop: %.0f ns)" % (python_cpu * 1e9, jvm_cpu * 1e9, job_cpu * 1e9, loop_cpu * 1e9))
    print("  a subtask whose JVM thread and Python worker each have a core runs at %.2f of the plain loop; one core "
          "for both: %.2f" % (loop_cpu / max(python_cpu, jvm_cpu), loop_cpu / job_cpu))
    print("Weir Java map, parallelism 2: %.0f records/s" % java_map(n))

if __name__ == "__main__":
    main()

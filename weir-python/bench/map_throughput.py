"""Python map throughput on Weir at parallelism 2, next to a plain Python loop calling the same function.

Run from the source tree: ./weir python weir-python/bench/map_throughput.py [records] [bundle size]

The job is a number sequence (two source subtasks) -> Python map -> Python filter that keeps nothing, so the numbers
cross to Python twice and nothing is collected. The job's fixed cost (JVM start, forking workers) is measured with a
one-record run and subtracted.
"""
import sys
import time

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
    started = time.perf_counter()
    result = (env.from_source(NumberSequenceSource(1, n), WatermarkStrategy.no_watermarks(), "numbers")
              .map(f).filter(lambda x: x < 0).execute_and_collect())
    elapsed = time.perf_counter() - started
    assert list(result) == []
    return elapsed


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    bundle_size = sys.argv[2] if len(sys.argv) > 2 else None
    records = list(range(1, n + 1))
    started = time.perf_counter()
    for value in records:
        f(value)
    loop = n / (time.perf_counter() - started)

    fixed = run(1, bundle_size)
    total = run(n, bundle_size)
    print("records: %d, bundle size: %s" % (n, bundle_size or "default (100000)"))
    print("plain Python loop calling f: %.0f records/s (one core)" % loop)
    print("Weir job, one record (JVM start, workers): %.2f s" % fixed)
    print("Weir Python map + filter, parallelism 2: %.2f s in all, %.0f records/s past the fixed cost "
          "(%.0f per subtask)" % (total, n / (total - fixed), n / (total - fixed) / 2))


if __name__ == "__main__":
    main()

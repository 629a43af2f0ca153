"""Python map throughput on Weir at parallelism 2, next to a plain Python loop calling the same function.

Run from the source tree: ./weir python weir-python/bench/map_throughput.py [records]
"""
import sys
import time

from weir.datastream import StreamExecutionEnvironment


def f(x):
    return x * 2 + 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    records = list(range(n))
    started = time.perf_counter()
    for value in records:
        f(value)
    loop = n / (time.perf_counter() - started)

    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(2)
    started = time.perf_counter()
    result = env.from_collection(records).map(f).filter(lambda x: x < 0).execute_and_collect()
    elapsed = time.perf_counter() - started
    assert list(result) == []
    print("records: %d" % n)
    print("plain Python loop: %.0f records/s (one core)" % loop)
    print("Weir Python map + filter, parallelism 2, including JVM start: %.0f records/s (%.2f s)" % (n / elapsed, elapsed))


if __name__ == "__main__":
    main()

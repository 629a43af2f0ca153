"""Where the job's JVM spends its CPU in the bench's map job, by thread group: the task threads (the source, the
Python stage and the sink), the JIT compilers, the collector and the rest (start, plan, main thread); read from
/proc/<jvm>/task/*/stat every 50 ms while the job runs (Linux only; a thread's last 50 ms may be missed).

    ./weir python weir-python/bench/jvm_threads.py [records] [JVM options]

The task threads' figure is the hot path's cost, nearly free of the JIT's and the JVM's start, which the bench's
"past the fixed cost" includes.
"""
import collections
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import map_throughput  # noqa: E402

_TICK = os.sysconf("SC_CLK_TCK")


def _group(name):
    if name.startswith("weir-"):
        return "task threads"
    if "Compiler" in name:
        return "JIT"
    if name.startswith(("G1", "GC")):
        return "GC"
    return "rest"


def _sample(cpu, stop):
    """Keeps the CPU seconds of each thread of this process's java children in ``cpu``."""
    me = str(os.getpid())
    while not stop.is_set():
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open("/proc/%s/stat" % pid) as f:
                    stat = f.read()
                if "(java)" not in stat or stat.rsplit(")", 1)[1].split()[1] != me:
                    continue
                for tid in os.listdir("/proc/%s/task" % pid):
                    with open("/proc/%s/task/%s/stat" % (pid, tid)) as f:
                        stat = f.read()
                    fields = stat.rsplit(")", 1)[1].split()
                    cpu[tid] = (_group(stat[stat.index("(") + 1:stat.rindex(")")]),
                                (int(fields[11]) + int(fields[12])) / _TICK)
            except (OSError, ValueError, IndexError):
                pass  # a process or thread that ended meanwhile
        time.sleep(0.05)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    java_options = sys.argv[2] if len(sys.argv) > 2 else ""
    cpu, stop = {}, threading.Event()
    sampler = threading.Thread(target=_sample, args=(cpu, stop), daemon=True)
    sampler.start()
    wall, _, workers = map_throughput.run(n, None, java_options)
    stop.set()
    sampler.join()
    groups = collections.Counter()
    for group, seconds in cpu.values():
        groups[group] += seconds
    print("records: %d, load average %.1f, %.1f s; CPU per record: %s; Python workers %.1f ns" % (
        n, os.getloadavg()[0], wall,
        ", ".join("%s %.1f ns" % (g, groups[g] / n * 1e9) for g in ("task threads", "JIT", "GC", "rest")),
        workers / n * 1e9))


if __name__ == "__main__":
    main()

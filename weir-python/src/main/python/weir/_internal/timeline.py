"""Where a worker's wall time goes, for Weir's benchmarks: with the environment variable WEIR_PYTHON_TIMELINE set, a
map-like worker times each bundle's phases (waiting for and reading the bundle, running the function, sending the
answers) and prints their totals and a histogram of their durations to stderr when it ends. The JVM's side prints
the same for its operator (dev.weir.python.StageTimeline)."""
import os
import sys
from time import perf_counter_ns

ENABLED = bool(os.environ.get("WEIR_PYTHON_TIMELINE"))
#: Histogram buckets: durations up to 1 µs, 2 µs, 4 µs, ... 2^(_BUCKETS - 1) µs and beyond.
_BUCKETS = 24


class Timeline:
    """The phases' total nanoseconds, counts and a power-of-two histogram of their durations in microseconds."""

    def __init__(self, who):
        self._who = who
        self._started = perf_counter_ns()
        self._phases = {}

    def add(self, phase, nanoseconds):
        entry = self._phases.get(phase)
        if entry is None:
            entry = self._phases[phase] = [0, 0, [0] * _BUCKETS]
        entry[0] += nanoseconds
        entry[1] += 1
        entry[2][min(_BUCKETS - 1, (nanoseconds // 1000).bit_length())] += 1

    def report(self, stream=sys.stderr):
        wall = perf_counter_ns() - self._started
        lines = ["timeline of %s: %.3f s of wall time" % (self._who, wall / 1e9)]
        for phase, (total, count, histogram) in self._phases.items():
            buckets = ", ".join("<%s: %d" % (_bound(i), n) for i, n in enumerate(histogram) if n)
            lines.append("  %-8s %8.3f s (%4.1f%%) in %d, %.0f µs each; %s"
                         % (phase, total / 1e9, 100.0 * total / wall, count, total / count / 1e3, buckets))
        stream.write("\n".join(lines) + "\n")
        stream.flush()


def _bound(bucket):
    micros = 1 << bucket
    return "%d ms" % (micros // 1000) if micros >= 1000 else "%d µs" % micros


class TimedConnection:
    """A worker's ReadAheadConnection whose reads ("read": waiting for the bundle and reading it), sends of a reply
    ("send") and sends between chunks ("pump", inside "answer") are timed on ``timeline``."""

    def __init__(self, connection, timeline):
        self._connection = connection
        self.timeline = timeline

    def read_frame(self):
        started = perf_counter_ns()
        payload = self._connection.read_frame()
        self.timeline.add("read", perf_counter_ns() - started)
        return payload

    def send_frame(self, frame):
        started = perf_counter_ns()
        self._connection.send_frame(frame)
        self.timeline.add("send", perf_counter_ns() - started)

    def pump(self):
        started = perf_counter_ns()
        self._connection.pump()
        self.timeline.add("pump", perf_counter_ns() - started)

    def write_frame(self, payload):
        self._connection.write_frame(payload)

    def drain(self):
        self._connection.drain()

"""A ProcessWindowFunction's per-window state (``context.window_state()``) beside the key's (``global_state()``), and
its ``clear(context)``, which Weir calls when a window goes, as Flink does."""
import os
import tempfile
import unittest

from weir.common import Time
from weir.datastream import CountTrigger, ProcessWindowFunction, TumblingEventTimeWindows
from weir.datastream.state import ValueStateDescriptor
from streams_for_tests import env_with, event_time

FIRINGS = ValueStateDescriptor("firings")


class CountFirings(ProcessWindowFunction):
    """Counts the firings of each window and of the key; ``clear`` writes each window's count to a file (the worker
    is a forked process, so a file is what the test can read)."""

    def __init__(self, cleared_path):
        self.cleared_path = cleared_path

    def process(self, key, context, elements):
        in_window = context.window_state().get_state(FIRINGS)
        in_key = context.global_state().get_state(FIRINGS)
        in_window.update((in_window.value() or 0) + 1)
        in_key.update((in_key.value() or 0) + 1)
        yield key, context.window().start, in_window.value(), in_key.value(), [e[1] for e in elements]

    def clear(self, context):
        firings = context.window_state().get_state(FIRINGS)
        with open(self.cleared_path, "a", encoding="utf-8") as f:
            f.write("%d %s\n" % (context.window().start, firings.value()))
        firings.clear()


class WindowStateTest(unittest.TestCase):
    def test_window_state_is_per_window_global_state_per_key_and_clear_runs_when_each_window_goes(self):
        cleared = os.path.join(tempfile.mkdtemp(prefix="weir-python-window-state-"), "cleared.txt")
        env = env_with(1)
        records = event_time(env.from_collection([("a", 1, 1000), ("a", 2, 2000), ("a", 3, 3000), ("a", 4, 4000),
                                                  ("a", 5, 12000), ("a", 6, 13000)]))
        fired = records.key_by(lambda r: r[0]).window(TumblingEventTimeWindows.of(Time.seconds(10))) \
            .trigger(CountTrigger.of(2)).process(CountFirings(cleared))
        self.assertEqual(list(fired.execute_and_collect()),
                         [("a", 0, 1, 1, [1, 2]), ("a", 0, 2, 2, [1, 2, 3, 4]), ("a", 10000, 1, 3, [5, 6])])
        with open(cleared, encoding="utf-8") as f:
            self.assertEqual(f.read().splitlines(), ["0 2", "10000 1"])

    def test_a_window_function_without_clear_needs_no_call_when_its_window_goes(self):
        class Plain(ProcessWindowFunction):
            def process(self, key, context, elements):
                state = context.window_state().get_state(FIRINGS)
                state.update((state.value() or 0) + len(elements))
                yield key, state.value()

        env = env_with(1)
        records = event_time(env.from_collection([("a", 1, 1000), ("a", 2, 2000), ("b", 3, 3000)]))
        sums = records.key_by(lambda r: r[0]).window(TumblingEventTimeWindows.of(Time.seconds(10))).process(Plain())
        self.assertEqual(sorted(sums.execute_and_collect()), [("a", 2), ("b", 1)])


if __name__ == "__main__":
    unittest.main()

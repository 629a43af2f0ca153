"""Evictors on windows (run in Weir's JVM, as Flink's): CountEvictor keeps a window's last records, TimeEvictor the
records of its last stretch of event time; before the window function, or after it with do_evict_after."""
import unittest

from weir.common import Time
from weir.datastream import (CountEvictor, CountTrigger, DeltaEvictor, GlobalWindows, ProcessWindowFunction,
                             TimeEvictor, TumblingEventTimeWindows)
from streams_for_tests import env_with, event_time


class Elements(ProcessWindowFunction):
    def process(self, key, context, elements):
        yield key, [e[1] for e in elements]


class EvictorTest(unittest.TestCase):
    def keyed_numbers(self, env):
        return env.from_collection([("a", n, n * 1000) for n in range(1, 7)]).key_by(lambda r: r[0])

    def test_a_count_evictor_keeps_the_last_records_of_the_window_before_the_function_runs(self):
        env = env_with(1)
        windows = self.keyed_numbers(env).window(GlobalWindows.create()).trigger(CountTrigger.of(3))
        sums = windows.evictor(CountEvictor.of(2)).reduce(lambda a, b: (a[0], a[1] + b[1], 0))
        # The first firing sees 1, 2, 3 and keeps 2, 3; the second sees 2..6 and keeps 5, 6.
        self.assertEqual(list(sums.execute_and_collect()), [("a", 5, 0), ("a", 11, 0)])

    def test_a_count_evictor_that_evicts_after_the_function_lets_it_see_the_whole_window(self):
        env = env_with(1)
        windows = self.keyed_numbers(env).window(GlobalWindows.create()).trigger(CountTrigger.of(3))
        seen = windows.evictor(CountEvictor.of(2, do_evict_after=True)).process(Elements())
        self.assertEqual(list(seen.execute_and_collect()), [("a", [1, 2, 3]), ("a", [2, 3, 4, 5, 6])])

    def test_a_time_evictor_keeps_the_records_of_the_window_s_last_stretch_of_event_time(self):
        env = env_with(1)
        records = event_time(env.from_collection([("a", 1, 1000), ("a", 2, 5000), ("a", 3, 7000), ("a", 4, 8000),
                                                  ("a", 5, 9000), ("a", 6, 12000)]))
        windows = records.key_by(lambda r: r[0]).window(TumblingEventTimeWindows.of(Time.seconds(10)))
        kept = windows.evictor(TimeEvictor.of(Time.seconds(2))).process(Elements())
        # 9000 is the newest of the first window: records at or before 7000 go.
        self.assertEqual(list(kept.execute_and_collect()), [("a", [4, 5]), ("a", [6])])

    def test_evictors_written_in_python_and_the_delta_evictor_are_refused_at_the_call(self):
        env = env_with(1)
        windows = self.keyed_numbers(env).count_window(2)
        with self.assertRaises(NotImplementedError) as written_in_python:
            windows.evictor(object())
        self.assertIn("takes a CountEvictor or a TimeEvictor", str(written_in_python.exception))
        with self.assertRaises(NotImplementedError) as delta:
            DeltaEvictor.of(1.0, lambda a, b: b[1] - a[1])
        self.assertIn("DeltaEvictor.of(...) is not supported", str(delta.exception))
        with self.assertRaises(TypeError):
            CountEvictor.of(0)


if __name__ == "__main__":
    unittest.main()

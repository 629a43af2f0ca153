"""Session windows whose gap each record gives (PyFlink's with_dynamic_gap and a SessionWindowTimeGapExtractor),
merged by Weir's session window operator as in Flink: a record's session is [timestamp, timestamp + its gap)."""
import unittest

from weir.datastream import (DynamicEventTimeSessionWindows, EventTimeSessionWindows, ProcessWindowFunction,
                             SessionWindowTimeGapExtractor)
from weir.errors import JobExecutionError
from streams_for_tests import env_with, event_time


class GapOfTheRecord(SessionWindowTimeGapExtractor):
    def extract(self, element):
        return element[3]


class Sessions(ProcessWindowFunction):
    def process(self, key, context, elements):
        # A merged session holds its records in no defined order (as in Flink).
        yield key, context.window().start, context.window().end, sorted(e[1] for e in elements)


class DynamicSessionTest(unittest.TestCase):
    def test_each_record_s_gap_decides_whether_the_next_record_joins_its_session(self):
        env = env_with(2)
        # a: 1 at 0 s with a 5 s gap reaches 4 at 4 s; 4's 1 s gap ends the session at 5 s, before 9 at 9 s.
        # b: 2 at 1 s with a 1 s gap ends at 2 s, before 7 at 3 s (whose 10 s gap reaches 8 at 12 s).
        records = event_time(env.from_collection([("a", 1, 0, 5000), ("b", 2, 1000, 1000), ("b", 7, 3000, 10000),
                                                  ("a", 4, 4000, 1000), ("a", 9, 9000, 1000),
                                                  ("b", 8, 12000, 1000)]), 10000)
        sessions = records.key_by(lambda r: r[0]) \
            .window(DynamicEventTimeSessionWindows.with_dynamic_gap(GapOfTheRecord())).process(Sessions())
        self.assertEqual(sorted(sessions.execute_and_collect()),
                         [("a", 0, 5000, [1, 4]), ("a", 9000, 10000, [9]), ("b", 1000, 2000, [2]),
                          ("b", 3000, 13000, [7, 8])])

    def test_a_function_of_the_record_is_a_gap_extractor_too_and_windows_reduce_as_well(self):
        env = env_with(1)
        records = event_time(env.from_collection([("a", 1, 0), ("a", 2, 1500), ("a", 3, 5000)]))
        sums = records.key_by(lambda r: r[0]).window(EventTimeSessionWindows.with_dynamic_gap(lambda r: 2000)) \
            .reduce(lambda x, y: (x[0], x[1] + y[1], x[2]))
        self.assertEqual(list(sums.execute_and_collect()), [("a", 3, 0), ("a", 3, 5000)])

    def test_a_gap_that_is_not_a_positive_int_fails_the_job_naming_the_record(self):
        env = env_with(1)
        records = event_time(env.from_collection([("a", 1, 0)]))
        stream = records.key_by(lambda r: r[0]).window(EventTimeSessionWindows.with_dynamic_gap(lambda r: 0)) \
            .reduce(lambda x, y: x)
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertIn("extract(...) returned 0 for ('a', 1, 0)", str(failed.exception).replace("(a,1,0)", "('a', 1, 0)"))
        with self.assertRaises(TypeError):
            EventTimeSessionWindows.with_dynamic_gap(5)


if __name__ == "__main__":
    unittest.main()

"""Bad programs are refused when built; failing Python functions fail the job with their traceback and record."""
import os
import unittest

from weir.common import Time, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment, TumblingEventTimeWindows
from weir.errors import JobExecutionError

HERE = os.path.basename(__file__)


def env_with(parallelism):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


def divide(x):
    return 10 // x


class ErrorsTest(unittest.TestCase):
    def test_a_python_exception_fails_the_job_with_the_operator_the_record_and_the_traceback(self):
        env = env_with(1)
        stream = env.from_collection([1, 2, 0, 4]).map(divide).name("tenths")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        lines = str(failed.exception).splitlines()
        self.assertEqual(lines[0], "The Python function of tenths (subtask 1 of 1) failed on the record 0:")
        self.assertEqual(lines[1], "Traceback (most recent call last):")
        self.assertEqual(lines[2], '  File "%s", line 19, in divide' % os.path.abspath(__file__))
        self.assertEqual(lines[3], "    return 10 // x")
        self.assertEqual(lines[-1], "ZeroDivisionError: integer division or modulo by zero")

    def test_an_exception_in_a_window_reduce_names_the_call_site_and_both_values(self):
        env = env_with(1)
        stream = (env.from_collection([("k", 1), ("k", 2)])
                  .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                                    .with_timestamp_assigner(lambda v, ts: 0))
                  .key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(1)))
                  .reduce(lambda a, b: a[1] / 0))
        with open(__file__, encoding="utf-8") as source:
            line = [n for n, text in enumerate(source, 1) if text.strip() == ".reduce(lambda a, b: a[1] / 0))"][0]
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[0],
                         "The Python function of reduce at %s:%d failed on the records ('k', 1) and ('k', 2):"
                         % (HERE, line))
        self.assertEqual(str(failed.exception).splitlines()[-1], "ZeroDivisionError: division by zero")

    def test_an_exception_in_a_keyed_reduce_names_the_key_s_reduced_value_and_the_record(self):
        env = env_with(1)
        stream = (env.from_collection([("a", 1), ("b", 5), ("a", 2), ("b", 0), ("a", 3)]).key_by(lambda t: t[0])
                  .reduce(lambda a, b: (a[0], a[1] // b[1])).name("quotients"))
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[0],
                         "The Python function of quotients (subtask 1 of 1) failed on the records ('b', 5) and ('b', 0):")
        self.assertEqual(str(failed.exception).splitlines()[-1], "ZeroDivisionError: integer division or modulo by zero")

    def test_a_keyed_reduce_answer_that_cannot_cross_names_its_record(self):
        env = env_with(1)
        stream = (env.from_collection([("a", 1), ("a", 2), ("a", 3)]).key_by(lambda t: t[0])
                  .reduce(lambda a, b: {b[1]} if b[1] == 3 else b).name("sets"))
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[0],
                         "The Python function of sets (subtask 1 of 1) failed on the record ('a', 3):")

    def test_a_keyed_reduce_returning_none_fails_the_job_naming_the_operator(self):
        env = env_with(1)
        stream = env.from_collection([("a", 1), ("a", 2)]).key_by(lambda t: t[0]).reduce(lambda a, b: None).name("nothing")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertIn("returned null from reduce: the reduce function must return a value", str(failed.exception))

    def test_a_timestamp_assigner_returning_a_float_fails_with_what_it_must_return(self):
        env = env_with(1)
        stream = (env.from_collection([1]).assign_timestamps_and_watermarks(
            WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(lambda v, ts: 1.5)).name("stamps"))
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[-1],
                         "TypeError: the timestamp assigner returned 1.5; it must return the event time in epoch "
                         "milliseconds as an int")

    def test_a_function_returning_a_value_that_cannot_cross_fails_with_the_record(self):
        env = env_with(1)
        stream = env.from_collection(["a"]).map(lambda s: {s}).name("sets")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines(),
                         ["The Python function of sets (subtask 1 of 1) failed on the record 'a':",
                          "TypeError: a set ({'a'}) cannot cross between Python and Weir's JVM: records must be built "
                          "from None, bool, int, float, str, bytes, tuple, list, dict and Row"])

    def test_sum_of_a_field_that_is_not_a_number_fails_the_job_naming_the_fix(self):
        env = env_with(1)
        stream = env.from_collection([("a", "x"), ("a", "y")]).key_by(lambda t: t[0]).sum(1).name("sums")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[0],
                         "The job failed: sums needs numbers at position 1, but got x and y; aggregate a numeric "
                         "field, or use reduce(...) for other values")

    def test_a_worker_that_dies_fails_the_job_saying_so(self):
        env = env_with(1)
        stream = env.from_collection([1]).map(lambda x: os._exit(3)).name("dies")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines()[0],
                         "The job failed: the Python worker ended or was killed before it answered (or the Python "
                         "program driving the job ended)")

    def test_bad_calls_are_refused_where_they_are_made(self):
        env = env_with(1)
        stream = env.from_collection([1])
        cases = [
            (lambda: env.from_collection([1, None]), TypeError,
             "from_collection(...): the element at index 1 is None; streams cannot hold None records, so remove it "
             "or wrap it (e.g. in a tuple)"),
            (lambda: env.from_collection([{1, 2}]), TypeError,
             "from_collection(...): a set ({1, 2}) cannot cross between Python and Weir's JVM: records must be "
             "built from None, bool, int, float, str, bytes, tuple, list, dict and Row"),
            (lambda: env.from_collection([1 << 64]), TypeError,
             "from_collection(...): the integer 18446744073709551616 does not fit in 64 bits, the widest integer "
             "Weir's JVM side holds; pass it as a str"),
            (lambda: stream.map(42), TypeError, "map(...) needs a MapFunction or a function, not 42"),
            (lambda: stream.window(TumblingEventTimeWindows.of(Time.seconds(1))), TypeError,
             "window(...) works on a keyed stream: call key_by(...) first"),
            (lambda: stream.key_by(lambda x: x).sum(-1), TypeError,
             "sum(...) needs the position of a field of the records (an int from 0) or the name of a field of Row "
             "records, not -1"),
            (lambda: TumblingEventTimeWindows.of(5), TypeError,
             "TumblingEventTimeWindows.of(...) needs a Time or Duration for the size (e.g. Time.seconds(5)), not 5"),
            (lambda: stream.key_by(lambda x: x).window(TumblingEventTimeWindows.of(Time.seconds(1))).aggregate(None),
             TypeError, "aggregate(...) on a window needs an AggregateFunction (create_accumulator, add, get_result, "
             "merge), not None"),
            (lambda: env.set_parallelism(0), ValueError, "set_parallelism(...) needs a positive int, not 0"),
        ]
        for call, error, message in cases:
            with self.subTest(message=message):
                with self.assertRaises(error) as refused:
                    call()
                self.assertEqual(str(refused.exception), message)


if __name__ == "__main__":
    unittest.main()

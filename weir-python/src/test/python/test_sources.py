"""from_source with PyFlink's NumberSequenceSource, read in the JVM."""
import unittest

from weir.common import Configuration, Time, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment, TumblingEventTimeWindows
from weir.datastream.connectors import NumberSequenceSource


class SourcesTest(unittest.TestCase):
    def test_a_number_sequence_gives_every_number_once_across_two_subtasks(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        numbers = env.from_source(NumberSequenceSource(1, 100), WatermarkStrategy.no_watermarks(), "numbers")
        self.assertEqual(sorted(numbers.map(lambda n: n * n).execute_and_collect()), [n * n for n in range(1, 101)])

    def test_a_number_sequence_read_only_by_python_maps_crosses_bundles_of_three_in_order(self):
        config = Configuration()
        config.set_string("python.fn-execution.bundle.size", "3")
        env = StreamExecutionEnvironment.get_execution_environment(config)
        env.set_parallelism(1)
        numbers = env.from_source(NumberSequenceSource(1, 100), WatermarkStrategy.no_watermarks(), "numbers")
        evens = numbers.filter(lambda n: n % 2 == 0)
        result = list(numbers.map(lambda n: -n).union(evens).execute_and_collect())
        # Each input of the union keeps its order; how the two interleave is not fixed.
        self.assertEqual([n for n in result if n < 0], [-n for n in range(1, 101)])
        self.assertEqual([n for n in result if n > 0], list(range(2, 101, 2)))

    def test_a_number_sequence_also_read_by_a_java_operator_gives_it_every_number(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(2)
        numbers = env.from_source(NumberSequenceSource(1, 50), WatermarkStrategy.no_watermarks(), "numbers")
        self.assertEqual(sorted(numbers.union(numbers.map(lambda n: -n)).execute_and_collect()),
                         list(range(-50, 0)) + list(range(1, 51)))

    def test_a_number_sequence_with_a_python_timestamp_assigner_feeds_event_time_windows(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(lambda n, ts: n * 1000)
        result = (env.from_source(NumberSequenceSource(0, 9), strategy, "numbers")
                  .map(lambda n: (n % 2, n))
                  .key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(5)))
                  .sum(1)
                  .execute_and_collect())
        # [0 s, 5 s): evens 0+2+4, odds 1+3; [5 s, 10 s): evens 6+8, odds 5+7+9.
        self.assertEqual(sorted(result), [(0, 6), (0, 14), (1, 4), (1, 21)])

    def test_an_unsupported_source_is_refused_naming_the_ones_that_work(self):
        env = StreamExecutionEnvironment.get_execution_environment()
        with self.assertRaises(NotImplementedError) as refused:
            env.from_source(object(), WatermarkStrategy.no_watermarks(), "other")
        self.assertEqual(str(refused.exception),
                         "from_source(...) in Weir's Python API reads a NumberSequenceSource, a FileSource or a "
                         "KafkaSource, not a object: use one of them or from_collection(...)")


if __name__ == "__main__":
    unittest.main()

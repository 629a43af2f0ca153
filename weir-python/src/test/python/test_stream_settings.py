"""Partitioning (rebalance, rescale, shuffle, forward, broadcast), operator settings (chaining, slot sharing, max
parallelism, description), print with an identifier, min_by/max_by, get_type, and window_all."""
import subprocess
import sys
import unittest

from weir.common import Configuration, Duration, Time, Types, WatermarkStrategy
from weir.datastream.connectors import NumberSequenceSource
from weir.errors import InvalidProgramError
from weir.datastream import (AllWindowFunction, CountTumblingWindowAssigner, MapFunction, OutputTag,
                             ProcessAllWindowFunction, TumblingEventTimeWindows)
from streams_for_tests import env_with, event_time


class WithSubtask(MapFunction):
    def open(self, runtime_context):
        self.index = runtime_context.get_index_of_this_subtask()

    def map(self, value):
        return value, self.index


class CountPerWindow(ProcessAllWindowFunction):
    def process(self, context, elements):
        window = context.window()
        yield window.start, window.end, sorted(e[0] for e in elements)


class Largest(AllWindowFunction):
    def apply(self, window, inputs):
        yield window.start, window.end, max(i[1] for i in inputs)


class StreamSettingsTest(unittest.TestCase):
    def test_rebalance_spreads_a_single_subtasks_records_round_robin(self):
        env = env_with(2)
        source = env.from_collection(list(range(6)))
        mapped = source.rebalance().map(WithSubtask()).set_parallelism(2)
        result = sorted(mapped.execute_and_collect())
        self.assertEqual([r[0] for r in result], list(range(6)))
        self.assertEqual(sorted({r[1] for r in result}), [0, 1])
        self.assertEqual(sum(1 for r in result if r[1] == 0), 3)

    def test_shuffle_and_rescale_keep_every_record_once(self):
        for partition in ("shuffle", "rescale"):
            env = env_with(2)
            mapped = getattr(env.from_collection(list(range(10))), partition)().map(lambda x: x * 2)
            self.assertEqual(sorted(mapped.execute_and_collect()), [2 * x for x in range(10)], partition)

    def test_broadcast_sends_every_record_to_every_subtask(self):
        env = env_with(2)
        mapped = env.from_collection(["a", "b"]).broadcast().map(WithSubtask())
        self.assertEqual(sorted(mapped.execute_and_collect()), [("a", 0), ("a", 1), ("b", 0), ("b", 1)])

    def test_forward_keeps_records_in_their_subtask(self):
        env = env_with(2)
        first = env.from_collection(list(range(4))).rebalance().map(WithSubtask())
        second = first.forward().map(lambda pair: pair).name("second")
        self.assertEqual(sorted(second.execute_and_collect()), [(0, 0), (1, 1), (2, 0), (3, 1)])

    def test_operator_settings_are_accepted_and_the_job_gives_the_same_records(self):
        env = env_with(2)
        mapped = (env.from_collection([1, 2, 3]).map(lambda x: x + 1).disable_chaining().set_max_parallelism(16)
                  .set_description("adds one").slot_sharing_group("python").uid("add").set_uid_hash("a" * 32)
                  .filter(lambda x: x > 2).start_new_chain().set_buffer_timeout(5))
        self.assertEqual(sorted(mapped.execute_and_collect()), [3, 4])

    def test_a_sources_parallelism_is_applied_as_flink_applies_it(self):
        env = env_with(2)
        numbers = env.from_source(NumberSequenceSource(1, 4), WatermarkStrategy.no_watermarks(), "numbers")
        mapped = numbers.set_parallelism(1).forward().map(WithSubtask()).name("tagged")
        with self.assertRaises(InvalidProgramError) as forward:
            mapped.execute_and_collect()
        self.assertIn("Forward partitioning does not allow a change of parallelism: Source 'numbers' has parallelism 1",
                      str(forward.exception))
        env = env_with(2)
        one = env.from_source(NumberSequenceSource(1, 4), WatermarkStrategy.no_watermarks(), "numbers").set_parallelism(1)
        self.assertEqual(sorted(v for v, _ in one.map(WithSubtask()).execute_and_collect()), [1, 2, 3, 4])
        env = env_with(2)
        with self.assertRaises(InvalidProgramError) as collection:
            env.from_collection([1, 2]).name("pair").set_parallelism(2).map(lambda x: x).execute_and_collect()
        self.assertIn("Source 'pair' can run with at most 1 subtask (it is not parallel)", str(collection.exception))

    def test_force_non_parallel_runs_the_operator_in_one_subtask(self):
        env = env_with(2)
        mapped = env.from_collection(list(range(4))).map(WithSubtask()).force_non_parallel()
        self.assertEqual(sorted(mapped.execute_and_collect()), [(0, 0), (1, 0), (2, 0), (3, 0)])

    def test_operator_settings_on_a_stream_that_is_no_operator_are_refused_naming_the_call(self):
        env = env_with(2)
        union = env.from_collection([1]).union(env.from_collection([2]))
        with self.assertRaises(TypeError) as refused:
            union.set_parallelism(2)
        self.assertIn("set_parallelism(...) applies to an operator's output", str(refused.exception))
        with self.assertRaises(TypeError):
            env.from_collection([1]).rebalance().disable_chaining()
        with self.assertRaises(TypeError) as keyed:
            env.from_collection([1]).key_by(lambda x: x).rebalance()
        self.assertIn("rebalance() on a KeyedStream", str(keyed.exception))
        with self.assertRaises(NotImplementedError):
            env.from_collection([1]).partition_custom(None, lambda x: x)

    def test_print_with_an_identifier_prefixes_each_line_as_flink_does(self):
        program = ("from weir.datastream import StreamExecutionEnvironment\n"
                   "env = StreamExecutionEnvironment.get_execution_environment()\n"
                   "env.set_parallelism(1)\n"
                   "env.from_collection([1, 2]).map(lambda x: x * 10).print('tens').set_parallelism(1)\n"
                   "env.execute()\n")
        output = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=600)
        self.assertEqual(output.returncode, 0, output.stderr)
        self.assertEqual(output.stdout, "tens> 10\ntens> 20\n")

    def test_min_by_and_max_by_emit_the_whole_record_with_the_extreme_field_first_of_equal_ones(self):
        env = env_with(1)
        records = [("a", 3, "x"), ("a", 1, "y"), ("a", 1, "z"), ("a", 5, "w")]
        keyed = env.from_collection(records).key_by(lambda r: r[0])
        self.assertEqual(list(keyed.min_by(1).execute_and_collect()),
                         [("a", 3, "x"), ("a", 1, "y"), ("a", 1, "y"), ("a", 1, "y")])
        env = env_with(1)
        keyed = env.from_collection(records).key_by(lambda r: r[0])
        self.assertEqual(list(keyed.max_by(1).execute_and_collect()),
                         [("a", 3, "x"), ("a", 3, "x"), ("a", 3, "x"), ("a", 5, "w")])

    def test_min_by_on_a_window_gives_each_windows_record_with_the_smallest_field(self):
        env = env_with(1)
        stream = event_time(env.from_collection([("a", 4, 1000), ("a", 2, 2000), ("a", 9, 6000), ("a", 7, 7000)]))
        smallest = stream.key_by(lambda r: r[0]).window(TumblingEventTimeWindows.of(Time.seconds(5))).min_by(1)
        self.assertEqual(list(smallest.execute_and_collect()), [("a", 2, 2000), ("a", 7, 7000)])

    def test_get_type_is_the_output_type_given_else_pickled_byte_array(self):
        env = env_with(1)
        numbers = env.from_collection([1])
        self.assertEqual(numbers.map(lambda x: x, output_type=Types.LONG()).get_type(), Types.LONG())
        self.assertEqual(numbers.map(lambda x: x).get_type(), Types.PICKLED_BYTE_ARRAY())
        self.assertIs(numbers.get_execution_environment(), env)

    def test_window_all_sums_every_records_field_per_window_in_one_subtask(self):
        env = env_with(1)
        stream = event_time(env.from_collection([("a", 1, 1000), ("b", 2, 2000), ("a", 3, 6000), ("c", 4, 9000)]))
        sums = stream.window_all(TumblingEventTimeWindows.of(Time.seconds(5))).sum(1)
        self.assertEqual(list(sums.execute_and_collect()), [("a", 3, 1000), ("a", 7, 6000)])

    def test_window_all_gathers_the_records_of_every_upstream_subtask(self):
        env = env_with(2)
        stream = event_time(env.from_collection([(x, 1, 1000 * x) for x in range(8)]).rebalance().map(lambda r: r))
        counts = stream.window_all(TumblingEventTimeWindows.of(Time.seconds(4))).process(CountPerWindow())
        self.assertEqual(sorted(counts.execute_and_collect()), [(0, 4000, [0, 1, 2, 3]), (4000, 8000, [4, 5, 6, 7])])

    def test_window_all_runs_a_process_all_window_function_and_an_all_window_function(self):
        env = env_with(1)
        stream = event_time(env.from_collection([("a", 1, 1000), ("b", 2, 2000), ("c", 3, 6000)]))
        windows = stream.window_all(TumblingEventTimeWindows.of(Time.seconds(5)))
        self.assertEqual(list(windows.process(CountPerWindow()).execute_and_collect()),
                         [(0, 5000, ["a", "b"]), (5000, 10000, ["c"])])
        env = env_with(1)
        stream = event_time(env.from_collection([("a", 1, 1000), ("b", 2, 2000), ("c", 3, 6000)]))
        windows = stream.window_all(TumblingEventTimeWindows.of(Time.seconds(5)))
        self.assertEqual(list(windows.apply(Largest()).execute_and_collect()), [(0, 5000, 2), (5000, 10000, 3)])

    def test_window_all_reduces_with_a_window_function(self):
        env = env_with(1)
        stream = event_time(env.from_collection([("a", 1, 1000), ("b", 2, 2000), ("c", 3, 6000)]))
        reduced = (stream.window_all(TumblingEventTimeWindows.of(Time.seconds(5)))
                   .reduce(lambda x, y: (x[0] + y[0], x[1] + y[1], y[2]), window_function=CountPerWindow()))
        self.assertEqual(list(reduced.execute_and_collect()), [(0, 5000, ["ab"]), (5000, 10000, ["c"])])

    def test_count_window_all_fires_every_n_records_of_the_whole_stream(self):
        env = env_with(1)
        sums = env.from_collection([(i, i) for i in range(1, 8)]).count_window_all(3).reduce(
            lambda x, y: (x[0], x[1] + y[1]))
        self.assertEqual(list(sums.execute_and_collect()), [(1, 6), (4, 15)])

    def test_window_all_sends_late_records_to_its_side_output_and_the_others_to_their_window(self):
        env = env_with(1)
        late = OutputTag("late")
        # Which out-of-order records come late depends on when the periodic watermark runs; that each record ends up
        # either in its window's sum or in the late output, exactly once, does not.
        records = [("x", 2 ** i, t) for i, t in enumerate([1000, 6000, 2000, 11000, 3000, 7000])]
        sums = (event_time(env.from_collection(records), 0)
                .window_all(TumblingEventTimeWindows.of(Time.seconds(5))).side_output_late_data(late).sum(1))
        result = list(sums.union(sums.get_side_output(late).map(lambda r: ("late", r[1], r[2]))).execute_and_collect())
        # Powers of two: a record counted twice or lost would change the total.
        self.assertEqual(sum(r[1] for r in result), 63)

    def test_a_watermark_strategy_with_idleness_gives_the_same_windows(self):
        env = env_with(1)
        strategy = (WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_millis(0))
                    .with_timestamp_assigner(lambda value, previous: value[2]).with_idleness(Duration.of_seconds(1)))
        stream = env.from_collection([("a", 1, 1000), ("a", 2, 6000)]).assign_timestamps_and_watermarks(strategy)
        sums = stream.key_by(lambda r: r[0]).window(TumblingEventTimeWindows.of(Time.seconds(5))).sum(1)
        self.assertEqual(list(sums.execute_and_collect()), [("a", 1, 1000), ("a", 2, 6000)])
        with self.assertRaises(ValueError):
            WatermarkStrategy.no_watermarks().with_idleness(Duration.zero())
        with self.assertRaises(NotImplementedError) as alignment:
            WatermarkStrategy.no_watermarks().with_watermark_alignment("group", Duration.of_seconds(1))
        self.assertIn("with_watermark_alignment(...) is not supported", str(alignment.exception))

    def test_configuration_reads_typed_values_and_copies_options(self):
        config = Configuration().set_integer("a", 3).set_boolean("b", True)
        config.set_float("c", 0.5)
        copy = Configuration().add_all(config, "x.")
        self.assertEqual((config.get_integer("a", 0), config.get_boolean("b", False), config.get_float("c", 0.0),
                          config.get_integer("missing", 7), sorted(copy.key_set())),
                         (3, True, 0.5, 7, ["x.a", "x.b", "x.c"]))
        self.assertTrue(copy.remove_config("x.a"))
        self.assertFalse(copy.remove_config("x.a"))
        self.assertEqual([repr(Types.INSTANT()), repr(Types.LOCAL_DATE_TIME())], ["INSTANT", "LOCAL_DATE_TIME"])

    def test_window_all_operators_are_not_parallel_as_in_flink(self):
        env = env_with(2)
        windows = env.from_collection([(1, 1)]).window_all(CountTumblingWindowAssigner.of(2))
        with self.assertRaises(ValueError) as refused:
            windows.sum(1).set_parallelism(2)
        self.assertIn("a window_all operator is not parallel", str(refused.exception))
        with self.assertRaises(TypeError):
            env.from_collection([(1, 1)]).key_by(lambda x: x[0]).window_all(CountTumblingWindowAssigner.of(2))
        with self.assertRaises(TypeError):
            windows.process(Largest())


if __name__ == "__main__":
    unittest.main()

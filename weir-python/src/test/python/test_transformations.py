"""map, flat_map, filter, key_by, reduce, sum/min/max and windows, with the exact records each job produces."""
import unittest

from weir.common import Configuration, Duration, Time
from weir.datastream import (StreamExecutionEnvironment, CoFlatMapFunction, CoMapFunction, EventTimeSessionWindows, FlatMapFunction, MapFunction, ReduceFunction,
                             SlidingEventTimeWindows, TumblingEventTimeWindows)
from streams_for_tests import by_key, env_with, event_time


class Doubler(MapFunction):
    def open(self, runtime_context):
        self.subtasks = runtime_context.get_number_of_parallel_subtasks()

    def map(self, value):
        return value * 2, self.subtasks


class Words(FlatMapFunction):
    def flat_map(self, value):
        for word in value.split():
            yield word


class Longest(ReduceFunction):
    def reduce(self, value1, value2):
        return value1 if len(value1[1]) >= len(value2[1]) else value2


class Tagged(CoMapFunction):
    def open(self, runtime_context):
        self.seen = 0

    def map1(self, value):
        self.seen += 1
        return "number", value, self.seen

    def map2(self, value):
        self.seen += 1
        return "word", value, self.seen


class Repeat(CoFlatMapFunction):
    def flat_map1(self, value):
        yield from [value] * value

    def flat_map2(self, value):
        yield from value


class TransformationsTest(unittest.TestCase):
    def test_map_applies_a_lambda_to_every_record_in_order(self):
        env = env_with(1)
        self.assertEqual(list(env.from_collection([1, 2, 3]).map(lambda x: x * 10).execute_and_collect()), [10, 20, 30])

    def test_a_map_function_is_opened_in_its_worker_with_the_runtime_context(self):
        env = env_with(2)
        result = env.from_collection([1, 2, 3]).map(Doubler()).execute_and_collect()
        self.assertEqual(sorted(result), [(2, 2), (4, 2), (6, 2)])

    def test_flat_map_takes_generators_functions_returning_lists_and_flat_map_functions(self):
        env = env_with(1)

        def chars(word):
            yield from word

        lines = env.from_collection(["to be", "", "or"])
        self.assertEqual(list(lines.flat_map(chars).execute_and_collect()), ["t", "o", " ", "b", "e", "o", "r"])
        env = env_with(1)
        lines = env.from_collection(["to be", "", "or"])
        self.assertEqual(list(lines.flat_map(lambda l: l.split()).execute_and_collect()), ["to", "be", "or"])
        env = env_with(1)
        lines = env.from_collection(["to be", "", "or"])
        self.assertEqual(list(lines.flat_map(Words()).execute_and_collect()), ["to", "be", "or"])

    def test_filter_keeps_the_records_the_predicate_accepts(self):
        env = env_with(1)
        evens = env.from_collection(range(10)).filter(lambda x: x % 2 == 0).execute_and_collect()
        self.assertEqual(list(evens), [0, 2, 4, 6, 8])

    def test_plain_values_cross_to_the_jvm_and_back_unchanged(self):
        env = env_with(1)
        values = [(None, True), False, -(1 << 63), (1 << 63) - 1, 1.5, "héllo ✓", ("a", 1), ["b", 2.0], {"k": [1, None]}]
        self.assertEqual(list(env.from_collection(values).map(lambda v: v).execute_and_collect()), values)

    def test_key_by_reduce_is_a_rolling_reduce_per_key_across_two_subtasks(self):
        env = env_with(2)
        result = (env.from_collection([("a", 1), ("b", 10), ("a", 2), ("b", 20), ("a", 3)])
                  .key_by(lambda t: t[0])
                  .reduce(lambda x, y: (x[0], x[1] + y[1]))
                  .execute_and_collect())
        self.assertEqual(by_key(result), {"a": [("a", 1), ("a", 3), ("a", 6)], "b": [("b", 10), ("b", 30)]})

    def test_a_keyed_reduce_in_bundles_of_many_keys_emits_each_records_running_value_whatever_the_bundle_size(self):
        # Bundles of 1 (a round trip per record), of 10 (several keys, a key repeated within and across bundles) and
        # the default (the whole input in one bundle per subtask). One source subtask, so each key's order is defined.
        records = [("k%d" % (x % 7), x) for x in range(700)]
        expected = {}
        for key, value in records:
            running = expected.setdefault(key, [])
            running.append((key, value + (running[-1][1] if running else 0)))
        for bundle_size in ("1", "10", None):
            config = Configuration()
            if bundle_size:
                config.set_string("python.fn-execution.bundle.size", bundle_size)
            env = StreamExecutionEnvironment.get_execution_environment(config)
            env.set_parallelism(1)
            result = (env.from_collection(records).key_by(lambda t: t[0])
                      .reduce(lambda a, b: (a[0], a[1] + b[1])).set_parallelism(2).execute_and_collect())
            self.assertEqual(by_key(result), expected, "bundle size %s" % bundle_size)

    def test_sum_min_max_keep_the_first_records_other_fields_as_flink_does(self):
        records = [("a", 3, "first"), ("a", 1, "second"), ("a", 5, "third")]
        env = env_with(1)
        sums = env.from_collection(records).key_by(lambda t: t[0]).sum(1).execute_and_collect()
        self.assertEqual(list(sums), [("a", 3, "first"), ("a", 4, "first"), ("a", 9, "first")])
        env = env_with(1)
        mins = env.from_collection(records).key_by(lambda t: t[0]).min(1).execute_and_collect()
        self.assertEqual(list(mins), [("a", 3, "first"), ("a", 1, "first"), ("a", 1, "first")])
        env = env_with(1)
        maxes = env.from_collection(records).key_by(lambda t: t[0]).max(1).execute_and_collect()
        self.assertEqual(list(maxes), [("a", 3, "first"), ("a", 3, "first"), ("a", 5, "first")])

    def test_sum_of_floats_is_a_float(self):
        env = env_with(1)
        sums = env.from_collection([("x", 0.5), ("x", 1)]).key_by(lambda t: t[0]).sum(1).execute_and_collect()
        self.assertEqual(list(sums), [("x", 0.5), ("x", 1.5)])

    def test_a_tumbling_window_reduce_runs_the_python_function_per_window(self):
        env = env_with(2)
        records = [("a", "x", 0), ("a", "xyz", 4_000), ("b", "yy", 4_999), ("a", "zz", 5_000), ("b", "w", 9_999)]
        result = (event_time(env.from_collection(records))
                  .key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(5)))
                  .reduce(Longest())
                  .execute_and_collect())
        self.assertEqual(by_key(result), {"a": [("a", "xyz", 4_000), ("a", "zz", 5_000)],
                                          "b": [("b", "yy", 4_999), ("b", "w", 9_999)]})

    def test_a_sliding_window_sum_counts_each_record_in_every_window_it_falls_in(self):
        env = env_with(1)
        records = [("k", 1, 1_000), ("k", 10, 6_000)]
        result = (event_time(env.from_collection(records))
                  .key_by(lambda t: t[0])
                  .window(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5)))
                  .sum(1)
                  .execute_and_collect())
        # Windows [-5 s, 5 s): 1; [0 s, 10 s): 1 + 10; [5 s, 15 s): 10.
        self.assertEqual(list(result), [("k", 1, 1_000), ("k", 11, 1_000), ("k", 10, 6_000)])

    def test_session_windows_close_after_the_gap(self):
        env = env_with(1)
        records = [("u", 1, 0), ("u", 1, 2_000), ("u", 1, 10_000)]
        result = (event_time(env.from_collection(records))
                  .key_by(lambda t: t[0])
                  .window(EventTimeSessionWindows.with_gap(Duration.of_seconds(3)))
                  .sum(1)
                  .execute_and_collect())
        self.assertEqual(list(result), [("u", 2, 0), ("u", 1, 10_000)])

    def test_execute_and_collect_with_a_limit_returns_that_many_records(self):
        env = env_with(1)
        self.assertEqual(env.from_collection([1, 2, 3]).map(lambda x: x).execute_and_collect(limit=2), [1, 2])

    def test_map_after_key_by_sees_the_records_not_the_keys(self):
        env = env_with(2)
        result = env.from_collection(["a", "bb"]).key_by(len).map(lambda s: s.upper()).execute_and_collect()
        self.assertEqual(sorted(result), ["A", "BB"])

    def test_connect_with_a_co_map_function_maps_each_side_with_its_own_method_in_one_python_object(self):
        env = env_with(1)
        numbers = env.from_collection([1, 2])
        words = env.from_collection(["a"])
        result = list(numbers.connect(words).map(Tagged()).execute_and_collect())
        self.assertEqual(sorted(r[:2] for r in result), [("number", 1), ("number", 2), ("word", "a")])
        self.assertEqual(sorted(r[2] for r in result), [1, 2, 3])

    def test_connect_with_a_co_flat_map_function_yields_from_each_side(self):
        env = env_with(2)
        result = env.from_collection([2, 1]).connect(env.from_collection(["xy"])).flat_map(Repeat()).execute_and_collect()
        self.assertEqual(sorted(result, key=str), [1, 2, 2, "x", "y"])

    def test_checkpointing_does_not_change_a_jobs_output(self):
        env = env_with(2)
        env.enable_checkpointing(10)
        result = (env.from_collection([("a", i) for i in range(200)])
                  .key_by(lambda t: t[0]).sum(1).execute_and_collect())
        self.assertEqual(list(result)[-1], ("a", sum(range(200))))


if __name__ == "__main__":
    unittest.main()

"""Window functions from Python: aggregate, process, apply, a window function after reduce or aggregate, count and
global windows with triggers, allowed lateness and late data; exact records each job produces."""
import unittest

from weir.common import Time
from weir.datastream import (AggregateFunction, CountTrigger, EventTimeSessionWindows, GlobalWindows, OutputTag,
                             ProcessWindowFunction, PurgingTrigger, SlidingEventTimeWindows,
                             TumblingEventTimeWindows, WindowFunction)
from weir.datastream.state import ValueStateDescriptor
from streams_for_tests import by_key, env_with, event_time


class Average(AggregateFunction):
    """The accumulator is a Python object that is no record type (a set inside a list): it crosses pickled."""

    def create_accumulator(self):
        return [0, 0, set()]

    def add(self, value, accumulator):
        accumulator[0] += value[1]
        accumulator[1] += 1
        accumulator[2].add(value[1])
        return accumulator

    def get_result(self, accumulator):
        return accumulator[0] / accumulator[1], sorted(accumulator[2])

    def merge(self, acc_a, acc_b):
        return [acc_a[0] + acc_b[0], acc_a[1] + acc_b[1], acc_a[2] | acc_b[2]]


class Describe(ProcessWindowFunction):
    def process(self, key, context, elements):
        window = context.window()
        # The watermark that fired the window depends on when the periodic watermark ran: only its bound is exact.
        yield key, window.start, window.end, window.max_timestamp(), context.current_watermark() >= window.max_timestamp(), \
            sorted(e[1] for e in elements)


class FiringsPerKey(ProcessWindowFunction):
    """Counts the key's firings across windows in global_state(), and yields the pre-aggregated result with it."""

    def open(self, runtime_context):
        self.descriptor = ValueStateDescriptor("firings")

    def process(self, key, context, elements):
        firings = context.global_state().get_state(self.descriptor)
        count = (firings.value() or 0) + 1
        firings.update(count)
        for element in elements:
            yield key, context.window().end, element, count


class Total(WindowFunction):
    def apply(self, key, window, inputs):
        yield key, repr(window), sum(i[1] for i in inputs)


class SumWithStart(ProcessWindowFunction):
    def process(self, key, context, elements):
        yield context.window().start, sum(e[1] for e in elements)


class WindowsTest(unittest.TestCase):
    def test_a_tumbling_window_aggregate_runs_the_aggregate_function_with_any_python_accumulator(self):
        env = env_with(2)
        records = [("a", 1, 0), ("b", 10, 1_000), ("a", 2, 4_999), ("a", 2, 5_000), ("b", 30, 9_999)]
        result = (event_time(env.from_collection(records), 0).key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(5))).aggregate(Average())
                  .execute_and_collect())
        self.assertEqual(sorted(result), [(1.5, [1, 2]), (2.0, [2]), (10.0, [10]), (30.0, [30])])

    def test_session_windows_merge_their_accumulators_with_the_aggregate_functions_merge(self):
        env = env_with(1)
        # 0 s and 4 s open two sessions (gap 3 s); 2 s joins both into one.
        records = [("u", 1, 0), ("u", 3, 4_000), ("u", 5, 2_000), ("u", 7, 20_000)]
        result = (event_time(env.from_collection(records), out_of_orderness_millis=5_000).key_by(lambda t: t[0])
                  .window(EventTimeSessionWindows.with_gap(Time.seconds(3))).aggregate(Average())
                  .execute_and_collect())
        self.assertEqual(list(result), [(3.0, [1, 3, 5]), (7.0, [7])])

    def test_process_gets_the_key_the_window_the_watermark_and_all_records_of_each_window(self):
        env = env_with(2)
        records = [("a", 1, 1_000), ("a", 2, 6_000), ("b", 3, 2_000)]
        result = (event_time(env.from_collection(records), 0).key_by(lambda t: t[0])
                  .window(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5))).process(Describe())
                  .execute_and_collect())
        self.assertEqual(by_key(result), {
            "a": [("a", -5_000, 5_000, 4_999, True, [1]), ("a", 0, 10_000, 9_999, True, [1, 2]),
                  ("a", 5_000, 15_000, 14_999, True, [2])],
            "b": [("b", -5_000, 5_000, 4_999, True, [3]), ("b", 0, 10_000, 9_999, True, [3])]})

    def test_aggregate_and_reduce_hand_their_result_to_a_process_window_function_with_keyed_state(self):
        env = env_with(1)
        records = [("a", 1, 0), ("a", 3, 1_000), ("a", 5, 6_000)]
        result = (event_time(env.from_collection(records), 0).key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(5))).aggregate(Average(), FiringsPerKey())
                  .execute_and_collect())
        self.assertEqual(list(result), [("a", 5_000, (2.0, [1, 3]), 1), ("a", 10_000, (5.0, [5]), 2)])
        env = env_with(1)
        result = (event_time(env.from_collection(records), 0).key_by(lambda t: t[0])
                  .window(TumblingEventTimeWindows.of(Time.seconds(5)))
                  .reduce(lambda x, y: (x[0], x[1] + y[1], y[2]), FiringsPerKey())
                  .execute_and_collect())
        self.assertEqual(list(result), [("a", 5_000, ("a", 4, 1_000), 1), ("a", 10_000, ("a", 5, 6_000), 2)])

    def test_apply_runs_a_window_function_and_count_windows_fire_every_n_records_of_a_key(self):
        env = env_with(1)
        records = [("a", i, 0) for i in range(1, 6)] + [("b", 10, 0)]
        result = env.from_collection(records).key_by(lambda t: t[0]).count_window(2).apply(Total()).execute_and_collect()
        # A count window fires when it holds 2 records: "a"'s fifth record and "b"'s only one never fire. PyFlink numbers
        # each key's count windows from 0.
        self.assertEqual(sorted(result), [("a", "CountWindow(id=0)", 3), ("a", "CountWindow(id=1)", 7)])

    def test_global_windows_fire_by_their_trigger_and_a_purging_trigger_clears_them(self):
        env = env_with(1)
        records = [("k", i, 0) for i in range(1, 6)]
        result = (env.from_collection(records).key_by(lambda t: t[0]).window(GlobalWindows.create())
                  .trigger(CountTrigger.of(2)).sum(1).execute_and_collect())
        self.assertEqual(list(result), [("k", 3, 0), ("k", 10, 0)])
        env = env_with(1)
        result = (env.from_collection(records).key_by(lambda t: t[0]).window(GlobalWindows.create())
                  .trigger(PurgingTrigger.of(CountTrigger.of(2))).sum(1).execute_and_collect())
        self.assertEqual(list(result), [("k", 3, 0), ("k", 7, 0)])

    def test_with_allowed_lateness_and_a_late_data_output_every_record_is_in_a_last_firing_or_in_the_late_output(self):
        env = env_with(1)
        late = OutputTag("late")
        # Which of the out-of-order records come late depends on when the periodic watermark runs; that each record
        # ends up either in its window's last firing or in the late output, exactly once, does not.
        records = [("k", 1, 1_000), ("k", 2, 6_000), ("k", 4, 2_000), ("k", 8, 12_000), ("k", 16, 3_000),
                   ("k", 32, 7_000)]
        windowed = (event_time(env.from_collection(records), 0).key_by(lambda t: t[0])
                    .window(TumblingEventTimeWindows.of(Time.seconds(5))).allowed_lateness(2_000)
                    .side_output_late_data(late).process(SumWithStart()))
        result = windowed.union(windowed.get_side_output(late).map(lambda r: ("late", r[1]))).execute_and_collect()
        last_firings = {}
        late_values = []
        for record in result:
            if record[0] == "late":
                late_values.append(record[1])
            else:
                last_firings[record[0]] = record[1]
        self.assertEqual(sum(last_firings.values()) + sum(late_values), 63)
        self.assertEqual(last_firings[10_000], 8)


if __name__ == "__main__":
    unittest.main()

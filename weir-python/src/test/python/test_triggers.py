"""Triggers written in Python (PyFlink's Trigger: on_element, on_event_time, on_processing_time, can_merge, on_merge,
clear, with the context's timers and partitioned state), run by Weir's window operator; exact records each job
produces, the same Flink's window operator gives for the same triggers."""
import unittest

from weir.common import Time
from weir.datastream import (CountTrigger, EventTimeSessionWindows, GlobalWindows, PurgingTrigger,
                             TumblingEventTimeWindows, Trigger, TriggerResult)
from weir.datastream.state import AggregatingStateDescriptor, ReducingStateDescriptor, ValueStateDescriptor
from weir.datastream.functions import AggregateFunction
from weir.errors import JobExecutionError
from streams_for_tests import env_with, event_time


class EveryNth(Trigger):
    """Flink's CountTrigger written in Python: a reducing state counts the window's records and fires at ``n``."""

    def __init__(self, n):
        super().__init__()
        self.n = n
        self.count = ReducingStateDescriptor("count", lambda a, b: a + b)

    def on_element(self, element, timestamp, window, ctx):
        count = ctx.get_partitioned_state(self.count)
        count.add(1)
        if count.get() >= self.n:
            count.clear()
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def clear(self, window, ctx):
        ctx.get_partitioned_state(self.count).clear()


class Count(AggregateFunction):
    def create_accumulator(self):
        return 0

    def add(self, value, accumulator):
        return accumulator + 1

    def get_result(self, accumulator):
        return accumulator

    def merge(self, acc_a, acc_b):
        return acc_a + acc_b


class AtTheEndWithTwoRecords(Trigger):
    """An event-time trigger for session windows that fires a window at its end only if it holds at least two records:
    the count (an aggregating state) of merged sessions is merged with merge_partitioned_state, the timer re-registered
    for the merged window, as Flink's EventTimeTrigger does."""

    def __init__(self):
        super().__init__()
        self.count = AggregatingStateDescriptor("records", Count())

    def on_element(self, element, timestamp, window, ctx):
        ctx.get_partitioned_state(self.count).add(element)
        ctx.register_event_time_timer(window.max_timestamp())
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        if time == window.max_timestamp() and ctx.get_partitioned_state(self.count).get() >= 2:
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self):
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self.count)
        if window.max_timestamp() > ctx.get_current_watermark():
            ctx.register_event_time_timer(window.max_timestamp())

    def clear(self, window, ctx):
        ctx.delete_event_time_timer(window.max_timestamp())
        ctx.get_partitioned_state(self.count).clear()


class FireOnTheFirstRecordAndAtTheEnd(Trigger):
    """Fires a tumbling window early on its first record (remembered in a value state) and again at its end."""

    def __init__(self):
        super().__init__()
        self.seen = ValueStateDescriptor("seen")

    def on_element(self, element, timestamp, window, ctx):
        ctx.register_event_time_timer(window.max_timestamp())
        seen = ctx.get_partitioned_state(self.seen)
        if seen.value() is None:
            seen.update(True)
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.FIRE if time == window.max_timestamp() else TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def clear(self, window, ctx):
        ctx.delete_event_time_timer(window.max_timestamp())
        ctx.get_partitioned_state(self.seen).clear()


class Broken(EveryNth):
    def on_element(self, element, timestamp, window, ctx):
        return "FIRE"


class TriggerTest(unittest.TestCase):
    def numbers(self, env):
        return env.from_collection([("k", i, 0) for i in range(1, 6)]).key_by(lambda t: t[0]) \
            .window(GlobalWindows.create())

    def test_a_count_trigger_written_in_python_fires_as_flink_s_count_trigger(self):
        # As CountTrigger.of(2) in test_windows: FIRE keeps the window's contents, so the second firing sums four.
        self.assertEqual(list(self.numbers(env_with(1)).trigger(EveryNth(2)).sum(1).execute_and_collect()),
                         [("k", 3, 0), ("k", 10, 0)])
        self.assertEqual(list(self.numbers(env_with(1)).trigger(CountTrigger.of(2)).sum(1).execute_and_collect()),
                         [("k", 3, 0), ("k", 10, 0)])

    def test_a_purging_trigger_of_a_python_trigger_purges_the_window_when_it_fires(self):
        self.assertEqual(list(self.numbers(env_with(1)).trigger(PurgingTrigger.of(EveryNth(2))).sum(1)
                              .execute_and_collect()), [("k", 3, 0), ("k", 7, 0)])

    def test_a_merging_trigger_merges_its_state_when_session_windows_merge(self):
        env = env_with(1)
        records = [("a", 1, 1), ("b", 10, 2), ("a", 2, 5), ("a", 4, 30), ("a", 8, 35), ("b", 20, 40)]
        result = event_time(env.from_collection(records)).key_by(lambda t: t[0]) \
            .window(EventTimeSessionWindows.with_gap(Time.milliseconds(10))).trigger(AtTheEndWithTwoRecords()) \
            .reduce(lambda x, y: (x[0], x[1] + y[1], y[2])).execute_and_collect()
        # a's sessions [1, 15) and [30, 45) hold two records each; b's [2, 12) and [40, 50) one each, so never fire.
        self.assertEqual(sorted(result), [("a", 3, 5), ("a", 12, 35)])

    def test_a_trigger_fires_early_from_its_value_state_and_again_at_the_window_s_end(self):
        env = env_with(1)
        records = [("k", 1, 1), ("k", 2, 3), ("k", 4, 12), ("k", 8, 14)]
        result = event_time(env.from_collection(records)).key_by(lambda t: t[0]) \
            .window(TumblingEventTimeWindows.of(Time.milliseconds(10))).trigger(FireOnTheFirstRecordAndAtTheEnd()) \
            .reduce(lambda x, y: (x[0], x[1] + y[1], y[2])).execute_and_collect()
        # The early firing of [10, 20) may come before or after [0, 10) ends: that depends on when watermarks are sent.
        self.assertEqual(sorted(result), [("k", 1, 1), ("k", 3, 3), ("k", 4, 12), ("k", 12, 14)])

    def test_a_trigger_that_answers_no_trigger_result_fails_the_job_naming_it(self):
        with self.assertRaises(JobExecutionError) as failed:
            self.numbers(env_with(1)).trigger(Broken(2)).sum(1).execute_and_collect()
        self.assertIn("it must return a TriggerResult (CONTINUE, FIRE, PURGE or FIRE_AND_PURGE)", str(failed.exception))

    def test_trigger_results_say_whether_they_fire_and_purge_as_pyflink_s(self):
        self.assertEqual([(r.name, r.is_fire(), r.is_purge()) for r in TriggerResult],
                         [("CONTINUE", False, False), ("FIRE_AND_PURGE", True, True), ("FIRE", True, False),
                          ("PURGE", False, True)])


if __name__ == "__main__":
    unittest.main()

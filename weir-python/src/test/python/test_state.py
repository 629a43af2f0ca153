"""Reducing and aggregating state and state time-to-live: kept by Weir, the user's functions run in Python."""
import time
import unittest

from weir.common import Time
from weir.datastream import AggregateFunction, KeyedProcessFunction, StreamExecutionEnvironment
from weir.datastream.state import (AggregatingStateDescriptor, ReducingStateDescriptor, StateTtlConfig,
                                   ValueStateDescriptor)

READINGS = [("a", 3), ("b", 10), ("a", 7), ("a", 5), ("b", 4)]


def keyed_run(function, records=READINGS):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    return list(env.from_collection(records).key_by(lambda r: r[0]).process(function).execute_and_collect())


class RunningMax(KeyedProcessFunction):
    def open(self, runtime_context):
        self.max = runtime_context.get_reducing_state(ReducingStateDescriptor("max", lambda a, b: max(a, b)))

    def process_element(self, value, ctx):
        self.max.add(value[1])
        yield ctx.get_current_key(), self.max.get()


class Average(AggregateFunction):
    def create_accumulator(self):
        return 0, 0

    def add(self, value, accumulator):
        return accumulator[0] + value, accumulator[1] + 1

    def get_result(self, accumulator):
        return accumulator[0] / accumulator[1]


class RunningAverage(KeyedProcessFunction):
    def open(self, runtime_context):
        self.average = runtime_context.get_aggregating_state(AggregatingStateDescriptor("average", Average()))

    def process_element(self, value, ctx):
        before = self.average.get()
        self.average.add(value[1])
        yield ctx.get_current_key(), before, self.average.get()
        if value[1] == 5:
            self.average.clear()


class ShortAndLongLived(KeyedProcessFunction):
    def open(self, runtime_context):
        short = ValueStateDescriptor("short")
        short.enable_time_to_live(StateTtlConfig.new_builder(Time.milliseconds(1)).never_return_expired().build())
        long = ValueStateDescriptor("long")
        long.enable_time_to_live(StateTtlConfig.new_builder(Time.minutes(10))
                                 .set_update_type(StateTtlConfig.UpdateType.OnReadAndWrite).build())
        self.short = runtime_context.get_state(short)
        self.long = runtime_context.get_state(long)

    def process_element(self, value, ctx):
        if value[1] == 1:
            self.short.update("short-lived")
            self.long.update("long-lived")
            yield "first", self.long.value()
        else:
            time.sleep(0.01)  # the short-lived value's millisecond has certainly passed
            yield "second", self.short.value(), self.long.value()


class StateTest(unittest.TestCase):
    def test_a_reducing_state_combines_each_added_value_with_the_reduce_function(self):
        self.assertEqual(keyed_run(RunningMax()), [("a", 3), ("b", 10), ("a", 7), ("a", 7), ("b", 10)])

    def test_an_aggregating_state_feeds_its_accumulator_and_answers_the_result(self):
        self.assertEqual(keyed_run(RunningAverage()),
                         [("a", None, 3.0), ("b", None, 10.0), ("a", 3.0, 5.0), ("a", 5.0, 5.0), ("b", 10.0, 7.0)])

    def test_a_value_is_gone_once_its_time_to_live_passed_and_kept_within_it(self):
        self.assertEqual(keyed_run(ShortAndLongLived(), [("k", 1), ("k", 2)]),
                         [("first", "long-lived"), ("second", None, "long-lived")])

    def test_a_state_descriptor_refuses_a_time_to_live_that_is_not_a_state_ttl_config(self):
        with self.assertRaises(TypeError) as refused:
            ValueStateDescriptor("v").enable_time_to_live(Time.seconds(1))
        self.assertEqual(str(refused.exception), "enable_time_to_live needs a StateTtlConfig "
                         "(StateTtlConfig.new_builder(Time.seconds(1)).build()), not Time(1000 ms)")


if __name__ == "__main__":
    unittest.main()

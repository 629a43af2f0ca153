"""Process functions: keyed state (value, list, map) and timers kept by Weir, reached from Python."""
import unittest

from weir.datastream import OutputTag, KeyedProcessFunction, ProcessFunction, TimeDomain
from weir.datastream.state import ListStateDescriptor, MapStateDescriptor, ValueStateDescriptor
from weir.errors import JobExecutionError
from streams_for_tests import by_key, env_with, event_time


class Count(KeyedProcessFunction):
    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count"))

    def process_element(self, value, ctx):
        count = (self.count.value() or 0) + 1
        self.count.update(count)
        yield ctx.get_current_key(), count


class CollectUntilTimer(KeyedProcessFunction):
    def open(self, runtime_context):
        self.seen = runtime_context.get_list_state(ListStateDescriptor("seen"))

    def process_element(self, value, ctx):
        self.seen.add(value[1])
        ctx.timer_service().register_event_time_timer(10_000)

    def on_timer(self, timestamp, ctx):
        yield ctx.get_current_key(), sorted(self.seen.get()), timestamp, ctx.time_domain() == TimeDomain.EVENT_TIME
        self.seen.clear()


class WordsPerUser(KeyedProcessFunction):
    def open(self, runtime_context):
        self.words = runtime_context.get_map_state(MapStateDescriptor("words"))

    def process_element(self, value, ctx):
        word = value[1]
        self.words.put(word, (self.words.get(word) or 0) + 1)
        yield value[0], dict(sorted(self.words.items()))


class WithTimestamp(ProcessFunction):
    def process_element(self, value, ctx):
        yield value[0], ctx.timestamp()


class StateWithoutKey(ProcessFunction):
    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count"))

    def process_element(self, value, ctx):
        yield self.count.value()


LATE = OutputTag("late")


class SplitLate(ProcessFunction):
    def process_element(self, value, ctx):
        if value[1] == "late":
            yield LATE, value[0]
        else:
            yield value[0]


class FlagLarge(KeyedProcessFunction):
    def process_element(self, value, ctx):
        yield value
        if value[1] > 10:
            yield LATE, ("large", value)


class ProcessTest(unittest.TestCase):
    def test_value_state_counts_per_key_across_two_subtasks(self):
        env = env_with(2)
        result = (env.from_collection(["a", "b", "a", "a", "b"])
                  .key_by(lambda word: word).process(Count()).execute_and_collect())
        self.assertEqual(by_key(result), {"a": [("a", 1), ("a", 2), ("a", 3)], "b": [("b", 1), ("b", 2)]})

    def test_event_time_timers_fire_once_per_key_with_the_list_state_they_collected(self):
        env = env_with(2)
        records = [("a", 2, 1_000), ("b", 5, 1_500), ("a", 1, 2_000)]
        result = (event_time(env.from_collection(records))
                  .key_by(lambda t: t[0]).process(CollectUntilTimer()).execute_and_collect())
        self.assertEqual(sorted(result), [("a", [1, 2], 10_000, True), ("b", [5], 10_000, True)])

    def test_map_state_keeps_a_map_per_key(self):
        env = env_with(1)
        records = [("ann", "hi"), ("bob", "yo"), ("ann", "hi"), ("ann", "ok")]
        result = env.from_collection(records).key_by(lambda t: t[0]).process(WordsPerUser()).execute_and_collect()
        self.assertEqual(by_key(result), {"ann": [("ann", {"hi": 1}), ("ann", {"hi": 2}), ("ann", {"hi": 2, "ok": 1})],
                                          "bob": [("bob", {"yo": 1})]})

    def test_a_process_function_sees_each_records_timestamp(self):
        env = env_with(1)
        result = (event_time(env.from_collection([("x", 0, 5), ("y", 0, 7)]))
                  .process(WithTimestamp()).execute_and_collect())
        self.assertEqual(list(result), [("x", 5), ("y", 7)])

    def test_state_on_a_stream_that_is_not_keyed_fails_the_job_saying_to_key_it(self):
        env = env_with(1)
        stream = env.from_collection([1]).process(StateWithoutKey()).name("unkeyed")
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        lines = str(failed.exception).splitlines()
        self.assertEqual(lines[0], "The Python function of unkeyed (subtask 1 of 1) failed on the record 1:")
        self.assertEqual(lines[-1], "weir.errors.StateUnavailableError: state and timers need a keyed stream: call "
                                    "key_by(...) before process(...) and use a KeyedProcessFunction "
                                    "(KeyedCoProcessFunction on connected streams)")

    def test_a_process_function_yields_to_a_side_output_with_its_tag(self):
        env = env_with(1)
        main = env.from_collection([(1, "ok"), (2, "late"), (3, "ok")]).process(SplitLate())
        main.print()
        self.assertEqual(list(main.get_side_output(LATE).execute_and_collect()), [2])

    def test_a_keyed_process_function_yields_to_a_side_output_and_its_main_output(self):
        env = env_with(2)
        main = env.from_collection([("a", 5), ("b", 50)]).key_by(lambda t: t[0]).process(FlagLarge())
        both = main.get_side_output(LATE).union(main).execute_and_collect()
        self.assertEqual(sorted(both, key=str), [("a", 5), ("b", 50), ("large", ("b", 50))])

    def test_union_merges_the_records_of_both_streams(self):
        env = env_with(1)
        first = env.from_collection([1, 2])
        second = env.from_collection([10]).map(lambda x: x + 1)
        self.assertEqual(sorted(first.union(second).map(lambda x: x * 2).execute_and_collect()), [2, 4, 22])


if __name__ == "__main__":
    unittest.main()

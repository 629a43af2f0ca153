"""Connected streams keyed with key_by(...): a KeyedCoProcessFunction with state both inputs share and timers, a
CoProcessFunction on streams that are not keyed, and a CoMapFunction on keyed connected streams."""
import unittest

from weir.datastream import CoMapFunction, CoProcessFunction, KeyedCoProcessFunction, OutputTag
from weir.datastream.state import ValueStateDescriptor
from streams_for_tests import env_with, event_time

UNMATCHED = OutputTag("unmatched")


class EnrichOrders(KeyedCoProcessFunction):
    """Orders (input 1) wait for their customer's name (input 2) until 10 s after the order; then go aside."""

    def open(self, runtime_context):
        self.name = runtime_context.get_state(ValueStateDescriptor("name"))
        self.pending = runtime_context.get_state(ValueStateDescriptor("pending"))

    def process_element1(self, value, ctx):
        name = self.name.value()
        if name is not None:
            yield ctx.get_current_key(), value[1], name
        else:
            self.pending.update(value[1])
            ctx.timer_service().register_event_time_timer(ctx.timestamp() + 10_000)

    def process_element2(self, value, ctx):
        self.name.update(value[1])
        pending = self.pending.value()
        if pending is not None:
            self.pending.clear()
            yield ctx.get_current_key(), pending, value[1]

    def on_timer(self, timestamp, ctx):
        pending = self.pending.value()
        if pending is not None:
            self.pending.clear()
            yield UNMATCHED, (ctx.get_current_key(), pending, timestamp)


class Interleave(CoProcessFunction):
    def process_element1(self, value, ctx):
        yield "left", value, ctx.timestamp()

    def process_element2(self, value, ctx):
        yield "right", value, ctx.timestamp()


class Sides(CoMapFunction):
    def open(self, runtime_context):
        self.subtask = runtime_context.get_index_of_this_subtask()

    def map1(self, value):
        return value % 3, self.subtask

    def map2(self, value):
        return len(value) % 3, self.subtask


class CoProcessTest(unittest.TestCase):
    def test_a_keyed_co_process_function_shares_state_between_inputs_and_fires_timers_per_key(self):
        env = env_with(2)
        orders = event_time(env.from_collection([("c1", "book", 1_000), ("c2", "pen", 2_000), ("c3", "ink", 3_000)]))
        customers = event_time(env.from_collection([("c1", "Ada", 500), ("c2", "Bob", 4_000)]))
        enriched = (orders.connect(customers).key_by(lambda o: o[0], lambda c: c[0]).process(EnrichOrders())
                    .name("enrich"))
        result = enriched.union(enriched.get_side_output(UNMATCHED).map(lambda r: ("unmatched",) + r))
        self.assertEqual(sorted(result.execute_and_collect()),
                         [("c1", "book", "Ada"), ("c2", "pen", "Bob"), ("unmatched", "c3", "ink", 13_000)])

    def test_a_co_process_function_sees_each_input_with_its_timestamp(self):
        env = env_with(1)
        left = event_time(env.from_collection([("a", 1, 10)]))
        right = env.from_collection(["b"])
        result = left.connect(right).process(Interleave()).execute_and_collect()
        self.assertEqual(sorted(result, key=str), [("left", ("a", 1, 10), 10), ("right", "b", None)])

    def test_key_by_on_connected_streams_sends_both_sides_of_a_key_to_one_subtask(self):
        env = env_with(2)
        numbers = env.from_collection(list(range(6)))
        words = env.from_collection(["x" * n for n in range(6)])
        mapped = numbers.connect(words).key_by(lambda n: n % 3, lambda w: len(w) % 3).map(Sides())
        subtasks = {}
        for key, subtask in mapped.execute_and_collect():
            subtasks.setdefault(key, set()).add(subtask)
        self.assertEqual(sorted(subtasks), [0, 1, 2])
        self.assertEqual([len(s) for s in subtasks.values()], [1, 1, 1])

    def test_process_with_a_keyed_co_process_function_needs_key_by_first(self):
        env = env_with(1)
        with self.assertRaises(TypeError) as refused:
            env.from_collection([1]).connect(env.from_collection([2])).process(EnrichOrders())
        self.assertEqual(str(refused.exception), "process(...) with a KeyedCoProcessFunction needs keyed connected "
                                                 "streams: call key_by(key_selector1, key_selector2) first")


if __name__ == "__main__":
    unittest.main()

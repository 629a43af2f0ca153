"""The broadcast state pattern: a stream connected with ``broadcast(MapStateDescriptor)``, run by a
KeyedBroadcastProcessFunction (keyed state, timers, the broadcast state read-only) or a BroadcastProcessFunction."""
import unittest

from weir.common import Types
from weir.datastream import (BroadcastConnectedStream, BroadcastProcessFunction, BroadcastStream,
                             KeyedBroadcastProcessFunction, OutputTag)
from weir.datastream.state import ListStateDescriptor, MapStateDescriptor, ValueStateDescriptor
from weir.errors import JobExecutionError, StateUnavailableError
from streams_for_tests import env_with, event_time

LIMITS = MapStateDescriptor("limits", Types.STRING(), Types.INT())
UNITS = MapStateDescriptor("units", Types.STRING(), Types.STRING())
NO_LIMIT = OutputTag("no-limit")
TOTAL = ValueStateDescriptor("total", Types.LONG())


class AlertAboveTheLimit(KeyedBroadcastProcessFunction):
    """Readings wait in keyed state for a timer at their event time; the limits all have event time 0, so the
    operator's watermark passes 0 only once the last limit arrived, and the alerts do not depend on how the two inputs
    interleave."""

    def open(self, runtime_context):
        self.readings = runtime_context.get_list_state(ListStateDescriptor("readings"))

    def process_element(self, value, ctx):
        self.readings.add((ctx.timestamp(), value[1]))
        ctx.timer_service().register_event_time_timer(ctx.timestamp())

    def process_broadcast_element(self, value, ctx):
        sensor, limit, _ = value
        limits = ctx.get_broadcast_state(LIMITS)
        if limit is None:
            limits.remove(sensor)
        else:
            limits.put(sensor, limit)
        ctx.get_broadcast_state(UNITS)[sensor] = "C"

    def on_timer(self, timestamp, ctx):
        limits = ctx.get_broadcast_state(LIMITS)
        sensor = ctx.get_current_key()
        readings = [reading for time, reading in self.readings.get() if time == timestamp]
        self.readings.update([kept for kept in self.readings.get() if kept[0] != timestamp])
        if sensor not in limits:
            yield NO_LIMIT, (sensor, sorted(readings))
            return
        for reading in readings:
            if reading > limits.get(sensor):
                yield sensor, reading, limits[sensor], ctx.get_broadcast_state(UNITS).get(sensor), timestamp


class Rules(BroadcastProcessFunction):
    """Broadcast records update the rules and say what they replaced; elements check that they cannot change them."""

    def process_broadcast_element(self, value, ctx):
        limits = ctx.get_broadcast_state(LIMITS)
        before = limits.get(value[0])
        if value[1] is None:
            limits.remove(value[0])
        else:
            limits.put(value[0], value[1])
        yield "rule", value[0], before, value[1], sorted(limits.items()), value[0] in limits

    def process_element(self, value, ctx):
        try:
            ctx.get_broadcast_state(LIMITS).put(value, 0)
            yield "written", value
        except StateUnavailableError:
            yield "read-only", value, ctx.timestamp()


class BroadcastStateTest(unittest.TestCase):
    def test_keyed_readings_are_checked_against_the_limits_broadcast_to_every_subtask(self):
        env = env_with(2)
        readings = event_time(env.from_collection([("a", 5, 1000), ("b", 50, 1000), ("a", 15, 2000), ("c", 99, 2000),
                                                   ("b", 25, 3000), ("a", 30, 3000)])).map(lambda r: (r[0], r[1]))
        # One limit per sensor: the two subtasks of the timestamp assigner may broadcast them in either order.
        limits = event_time(env.from_collection([("a", 10, 0), ("b", 20, 0), ("d", 1, 0)]))
        broadcast = limits.broadcast(LIMITS, UNITS)
        self.assertIsInstance(broadcast, BroadcastStream)
        connected = readings.key_by(lambda r: r[0]).connect(broadcast)
        self.assertIsInstance(connected, BroadcastConnectedStream)
        alerts = connected.process(AlertAboveTheLimit())
        collected = sorted(alerts.get_side_output(NO_LIMIT).map(lambda r: ("no limit",) + r).union(alerts)
                           .execute_and_collect())
        self.assertEqual(collected, [("a", 15, 10, "C", 2000), ("a", 30, 10, "C", 3000), ("b", 25, 20, "C", 3000),
                                     ("b", 50, 20, "C", 1000), ("no limit", "c", [99])])

    def test_a_broadcast_process_function_writes_the_broadcast_state_only_on_the_broadcast_side(self):
        env = env_with(1)
        elements = env.from_collection(["x", "y"])
        rules = env.from_collection([("a", 1), ("b", 2), ("a", 3), ("b", None)]).broadcast(LIMITS)
        collected = list(elements.connect(rules).process(Rules()).execute_and_collect())
        self.assertEqual([r for r in collected if r[0] == "rule"],
                         [("rule", "a", None, 1, [("a", 1)], True), ("rule", "b", None, 2, [("a", 1), ("b", 2)], True),
                          ("rule", "a", 1, 3, [("a", 3), ("b", 2)], True), ("rule", "b", 2, None, [("a", 3)], False)])
        self.assertEqual(sorted(r for r in collected if r[0] != "rule"), [("read-only", "x", None),
                                                                          ("read-only", "y", None)])

    def test_a_broadcast_state_the_stream_was_not_given_fails_the_job_naming_it(self):
        class Unknown(BroadcastProcessFunction):
            def process_broadcast_element(self, value, ctx):
                ctx.get_broadcast_state(MapStateDescriptor("other")).put(value, value)

            def process_element(self, value, ctx):
                yield value

        env = env_with(1)
        stream = env.from_collection([1]).connect(env.from_collection([2]).broadcast(LIMITS)).process(Unknown())
        with self.assertRaises(JobExecutionError) as failed:
            stream.execute_and_collect()
        self.assertIn("the broadcast state 'other' does not exist", str(failed.exception))

    def test_the_function_must_fit_the_stream_and_the_descriptors_must_be_map_state_descriptors(self):
        env = env_with(1)
        broadcast = env.from_collection([1]).broadcast(LIMITS)
        with self.assertRaises(TypeError):
            env.from_collection([1]).connect(broadcast).process(AlertAboveTheLimit())
        with self.assertRaises(TypeError):
            env.from_collection([1]).key_by(lambda x: x).connect(broadcast).process(Rules())
        with self.assertRaises(TypeError):
            env.from_collection([1]).broadcast(ListStateDescriptor("x"))
        with self.assertRaises(NotImplementedError) as keyed_state:
            AlertAboveTheLimit.Context(None, None, False).apply_to_keyed_state(ListStateDescriptor("x"), print)
        self.assertIn("apply_to_keyed_state(...) is for process_broadcast_element, as in Flink", str(keyed_state.exception))

    def test_apply_to_keyed_state_gives_every_key_that_has_the_state_its_own_state_to_change(self):
        env = env_with(2)
        amounts = event_time(env.from_collection([("a", 1, 1), ("b", 2, 1), ("a", 4, 2), ("c", 8, 2), ("b", 16, 3)]))
        bonuses = event_time(env.from_collection([("bonus", 100, 0), ("bonus", 1000, 0)])).broadcast(BONUSES)
        totals = amounts.key_by(lambda record: record[0]).connect(bonuses).process(TotalWithBonuses())
        self.assertEqual(sorted(totals.execute_and_collect()), [("a", 1105), ("b", 1118), ("c", 1108)])


BONUSES = MapStateDescriptor("bonuses", Types.STRING(), Types.INT())


class TotalWithBonuses(KeyedBroadcastProcessFunction):
    """Each key's total of its amounts and of every bonus, whichever input comes first: a bonus is added to the keys
    that have a total (apply_to_keyed_state) and remembered in the broadcast state for keys that come later; the totals
    are emitted at the end of input (a timer at the last event time)."""

    def open(self, runtime_context):
        self.total = runtime_context.get_state(TOTAL)

    def process_element(self, value, ctx):
        total = self.total.value()
        if total is None:
            total = sum(ctx.get_broadcast_state(BONUSES).values())
            ctx.timer_service().register_event_time_timer(1000)
        self.total.update(total + value[1])

    def process_broadcast_element(self, value, ctx):
        bonuses = ctx.get_broadcast_state(BONUSES)
        bonuses.put("bonus %d" % value[1], value[1])

        def add_bonus(key, state):
            state.update(state.value() + value[1])

        ctx.apply_to_keyed_state(TOTAL, add_bonus)

    def on_timer(self, timestamp, ctx):
        yield ctx.get_current_key(), self.total.value()


if __name__ == "__main__":
    unittest.main()

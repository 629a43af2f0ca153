"""A KeyedProcessFunction's records cross to Python in bundles of many keys: state per key, timers (registered and
deleted across bundles), side outputs and errors are those of one record at a time, at any bundle size."""
import unittest

from weir.common import Configuration, Row, WatermarkStrategy
from weir.datastream import KeyedProcessFunction, OutputTag, StreamExecutionEnvironment
from weir.datastream.state import ListStateDescriptor, ReducingStateDescriptor, ValueStateDescriptor
from weir.errors import JobExecutionError

LARGE = OutputTag("large")
#: Event-time timers this late fire only when the input ends, so where they fire does not depend on when watermarks
#: are emitted.
LATE = 1_000_000
RECORDS = [("k%d" % (n % 4), n) for n in range(1, 41)]


class Tracker(KeyedProcessFunction):
    """A running total (value state), the values seen (list state) and the largest (reducing state) per key; a timer
    per record, and the timer of the key's previous record deleted on every third record."""

    def open(self, runtime_context):
        self.total = runtime_context.get_state(ValueStateDescriptor("total"))
        self.seen = runtime_context.get_list_state(ListStateDescriptor("seen"))
        self.largest = runtime_context.get_reducing_state(ReducingStateDescriptor("largest", max))

    def process_element(self, value, ctx):
        key, n = value
        total = (self.total.value() or 0) + n
        self.total.update(total)
        self.seen.add(n)
        self.largest.add(n)
        ctx.timer_service().register_event_time_timer(LATE + n)
        if n % 3 == 0:
            ctx.timer_service().delete_event_time_timer(LATE + n - 4)
        yield key, n, total, len(list(self.seen.get())), self.largest.get(), ctx.timestamp()
        if total > 150:
            yield LARGE, (key, total)

    def on_timer(self, timestamp, ctx):
        yield "timer", ctx.get_current_key(), timestamp, self.total.value()


def expected():
    """What a one-record-at-a-time process function emits, computed here."""
    totals, seen, timers, outputs, large = {}, {}, {}, [], []
    for key, n in RECORDS:
        totals[key] = totals.get(key, 0) + n
        seen.setdefault(key, []).append(n)
        timers.setdefault(key, set()).add(LATE + n)
        if n % 3 == 0:
            timers[key].discard(LATE + n - 4)
        outputs.append((key, n, totals[key], len(seen[key]), max(seen[key]), n))
        if totals[key] > 150:
            large.append((key, totals[key]))
    fired = sorted((time, key) for key in timers for time in timers[key])
    return outputs + [("timer", key, time, totals[key]) for time, key in fired], large


def run(bundle_size):
    config = Configuration()
    if bundle_size is not None:
        config.set_string("python.fn-execution.bundle.size", str(bundle_size))
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(1)
    processed = (env.from_collection(RECORDS)
                 .assign_timestamps_and_watermarks(WatermarkStrategy.for_monotonous_timestamps()
                                                   .with_timestamp_assigner(lambda value, previous: value[1]))
                 .key_by(lambda value: value[0])
                 .process(Tracker()))
    large = processed.get_side_output(LARGE)
    result = list(processed.union(large).execute_and_collect())
    return [r for r in result if len(r) != 2], [r for r in result if len(r) == 2]


class ProcessBundlesTest(unittest.TestCase):
    def test_outputs_state_timers_and_side_outputs_are_those_of_one_record_at_a_time_at_any_bundle_size(self):
        outputs, large = expected()
        for bundle_size in (7, None):
            with self.subTest(bundle_size=bundle_size):
                self.assertEqual(run(bundle_size), (outputs, large))

    def test_an_error_in_a_bundled_record_names_that_record_and_the_traceback(self):
        class FailsOnSeven(KeyedProcessFunction):
            def process_element(self, value, ctx):
                if value[1] == 7:
                    raise ValueError("seven")
                yield value

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        stream = env.from_collection(RECORDS).key_by(lambda value: value[0]).process(FailsOnSeven())
        with self.assertRaises(JobExecutionError) as failed:
            list(stream.execute_and_collect())
        message = str(failed.exception)
        self.assertIn("failed on the record ('k3', 7):", message)
        self.assertIn('raise ValueError("seven")', message)
        self.assertTrue(message.rstrip().endswith("ValueError: seven"), message)

    def test_rows_which_marshal_cannot_write_cross_back_from_a_bundle_as_tagged_values(self):
        class Emits(KeyedProcessFunction):
            def process_element(self, value, ctx):
                yield Row(value[0], value[1])

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        rows = env.from_collection(RECORDS[:5]).key_by(lambda value: value[0]).process(Emits())
        self.assertEqual([tuple(row) for row in rows.execute_and_collect()], RECORDS[:5])

    def test_a_value_marshal_writes_but_the_jvm_takes_only_tagged_fails_naming_it(self):
        class Emits(KeyedProcessFunction):
            def process_element(self, value, ctx):
                yield {1, 2} if value[1] == 3 else value[1]

        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_parallelism(1)
        failing = env.from_collection(RECORDS).key_by(lambda value: value[0]).process(Emits())
        with self.assertRaises(JobExecutionError) as failed:
            list(failing.execute_and_collect())
        self.assertIn("failed on the outputs of a bundle:\nTypeError: a set ({1, 2}) cannot cross between Python and "
                      "Weir's JVM", str(failed.exception))


if __name__ == "__main__":
    unittest.main()

"""A bundle is answered in chunks, marshalled where marshal can write the answers and tagged where it cannot: the
records that come back, and the record an error names, do not depend on where a chunk ends."""
import unittest
from collections import namedtuple

from weir._internal import codec
from weir._internal.bundle_reply import CHUNK, BundleReply
from weir.common import Configuration, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment
from weir.datastream.connectors import NumberSequenceSource
from weir.errors import JobExecutionError
from streams_for_tests import env_with

RECORDS = 2 * CHUNK + 1000  # three chunks
Point = namedtuple("Point", "x y")


def _map(function, name="m"):
    return env_with(1).from_collection(range(RECORDS)).map(function).name(name)


def _mixed(x):
    if x < CHUNK + 5:
        return x
    return str(x) if x < 2 * CHUNK else x % 2 == 0


class BundlesTest(unittest.TestCase):
    def test_answers_whose_type_changes_between_chunks_come_back_as_they_were_in_order(self):
        self.assertEqual(list(_map(_mixed).execute_and_collect()), [_mixed(x) for x in range(RECORDS)])

    def test_answers_marshal_cannot_write_in_a_later_chunk_cross_as_tagged_values(self):
        result = _map(lambda x: Point(x, 1) if x >= CHUNK + 7 else -x).execute_and_collect()
        self.assertEqual(list(result), [(x, 1) if x >= CHUNK + 7 else -x for x in range(RECORDS)])

    def test_filter_and_key_by_over_several_chunks_keep_the_records_they_decide_on(self):
        env = env_with(1)
        kept = (env.from_collection(range(RECORDS)).filter(lambda x: x % 3 == 0).key_by(lambda x: x % 2)
                .map(lambda x: x + 1).execute_and_collect())
        self.assertEqual(list(kept), [x + 1 for x in range(RECORDS) if x % 3 == 0])

    def test_a_set_in_a_later_chunk_fails_the_job_naming_its_record(self):
        with self.assertRaises(JobExecutionError) as failed:
            _map(lambda x: {x} if x == 2 * CHUNK + 3 else x, "sets").execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines(),
                         ["The Python function of sets (subtask 1 of 1) failed on the record %d:" % (2 * CHUNK + 3),
                          "TypeError: a set ({%d}) cannot cross between Python and Weir's JVM: records must be built "
                          "from None, bool, int, float, str, bytes, tuple, list, dict and Row" % (2 * CHUNK + 3)])

    def test_an_int_over_64_bits_in_a_later_chunk_fails_the_job_naming_its_record(self):
        with self.assertRaises(JobExecutionError) as failed:
            _map(lambda x: 1 << 64 if x == CHUNK + 1 else x, "wide").execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines(),
                         ["The Python function of wide (subtask 1 of 1) failed on the record %d:" % (CHUNK + 1),
                          "TypeError: the integer 18446744073709551616 does not fit in 64 bits, the widest integer "
                          "Weir's JVM side holds; pass it as a str"])


def _typed(values):
    """Each value with its type: 1 == True and 2 == 2.0 in Python, so an int that came back as a bool or a float would
    otherwise pass."""
    return [(type(v), v) for v in values]


def _numbers_mapped(function):
    """A number sequence, read only by a Python map: its numbers reach Python unboxed, as one packed array a bundle."""
    env = env_with(1)
    numbers = env.from_source(NumberSequenceSource(1, RECORDS), WatermarkStrategy.no_watermarks(), "numbers")
    return list(numbers.map(function).name("numbers mapped").execute_and_collect())


class UnboxedAnswersTest(unittest.TestCase):
    """A bundle whose answers are all ints crosses unboxed; one answer of another type, anywhere in the bundle, sends
    the whole bundle's answers as values, each with its own type."""

    def test_int_answers_of_every_width_come_back_exactly(self):
        edges = [0, -1, 1 << 31, -(1 << 31) - 1, (1 << 62) + 3, (1 << 63) - 1, -(1 << 63)]
        answer = lambda x: edges[x % len(edges)] if x % 5 == 0 else x * 2 + 1
        self.assertEqual(_typed(_numbers_mapped(answer)), _typed(answer(x) for x in range(1, RECORDS + 1)))

    def test_a_float_in_the_middle_of_a_chunk_of_int_answers_comes_back_a_float_and_the_ints_stay_ints(self):
        answer = lambda x: x / 2 if x == CHUNK + 100 else x * 2
        self.assertEqual(_typed(_numbers_mapped(answer)), _typed(answer(x) for x in range(1, RECORDS + 1)))

    def test_bools_answered_for_numbers_stay_bools(self):
        answer = lambda x: x % 3 == 0
        self.assertEqual(_typed(_numbers_mapped(answer)), _typed(answer(x) for x in range(1, RECORDS + 1)))

    def test_a_str_after_the_first_chunk_of_int_answers_comes_back_in_its_place(self):
        answer = lambda x: "x%d" % x if x == 2 * CHUNK + 1 else -x
        self.assertEqual(_typed(_numbers_mapped(answer)), _typed(answer(x) for x in range(1, RECORDS + 1)))

    def test_int_answers_for_records_that_are_not_numbers_come_back_as_ints(self):
        words = ["w" * (x % 7) for x in range(RECORDS)]
        result = env_with(1).from_collection(words).map(len).execute_and_collect()
        self.assertEqual(_typed(result), _typed(len(w) for w in words))

    def test_an_error_after_int_answers_fails_the_job_naming_its_record(self):
        with self.assertRaises(JobExecutionError) as failed:
            _numbers_mapped(_fail_at(CHUNK + 9))
        lines = str(failed.exception).splitlines()
        self.assertEqual(lines[0], "The Python function of numbers mapped (subtask 1 of 1) failed on the record %d:"
                         % (CHUNK + 9))
        self.assertEqual(lines[1], "Traceback (most recent call last):")
        self.assertIn("    return x // (x - at)", lines)
        self.assertEqual(lines[-1], "ZeroDivisionError: integer division or modulo by zero")


def _in_small_bundles(records, bundle_size):
    """A stream whose records go to Python in bundles of ``bundle_size``: the JVM sends the next before it reads the
    answers to the one before, so two are in flight."""
    config = Configuration()
    config.set_string("python.fn-execution.bundle.size", str(bundle_size))
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(1)
    return env.from_collection(records)


class BundlesInFlightTest(unittest.TestCase):
    def test_records_and_answers_larger_than_the_sockets_buffers_cross_in_order_with_two_bundles_in_flight(self):
        large = ["%d:%s" % (i, "x" * 400_000) for i in range(9)]
        result = _in_small_bundles(large, 2).map(lambda s: s[:s.index(":")] + "y" * 300_000).execute_and_collect()
        self.assertEqual(list(result), ["%d%s" % (i, "y" * 300_000) for i in range(9)])

    def test_a_set_in_a_bundle_answered_while_the_next_is_in_flight_fails_the_job_naming_its_record(self):
        with self.assertRaises(JobExecutionError) as failed:
            _in_small_bundles(list(range(40)), 5).map(lambda x: {x} if x == 12 else x).name("sets") \
                .execute_and_collect()
        self.assertEqual(str(failed.exception).splitlines(),
                         ["The Python function of sets (subtask 1 of 1) failed on the record 12:",
                          "TypeError: a set ({12}) cannot cross between Python and Weir's JVM: records must be built "
                          "from None, bool, int, float, str, bytes, tuple, list, dict and Row"])


def _fail_at(at):
    def answer(x):
        return x // (x - at)
    return answer


class BundleReplyTest(unittest.TestCase):
    """The worker's side alone, without a JVM."""

    def _reply(self, inputs, function):
        bundle = BundleReply(inputs)
        return bundle, bundle.reply(lambda kind, f, chunk, answers: answers.extend(map(f, chunk)), "map", function)

    def test_an_error_in_a_later_chunk_counts_the_records_answered_before_it(self):
        bundle = BundleReply(list(range(RECORDS)))
        with self.assertRaises(ZeroDivisionError):
            bundle.reply(lambda kind, f, chunk, answers: answers.extend(map(f, chunk)), "map", _fail_at(CHUNK + 9))
        self.assertEqual(bundle.done, CHUNK + 9)

    def test_a_reply_that_turns_to_tagged_values_holds_every_answer_in_order(self):
        answers = [x if x < CHUNK else Point(x, 0) for x in range(RECORDS)]
        _, reply = self._reply(list(range(RECORDS)), lambda x: answers[x])
        self.assertEqual(bytes(reply[4:]), bytes(codec.encode(answers, bytearray(b"R"))))

    def test_the_tagged_form_of_a_marshalled_reply_holds_the_same_answers(self):
        bundle, _ = self._reply(list(range(RECORDS)), lambda x: (x, str(x)))
        tagged = bundle.tagged_reply()
        self.assertEqual(codec.decode(tagged[5:])[0], [(x, str(x)) for x in range(RECORDS)])


if __name__ == "__main__":
    unittest.main()

"""execute_async(): the job runs in the background and its JobClient gives its id, its status, cancel() and its
result, as PyFlink's."""
import glob
import os
import tempfile
import time
import unittest

from weir.common import Configuration, Encoder, Time, JobClient, JobExecutionResult, JobID, JobStatus, WatermarkStrategy
from weir.datastream import StreamExecutionEnvironment, TumblingEventTimeWindows
from weir.datastream.connectors import FileSink, NumberSequenceSource
from weir.errors import InvalidProgramError, JobExecutionError


def env_with(parallelism):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(parallelism)
    return env


def committed_lines(base):
    lines = []
    for path in glob.glob(os.path.join(base, "**", "part-*"), recursive=True):
        with open(path, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return sorted(lines)


LAST = 2000


class JobClientTest(unittest.TestCase):
    def test_execute_async_returns_at_once_and_its_client_gives_the_job_s_id_status_and_result(self):
        base = tempfile.mkdtemp(prefix="weir-python-async-")
        env = env_with(2)
        env.from_collection([1, 2, 3]).map(lambda n: str(n * 10)) \
            .sink_to(FileSink.for_row_format(base, Encoder.simple_string_encoder()).build())
        client = env.execute_async("async job")
        self.assertIsInstance(client, JobClient)
        job_id = client.get_job_id()
        self.assertIsInstance(job_id, JobID)
        self.assertRegex(job_id.to_hex_string(), "^[0-9a-f]{32}$")
        result = client.get_job_execution_result().result(timeout=300)  # only against a hang
        self.assertIsInstance(result, JobExecutionResult)
        self.assertEqual((result.get_job_name(), result.get_job_id()), ("async job", job_id))
        self.assertEqual(client.get_job_status().result(), JobStatus.FINISHED)
        self.assertTrue(JobStatus.FINISHED.is_globally_terminal_state())
        self.assertEqual(committed_lines(base), ["10", "20", "30"])

    def test_cancel_stops_a_running_job_whose_result_then_raises(self):
        # A cancelled job ends once the bundle in flight is answered (as a checkpoint waits for it): small bundles of
        # this slow function let it end at once.
        config = Configuration()
        config.set_string("python.fn-execution.bundle.size", "10")
        env = StreamExecutionEnvironment.get_execution_environment(config)
        env.set_parallelism(1)
        started = tempfile.mkdtemp(prefix="weir-python-async-")

        def slow(n):
            open(os.path.join(started, "running"), "w").close()
            time.sleep(0.01)
            return n

        env.from_source(NumberSequenceSource(1, 10 ** 9), WatermarkStrategy.no_watermarks(), "numbers") \
            .map(slow).print()
        client = env.execute_async()
        self.addCleanup(client.cancel)  # a failed assertion must not leave the endless job running
        deadline = time.monotonic() + 300  # only against a hang
        while not os.path.exists(os.path.join(started, "running")) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertEqual(client.get_job_status().result(), JobStatus.RUNNING)
        client.cancel().result()
        with self.assertRaises(JobExecutionError) as cancelled:
            client.get_job_execution_result().result(timeout=300)
        self.assertIn("was cancelled", str(cancelled.exception))
        self.assertEqual(client.get_job_status().result(), JobStatus.CANCELED)

    def test_a_refused_program_s_result_raises_the_refusal(self):
        env = env_with(1)
        env.from_collection([("a", 1)]).key_by(lambda p: p[0]).window(TumblingEventTimeWindows.of(Time.seconds(5))) \
            .sum(1).print()
        client = env.execute_async()
        with self.assertRaises(InvalidProgramError) as refused:
            client.get_job_execution_result().result(timeout=300)
        self.assertIn("assign_timestamps_and_watermarks(", str(refused.exception))
        self.assertEqual(client.get_job_status().result(), JobStatus.FAILED)

    def test_a_savepoint_of_the_running_job_and_a_stop_with_savepoint_that_a_new_job_restores(self):
        directory = tempfile.mkdtemp(prefix="weir-python-savepoints-")
        started = os.path.join(directory, "running")

        def job(configuration, slow):
            env = StreamExecutionEnvironment.get_execution_environment(configuration)
            env.set_parallelism(1)
            sums = env.from_source(NumberSequenceSource(1, LAST), WatermarkStrategy.no_watermarks(), "numbers") \
                .uid("numbers").map(slow).uid("slow").key_by(lambda pair: pair[0]) \
                .reduce(lambda a, b: (b[0], a[1] + b[1])).uid("sums")
            return env, sums

        def slow(n):
            open(started, "w").close()
            time.sleep(0.01)  # the job runs for 20 s unless stopped
            return n % 2, n

        config = Configuration()
        config.set_string("python.fn-execution.bundle.size", "10")
        env, sums = job(config, slow)
        sums.print()
        client = env.execute_async("savepoints")
        self.addCleanup(client.cancel)  # a failed assertion must not leave the job running
        deadline = time.monotonic() + 300  # only against a hang
        while not os.path.exists(started) and time.monotonic() < deadline:
            time.sleep(0.01)
        taken = client.trigger_savepoint(os.path.join(directory, "taken")).result(timeout=300)
        self.assertTrue(os.path.isfile(os.path.join(taken, "_metadata")), taken)
        self.assertEqual(client.get_job_status().result(), JobStatus.RUNNING)
        stopped = client.stop_with_savepoint(False, os.path.join(directory, "stopped")).result(timeout=300)
        self.assertTrue(os.path.isfile(os.path.join(stopped, "_metadata")), stopped)
        client.get_job_execution_result().result(timeout=300)
        self.assertEqual(client.get_job_status().result(), JobStatus.FINISHED)
        with self.assertRaises(JobExecutionError):
            client.trigger_savepoint().result(timeout=300)

        # A job restored from the stop's savepoint goes on from there: it reads only the records after it, and the
        # keys' sums end where one run's would.
        restore = Configuration()
        restore.set_string("execution.savepoint.path", stopped)
        restore.set_string("execution.savepoint.ignore-unclaimed-state", "true")  # the print sink is not there now
        env, sums = job(restore, lambda n: (n % 2, n))
        resumed = list(sums.execute_and_collect())
        self.assertLess(len(resumed), LAST)
        last = {}
        for key, total in resumed:
            last[key] = total
        self.assertEqual(last, {0: sum(range(2, LAST + 1, 2)), 1: sum(range(1, LAST + 1, 2))})


if __name__ == "__main__":
    unittest.main()

"""execute_async(): the job runs in the background and its JobClient gives its id, its status, cancel() and its
result, as PyFlink's."""
import glob
import os
import tempfile
import time
import unittest

from weir.common import Encoder, Time, JobClient, JobExecutionResult, JobID, JobStatus, WatermarkStrategy
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
        env = env_with(1)
        started = tempfile.mkdtemp(prefix="weir-python-async-")

        def slow(n):
            open(os.path.join(started, "running"), "w").close()
            time.sleep(0.01)
            return n

        env.from_source(NumberSequenceSource(1, 10 ** 9), WatermarkStrategy.no_watermarks(), "numbers") \
            .map(slow).print()
        client = env.execute_async()
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

    def test_savepoints_through_the_client_are_refused_naming_the_alternative(self):
        client = JobClient("job")
        with self.assertRaises(NotImplementedError) as stop:
            client.stop_with_savepoint(False, "/tmp/savepoints")
        self.assertIn("execution.savepoint.path", str(stop.exception))


if __name__ == "__main__":
    unittest.main()

"""A keyed Python job whose JVM is killed restores from its last checkpoint: the source resumes where the checkpoint
was taken and the keyed state (kept by Weir, written from Python, or a keyed reduce's running value) comes back
exactly."""
import glob
import os
import signal
import tempfile
import threading
import time
import unittest

from weir._internal import driver
from weir.common import Configuration, WatermarkStrategy
from weir.datastream import EmbeddedRocksDBStateBackend, KeyedProcessFunction, StreamExecutionEnvironment
from weir.datastream.connectors import NumberSequenceSource
from weir.datastream.state import ValueStateDescriptor
from weir.errors import InvalidProgramError, JobExecutionError

LAST = 300
REACHED = 100


class RunningSum(KeyedProcessFunction):
    def open(self, runtime_context):
        self.total = runtime_context.get_state(ValueStateDescriptor("total"))

    def process_element(self, value, ctx):
        total = (self.total.value() or 0) + value
        self.total.update(total)
        yield ctx.get_current_key(), value, total


def completed_checkpoints(directory):
    return sorted(glob.glob(os.path.join(directory, "**", "chk-*", "_metadata"), recursive=True),
                  key=lambda path: int(os.path.basename(os.path.dirname(path))[4:]))


def job(configuration, map_function):
    env = StreamExecutionEnvironment.get_execution_environment(configuration)
    env.set_parallelism(1)
    return numbers_summed(env, map_function)


def rocksdb_job(configuration, map_function):
    """The same job with its keyed state in RocksDB, as PyFlink sets it."""
    env = StreamExecutionEnvironment.get_execution_environment(configuration)
    env.set_parallelism(1)
    env.set_state_backend(EmbeddedRocksDBStateBackend(enable_incremental_checkpointing=True))
    return numbers_summed(env, map_function)


def numbers_summed(env, map_function):
    return (env.from_source(NumberSequenceSource(1, LAST), WatermarkStrategy.no_watermarks(), "numbers").uid("numbers")
            .map(map_function).uid("paced")
            .key_by(lambda n: n % 3)
            .process(RunningSum()).uid("sums"))


def reduce_job(configuration, map_function):
    """The same running sums by a keyed reduce in bundles: (key, value, total) records."""
    env = StreamExecutionEnvironment.get_execution_environment(configuration)
    env.set_parallelism(1)
    return (env.from_source(NumberSequenceSource(1, LAST), WatermarkStrategy.no_watermarks(), "numbers").uid("numbers")
            .map(map_function).uid("paced")
            .map(lambda n: (n % 3, n, n)).uid("triples")
            .key_by(lambda t: t[0])
            .reduce(lambda a, b: (b[0], b[1], a[2] + b[2])).uid("sums"))


class RestoreTest(unittest.TestCase):
    def test_a_killed_jvm_restores_the_keyed_python_state_and_the_source_position_from_the_last_checkpoint(self):
        self._kill_restore_and_check_the_running_sums(job)

    def test_a_killed_jvm_restores_a_bundled_keyed_reduce_s_running_values_from_the_last_checkpoint(self):
        self._kill_restore_and_check_the_running_sums(reduce_job)

    def test_a_killed_jvm_restores_keyed_python_state_kept_in_rocksdb_from_the_last_checkpoint(self):
        latest = self._kill_restore_and_check_the_running_sums(rocksdb_job)
        # The incremental checkpoint holds RocksDB's own files, which only the RocksDB backend restores.
        on_the_heap = Configuration()
        on_the_heap.set_string("execution.savepoint.path", latest)
        with self.assertRaises(InvalidProgramError) as refused:
            job(on_the_heap, lambda n: n).execute_and_collect()
        self.assertIn("Restore it with state.backend.type: rocksdb", str(refused.exception))

    def test_state_backend_type_rocksdb_in_the_configuration_restores_as_well(self):
        def configured_rocksdb_job(configuration, map_function):
            configuration.set_string("state.backend.type", "rocksdb")
            return job(configuration, map_function)
        self._kill_restore_and_check_the_running_sums(configured_rocksdb_job)

    def _kill_restore_and_check_the_running_sums(self, job):
        checkpoints = tempfile.mkdtemp(prefix="weir-python-chk-")
        config = Configuration()
        config.set_string("execution.checkpointing.interval", "30 ms")
        config.set_string("execution.checkpointing.dir", checkpoints)
        config.set_string("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
        # A checkpoint waits for the bundle in flight to finish (as in PyFlink): small bundles of this slow function
        # let checkpoints complete between them.
        config.set_string("python.fn-execution.bundle.size", "10")

        reached = os.path.join(checkpoints, "reached")

        def paced(n):
            # Slow enough that checkpoints complete between records; the last record waits for the kill.
            time.sleep(0.002 if n < REACHED else 0.02)
            if n == REACHED:
                open(reached, "w").close()
            if n == LAST:
                time.sleep(120)  # only against a hang: the watcher kills the JVM long before
            return n

        def kill_after_a_checkpoint_past_the_reached_record():
            deadline = time.monotonic() + 120  # only against a hang
            while not os.path.exists(reached) and time.monotonic() < deadline:
                time.sleep(0.005)
            # Checkpoint directories appear when a checkpoint is triggered; one with a higher number was triggered
            # after the map saw record REACHED, so it holds at least REACHED records.
            triggered = max([int(os.path.basename(d)[4:]) for d in glob.glob(os.path.join(checkpoints, "*", "chk-*"))],
                            default=0)
            while time.monotonic() < deadline:
                done = [int(os.path.basename(os.path.dirname(m))[4:]) for m in completed_checkpoints(checkpoints)]
                if done and max(done) > triggered:
                    break
                time.sleep(0.005)
            os.kill(driver.jvm_pid, signal.SIGKILL)

        watcher = threading.Thread(target=kill_after_a_checkpoint_past_the_reached_record)
        watcher.start()
        with self.assertRaises(JobExecutionError):
            job(config, paced).execute_and_collect()
        watcher.join()
        latest = os.path.dirname(completed_checkpoints(checkpoints)[-1])

        restore = Configuration()
        restore.set_string("execution.savepoint.path", latest)
        resumed = list(job(restore, lambda n: n).execute_and_collect())

        self.assertLessEqual(len(resumed), LAST - REACHED, "the source resumed from the checkpoint, not from the start")
        self.assertEqual([value for _, value, _ in resumed], list(range(LAST - len(resumed) + 1, LAST + 1)))
        for key, value, total in resumed:
            self.assertEqual(total, sum(m for m in range(1, value + 1) if m % 3 == key), "running sum at %d" % value)
        return latest


if __name__ == "__main__":
    unittest.main()

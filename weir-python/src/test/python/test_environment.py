"""The environment's PyFlink settings: max parallelism, job parameters, runtime mode, checkpoint and execution config,
state backend, and the calls Weir accepts without effect or refuses at the call."""
import glob
import json
import os
import sys
import tempfile
import time
import unittest

from weir.common import Configuration, ExecutionConfig, WatermarkStrategy
from weir.datastream import (CheckpointConfig, CheckpointingMode, CustomCheckpointStorage, EmbeddedRocksDBStateBackend,
                             ExternalizedCheckpointRetention, FileSystemCheckpointStorage, JobManagerCheckpointStorage, HashMapStateBackend, MapFunction, RuntimeExecutionMode,
                             TimeCharacteristic)
from weir.datastream.connectors import NumberSequenceSource
from weir.errors import JobExecutionError
from streams_for_tests import env_with


class WhatTheContextSays(MapFunction):
    def open(self, runtime_context):
        self.context = runtime_context

    def map(self, value):
        c = self.context
        return (value, c.get_max_number_of_parallel_subtasks(), c.get_job_parameter("threshold", "none"),
                c.get_job_parameter("missing", "default"), c.get_attempt_number(), c.get_task_name_with_subtasks())


class Counted(MapFunction):
    def open(self, runtime_context):
        self.counter = runtime_context.get_metrics_group().add_group("weir").counter("seen")

    def map(self, value):
        self.counter.inc()
        return value, self.counter.get_count()


class EnvironmentTest(unittest.TestCase):
    def test_the_runtime_context_reports_max_parallelism_and_global_job_parameters(self):
        env = env_with(1)
        env.set_max_parallelism(64)
        env.get_config().set_global_job_parameters({"threshold": "10"})
        mapped = env.from_collection([1]).map(WhatTheContextSays()).name("ctx")
        self.assertEqual(list(mapped.execute_and_collect()), [(1, 64, "10", "default", 0, "ctx (1/1)")])

    def test_without_a_max_parallelism_the_context_reports_weirs_default_of_128(self):
        env = env_with(1)
        self.assertEqual(env.get_max_parallelism(), -1)
        result = env.from_collection([1]).map(WhatTheContextSays()).execute_and_collect()
        self.assertEqual([r[1:3] for r in result], [(128, "none")])

    def test_a_metric_group_counts_in_the_worker(self):
        env = env_with(1)
        self.assertEqual(list(env.from_collection(["a", "b", "c"]).map(Counted()).execute_and_collect()),
                         [("a", 1), ("b", 2), ("c", 3)])

    def test_batch_mode_makes_a_rolling_reduce_emit_one_final_value_per_key(self):
        env = env_with(1)
        env.set_runtime_mode(RuntimeExecutionMode.BATCH)
        sums = (env.from_collection([("a", 1), ("b", 2), ("a", 3), ("a", 4)]).key_by(lambda t: t[0])
                .reduce(lambda x, y: (x[0], x[1] + y[1])))
        self.assertEqual(sorted(sums.execute_and_collect()), [("a", 8), ("b", 2)])

    def test_streaming_mode_makes_a_rolling_reduce_emit_one_value_per_record(self):
        env = env_with(1)
        env.set_runtime_mode(RuntimeExecutionMode.STREAMING)
        sums = (env.from_collection([("a", 1), ("b", 2), ("a", 3)]).key_by(lambda t: t[0])
                .reduce(lambda x, y: (x[0], x[1] + y[1])))
        self.assertEqual(list(sums.execute_and_collect()), [("a", 1), ("b", 2), ("a", 4)])

    def test_checkpoint_config_writes_flinks_checkpointing_options(self):
        env = env_with(1)
        config = env.get_checkpoint_config()
        self.assertIsInstance(config, CheckpointConfig)
        self.assertFalse(config.is_checkpointing_enabled())
        self.assertEqual(env.get_checkpoint_interval(), -1)
        env.enable_checkpointing(500, CheckpointingMode.AT_LEAST_ONCE)
        config.set_checkpoint_timeout(60000)
        config.set_min_pause_between_checkpoints(100)
        config.set_max_concurrent_checkpoints(2)
        config.set_tolerable_checkpoint_failure_number(3)
        config.set_externalized_checkpoint_retention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION)
        config.enable_unaligned_checkpoints()
        self.assertEqual((env.get_checkpoint_interval(), env.get_checkpointing_mode(), config.get_checkpoint_timeout(),
                          config.get_min_pause_between_checkpoints(), config.get_max_concurrent_checkpoints(),
                          config.get_tolerable_checkpoint_failure_number(), config.is_externalized_checkpoints_enabled(),
                          config.is_unaligned_checkpoints_enabled()),
                         (500, CheckpointingMode.AT_LEAST_ONCE, 60000, 100, 2, 3, True, True))
        self.assertEqual(env._configuration, {
            "execution.checkpointing.mode": "AT_LEAST_ONCE", "execution.checkpointing.timeout": "60000 ms",
            "execution.checkpointing.min-pause": "100 ms", "execution.checkpointing.max-concurrent-checkpoints": "2",
            "execution.checkpointing.tolerable-failed-checkpoints": "3",
            "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
            "execution.checkpointing.unaligned.enabled": "true"})

    def test_a_checkpoint_storage_names_where_the_checkpoints_are_written(self):
        directory = tempfile.mkdtemp(prefix="weir-python-storage-")
        env = env_with(1)
        config = env.get_checkpoint_config()
        storage = FileSystemCheckpointStorage("file://" + directory)
        config.set_checkpoint_storage(storage)
        self.assertIs(config.get_checkpoint_storage(), storage)
        self.assertEqual((env._configuration["execution.checkpointing.storage"], config.get_checkpoint_storage_dir()),
                         ("filesystem", "file://" + directory))
        env.enable_checkpointing(30)
        configured = Configuration()
        configured.set_string("python.fn-execution.bundle.size", "10")
        env.configure(configured)

        def paced(n):
            time.sleep(0.01)  # the endless job runs until the test has seen a checkpoint and cancels it
            return n

        env.from_source(NumberSequenceSource(1, 10 ** 9), WatermarkStrategy.no_watermarks(), "numbers") \
            .map(paced).print()
        client = env.execute_async()
        self.addCleanup(client.cancel)
        deadline = time.monotonic() + 120  # only against a hang
        while not glob.glob(os.path.join(directory, "**", "chk-*"), recursive=True) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertNotEqual(glob.glob(os.path.join(directory, "**", "chk-*"), recursive=True), [])
        client.cancel()
        with self.assertRaises(JobExecutionError):
            client.get_job_execution_result().result(timeout=300)  # only against a hang
        memory = JobManagerCheckpointStorage()
        env_with(1).get_checkpoint_config().set_checkpoint_storage(memory)
        self.assertIsNone(memory.get_checkpoint_path())
        with self.assertRaises(TypeError):
            config.set_checkpoint_storage("file:///tmp")
        with self.assertRaises(NotImplementedError):
            CustomCheckpointStorage(object())

    def test_a_job_with_at_least_once_checkpoints_and_its_settings_runs_to_its_end(self):
        env = env_with(2)
        env.enable_checkpointing(50, CheckpointingMode.AT_LEAST_ONCE)
        env.get_checkpoint_config().set_min_pause_between_checkpoints(10)
        env.get_config().set_auto_watermark_interval(50)
        env.set_state_backend(HashMapStateBackend())
        env.disable_operator_chaining()
        counts = (env.from_collection([("a", 1)] * 50 + [("b", 1)] * 20).key_by(lambda t: t[0])
                  .reduce(lambda x, y: (x[0], x[1] + y[1])))
        self.assertEqual(max(c for c in counts.execute_and_collect() if c[0] == "a"), ("a", 50))

    def test_execution_config_reads_back_what_it_set(self):
        env = env_with(3)
        config = env.get_config()
        self.assertIsInstance(config, ExecutionConfig)
        config.set_auto_watermark_interval(50).enable_object_reuse().set_max_parallelism(256)
        self.assertEqual((config.get_auto_watermark_interval(), config.is_object_reuse_enabled(),
                          config.get_parallelism(), config.get_max_parallelism(), env.get_max_parallelism()),
                         (50, True, 3, 256, 256))

    def test_set_stream_time_characteristic_sets_the_watermark_interval_as_flink_1_12_does(self):
        env = env_with(1)
        self.assertEqual(env.get_stream_time_characteristic(), TimeCharacteristic.EventTime)
        env.set_stream_time_characteristic(TimeCharacteristic.ProcessingTime)
        self.assertEqual((env.get_stream_time_characteristic(), env.get_config().get_auto_watermark_interval()),
                         (TimeCharacteristic.ProcessingTime, 0))
        env.set_stream_time_characteristic(TimeCharacteristic.EventTime)
        self.assertEqual(env.get_config().get_auto_watermark_interval(), 200)

    def test_configure_adds_a_configurations_options(self):
        env = env_with(1)
        env.configure(Configuration().set_string("pipeline.max-parallelism", "32"))
        self.assertEqual(env.get_max_parallelism(), 32)

    def test_read_text_file_reads_each_line_as_a_str_record(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "lines.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("to be\nor not\n")
            env = env_with(1)
            self.assertEqual(list(env.read_text_file(path).execute_and_collect()), ["to be", "or not"])

    def test_add_python_file_makes_a_module_importable_by_the_functions(self):
        with tempfile.TemporaryDirectory() as directory:
            with open(os.path.join(directory, "weir_test_helpers.py"), "w", encoding="utf-8") as f:
                f.write("def triple(x):\n    return 3 * x\n")
            env = env_with(1)
            env.add_python_file(directory)

            def triple(x):
                import weir_test_helpers
                return weir_test_helpers.triple(x)

            self.assertEqual(list(env.from_collection([1, 2]).map(triple).execute_and_collect()), [3, 6])

    def test_calls_about_jars_and_interpreters_are_accepted_without_effect(self):
        env = env_with(1)
        env.add_jars("file:///opt/flink-sql-connector-kafka.jar").add_classpaths("file:///opt/x.jar")
        env.set_python_executable(sys.executable).set_python_requirements("requirements.txt")
        env.set_buffer_timeout(10)
        self.assertEqual((env.get_buffer_timeout(), env.is_chaining_enabled()), (10, True))
        self.assertEqual(list(env.from_collection([1]).map(lambda x: x + 1).execute_and_collect()), [2])
        env.close()

    def test_calls_weir_cannot_support_are_refused_at_the_call_naming_the_alternative(self):
        env = env_with(1)
        with self.assertRaises(NotImplementedError) as source:
            env.add_source(object())
        self.assertIn("add_source(...) is not supported by Weir's Python API", str(source.exception))
        self.assertIn("from_source(...)", str(source.exception))
        with self.assertRaises(NotImplementedError) as sink:
            env.from_collection([1]).add_sink(object())
        self.assertIn("sink_to(FileSink or KafkaSink)", str(sink.exception))
        with self.assertRaises(NotImplementedError) as archive:
            env.add_python_archive("venv.zip")
        self.assertIn("add_python_file(directory)", str(archive.exception))
        for call in (lambda: env.register_cached_file("/tmp/x", "x"),
                     lambda: env.from_collection([1]).cache(),
                     lambda: env.from_collection([(1, 1)]).key_by(lambda x: x[0]).count_window(2).evictor(None)):
            with self.assertRaises(NotImplementedError):
                call()

    def test_get_execution_plan_describes_the_job_built_so_far_in_flink_s_json_shape_without_running_it(self):
        env = env_with(2)
        counts = env.from_collection(["a", "b"]).map(lambda w: (w, 1)).name("pairs").key_by(lambda p: p[0]) \
            .name("by word").sum(1).name("counts")
        counts.rebalance().print().name("out")
        plan = json.loads(env.get_execution_plan())
        self.assertEqual([(n["id"], n["type"], n["pact"], n["contents"], n["parallelism"],
                           [(p["id"], p["ship_strategy"], p["side"]) for p in n.get("predecessors", [])])
                          for n in plan["nodes"][1:]],
                         [(2, "pairs", "Operator", "pairs", 2, [(1, "REBALANCE", "first")]),
                          (3, "by word", "Operator", "by word", 2, [(2, "FORWARD", "first")]),
                          (4, "counts", "Operator", "counts", 2, [(3, "HASH", "first")]),
                          (6, "Sink: out", "Data Sink", "out", 2, [(4, "REBALANCE", "first")])])
        self.assertEqual((plan["nodes"][0]["pact"], plan["nodes"][0]["parallelism"]), ("Data Source", 1))
        # The plan stays: the job still runs.
        self.assertEqual(sorted(counts.execute_and_collect()), [("a", 1), ("b", 1)])

    def test_settings_with_a_wrong_value_are_refused_at_the_call(self):
        env = env_with(1)
        with self.assertRaises(ValueError):
            env.set_max_parallelism(0)
        with self.assertRaises(TypeError):
            env.set_runtime_mode("BATCH")
        with self.assertRaises(TypeError):
            env.enable_checkpointing(100, "EXACTLY_ONCE")
        with self.assertRaises(ValueError):
            env.get_config().set_global_job_parameters({"a": "x,y"})


if __name__ == "__main__":
    unittest.main()

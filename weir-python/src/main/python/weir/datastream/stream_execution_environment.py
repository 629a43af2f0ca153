"""PyFlink's StreamExecutionEnvironment: where a Python program builds and runs its job."""
import base64
import time

from weir._internal import codec, driver
from weir._internal.plan import Plan
from weir.common.job_client import JobClient, JobExecutionResult
from weir.datastream.data_stream import DataStream
from weir.datastream.functions import set_job_settings


class StreamExecutionEnvironment:
    """The context of a streaming job, as PyFlink's: sources are added to it and ``execute()`` runs the job."""

    def __init__(self, configuration=None):
        self._configuration = configuration.to_dict() if configuration is not None else {}
        self._plan = Plan()
        self._parallelism = None
        self._checkpoint_interval = None
        self._state_backend = None
        self._buffer_timeout = 100
        self._time_characteristic = None

    @staticmethod
    def get_execution_environment(configuration=None):
        """A new environment; ``configuration`` (a Configuration of Flink's keys) is applied as Flink applies it."""
        return StreamExecutionEnvironment(configuration)

    def set_parallelism(self, parallelism):
        if isinstance(parallelism, bool) or not isinstance(parallelism, int) or parallelism < 1:
            raise ValueError("set_parallelism(...) needs a positive int, not %r" % (parallelism,))
        self._parallelism = parallelism
        return self

    def get_parallelism(self):
        return self._parallelism if self._parallelism is not None else 1

    def set_max_parallelism(self, max_parallelism):
        """The number of key groups keyed state is split into (1 to 32768): the bound of a later rescaling."""
        if isinstance(max_parallelism, bool) or not isinstance(max_parallelism, int) \
                or not 0 < max_parallelism <= 32768:
            raise ValueError("set_max_parallelism(...) needs an int from 1 to 32768, not %r" % (max_parallelism,))
        self._configuration["pipeline.max-parallelism"] = str(max_parallelism)
        return self

    def get_max_parallelism(self):
        """The max parallelism set, or -1 where Weir's default (128) applies, as Flink answers."""
        return int(self._configuration.get("pipeline.max-parallelism", "-1"))

    def enable_checkpointing(self, interval, mode=None):
        """Checkpoints every ``interval`` milliseconds (``mode`` a CheckpointingMode, exactly once by default);
        Python functions' records are never in flight at a barrier."""
        from weir.datastream.checkpointing_mode import CheckpointingMode
        if isinstance(interval, bool) or not isinstance(interval, int) or interval <= 0:
            raise ValueError("enable_checkpointing(...) needs an interval in milliseconds (a positive int), not %r"
                             % (interval,))
        if mode is not None and not isinstance(mode, CheckpointingMode):
            raise TypeError("enable_checkpointing(...) takes a CheckpointingMode as its mode, not %r" % (mode,))
        self._checkpoint_interval = interval
        if mode is not None:
            self._configuration["execution.checkpointing.mode"] = mode.name
        return self

    def get_checkpoint_config(self):
        """The checkpoint settings (timeout, min pause, mode, retention, unaligned, storage dir), as PyFlink's."""
        from weir.datastream.checkpoint_config import CheckpointConfig
        return CheckpointConfig(self)

    def get_checkpoint_interval(self):
        return self.get_checkpoint_config().get_checkpoint_interval()

    def get_checkpointing_mode(self):
        return self.get_checkpoint_config().get_checkpointing_mode()

    def get_config(self):
        """The execution settings (auto-watermark interval, object reuse, global job parameters), as PyFlink's."""
        from weir.common.execution_config import ExecutionConfig
        return ExecutionConfig(self)

    def configure(self, configuration):
        """Applies the options of ``configuration`` (a Configuration of Flink's keys) over the ones set so far."""
        from weir.common.configuration import Configuration
        if not isinstance(configuration, Configuration):
            raise TypeError("configure(...) needs a Configuration, not %r" % (configuration,))
        self._configuration.update(configuration.to_dict())
        return self

    def set_runtime_mode(self, execution_mode):
        """STREAMING (the default), BATCH or AUTOMATIC, as Flink's ``execution.runtime-mode``."""
        from weir.datastream.execution_mode import RuntimeExecutionMode
        if not isinstance(execution_mode, RuntimeExecutionMode):
            raise TypeError("set_runtime_mode(...) needs a RuntimeExecutionMode, not %r" % (execution_mode,))
        self._configuration["execution.runtime-mode"] = execution_mode.name
        return self

    def set_stream_time_characteristic(self, characteristic):
        """Flink 1.x's deprecated call (gone in Flink 2.x): event time is the default since Flink 1.12, and as there
        ``ProcessingTime`` only sets the periodic watermark interval to 0 and the others to 200 ms."""
        from weir.datastream.time_characteristic import TimeCharacteristic
        if not isinstance(characteristic, TimeCharacteristic):
            raise TypeError("set_stream_time_characteristic(...) needs a TimeCharacteristic, not %r" % (characteristic,))
        self._time_characteristic = characteristic
        interval = 0 if characteristic == TimeCharacteristic.ProcessingTime else 200
        self.get_config().set_auto_watermark_interval(interval)
        return self

    def get_stream_time_characteristic(self):
        from weir.datastream.time_characteristic import TimeCharacteristic
        return self._time_characteristic or TimeCharacteristic.EventTime

    def set_state_backend(self, state_backend):
        """Where keyed state lives: HashMapStateBackend() (the JVM's heap, Weir's default) or
        EmbeddedRocksDBStateBackend() (RocksDB on local disk)."""
        from weir.datastream.state_backend import StateBackend
        if not isinstance(state_backend, StateBackend):
            raise TypeError("set_state_backend(...) needs a StateBackend such as HashMapStateBackend(), not %r"
                            % (state_backend,))
        self._configuration.update(state_backend._settings())
        self._state_backend = state_backend
        return self

    def get_state_backend(self):
        return self._state_backend

    def disable_operator_chaining(self):
        """Runs every operator in a task of its own, as Flink's ``pipeline.operator-chaining.enabled: false``."""
        self._configuration["pipeline.operator-chaining.enabled"] = "false"
        return self

    def is_chaining_enabled(self):
        return self._configuration.get("pipeline.operator-chaining.enabled", "true") != "false"

    def set_buffer_timeout(self, timeout_millis):
        """Accepted and without effect: Weir hands a batch to the next task as soon as the producing task yields, so
        no buffer waits for a timeout."""
        if isinstance(timeout_millis, bool) or not isinstance(timeout_millis, int) or timeout_millis < -1:
            raise ValueError("set_buffer_timeout(...) needs milliseconds as an int of at least -1, not %r"
                             % (timeout_millis,))
        self._buffer_timeout = timeout_millis
        return self

    def get_buffer_timeout(self):
        return self._buffer_timeout

    def add_jars(self, *jars_path):
        """Accepted and without effect: Weir's connectors (Kafka, files) are part of Weir's own jars, and a Python
        program calls no Java function of its own."""
        return self

    def add_classpaths(self, *classpaths):
        """Accepted and without effect, as ``add_jars``."""
        return self

    def add_python_file(self, file_path):
        """Makes ``file_path`` (a .py file, a directory or a .zip) importable by the job's functions: Weir's workers
        are forks of this process, so it goes on this interpreter's ``sys.path``."""
        import os
        import sys
        path = os.path.abspath(file_path)
        if not os.path.exists(path):
            raise FileNotFoundError("add_python_file(...): %s does not exist" % file_path)
        entry = os.path.dirname(path) if path.endswith(".py") else path
        if entry not in sys.path:
            sys.path.insert(0, entry)
        return self

    def set_python_executable(self, python_exec):
        """Accepted and without effect: Weir runs Python functions in forks of the interpreter that runs this
        program, so start the program with the Python you want (e.g. ``venv/bin/python job.py``)."""
        return self

    def set_python_requirements(self, requirements_file_path, requirements_cache_dir=None):
        """Accepted and without effect: Weir runs Python functions in this interpreter, so install the requirements
        into it (``pip install -r requirements.txt``) before the job runs."""
        return self

    def add_python_archive(self, archive_path, target_dir=None):
        """Refused: Weir does not unpack archives for its workers, which are forks of this process."""
        raise NotImplementedError("add_python_archive(...) is not supported by Weir's Python API: Weir's workers are "
                                  "forks of this interpreter; unpack the archive and use add_python_file(directory), "
                                  "or start the program with the archive's interpreter")

    def close(self):
        """Releases nothing: the environment holds no resources between jobs."""

    def add_source(self, source_func, source_name="Custom Source", type_info=None):
        """Refused: PyFlink's add_source takes a Java SourceFunction, which Weir's Python API has none of."""
        raise NotImplementedError("add_source(...) is not supported by Weir's Python API (PyFlink's takes a Java "
                                  "SourceFunction): read with from_source(...) and a NumberSequenceSource, FileSource "
                                  "or KafkaSource, or with from_collection(...)")

    def execute_async(self, job_name=None):
        """Starts the job and returns at once with its JobClient (id, status, cancel(), result); the job runs on a
        thread of this process, which waits for it before it exits."""
        import threading
        name = job_name or "Python Streaming Job"
        client = JobClient(name)
        if any(node["kind"] == "collect" for node in self._plan.nodes):
            raise NotImplementedError("execute_async(...) of a job with execute_and_collect(...) is not supported: "
                                      "execute_and_collect() runs the job itself")
        plan, functions = self._take_plan(name)

        def run():
            from weir._internal import driver
            from weir.common.job_client import JobStatus
            started = time.monotonic()
            try:
                driver.run(plan, functions, client)
            except Exception as e:
                client._ended(JobStatus.CANCELED if client._cancel_requested else JobStatus.FAILED, error=e)
                return
            client._ended(JobStatus.FINISHED,
                          JobExecutionResult(name, int((time.monotonic() - started) * 1000), client._job_id))

        threading.Thread(target=run, name="weir-job-" + name).start()
        return client

    def get_execution_plan(self):
        """The job built so far as JSON in Flink's shape (``{"nodes": [{"id", "type", "pact", "contents",
        "parallelism", "predecessors": [{"id", "ship_strategy", "side"}]}]}``); nothing runs, and the plan stays."""
        from weir._internal.execution_plan import execution_plan
        return execution_plan(self._plan.nodes, self.get_parallelism())

    def register_cached_file(self, file_path, name, executable=False):
        """Refused: Weir's workers are forks of this process and read local files directly."""
        raise NotImplementedError("register_cached_file(...) is not supported by Weir's Python API: the job runs on "
                                  "this machine, so open the file by its path in the function")

    def read_text_file(self, file_path, charset_name="UTF-8"):
        """The lines of the file (or of every file under the directory) at ``file_path``, read once, as str records."""
        from weir.common.watermark_strategy import WatermarkStrategy
        from weir.datastream.connectors.file_system import FileSource, StreamFormat
        source = FileSource.for_record_stream_format(StreamFormat.text_line_format(charset_name), file_path).build()
        return self.from_source(source, WatermarkStrategy.no_watermarks(), "Custom File Source")

    def from_collection(self, collection, type_info=None):
        """A bounded source of the collection's values (None, bool, int, float, str, tuple, list, dict)."""
        values = list(collection)
        for index, value in enumerate(values):
            if value is None:
                raise TypeError("from_collection(...): the element at index %d is None; streams cannot hold None "
                                "records, so remove it or wrap it (e.g. in a tuple)" % index)
        try:
            data = codec.encode_all(values)
        except TypeError as e:
            raise TypeError("from_collection(...): %s" % e) from None
        node = self._plan.add("from_collection", values=base64.b64encode(data).decode("ascii"))
        return DataStream(self, node)

    def from_source(self, source, watermark_strategy, source_name, type_info=None):
        """A stream read from ``source`` (a NumberSequenceSource, FileSource or KafkaSource), with ``watermark_strategy``'s event time."""
        from weir.common.watermark_strategy import WatermarkStrategy
        from weir.datastream.connectors import FileSource, NumberSequenceSource
        from weir.datastream.connectors.kafka import KafkaSource
        if not isinstance(source, (NumberSequenceSource, FileSource, KafkaSource)):
            raise NotImplementedError("from_source(...) in Weir's Python API reads a NumberSequenceSource, a "
                                      "FileSource or a KafkaSource, not a %s: use one of them or from_collection(...)"
                                      % type(source).__name__)
        if not isinstance(watermark_strategy, WatermarkStrategy):
            raise TypeError("from_source(...) needs a WatermarkStrategy (e.g. WatermarkStrategy.no_watermarks()), not %r"
                            % (watermark_strategy,))
        plan = source._plan()
        node = self._plan.add(plan.pop("kind"), **plan)
        node["name"] = str(source_name)
        if watermark_strategy._assigner is None:
            node["strategy"] = watermark_strategy._plan()
            return self._read(source, DataStream(self, node))
        node["strategy"] = WatermarkStrategy.no_watermarks()._plan()
        # A Python timestamp assigner runs in a Python operator right after the source (and its value format).
        return self._read(source, DataStream(self, node)).assign_timestamps_and_watermarks(watermark_strategy)

    @staticmethod
    def _read(source, stream):
        """The source's records: a KafkaSource's values converted by their format (e.g. JSON to Rows)."""
        from weir.datastream.connectors.kafka import KafkaSource
        return source._read(stream) if isinstance(source, KafkaSource) else stream

    def execute(self, job_name=None):
        """Runs the job to its end; raises InvalidProgramError if Weir refuses it, JobExecutionError if it fails."""
        name = job_name or "Python Streaming Job"
        started = time.monotonic()
        self._run(name)
        return JobExecutionResult(name, int((time.monotonic() - started) * 1000))

    def _run(self, job_name):
        plan, functions = self._take_plan(job_name)
        return driver.run(plan, functions)

    def _take_plan(self, job_name):
        """The job's plan and functions; the environment starts a new plan, as Flink's does after execute()."""
        plan = {"job_name": job_name or "Python Streaming Job", "parallelism": self._parallelism,
                "checkpoint_interval": self._checkpoint_interval, "configuration": dict(self._configuration),
                "nodes": self._plan.nodes}
        functions = self._plan.functions
        self._plan.clear()
        max_parallelism = self.get_max_parallelism()
        set_job_settings(max_parallelism if max_parallelism > 0 else 128, self.get_config().get_global_job_parameters())
        return plan, functions

"""PyFlink's StreamExecutionEnvironment: where a Python program builds and runs its job."""
import base64
import time

from weir._internal import codec, driver
from weir._internal.plan import Plan
from weir.datastream.data_stream import DataStream


class JobExecutionResult:
    """What ``execute()`` returns once the job finished."""

    def __init__(self, job_name, net_runtime_millis):
        self._job_name = job_name
        self._net_runtime = net_runtime_millis

    def get_job_name(self):
        return self._job_name

    def get_net_runtime(self):
        return self._net_runtime


class StreamExecutionEnvironment:
    """The context of a streaming job, as PyFlink's: sources are added to it and ``execute()`` runs the job."""

    def __init__(self, configuration=None):
        self._configuration = configuration.to_dict() if configuration is not None else {}
        self._plan = Plan()
        self._parallelism = None
        self._checkpoint_interval = None

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

    def enable_checkpointing(self, interval, mode=None):
        """Checkpoints every ``interval`` milliseconds; Python functions' records are never in flight at a barrier."""
        if isinstance(interval, bool) or not isinstance(interval, int) or interval <= 0:
            raise ValueError("enable_checkpointing(...) needs an interval in milliseconds (a positive int), not %r"
                             % (interval,))
        self._checkpoint_interval = interval
        return self

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
            return DataStream(self, node)
        node["strategy"] = WatermarkStrategy.no_watermarks()._plan()
        # A Python timestamp assigner runs in a Python operator right after the source.
        return DataStream(self, node).assign_timestamps_and_watermarks(watermark_strategy)

    def execute(self, job_name=None):
        """Runs the job to its end; raises InvalidProgramError if Weir refuses it, JobExecutionError if it fails."""
        name = job_name or "Python Streaming Job"
        started = time.monotonic()
        self._run(name)
        return JobExecutionResult(name, int((time.monotonic() - started) * 1000))

    def _run(self, job_name):
        plan = {"job_name": job_name or "Python Streaming Job", "parallelism": self._parallelism,
                "checkpoint_interval": self._checkpoint_interval, "configuration": self._configuration, "nodes": self._plan.nodes}
        functions = self._plan.functions
        self._plan.clear()
        return driver.run(plan, functions)

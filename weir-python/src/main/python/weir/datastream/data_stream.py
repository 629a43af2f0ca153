"""PyFlink's DataStream, KeyedStream and WindowedStream: each call adds a node to the environment's plan."""
from weir.common.watermark_strategy import WatermarkStrategy
from weir.datastream.functions import (CoFlatMapFunction, CoMapFunction, FilterFunction, FlatMapFunction, KeyedProcessFunction, KeySelector,
                                       MapFunction, ProcessFunction, ReduceFunction, as_callable)
from weir.datastream.window import WindowAssigner


class DataStream:
    """A stream of records, as PyFlink's ``DataStream``."""

    def __init__(self, env, node):
        self._env = env
        self._node = node

    def _add(self, kind, function=None, **settings):
        return self._env._plan.add(kind, self._node, function, **settings)

    def get_name(self):
        return self._node["name"]

    def name(self, name):
        """Names this operator, as shown in Weir's errors and dashboard."""
        self._node["name"] = str(name)
        return self

    def uid(self, uid):
        self._node["uid"] = str(uid)
        return self

    def set_parallelism(self, parallelism):
        if not isinstance(parallelism, int) or parallelism < 1:
            raise ValueError("set_parallelism(...) on %s needs a positive int, not %r" % (self._node["name"], parallelism))
        self._node["parallelism"] = parallelism
        return self

    def map(self, func, output_type=None):
        """Applies ``func`` (a MapFunction or a function of one record) to each record."""
        function = as_callable(func, MapFunction, "map", "map(...)")
        return DataStream(self._env, self._add("map", ("map", function, func)))

    def flat_map(self, func, output_type=None):
        """Emits every value ``func`` yields or returns (a FlatMapFunction, a generator function, or a function
        returning a list) for each record."""
        function = as_callable(func, FlatMapFunction, "flat_map", "flat_map(...)")
        return DataStream(self._env, self._add("flat_map", ("flat_map", function, func)))

    def filter(self, func):
        """Keeps the records for which ``func`` is true."""
        function = as_callable(func, FilterFunction, "filter", "filter(...)")
        return DataStream(self._env, self._add("filter", ("filter", function, func)))

    def key_by(self, key_selector, key_type=None):
        """Partitions the stream by the key ``key_selector`` computes; keyed operations follow."""
        function = as_callable(key_selector, KeySelector, "get_key", "key_by(...)")
        return KeyedStream(self._env, self._add("key_by", ("key_by", function, key_selector)))

    def process(self, func, output_type=None):
        """Runs a ProcessFunction on each record; ``process_element`` yields the outputs."""
        if isinstance(func, KeyedProcessFunction):
            raise TypeError("process(...) with a KeyedProcessFunction needs a keyed stream: call key_by(...) first")
        if not isinstance(func, ProcessFunction):
            raise TypeError("process(...) needs a ProcessFunction, not %r" % (func,))
        return DataStream(self._env, self._add("process", ("process", None, func)))

    def union(self, *streams):
        """One stream of this stream's records and the others'."""
        for stream in streams:
            if not isinstance(stream, DataStream) or stream._env is not self._env:
                raise TypeError("union(...) needs DataStreams of the same environment, not %r" % (stream,))
        return DataStream(self._env, self._add("union", others=[s._node["id"] for s in streams]))

    def get_side_output(self, output_tag):
        """The records this process function emitted with ``yield output_tag, value``."""
        from weir.datastream.output_tag import OutputTag
        if not isinstance(output_tag, OutputTag):
            raise TypeError("get_side_output(...) needs an OutputTag, not %r" % (output_tag,))
        if self._node["kind"] not in ("process", "keyed_process"):
            raise TypeError("get_side_output(...) reads the side outputs of process(...); %s has none"
                            % self._node["name"])
        return DataStream(self._env, self._add("side_output", tag=output_tag.tag_id))

    def connect(self, other):
        """Connects this stream with ``other`` (records of both kept apart) for a CoMapFunction or CoFlatMapFunction."""
        if isinstance(other, DataStream) and other._env is self._env:
            return ConnectedStreams(self, other)
        raise TypeError("connect(...) needs a DataStream of the same environment, not %r" % (other,))

    def assign_timestamps_and_watermarks(self, watermark_strategy):
        """Gives records event time and the stream watermarks, as ``watermark_strategy`` says."""
        if not isinstance(watermark_strategy, WatermarkStrategy):
            raise TypeError("assign_timestamps_and_watermarks(...) needs a WatermarkStrategy, e.g. WatermarkStrategy"
                            ".for_bounded_out_of_orderness(Duration.of_seconds(5)).with_timestamp_assigner(...), not %r"
                            % (watermark_strategy,))
        function = None
        if watermark_strategy._assigner is not None:
            function = ("timestamp", watermark_strategy._assigner, watermark_strategy._assigner)
        return DataStream(self._env, self._add("assign_timestamps_and_watermarks", function,
                                               strategy=watermark_strategy._plan()))

    def print(self, sink_identifier=None):
        """Prints each record on standard output (``n> record`` when the sink runs in parallel), as Flink does."""
        if sink_identifier is not None:
            raise NotImplementedError("print(sink_identifier) is not supported by Weir's Python API yet; use print()")
        self._add("print")
        return self

    def sink_to(self, sink):
        """Writes the stream to ``sink`` (a FileSink or a KafkaSink), which runs in the JVM."""
        from weir.datastream.connectors import FileSink
        from weir.datastream.connectors.kafka import KafkaSink
        if not isinstance(sink, (FileSink, KafkaSink)):
            raise NotImplementedError("sink_to(...) in Weir's Python API writes to a FileSink or a KafkaSink, not %r"
                                      % (sink,))
        node = self._add("sink_to", sink=sink._sink_plan())
        return DataStreamSink(node)

    def execute_and_collect(self, job_name=None, limit=None):
        """Runs the job and returns its records: a list of at most ``limit`` of them, or an iterator over all."""
        self._add("collect")
        values = self._env._run(job_name)
        if limit is not None:
            return values[:limit]
        return CloseableIterator(values)

    def window(self, window_assigner):
        raise TypeError("window(...) works on a keyed stream: call key_by(...) first")


class KeyedStream(DataStream):
    """A stream partitioned by key, as PyFlink's ``KeyedStream``; map/filter/... on it give plain DataStreams."""

    def reduce(self, func):
        """Combines each record with the key's previous result and emits the result (a rolling reduce)."""
        function = as_callable(func, ReduceFunction, "reduce", "reduce(...)")
        return DataStream(self._env, self._add("reduce", ("reduce", function, func)))

    def sum(self, position_to_sum=0):
        return DataStream(self._env, self._add("sum", position=_position(position_to_sum, "sum")))

    def min(self, position_to_min=0):
        return DataStream(self._env, self._add("min", position=_position(position_to_min, "min")))

    def max(self, position_to_max=0):
        return DataStream(self._env, self._add("max", position=_position(position_to_max, "max")))

    def process(self, func, output_type=None):
        """Runs a KeyedProcessFunction: per key, with keyed state and timers kept by Weir."""
        if not isinstance(func, KeyedProcessFunction):
            raise TypeError("process(...) on a keyed stream needs a KeyedProcessFunction, not %r" % (func,))
        return DataStream(self._env, self._add("keyed_process", ("process", None, func)))

    def window(self, window_assigner):
        """Groups each key's records into the windows ``window_assigner`` makes; reduce/sum/min/max follow."""
        if not isinstance(window_assigner, WindowAssigner):
            raise TypeError("window(...) needs a window assigner such as TumblingEventTimeWindows.of(Time.seconds(5)), "
                            "not %r" % (window_assigner,))
        return WindowedStream(self._env, self._node, window_assigner)


class WindowedStream:
    """A keyed stream's windows, as PyFlink's ``WindowedStream``; each window's result is emitted when it fires."""

    def __init__(self, env, keyed_node, assigner):
        self._env = env
        self._node = keyed_node
        self._assigner = assigner

    def _add(self, kind, function=None, **settings):
        return self._env._plan.add(kind, self._node, function, window=self._assigner._plan(), **settings)

    def reduce(self, reduce_function):
        function = as_callable(reduce_function, ReduceFunction, "reduce", "reduce(...)")
        return DataStream(self._env, self._add("reduce", ("reduce", function, reduce_function)))

    def sum(self, position_to_sum=0):
        return DataStream(self._env, self._add("sum", position=_position(position_to_sum, "sum")))

    def min(self, position_to_min=0):
        return DataStream(self._env, self._add("min", position=_position(position_to_min, "min")))

    def max(self, position_to_max=0):
        return DataStream(self._env, self._add("max", position=_position(position_to_max, "max")))

    def aggregate(self, *args, **kwargs):
        raise NotImplementedError("WindowedStream.aggregate(...) is not supported by Weir's Python API yet; "
                                  "use reduce(...) (or sum/min/max) on the window")

    def process(self, *args, **kwargs):
        raise NotImplementedError("WindowedStream.process(...) is not supported by Weir's Python API yet; "
                                  "use reduce(...) (or sum/min/max) on the window")


class ConnectedStreams:
    """Two streams connected for a CoMapFunction or CoFlatMapFunction, as PyFlink's ``ConnectedStreams``."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def _add(self, kind, function):
        return self._first._env._plan.add(kind, self._first._node, function, other=self._second._node["id"])

    def map(self, func, output_type=None):
        if not isinstance(func, CoMapFunction):
            raise TypeError("map(...) on connected streams needs a CoMapFunction, not %r" % (func,))
        return DataStream(self._first._env, self._add("co_map", ("co_map", None, func)))

    def flat_map(self, func, output_type=None):
        if not isinstance(func, CoFlatMapFunction):
            raise TypeError("flat_map(...) on connected streams needs a CoFlatMapFunction, not %r" % (func,))
        return DataStream(self._first._env, self._add("co_flat_map", ("co_flat_map", None, func)))

    def key_by(self, *args, **kwargs):
        raise NotImplementedError("ConnectedStreams.key_by(...) is not supported by Weir's Python API yet; key "
                                  "neither stream and use a CoMapFunction or CoFlatMapFunction")

    def process(self, *args, **kwargs):
        raise NotImplementedError("ConnectedStreams.process(...) is not supported by Weir's Python API yet; use a "
                                  "CoMapFunction or CoFlatMapFunction")


class DataStreamSink:
    """What ``sink_to`` returns, as PyFlink's: the sink's name, uid and parallelism."""

    def __init__(self, node):
        self._node = node

    def name(self, name):
        self._node["name"] = str(name)
        return self

    def uid(self, uid):
        self._node["uid"] = str(uid)
        return self

    def set_parallelism(self, parallelism):
        if not isinstance(parallelism, int) or parallelism < 1:
            raise ValueError("set_parallelism(...) on %s needs a positive int, not %r" % (self._node["name"], parallelism))
        self._node["parallelism"] = parallelism
        return self


class CloseableIterator:
    """The records ``execute_and_collect()`` gathered, as PyFlink's closeable iterator (also a context manager)."""

    def __init__(self, values):
        self._values = iter(values)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._values)

    def close(self):
        self._values = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _position(position, call):
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise TypeError("%s(...) needs the position of a field of the records' tuples (an int from 0), not %r; "
                        "field names work only on Row records, which Weir's Python API does not support yet"
                        % (call, position))
    return position

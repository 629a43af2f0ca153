"""PyFlink's DataStream, KeyedStream and WindowedStream: each call adds a node to the environment's plan."""
from weir.common.watermark_strategy import WatermarkStrategy
from weir.common.time import Duration, Time
from weir.datastream.functions import (AggregateFunction, BroadcastProcessFunction, CoFlatMapFunction, CoMapFunction,
                                       CoProcessFunction, FilterFunction, FlatMapFunction, KeyedBroadcastProcessFunction,
                                       KeyedCoProcessFunction, KeyedProcessFunction,
                                       KeySelector, MapFunction, ProcessAllWindowFunction, ProcessFunction,
                                       ProcessWindowFunction, ReduceFunction, AllWindowFunction, WindowFunction,
                                       as_callable)
from weir.datastream.window import (CountSlidingWindowAssigner, CountTumblingWindowAssigner, Evictor, Trigger,
                                   WindowAssigner)


class DataStream:
    """A stream of records, as PyFlink's ``DataStream``."""

    def __init__(self, env, node):
        self._env = env
        self._node = node

    def _add(self, kind, function=None, **settings):
        return self._env._plan.add(kind, self._node, function, **settings)

    def _typed(self, stream, output_type):
        """``stream``, with the ``output_type`` its call was given kept for ``get_type()``."""
        if output_type is not None:
            self._env._plan.types[stream._node["id"]] = output_type
        return stream

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
        self._operator("set_parallelism(...)")
        if isinstance(parallelism, bool) or not isinstance(parallelism, int) or parallelism < 1:
            raise ValueError("set_parallelism(...) on %s needs a positive int, not %r" % (self._node["name"], parallelism))
        if self._node.get("non_parallel") and parallelism != 1:
            raise ValueError("set_parallelism(%d) on %s: a window_all operator is not parallel (parallelism 1), as in "
                             "Flink; key the stream (key_by(...).window(...)) to run windows in parallel"
                             % (parallelism, self._node["name"]))
        self._node["parallelism"] = parallelism
        return self

    def _operator(self, call):
        """The node a setting such as ``call`` applies to; refused where this stream is not an operator's output."""
        if self._node["kind"] in _NOT_OPERATORS:
            raise TypeError("%s applies to an operator's output (map, process, a window, a source...), not to the "
                            "stream %s of %s; call it on the operator before it" % (call, self._node["kind"],
                                                                                      self._node["name"]))
        return self._node

    def get_execution_environment(self):
        return self._env

    def get_type(self):
        """The ``output_type`` given to the call that made this stream, else ``Types.PICKLED_BYTE_ARRAY()`` as in
        PyFlink (Weir's records keep their Python type either way)."""
        from weir.common.typeinfo import Types
        type_info = self._env._plan.types.get(self._node["id"])
        return type_info if type_info is not None else Types.PICKLED_BYTE_ARRAY()

    def set_max_parallelism(self, max_parallelism):
        """The number of key groups of this operator's keyed state (1 to 32768)."""
        self._operator("set_max_parallelism(...)")
        if isinstance(max_parallelism, bool) or not isinstance(max_parallelism, int) \
                or not 0 < max_parallelism <= 32768:
            raise ValueError("set_max_parallelism(...) needs an int from 1 to 32768, not %r" % (max_parallelism,))
        self._node["max_parallelism"] = max_parallelism
        return self

    def force_non_parallel(self):
        """Runs this operator in one subtask (parallelism and max parallelism 1)."""
        self.set_parallelism(1)
        return self.set_max_parallelism(1)

    def set_description(self, description):
        self._operator("set_description(...)")["description"] = str(description)
        return self

    def set_uid_hash(self, uid_hash):
        self._operator("set_uid_hash(...)")["uid_hash"] = str(uid_hash)
        return self

    def slot_sharing_group(self, slot_sharing_group):
        """Accepted as in Flink (a name or a SlotSharingGroup); Weir runs every task on its one pool of workers."""
        self._operator("slot_sharing_group(...)")
        name = getattr(slot_sharing_group, "get_name", None)
        self._node["slot_sharing_group"] = name() if callable(name) else str(slot_sharing_group)
        return self

    def disable_chaining(self):
        """Runs this operator in a task of its own, neither chained to the one before nor to the one after."""
        self._operator("disable_chaining()")["chaining"] = "disable"
        return self

    def start_new_chain(self):
        """Starts a new chain at this operator (not chained to the one before)."""
        self._operator("start_new_chain()")["chaining"] = "new_chain"
        return self

    def set_buffer_timeout(self, timeout_millis):
        """Accepted and without effect: Weir hands a batch to the next task as soon as the producing task yields."""
        self._operator("set_buffer_timeout(...)")
        return self

    def _partition(self, how):
        return DataStream(self._env, self._add("partition", how=how))

    def rebalance(self):
        """Sends records round-robin to the next operator's subtasks."""
        return self._partition("rebalance")

    def rescale(self):
        """Sends records round-robin to a subset of the next operator's subtasks (Flink's rescale)."""
        return self._partition("rescale")

    def shuffle(self):
        """Sends each record to a random subtask of the next operator."""
        return self._partition("shuffle")

    def forward(self):
        """Sends each record to the next operator's subtask of the same index (both need the same parallelism)."""
        return self._partition("forward")

    def broadcast(self, broadcast_state_descriptor=None, *other_broadcast_state_descriptors):
        """Sends every record to every subtask of the next operator; with MapStateDescriptors, a BroadcastStream for
        the broadcast state pattern: ``stream.connect(broadcast_stream).process(BroadcastProcessFunction)`` (or a
        keyed stream's, with a KeyedBroadcastProcessFunction), whose broadcast states these descriptors name."""
        if broadcast_state_descriptor is None:
            return self._partition("broadcast")
        from weir.datastream.state import MapStateDescriptor
        descriptors = (broadcast_state_descriptor,) + other_broadcast_state_descriptors
        for descriptor in descriptors:
            if not isinstance(descriptor, MapStateDescriptor):
                raise TypeError("broadcast(...) takes MapStateDescriptors for the broadcast state, not %r"
                                % (descriptor,))
        return BroadcastStream(self._env, self._add("broadcast_state", descriptors=[d.name for d in descriptors]))

    def partition_custom(self, partitioner, key_selector):
        raise NotImplementedError("partition_custom(...) is not supported by Weir's Python API yet; use key_by(...) "
                                  "to place records by key, or rebalance()/shuffle()")

    def cache(self):
        """Refused: caching an intermediate result is for batch jobs that Weir's Python API runs again."""
        raise NotImplementedError("cache() is not supported by Weir's Python API; build the stream again for each job")

    def add_sink(self, sink_func):
        """Refused: PyFlink's add_sink takes a Java SinkFunction, which Weir's Python API has none of."""
        raise NotImplementedError("add_sink(...) is not supported by Weir's Python API (PyFlink's takes a Java "
                                  "SinkFunction): write with sink_to(FileSink or KafkaSink), print() or "
                                  "execute_and_collect()")

    def window_all(self, window_assigner):
        """All records' windows in one subtask (not parallel), as PyFlink's ``window_all``."""
        if not isinstance(window_assigner, WindowAssigner):
            raise TypeError("window_all(...) needs a window assigner such as TumblingEventTimeWindows.of(Time.seconds(5)), "
                            "not %r" % (window_assigner,))
        return AllWindowedStream(self._env, self._add("key_all"), window_assigner)

    def count_window_all(self, size, slide=0):
        """Windows of ``size`` records of the whole stream, every ``slide`` records (tumbling when 0)."""
        if slide:
            return self.window_all(CountSlidingWindowAssigner.of(size, slide))
        return self.window_all(CountTumblingWindowAssigner.of(size))

    def map(self, func, output_type=None):
        """Applies ``func`` (a MapFunction or a function of one record) to each record."""
        function = as_callable(func, MapFunction, "map", "map(...)")
        return self._typed(DataStream(self._env, self._add("map", ("map", function, func))), output_type)

    def flat_map(self, func, output_type=None):
        """Emits every value ``func`` yields or returns (a FlatMapFunction, a generator function, or a function
        returning a list) for each record."""
        function = as_callable(func, FlatMapFunction, "flat_map", "flat_map(...)")
        return self._typed(DataStream(self._env, self._add("flat_map", ("flat_map", function, func))), output_type)

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
        if self._node["kind"] not in ("process", "keyed_process", "co_process", "keyed_co_process", "window_process",
                                      "broadcast_process") \
                and "late_tag" not in self._node:
            raise TypeError("get_side_output(...) reads the side outputs of process(...) or a window's late data; %s "
                            "has none" % self._node["name"])
        return DataStream(self._env, self._add("side_output", tag=output_tag.tag_id))

    def connect(self, other):
        """Connects this stream with ``other`` (records of both kept apart) for a CoMapFunction or CoFlatMapFunction;
        with a BroadcastStream, for a (Keyed)BroadcastProcessFunction."""
        if isinstance(other, BroadcastStream) and other._env is self._env:
            return BroadcastConnectedStream(self, other)
        if isinstance(other, DataStream) and other._env is self._env:
            return ConnectedStreams(self, other)
        raise TypeError("connect(...) needs a DataStream or a BroadcastStream of the same environment, not %r" % (other,))

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
        if sink_identifier is None:
            return DataStreamSink(self._add("print"))
        return DataStreamSink(self._add("print", identifier=str(sink_identifier)))

    def sink_to(self, sink):
        """Writes the stream to ``sink`` (a FileSink or a KafkaSink), which runs in the JVM."""
        from weir.datastream.connectors import FileSink
        from weir.datastream.connectors.kafka import KafkaSink
        if not isinstance(sink, (FileSink, KafkaSink)):
            raise NotImplementedError("sink_to(...) in Weir's Python API writes to a FileSink or a KafkaSink, not %r"
                                      % (sink,))
        written = sink._written(self) if isinstance(sink, KafkaSink) else self
        return DataStreamSink(written._add("sink_to", sink=sink._sink_plan()))

    def execute_and_collect(self, job_name=None, limit=None):
        """Runs the job and returns its records: a list of at most ``limit`` of them, or an iterator over all."""
        self._add("collect")
        values = self._env._run(job_name)
        if limit is not None:
            return values[:limit]
        return CloseableIterator(values)

    def window(self, window_assigner):
        raise TypeError("window(...) works on a keyed stream: call key_by(...) first")


#: Plan nodes that are a stream but no operator of their own, so operator settings cannot apply to them.
_NOT_OPERATORS = ("union", "side_output", "partition", "key_all")


class KeyedStream(DataStream):
    """A stream partitioned by key, as PyFlink's ``KeyedStream``; map/filter/... on it give plain DataStreams."""

    def reduce(self, func):
        """Combines each record with the key's previous result and emits the result (a rolling reduce)."""
        function = as_callable(func, ReduceFunction, "reduce", "reduce(...)")
        return DataStream(self._env, self._add("reduce", ("keyed_reduce", function, func)))

    def sum(self, position_to_sum=0):
        return DataStream(self._env, self._add("sum", **_field(position_to_sum, "sum")))

    def min(self, position_to_min=0):
        return DataStream(self._env, self._add("min", **_field(position_to_min, "min")))

    def max(self, position_to_max=0):
        return DataStream(self._env, self._add("max", **_field(position_to_max, "max")))

    def min_by(self, position_to_min_by=0):
        """The key's record with the smallest value at the field so far (the first of equal ones), per record."""
        return DataStream(self._env, self._add("min_by", **_field(position_to_min_by, "min_by")))

    def max_by(self, position_to_max_by=0):
        """The key's record with the largest value at the field so far (the first of equal ones), per record."""
        return DataStream(self._env, self._add("max_by", **_field(position_to_max_by, "max_by")))

    def _partition(self, how):
        raise TypeError("%s() on a KeyedStream: a keyed stream is partitioned by its key, as in Flink; call it before "
                        "key_by(...)" % how)

    def window_all(self, window_assigner):
        raise TypeError("window_all(...) on a KeyedStream: use window(...) for each key's windows, or call "
                        "window_all(...) before key_by(...)")

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

    def count_window(self, size, slide=0):
        """Windows of ``size`` records per key, every ``slide`` records (tumbling when 0)."""
        if slide:
            return self.window(CountSlidingWindowAssigner.of(size, slide))
        return self.window(CountTumblingWindowAssigner.of(size))


class WindowedStream:
    """A keyed stream's windows, as PyFlink's ``WindowedStream``; each window's result is emitted when it fires.
    Windows, triggers and lateness run in Weir's JVM; reduce, aggregate and window functions written in Python run
    in a Python worker."""

    def __init__(self, env, keyed_node, assigner):
        self._env = env
        self._node = keyed_node
        self._window = {"window": assigner._plan()}
        if assigner._extractor is not None:
            # The dynamic gap's extractor runs in a worker of its own, called by the JVM's session assigner.
            gaps = env._plan.add("function", None, ("process", None, _GapExtraction(assigner._extractor)))
            self._window["window"] = dict(assigner._plan(), extractor=gaps["id"])

    def _add(self, kind, function=None, **settings):
        return self._env._plan.add(kind, self._node, function, **dict(self._window, **settings))

    def trigger(self, trigger):
        """Fires (and purges) windows as ``trigger`` says instead of the assigner's default trigger: a built-in trigger
        runs in Weir's JVM, a Trigger subclass written in Python in a worker the window operator calls."""
        if not isinstance(trigger, Trigger):
            raise TypeError("trigger(...) needs a Trigger (EventTimeTrigger.create(), CountTrigger.of(n), ... or a "
                            "subclass of Trigger), not %r" % (trigger,))
        if trigger._plan_entry is not None:
            self._window["trigger"] = trigger._plan_entry
            return self
        from weir._internal.trigger_calls import TriggerCalls
        calls = self._env._plan.add("function", None, ("process", None, TriggerCalls(trigger)))
        self._window["trigger"] = {"type": "python", "function": calls["id"], "merging": bool(trigger.can_merge())}
        return self

    def evictor(self, evictor):
        """Removes records from a window before (or after) its function runs: ``CountEvictor`` or ``TimeEvictor``,
        run in Weir's JVM as in Flink (the window then keeps its records instead of pre-aggregating them)."""
        if not isinstance(evictor, Evictor):
            raise NotImplementedError("evictor(...) in Weir's Python API takes a CountEvictor or a TimeEvictor, not %r; "
                                      "evictors written in Python are not supported: filter the window's records in "
                                      "process(...)" % (evictor,))
        self._window["evictor"] = evictor._plan_entry
        return self

    def allowed_lateness(self, time_ms):
        """Keeps each window's state ``time_ms`` milliseconds past its end; late records then fire it again."""
        if isinstance(time_ms, (Time, Duration)):
            time_ms = time_ms.to_milliseconds()
        if isinstance(time_ms, bool) or not isinstance(time_ms, int) or time_ms < 0:
            raise TypeError("allowed_lateness(...) needs milliseconds as an int of at least 0, not %r" % (time_ms,))
        self._window["allowed_lateness"] = time_ms
        return self

    def side_output_late_data(self, output_tag):
        """Sends records that come too late for their windows to ``output_tag`` (read with get_side_output)."""
        from weir.datastream.output_tag import OutputTag
        if not isinstance(output_tag, OutputTag):
            raise TypeError("side_output_late_data(...) needs an OutputTag, not %r" % (output_tag,))
        self._window["late_tag"] = output_tag.tag_id
        return self

    def _window_function(self, window_function, call):
        """The plan id of a window function given with a reduce or an aggregate (None without one)."""
        if window_function is None:
            return None
        _check_window_function(window_function, call)
        return self._env._plan.add("function", None, ("window", None, window_function))["id"]

    def reduce(self, reduce_function, window_function=None, output_type=None):
        """Reduces each window's records to one; a window function, if given, gets that one as its elements."""
        function = as_callable(reduce_function, ReduceFunction, "reduce", "reduce(...)")
        return DataStream(self._env, self._add("reduce", ("reduce", function, reduce_function),
                                               window_function=self._window_function(window_function, "reduce(...)"),
                                               window_function_clears=_clears(window_function)))

    def aggregate(self, aggregate_function, window_function=None, accumulator_type=None, output_type=None):
        """Adds each record to the window's accumulator (an AggregateFunction) and emits ``get_result`` when the
        window fires; a window function, if given, gets the result as its elements."""
        if not isinstance(aggregate_function, AggregateFunction):
            raise TypeError("aggregate(...) on a window needs an AggregateFunction (create_accumulator, add, "
                            "get_result, merge), not %r" % (aggregate_function,))
        window_id = self._window_function(window_function, "aggregate(...)")
        return DataStream(self._env, self._add("aggregate", ("aggregate", None, aggregate_function),
                                               window_function=window_id, window_function_clears=_clears(window_function)))

    def process(self, process_window_function, output_type=None):
        """Calls a ProcessWindowFunction with each fired window's records, its key and its context."""
        if not isinstance(process_window_function, ProcessWindowFunction):
            raise TypeError("process(...) on a window needs a ProcessWindowFunction, not %r" % (process_window_function,))
        return DataStream(self._env, self._add("window_process", ("window", None, process_window_function),
                                               clears=_clears(process_window_function)))

    def apply(self, window_function, output_type=None):
        """Calls a WindowFunction with each fired window's key, the window and its records."""
        if not isinstance(window_function, WindowFunction):
            raise TypeError("apply(...) on a window needs a WindowFunction, not %r" % (window_function,))
        return DataStream(self._env, self._add("window_process", ("window", None, window_function)))

    def sum(self, position_to_sum=0):
        return DataStream(self._env, self._add("sum", **_field(position_to_sum, "sum")))

    def min(self, position_to_min=0):
        return DataStream(self._env, self._add("min", **_field(position_to_min, "min")))

    def max(self, position_to_max=0):
        return DataStream(self._env, self._add("max", **_field(position_to_max, "max")))

    def min_by(self, position_to_min_by=0):
        """Each window's record with the smallest value at the field (the first of equal ones)."""
        return DataStream(self._env, self._add("min_by", **_field(position_to_min_by, "min_by")))

    def max_by(self, position_to_max_by=0):
        """Each window's record with the largest value at the field (the first of equal ones)."""
        return DataStream(self._env, self._add("max_by", **_field(position_to_max_by, "max_by")))

    def get_execution_environment(self):
        return self._env


class AllWindowedStream(WindowedStream):
    """The windows of a whole stream (``window_all``), as PyFlink's ``AllWindowedStream``: one subtask holds every
    window, as in Flink; the functions are PyFlink's all-window ones (no key)."""

    def _add(self, kind, function=None, **settings):
        node = super()._add(kind, function, **settings)
        node["parallelism"] = 1
        node["non_parallel"] = True
        return node

    def process(self, process_all_window_function, output_type=None):
        """Calls a ProcessAllWindowFunction with each fired window's context and records."""
        if not isinstance(process_all_window_function, ProcessAllWindowFunction):
            raise TypeError("process(...) on window_all(...) needs a ProcessAllWindowFunction, not %r"
                            % (process_all_window_function,))
        return super().process(_KeylessProcess(process_all_window_function))

    def apply(self, all_window_function, output_type=None):
        """Calls an AllWindowFunction with each fired window and its records."""
        if not isinstance(all_window_function, AllWindowFunction):
            raise TypeError("apply(...) on window_all(...) needs an AllWindowFunction, not %r" % (all_window_function,))
        return super().apply(_KeylessApply(all_window_function))

    def _window_function(self, window_function, call):
        if window_function is None:
            return None
        if isinstance(window_function, ProcessAllWindowFunction):
            window_function = _KeylessProcess(window_function)
        elif isinstance(window_function, AllWindowFunction):
            window_function = _KeylessApply(window_function)
        else:
            raise TypeError("%s on window_all(...) takes a ProcessAllWindowFunction or an AllWindowFunction as its "
                            "window function, not %r" % (call, window_function))
        return super()._window_function(window_function, call)


class _Keyless:
    """Runs an all-window function as the window function of window_all's one constant key: opened and closed as
    the function itself."""

    def __init__(self, function):
        self._function = function

    def open(self, runtime_context):
        self._function.open(runtime_context)

    def close(self):
        self._function.close()


class _KeylessProcess(_Keyless, ProcessWindowFunction):
    """A ProcessAllWindowFunction, called without the key."""

    def process(self, key, context, elements):
        return self._function.process(context, elements)


class _KeylessApply(_Keyless, WindowFunction):
    """An AllWindowFunction, called without the key."""

    def apply(self, key, window, inputs):
        return self._function.apply(window, inputs)


class _GapExtraction(ProcessFunction):
    """A SessionWindowTimeGapExtractor as the process function its worker runs: one gap for each record."""

    def __init__(self, extractor):
        self._extractor = extractor

    def process_element(self, value, ctx):
        gap = self._extractor.extract(value)
        if isinstance(gap, bool) or not isinstance(gap, int):
            raise TypeError("extract(...) returned %r; it must return the session gap in milliseconds as an int"
                            % (gap,))
        return [gap]


def _clears(window_function):
    """Whether a ProcessWindowFunction defines ``clear(context)``: only then does Weir call it when a window goes."""
    return isinstance(window_function, ProcessWindowFunction) and \
        type(window_function).clear is not ProcessWindowFunction.clear


def _check_window_function(function, call):
    if not isinstance(function, (ProcessWindowFunction, WindowFunction)):
        raise TypeError("%s takes a ProcessWindowFunction or a WindowFunction as its window function, not %r"
                        % (call, function))


class ConnectedStreams:
    """Two streams connected for a CoMapFunction, CoFlatMapFunction or CoProcessFunction (after ``key_by``, a
    KeyedCoProcessFunction), as PyFlink's ``ConnectedStreams``."""

    def __init__(self, first, second, keyed=False):
        self._first = first
        self._second = second
        self._keyed = keyed

    def _add(self, kind, function):
        return self._first._env._plan.add(kind, self._first._node, function, other=self._second._node["id"],
                                          keyed=self._keyed)

    def key_by(self, key_selector1, key_selector2, key_type=None):
        """Keys both streams (records of one key meet in one subtask, with one keyed state)."""
        if self._keyed:
            raise TypeError("key_by(...) on connected streams that are already keyed; call it once")
        return ConnectedStreams(self._first.key_by(key_selector1), self._second.key_by(key_selector2), keyed=True)

    def map(self, func, output_type=None):
        if not isinstance(func, CoMapFunction):
            raise TypeError("map(...) on connected streams needs a CoMapFunction, not %r" % (func,))
        return DataStream(self._first._env, self._add("co_map", ("co_map", None, func)))

    def flat_map(self, func, output_type=None):
        if not isinstance(func, CoFlatMapFunction):
            raise TypeError("flat_map(...) on connected streams needs a CoFlatMapFunction, not %r" % (func,))
        return DataStream(self._first._env, self._add("co_flat_map", ("co_flat_map", None, func)))

    def process(self, func, output_type=None):
        """Runs a CoProcessFunction, or a KeyedCoProcessFunction (with keyed state and timers) after key_by."""
        if self._keyed:
            if not isinstance(func, KeyedCoProcessFunction):
                raise TypeError("process(...) on keyed connected streams needs a KeyedCoProcessFunction, not %r"
                                % (func,))
            return DataStream(self._first._env, self._add("keyed_co_process", ("process", None, func)))
        if isinstance(func, KeyedCoProcessFunction):
            raise TypeError("process(...) with a KeyedCoProcessFunction needs keyed connected streams: call "
                            "key_by(key_selector1, key_selector2) first")
        if not isinstance(func, CoProcessFunction):
            raise TypeError("process(...) on connected streams needs a CoProcessFunction, not %r" % (func,))
        return DataStream(self._first._env, self._add("co_process", ("process", None, func)))


class BroadcastStream:
    """What ``broadcast(map_state_descriptor, ...)`` returns, as PyFlink's: a stream whose every record reaches every
    subtask of the (Keyed)BroadcastProcessFunction it is connected to, with the broadcast states it names."""

    def __init__(self, env, node):
        self._env = env
        self._node = node

    def get_execution_environment(self):
        return self._env


class BroadcastConnectedStream:
    """A stream (keyed or not) connected with a BroadcastStream, as PyFlink's; ``process`` runs the function."""

    def __init__(self, stream, broadcast_stream):
        self._stream = stream
        self._broadcast_stream = broadcast_stream

    def process(self, func, output_type=None):
        """Runs a KeyedBroadcastProcessFunction on a keyed stream, a BroadcastProcessFunction on another."""
        keyed = isinstance(self._stream, KeyedStream)
        if keyed and not isinstance(func, KeyedBroadcastProcessFunction):
            raise TypeError("process(...) on a keyed stream connected with a broadcast stream needs a "
                            "KeyedBroadcastProcessFunction, not %r" % (func,))
        if not keyed and (isinstance(func, KeyedBroadcastProcessFunction) or not isinstance(func, BroadcastProcessFunction)):
            raise TypeError("process(...) on a stream connected with a broadcast stream needs a BroadcastProcessFunction "
                            "(a KeyedBroadcastProcessFunction needs key_by(...) first), not %r" % (func,))
        node = self._stream._env._plan.add("broadcast_process", self._stream._node, ("process", None, func),
                                           other=self._broadcast_stream._node["id"], keyed=keyed)
        return DataStream(self._stream._env, node)


class DataStreamSink:
    """What ``sink_to`` and ``print`` return, as PyFlink's: the sink's name, uid and parallelism."""

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

    def set_description(self, description):
        self._node["description"] = str(description)
        return self

    def set_uid_hash(self, uid_hash):
        self._node["uid_hash"] = str(uid_hash)
        return self

    def slot_sharing_group(self, slot_sharing_group):
        """Accepted as in Flink; Weir runs every task on its one pool of workers."""
        name = getattr(slot_sharing_group, "get_name", None)
        self._node["slot_sharing_group"] = name() if callable(name) else str(slot_sharing_group)
        return self

    def disable_chaining(self):
        """Runs the sink in a task of its own."""
        self._node["chaining"] = "disable"
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


def _field(field, call):
    """The plan's settings for the field ``sum``/``min``/``max`` aggregate: a position, or a Row's field name."""
    if isinstance(field, str) and field:
        return {"field": field}
    if isinstance(field, bool) or not isinstance(field, int) or field < 0:
        raise TypeError("%s(...) needs the position of a field of the records (an int from 0) or the name of a field "
                        "of Row records, not %r" % (call, field))
    return {"position": field}

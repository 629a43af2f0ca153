"""PyFlink's user-function classes; plain functions and lambdas are accepted wherever these are."""


class RuntimeContext:
    """What a function learns about the subtask it runs in, passed to ``open``; a process function's also gives keyed
    state."""

    def __init__(self, task_name, index_of_this_subtask, number_of_parallel_subtasks, channel=None):
        self._task_name = task_name
        self._index = index_of_this_subtask
        self._parallelism = number_of_parallel_subtasks
        self._channel = channel

    def _state(self, handle_class, descriptor, descriptor_class):
        from weir.datastream import state
        if self._channel is None:
            raise NotImplementedError("keyed state in Weir's Python API is reached from a KeyedProcessFunction: use "
                                      "key_by(...).process(...)")
        if not isinstance(descriptor, getattr(state, descriptor_class)):
            raise TypeError("%s needs a %s, not %r" % ("get_" + handle_class.lower().replace("state", "_state"),
                                                       descriptor_class, descriptor))
        return getattr(state, handle_class)(self._channel, descriptor)

    def get_state(self, state_descriptor):
        return self._state("ValueState", state_descriptor, "ValueStateDescriptor")

    def get_list_state(self, state_descriptor):
        return self._state("ListState", state_descriptor, "ListStateDescriptor")

    def get_map_state(self, state_descriptor):
        return self._state("MapState", state_descriptor, "MapStateDescriptor")

    def get_reducing_state(self, state_descriptor):
        return self._state("ReducingState", state_descriptor, "ReducingStateDescriptor")

    def get_aggregating_state(self, state_descriptor):
        return self._state("AggregatingState", state_descriptor, "AggregatingStateDescriptor")

    def get_task_name(self):
        return self._task_name

    def get_index_of_this_subtask(self):
        return self._index

    def get_number_of_parallel_subtasks(self):
        return self._parallelism

    def get_task_name_with_subtasks(self):
        """``name (index+1/parallelism)``, as Flink names a subtask."""
        return "%s (%d/%d)" % (self._task_name, self._index + 1, self._parallelism)

    def get_max_number_of_parallel_subtasks(self):
        """The job's max parallelism (``set_max_parallelism``; Weir's default is 128)."""
        return _JOB["max_parallelism"]

    def get_attempt_number(self):
        """0: Weir's Python workers start afresh with each run of the job, a restore included."""
        return 0

    def get_job_parameter(self, key, default_value):
        """The global job parameter ``key`` (``env.get_config().set_global_job_parameters({...})``)."""
        return _JOB["parameters"].get(key, default_value)

    def get_metrics_group(self):
        """A metric group whose counters, meters and distributions count in this worker; Weir does not report
        Python metrics to its dashboard or Prometheus yet."""
        from weir.metrics import MetricGroup
        if self.__dict__.get("_metrics") is None:
            self._metrics = MetricGroup()
        return self._metrics


#: What every RuntimeContext of the running job reports; set before the job's workers are forked.
_JOB = {"max_parallelism": 128, "parameters": {}}


def set_job_settings(max_parallelism, parameters):
    """Called by ``execute()`` before the workers fork, so their RuntimeContexts answer for this job."""
    _JOB["max_parallelism"] = max_parallelism
    _JOB["parameters"] = dict(parameters)


class Function:
    """The base of user functions: ``open`` runs in the worker before the first record, ``close`` after the last."""

    def open(self, runtime_context):
        pass

    def close(self):
        pass


class MapFunction(Function):
    def map(self, value):
        raise NotImplementedError("a MapFunction must define map(self, value)")


class FlatMapFunction(Function):
    def flat_map(self, value):
        raise NotImplementedError("a FlatMapFunction must define flat_map(self, value) (a generator, or returning a list)")


class FilterFunction(Function):
    def filter(self, value):
        raise NotImplementedError("a FilterFunction must define filter(self, value)")


class CoMapFunction(Function):
    """Maps the records of two connected streams: ``map1`` for the first, ``map2`` for the second."""

    def map1(self, value):
        raise NotImplementedError("a CoMapFunction must define map1(self, value)")

    def map2(self, value):
        raise NotImplementedError("a CoMapFunction must define map2(self, value)")


class CoFlatMapFunction(Function):
    """Like CoMapFunction, but ``flat_map1``/``flat_map2`` yield any number of outputs."""

    def flat_map1(self, value):
        raise NotImplementedError("a CoFlatMapFunction must define flat_map1(self, value)")

    def flat_map2(self, value):
        raise NotImplementedError("a CoFlatMapFunction must define flat_map2(self, value)")


class KeySelector(Function):
    def get_key(self, value):
        raise NotImplementedError("a KeySelector must define get_key(self, value)")


class ReduceFunction(Function):
    def reduce(self, value1, value2):
        raise NotImplementedError("a ReduceFunction must define reduce(self, value1, value2)")


class AggregateFunction(Function):
    """Aggregates values into an accumulator, as PyFlink's: ``create_accumulator()``, ``add(value, accumulator)``
    returning the new accumulator, ``get_result(accumulator)``, ``merge(acc_a, acc_b)``."""

    def create_accumulator(self):
        raise NotImplementedError("an AggregateFunction must define create_accumulator(self)")

    def add(self, value, accumulator):
        raise NotImplementedError("an AggregateFunction must define add(self, value, accumulator)")

    def get_result(self, accumulator):
        raise NotImplementedError("an AggregateFunction must define get_result(self, accumulator)")

    def merge(self, acc_a, acc_b):
        raise NotImplementedError("this AggregateFunction does not define merge(self, acc_a, acc_b)")


def as_callable(function, function_class, method, call):
    """The callable behind a user function (an instance of ``function_class`` or any callable) given to ``call``."""
    if isinstance(function, function_class):
        return getattr(function, method)
    if isinstance(function, Function):
        raise TypeError("%s needs a %s or a function, but got a %s" % (call, function_class.__name__,
                                                                        type(function).__name__))
    if callable(function):
        return function
    raise TypeError("%s needs a %s or a function, not %r" % (call, function_class.__name__, function))


class TimeDomain:
    """Which clock a timer follows, as PyFlink's ``TimeDomain``."""
    EVENT_TIME = "EVENT_TIME"
    PROCESSING_TIME = "PROCESSING_TIME"


class TimerService:
    """Time and timers of the current key, as PyFlink's ``TimerService``; timers live in Weir."""

    def __init__(self, channel):
        self._channel = channel
        self._watermark = None

    def current_processing_time(self):
        return self._channel.request("processing_time")

    def current_watermark(self):
        return self._watermark

    def register_event_time_timer(self, timestamp):
        self._channel.request("timer_register_event", int(timestamp))

    def register_processing_time_timer(self, timestamp):
        self._channel.request("timer_register_processing", int(timestamp))

    def delete_event_time_timer(self, timestamp):
        self._channel.request("timer_delete_event", int(timestamp))

    def delete_processing_time_timer(self, timestamp):
        self._channel.request("timer_delete_processing", int(timestamp))


class _Context:
    """The context of one call of a process function."""

    def __init__(self, timer_service):
        self._timer_service = timer_service
        self._timestamp = None
        self._key = None
        self._time_domain = None

    def timestamp(self):
        return self._timestamp

    def timer_service(self):
        return self._timer_service

    def get_current_key(self):
        return self._key

    def time_domain(self):
        return self._time_domain


class ProcessFunction(Function):
    """Called for each record of a stream that is not keyed; ``process_element`` yields its outputs."""
    Context = _Context

    def process_element(self, value, ctx):
        raise NotImplementedError("a ProcessFunction must define process_element(self, value, ctx) yielding outputs")


class KeyedProcessFunction(Function):
    """Called for each record and timer of a keyed stream, with keyed state; both methods yield their outputs."""
    Context = _Context
    OnTimerContext = _Context

    def process_element(self, value, ctx):
        raise NotImplementedError("a KeyedProcessFunction must define process_element(self, value, ctx) yielding "
                                  "outputs")

    def on_timer(self, timestamp, ctx):
        pass


class CoProcessFunction(Function):
    """Called for each record of two connected streams that are not keyed: ``process_element1`` for the first,
    ``process_element2`` for the second; both yield their outputs."""
    Context = _Context

    def process_element1(self, value, ctx):
        raise NotImplementedError("a CoProcessFunction must define process_element1(self, value, ctx)")

    def process_element2(self, value, ctx):
        raise NotImplementedError("a CoProcessFunction must define process_element2(self, value, ctx)")


class KeyedCoProcessFunction(Function):
    """Called for each record of two connected, keyed streams and for the key's timers, with keyed state shared by
    both inputs: ``process_element1``, ``process_element2`` and ``on_timer`` yield their outputs."""
    Context = _Context
    OnTimerContext = _Context

    def process_element1(self, value, ctx):
        raise NotImplementedError("a KeyedCoProcessFunction must define process_element1(self, value, ctx)")

    def process_element2(self, value, ctx):
        raise NotImplementedError("a KeyedCoProcessFunction must define process_element2(self, value, ctx)")

    def on_timer(self, timestamp, ctx):
        pass


class _WindowContext:
    """The context of a window function's call: the window, the time, and the key's (global) state."""

    def __init__(self, runtime_context):
        self._runtime_context = runtime_context
        self._window = None
        self._processing_time = None
        self._watermark = None
        self._window_store = None

    def window(self):
        return self._window

    def current_processing_time(self):
        return self._processing_time

    def current_watermark(self):
        return self._watermark

    def global_state(self):
        """The key's state across windows: ``get_state(...)`` and the other getters of the RuntimeContext."""
        return self._runtime_context

    def window_state(self):
        """The key's state in this window (``get_state(...)`` and the other getters), as Flink's ``windowState()``;
        clear it in the function's ``clear(context)``, which Weir calls when the window goes."""
        if self._window_store is None:
            runtime = self._runtime_context
            self._window_store = RuntimeContext(runtime._task_name, runtime._index, runtime._parallelism,
                                                _WindowChannel(runtime._channel))
        return self._window_store


class _WindowChannel:
    """``window_state()``'s requests: those of the window function's channel, for the window being fired or cleared."""

    def __init__(self, channel):
        self._channel = channel

    def request(self, kind, *args):
        return self._channel.request("window_" + kind, *args)


class ProcessWindowFunction(Function):
    """Called once per window firing with all the window's records (or the pre-aggregated result); ``process``
    yields the outputs."""
    Context = _WindowContext

    def process(self, key, context, elements):
        raise NotImplementedError("a ProcessWindowFunction must define process(self, key, context, elements)")

    def clear(self, context):
        """Called when the window goes (its end plus the allowed lateness), to clear its ``window_state()``."""


class ProcessAllWindowFunction(Function):
    """Called once per firing of a ``window_all`` window with its records; ``process(context, elements)`` yields the
    outputs (``context.window()``, ``current_watermark()``, ``global_state()``)."""
    Context = _WindowContext

    def process(self, context, elements):
        raise NotImplementedError("a ProcessAllWindowFunction must define process(self, context, elements)")

    def clear(self, context):
        pass


class AllWindowFunction(Function):
    """Called once per firing of a ``window_all`` window; ``apply(window, inputs)`` yields the outputs."""

    def apply(self, window, inputs):
        raise NotImplementedError("an AllWindowFunction must define apply(self, window, inputs)")


class Partitioner(Function):
    """Picks a record's partition from its key, as PyFlink's; ``partition_custom`` is not supported by Weir yet."""

    def partition(self, key, num_partitions):
        raise NotImplementedError("a Partitioner must define partition(self, key, num_partitions)")


class _BroadcastContext(_Context):
    """The context of one call of a broadcast process function: the broadcast state (writable only in
    ``process_broadcast_element``), the time, and on the keyed stream's side the key and its timers."""

    def __init__(self, timer_service, channel, writable):
        super().__init__(timer_service)
        self._channel = channel
        self._writable = writable

    def get_broadcast_state(self, state_descriptor):
        """The broadcast state ``state_descriptor`` (a MapStateDescriptor given to ``broadcast(...)``) names."""
        from weir.datastream.state import BroadcastState, MapStateDescriptor, ReadOnlyBroadcastState
        if not isinstance(state_descriptor, MapStateDescriptor):
            raise TypeError("get_broadcast_state(...) needs the MapStateDescriptor given to broadcast(...), not %r"
                            % (state_descriptor,))
        state_class = BroadcastState if self._writable else ReadOnlyBroadcastState
        return state_class(self._channel, state_descriptor.name)

    def current_processing_time(self):
        return self._timer_service.current_processing_time()

    def current_watermark(self):
        return self._timer_service.current_watermark()

    def timer_service(self):
        if self._writable:
            raise NotImplementedError("process_broadcast_element has no timers (it runs for no key), as in Flink: "
                                      "register timers in process_element")
        return self._timer_service

    def apply_to_keyed_state(self, state_descriptor, applier_function):
        """Calls ``applier_function(key, state)`` for every key that has a value in the keyed state
        ``state_descriptor`` names, with that key's state (it may read, change or clear it), as Flink's; only in
        ``process_broadcast_element``."""
        from weir.datastream import state
        if not self._writable:
            raise NotImplementedError("apply_to_keyed_state(...) is for process_broadcast_element, as in Flink; "
                                      "process_element reaches its own key's state through the runtime context")
        if not callable(applier_function):
            raise TypeError("apply_to_keyed_state(...) needs a function of the key and its state, not %r"
                            % (applier_function,))
        for descriptor_class, handle_class, family in _KEYED_STATE_HANDLES:
            if isinstance(state_descriptor, getattr(state, descriptor_class)):
                handle = getattr(state, handle_class)(self._channel, state_descriptor)
                self._channel.visit_keys(state_descriptor.name, family, lambda key: applier_function(key, handle))
                return
        raise TypeError("apply_to_keyed_state(...) needs a state descriptor (ValueStateDescriptor, ListStateDescriptor, "
                        "MapStateDescriptor, ReducingStateDescriptor, AggregatingStateDescriptor), not %r"
                        % (state_descriptor,))


#: Each keyed state descriptor's handle, and the kind of Weir state that holds it (reducing and aggregating states
#: keep their value in a value state).
_KEYED_STATE_HANDLES = (("ReducingStateDescriptor", "ReducingState", "value"),
                        ("AggregatingStateDescriptor", "AggregatingState", "value"),
                        ("ValueStateDescriptor", "ValueState", "value"),
                        ("ListStateDescriptor", "ListState", "list"),
                        ("MapStateDescriptor", "MapState", "map"))


class BroadcastProcessFunction(Function):
    """Called for each record of a stream connected with a broadcast stream (``stream.connect(other.broadcast(
    descriptor))``): ``process_element`` reads the broadcast state (``ctx.get_broadcast_state(descriptor)``), which
    ``process_broadcast_element`` writes; both yield their outputs. Every subtask sees every broadcast record, so every
    subtask's broadcast state is the same, as in Flink."""
    Context = _BroadcastContext
    ReadOnlyContext = _BroadcastContext

    def process_element(self, value, ctx):
        raise NotImplementedError("a BroadcastProcessFunction must define process_element(self, value, ctx)")

    def process_broadcast_element(self, value, ctx):
        raise NotImplementedError("a BroadcastProcessFunction must define process_broadcast_element(self, value, ctx)")


class KeyedBroadcastProcessFunction(BroadcastProcessFunction):
    """The broadcast state pattern on a keyed stream (``keyed.connect(other.broadcast(descriptor))``):
    ``process_element`` and ``on_timer`` also have the key, its keyed state and timers."""
    OnTimerContext = _BroadcastContext

    def on_timer(self, timestamp, ctx):
        pass


class SourceFunction:
    """PyFlink's wrapper of a Java SourceFunction. Weir's Python API has no Java source functions:
    ``env.add_source(...)`` refuses them; use ``from_source(...)``."""

    def __init__(self, source_func=None):
        self._source_func = source_func


class SinkFunction:
    """PyFlink's wrapper of a Java SinkFunction. Weir's Python API has no Java sink functions:
    ``add_sink(...)`` refuses them; use ``sink_to(...)``."""

    def __init__(self, sink_func=None):
        self._sink_func = sink_func


class WindowFunction(Function):
    """Called once per window firing with the key, the window and its records; ``apply`` yields the outputs."""

    def apply(self, key, window, inputs):
        raise NotImplementedError("a WindowFunction must define apply(self, key, window, inputs)")

"""A trigger written in Python, run in a worker: Weir's window operator (the JVM's PythonTrigger) sends each call of
the trigger as one element, ``[call, window, watermark, processing time, ...]``, and the worker answers the
TriggerResult's name; the context's timers and partitioned state are requests to the JVM for the call's key and window.

Reducing and aggregating trigger state is kept in a list state of Weir's holding the values not yet combined (one,
except right after a merge), so that ``merge_partitioned_state`` is Weir's list merge and the user's function runs
here, never called back from the JVM."""
from functools import reduce

from weir.datastream import state
from weir.datastream.functions import ProcessFunction
from weir.datastream.window import GlobalWindow, TimeWindow, Trigger, TriggerResult


class TriggerCalls(ProcessFunction):
    """Runs ``trigger``'s calls as a process function of the worker."""

    def __init__(self, trigger):
        self._trigger = trigger
        self._context = None

    def open(self, runtime_context):
        self._context = _TriggerContext(_TriggerChannel(runtime_context._channel))

    def process_element(self, value, ctx):
        call, window, watermark, processing_time = value[:4]
        window = GlobalWindow() if window is None else TimeWindow(window[0], window[1])
        context = self._context
        context._watermark = watermark
        context._processing_time = processing_time
        context._merging = call == "on_merge"
        trigger = self._trigger
        if call == "on_element":
            result = trigger.on_element(value[4], value[5], window, context)
        elif call == "on_event_time":
            result = trigger.on_event_time(value[4], window, context)
        elif call == "on_processing_time":
            result = trigger.on_processing_time(value[4], window, context)
        elif call == "on_merge":
            trigger.on_merge(window, context)
            return []
        else:
            trigger.clear(window, context)
            return []
        if not isinstance(result, TriggerResult):
            raise TypeError("%s(...) of the trigger %r returned %r; it must return a TriggerResult (CONTINUE, FIRE, "
                            "PURGE or FIRE_AND_PURGE)" % (call, trigger, result))
        return [result.name]


class _TriggerChannel:
    """The worker's channel with the trigger's requests named ``trigger_...``, which the JVM serves from the trigger
    context of the call."""

    def __init__(self, channel):
        self._channel = channel

    def request(self, kind, *args):
        return self._channel.request("trigger_" + kind, *args)


class _TriggerContext(Trigger.OnMergeContext):
    def __init__(self, channel):
        self._channel = channel
        self._watermark = None
        self._processing_time = None
        self._merging = False

    def get_current_processing_time(self):
        return self._processing_time

    def get_metric_group(self):
        from weir.metrics import MetricGroup
        return MetricGroup()

    def get_current_watermark(self):
        return self._watermark

    def register_processing_time_timer(self, time):
        self._channel.request("register_processing", int(time))

    def register_event_time_timer(self, time):
        self._channel.request("register_event", int(time))

    def delete_processing_time_timer(self, time):
        self._channel.request("delete_processing", int(time))

    def delete_event_time_timer(self, time):
        self._channel.request("delete_event", int(time))

    def get_partitioned_state(self, state_descriptor):
        """The window's state ``state_descriptor`` names (a value, list, map, reducing or aggregating state)."""
        if isinstance(state_descriptor, state.ReducingStateDescriptor):
            return _ReducingTriggerState(self._channel, state_descriptor)
        if isinstance(state_descriptor, state.AggregatingStateDescriptor):
            return _AggregatingTriggerState(self._channel, state_descriptor)
        for descriptor_class, handle_class in ((state.ValueStateDescriptor, state.ValueState),
                                               (state.ListStateDescriptor, state.ListState),
                                               (state.MapStateDescriptor, state.MapState)):
            if isinstance(state_descriptor, descriptor_class):
                return handle_class(self._channel, state_descriptor)
        raise TypeError("get_partitioned_state(...) needs a state descriptor, not %r" % (state_descriptor,))

    def merge_partitioned_state(self, state_descriptor):
        """Merges the state of the windows merged into this one, as Flink's: list, reducing and aggregating states."""
        if not self._merging:
            raise RuntimeError("merge_partitioned_state(...) is for on_merge(...), as in Flink")
        if not isinstance(state_descriptor, (state.ListStateDescriptor, state.ReducingStateDescriptor,
                                             state.AggregatingStateDescriptor)):
            raise ValueError("The given state descriptor does not refer to a mergeable state (MergingState): %r; use a "
                             "ListStateDescriptor, ReducingStateDescriptor or AggregatingStateDescriptor"
                             % (state_descriptor,))
        self._channel.request("merge", state_descriptor.name)


class _ReducingTriggerState(state.ListState):
    """A window's reducing state: the values not yet reduced (one, or several right after a merge)."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor)
        self._reduce = descriptor.reduce_function

    def get(self):
        values = super().get()
        return reduce(self._reduce, values) if values else None

    def add(self, value):
        current = self.get()
        self.update([value if current is None else self._reduce(current, value)])


class _AggregatingTriggerState(state.ListState):
    """A window's aggregating state: the accumulators not yet merged (one, or several right after a merge)."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor)
        self._function = descriptor.agg_function

    def _accumulator(self):
        accumulators = super().get()
        return reduce(self._function.merge, accumulators) if accumulators else None

    def get(self):
        accumulator = self._accumulator()
        return None if accumulator is None else self._function.get_result(accumulator)

    def add(self, value):
        accumulator = self._accumulator()
        if accumulator is None:
            accumulator = self._function.create_accumulator()
        self.update([self._function.add(value, accumulator)])

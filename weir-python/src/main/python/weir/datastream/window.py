"""PyFlink's window assigners (``pyflink.datastream.window``); windows run in Weir's JVM."""
from enum import Enum

from weir.common.time import Time, to_millis


class WindowAssigner:
    """Puts each record into windows; the subclasses are PyFlink's."""

    def __init__(self, plan):
        self._plan_entry = plan
        #: A dynamic session's SessionWindowTimeGapExtractor, or None.
        self._extractor = None

    def _plan(self):
        return self._plan_entry

    def is_event_time(self):
        return "event_time" in self._plan_entry["type"]


class TumblingEventTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, offset=Time(0)):
        call = "TumblingEventTimeWindows.of(...)"
        return TumblingEventTimeWindows({"type": "tumbling_event_time", "size": to_millis(size, call, "the size"),
                                         "offset": to_millis(offset, call, "the offset")})


class TumblingProcessingTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, offset=Time(0)):
        call = "TumblingProcessingTimeWindows.of(...)"
        return TumblingProcessingTimeWindows({"type": "tumbling_processing_time", "size": to_millis(size, call, "the size"),
                                              "offset": to_millis(offset, call, "the offset")})


class SlidingEventTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, slide, offset=Time(0)):
        call = "SlidingEventTimeWindows.of(...)"
        return SlidingEventTimeWindows({"type": "sliding_event_time", "size": to_millis(size, call, "the size"),
                                        "slide": to_millis(slide, call, "the slide"),
                                        "offset": to_millis(offset, call, "the offset")})


class SlidingProcessingTimeWindows(WindowAssigner):
    @staticmethod
    def of(size, slide, offset=Time(0)):
        call = "SlidingProcessingTimeWindows.of(...)"
        return SlidingProcessingTimeWindows({"type": "sliding_processing_time", "size": to_millis(size, call, "the size"),
                                            "slide": to_millis(slide, call, "the slide"),
                                            "offset": to_millis(offset, call, "the offset")})


class EventTimeSessionWindows(WindowAssigner):
    @staticmethod
    def with_gap(size):
        return EventTimeSessionWindows({"type": "event_time_session",
                                        "gap": to_millis(size, "EventTimeSessionWindows.with_gap(...)", "the gap")})

    @staticmethod
    def with_dynamic_gap(extractor):
        """Sessions whose gap each record gives: ``extractor`` (a SessionWindowTimeGapExtractor, or a function of
        the record) returns it in milliseconds."""
        return DynamicEventTimeSessionWindows.with_dynamic_gap(extractor)


class ProcessingTimeSessionWindows(WindowAssigner):
    @staticmethod
    def with_gap(size):
        return ProcessingTimeSessionWindows({"type": "processing_time_session",
                                             "gap": to_millis(size, "ProcessingTimeSessionWindows.with_gap(...)", "the gap")})

    @staticmethod
    def with_dynamic_gap(extractor):
        """Processing-time sessions whose gap each record gives (see EventTimeSessionWindows.with_dynamic_gap)."""
        return DynamicProcessingTimeSessionWindows.with_dynamic_gap(extractor)


class SessionWindowTimeGapExtractor:
    """Gives the session gap a record opens, in milliseconds: ``extract(element)``, as PyFlink's. Weir calls it in a
    Python worker for each record the session window assigner places."""

    def extract(self, element):
        raise NotImplementedError("a SessionWindowTimeGapExtractor must define extract(self, element)")


def _extractor(extractor, call):
    if isinstance(extractor, SessionWindowTimeGapExtractor):
        return extractor
    if callable(extractor):
        return _ExtractorOf(extractor)
    raise TypeError("%s needs a SessionWindowTimeGapExtractor or a function of the record, not %r" % (call, extractor))


class _ExtractorOf(SessionWindowTimeGapExtractor):
    def __init__(self, function):
        self._function = function

    def extract(self, element):
        return self._function(element)


class DynamicEventTimeSessionWindows(WindowAssigner):
    """Event-time sessions with a gap per record (``with_dynamic_gap(extractor)``), as PyFlink's."""

    @staticmethod
    def with_dynamic_gap(extractor):
        return _dynamic(DynamicEventTimeSessionWindows, "dynamic_event_time_session", extractor)


class DynamicProcessingTimeSessionWindows(WindowAssigner):
    """Processing-time sessions with a gap per record (``with_dynamic_gap(extractor)``), as PyFlink's."""

    @staticmethod
    def with_dynamic_gap(extractor):
        return _dynamic(DynamicProcessingTimeSessionWindows, "dynamic_processing_time_session", extractor)


def _dynamic(assigner_class, plan_type, extractor):
    """A dynamic session assigner of ``assigner_class`` with the gaps ``extractor`` gives."""
    assigner = assigner_class({"type": plan_type})
    assigner._extractor = _extractor(extractor, "%s.with_dynamic_gap(...)" % assigner_class.__name__)
    return assigner


class GlobalWindows(WindowAssigner):
    """One window per key holding all its records; it fires only by a trigger (``trigger(CountTrigger.of(n))``)."""

    @staticmethod
    def create():
        return GlobalWindows({"type": "global"})


class CountTumblingWindowAssigner(WindowAssigner):
    """Windows of ``window_size`` records per key (``KeyedStream.count_window(size)``)."""

    @staticmethod
    def of(window_size):
        return CountTumblingWindowAssigner({"type": "count", "size": _count(window_size, "CountTumblingWindowAssigner.of(...)"),
                                            "slide": 0})


class CountSlidingWindowAssigner(WindowAssigner):
    """Windows of the last ``window_size`` records per key, every ``window_slide`` records."""

    @staticmethod
    def of(window_size, window_slide):
        call = "CountSlidingWindowAssigner.of(...)"
        return CountSlidingWindowAssigner({"type": "count", "size": _count(window_size, call),
                                           "slide": _count(window_slide, call)})


def _count(value, call):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise TypeError("%s needs a positive number of records, not %r" % (call, value))
    return value


class Window:
    """The base of windows, as PyFlink's ``Window``: ``max_timestamp()`` is the last time that belongs to it."""

    def max_timestamp(self):
        raise NotImplementedError


class TimeWindow(Window):
    """A window of event or processing time, ``[start, end)``, as PyFlink's ``TimeWindow``."""

    def __init__(self, start, end):
        self.start = start
        self.end = end

    def max_timestamp(self):
        return self.end - 1

    def __eq__(self, other):
        return isinstance(other, TimeWindow) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self):
        return hash((self.start, self.end))

    def __repr__(self):
        return "TimeWindow(start=%d, end=%d)" % (self.start, self.end)


class CountWindow(Window):
    """A window of a tumbling count window (``count_window(size)``), as PyFlink's ``CountWindow``: ``id`` numbers
    each key's windows from 0."""

    def __init__(self, id):
        self.id = id

    def max_timestamp(self):
        return (1 << 63) - 1

    def __eq__(self, other):
        return isinstance(other, CountWindow) and other.id == self.id

    def __hash__(self):
        return hash(self.id)

    def __repr__(self):
        return "CountWindow(id=%d)" % self.id


class GlobalWindow(Window):
    """The one window of ``GlobalWindows`` and of sliding count windows, as PyFlink's ``GlobalWindow``."""

    def max_timestamp(self):
        return (1 << 63) - 1

    def __eq__(self, other):
        return isinstance(other, GlobalWindow)

    def __hash__(self):
        return 0

    def __repr__(self):
        return "GlobalWindow"


class TriggerResult(Enum):
    """What a trigger's call answers, as PyFlink's ``TriggerResult``: whether the window fires and whether its
    contents are purged."""
    CONTINUE = (False, False)
    FIRE_AND_PURGE = (True, True)
    FIRE = (True, False)
    PURGE = (False, True)

    def is_fire(self):
        return self.value[0]

    def is_purge(self):
        return self.value[1]


class Trigger:
    """When a window fires, as PyFlink's ``Trigger``. The built-in triggers below run in Weir's JVM; a subclass written
    in Python (``on_element``, ``on_processing_time``, ``on_event_time``, ``can_merge``, ``on_merge``, ``clear``) runs
    in a Python worker that Weir's window operator calls for each record and timer of the window, with a
    ``TriggerContext`` whose timers and partitioned state are the window's, kept in Weir."""

    #: The built-in trigger's settings for the JVM (None for a trigger written in Python).
    _plan_entry = None

    def __init__(self, plan=None):
        self._plan_entry = plan

    class TriggerContext:
        """What a trigger call may use, as PyFlink's ``Trigger.TriggerContext``: the time, timers and partitioned
        state of the current key and window."""

        def get_current_processing_time(self):
            raise NotImplementedError

        def get_metric_group(self):
            raise NotImplementedError

        def get_current_watermark(self):
            raise NotImplementedError

        def register_processing_time_timer(self, time):
            raise NotImplementedError

        def register_event_time_timer(self, time):
            raise NotImplementedError

        def delete_processing_time_timer(self, time):
            raise NotImplementedError

        def delete_event_time_timer(self, time):
            raise NotImplementedError

        def get_partitioned_state(self, state_descriptor):
            raise NotImplementedError

    class OnMergeContext(TriggerContext):
        """The context of ``on_merge``: also ``merge_partitioned_state(descriptor)``, as PyFlink's."""

        def merge_partitioned_state(self, state_descriptor):
            raise NotImplementedError

    def on_element(self, element, timestamp, window, ctx):
        raise NotImplementedError("a Trigger must define on_element(self, element, timestamp, window, ctx)")

    def on_processing_time(self, time, window, ctx):
        raise NotImplementedError("a Trigger must define on_processing_time(self, time, window, ctx)")

    def on_event_time(self, time, window, ctx):
        raise NotImplementedError("a Trigger must define on_event_time(self, time, window, ctx)")

    def can_merge(self):
        """Whether the trigger supports merging windows (session windows need it)."""
        return False

    def on_merge(self, window, ctx):
        raise NotImplementedError("This trigger does not support merging.")

    def clear(self, window, ctx):
        raise NotImplementedError("a Trigger must define clear(self, window, ctx)")


class EventTimeTrigger(Trigger):
    @staticmethod
    def create():
        return EventTimeTrigger({"type": "event_time"})


class ProcessingTimeTrigger(Trigger):
    @staticmethod
    def create():
        return ProcessingTimeTrigger({"type": "processing_time"})


class CountTrigger(Trigger):
    @staticmethod
    def of(window_size):
        return CountTrigger({"type": "count", "count": _count(window_size, "CountTrigger.of(...)")})


class ContinuousEventTimeTrigger(Trigger):
    @staticmethod
    def of(interval):
        return ContinuousEventTimeTrigger({"type": "continuous_event_time",
                                           "interval": to_millis(interval, "ContinuousEventTimeTrigger.of(...)",
                                                                 "the interval")})


class ContinuousProcessingTimeTrigger(Trigger):
    @staticmethod
    def of(interval):
        return ContinuousProcessingTimeTrigger({"type": "continuous_processing_time",
                                                "interval": to_millis(interval, "ContinuousProcessingTimeTrigger.of(...)",
                                                                      "the interval")})


class PurgingTrigger(Trigger):
    @staticmethod
    def of(nested_trigger):
        if not isinstance(nested_trigger, Trigger):
            raise TypeError("PurgingTrigger.of(...) needs a Trigger, not %r" % (nested_trigger,))
        if nested_trigger._plan_entry is None:
            return _PurgingPythonTrigger(nested_trigger)
        return PurgingTrigger({"type": "purging", "nested": nested_trigger._plan_entry})


class _PurgingPythonTrigger(Trigger):
    """PurgingTrigger of a trigger written in Python: each FIRE becomes FIRE_AND_PURGE, as Flink's PurgingTrigger."""

    def __init__(self, nested):
        super().__init__()
        self._nested = nested

    @staticmethod
    def _purging(result):
        return TriggerResult.FIRE_AND_PURGE if isinstance(result, TriggerResult) and result.is_fire() else result

    def on_element(self, element, timestamp, window, ctx):
        return self._purging(self._nested.on_element(element, timestamp, window, ctx))

    def on_event_time(self, time, window, ctx):
        return self._purging(self._nested.on_event_time(time, window, ctx))

    def on_processing_time(self, time, window, ctx):
        return self._purging(self._nested.on_processing_time(time, window, ctx))

    def can_merge(self):
        return self._nested.can_merge()

    def on_merge(self, window, ctx):
        self._nested.on_merge(window, ctx)

    def clear(self, window, ctx):
        self._nested.clear(window, ctx)


class Evictor:
    """Removes records from a window when it fires, as Flink's ``Evictor``; Weir runs the built-in ones below in its
    JVM, before the window function or, with ``do_evict_after``, after it."""

    def __init__(self, plan):
        self._plan_entry = plan


def _evict_after(value, call):
    if not isinstance(value, bool):
        raise TypeError("%s takes a bool for do_evict_after, not %r" % (call, value))
    return value


class CountEvictor(Evictor):
    """Keeps the window's last ``max_count`` records (in the order they came), as Flink's ``CountEvictor``."""

    @staticmethod
    def of(max_count, do_evict_after=False):
        call = "CountEvictor.of(...)"
        return CountEvictor({"type": "count", "count": _count(max_count, call),
                             "after": _evict_after(do_evict_after, call)})


class TimeEvictor(Evictor):
    """Keeps the records of the window's last ``window_size`` of event time (those with a timestamp above the newest
    record's minus ``window_size``), as Flink's ``TimeEvictor``."""

    @staticmethod
    def of(window_size, do_evict_after=False):
        call = "TimeEvictor.of(...)"
        return TimeEvictor({"type": "time", "millis": to_millis(window_size, call, "the window size"),
                            "after": _evict_after(do_evict_after, call)})


class DeltaEvictor(Evictor):
    """Flink's evictor by a delta function; refused, as its function would be Python called from the JVM's window."""

    @staticmethod
    def of(threshold, delta_function, do_evict_after=False):
        raise NotImplementedError("DeltaEvictor.of(...) is not supported by Weir's Python API; use CountEvictor or "
                                  "TimeEvictor, or drop the records beyond the threshold in process(...)")

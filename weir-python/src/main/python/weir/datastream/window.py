"""PyFlink's window assigners (``pyflink.datastream.window``); windows run in Weir's JVM."""
from weir.common.time import Time, to_millis


class WindowAssigner:
    """Puts each record into windows; the subclasses are PyFlink's."""

    def __init__(self, plan):
        self._plan_entry = plan

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


class ProcessingTimeSessionWindows(WindowAssigner):
    @staticmethod
    def with_gap(size):
        return ProcessingTimeSessionWindows({"type": "processing_time_session",
                                             "gap": to_millis(size, "ProcessingTimeSessionWindows.with_gap(...)", "the gap")})

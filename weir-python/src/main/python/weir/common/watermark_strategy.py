"""PyFlink's ``WatermarkStrategy`` and ``TimestampAssigner``."""
from weir.common.time import to_millis


class TimestampAssigner:
    """Gives each record its event time in epoch milliseconds, as PyFlink's ``TimestampAssigner``."""

    def extract_timestamp(self, value, record_timestamp):
        raise NotImplementedError("a TimestampAssigner must define extract_timestamp(self, value, record_timestamp)")


class WatermarkStrategy:
    """How a stream gets timestamps and watermarks, built with PyFlink's factory methods."""

    def __init__(self, kind, millis=0, assigner=None, idleness_millis=None):
        self._kind = kind
        self._millis = millis
        self._assigner = assigner
        self._idleness_millis = idleness_millis

    @staticmethod
    def for_bounded_out_of_orderness(max_out_of_orderness):
        millis = to_millis(max_out_of_orderness, "WatermarkStrategy.for_bounded_out_of_orderness(...)", "the bound")
        if millis < 0:
            raise ValueError("WatermarkStrategy.for_bounded_out_of_orderness(...) needs a bound of 0 or more, not %d ms"
                             % millis)
        return WatermarkStrategy("bounded_out_of_orderness", millis)

    @staticmethod
    def for_monotonous_timestamps():
        return WatermarkStrategy("monotonous_timestamps")

    @staticmethod
    def no_watermarks():
        return WatermarkStrategy("no_watermarks")

    def with_timestamp_assigner(self, timestamp_assigner):
        """Uses ``timestamp_assigner`` (a TimestampAssigner, or a function of (value, record_timestamp))."""
        if isinstance(timestamp_assigner, TimestampAssigner):
            assigner = timestamp_assigner.extract_timestamp
        elif callable(timestamp_assigner):
            assigner = timestamp_assigner
        else:
            raise TypeError("with_timestamp_assigner(...) needs a TimestampAssigner or a function of "
                            "(value, record_timestamp), not %r" % (timestamp_assigner,))
        return WatermarkStrategy(self._kind, self._millis, assigner, self._idleness_millis)

    def with_idleness(self, idle_timeout):
        """Marks a source split idle after ``idle_timeout`` (a Duration) without records, so the watermark of the
        stream advances with the other splits, as in Flink."""
        millis = to_millis(idle_timeout, "WatermarkStrategy.with_idleness(...)", "the idle timeout")
        if millis <= 0:
            raise ValueError("WatermarkStrategy.with_idleness(...) needs a timeout above 0, not %d ms" % millis)
        return WatermarkStrategy(self._kind, self._millis, self._assigner, millis)

    def with_watermark_alignment(self, watermark_group, max_allowed_watermark_drift, update_interval=None):
        raise NotImplementedError("WatermarkStrategy.with_watermark_alignment(...) is not supported by Weir's Python "
                                  "API yet; leave it out")

    def _plan(self):
        return {"type": self._kind, "millis": self._millis, "has_assigner": self._assigner is not None,
                "idleness_millis": self._idleness_millis}

"""PyFlink's ``Time`` and ``Duration``: spans of time, held in milliseconds."""


class Duration:
    """A span of time, as PyFlink's ``pyflink.common.Duration`` (``Duration.of_seconds(5)``)."""

    def __init__(self, millis):
        self._millis = int(millis)

    @staticmethod
    def of_millis(millis):
        return Duration(millis)

    @staticmethod
    def of_seconds(seconds):
        return Duration(seconds * 1000)

    @staticmethod
    def of_minutes(minutes):
        return Duration(minutes * 60_000)

    @staticmethod
    def of_hours(hours):
        return Duration(hours * 3_600_000)

    @staticmethod
    def of_days(days):
        return Duration(days * 86_400_000)

    @staticmethod
    def zero():
        return Duration(0)

    def to_milliseconds(self):
        return self._millis

    def __eq__(self, other):
        return isinstance(other, (Duration, Time)) and self.to_milliseconds() == other.to_milliseconds()

    def __hash__(self):
        return hash(self._millis)

    def __repr__(self):
        return "Duration(%d ms)" % self._millis


class Time:
    """A window size or gap, as PyFlink's ``pyflink.common.time.Time`` (``Time.seconds(5)``)."""

    def __init__(self, milliseconds):
        self._millis = int(milliseconds)

    @staticmethod
    def milliseconds(milliseconds):
        return Time(milliseconds)

    @staticmethod
    def seconds(seconds):
        return Time(seconds * 1000)

    @staticmethod
    def minutes(minutes):
        return Time(minutes * 60_000)

    @staticmethod
    def hours(hours):
        return Time(hours * 3_600_000)

    @staticmethod
    def days(days):
        return Time(days * 86_400_000)

    def to_milliseconds(self):
        return self._millis

    def __eq__(self, other):
        return isinstance(other, (Duration, Time)) and self.to_milliseconds() == other.to_milliseconds()

    def __hash__(self):
        return hash(self._millis)

    def __repr__(self):
        return "Time(%d ms)" % self._millis


def to_millis(span, call, what):
    """The milliseconds of a Time or Duration given to ``call``; a clear TypeError for anything else."""
    if isinstance(span, (Time, Duration)):
        return span.to_milliseconds()
    raise TypeError("%s needs a Time or Duration for %s (e.g. Time.seconds(5)), not %r" % (call, what, span))

"""PyFlink's ``NumberSequenceSource``: the numbers from ``start`` to ``end``, both included, read in the JVM."""


class NumberSequenceSource:
    """A bounded source of the ints ``start`` to ``end`` (inclusive), split across the source's subtasks."""

    def __init__(self, start, end):
        for name, value in (("start", start), ("end", end)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError("NumberSequenceSource(start, end) needs ints, but %s is %r" % (name, value))
        if start > end:
            raise ValueError("NumberSequenceSource(start, end) needs start <= end, not %d > %d" % (start, end))
        self._start = start
        self._end = end

    def _plan(self):
        return {"kind": "number_sequence", "start": self._start, "end": self._end}

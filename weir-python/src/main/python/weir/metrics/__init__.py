"""PyFlink's ``pyflink.metrics``: the metrics a function registers on ``runtime_context.get_metrics_group()``.

Weir counts them in the worker that runs the function and does not report them to its dashboard or Prometheus yet,
so a program that registers metrics runs unchanged and can read its own counts."""


class Counter:
    """A count that goes up and down: ``inc(n=1)``, ``dec(n=1)``, ``get_count()``."""

    def __init__(self):
        self._count = 0

    def inc(self, n=1):
        self._count += n

    def dec(self, n=1):
        self._count -= n

    def get_count(self):
        return self._count


class Meter:
    """Events per second: ``mark_event(value=1)``, ``get_count()`` (the events marked so far)."""

    def __init__(self, time_span_in_seconds=60):
        self._time_span = time_span_in_seconds
        self._count = 0

    def mark_event(self, value=1):
        self._count += value

    def get_count(self):
        return self._count


class Distribution:
    """The values a function records with ``update(value)``."""

    def __init__(self):
        self._values = []

    def update(self, value):
        self._values.append(value)


class MetricGroup:
    """Named metrics and subgroups, as PyFlink's ``MetricGroup``; the same name gives the same metric."""

    def __init__(self):
        self._metrics = {}
        self._groups = {}

    def add_group(self, name, extra=None):
        key = (name, extra)
        if key not in self._groups:
            self._groups[key] = MetricGroup()
        return self._groups[key]

    def _metric(self, name, factory):
        if name not in self._metrics:
            self._metrics[name] = factory()
        return self._metrics[name]

    def counter(self, name):
        return self._metric(name, Counter)

    def meter(self, name, time_span_in_seconds=60):
        return self._metric(name, lambda: Meter(time_span_in_seconds))

    def distribution(self, name):
        return self._metric(name, Distribution)

    def gauge(self, name, obj):
        """Registers ``obj`` (a function of no arguments returning an int) as a gauge."""
        self._metrics[name] = obj
        return obj


__all__ = ["Counter", "Distribution", "Meter", "MetricGroup"]

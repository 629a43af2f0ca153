"""A bundle of a KeyedProcessFunction's records, processed in one conversation with the JVM's
BundledKeyedProcessOperator: the records of many keys in order, each with its key current, as if they came one at a
time. The JVM sends each key's value of every value state the function used so far, so a value state is read from
the JVM at most once per key and bundle; its writes go back with the outputs, as do timer calls (no timer fires
during a bundle: the JVM finishes a bundle before any timer fires). Other state calls go to the JVM for the
record's key."""
from weir.datastream.output_tag import OutputTag

_NO_TIMESTAMP = -(1 << 63)


class KeyedBundle:
    """Serves the state and timer requests of a bundle's records. ``ask(kind, *args)`` is a request to the JVM;
    ``ttl_names`` the states with a time to live, whose every read and write goes to the JVM (a read renews it)."""

    def __init__(self, ask, ttl_names):
        self._ask = ask
        self._ttl_names = ttl_names
        self._key = 0
        #: (state name, key number) -> the value as the bundle left it.
        self._values = {}
        self._writes = {}
        self._timers = []
        #: The record being processed, for the message of its error.
        self.record = None

    def process(self, message, function, ctx, timers):
        """The reply to ``["bundle", watermark, keys, values, timestamps, key numbers, [[value state name, [its value
        for each key number]], ...]]``: ``["done", outputs, the number of outputs of each record, side outputs as
        [record index, tag, value], value state writes as [name, key number, value, cleared], timers as [key number,
        request, time]]``."""
        _, timers._watermark, keys, values, timestamps, key_numbers, prefetched = message
        self._values.clear()
        for name, per_key in prefetched:
            for key, value in enumerate(per_key):
                self._values[(name, key)] = value
        self._writes.clear()
        self._timers = []
        ctx._time_domain = None
        outputs = []
        counts = []
        side_outputs = []
        for index, value in enumerate(values):
            self.record = value
            self._key = key = key_numbers[index]
            ctx._key = keys[key]
            timestamp = timestamps[index]
            ctx._timestamp = None if timestamp == _NO_TIMESTAMP else timestamp
            result = function.process_element(value, ctx)
            before = len(outputs)
            if result is not None:
                for output in result:
                    if type(output) is tuple and len(output) == 2 and isinstance(output[0], OutputTag):
                        side_outputs.append([index, output[0].tag_id, output[1]])
                    else:
                        outputs.append(output)
            counts.append(len(outputs) - before)
        writes = [[name, key, value, value is None] for (name, key), value in self._writes.items()]
        return ["done", outputs, counts, side_outputs, writes, self._timers]

    def request(self, kind, args):
        """A state or timer call of the record being processed."""
        if kind.startswith("value_") and args[0] not in self._ttl_names:
            slot = (args[0], self._key)
            if kind == "value_get":
                if slot in self._values:
                    return self._values[slot]
                value = self._values[slot] = self._ask("keyed", self._key, kind, *args)
                return value
            # As in Flink, updating a value state to None clears it.
            value = args[1] if kind == "value_update" else None
            self._values[slot] = self._writes[slot] = value
            return None
        if kind.startswith("timer_"):
            self._timers.append([self._key, kind, args[0]])
            return None
        if kind == "state_ttl" or kind == "processing_time":
            return self._ask(kind, *args)
        return self._ask("keyed", self._key, kind, *args)

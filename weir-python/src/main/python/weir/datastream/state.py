"""PyFlink's keyed state (``pyflink.datastream.state``): descriptors, and the state handles a KeyedProcessFunction
gets from its RuntimeContext. The values live in Weir's state backend, so checkpoints hold them; every call on a
handle is a request to the JVM for the current key.

``ReducingState`` and ``AggregatingState`` keep their value (the reduced value, the accumulator) in a value state of
Weir's and run the user's reduce or aggregate function here, in the worker, so no call goes back from the JVM."""
from weir.common.time import to_millis


class StateDescriptor:
    """Names a piece of keyed state; the type information is accepted (values are plain Python values)."""

    def __init__(self, name, *type_infos):
        if not isinstance(name, str) or not name:
            raise ValueError("a state descriptor needs a non-empty name, not %r" % (name,))
        self.name = name
        self.type_infos = type_infos
        self._ttl = None

    def enable_time_to_live(self, ttl_config):
        """Values expire ``ttl_config``'s time after they were written (processing time), as in PyFlink."""
        if not isinstance(ttl_config, StateTtlConfig):
            raise TypeError("enable_time_to_live needs a StateTtlConfig (StateTtlConfig.new_builder(Time.seconds(1))"
                            ".build()), not %r" % (ttl_config,))
        self._ttl = ttl_config

    def get_name(self):
        return self.name


class ValueStateDescriptor(StateDescriptor):
    def __init__(self, name, value_type_info=None):
        super().__init__(name, value_type_info)


class ListStateDescriptor(StateDescriptor):
    def __init__(self, name, elem_type_info=None):
        super().__init__(name, elem_type_info)


class MapStateDescriptor(StateDescriptor):
    def __init__(self, name, key_type_info=None, value_type_info=None):
        super().__init__(name, key_type_info, value_type_info)


class ReducingStateDescriptor(StateDescriptor):
    """A reducing state: ``reduce_function`` (a ReduceFunction or a function of two values) combines each added value
    with the state's."""

    def __init__(self, name, reduce_function, type_info=None):
        super().__init__(name, type_info)
        from weir.datastream.functions import ReduceFunction, as_callable
        self.reduce_function = as_callable(reduce_function, ReduceFunction, "reduce", "ReducingStateDescriptor")


class AggregatingStateDescriptor(StateDescriptor):
    """An aggregating state: ``agg_function`` (an AggregateFunction) adds each value to the state's accumulator."""

    def __init__(self, name, agg_function, state_type_info=None):
        super().__init__(name, state_type_info)
        from weir.datastream.functions import AggregateFunction
        if not isinstance(agg_function, AggregateFunction):
            raise TypeError("AggregatingStateDescriptor needs an AggregateFunction (create_accumulator, add, "
                            "get_result), not %r" % (agg_function,))
        self.agg_function = agg_function


class StateTtlConfig:
    """PyFlink's state time-to-live: how long a value lives after it was written (or read), and whether an expired
    value that is still stored may be returned. Weir measures it in processing time, as PyFlink does."""

    class UpdateType:
        Disabled = "Disabled"
        OnCreateAndWrite = "OnCreateAndWrite"
        OnReadAndWrite = "OnReadAndWrite"

    class StateVisibility:
        ReturnExpiredIfNotCleanedUp = "ReturnExpiredIfNotCleanedUp"
        NeverReturnExpired = "NeverReturnExpired"

    class TtlTimeCharacteristic:
        ProcessingTime = "ProcessingTime"

    def __init__(self, update_type, state_visibility, ttl_millis):
        self._update_type = update_type
        self._state_visibility = state_visibility
        self._ttl_millis = ttl_millis

    @staticmethod
    def new_builder(ttl):
        return StateTtlConfig.Builder(ttl)

    def get_update_type(self):
        return self._update_type

    def get_state_visibility(self):
        return self._state_visibility

    def get_ttl(self):
        from weir.common.time import Time
        return Time.milliseconds(self._ttl_millis)

    def is_enabled(self):
        return self._update_type != StateTtlConfig.UpdateType.Disabled

    class Builder:
        def __init__(self, ttl):
            self._ttl_millis = to_millis(ttl, "StateTtlConfig.new_builder", "the time to live")
            self._update_type = StateTtlConfig.UpdateType.OnCreateAndWrite
            self._state_visibility = StateTtlConfig.StateVisibility.NeverReturnExpired

        def set_update_type(self, update_type):
            self._update_type = update_type
            return self

        def update_ttl_on_create_and_write(self):
            return self.set_update_type(StateTtlConfig.UpdateType.OnCreateAndWrite)

        def update_ttl_on_read_and_write(self):
            return self.set_update_type(StateTtlConfig.UpdateType.OnReadAndWrite)

        def set_state_visibility(self, state_visibility):
            self._state_visibility = state_visibility
            return self

        def return_expired_if_not_cleaned_up(self):
            return self.set_state_visibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)

        def never_return_expired(self):
            return self.set_state_visibility(StateTtlConfig.StateVisibility.NeverReturnExpired)

        def set_ttl_time_characteristic(self, ttl_time_characteristic):
            if ttl_time_characteristic != StateTtlConfig.TtlTimeCharacteristic.ProcessingTime:
                raise ValueError("state time-to-live follows processing time only, as in PyFlink")
            return self

        def use_processing_time(self):
            return self

        def set_ttl(self, ttl):
            self._ttl_millis = to_millis(ttl, "StateTtlConfig.Builder.set_ttl", "the time to live")
            return self

        def cleanup_full_snapshot(self):
            return self

        def cleanup_incrementally(self, cleanup_size, run_cleanup_for_every_record):
            return self

        def cleanup_in_rocksdb_compact_filter(self, query_time_after_num_entries, periodic_compaction_time=None):
            return self

        def disable_cleanup_in_background(self):
            return self

        def build(self):
            return StateTtlConfig(self._update_type, self._state_visibility, self._ttl_millis)


class _Handle:
    """A state handle's link to the JVM; tells it the state's time-to-live before the state's first use."""

    def __init__(self, channel, descriptor, family):
        self._channel = channel
        self._name = descriptor.name
        ttl = descriptor._ttl
        self._declaration = None if ttl is None else (family, ttl._ttl_millis, ttl._update_type, ttl._state_visibility)

    def _request(self, kind, *args):
        if self._declaration is not None:
            self._channel.request("state_ttl", self._name, *self._declaration)
            self._declaration = None
        return self._channel.request(kind, self._name, *args)


class ValueState(_Handle):
    """One value per key: ``value()`` (None when unset), ``update(value)``, ``clear()``."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor, "value")

    def value(self):
        return self._request("value_get")

    def update(self, value):
        self._request("value_update", value)

    def clear(self):
        self._request("value_clear")


class ReducingState(ValueState):
    """A value per key that each ``add(value)`` combines with the reduce function: ``get()``, ``add``, ``clear()``."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor)
        self._reduce = descriptor.reduce_function

    def get(self):
        return self.value()

    def add(self, value):
        current = self.value()
        self.update(value if current is None else self._reduce(current, value))


class AggregatingState(ValueState):
    """An accumulator per key that each ``add(value)`` feeds: ``get()`` is the aggregate function's result (None
    when nothing was added), ``add``, ``clear()``."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor)
        self._function = descriptor.agg_function

    def get(self):
        accumulator = self.value()
        return None if accumulator is None else self._function.get_result(accumulator)

    def add(self, value):
        accumulator = self.value()
        if accumulator is None:
            accumulator = self._function.create_accumulator()
        self.update(self._function.add(value, accumulator))


class ListState(_Handle):
    """A list per key: ``get()``, ``add(value)``, ``add_all(values)``, ``update(values)``, ``clear()``."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor, "list")

    def get(self):
        return self._request("list_get")

    def add(self, value):
        self._request("list_add", value)

    def add_all(self, values):
        for value in values:
            self.add(value)

    def update(self, values):
        self._request("list_update", list(values))

    def clear(self):
        self._request("list_clear")


def _keys(state):
    """A map-like state's keys, from its ``items()`` (one request)."""
    return [key for key, _ in state.items()]


def _values(state):
    return [value for _, value in state.items()]


def _is_empty(state):
    return not state.items()


class MapState(_Handle):
    """A map per key: ``get``, ``put``, ``put_all``, ``contains``, ``remove``, ``keys``, ``values``, ``items``,
    ``is_empty``, ``clear``."""

    def __init__(self, channel, descriptor):
        super().__init__(channel, descriptor, "map")

    def get(self, key):
        return self._request("map_get", key)

    def put(self, key, value):
        self._request("map_put", key, value)

    def put_all(self, dict_value):
        for key, value in dict_value.items():
            self.put(key, value)

    def contains(self, key):
        return self._request("map_contains", key)

    def remove(self, key):
        self._request("map_remove", key)

    def items(self):
        return [tuple(item) for item in self._request("map_items")]

    keys = _keys
    values = _values
    is_empty = _is_empty

    def clear(self):
        self._request("map_clear")


class ReadOnlyBroadcastState:
    """The broadcast state as ``process_element`` and ``on_timer`` see it: ``get``, ``contains``, ``items``, ``keys``,
    ``values``, ``is_empty``; changing it raises, as in Flink."""

    def __init__(self, channel, name):
        self._channel = channel
        self._name = name

    def _request(self, kind, *args):
        return self._channel.request(kind, self._name, *args)

    def get(self, key):
        return self._request("broadcast_get", key)

    def contains(self, key):
        return self._request("broadcast_contains", key)

    def items(self):
        return [tuple(item) for item in self._request("broadcast_items")]

    keys = _keys
    values = _values
    is_empty = _is_empty

    def __getitem__(self, key):
        return self.get(key)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return iter(self.keys())

    def put(self, key, value):
        raise _read_only("put")

    def put_all(self, dict_value):
        raise _read_only("put_all")

    def remove(self, key):
        raise _read_only("remove")

    def clear(self):
        raise _read_only("clear")


def _read_only(call):
    from weir.errors import StateUnavailableError
    return StateUnavailableError("%s(...) on the broadcast state in process_element or on_timer: it is read-only there, "
                                 "as in Flink; change it in process_broadcast_element" % call)


class BroadcastState(ReadOnlyBroadcastState):
    """The broadcast state as ``process_broadcast_element`` sees it: also ``put``, ``put_all``, ``remove``, ``clear``."""

    def put(self, key, value):
        self._request("broadcast_put", key, value)

    def put_all(self, dict_value):
        for key, value in dict_value.items():
            self.put(key, value)

    def remove(self, key):
        self._request("broadcast_remove", key)

    def clear(self):
        self._request("broadcast_clear")

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)

"""PyFlink's keyed state (``pyflink.datastream.state``): descriptors, and the state handles a KeyedProcessFunction
gets from its RuntimeContext. The values live in Weir's state backend, so checkpoints hold them; every call on a
handle is a request to the JVM for the current key."""


class StateDescriptor:
    """Names a piece of keyed state; the type information is accepted (values are plain Python values)."""

    def __init__(self, name, *type_infos):
        if not isinstance(name, str) or not name:
            raise ValueError("a state descriptor needs a non-empty name, not %r" % (name,))
        self.name = name
        self.type_infos = type_infos

    def enable_time_to_live(self, ttl_config):
        raise NotImplementedError("state time-to-live is not supported by Weir's Python API yet; clear the state "
                                  "from a timer (ctx.timer_service().register_event_time_timer(...)) instead")

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


class ValueState:
    """One value per key: ``value()`` (None when unset), ``update(value)``, ``clear()``."""

    def __init__(self, channel, name):
        self._channel = channel
        self._name = name

    def value(self):
        return self._channel.request("value_get", self._name)

    def update(self, value):
        self._channel.request("value_update", self._name, value)

    def clear(self):
        self._channel.request("value_clear", self._name)


class ListState:
    """A list per key: ``get()``, ``add(value)``, ``add_all(values)``, ``update(values)``, ``clear()``."""

    def __init__(self, channel, name):
        self._channel = channel
        self._name = name

    def get(self):
        return self._channel.request("list_get", self._name)

    def add(self, value):
        self._channel.request("list_add", self._name, value)

    def add_all(self, values):
        for value in values:
            self.add(value)

    def update(self, values):
        self._channel.request("list_update", self._name, list(values))

    def clear(self):
        self._channel.request("list_clear", self._name)


class MapState:
    """A map per key: ``get``, ``put``, ``put_all``, ``contains``, ``remove``, ``keys``, ``values``, ``items``,
    ``is_empty``, ``clear``."""

    def __init__(self, channel, name):
        self._channel = channel
        self._name = name

    def get(self, key):
        return self._channel.request("map_get", self._name, key)

    def put(self, key, value):
        self._channel.request("map_put", self._name, key, value)

    def put_all(self, dict_value):
        for key, value in dict_value.items():
            self.put(key, value)

    def contains(self, key):
        return self._channel.request("map_contains", self._name, key)

    def remove(self, key):
        self._channel.request("map_remove", self._name, key)

    def items(self):
        return [tuple(item) for item in self._channel.request("map_items", self._name)]

    def keys(self):
        return [key for key, _ in self.items()]

    def values(self):
        return [value for _, value in self.items()]

    def is_empty(self):
        return not self.items()

    def clear(self):
        self._channel.request("map_clear", self._name)

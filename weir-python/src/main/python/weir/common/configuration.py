"""PyFlink's ``Configuration``: Flink's option keys and string values, applied to the job's environment."""


class Configuration:
    """Options by Flink's keys (e.g. ``execution.checkpointing.dir``), as PyFlink's ``Configuration``."""

    def __init__(self):
        self._options = {}

    def set_string(self, key, value):
        self._options[str(key)] = str(value)
        return self

    def set_integer(self, key, value):
        return self.set_string(key, int(value))

    def set_boolean(self, key, value):
        return self.set_string(key, "true" if value else "false")

    def set_float(self, key, value):
        return self.set_string(key, float(value))

    def get_string(self, key, default_value=None):
        return self._options.get(key, default_value)

    def get_integer(self, key, default_value):
        value = self._options.get(key)
        return default_value if value is None else int(value)

    def get_float(self, key, default_value):
        value = self._options.get(key)
        return default_value if value is None else float(value)

    def get_boolean(self, key, default_value):
        value = self._options.get(key)
        return default_value if value is None else value.lower() == "true"

    def key_set(self):
        return set(self._options)

    def remove_config(self, key):
        """Removes ``key``; whether it was set."""
        return self._options.pop(key, None) is not None

    def add_all(self, other, prefix=None):
        """Copies the options of ``other`` (a Configuration), each key after ``prefix`` if one is given."""
        for key, value in other._options.items():
            self._options[key if prefix is None else prefix + key] = value
        return self

    def contains_key(self, key):
        return key in self._options

    def to_dict(self):
        return dict(self._options)

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

    def get_string(self, key, default_value=None):
        return self._options.get(key, default_value)

    def contains_key(self, key):
        return key in self._options

    def to_dict(self):
        return dict(self._options)

"""PyFlink's state backends (``pyflink.datastream.state_backend``): where keyed state lives."""


class StateBackend:
    """The base of the state backends ``set_state_backend`` takes."""

    def _backend_type(self):
        raise NotImplementedError


class HashMapStateBackend(StateBackend):
    """Keyed state as objects on the JVM's heap (Flink's ``hashmap``, Weir's default)."""

    def _backend_type(self):
        return "hashmap"


class EmbeddedRocksDBStateBackend(StateBackend):
    """Keyed state in RocksDB (Flink's ``rocksdb``). Weir's Python runner does not ship weir-rocksdb, so
    ``set_state_backend`` refuses it."""

    def __init__(self, enable_incremental_checkpointing=None):
        self._incremental = enable_incremental_checkpointing

    def _backend_type(self):
        raise NotImplementedError("set_state_backend(EmbeddedRocksDBStateBackend()): Weir's Python API keeps keyed "
                                  "state in the JVM's heap only; use HashMapStateBackend() (or leave the backend "
                                  "unset)")

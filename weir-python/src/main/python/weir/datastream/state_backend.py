"""PyFlink's state backends (``pyflink.datastream.state_backend``): where keyed state lives."""


class StateBackend:
    """The base of the state backends ``set_state_backend`` takes."""

    def _backend_type(self):
        raise NotImplementedError

    def _settings(self):
        """Flink's configuration keys this backend stands for."""
        return {"state.backend.type": self._backend_type()}


class HashMapStateBackend(StateBackend):
    """Keyed state as objects on the JVM's heap (Flink's ``hashmap``, Weir's default)."""

    def _backend_type(self):
        return "hashmap"


class EmbeddedRocksDBStateBackend(StateBackend):
    """Keyed state in an embedded RocksDB on local disk (Flink's ``rocksdb``; Weir's weir-rocksdb backend), for state
    larger than memory. ``enable_incremental_checkpointing`` (Flink's ``state.backend.incremental``, off by default)
    makes a checkpoint write only the files RocksDB wrote since the last one."""

    def __init__(self, enable_incremental_checkpointing=None):
        if enable_incremental_checkpointing is not None and not isinstance(enable_incremental_checkpointing, bool):
            raise TypeError("EmbeddedRocksDBStateBackend(...) takes a bool for enable_incremental_checkpointing, "
                            "not %r" % (enable_incremental_checkpointing,))
        self._incremental = enable_incremental_checkpointing

    def is_incremental_checkpoints_enabled(self):
        return bool(self._incremental)

    def _backend_type(self):
        return "rocksdb"

    def _settings(self):
        settings = {"state.backend.type": "rocksdb"}
        if self._incremental is not None:
            settings["state.backend.incremental"] = "true" if self._incremental else "false"
        return settings

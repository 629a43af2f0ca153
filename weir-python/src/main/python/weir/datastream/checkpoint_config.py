"""PyFlink's ``CheckpointConfig``: each setter writes Flink's ``execution.checkpointing.*`` option, which Weir reads as
Flink does."""
from enum import Enum

from weir.datastream.checkpointing_mode import CheckpointingMode


class ExternalizedCheckpointRetention(Enum):
    """Whether a job's last checkpoint stays when the job is cancelled (Flink 2.x's name)."""
    DELETE_ON_CANCELLATION = 0
    RETAIN_ON_CANCELLATION = 1
    NO_EXTERNALIZED_CHECKPOINTS = 2


#: Flink 1.x's name of the same choice.
ExternalizedCheckpointCleanup = ExternalizedCheckpointRetention


def _millis(value, call):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("%s needs milliseconds as an int of at least 0, not %r" % (call, value))
    return value


class CheckpointConfig:
    """The checkpoint settings of an environment (``env.get_checkpoint_config()``), as PyFlink's."""

    def __init__(self, env):
        self._env = env

    def _set(self, key, value):
        self._env._configuration[key] = str(value)
        return self

    def _get(self, key, default):
        return self._env._configuration.get(key, default)

    def is_checkpointing_enabled(self):
        return self._env._checkpoint_interval is not None

    def get_checkpoint_interval(self):
        """The interval in milliseconds, -1 while checkpointing is off (Flink's value)."""
        return self._env._checkpoint_interval if self._env._checkpoint_interval is not None else -1

    def set_checkpoint_interval(self, checkpoint_interval):
        """Turns checkpointing on every ``checkpoint_interval`` milliseconds, as ``enable_checkpointing`` does."""
        self._env.enable_checkpointing(checkpoint_interval)
        return self

    def get_checkpointing_mode(self):
        return CheckpointingMode[self._get("execution.checkpointing.mode", "EXACTLY_ONCE")]

    def set_checkpointing_mode(self, checkpointing_mode):
        if not isinstance(checkpointing_mode, CheckpointingMode):
            raise TypeError("set_checkpointing_mode(...) needs a CheckpointingMode, not %r" % (checkpointing_mode,))
        return self._set("execution.checkpointing.mode", checkpointing_mode.name)

    def get_checkpoint_timeout(self):
        return int(self._get("execution.checkpointing.timeout", "600000 ms").split()[0])

    def set_checkpoint_timeout(self, checkpoint_timeout):
        return self._set("execution.checkpointing.timeout",
                         "%d ms" % _millis(checkpoint_timeout, "set_checkpoint_timeout(...)"))

    def get_min_pause_between_checkpoints(self):
        return int(self._get("execution.checkpointing.min-pause", "0 ms").split()[0])

    def set_min_pause_between_checkpoints(self, min_pause_between_checkpoints):
        return self._set("execution.checkpointing.min-pause",
                         "%d ms" % _millis(min_pause_between_checkpoints, "set_min_pause_between_checkpoints(...)"))

    def get_max_concurrent_checkpoints(self):
        return int(self._get("execution.checkpointing.max-concurrent-checkpoints", "1"))

    def set_max_concurrent_checkpoints(self, max_concurrent_checkpoints):
        if isinstance(max_concurrent_checkpoints, bool) or not isinstance(max_concurrent_checkpoints, int) \
                or max_concurrent_checkpoints < 1:
            raise ValueError("set_max_concurrent_checkpoints(...) needs a positive int, not %r"
                             % (max_concurrent_checkpoints,))
        return self._set("execution.checkpointing.max-concurrent-checkpoints", max_concurrent_checkpoints)

    def get_tolerable_checkpoint_failure_number(self):
        return int(self._get("execution.checkpointing.tolerable-failed-checkpoints", "0"))

    def set_tolerable_checkpoint_failure_number(self, tolerable_checkpoint_failure_number):
        return self._set("execution.checkpointing.tolerable-failed-checkpoints",
                         _millis(tolerable_checkpoint_failure_number, "set_tolerable_checkpoint_failure_number(...)"))

    def set_externalized_checkpoint_retention(self, retention_mode):
        if not isinstance(retention_mode, ExternalizedCheckpointRetention):
            raise TypeError("set_externalized_checkpoint_retention(...) needs an ExternalizedCheckpointRetention, "
                            "not %r" % (retention_mode,))
        return self._set("execution.checkpointing.externalized-checkpoint-retention", retention_mode.name)

    def set_externalized_checkpoint_cleanup(self, cleanup_mode):
        """Flink 1.x's name of ``set_externalized_checkpoint_retention``."""
        return self.set_externalized_checkpoint_retention(cleanup_mode)

    def enable_externalized_checkpoints(self, cleanup_mode):
        """Flink 1.x's deprecated name of ``set_externalized_checkpoint_retention``."""
        return self.set_externalized_checkpoint_retention(cleanup_mode)

    def get_externalized_checkpoint_retention(self):
        return ExternalizedCheckpointRetention[self._get("execution.checkpointing.externalized-checkpoint-retention",
                                                         "NO_EXTERNALIZED_CHECKPOINTS")]

    def is_externalized_checkpoints_enabled(self):
        return self.get_externalized_checkpoint_retention() != \
            ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS

    def enable_unaligned_checkpoints(self, enabled=True):
        return self._set("execution.checkpointing.unaligned.enabled", "true" if enabled else "false")

    def disable_unaligned_checkpoints(self):
        return self.enable_unaligned_checkpoints(False)

    def is_unaligned_checkpoints_enabled(self):
        return self._get("execution.checkpointing.unaligned.enabled", "false") == "true"

    def set_checkpoint_storage(self, storage):
        """Where checkpoints are written: a FileSystemCheckpointStorage(path) or JobManagerCheckpointStorage()."""
        from weir.datastream.checkpoint_storage import CheckpointStorage
        if not isinstance(storage, CheckpointStorage):
            raise TypeError("set_checkpoint_storage(...) needs a CheckpointStorage such as "
                            "FileSystemCheckpointStorage('file:///checkpoints'), not %r" % (storage,))
        for key, value in storage._settings().items():
            self._set(key, value)
        self._env._checkpoint_storage = storage
        return self

    def get_checkpoint_storage(self):
        """The storage set with ``set_checkpoint_storage`` (None where Weir's default applies)."""
        return getattr(self._env, "_checkpoint_storage", None)

    def set_checkpoint_storage_dir(self, checkpoint_path):
        """Writes checkpoints under ``checkpoint_path`` (a directory or ``file://`` URI)."""
        return self._set("execution.checkpointing.dir", checkpoint_path)

    def get_checkpoint_storage_dir(self):
        return self._get("execution.checkpointing.dir", None)

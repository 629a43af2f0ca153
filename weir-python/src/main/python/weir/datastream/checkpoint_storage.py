"""PyFlink's checkpoint storages (``pyflink.datastream.checkpoint_storage``): where checkpoints are written, set with
``CheckpointConfig.set_checkpoint_storage(...)``. Weir writes every checkpoint to files, in the directory the storage
names (Weir's default ``weir-checkpoints`` without one)."""


class CheckpointStorage:
    """The base of the checkpoint storages ``set_checkpoint_storage`` takes."""

    def __init__(self, kind, checkpoint_path):
        self._kind = kind
        self._path = None if checkpoint_path is None else str(checkpoint_path)

    def _settings(self):
        """Flink's configuration keys this storage stands for."""
        settings = {"execution.checkpointing.storage": self._kind}
        if self._path is not None:
            settings["execution.checkpointing.dir"] = self._path
        return settings


class JobManagerCheckpointStorage(CheckpointStorage):
    """Flink's storage in the JobManager's memory (``jobmanager``). Weir has no JobManager: its checkpoints go to files
    all the same, under ``checkpoint_path`` if given; ``max_state_size`` is accepted."""

    def __init__(self, checkpoint_path=None, max_state_size=None):
        super().__init__("jobmanager", checkpoint_path)
        self._max_state_size = max_state_size

    def get_checkpoint_path(self):
        return self._path


class FileSystemCheckpointStorage(CheckpointStorage):
    """Checkpoints as files under ``checkpoint_path`` (a directory or ``file://`` URI), Flink's ``filesystem``;
    ``file_state_size_threshold`` and ``write_buffer_size`` are accepted."""

    def __init__(self, checkpoint_path, file_state_size_threshold=None, write_buffer_size=-1):
        if checkpoint_path is None:
            raise ValueError("FileSystemCheckpointStorage(...) needs a checkpoint_path")
        super().__init__("filesystem", checkpoint_path)
        self._file_state_size_threshold = file_state_size_threshold
        self._write_buffer_size = write_buffer_size

    def get_checkpoint_path(self):
        return self._path


class CustomCheckpointStorage(CheckpointStorage):
    """PyFlink's wrapper of a Java CheckpointStorage; refused, as Weir's Python API runs no Java classes of yours."""

    def __init__(self, j_custom_checkpoint_storage):
        raise NotImplementedError("CustomCheckpointStorage(...) is not supported by Weir's Python API; use "
                                  "FileSystemCheckpointStorage(path)")

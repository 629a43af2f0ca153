"""PyFlink's ``pyflink.datastream.connectors.file_system``: Weir's FileSource (text lines) and FileSink (rows), which
run in the JVM."""
from weir.common.serialization import Encoder
from weir.common.time import to_millis


class StreamFormat:
    """How a FileSource reads a file: ``StreamFormat.text_line_format()``, one str record per line."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def text_line_format(charset_name="UTF-8"):
        if str(charset_name).upper().replace("_", "-") not in ("UTF-8", "UTF8"):
            raise ValueError("Weir's Python API reads text as UTF-8 only, not %s" % charset_name)
        return StreamFormat("UTF-8")


class FileSource:
    """Reads the lines of files, or of every file under directories, once or watching for new files."""

    def __init__(self, paths, monitor_millis):
        self._paths = paths
        self._monitor_millis = monitor_millis

    @staticmethod
    def for_record_stream_format(stream_format, *paths):
        if not isinstance(stream_format, StreamFormat):
            raise TypeError("FileSource.for_record_stream_format needs StreamFormat.text_line_format(), not %r"
                            % (stream_format,))
        if not paths:
            raise ValueError("FileSource.for_record_stream_format needs at least one path to read")
        return FileSource.FileSourceBuilder([str(p) for p in paths])

    def _plan(self):
        return {"kind": "file_source", "paths": self._paths, "monitor_millis": self._monitor_millis}

    class FileSourceBuilder:
        def __init__(self, paths):
            self._paths = paths
            self._monitor_millis = None

        def monitor_continuously(self, discovery_interval):
            self._monitor_millis = to_millis(discovery_interval, "monitor_continuously", "the discovery interval")
            return self

        def process_static_file_set(self):
            self._monitor_millis = None
            return self

        def build(self):
            return FileSource(self._paths, self._monitor_millis)


class OutputFileConfig:
    """The names of a FileSink's part files: ``prefix-<subtask>-<n><suffix>``."""

    def __init__(self, part_prefix, part_suffix):
        self._prefix = part_prefix
        self._suffix = part_suffix

    @staticmethod
    def builder():
        return OutputFileConfig.OutputFileConfigBuilder()

    def get_part_prefix(self):
        return self._prefix

    def get_part_suffix(self):
        return self._suffix

    class OutputFileConfigBuilder:
        def __init__(self):
            self._prefix = "part"
            self._suffix = ""

        def with_part_prefix(self, prefix):
            self._prefix = str(prefix)
            return self

        def with_part_suffix(self, suffix):
            self._suffix = str(suffix)
            return self

        def build(self):
            return OutputFileConfig(self._prefix, self._suffix)


class RollingPolicy:
    """When a FileSink starts a new part file: by size and time (the default) or at every checkpoint."""

    def __init__(self, plan):
        self._plan = plan

    @staticmethod
    def default_rolling_policy(part_size=1024 * 1024 * 128, rollover_interval=60 * 1000, inactivity_interval=60 * 1000):
        return RollingPolicy({"type": "default", "part_size": int(part_size), "rollover_millis": int(rollover_interval),
                              "inactivity_millis": int(inactivity_interval)})

    @staticmethod
    def on_checkpoint_rolling_policy():
        return RollingPolicy({"type": "on_checkpoint"})


class BucketAssigner:
    """Which folder under a FileSink's base path a record's part file goes in, as PyFlink's: by the time it is written
    (the default) or the base path itself."""

    def __init__(self, plan):
        self._plan = plan

    @staticmethod
    def base_path_bucket_assigner():
        """Every part file straight under the base path."""
        return BucketAssigner({"type": "base_path"})

    @staticmethod
    def date_time_bucket_assigner(format_str="yyyy-MM-dd--HH", timezone_id=None):
        """A folder per the processing time's ``format_str`` (Java's DateTimeFormatter pattern) in ``timezone_id``
        (e.g. 'UTC'; the machine's zone by default), Flink's default bucket assigner."""
        return BucketAssigner({"type": "date_time", "format": str(format_str),
                               "zone": None if timezone_id is None else str(timezone_id)})


class FileSink:
    """Writes each record as a line into part files under a base path, in bucket folders by hour (Flink's default),
    committed exactly once with checkpoints (or at the end of a bounded job)."""

    def __init__(self, plan):
        self._plan = plan

    @staticmethod
    def for_row_format(base_path, encoder):
        if not isinstance(encoder, Encoder):
            raise TypeError("FileSink.for_row_format needs Encoder.simple_string_encoder(), not %r" % (encoder,))
        return FileSink.RowFormatBuilder(str(base_path))

    def _sink_plan(self):
        return self._plan

    class RowFormatBuilder:
        def __init__(self, base_path):
            self._plan = {"type": "file", "path": base_path, "part_prefix": "part", "part_suffix": "",
                          "rolling": None}

        def with_output_file_config(self, output_file_config):
            self._plan["part_prefix"] = output_file_config.get_part_prefix()
            self._plan["part_suffix"] = output_file_config.get_part_suffix()
            return self

        def with_rolling_policy(self, rolling_policy):
            self._plan["rolling"] = rolling_policy._plan
            return self

        def with_bucket_assigner(self, bucket_assigner):
            if not isinstance(bucket_assigner, BucketAssigner):
                raise TypeError("with_bucket_assigner(...) needs a BucketAssigner (BucketAssigner.base_path_bucket_"
                                "assigner() or date_time_bucket_assigner(...)), not %r" % (bucket_assigner,))
            self._plan["bucket_assigner"] = bucket_assigner._plan
            return self

        def with_bucket_check_interval(self, interval):
            self._plan["bucket_check_millis"] = int(interval)
            return self

        def build(self):
            return FileSink(dict(self._plan))

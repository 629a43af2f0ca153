"""PyFlink's ``pyflink.datastream.connectors``: the sources Weir's Python API offers to ``from_source`` and the sinks
it offers to ``sink_to``."""
from weir.datastream.connectors.base import DeliveryGuarantee
from weir.datastream.connectors.file_system import (BucketAssigner, FileSink, FileSource, OutputFileConfig,
                                                   RollingPolicy, StreamFormat)
from weir.datastream.connectors.number_seq import NumberSequenceSource

__all__ = ["BucketAssigner", "DeliveryGuarantee", "FileSink", "FileSource", "NumberSequenceSource", "OutputFileConfig", "RollingPolicy", "StreamFormat"]

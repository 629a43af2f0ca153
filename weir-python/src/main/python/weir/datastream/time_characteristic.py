"""PyFlink 1.x's ``TimeCharacteristic`` (deprecated in Flink 1.12, gone in 2.x): accepted so older programs port."""
from enum import Enum


class TimeCharacteristic(Enum):
    """What ``set_stream_time_characteristic`` takes; since Flink 1.12 event time is the default and window assigners
    name their own time, so only the periodic watermark interval follows it (0 for ``ProcessingTime``)."""
    ProcessingTime = 0
    IngestionTime = 1
    EventTime = 2

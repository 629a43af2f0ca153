"""PyFlink's ``CheckpointingMode``: what a checkpoint guarantees."""
from enum import Enum


class CheckpointingMode(Enum):
    """``EXACTLY_ONCE`` (aligned barriers, Weir's default) or ``AT_LEAST_ONCE``, as Flink's
    ``execution.checkpointing.mode``."""
    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1

"""PyFlink's ``RuntimeExecutionMode``: streaming or batch execution of the same program."""
from enum import Enum


class RuntimeExecutionMode(Enum):
    """``STREAMING`` (the default), ``BATCH`` (bounded sources only: a rolling aggregation emits one final value per
    key, timers fire at the end of input) or ``AUTOMATIC``, as Flink's ``execution.runtime-mode``."""
    STREAMING = 0
    BATCH = 1
    AUTOMATIC = 2

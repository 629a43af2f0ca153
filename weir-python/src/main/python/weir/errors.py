"""Weir-only exceptions a Python program sees from ``execute()`` and the calls that build a job."""


class InvalidProgramError(Exception):
    """The program cannot run; Weir refused it before the job started. The message names the call and the fix."""


class JobExecutionError(Exception):
    """The job started and failed; for a Python function's error the message holds its operator, record and traceback."""


class StateUnavailableError(Exception):
    """Weir refused a state or timer request of a process function (e.g. state on a stream that is not keyed)."""

"""PyFlink's ``JobClient`` and what it answers with (``JobID``, ``JobStatus``, ``CompletableFuture``): the handle
``execute_async()`` returns on a job that runs in the background."""
import concurrent.futures
import threading
from enum import Enum


class JobStatus(Enum):
    """A job's state, as Flink's ``JobStatus``."""
    INITIALIZING = 0
    CREATED = 1
    RUNNING = 2
    FAILING = 3
    FAILED = 4
    CANCELLING = 5
    CANCELED = 6
    FINISHED = 7
    RESTARTING = 8
    SUSPENDED = 9
    RECONCILING = 10

    def is_globally_terminal_state(self):
        """FINISHED, CANCELED or FAILED: the job will not run again."""
        return self in (JobStatus.FINISHED, JobStatus.CANCELED, JobStatus.FAILED)

    def is_terminal_state(self):
        """A globally terminal state or SUSPENDED."""
        return self.is_globally_terminal_state() or self == JobStatus.SUSPENDED


class JobID:
    """A job's id: 16 bytes, written as 32 hex digits, as Flink's ``JobID``."""

    def __init__(self, hex_string):
        self._hex = hex_string

    def to_hex_string(self):
        return self._hex

    def __eq__(self, other):
        return isinstance(other, JobID) and other._hex == self._hex

    def __hash__(self):
        return hash(self._hex)

    def __str__(self):
        return self._hex

    def __repr__(self):
        return "JobID(%s)" % self._hex


class CompletableFuture(concurrent.futures.Future):
    """PyFlink's future of a JobClient's answers: ``result([timeout])``, ``done()``, ``exception()``, ``cancel()``,
    ``cancelled()``, ``add_done_callback(fn)``."""

    @staticmethod
    def _of(value):
        future = CompletableFuture()
        future.set_result(value)
        return future


class JobExecutionResult:
    """What ``execute()`` returns once the job finished (and a JobClient's result), as PyFlink's."""

    def __init__(self, job_name, net_runtime_millis, job_id=None):
        self._job_name = job_name
        self._net_runtime = net_runtime_millis
        self._job_id = job_id

    def get_job_name(self):
        return self._job_name

    def get_job_id(self):
        return self._job_id

    def get_net_runtime(self):
        return self._net_runtime

    def is_job_execution_result(self):
        return True

    def get_job_execution_result(self):
        return self


class JobClient:
    """A job started by ``execute_async()``, as PyFlink's ``JobClient``: its id, its status, ``cancel()`` and its
    result (which raises the job's failure)."""

    def __init__(self, job_name):
        self._job_name = job_name
        self._lock = threading.Lock()
        self._status = JobStatus.INITIALIZING
        self._job_id = None
        self._control = None
        self._cancel_requested = False
        self._started = threading.Event()
        self._result = CompletableFuture()

    def get_job_id(self):
        """The job's id (once the JVM started it; this waits for that)."""
        self._started.wait()
        return self._job_id

    def get_job_status(self):
        return CompletableFuture._of(self._status)

    def cancel(self):
        """Cancels the job; the future completes once it asked Weir to. The job's result then raises."""
        from weir._internal.frames import write_frame
        with self._lock:
            if not self._status.is_terminal_state():
                self._cancel_requested = True
                if self._control is not None:
                    self._status = JobStatus.CANCELLING
                    write_frame(self._control, b"c")
        return CompletableFuture._of(None)

    def get_job_execution_result(self):
        """A future of the JobExecutionResult; its ``result()`` raises JobExecutionError if the job failed or was
        cancelled, InvalidProgramError if Weir refused it."""
        return self._result

    def stop_with_savepoint(self, advance_to_end_of_event_time=False, savepoint_directory=None, formatType=None):
        raise NotImplementedError("stop_with_savepoint(...) is not supported by Weir's Python API; cancel() the job "
                                  "and restore from its last retained checkpoint (execution.savepoint.path)")

    def trigger_savepoint(self, savepoint_directory=None, formatType=None):
        raise NotImplementedError("trigger_savepoint(...) is not supported by Weir's Python API; retain checkpoints "
                                  "(CheckpointConfig.set_externalized_checkpoint_retention) and restore from one")

    # The driver's side, called from the thread that runs the job.

    def _connected(self, control):
        from weir._internal.frames import write_frame
        with self._lock:
            self._control = control
            if self._cancel_requested:
                self._status = JobStatus.CANCELLING
                write_frame(control, b"c")

    def _running(self, job_id):
        with self._lock:
            self._job_id = JobID(job_id)
            if self._status == JobStatus.INITIALIZING:
                self._status = JobStatus.RUNNING
        self._started.set()

    def _ended(self, status, result=None, error=None):
        with self._lock:
            self._status = status
            self._control = None
        self._started.set()
        if error is not None:
            self._result.set_exception(error)
        else:
            self._result.set_result(result)

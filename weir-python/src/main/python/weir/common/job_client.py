"""PyFlink's ``JobClient`` and what it answers with (``JobID``, ``JobStatus``, ``CompletableFuture``): the handle
``execute_async()`` returns on a job that runs in the background."""
import collections
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
        #: The savepoint requests the JVM has not answered yet, in the order they were sent.
        self._savepoints = collections.deque()

    def get_job_id(self):
        """The job's id (once the JVM started it; this waits for that)."""
        self._started.wait()
        return self._job_id

    def get_job_status(self):
        return CompletableFuture._of(self._status)

    def cancel(self):
        """Cancels the job; the future completes once it asked Weir to. The job's result then raises."""
        with self._lock:
            if not self._status.is_terminal_state():
                self._cancel_requested = True
                if self._control is not None:
                    self._status = JobStatus.CANCELLING
                    _send(self._control, ["cancel"])
        return CompletableFuture._of(None)

    def get_job_execution_result(self):
        """A future of the JobExecutionResult; its ``result()`` raises JobExecutionError if the job failed or was
        cancelled, InvalidProgramError if Weir refused it."""
        return self._result

    def stop_with_savepoint(self, advance_to_end_of_event_time=False, savepoint_directory=None, formatType=None):
        """Takes a savepoint and stops the job (first ending event time if ``advance_to_end_of_event_time``); the
        future gives the savepoint's path once the job ended. Restore with ``execution.savepoint.path``."""
        return self._savepoint(savepoint_directory, True, bool(advance_to_end_of_event_time))

    def trigger_savepoint(self, savepoint_directory=None, formatType=None):
        """Takes a savepoint of the running job (in ``savepoint_directory``, Weir's ``weir-savepoints`` by default);
        the future gives its path."""
        return self._savepoint(savepoint_directory, False, False)

    def _savepoint(self, directory, stop, drain):
        self._started.wait()
        future = CompletableFuture()
        with self._lock:
            if self._control is None:
                from weir.errors import JobExecutionError
                future.set_exception(JobExecutionError("Job '%s' is %s, not RUNNING: no savepoint taken"
                                                       % (self._job_name, self._status.name)))
                return future
            self._savepoints.append(future)
            _send(self._control, ["savepoint", None if directory is None else str(directory), stop, drain])
        return future

    # The driver's side, called from the thread that runs the job.

    def _connected(self, control):
        with self._lock:
            self._control = control
            if self._cancel_requested:
                self._status = JobStatus.CANCELLING
                _send(control, ["cancel"])

    def _running(self, job_id):
        with self._lock:
            self._job_id = JobID(job_id)
            if self._status == JobStatus.INITIALIZING:
                self._status = JobStatus.RUNNING
        self._started.set()

    def _answered(self, message):
        """The JVM's answer to the oldest savepoint request: ``["savepoint", path]`` or ``["savepoint_failed", why]``."""
        from weir.errors import JobExecutionError
        with self._lock:
            future = self._savepoints.popleft()
        if message[0] == "savepoint":
            future.set_result(message[1])
        else:
            future.set_exception(JobExecutionError("The savepoint failed: %s" % message[1]))

    def _ended(self, status, result=None, error=None):
        from weir.errors import JobExecutionError
        with self._lock:
            self._status = status
            self._control = None
            unanswered = list(self._savepoints)
            self._savepoints.clear()
        for future in unanswered:
            future.set_exception(JobExecutionError("Job '%s' ended (%s) before its savepoint was taken"
                                                   % (self._job_name, status.name)))
        self._started.set()
        if error is not None:
            self._result.set_exception(error)
        else:
            self._result.set_result(result)


def _send(control, message):
    from weir._internal import codec
    from weir._internal.frames import write_frame
    write_frame(control, bytes(codec.encode(message, bytearray())))

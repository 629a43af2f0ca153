"""The Python side of ``execute()``: starts the JVM on the plan, forks a worker for each Python operator subtask that
connects, and turns the JVM's report into the result or a Python exception."""
import gc
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import tempfile
import time

from weir._internal import codec, jvm, worker
from weir._internal.frames import read_frame
from weir.errors import InvalidProgramError, JobExecutionError


#: The running job's JVM process id (None between jobs); forked workers inherit it.
jvm_pid = None

#: CPU seconds (user + system) of all Python workers that ended so far, for Weir's benchmarks.
worker_cpu_seconds = 0.0


def run(plan, functions, client=None):
    """Runs the plan's job; returns the values its collect node gathered (empty without one). ``client`` (a
    JobClient of execute_async) learns the job's id and can cancel it."""
    names = {node["id"]: node["name"] for node in plan["nodes"]}
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    configuration = dict(plan.get("configuration") or {})
    java_options = configuration.pop(jvm.JAVA_OPTIONS, "")  # the JVM's own options, not the job's
    plan = dict(plan, port=listener.getsockname()[1], configuration=configuration)
    handle, plan_path = tempfile.mkstemp(prefix="weir-plan-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        json.dump(plan, f)
    children = set()
    process = None
    selector = selectors.DefaultSelector()
    control = None
    outcome = None
    try:
        global jvm_pid
        process = subprocess.Popen(jvm.command(plan_path, java_options), stdin=subprocess.DEVNULL)
        jvm_pid = process.pid
        selector.register(listener, selectors.EVENT_READ)
        collected = []
        while outcome is None:
            for key, _ in selector.select(timeout=0.2):
                if key.fileobj is listener:
                    conn, _ = listener.accept()
                    hello = codec.decode(read_frame(conn))[0]
                    if hello[0] == "control":
                        control = conn
                        selector.register(conn, selectors.EVENT_READ)
                        if client is not None:
                            client._connected(conn)
                    else:
                        _, operator_id, subtask, parallelism = hello
                        children.add(_fork_worker(conn, listener, control, selector, functions[operator_id],
                                                  names[operator_id], subtask, parallelism))
                        conn.close()
                else:
                    payload = read_frame(control)
                    message = codec.decode(payload)[0] if payload is not None else ["lost"]
                    if message[0] == "record":
                        collected.append(message[1])
                    elif message[0] == "started":
                        if client is not None:
                            client._running(message[1])
                    elif message[0] in ("savepoint", "savepoint_failed"):
                        client._answered(message)
                    else:
                        outcome = message
                        break
            _reap(children)
            if outcome is None and control is None and process.poll() is not None:
                outcome = ["lost"]
        if outcome[0] == "finished":
            return collected
        if outcome[0] == "invalid":
            raise InvalidProgramError(in_python_names(outcome[1]))
        if outcome[0] == "failed":
            raise JobExecutionError(outcome[1])
        if outcome[0] == "canceled":
            raise JobExecutionError("The job '%s' was cancelled" % plan["job_name"])
        raise JobExecutionError("Weir's JVM ended (exit code %s) before the job finished; its error output is above"
                                % _exit_code(process))
    finally:
        selector.close()
        listener.close()
        if control is not None:
            control.close()
        if process is not None:
            if outcome is None and process.poll() is None:
                # The driver itself failed (or was interrupted): the job must not run on without its workers.
                process.kill()
            _exit_code(process)
        _stop(children)
        os.remove(plan_path)


def _fork_worker(conn, listener, control, selector, function, name, subtask, parallelism):
    pid = os.fork()
    if pid == 0:
        # The child keeps only its own connection; the lambdas it runs are already in its memory. Freezing the objects
        # it inherited keeps the garbage collector from walking them (and from copying their pages) on every collection.
        gc.freeze()
        selector.close()
        listener.close()
        if control is not None:
            control.close()
        kind, callable_, original = function
        if kind in ("process", "window"):
            worker.serve_process(conn, original, name, subtask, parallelism)
        worker.serve(conn, kind, original if kind.startswith("co_") or kind == "aggregate" else callable_, original, name, subtask,
                     parallelism)
    return pid


def _reap(children):
    global worker_cpu_seconds
    for pid in list(children):
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            children.discard(pid)
            worker_cpu_seconds += usage.ru_utime + usage.ru_stime


def _stop(children):
    """Waits for the workers, which end when the JVM closes their connections, and kills any left after 10 s."""
    deadline = time.monotonic() + 10
    while children and time.monotonic() < deadline:
        _reap(children)
        if children:
            time.sleep(0.02)
    for pid in children:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _exit_code(process):
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


_JAVA_CALL = re.compile(r"\b([a-z]+[A-Z][A-Za-z]*)\(")


def in_python_names(message):
    """Weir's Java message with the Python API's names: assignTimestampsAndWatermarks( becomes
    assign_timestamps_and_watermarks(, and Java's type arguments go."""
    message = message.replace(".<T>", ".")
    return _JAVA_CALL.sub(lambda m: re.sub(r"([A-Z])", lambda c: "_" + c.group(1).lower(), m.group(1)) + "(", message)

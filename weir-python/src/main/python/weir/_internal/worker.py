"""A forked Python worker: runs one operator subtask's Python function on the records its JVM operator sends."""
import os
import sys
import traceback

from weir._internal import codec
from weir._internal.frames import read_frame, write_frame
from weir.datastream.functions import Function, RuntimeContext

_NO_TIMESTAMP = -(1 << 63)
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def serve(conn, kind, function, original, name, subtask, parallelism):
    """Answers the JVM's requests until it closes the connection; never returns (the worker is a forked child)."""
    status = 0
    try:
        if isinstance(original, Function):
            original.open(RuntimeContext(name, subtask, parallelism))
        while True:
            payload = read_frame(conn)
            if payload is None:
                break
            inputs = codec.decode(payload)[0]
            replies = []
            value = None
            try:
                for value in inputs:
                    replies.append(_apply(kind, function, value))
                reply = codec.encode(replies, bytearray(b"R"))
            except Exception as e:
                record = ("records %r and %r" % tuple(value)) if kind == "reduce" else "record %r" % (value,)
                write_frame(conn, b"E" + _describe(e, name, subtask, parallelism, record).encode("utf-8"))
                status = 1
                break
            write_frame(conn, bytes(reply))
        if isinstance(original, Function):
            original.close()
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _apply(kind, function, value):
    if kind == "map":
        return [function(value)]
    if kind == "flat_map":
        result = function(value)
        return [] if result is None else list(result)
    if kind == "filter":
        return [value] if function(value) else []
    if kind == "key_by":
        return [(function(value), value)]
    if kind == "reduce":
        return [function(value[0], value[1])]
    if kind == "timestamp":
        timestamp = function(value, _NO_TIMESTAMP)
        if isinstance(timestamp, bool) or not isinstance(timestamp, int):
            raise TypeError("the timestamp assigner returned %r; it must return the event time in epoch "
                            "milliseconds as an int" % (timestamp,))
        return [(timestamp, value)]
    raise ValueError("unknown Python operator kind %r" % kind)


def _describe(error, name, subtask, parallelism, record):
    """The operator, the record and the traceback of the user's code (weir's own frames left out)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if not os.path.abspath(f.filename).startswith(_PACKAGE_DIR)]
    where = " (subtask %d of %d)" % (subtask + 1, parallelism) if subtask >= 0 else ""
    lines = ["The Python function of %s%s failed on the %s:" % (name, where, record)]
    if frames:
        lines.append("Traceback (most recent call last):")
        lines.append("".join(traceback.format_list(frames)).rstrip("\n"))
    lines.append("".join(traceback.format_exception_only(type(error), error)).rstrip("\n"))
    return "\n".join(lines)
